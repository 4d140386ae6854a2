/**
 * The SQLite audit append path, on its own thread. A `synchronous = FULL` commit waits for
 * fsync; done on the main thread that wait would stall every request in flight, so appends run
 * here and the event loop keeps serving while the disk syncs. Meanwhile the next group of records
 * gathers in the audit log's queue: the slower the disk, the bigger the batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { EMPTY_HEAD, linkEntries, type AuditEntry, type AuditRow, type ChainHead } from '../audit/chain.js';

export interface AppendRequest {
  readonly id: number;
  readonly entries: readonly AuditEntry[];
}
export type AppendReply = { readonly id: number; readonly head: ChainHead } | { readonly id: number; readonly error: string };

const db = new Database((workerData as { file: string }).file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const headGet = db.prepare<[], ChainHead>('SELECT seq, hash FROM audit_head WHERE id = 1');
const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM audit_log WHERE request_id = ?');
const insert = db.prepare(
  `INSERT INTO audit_log (seq, ts, request_id, principal, route, outcome, status, prev, body_hash, hash, body)
   VALUES (@seq, @ts, @requestId, @principal, @route, @outcome, @status, @prev, @bodyHash, @hash, @body)`,
);
const headSet = db.prepare<[number, string]>('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1');
const appendTx = db.transaction((entries: readonly AuditEntry[]): ChainHead => {
  const head = headGet.get() ?? EMPTY_HEAD;
  const fresh = entries.filter((e) => exists.get(e.requestId) === undefined);
  if (fresh.length === 0) return head;
  const rows = linkEntries(head, fresh);
  for (const row of rows) insert.run(row);
  const last = rows[rows.length - 1] as AuditRow;
  headSet.run(last.seq, last.hash);
  return { seq: last.seq, hash: last.hash };
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
    reply = { id: msg.id, head: appendTx.immediate(msg.entries) };
  } catch (err) {
    reply = { id: msg.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
