/**
 * The hash chain. Each stored record has a small *header* and a *body*:
 *
 *   body        canonical JSON of the record's details (decisions, usage, payload digests, …)
 *   bodyHash    = hex(SHA-256(UTF-8(body)))
 *   header      = canonical JSON of
 *                 {bodyHash, outcome, prev, principal, requestId, route, seq, status, ts, v: 1}
 *   hash        = hex(SHA-256(UTF-8(header)))
 *
 * `prev` is the previous record's `hash` (64 zeros before the first record) and `seq` counts
 * records from 1 without gaps, so editing, deleting, inserting or reordering a record breaks the
 * chain at that point. The body is hashed separately so retention can drop an expired body and
 * keep the header: the chain stays verifiable end to end (see docs/audit.md). The header holds
 * the columns the store indexes, so a query column cannot be edited without breaking the chain.
 */
import { hash } from 'node:crypto';
import { jsonString } from './canonical.js';

/** `prev` of the first record ever written. */
export const GENESIS = '0'.repeat(64);

export type AuditOutcome = 'allow' | 'deny' | 'error';

/** A record as the audit log hands it to the store: not yet placed in the chain. */
export interface AuditEntry {
  /** Unique per record (the request id); the store skips an entry whose id it already holds. */
  readonly requestId: string;
  /** Epoch milliseconds. */
  readonly ts: number;
  readonly principal: string | null;
  readonly route: string | null;
  readonly outcome: AuditOutcome;
  readonly status: number;
  /** Canonical JSON (canonical.ts) of the details. */
  readonly body: string;
}

/** A record as stored: the entry plus its place in the chain. `body` is null once expired. */
export interface AuditRow extends Omit<AuditEntry, 'body'> {
  readonly seq: number;
  readonly prev: string;
  readonly bodyHash: string;
  readonly hash: string;
  readonly body: string | null;
}

/** The end of the chain: the last record's sequence number and hash. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS };

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The header's canonical JSON, written out by hand in sorted key order because the verifier runs
 * it for every record; `chain.test.ts` checks it against `canonicalJson` of the same object.
 */
export function encodeHeader(row: Omit<AuditRow, 'hash' | 'body'>): string {
  return (
    `{"bodyHash":${jsonString(row.bodyHash)},"outcome":${jsonString(row.outcome)},"prev":${jsonString(row.prev)},` +
    `"principal":${row.principal === null ? 'null' : jsonString(row.principal)},"requestId":${jsonString(row.requestId)},` +
    `"route":${row.route === null ? 'null' : jsonString(row.route)},"seq":${String(row.seq)},"status":${String(row.status)},"ts":${String(row.ts)},"v":1}`
  );
}

/** Places entries after `head`, in order. Pure: both store backends call it inside their append transaction. */
export function linkEntries(head: ChainHead, entries: readonly AuditEntry[]): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = head.hash;
  let seq = head.seq;
  for (const entry of entries) {
    seq += 1;
    const bodyHash = sha256Hex(entry.body);
    const partial = { requestId: entry.requestId, ts: entry.ts, principal: entry.principal, route: entry.route, outcome: entry.outcome, status: entry.status, seq, prev, bodyHash };
    const hash = sha256Hex(encodeHeader(partial));
    rows.push({ ...partial, hash, body: entry.body });
    prev = hash;
  }
  return rows;
}
