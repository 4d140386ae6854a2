/**
 * SQLite side of the audit log. Appends run on a worker thread with their own connection at
 * `synchronous = FULL` (sqlite-audit-worker.ts), so each append transaction is fsynced before
 * `append` resolves without stalling the event loop on the fsync; reads, checkpoints and
 * retention use the shared connection. One transaction per batch is what makes group commit
 * cheap: one fsync covers every record in it.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { EMPTY_HEAD, linkEntries, type AuditEntry, type AuditOutcome, type AuditRow, type ChainHead } from '../audit/chain.js';
import type { AuditCheckpoint } from '../audit/signing.js';
import type { AppendReply, AppendRequest } from './sqlite-audit-worker.js';
import { batchEntries, batchSize, JournalBatch, packEntries, type AuditBatch } from './sqlite-audit-wire.js';
import type { AuditQuery, AuditRepo } from './types.js';

/** Appended to the migration list in sqlite.ts; ids in the 0200 range belong to audit. */
export const AUDIT_MIGRATIONS: readonly { readonly id: string; readonly sql: string }[] = [
  {
    id: '0200-audit-log',
    sql: `CREATE TABLE audit_log (
     seq INTEGER PRIMARY KEY,
     ts INTEGER NOT NULL,
     request_id TEXT NOT NULL UNIQUE,
     principal TEXT,
     route TEXT,
     outcome TEXT NOT NULL,
     status INTEGER NOT NULL,
     prev TEXT NOT NULL,
     body_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     body TEXT
   ) STRICT;
   CREATE INDEX audit_log_ts ON audit_log(ts);
   CREATE INDEX audit_log_principal ON audit_log(principal, seq);
   CREATE INDEX audit_log_route ON audit_log(route, ts);
   CREATE TABLE audit_head (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     seq INTEGER NOT NULL,
     hash TEXT NOT NULL
   ) STRICT;
   INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${EMPTY_HEAD.hash}');
   CREATE TABLE audit_checkpoints (
     seq INTEGER PRIMARY KEY,
     hash TEXT NOT NULL,
     ts INTEGER NOT NULL,
     key_id TEXT NOT NULL,
     signature TEXT NOT NULL
   ) STRICT;`,
  },
];

type RawRow = [number, number, string, string | null, string | null, AuditOutcome, number, string, string, string, string | null];

interface CheckpointRow {
  seq: number;
  hash: string;
  ts: number;
  key_id: string;
  signature: string;
}

/**
 * `file` is the database path; the append thread opens its own connection to it. For
 * `:memory:` there is only the one connection (and nothing to fsync anyway).
 */
