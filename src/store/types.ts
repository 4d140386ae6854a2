/**
 * The store interface. Every method is atomic on its own; there is deliberately no open-ended
 * `transaction(fn)`, because an async callback on the embedded SQLite connection would let other
 * requests' statements slip into the transaction. Operations that must change several rows
 * together (rotation, say) are single methods that each backend implements atomically.
 */

import type { AuditBatch } from './sqlite-audit-wire.js';
import type { AuditRow, ChainHead } from '../audit/chain.js';
import type { AuditCheckpoint } from '../audit/signing.js';
import type { SealedRepo } from './sealed.js';

export interface ApiKeyRecord {
  /** Public, non-secret part of the key (shown in listings and logs). */
  readonly id: string;
  /** HMAC-SHA256(pepper, full key), hex. The key itself is never stored. */
  readonly hash: string;
  readonly name: string;
  readonly principalId: string;
  readonly principalKind: 'user' | 'service';
  readonly tenant: string;
  readonly roles: readonly string[];
  /** Public model names this key may use; empty means all. */
  readonly models: readonly string[];
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  readonly lastUsedAt: number | null;
  /** Operations (chat, embed, messages, models, scan) this key may call; empty means all. */
  readonly operations: readonly string[];
  /** Source networks (CIDR) this key may be used from; empty means any. */
  readonly cidrs: readonly string[];
}

export interface ApiKeyRepo {
  insert(record: ApiKeyRecord): Promise<void>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  list(): Promise<readonly ApiKeyRecord[]>;
  /** Returns false when no such key exists or it was already revoked. */
  revoke(id: string, at: number): Promise<boolean>;
  /** Records last use of many keys in one write. */
  touch(lastUsed: ReadonlyMap<string, number>): Promise<void>;
  /**
   * Rotation, atomically: inserts `next` and makes the old key expire at `oldExpiresAt` (or keeps
   * its earlier expiry). Returns false, inserting nothing, when the old key is missing, revoked or
   * already expired at `at`.
   */
  rotate(oldId: string, next: ApiKeyRecord, oldExpiresAt: number, at: number): Promise<boolean>;
  /**
   * A number that changes whenever a key may have been added, revoked or rotated: at once for
   * writes through this repo, within a few tens of milliseconds for other processes writing the
   * same database. Cheap enough to call on every request; lets callers reuse a verified key until
   * it changes. Absent when the backend cannot tell cheaply.
   */
  changeMark?(): number;
}

/** A gateway token-signing key (RFC 7517 JWK); the private half is sealed with the master key. */
export interface SigningKeyRecord {
  readonly kid: string;
  readonly alg: 'EdDSA' | 'ES256';
  /** Public JWK, JSON. */
  readonly publicJwk: string;
  /** Private JWK, JSON, sealed (crypto/seal.ts) with context `signing-key:<kid>`. */
  readonly sealedPrivateJwk: string;
  readonly createdAt: number;
}

export interface SigningKeyRepo {
  /** Newest first. */
  list(): Promise<readonly SigningKeyRecord[]>;
  /** Atomically adds `next` and deletes all but the newest `keep` keys (current + previous). */
  rotate(next: SigningKeyRecord, keep: number): Promise<void>;
}

/** A gateway operator (admin-plane user): scrypt password + mandatory TOTP (RFC 6238). */
export interface OperatorRecord {
  readonly id: string;
  readonly name: string;
  /** `scrypt$N$r$p$salt$hash` (base64url parts). */
  readonly passwordHash: string;
  /** Base32 TOTP secret, sealed with context `operator-totp:<id>`. */
  readonly sealedTotpSecret: string;
  /** Highest TOTP time step accepted so far; a code is never accepted twice. */
  readonly totpLastStep: number;
  /** HMAC-SHA256(pepper, code) of each unused recovery code, hex. */
  readonly recoveryHashes: readonly string[];
  readonly createdAt: number;
  readonly disabledAt: number | null;
}

export interface OperatorRepo {
  /** Throws when the name is taken. */
  insert(record: OperatorRecord): Promise<void>;
  getByName(name: string): Promise<OperatorRecord | undefined>;
  get(id: string): Promise<OperatorRecord | undefined>;
  list(): Promise<readonly OperatorRecord[]>;
  /** Advances the last accepted TOTP step; false when `step` is not newer (a replayed code). */
  useTotpStep(id: string, step: number): Promise<boolean>;
  /** Removes one recovery-code hash; false when it was not there (unknown or already used). */
  useRecoveryCode(id: string, hash: string): Promise<boolean>;
  setDisabled(id: string, at: number | null): Promise<boolean>;
  /** New TOTP secret and recovery codes; resets the step counter. */
  resetMfa(id: string, sealedTotpSecret: string, recoveryHashes: readonly string[]): Promise<boolean>;
}

/** An admin session; only the SHA-256 of its bearer token is stored. */
export interface AdminSessionRecord {
  readonly tokenHash: string;
  readonly operatorId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** Last TOTP proof (sign-in or step-up); sensitive actions need it to be recent. */
  readonly verifiedAt: number;
}

