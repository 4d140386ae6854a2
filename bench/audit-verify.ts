/**
 * `audit verify` speed on either store, and where its time goes:
 *
 *   node dist/bench/audit-verify.js [--store postgres|sqlite] [--records N] [--runs R] [--page ROWS]
 *
 * Fills a fresh store (PostgreSQL: a throw-away schema in PORTCULLIS_TEST_POSTGRES, default
 * postgres://postgres@127.0.0.1:5432/test; SQLite: a temp file) with N chained records whose
 * bodies are ~550 bytes like a real `hash`-mode record, then runs `verifyAudit` R times and
 * reports records/s (median) by wall clock and per CPU-second of this process, next to the rate
 * of only reading the rows (as the verifier does, without checking them) and of only hashing.
 */
import { hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { AuditEntry } from '../src/audit/chain.js';
import { encodeHeader } from '../src/audit/chain.js';
import { verifyAudit } from '../src/audit/verify.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/types.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'postgres' },
    records: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    page: { type: 'string', default: '10000' },
    'compare-paging': { type: 'boolean', default: false },
  },
});
const n = Number(values.records);
const runs = Number(values.runs);
const pageSize = Number(values.page);
const BASE = process.env['PORTCULLIS_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const body = (i: number): string =>
  JSON.stringify({
    api: 'openai', code: null,
    decisions: [{ code: null, ms: 0.05, outcome: 'pass', phase: 'identity', reasons: [], stage: 'api-key' }, { code: null, ms: 0.2, outcome: 'pass', phase: 'input', reasons: [], stage: 'input-guards' }],
    kind: 'request', latencyMs: 3.2, method: 'POST', model: 'gpt', operation: 'chat', path: '/v1/chat/completions',
    payload: { alg: 'sha256', answer: 'b'.repeat(64), mode: 'hash', request: 'a'.repeat(64) },
    principal: { authMethod: 'api_key', credentialId: 'pk_0123456789', id: 'svc-1', kind: 'service', tenant: 'default' },
    requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, sourceIp: '127.0.0.1', status: 200, streamed: false,
    time: new Date(1_700_000_000_000 + i).toISOString(), usage: { inputTokens: 12, outputTokens: 30 }, v: 1,
  });

async function main(): Promise<void> {
  let store: Store;
  let cleanup: () => Promise<void>;
  if (values.store === 'postgres') {
    const schema = `pc_bench_verify_${process.pid}`;
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    store = openPostgresStore(`${BASE}?schema=${schema}`);
    cleanup = async () => {
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'pc-bench-verify-'));
    store = openSqliteStore(join(dir, 'db.sqlite'));
    cleanup = async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    for (let i = 0; i < n; i += 5_000) {
      const batch: AuditEntry[] = [];
      for (let j = i; j < Math.min(n, i + 5_000); j++) batch.push({ requestId: `r-${j}`, ts: 1_700_000_000_000 + j, principal: 'svc-1', route: 'gpt', outcome: 'allow', status: 200, body: body(j) });
      await store.audit.append(batch);
    }
    const rates: number[] = [];
    const cpuRates: number[] = [];
    const paged: number[] = [];
    // --compare-paging: interleaved runs of the verifier with the store's snapshot scan hidden,
    // i.e. paging with `page()` as before the scan existed, under the same load.
    const pagedRepo = { ...store.audit, scan: undefined };
    for (let r = 0; r < runs; r++) {
      const cpu0 = process.cpuUsage();
      const report = await verifyAudit(store.audit, { keys: new Map(), pageSize });
      const cpu = process.cpuUsage(cpu0);
      if (!report.ok || report.records !== n) throw new Error(`verify failed: ${JSON.stringify(report.problem)}`);
      rates.push(report.recordsPerSecond);
      // Records per second of this process's CPU: what the verifier would reach with a core to
      // itself (the database server's own work, on PostgreSQL, is not in it).
      cpuRates.push(Math.round(n / ((cpu.user + cpu.system) / 1e6)));
      if (values['compare-paging']) paged.push((await verifyAudit(pagedRepo, { keys: new Map() })).recordsPerSecond);
    }
    // Where the time goes: reading every row the way the verifier does (the store's snapshot
    // scan when it has one, else pages) with no verification work, and hashing every record alone.
    let t = performance.now();
    const fetchCpu0 = process.cpuUsage();
    const rows = [];
    if (store.audit.scan) {
      for await (const page of store.audit.scan(0, undefined, pageSize)) rows.push(...page);
    } else {
      for (let after = 0; ; ) {
        const page = await store.audit.page(after, pageSize);
        if (page.length === 0) break;
        rows.push(...page);
        after = (page.at(-1) as { seq: number }).seq;
      }
    }
    const fetchCpu = process.cpuUsage(fetchCpu0);
    const fetchS = (performance.now() - t) / 1000;
    t = performance.now();
    for (const row of rows) {
      hash('sha256', encodeHeader(row), 'hex');
      if (row.body !== null) hash('sha256', row.body, 'hex');
    }
    const hashS = (performance.now() - t) / 1000;
    rates.sort((a, b) => a - b);
    cpuRates.sort((a, b) => a - b);
    process.stdout.write(
      `${values.store}: verify ${n} records, ${runs} runs, pages of ${pageSize}, load average ${loadavg()[0]?.toFixed(2)}: median ${rates[Math.floor(runs / 2)]} records/s (${rates.join(', ')}); ` +
        `per CPU-second of this process: median ${cpuRates[Math.floor(runs / 2)]} records/s\n` +
        `  read only: ${Math.round(n / fetchS)} records/s (${Math.round(n / ((fetchCpu.user + fetchCpu.system) / 1e6))} per CPU-second); hash only: ${Math.round(n / hashS)} records/s\n` +
        (paged.length > 0 ? `  paging with page() instead: median ${paged.sort((a, b) => a - b)[Math.floor(runs / 2)]} records/s (${paged.join(', ')})\n` : ''),
    );
  } finally {
    await cleanup();
  }
}

await main();
