/**
 * The Redis limits backend alone (issue 8): the script calls a request makes — its acquire,
 * awaited, and its lease release, not awaited — without the stage, the tokenizer or the
 * monitoring path, so what this process spends per request can be told apart from what Redis
 * spends. bench/limits.ts measures the whole stage; this isolates the part in src/limits/redis.ts.
 *
 * Requests run `--in-flight` at a time (each worker starts its next request when its last
 * acquire answers), in rounds of `--requests`, round-robin over the cases after a warm-up round
 * each. Per case, medians over the rounds of:
 * - wall µs per request (round time ÷ requests, the round ending when every release is answered);
 * - this process's CPU µs per request (user + system);
 * - Redis's CPU µs per request (`INFO cpu`, main thread user + system, before and after the round);
 * - the script's µs per request inside Redis (`INFO commandstats`, evalsha `usec`), and the
 *   script calls per round, which shows how many requests shared a call.
 * Both Redis figures are server-wide: other clients of the same server during a round count too.
 *
 *   node dist/bench/limits-backend.js [--redis redis://127.0.0.1:6379] [--in-flight 32] [--rounds 7] [--requests 4000] [--only TEXT]
 *
 * Keys go under a random prefix and are deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Redis } from 'ioredis';
import { redisReady } from '../src/limits/assemble.js';
import { windowOp } from '../src/limits/plan.js';
import { RedisBackend } from '../src/limits/redis.js';
import type { LimitOp, SlotRelease } from '../src/limits/types.js';
import { createLogger } from '../src/log.js';
import { openRedis } from '../src/state/redis.js';
import { median, round } from './stats.js';

const { values } = parseArgs({
  options: {
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
    'in-flight': { type: 'string', default: '32' },
    rounds: { type: 'string', default: '7' },
    requests: { type: 'string', default: '4000' },
    only: { type: 'string', default: '' },
  },
});
const IN_FLIGHT = Number(values['in-flight']);
const ROUNDS = Number(values.rounds);
const PER_ROUND = Number(values.requests);
const MINUTE = 60_000;
const LEASE_MS = 600_000;

/** A request's ops, as the stage would plan them for one principal (limits far above the load). */
type Shape = (base: string, member: string, now: number) => LimitOp[];

const slot = (key: string, member: string): LimitOp => ({ kind: 'slots', key, limit: 1e6, ttlMs: LEASE_MS, member });
const fixed = (key: string, cost: number): LimitOp => ({ kind: 'fixed', key, limit: 1e15, cost, ttlMs: 2 * 86_400_000 });

const SHAPES: Record<string, Shape> = {
  requests: (base, _member, now) => [windowOp(`${base}:r`, now, MINUTE, 1e9, 1)],
  'requests+concurrency': (base, member, now) => [windowOp(`${base}:r`, now, MINUTE, 1e9, 1), slot(`${base}:c`, member)],
  'all + spend per day and month': (base, member, now) => [
    windowOp(`${base}:r`, now, MINUTE, 1e9, 1),
    slot(`${base}:c`, member),
    windowOp(`${base}:ti`, now, MINUTE, 1e12, 842),
    windowOp(`${base}:to`, now, MINUTE, 1e12, 256),
    fixed(`${base}:sd:20260105`, 4_665_000),
    fixed(`${base}:sm:202601`, 4_665_000),
  ],
};

/** The server counters read around each round. */
interface ServerSample {
  readonly cpuUs: number;
  readonly scriptUsec: number;
  readonly scriptCalls: number;
}

async function serverSample(redis: Redis): Promise<ServerSample> {
  const info = await redis.info('all');
  const field = (name: string): number => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 'NaN');
  const evalsha = /^cmdstat_evalsha:calls=(\d+),usec=(\d+)/m.exec(info);
  return {
    // Redis 7 reports the main thread apart; older servers only the process.
    cpuUs: (field('used_cpu_user_main_thread') + field('used_cpu_sys_main_thread')) * 1e6 || (field('used_cpu_user') + field('used_cpu_sys')) * 1e6,
    scriptCalls: Number(evalsha?.[1] ?? 0),
    scriptUsec: Number(evalsha?.[2] ?? 0),
  };
}

