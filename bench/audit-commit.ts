/**
 * CPU per audit record on the durable write path (AuditLog → SQLite append thread → fsynced
 * commit) at a steady arrival rate, for several group-commit windows (`audit.commitDelayMs`),
 * interleaved in one process so every window sees the same machine load:
 *
 *   node dist/bench/audit-commit.js [--rate 2000] [--seconds 3] [--rounds 3] [--windows 0,2]
 *                                    [--ids time,random] [--prefill 100000]
 *
 * Reports per window: process CPU per record (both threads, user + system, which includes the
 * kernel's fsync work), records per commit, and the mean and p99 wait of a write (what an
 * answer's final bytes wait for). Records are ~600-byte bodies, like a `hash`-mode chat record.
 *
 * `--ids` compares request-id schemes in the same rounds: `time` is what the gateway issues
 * (UUIDv7, src/lib/request-id.ts), `random` the UUIDv4 it issued before. The store's unique index
 * on the request id is a B-tree, so the scheme decides how many index pages each commit dirties;
 * `--prefill` first appends that many records (in batches of 1,000, not measured) so the index
 * is as large as in a gateway that has run for a while.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '../src/audit/log.js';
import { sealingKey } from '../src/crypto/seal.js';
import { timeOrderedId } from '../src/lib/request-id.js';
import { createLogger } from '../src/log.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    windows: { type: 'string', default: '0,2' },
    ids: { type: 'string', default: 'time' },
    prefill: { type: 'string', default: '0' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const windows = values.windows.split(',').map(Number);
const ID_SCHEMES = { time: () => timeOrderedId(), random: () => randomUUID() } as const;
type IdScheme = keyof typeof ID_SCHEMES;
const schemes = values.ids.split(',').map((s) => {
  if (!(s in ID_SCHEMES)) throw new Error(`--ids takes time and/or random, not "${s}"`);
  return s as IdScheme;
});
const prefill = Number(values.prefill);
const body = `{"pad":"${'x'.repeat(590)}"}`;

interface Result {
  cpuPerRecord: number;
  perCommit: number;
  meanWaitMs: number;
  p99WaitMs: number;
}

async function measure(window: number, scheme: IdScheme): Promise<Result> {
  const newId = ID_SCHEMES[scheme];
  const dir = mkdtempSync(join(tmpdir(), 'pc-bench-commit-'));
  const store = openSqliteStore(join(dir, 'state.db'));
  const log = await AuditLog.open({
    repo: store.audit, secrets: store.secrets, sealing: sealingKey(randomBytes(32)), log: createLogger({ level: 'silent' }),
    spoolFile: join(dir, 'audit.spool'), checkpointEveryRecords: 1_000_000, checkpointEveryMs: 3_600_000, maxBatch: 1000, commitDelayMs: window,
  });
  try {
    for (let done = 0; done < prefill; done += 1000) {
      await store.audit.append(Array.from({ length: Math.min(1000, prefill - done) }, () => ({ requestId: newId(), ts: Date.now(), principal: 'svc-1', route: 'gpt', outcome: 'allow' as const, status: 200, body })));
    }
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
        writes.push(log.write({ requestId: newId(), ts: Date.now(), principal: 'svc-1', route: 'gpt', outcome: 'allow', status: 200, body }, 'spool').then(() => void waits.push(performance.now() - started)));
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
const variants = windows.flatMap((w) => schemes.map((scheme) => ({ w, scheme, label: `window ${w} ms, ${scheme} ids` })));
const results = new Map<string, Result[]>(variants.map((v) => [v.label, []]));
const load = [loadavg()[0]];
for (let r = 0; r < Number(values.rounds); r++) {
  // Reversed every other round, so no variant always runs first (or last) in a round.
  for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
    const res = await measure(v.w, v.scheme);
    results.get(v.label)?.push(res);
    process.stdout.write(`round ${r + 1} ${v.label}: ${res.cpuPerRecord.toFixed(1)} µs CPU/record, ${res.perCommit.toFixed(1)} records/commit, wait mean ${res.meanWaitMs.toFixed(2)} ms p99 ${res.p99WaitMs.toFixed(2)} ms\n`);
  }
}
load.push(loadavg()[0]);
process.stdout.write(`\n${rate} records/s, ${seconds} s per run, ${prefill} records prefilled, load average ${load.map((l) => l?.toFixed(2)).join(' → ')}; medians:\n`);
for (const [label, rs] of results) {
  process.stdout.write(
    `  ${label}: ${median(rs.map((x) => x.cpuPerRecord)).toFixed(1)} µs CPU/record, ${median(rs.map((x) => x.perCommit)).toFixed(1)} records/commit, wait mean ${median(rs.map((x) => x.meanWaitMs)).toFixed(2)} ms, p99 ${median(rs.map((x) => x.p99WaitMs)).toFixed(2)} ms\n`,
  );
}
