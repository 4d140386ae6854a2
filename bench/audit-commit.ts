/**
 * CPU per audit record on the durable write path (AuditLog → SQLite append thread → fsynced
 * commit) at a steady arrival rate, for several group-commit windows (`audit.commitDelayMs`),
 * interleaved in one process so every window sees the same machine load:
 *
 *   node dist/bench/audit-commit.js [--rate 2000] [--seconds 3] [--rounds 3] [--windows 0,2]
 *                                    [--ids time,random] [--prefill 100000]
 *   node dist/bench/audit-commit.js --clients 64 --work 195 [--windows off,0,2] …
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
 *
 * `--clients N` replaces the steady rate with a closed loop, the shape of the gateway benchmark:
 * N clients each burn `--work` µs of CPU on the event loop (the gateway's own work per request),
 * write a record and wait for it to be durable, and start over. The window `off` runs the same
 * loop without writing, so the report gives the audit's throughput cost (1 − on ÷ off) and how
 * many records per commit such a loop actually gathers. Run it under `taskset -c 0` to put both
 * threads on one core, as the benchmark pins the gateway.
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
    clients: { type: 'string', default: '0' },
    work: { type: 'string', default: '195' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
/** `off`: no audit at all (closed loop only), the baseline of the throughput cost. */
const OFF = -1;
const windows = values.windows.split(',').map((w) => (w === 'off' ? OFF : Number(w)));
const clients = Number(values.clients);
const workUs = Number(values.work);
const ID_SCHEMES = { time: () => timeOrderedId(), random: () => randomUUID() } as const;
type IdScheme = keyof typeof ID_SCHEMES;
const schemes = values.ids.split(',').map((s) => {
  if (!(s in ID_SCHEMES)) throw new Error(`--ids takes time and/or random, not "${s}"`);
  return s as IdScheme;
});
const prefill = Number(values.prefill);
const body = `{"pad":"${'x'.repeat(590)}"}`;

interface Result {
  /** Records (closed loop: requests) per second. */
  throughput: number;
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
    spoolFile: join(dir, 'audit.spool'), checkpointEveryRecords: 1_000_000, checkpointEveryMs: 3_600_000, maxBatch: 1000, commitDelayMs: Math.max(0, window),
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
    const write = (): Promise<void> => {
      const started = performance.now();
      n++;
      return log.write({ requestId: newId(), ts: Date.now(), principal: 'svc-1', route: 'gpt', outcome: 'allow', status: 200, body }, 'spool').then(() => void waits.push(performance.now() - started));
    };
    if (clients > 0) {
      const client = async (): Promise<void> => {
        while (performance.now() - t0 < seconds * 1000) {
          // Each request's work is its own event-loop task, as an incoming request's would be,
          // so the append thread's replies interleave with it.
          await new Promise(setImmediate);
          spin(workUs);
          if (window === OFF) n++;
          else await write();
        }
      };
      await Promise.all(Array.from({ length: clients }, client));
    } else {
      // Every millisecond tick, write what the rate owes since the start (timers tick at ~1 ms).
      while (performance.now() - t0 < seconds * 1000) {
        const owed = Math.floor(((performance.now() - t0) / 1000) * rate);
        while (n < owed) writes.push(write());
        await new Promise((r) => setTimeout(r, 1));
      }
    }
    await Promise.all(writes);
    const elapsed = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const after = log.stats;
    waits.sort((a, b) => a - b);
    return {
      throughput: (n / elapsed) * 1000,
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

/** Busy CPU for `us` microseconds on the event loop: the gateway's own work for one request. */
function spin(us: number): void {
  const end = performance.now() + us / 1000;
  while (performance.now() < end);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const variants = windows.flatMap((w) => schemes.map((scheme) => ({ w, scheme, label: w === OFF ? `audit off, ${scheme} ids` : `window ${w} ms, ${scheme} ids` })));
const results = new Map<string, Result[]>(variants.map((v) => [v.label, []]));
const load = [loadavg()[0]];
for (let r = 0; r < Number(values.rounds); r++) {
  // Reversed every other round, so no variant always runs first (or last) in a round.
  for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
    const res = await measure(v.w, v.scheme);
    results.get(v.label)?.push(res);
    process.stdout.write(`round ${r + 1} ${v.label}: ${res.throughput.toFixed(0)}/s, ${res.cpuPerRecord.toFixed(1)} µs CPU/record, ${res.perCommit.toFixed(1)} records/commit, wait mean ${res.meanWaitMs.toFixed(2)} ms p99 ${res.p99WaitMs.toFixed(2)} ms\n`);
  }
}
load.push(loadavg()[0]);
const shape = clients > 0 ? `closed loop, ${clients} clients, ${workUs} µs of work each` : `${rate} records/s`;
process.stdout.write(`\n${shape}, ${seconds} s per run, ${prefill} records prefilled, load average ${load.map((l) => l?.toFixed(2)).join(' → ')}; medians:\n`);
for (const [label, rs] of results) {
  process.stdout.write(
    `  ${label}: ${median(rs.map((x) => x.throughput)).toFixed(0)}/s, ${median(rs.map((x) => x.cpuPerRecord)).toFixed(1)} µs CPU/record, ${median(rs.map((x) => x.perCommit)).toFixed(1)} records/commit, wait mean ${median(rs.map((x) => x.meanWaitMs)).toFixed(2)} ms, p99 ${median(rs.map((x) => x.p99WaitMs)).toFixed(2)} ms\n`,
  );
}
const offRuns = variants.filter((v) => v.w === OFF).map((v) => results.get(v.label) ?? []);
for (const [i, off] of offRuns.entries()) {
  for (const v of variants.filter((x) => x.w !== OFF && x.scheme === schemes[i % schemes.length])) {
    // Per round: the variant against the audit-off run of the same round, then the median.
    const costs = (results.get(v.label) ?? []).map((on, r) => 1 - on.throughput / (off[r]?.throughput ?? Number.NaN));
    process.stdout.write(`  ${v.label}: throughput cost ${(median(costs) * 100).toFixed(1)} % (rounds ${costs.map((c) => (c * 100).toFixed(1)).join(', ')})\n`);
  }
}
