/**
 * CPU per audit record on the durable write path (AuditLog → SQLite append thread → fsynced
 * commit) at a steady arrival rate, for several group-commit windows (`audit.commitDelayMs`),
 * interleaved in one process so every window sees the same machine load:
 *
 *   node dist/bench/audit-commit.js [--rate 2000] [--seconds 3] [--rounds 3] [--windows 0,2]
 *
 * Reports per window: process CPU per record (both threads, user + system, which includes the
 * kernel's fsync work), records per commit, and the mean and p99 wait of a write (what an
 * answer's final bytes wait for). Records are ~600-byte bodies, like a `hash`-mode chat record.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '../src/audit/log.js';
import { sealingKey } from '../src/crypto/seal.js';
import { createLogger } from '../src/log.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const { values } = parseArgs({
  options: { rate: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '3' }, rounds: { type: 'string', default: '3' }, windows: { type: 'string', default: '0,2' } },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const windows = values.windows.split(',').map(Number);
const body = `{"pad":"${'x'.repeat(590)}"}`;

interface Result {
  cpuPerRecord: number;
  perCommit: number;
  meanWaitMs: number;
  p99WaitMs: number;
}

async function measure(window: number, round: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'pc-bench-commit-'));
  const store = openSqliteStore(join(dir, 'state.db'));
  const log = await AuditLog.open({
    repo: store.audit, secrets: store.secrets, sealing: sealingKey(randomBytes(32)), log: createLogger({ level: 'silent' }),
    spoolFile: join(dir, 'audit.spool'), checkpointEveryRecords: 1_000_000, checkpointEveryMs: 3_600_000, maxBatch: 1000, commitDelayMs: window,
  });
  try {
    const waits: number[] = [];
    const writes: Promise<void>[] = [];
    let n = 0;
    const before = log.stats;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // Every millisecond tick, write what the rate owes since the start (timers tick at ~1 ms).
    while (performance.now() - t0 < seconds * 1000) {
      const owed = Math.floor(((performance.now() - t0) / 1000) * rate);
      for (; n < owed; n++) {
        const started = performance.now();
        writes.push(log.write({ requestId: `r${round}-${n}`, ts: Date.now(), principal: 'svc-1', route: 'gpt', outcome: 'allow', status: 200, body }, 'spool').then(() => void waits.push(performance.now() - started)));
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(writes);
    const cpu = process.cpuUsage(cpu0);
    const after = log.stats;
    waits.sort((a, b) => a - b);
    return {
      cpuPerRecord: (cpu.user + cpu.system) / n,
      perCommit: (after.written - before.written) / (after.batches - before.batches),
      meanWaitMs: waits.reduce((s, w) => s + w, 0) / waits.length,
      p99WaitMs: waits[Math.floor(waits.length * 0.99)] ?? Number.NaN,
    };
  } finally {
    await log.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const results = new Map<number, Result[]>(windows.map((w) => [w, []]));
const load = [loadavg()[0]];
for (let r = 0; r < Number(values.rounds); r++) {
  for (const w of windows) {
    const res = await measure(w, r);
    results.get(w)?.push(res);
    process.stdout.write(`round ${r + 1} window ${w} ms: ${res.cpuPerRecord.toFixed(1)} µs CPU/record, ${res.perCommit.toFixed(1)} records/commit, wait mean ${res.meanWaitMs.toFixed(2)} ms p99 ${res.p99WaitMs.toFixed(2)} ms\n`);
  }
}
load.push(loadavg()[0]);
process.stdout.write(`\n${rate} records/s, ${seconds} s per run, load average ${load.map((l) => l?.toFixed(2)).join(' → ')}; medians:\n`);
for (const [w, rs] of results) {
  process.stdout.write(
    `  window ${w} ms: ${median(rs.map((x) => x.cpuPerRecord)).toFixed(1)} µs CPU/record, ${median(rs.map((x) => x.perCommit)).toFixed(1)} records/commit, wait mean ${median(rs.map((x) => x.meanWaitMs)).toFixed(2)} ms, p99 ${median(rs.map((x) => x.p99WaitMs)).toFixed(2)} ms\n`,
  );
}
