/**
 * Reading the audit chain in order on PostgreSQL for `audit verify`: one server-side cursor in a
 * read-only REPEATABLE READ transaction, fetched in batches, the next batch requested before the
 * current one is handed over so the server reads while the verifier hashes.
 *
 * Why not `page()` in a loop: a bounded range query (`seq > $1 AND seq <= $3 ORDER BY seq LIMIT
 * $2`) is planned per call, and with the row estimate of a table that autovacuum has not yet
 * analysed, PostgreSQL picked a bitmap scan of the *whole remaining range* plus an on-disk sort
 * for every page — quadratic in the log size. A cursor is planned once, for fast start (an index
 * scan in seq order), and the snapshot makes the walk consistent while gateways keep appending.
 */
import type pg from 'pg';
import type { AuditOutcome, AuditRow } from '../audit/chain.js';

type RawRow = [number, number, string, string | null, string | null, AuditOutcome, number, string, string, string, string | null];
const COLUMNS = 'seq, ts, request_id, principal, route, outcome, status, prev, body_hash, hash, body';

export async function* scanAudit(pool: pg.Pool, ready: () => Promise<void>, afterSeq: number, toSeq: number | undefined, batch: number): AsyncGenerator<readonly AuditRow[]> {
  if (!Number.isSafeInteger(batch) || batch < 1) throw new TypeError('batch must be a positive integer');
  await ready();
  const client = await pool.connect();
  let open = false;
  let pending: Promise<pg.QueryResult<RawRow>> | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await client.query({
      text: `DECLARE audit_scan NO SCROLL CURSOR FOR SELECT ${COLUMNS} FROM audit_log WHERE seq > $1${toSeq === undefined ? '' : ' AND seq <= $2'} ORDER BY seq`,
      values: toSeq === undefined ? [afterSeq] : [afterSeq, toSeq],
    });
    const fetch = (): Promise<pg.QueryResult<RawRow>> => client.query<RawRow>({ text: `FETCH ${batch} FROM audit_scan`, rowMode: 'array' });
    pending = fetch();
    for (;;) {
      const { rows } = await pending;
      pending = undefined;
      if (rows.length === 0) return;
      // The connection queues it: the server fetches the next batch while this one is checked.
      if (rows.length === batch) pending = fetch();
      const out: AuditRow[] = new Array<AuditRow>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i] as RawRow;
        out[i] = { seq: r[0], ts: r[1], requestId: r[2], principal: r[3], route: r[4], outcome: r[5], status: r[6], prev: r[7], bodyHash: r[8], hash: r[9], body: r[10] };
      }
      yield out;
      if (!pending) return;
    }
  } finally {
    if (pending) await pending.catch(() => undefined);
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
