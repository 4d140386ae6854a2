/**
 * What one durable SQLite audit append costs, split into a per-record and a per-commit part, and
 * what the store's three secondary indexes add to it. Appends go straight to the store's append
 * thread (the gateway's path without the AuditLog queue), in batches of fixed size:
 *
 *   node dist/bench/audit-append.js [--batches 1,4,16,64] [--indexes all,none,ts]
 *                                   [--records 4000] [--rounds 3] [--prefill 100000] [--principals 50]
 *                                   [--page-sizes 4096,65536] [--body-bytes 600]
 *
 * CPU is the whole process (both threads, user + system, so the kernel's fsync work counts). With
 * CPU per record = r + c / batch, two batch sizes give r (per record) and c (per commit); the
 * summary fits them by least squares over all batch sizes. `--indexes` drops secondary indexes
 * in the bench's scratch database before it is filled: `none` keeps only the primary key and the
 * unique request-id index, `ts` keeps `audit_log_ts`. `deferred` keeps `audit_log_ts` and moves
 * the principal and route lookups into two side tables that a second connection (the event
 * loop's, `synchronous = NORMAL`: derived data, rebuilt from the log after a crash) fills from the
 * log every `--catch-up` records, off the fsynced commit; its CPU counts too. `--principals` spreads records over that
 * many principals and routes, as a gateway with many callers would (one principal makes every
 * index insert land on the same page). `--page-sizes` makes the scratch database with each SQLite page
 * size (the store makes new databases with 64 KiB pages; older ones have 4 KiB); `--body-bytes` is
 * the size of each record's body (a gateway record of the bench's request is ~1,600 bytes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { AuditEntry } from '../src/audit/chain.js';
import { timeOrderedId } from '../src/lib/request-id.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { median } from './stats.js';

const { values } = parseArgs({
  options: {
    batches: { type: 'string', default: '1,4,16,64' },
    indexes: { type: 'string', default: 'all,none' },
    records: { type: 'string', default: '4000' },
    rounds: { type: 'string', default: '3' },
    prefill: { type: 'string', default: '100000' },
    principals: { type: 'string', default: '50' },
    'catch-up': { type: 'string', default: '1000' },
    'page-sizes': { type: 'string', default: '65536' },
    'body-bytes': { type: 'string', default: '600' },
  },
});
const batches = values.batches.split(',').map(Number);
const records = Number(values.records);
const prefill = Number(values.prefill);
const principals = Number(values.principals);
const catchUpEvery = Number(values['catch-up']);
const INDEX_SETS = {
  all: [],
  ts: ['audit_log_principal', 'audit_log_route'],
  none: ['audit_log_ts', 'audit_log_principal', 'audit_log_route'],
  deferred: ['audit_log_principal', 'audit_log_route'],
} as const satisfies Record<string, readonly string[]>;
type IndexSet = keyof typeof INDEX_SETS;
const indexSets = values.indexes.split(',').map((s) => {
  if (!(s in INDEX_SETS)) throw new Error(`--indexes takes all, ts, none and/or deferred, not "${s}"`);
  return s as IndexSet;
});
const pageSizes = values['page-sizes'].split(',').map(Number);
const body = `{"pad":"${'x'.repeat(Math.max(0, Number(values['body-bytes']) - 10))}"}`;

let n = 0;
const entry = (): AuditEntry => {
  const k = n++ % principals;
  return { requestId: timeOrderedId(), ts: Date.now(), principal: `svc-${k}`, route: `route-${k % 7}`, outcome: 'allow', status: 200, body };
};

/** CPU µs per record and wall ms per commit for one batch size on one index set. */
async function measure(batch: number, indexes: IndexSet, pageSize: number): Promise<{ cpu: number; wallMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'pc-bench-append-'));
  const file = join(dir, 'state.db');
  // The page size is fixed by the first table; the store keeps what it finds.
  const pre = new Database(file);
  pre.pragma(`page_size = ${pageSize}`);
  pre.exec('CREATE TABLE bench_page_size (x INTEGER)');
  pre.close();
  const store = openSqliteStore(file);
  try {
    const side = new Database(file);
    side.pragma('busy_timeout = 5000');
    side.pragma('synchronous = NORMAL');
    for (const name of INDEX_SETS[indexes]) side.exec(`DROP INDEX ${name}`);
    const catchUp = indexes === 'deferred' ? sideTables(side) : () => {};
    for (let done = 0; done < prefill; done += 1000) await store.audit.append(Array.from({ length: Math.min(1000, prefill - done) }, entry));
    catchUp();
    const commits = Math.max(1, Math.round(records / batch));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let sinceCatchUp = 0;
    for (let i = 0; i < commits; i++) {
      await store.audit.append(Array.from({ length: batch }, entry));
      sinceCatchUp += batch;
      if (sinceCatchUp >= catchUpEvery) {
        catchUp();
        sinceCatchUp = 0;
      }
    }
    catchUp();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    side.close();
    return { cpu: (cpu.user + cpu.system) / (commits * batch), wallMs: wall / commits };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The `deferred` variant's lookup tables (clustered on their keys, so one B-tree each) and the
 * catch-up that copies what the log gained since the last one.
 */
function sideTables(db: Database.Database): () => void {
  db.exec(`CREATE TABLE audit_by_principal (principal TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (principal, seq)) WITHOUT ROWID;
    CREATE TABLE audit_by_route (route TEXT NOT NULL, ts INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (route, ts, seq)) WITHOUT ROWID;
    CREATE TABLE audit_lookup_mark (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
    INSERT INTO audit_lookup_mark VALUES (1, 0);`);
  const byPrincipal = db.prepare(`INSERT INTO audit_by_principal SELECT COALESCE(principal, ''), seq FROM audit_log WHERE seq > (SELECT seq FROM audit_lookup_mark)`);
  const byRoute = db.prepare(`INSERT INTO audit_by_route SELECT COALESCE(route, ''), ts, seq FROM audit_log WHERE seq > (SELECT seq FROM audit_lookup_mark)`);
  const mark = db.prepare('UPDATE audit_lookup_mark SET seq = (SELECT COALESCE(MAX(seq), 0) FROM audit_log)');
  const tx = db.transaction(() => {
    byPrincipal.run();
    byRoute.run();
    mark.run();
  });
  // IMMEDIATE: the write lock before the first read, so the append thread cannot commit between
  // the copy and the mark.
  return () => tx.immediate();
}

/** Least squares of y = r + c·x with x = 1 / batch. */
function fit(points: readonly { batch: number; cpu: number }[]): { perRecord: number; perCommit: number } {
  const xs = points.map((p) => 1 / p.batch);
  const ys = points.map((p) => p.cpu);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    sxx += ((xs[i] ?? 0) - mx) ** 2;
  }
  const perCommit = sxx === 0 ? Number.NaN : sxy / sxx;
  return { perRecord: my - perCommit * mx, perCommit };
}

