/**
 * The SQLite audit append path, on its own thread. A `synchronous = FULL` commit waits for
 * fsync; done on the main thread that wait would stall every request in flight, so appends run
 * here and the event loop keeps serving while the disk syncs. Meanwhile the next group of records
 * gathers in the audit log's queue: the slower the disk, the bigger the batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { EMPTY_HEAD, encodeHeader, sha256Hex, type AuditEntry, type ChainHead } from '../audit/chain.js';
import { readRanges, unpackEntries, type JournalRange } from './sqlite-audit-wire.js';
import { walCheckpointBytes } from './sqlite-wal.js';

/** The batch, packed by `packEntries` (sqlite-audit-wire.ts), or where its frames are in the audit journal. */
export type AppendRequest = { readonly id: number; readonly packed: string } | { readonly id: number; readonly ranges: readonly JournalRange[] };
export type AppendReply = { readonly id: number; readonly head: ChainHead } | { readonly id: number; readonly error: string };

const db = new Database((workerData as { file: string }).file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
walCheckpointBytes(db);
const headGet = db.prepare<[], ChainHead>('SELECT seq, hash FROM audit_head WHERE id = 1');
// Positional parameters: binding by name looks up every property of a row object. A request id
// already in the log (a spool replayed after a crash) is skipped by the unique index itself,
// which saves a separate lookup per record.
const insert = db.prepare<[number, number, string, string | null, string | null, string, number, string, string, string, string]>(
  `INSERT INTO audit_log (seq, ts, request_id, principal, route, outcome, status, prev, body_hash, hash, body)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(request_id) DO NOTHING`,
);
const headSet = db.prepare<[number, string]>('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1');
const appendTx = db.transaction((entries: readonly AuditEntry[]): ChainHead => {
  const head = headGet.get() ?? EMPTY_HEAD;
  // The same linking as `linkEntries` (chain.ts), without building a row object per record.
  let { seq, hash: prev } = head;
  for (const e of entries) {
    const next = seq + 1;
    const bodyHash = sha256Hex(e.body);
    const hash = sha256Hex(encodeHeader({ requestId: e.requestId, ts: e.ts, principal: e.principal, route: e.route, outcome: e.outcome, status: e.status, seq: next, prev, bodyHash }));
    if (insert.run(next, e.ts, e.requestId, e.principal, e.route, e.outcome, e.status, prev, bodyHash, hash, e.body).changes === 0) continue;
    seq = next;
    prev = hash;
  }
  if (seq === head.seq) return head;
  headSet.run(seq, prev);
  return { seq, hash: prev };
});

parentPort?.on('message', (msg: AppendRequest | 'close') => {
  if (msg === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  let reply: AppendReply;
  try {
    // IMMEDIATE: take the write lock before reading the head, so no other connection can chain
    // onto the same head in between.
    reply = { id: msg.id, head: appendTx.immediate(unpackEntries('packed' in msg ? msg.packed : readRanges(msg.ranges))) };
  } catch (err) {
    reply = { id: msg.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