export interface AdminSessionRepo {
  insert(record: AdminSessionRecord): Promise<void>;
  get(tokenHash: string): Promise<AdminSessionRecord | undefined>;
  stepUp(tokenHash: string, at: number): Promise<boolean>;
  delete(tokenHash: string): Promise<boolean>;
  /** Ends every session of an operator (disable, MFA reset). */
  deleteForOperator(operatorId: string): Promise<number>;
}

export interface SecretRepo {
  /** Stores an already-encrypted value (see crypto/keyring.ts); replaces an existing one. */
  put(name: string, sealed: string, at: number): Promise<void>;
  get(name: string): Promise<string | undefined>;
  list(): Promise<readonly string[]>;
  delete(name: string): Promise<boolean>;
}

/**
 * The audit log (src/audit): an append-only hash chain plus signed checkpoints. `append` places
 * entries in the chain inside one transaction that also moves the head, and returns only once
 * the transaction is durable (fsynced), so a caller may then release the response.
 */
export interface AuditRepo {
  /** Chains and stores entries in order; skips entries whose requestId is already stored (journal replay). */
  append(entries: AuditBatch): Promise<ChainHead>;
  /** Records per store transaction this backend handles best (the audit log's `storeBatch`); absent: the log's default. */
  readonly storeBatch?: number;
  /** The head of the chain, as the store's head row records it. */
  head(): Promise<ChainHead>;
  /** Up to `limit` rows with `seq > afterSeq` (and `seq <= toSeq` when given), in order. */
  page(afterSeq: number, limit: number, toSeq?: number): Promise<readonly AuditRow[]>;
  /**
   * Every row with `seq > afterSeq` (and `<= toSeq`), in order, in batches of `batch`, from one
   * consistent snapshot; for the verifier. Optional: without it the verifier pages with `page`.
   */
  scan?(afterSeq: number, toSeq: number | undefined, batch: number): AsyncIterable<readonly AuditRow[]>;
  /** The lowest and highest stored seq, or null when there are no rows. */
  bounds(): Promise<{ readonly first: number; readonly last: number } | null>;
  putCheckpoint(checkpoint: AuditCheckpoint): Promise<void>;
  /** Ascending by seq. */
  checkpoints(): Promise<readonly AuditCheckpoint[]>;
  /** Retention, step 1: drops the bodies of a route's records older than `beforeTs` (headers stay in the chain). Null route = records without one. */
  expireBodies(route: string | null, beforeTs: number): Promise<number>;
  /** Retention, step 2: deletes rows `seq <= uptoSeq`; only valid when a checkpoint exists at `uptoSeq`. */
  deletePrefix(uptoSeq: number): Promise<number>;
  /** Newest first, filtered, for `GET /admin/v1/audit`; absent on a backend that cannot query yet. */
  query?(filter: AuditQuery): Promise<readonly AuditRow[]>;
}

/** Filters of an audit query; every one optional, all must match. */
export interface AuditQuery {
  readonly principal?: string;
  readonly route?: string;
  readonly outcome?: AuditRow['outcome'];
  /** Error code recorded in the body (`PC_ERR_*`). */
  readonly code?: string;
  /** Epoch ms, inclusive / exclusive. */
  readonly fromTs?: number;
  readonly toTs?: number;
  /** Cursor: only records with `seq < beforeSeq`. */
  readonly beforeSeq?: number;
  readonly limit: number;
}

export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

/** An incident opened by a monitoring rule (src/incidents): open → acknowledged → resolved. */
export interface IncidentRecord {
  readonly id: string;
  readonly rule: string;
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  readonly status: IncidentStatus;
  /** The signal that fired the rule and what it was about (principal, source, route). */
  readonly signal: string;
  readonly subjectKind: 'principal' | 'source' | 'route';
  readonly subject: string;
  readonly openedAt: number;
  readonly updatedAt: number;
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: number | null;
  readonly resolvedBy: string | null;
  /** JSON: the requests and features that triggered it (never prompt text). */
  readonly evidence: string;
  /** JSON: the actions taken and how each went. */
  readonly actions: string;
}

export interface IncidentRepo {
  insert(record: IncidentRecord): Promise<void>;
  get(id: string): Promise<IncidentRecord | undefined>;
  /** Newest first. */
  list(filter: { readonly status?: IncidentStatus; readonly limit: number }): Promise<readonly IncidentRecord[]>;
  /** open → acknowledged; false when the incident is missing or not open. */
  acknowledge(id: string, by: string, at: number): Promise<boolean>;
  /** open or acknowledged → resolved; false when missing or already resolved. */
  resolve(id: string, by: string, at: number): Promise<boolean>;
  /** Records the outcome of the actions (they run after the incident is opened). */
  setActions(id: string, actions: string, at: number): Promise<boolean>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Monitoring incidents (issue 8). */
  readonly incidents: IncidentRepo;
  readonly apiKeys: ApiKeyRepo;
  readonly secrets: SecretRepo;
  readonly audit: AuditRepo;
  readonly signingKeys: SigningKeyRepo;
  readonly operators: OperatorRepo;
  readonly adminSessions: AdminSessionRepo;
  /** Every sealed column, for master-key rotation (store/sealed.ts). */
  readonly sealed: SealedRepo;
  /** Cheap liveness check for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