const variants = indexSets.flatMap((indexes) =>
  pageSizes.flatMap((pageSize) => batches.map((batch) => ({ batch, indexes, pageSize, label: `${indexes} indexes, ${pageSize / 1024} KiB pages, batch ${batch}` }))),
);
const results = new Map<string, { cpu: number; wallMs: number }[]>(variants.map((v) => [v.label, []]));
const load = [loadavg()[0]];
for (let r = 0; r < Number(values.rounds); r++) {
  // Reversed every other round, so no variant always runs first (or last) in a round.
  for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
    const res = await measure(v.batch, v.indexes, v.pageSize);
    results.get(v.label)?.push(res);
    process.stdout.write(`round ${r + 1} ${v.label}: ${res.cpu.toFixed(1)} µs CPU/record, ${res.wallMs.toFixed(2)} ms/commit\n`);
  }
}
load.push(loadavg()[0]);
process.stdout.write(`\n${records} records per run, ${prefill} prefilled, ${principals} principals, ${body.length}-byte bodies, load average ${load.map((l) => l?.toFixed(2)).join(' → ')}; medians:\n`);
for (const indexes of indexSets) {
  for (const pageSize of pageSizes) {
    const name = `${indexes} indexes, ${pageSize / 1024} KiB pages`;
    const points = batches.map((batch) => {
      const rs = results.get(`${name}, batch ${batch}`) ?? [];
      const cpu = median(rs.map((x) => x.cpu));
      process.stdout.write(`  ${name}, batch ${batch}: ${cpu.toFixed(1)} µs CPU/record, ${median(rs.map((x) => x.wallMs)).toFixed(2)} ms/commit\n`);
      return { batch, cpu };
    });
    const f = fit(points);
    process.stdout.write(`  ${name}, fit: ${f.perRecord.toFixed(1)} µs per record + ${f.perCommit.toFixed(0)} µs per commit\n`);
  }
}
