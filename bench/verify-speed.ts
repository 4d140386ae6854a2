/**
 * How fast `audit verify` checks a log (issue 7: ≥ 100k records/s): fills a fresh store with N
 * chained records and runs the verifier over it R times. Used by `npm run bench` (SQLite, the
 * default store) and by `audit-verify.ts`, which also does PostgreSQL and splits the time.
 *
 *   node --max-semi-space-size=64 dist/bench/verify-speed.js [--store sqlite|postgres] [--records N] [--runs R]
 *
 * prints one JSON line; `npm run bench` runs it so, in a process of its own with the Node options
 * the `portcullis` launcher gives `portcullis audit verify` (src/cli/node-flags.ts), since the
 * verifier's speed depends on them (a young generation of V8's default size collects ~30% of the time).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { AuditEntry } from '../src/audit/chain.js';
import { verifyAudit } from '../src/audit/verify.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { AuditRepo, Store } from '../src/store/types.js';
import { median } from './stats.js';

export type VerifyStore = 'sqlite' | 'postgres';

export interface VerifySpeed {
  readonly store: VerifyStore;
  readonly records: number;
  /** Bytes of each record's body. */
  readonly bodyBytes: number;
  /** Records per second by the wall clock, one per run. */
  readonly rates: readonly number[];
  /** Records per CPU-second of this process, one per run (the database server's own work, on PostgreSQL, is not in it). */
  readonly cpuRates: readonly number[];
  readonly median: number;
  readonly cpuMedian: number;
}

const BASE = process.env['PORTCULLIS_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A record body shaped like the gateway's `hash`-mode chat record: ten stage decisions, the
 * payload digests, the principal; ~1,600 bytes, as `npm run bench`'s requests make (`small`:
 * two decisions, ~550 bytes, what earlier sessions measured with).
 */
export function recordBody(i: number, small = false): string {
  const stages = small ? ['api-key', 'input-guards'] : ['api-key', 'context', 'policy', 'rate-limit', 'token-limit', 'audit-available', 'monitor', 'input-guards', 'output-guards', 'monitor-out'];
  return JSON.stringify({
    api: 'openai',
    code: null,
    decisions: stages.map((stage, k) => ({ code: null, ms: 0.012 * (k + 1), outcome: 'pass', phase: 'identity', reasons: k === 2 ? ['policy0'] : [], stage })),
    kind: 'request', latencyMs: 3.2, method: 'POST', model: 'gpt', operation: 'chat', path: '/v1/chat/completions',
    payload: { alg: 'sha256', answer: 'b'.repeat(64), mode: 'hash', ...(small ? {} : { over: 'bytes' }), request: 'a'.repeat(64) },
    principal: { authMethod: 'api_key', credentialId: 'pk_0123456789', id: 'svc-1', kind: 'service', tenant: 'default' },
    requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, sourceIp: '127.0.0.1', status: 200, streamed: false,
    time: new Date(1_700_000_000_000 + i).toISOString(), usage: { inputTokens: 12, outputTokens: 30 }, v: 1,
  });
}

/** A fresh store of either kind, and how to throw it away. */
export async function scratchStore(kind: VerifyStore): Promise<{ store: Store; cleanup: () => Promise<void> }> {
  if (kind === 'postgres') {
    const schema = `pc_bench_verify_${process.pid}`;
    const admin = new pg.Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const store = openPostgresStore(`${BASE}?schema=${schema}`);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pc-bench-verify-'));
  const store = openSqliteStore(join(dir, 'db.sqlite'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Appends `n` chained records in batches of 5,000. */
export async function fillAudit(repo: AuditRepo, n: number, small = false): Promise<void> {
  for (let i = 0; i < n; i += 5_000) {
    const batch: AuditEntry[] = [];
    for (let j = i; j < Math.min(n, i + 5_000); j++) batch.push({ requestId: `r-${j}`, ts: 1_700_000_000_000 + j, principal: 'svc-1', route: 'gpt', outcome: 'allow', status: 200, body: recordBody(j, small) });
    await repo.append(batch);
  }
}

/** Runs the verifier `runs` times over `repo` (which holds `n` records), with its own page size unless given; throws if it finds a problem. */
export async function timeVerify(repo: AuditRepo, n: number, runs: number, pageSize?: number): Promise<{ rates: number[]; cpuRates: number[] }> {
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const report = await verifyAudit(repo, { keys: new Map(), ...(pageSize !== undefined ? { pageSize } : {}) });
    const cpu = process.cpuUsage(cpu0);
    if (!report.ok || report.records !== n) throw new Error(`verify failed: ${JSON.stringify(report.problem)}`);
    rates.push(report.recordsPerSecond);
    cpuRates.push(Math.round(n / ((cpu.user + cpu.system) / 1e6)));
  }
  return { rates, cpuRates };
}

/** Fills a fresh store with `records` gateway-sized records and times `runs` verifications of it. */
export async function measureVerifySpeed(options: { store: VerifyStore; records: number; runs: number; pageSize?: number }): Promise<VerifySpeed> {
  const { store, cleanup } = await scratchStore(options.store);
  try {
    await fillAudit(store.audit, options.records);
    const { rates, cpuRates } = await timeVerify(store.audit, options.records, options.runs, options.pageSize);
    return { store: options.store, records: options.records, bodyBytes: recordBody(0).length, rates, cpuRates, median: median(rates), cpuMedian: median(cpuRates) };
  } finally {
    await cleanup();
  }
}

/** `measureVerifySpeed` in a child process started with `nodeFlags` (the launcher's, as `portcullis audit verify` runs). */
export function measureVerifySpeedIn(nodeFlags: readonly string[], options: { store: VerifyStore; records: number; runs: number }): VerifySpeed {
  const out = execFileSync(process.execPath, [...nodeFlags, fileURLToPath(import.meta.url), '--store', options.store, '--records', String(options.records), '--runs', String(options.runs)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '') as VerifySpeed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { store: { type: 'string', default: 'sqlite' }, records: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
  if (values.store !== 'sqlite' && values.store !== 'postgres') throw new Error('--store takes sqlite or postgres');
  process.stdout.write(`${JSON.stringify(await measureVerifySpeed({ store: values.store, records: Number(values.records), runs: Number(values.runs) }))}\n`);
}