interface Round {
  readonly wallUs: number;
  readonly cpuUs: number;
  readonly redisCpuUs: number;
  readonly scriptUs: number;
  readonly scriptCalls: number;
}

/** `PER_ROUND` requests of one shape, `IN_FLIGHT` at a time; ends when the last release is answered. */
async function runRound(backend: RedisBackend, probe: Redis, shape: Shape, base: string, from: number): Promise<Round> {
  let next = from;
  const end = from + PER_ROUND;
  const releases: Promise<void>[] = [];
  const worker = async (): Promise<void> => {
    while (next < end) {
      const member = `bench-${next++}`;
      const now = Date.now();
      const ops = shape(base, member, now);
      const result = await backend.acquire(ops, now);
      if (!result.ok) throw new Error(`request ${member} was refused`);
      const slots: SlotRelease[] = [];
      for (const op of ops) if (op.kind === 'slots') slots.push({ key: op.key, member: op.member });
      // The stage does not wait for the release either.
      releases.push(backend.settle([], slots, Date.now()));
    }
  };
  const before = await serverSample(probe);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await Promise.all(releases);
  const wallUs = (performance.now() - started) * 1000;
  const used = process.cpuUsage(cpu);
  const after = await serverSample(probe);
  return {
    wallUs,
    cpuUs: used.user + used.system,
    redisCpuUs: after.cpuUs - before.cpuUs,
    scriptUs: after.scriptUsec - before.scriptUsec,
    scriptCalls: after.scriptCalls - before.scriptCalls,
  };
}

async function main(): Promise<void> {
  const log = createLogger({ level: 'silent' });
  const redis = openRedis(values.redis, log, { name: 'portcullis-bench-backend' });
  const probe = openRedis(values.redis, log, { name: 'portcullis-bench-probe' });
  if (!(await redisReady(redis, 3_000)) || !(await redisReady(probe, 3_000))) throw new Error(`Redis at ${values.redis} is not reachable`);
  const backend = new RedisBackend(redis);
  const prefix = `pc:bench:${randomBytes(6).toString('hex')}:`;
  const cases = Object.entries(SHAPES).filter(([name]) => name.includes(values.only));
  const rounds = cases.map((): Round[] => []);
  for (let r = 0; r <= ROUNDS; r++) {
    for (const [k, [, shape]] of cases.entries()) {
      const measured = await runRound(backend, probe, shape, `${prefix}${k}:key_bench`, r * PER_ROUND);
      if (r > 0) rounds[k]?.push(measured);
    }
  }
  const keys = await probe.keys(`${prefix}*`);
  if (keys.length > 0) await probe.del(...keys);
  await probe.quit();
  await backend.close();

  const width = Math.max(...cases.map(([name]) => name.length));
  process.stdout.write(`${'case'.padEnd(width)}  wall µs/req  CPU µs/req  Redis CPU µs/req  script µs/req  script calls/round   (medians of ${ROUNDS} rounds of ${PER_ROUND}, ${IN_FLIGHT} in flight)\n`);
  for (const [k, [name]] of cases.entries()) {
    const of = (pick: (r: Round) => number): number => round(median((rounds[k] ?? []).map(pick)) / PER_ROUND, 1);
    const calls = median((rounds[k] ?? []).map((r) => r.scriptCalls));
    const cols = [of((r) => r.wallUs), of((r) => r.cpuUs), of((r) => r.redisCpuUs), of((r) => r.scriptUs)];
    process.stdout.write(`${name.padEnd(width)}  ${cols.map((c, i) => String(c).padStart([11, 10, 16, 13][i] ?? 0)).join('  ')}  ${String(calls).padStart(18)}\n`);
  }
  process.stdout.write(`node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
