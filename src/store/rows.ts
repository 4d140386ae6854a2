/**
 * Row ↔ record mapping for the identity tables, shared by the SQLite and PostgreSQL backends so
 * the column names, the field they hold and the JSON encoding of list columns are written once.
 * Both dialects store list columns as JSON text and epoch milliseconds as integers (postgres.ts
 * parses BIGINT to number), so the only dialect difference left here is the placeholder syntax of
 * an INSERT, which each backend passes in.
 */
import type { AdminSessionRecord, ApiKeyRecord, OperatorRecord, SigningKeyRecord } from './types.js';

export interface ApiKeyRow {
  id: string;
  hash: string;
  name: string;
  principal_id: string;
  principal_kind: 'user' | 'service';
  tenant: string;
  roles: string;
  models: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
  operations: string;
  cidrs: string;
}

export interface OperatorRow {
  id: string;
  name: string;
  password_hash: string;
  sealed_totp_secret: string;
  totp_last_step: number;
  recovery_hashes: string;
  created_at: number;
  disabled_at: number | null;
}

export interface SigningKeyRow {
  kid: string;
  alg: 'EdDSA' | 'ES256';
  public_jwk: string;
  sealed_private_jwk: string;
  created_at: number;
}

export interface AdminSessionRow {
  token_hash: string;
  operator_id: string;
  created_at: number;
  expires_at: number;
  verified_at: number;
}

/** Column order of `api_keys` inserts (and of `apiKeyValues`). */
export const API_KEY_COLUMNS = [
  'id',
  'hash',
  'name',
  'principal_id',
  'principal_kind',
  'tenant',
  'roles',
  'models',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
  'operations',
  'cidrs',
] as const satisfies readonly (keyof ApiKeyRow)[];

/** Column order of `operators` inserts (and of `operatorValues`). */
export const OPERATOR_COLUMNS = [
  'id',
  'name',
  'password_hash',
  'sealed_totp_secret',
  'totp_last_step',
  'recovery_hashes',
  'created_at',
  'disabled_at',
] as const satisfies readonly (keyof OperatorRow)[];

/** How a dialect writes the bind parameter for `column`, the `index`-th (0-based) of the statement. */
export type Placeholder = (column: string, index: number) => string;
/** better-sqlite3 named parameters, bound from a row object. */
export const namedPlaceholder: Placeholder = (column) => `@${column}`;
/** node-postgres positional parameters, bound from a value array in column order. */
export const positionalPlaceholder: Placeholder = (_column, index) => `$${index + 1}`;

/** `INSERT INTO table (columns…) VALUES (placeholders…)`. Table and columns are constants, never input. */
export function insertSql(table: string, columns: readonly string[], placeholder: Placeholder): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(placeholder).join(', ')})`;
}

/** A row's values in `columns` order, for positional parameters. */
export function rowValues<Row, K extends keyof Row>(row: Row, columns: readonly K[]): Row[K][] {
  return columns.map((c) => row[c]);
}

const list = (json: string): string[] => JSON.parse(json) as string[];

export function apiKeyToRow(r: ApiKeyRecord): ApiKeyRow {
  return {
    id: r.id,
    hash: r.hash,
    name: r.name,
    principal_id: r.principalId,
    principal_kind: r.principalKind,
    tenant: r.tenant,
    roles: JSON.stringify(r.roles),
    models: JSON.stringify(r.models),
    created_at: r.createdAt,
    expires_at: r.expiresAt,
    revoked_at: r.revokedAt,
    last_used_at: r.lastUsedAt,
    operations: JSON.stringify(r.operations),
    cidrs: JSON.stringify(r.cidrs),
  };
}

export function apiKeyFromRow(r: ApiKeyRow): ApiKeyRecord {
  return {
    id: r.id,
    hash: r.hash,
    name: r.name,
    principalId: r.principal_id,
    principalKind: r.principal_kind,
    tenant: r.tenant,
    roles: list(r.roles),
    models: list(r.models),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    operations: list(r.operations),
    cidrs: list(r.cidrs),
  };
}

export function operatorToRow(r: OperatorRecord): OperatorRow {
  return {
    id: r.id,
    name: r.name,
    password_hash: r.passwordHash,
    sealed_totp_secret: r.sealedTotpSecret,
    totp_last_step: r.totpLastStep,
    recovery_hashes: JSON.stringify(r.recoveryHashes),
    created_at: r.createdAt,
    disabled_at: r.disabledAt,
  };
}

export function operatorFromRow(r: OperatorRow): OperatorRecord {
  return {
    id: r.id,
    name: r.name,
    passwordHash: r.password_hash,
    sealedTotpSecret: r.sealed_totp_secret,
    totpLastStep: r.totp_last_step,
    recoveryHashes: list(r.recovery_hashes),
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

export function signingKeyFromRow(r: SigningKeyRow): SigningKeyRecord {
  return { kid: r.kid, alg: r.alg, publicJwk: r.public_jwk, sealedPrivateJwk: r.sealed_private_jwk, createdAt: r.created_at };
}

export function adminSessionFromRow(r: AdminSessionRow): AdminSessionRecord {
  return { tokenHash: r.token_hash, operatorId: r.operator_id, createdAt: r.created_at, expiresAt: r.expires_at, verifiedAt: r.verified_at };
}

/** Recovery-code hashes as stored (JSON text), for the backends' read-modify-write of that column. */
export const encodeList = (values: readonly string[]): string => JSON.stringify(values);
export const decodeList = list;