export function sqliteAudit(db: Database.Database, file: string): AuditRepo & { close(): Promise<void> } {
  const headGet = db.prepare<[], ChainHead>('SELECT seq, hash FROM audit_head WHERE id = 1');
  const append = file === ':memory:' ? inThreadAppend(db) : workerAppend(file);
  // Raw (array) rows: verification reads every record, and named rows cost a third of its time.
  const COLUMNS = 'seq, ts, request_id, principal, route, outcome, status, prev, body_hash, hash, body';
  const pageAll = db.prepare<[number, number], RawRow>(`SELECT ${COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`).raw(true);
  const pageTo = db.prepare<[number, number, number], RawRow>(`SELECT ${COLUMNS} FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`).raw(true);
  const bounds = db.prepare<[], { first: number | null; last: number | null }>('SELECT MIN(seq) AS first, MAX(seq) AS last FROM audit_log');
  const cpInsert = db.prepare<[number, string, number, string, string]>(
    'INSERT INTO audit_checkpoints (seq, hash, ts, key_id, signature) VALUES (?, ?, ?, ?, ?) ON CONFLICT(seq) DO NOTHING',
  );
  const cpList = db.prepare<[], CheckpointRow>('SELECT * FROM audit_checkpoints ORDER BY seq');
  const expireRoute = db.prepare<[string, number]>('UPDATE audit_log SET body = NULL WHERE route = ? AND ts < ? AND body IS NOT NULL');
  const expireNoRoute = db.prepare<[number]>('UPDATE audit_log SET body = NULL WHERE route IS NULL AND ts < ? AND body IS NOT NULL');
  const cpAt = db.prepare<[number], { one: number }>('SELECT 1 AS one FROM audit_checkpoints WHERE seq = ?');
  const deleteUpTo = db.prepare<[number]>('DELETE FROM audit_log WHERE seq <= ?');
  // One prepared statement per combination of filters used, built on first use.
  const queries = new Map<string, Database.Statement<unknown[], RawRow>>();
  const query = (f: AuditQuery): RawRow[] => {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      if (value === undefined) return;
      where.push(sql);
      args.push(value);
    };
    add('principal = ?', f.principal);
    add('route = ?', f.route);
    add('outcome = ?', f.outcome);
    add("json_extract(body, '$.code') = ?", f.code);
    add('ts >= ?', f.fromTs);
    add('ts < ?', f.toTs);
    add('seq < ?', f.beforeSeq);
    const sql = `SELECT ${COLUMNS} FROM audit_log${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    let stmt = queries.get(sql);
    if (!stmt) queries.set(sql, (stmt = db.prepare<unknown[], RawRow>(sql).raw(true)));
    return stmt.all(...args, f.limit);
  };

  return {
    async append(batch) {
      return batchSize(batch) === 0 ? (headGet.get() ?? EMPTY_HEAD) : append.run(batch);
    },
    async head() {
      return headGet.get() ?? EMPTY_HEAD;
    },
    async page(afterSeq, limit, toSeq) {
      return (toSeq === undefined ? pageAll.all(afterSeq, limit) : pageTo.all(afterSeq, toSeq, limit)).map(fromRaw);
    },
    async bounds() {
      const b = bounds.get();
      return b && b.first !== null && b.last !== null ? { first: b.first, last: b.last } : null;
    },
    async putCheckpoint(cp: AuditCheckpoint) {
      cpInsert.run(cp.seq, cp.hash, cp.ts, cp.keyId, cp.signature);
    },
    async checkpoints() {
      return cpList.all().map((r) => ({ seq: r.seq, hash: r.hash, ts: r.ts, keyId: r.key_id, signature: r.signature }));
    },
    async expireBodies(route, beforeTs) {
      return (route === null ? expireNoRoute.run(beforeTs) : expireRoute.run(route, beforeTs)).changes;
    },
    async deletePrefix(uptoSeq) {
      if (cpAt.get(uptoSeq) === undefined) throw new Error(`no checkpoint at seq ${uptoSeq}; refusing to delete records it would have to cover`);
      return deleteUpTo.run(uptoSeq).changes;
    },
    async query(filter) {
      return query(filter).map(fromRaw);
    },
    close: () => append.close(),
  };
}

interface Appender {
  run(batch: AuditBatch): Promise<ChainHead>;
  close(): Promise<void>;
}

/** `:memory:` has one connection and nothing to fsync: append on it directly. */
function inThreadAppend(db: Database.Database): Appender {
  const headGet = db.prepare<[], ChainHead>('SELECT seq, hash FROM audit_head WHERE id = 1');
  const exists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM audit_log WHERE request_id = ?');
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, ts, request_id, principal, route, outcome, status, prev, body_hash, hash, body)
     VALUES (@seq, @ts, @requestId, @principal, @route, @outcome, @status, @prev, @bodyHash, @hash, @body)`,
  );
  const headSet = db.prepare<[number, string]>('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1');
  const tx = db.transaction((entries: readonly AuditEntry[]): ChainHead => {
    const head = headGet.get() ?? EMPTY_HEAD;
    const fresh = entries.filter((e) => exists.get(e.requestId) === undefined);
    if (fresh.length === 0) return head;
    const rows = linkEntries(head, fresh);
    for (const row of rows) insert.run(row);
    const last = rows[rows.length - 1] as AuditRow;
    headSet.run(last.seq, last.hash);
    return { seq: last.seq, hash: last.hash };
  });
  return { run: async (batch) => tx.immediate(batchEntries(batch)), close: async () => undefined };
}

/** A file database: appends run on a worker thread (sqlite-audit-worker.ts) with synchronous = FULL. */
function workerAppend(file: string): Appender {
  const worker = new Worker(new URL('./sqlite-audit-worker.js', import.meta.url), { workerData: { file } });
  const pending = new Map<number, { resolve(head: ChainHead): void; reject(err: Error): void }>();
  let nextId = 0;
  let failure: Error | undefined;
  // Only keep the process alive while an append is in flight.
  worker.unref();
  worker.on('message', (reply: AppendReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if ('error' in reply) p.reject(new Error(reply.error));
    else p.resolve(reply.head);
  });
  const failAll = (err: Error): void => {
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', () => failAll(failure ?? new Error('the audit append thread exited')));
  return {
    run(batch) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      // Journaled records cross as their place in the journal (the thread reads them there);
      // others as one packed string.
      const request: AppendRequest = batch instanceof JournalBatch ? { id, ranges: batch.ranges } : { id, packed: packEntries(batch) };
      return new Promise<ChainHead>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage(request);
      });
    },
    async close() {
      if (failure) return;
      const exited = once(worker, 'exit');
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}

function fromRaw(r: RawRow): AuditRow {
  return { seq: r[0], ts: r[1], requestId: r[2], principal: r[3], route: r[4], outcome: r[5], status: r[6], prev: r[7], bodyHash: r[8], hash: r[9], body: r[10] };
}
