/**
 * Limits overhead (issue 8, "Measured"): what the limits stage adds to one request — its
 * `onRequest` (awaited: the counter check-and-charge) plus its `onResponse` (the correction, sent
 * without waiting) — with the in-process backend and with Redis on loopback, every request timed
 * on its own (median and p99, garbage collection included), and the tokenizer on a 4 KB prompt.
 *
 * The floor: every Redis case also times, in the same loop just before each request, a bare Redis
 * round trip on the same connection — a PING and an EVALSHA of a script that only returns 1 — so
 * "over floor" (case median − EVALSHA median) is what our code and our script add to the one round
 * trip a shared counter cannot avoid, measured under the same machine load.
 *
 * The "+ monitoring" cases add the whole per-request monitoring path (address block and
 * enforcement lookups, the risk lookup, anomaly scoring, the completion hook) on synthetic normal
 * traffic from 200 principals (src/monitor/sim.ts), one request after another: issue 8's
 * "overhead per request of limits and scoring" target (under 50 µs median with Redis on loopback).
 *
 * The "N in flight" cases are the pipelined form of the target: `--in-flight` requests at a time
 * (default 32) through the same per-request path (limits alone, or limits with the whole
 * monitoring path), each worker starting its next request when its last one ends. They run
 * round-robin — one round of `max(iterations, 10 × in-flight)` requests of each case in turn,
 * `--rounds` times after a warm-up round — and report medians over the rounds of the wall time
 * per request at steady state (round time / requests), this process's CPU per request, and the
 * median time one request waited. Deferred work (batched corrections, model-output analysis)
 * runs inside the round, as in the gateway.
 *
 *   node dist/bench/limits.js [--redis redis://127.0.0.1:6379] [--iterations N] [--only TEXT] [--in-flight N] [--rounds N]
 *
 * `--only` keeps the cases whose name contains TEXT (e.g. `--only redis:`, `--only "in flight"`).
 *
 * Keys go under a random prefix and are deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Redis } from 'ioredis';
import { textOf, type ChatRequest, type ChatResponse } from '../src/canonical/types.js';
import { limitsSchema } from '../src/config/limits.js';
import { parseConfigText } from '../src/config/load.js';
import { redisReady } from '../src/limits/assemble.js';
import { MemoryBackend } from '../src/limits/memory.js';
import { compileLimits } from '../src/limits/plan.js';
import { RedisBackend } from '../src/limits/redis.js';
import { chunkTokens, inputTokensOf, loadTokenizer } from '../src/limits/tokens.js';
import type { CounterBackend } from '../src/limits/types.js';
import { createLogger } from '../src/log.js';
import { createMonitoring, type Monitoring } from '../src/monitor/assemble.js';
import { normalTraffic, population } from '../src/monitor/sim.js';
import type { Principal, Stage, StageContext } from '../src/pipeline/types.js';
import type { RequestSummary } from '../src/server/completion.js';
import { openRedis } from '../src/state/redis.js';
import { limitsStage } from '../src/stages/limits/stage.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { median as medianOf, percentile, round } from './stats.js';

const { values } = parseArgs({
  options: {
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
    iterations: { type: 'string', default: '4000' },
    only: { type: 'string', default: '' },
    'in-flight': { type: 'string', default: '32' },
    rounds: { type: 'string', default: '7' },
  },
});
const ITERATIONS = Number(values.iterations);
const IN_FLIGHT = Number(values['in-flight']);
const ROUNDS = Number(values.rounds);
const wanted = (name: string): boolean => name.includes(values.only);
const log = createLogger({ level: 'silent' });

const SENTENCE = 'A zero-trust gateway checks every request, counts its tokens, and keeps each caller within its limits. ';
const PROMPT_4K = SENTENCE.repeat(Math.ceil(4096 / SENTENCE.length)).slice(0, 4096);
const principal: Principal = { id: 'key_bench', kind: 'service', tenant: 'bench', roles: [], authMethod: 'api_key', credentialId: 'key_bench', models: [] };
const request: ChatRequest = { kind: 'chat', model: 'gpt', messages: [{ role: 'user', content: [{ type: 'text', text: PROMPT_4K }] }], maxTokens: 256, stream: false, includeUsage: false };
const response: ChatResponse = { kind: 'chat', id: 'x', model: 'gpt', created: 0, choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finishReason: 'stop' }], usage: { inputTokens: 900, outputTokens: 120 } };

interface Row {
  readonly name: string;
  readonly medianUs: number;
  readonly p99Us: number;
  readonly n: number;
  /** Whole lifecycle: admission plus the correction/release call awaited. */
  readonly cycle?: { readonly medianUs: number; readonly p99Us: number };
  /** This process's CPU time (user + system) per request, over the timed loop (floor calls included). */
  readonly cpuUs?: number;
  /** Medians of the bare round trips timed in the same loop. */
  readonly floor?: { readonly pingUs: number; readonly evalshaUs: number };
}

function summarise(name: string, samples: number[]): Row {
  samples.sort((a, b) => a - b);
  return { name, medianUs: round(percentile(samples, 50) * 1000, 1), p99Us: round(percentile(samples, 99) * 1000, 1), n: samples.length };
}

const median = (samples: number[]): number => summarise('', samples).medianUs;

/** Remembers the settle the stage starts without waiting, so the benchmark can wait for it outside the timed part. */
class Tracked implements CounterBackend {
  pending: Promise<void> = Promise.resolve();
  constructor(private readonly inner: CounterBackend) {}
  get kind(): CounterBackend['kind'] {
    return this.inner.kind;
  }
  acquire(...args: Parameters<CounterBackend['acquire']>): ReturnType<CounterBackend['acquire']> {
    return this.inner.acquire(...args);
  }
  settle(...args: Parameters<CounterBackend['settle']>): Promise<void> {
    this.pending = this.inner.settle(...args);
    return this.pending;
  }
  renew(...args: Parameters<CounterBackend['renew']>): Promise<void> {
    return this.inner.renew(...args);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Rule sets, from cheapest to dearest; every limit is far above what the benchmark sends. */
const CASES = {
  'requests': [{ name: 'rpm', requests: { limit: 1e9, windowSec: 60 } }],
  'requests+concurrency': [{ name: 'rpm', requests: { limit: 1e9, windowSec: 60 }, concurrent: 1e6 }],
  'requests+concurrency+tokens': [{ name: 'all', requests: { limit: 1e9, windowSec: 60 }, concurrent: 1e6, inputTokensPerMinute: 1e12, outputTokensPerMinute: 1e12 }],
  'all + spend per day and month': [{ name: 'all', requests: { limit: 1e9, windowSec: 60 }, concurrent: 1e6, inputTokensPerMinute: 1e12, outputTokensPerMinute: 1e12, spendPerDay: 1e6, spendPerMonth: 1e6 }],
} as const;

function stageFor(rules: unknown, backend: CounterBackend, prefix: string, now?: () => number): Stage {
  const compiled = compileLimits(limitsSchema.parse({ rules, keyPrefix: prefix, prices: { '*': { input: 2.5, output: 10 } } }));
  return limitsStage({ limits: () => compiled, backend, ...(now ? { now } : {}) });
}

function context(i: number): StageContext {
  return { requestId: `bench-${i}`, api: 'openai', operation: 'chat', sourceIp: '127.0.0.1', headers: {}, principal, context: undefined, signal: new AbortController().signal, log, decisions: [] };
}

/**
 * One request: `prepare` builds what the gateway would have built anyway before this stage (the
 * request context, its AbortController: about 8 µs on this machine), outside the timed part; `run`
 * is the timed work and returns when everything the request waits for is done.
 */
interface OneRequest<T> {
  prepare(i: number): T;
  run(prepared: T, i: number): Promise<void>;
  /** Deferred work the gateway runs off the request (model-output analysis), outside the timed part. */
  after?(): void;
}

/** The bare round trips timed next to each request, on the backend's connection. */
interface Floor {
  readonly redis: Redis;
  readonly trivial: () => Promise<unknown>;
}

/**
 * Per request: the time the request waits (`run`), and the whole cycle including the unawaited
 * correction's round trip. The correction is awaited before the next request, so one request's
 * cost does not leak into the next. With a floor, a PING and a trivial EVALSHA are timed just
 * before each request.
 */
async function timeLoop<T>(name: string, tracked: Tracked, one: OneRequest<T>, iterations: number, floor?: Floor): Promise<Row> {
  const samples: number[] = [];
  const cycles: number[] = [];
  const pings: number[] = [];
  const evals: number[] = [];
  const warmup = Math.min(500, iterations / 4);
  let cpu: NodeJS.CpuUsage | undefined;
  for (let i = 0; i < iterations + warmup; i++) {
    if (i === warmup) cpu = process.cpuUsage();
    if (floor) {
      const t0 = performance.now();
      await floor.redis.ping();
      const t1 = performance.now();
      await floor.trivial();
      const t2 = performance.now();
      if (i >= warmup) {
        pings.push(t1 - t0);
        evals.push(t2 - t1);
      }
    }
    const prepared = one.prepare(i);
    tracked.pending = Promise.resolve();
    const started = performance.now();
    await one.run(prepared, i);
    const waited = performance.now() - started;
    await tracked.pending;
    const cycle = performance.now() - started;
    one.after?.();
    if (i >= warmup) {
      samples.push(waited);
      cycles.push(cycle);
    }
  }
  const used = process.cpuUsage(cpu);
  const c = summarise(name, cycles);
  return {
    ...summarise(name, samples),
    cycle: { medianUs: c.medianUs, p99Us: c.p99Us },
    cpuUs: round((used.user + used.system) / iterations, 1),
    ...(floor ? { floor: { pingUs: median(pings), evalshaUs: median(evals) } } : {}),
  };
}

async function timeStage(name: string, rules: unknown, backend: CounterBackend, prefix: string, iterations: number, floor?: Floor): Promise<Row> {
  const tracked = new Tracked(backend);
  const stage = stageFor(rules, tracked, prefix);
  const one: OneRequest<StageContext> = {
    prepare: context,
    async run(ctx, i) {
      const verdict = await stage.onRequest?.(ctx, request);
      if (verdict?.action !== 'pass') throw new Error(`${name}: request ${i} was not admitted (${JSON.stringify(verdict)})`);
      void stage.onResponse?.(ctx, response);
    },
  };
  return timeLoop(name, tracked, one, iterations, floor);
}

/** Synthetic normal traffic for the monitoring cases, with its own clock. */
interface Traffic {
  clock: number;
  readonly requests: { at: number; ctx: Omit<StageContext, 'signal'>; request: ChatRequest; summary: RequestSummary }[];
}

function traffic(count: number): Traffic {
  const start = Date.UTC(2026, 0, 5);
  // About 25,000 requests a day from 200 principals: generate no more than needed (less garbage to collect).
  const events = normalTraffic(population(200, 3), start, Math.max(1, Math.ceil(count / 25_000)), 4).slice(0, count);
  const requests = events.map((e, i) => {
    const r = e.request;
    const req: ChatRequest = { kind: 'chat', model: 'gpt', stream: false, includeUsage: false, maxTokens: 256, messages: [{ role: 'user', content: [{ type: 'text', text: r.prompt ?? '' }] }] };
    const ctx = { requestId: `m${i}`, api: 'openai', operation: 'chat', sourceIp: r.ip, headers: {}, principal: r.principal, context: { clientIp: r.ip, ...(r.country ? { country: r.country } : {}), risk: 0 }, log, decisions: [] } as const;
    const answer: ChatResponse = { kind: 'chat', id: 'x', model: 'gpt', created: 0, choices: [{ index: 0, message: { role: 'assistant', content: textOf(req.messages[0]?.content ?? []) }, finishReason: 'stop' }], usage: { inputTokens: 20, outputTokens: r.outputTokens ?? 100 } };
    const summary: RequestSummary = { requestId: ctx.requestId, startedAt: e.at, method: 'POST', path: '/v1/chat/completions', api: 'openai', operation: 'chat', sourceIp: r.ip, principal: r.principal, model: 'gpt', decisions: [], status: 200, code: undefined, latencyMs: 300, request: req, response: answer, chunks: undefined };
    return { at: e.at, ctx, request: req, summary };
  });
  return { clock: start, requests };
}

async function monitoring(t: Traffic): Promise<{ m: Monitoring; close: () => Promise<void> }> {
  const loaded = parseConfigText('monitor:\n  rules:\n    - id: guard-burst\n      when: { signal: guard_burst }\n      actions: [{ type: throttle }]\n');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const store = openSqliteStore(':memory:');
  const m = await createMonitoring({ config: loaded.config, store, log, now: () => t.clock });
  return {
    m,
    close: async () => {
      await m.close();
      await store.close();
    },
  };
}

/**
 * One request through limits and the monitoring stages, in pipeline order: address block and
 * enforcement (headers), the risk lookup (context), limits (awaited), scoring (input), the
 * limits correction (response) and the completion hook.
 */
async function monitoredRequest(name: string, m: Monitoring, stage: Stage, ctx: StageContext, r: Traffic['requests'][number], i: number): Promise<void> {
  void m.ipStage.onHeaders?.(ctx);
  void m.enforceStage.onHeaders?.(ctx);
  m.risk.riskOf(ctx.principal?.id, ctx.sourceIp);
  const verdict = await stage.onRequest?.(ctx, r.request);
  if (verdict?.action !== 'pass') throw new Error(`${name}: request ${i} was not admitted (${JSON.stringify(verdict)})`);
  void m.observeStage.onRequest?.(ctx, r.request);
  void stage.onResponse?.(ctx, r.summary.response as ChatResponse);
  m.onComplete(r.summary);
}

/**
 * Limits and the whole monitoring path for one request, in pipeline order: address block and
 * enforcement (headers), the risk lookup (context), limits (awaited), scoring (input), the
 * limits correction (response) and the completion hook. Model-output analysis is deferred by
 * the gateway (setImmediate) and left out, as in bench/monitor.ts.
 */
async function timeWithMonitoring(name: string, rules: unknown, backend: CounterBackend, prefix: string, iterations: number, floor?: Floor): Promise<Row> {
  const warmup = Math.min(500, iterations / 4);
  const t = traffic(iterations + warmup);
  const { m, close } = await monitoring(t);
  const tracked = new Tracked(backend);
  const stage = stageFor(rules, tracked, prefix, () => t.clock);
  const one: OneRequest<{ ctx: StageContext; r: Traffic['requests'][number] }> = {
    prepare(i) {
      const r = t.requests[i % t.requests.length];
      if (!r) throw new Error('no traffic');
      return { ctx: { ...r.ctx, signal: new AbortController().signal }, r };
    },
    run: ({ ctx, r }, i) => {
      t.clock = r.at;
      return monitoredRequest(name, m, stage, ctx, r, i);
    },
    after: () => m.models.flush(),
  };
  const row = await timeLoop(name, tracked, one, iterations, floor);
  await close();
  return row;
}

/** One pipelined case: requests `inFlight` at a time through the limits stage, with or without monitoring. */
interface PipelinedCase {
  readonly name: string;
  /** Starts request `i` and resolves when everything it waits for is done. */
  readonly one: (i: number) => Promise<void>;
  readonly close: () => Promise<void>;
}

/** Steady-state figures of a pipelined case: medians over its measured rounds. */
interface PipelinedRow {
  readonly name: string;
  /** Wall time of a round divided by its requests. */
  readonly wallUsPerRequest: number;
  /** This process's CPU (user + system) per request, everything included (deferred work too). */
  readonly cpuUsPerRequest: number;
  /** Median time one request waited, start to end, with the others in flight. */
  readonly latencyMedianUs: number;
  readonly rounds: number;
  readonly perRound: number;
}

/** Runs `perRound` requests through `c`, `inFlight` at a time; the round ends when the last settles. */
async function pipelinedRound(c: PipelinedCase, from: number, perRound: number, inFlight: number, latencies: number[] | undefined): Promise<{ wallMs: number; cpuUs: number }> {
  let next = from;
  const end = from + perRound;
  const worker = async (): Promise<void> => {
    while (next < end) {
      const i = next++;
      const t = performance.now();
      await c.one(i);
      latencies?.push(performance.now() - t);
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  // Deferred work the requests left behind (batched corrections, model-output analysis) belongs to them.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuUs: used.user + used.system };
}

/**
 * Pipelined cases measured round-robin (one round of each case in turn, `rounds` times, after one
 * warm-up round each), so every case sees the same machine load; medians over the rounds.
 */
async function timePipelined(cases: readonly PipelinedCase[], rounds: number, perRound: number, inFlight: number): Promise<PipelinedRow[]> {
  const walls = cases.map((): number[] => []);
  const cpus = cases.map((): number[] => []);
  const latencies = cases.map((): number[] => []);
  for (let round = 0; round <= rounds; round++) {
    for (const [k, c] of cases.entries()) {
      const measured = round > 0;
      // Each case walks its own traffic in order, so a monitoring case's clock only moves forward.
      const r = await pipelinedRound(c, round * perRound, perRound, inFlight, measured ? latencies[k] : undefined);
      if (!measured) continue;
      walls[k]?.push((r.wallMs * 1000) / perRound);
      cpus[k]?.push(r.cpuUs / perRound);
    }
  }
  return cases.map((c, k) => ({
    name: c.name,
    wallUsPerRequest: round(medianOf(walls[k] ?? []), 1),
    cpuUsPerRequest: round(medianOf(cpus[k] ?? []), 1),
    latencyMedianUs: median(latencies[k] ?? []),
    rounds,
    perRound,
  }));
}

/** The limits stage alone, pipelined: the per-request path of timeStage. */
function limitsOnly(name: string, rules: unknown, backend: CounterBackend, prefix: string): PipelinedCase {
  const stage = stageFor(rules, backend, prefix);
  return {
    name,
    async one(i) {
      const ctx = context(i);
      const verdict = await stage.onRequest?.(ctx, request);
      if (verdict?.action !== 'pass') throw new Error(`${name}: request ${i} was not admitted (${JSON.stringify(verdict)})`);
      void stage.onResponse?.(ctx, response);
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Limits and the whole monitoring path, pipelined: the per-request path of timeWithMonitoring,
 * with the request context built inside (the gateway builds it per request anyway) and the
 * model-output analysis left where the gateway runs it (deferred, but inside the round's time).
 */
async function limitsAndMonitoring(name: string, rules: unknown, backend: CounterBackend, prefix: string, requests: number): Promise<PipelinedCase> {
  const t = traffic(requests);
  const { m, close } = await monitoring(t);
  const stage = stageFor(rules, backend, prefix, () => t.clock);
  return {
    name,
    one(i) {
      const r = t.requests[i % t.requests.length];
      if (!r) throw new Error('no traffic');
      t.clock = r.at;
      return monitoredRequest(name, m, stage, { ...r.ctx, signal: new AbortController().signal }, r, i);
    },
    close,
  };
}

async function main(): Promise<void> {
  await loadTokenizer();
  const rows: Row[] = [];
  if (wanted('tokenizer')) {
    const tokenSamples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t = performance.now();
      inputTokensOf(request);
      tokenSamples.push(performance.now() - t);
    }
    rows.push(summarise(`tokenizer: 4 KB prompt (${inputTokensOf(request)} tokens)`, tokenSamples.slice(200)));
    const chunk = { kind: 'chunk' as const, id: 'x', model: 'gpt', created: 0, choices: [{ index: 0, delta: { content: ' counted as it flows' } }] };
    const chunkSamples: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = performance.now();
      chunkTokens(chunk);
      chunkSamples.push(performance.now() - t);
    }
    rows.push(summarise('tokenizer: one streamed chunk (20 chars)', chunkSamples.slice(2000)));
  }

  const memory = new MemoryBackend();
  for (const [name, rules] of Object.entries(CASES)) {
    if (wanted(`in-process: ${name} (4 KB prompt)`)) rows.push(await timeStage(`in-process: ${name} (4 KB prompt)`, rules, memory, 'bench:', ITERATIONS * 2));
  }
  await memory.close();

  const prefix = `pc:bench:${randomBytes(6).toString('hex')}:`;
  const redis = openRedis(values.redis, log, { name: 'portcullis-bench' });
  if (!(await redisReady(redis, 3_000))) throw new Error(`Redis at ${values.redis} is not reachable`);
  redis.defineCommand('pcBenchTrivial', { lua: 'return 1' });
  const floor: Floor = { redis, trivial: () => (redis as unknown as { pcBenchTrivial(n: number): Promise<unknown> }).pcBenchTrivial(0) };
  const backend = new RedisBackend(redis);
  for (const [name, rules] of Object.entries(CASES)) {
    const label = `redis: ${name} (4 KB prompt)`;
    if (wanted(label)) rows.push(await timeStage(label, rules, backend, prefix, ITERATIONS, floor));
  }
  for (const name of ['requests', 'requests+concurrency', 'requests+concurrency+tokens'] as const) {
    const label = `redis: ${name} + monitoring (short prompts)`;
    if (wanted(label)) rows.push(await timeWithMonitoring(label, CASES[name], backend, prefix, ITERATIONS, floor));
  }
  const pipelined: PipelinedCase[] = [];
  const perRound = Math.max(IN_FLIGHT * 10, ITERATIONS);
  for (const name of ['requests', 'requests+concurrency'] as const) {
    const label = `redis: ${name}, ${IN_FLIGHT} in flight`;
    if (wanted(label)) pipelined.push(limitsOnly(label, CASES[name], backend, prefix));
    const withScoring = `redis: ${name} + monitoring, ${IN_FLIGHT} in flight`;
    if (wanted(withScoring)) pipelined.push(await limitsAndMonitoring(withScoring, CASES[name], backend, prefix, perRound * (ROUNDS + 1)));
  }
  const pipelinedRows = pipelined.length > 0 ? await timePipelined(pipelined, ROUNDS, perRound, IN_FLIGHT) : [];
  for (const c of pipelined) await c.close();

  const cleanup = openRedis(values.redis, log, { name: 'portcullis-bench-cleanup' });
  await redisReady(cleanup, 3_000);
  const keys = await cleanup.keys(`${prefix}*`);
  if (keys.length > 0) await cleanup.del(...keys);
  await cleanup.quit();
  await backend.close();

  const width = Math.max(0, ...rows.map((r) => r.name.length), ...pipelinedRows.map((r) => r.name.length));
  if (rows.length > 0) {
    process.stdout.write(`${'case'.padEnd(width)}  median µs   p99 µs      n   cycle median / p99 µs   CPU µs/req   floor PING / EVALSHA µs   over floor µs\n`);
    for (const r of rows) {
      const cycle = r.cycle ? `   ${`${r.cycle.medianUs} / ${r.cycle.p99Us}`.padEnd(21)}   ${String(r.cpuUs).padStart(10)}` : '';
      const floorCols = r.floor ? `   ${`${r.floor.pingUs} / ${r.floor.evalshaUs}`.padEnd(23)}   ${round(r.medianUs - r.floor.evalshaUs, 1)}` : '';
      process.stdout.write(`${r.name.padEnd(width)}  ${String(r.medianUs).padStart(9)}  ${String(r.p99Us).padStart(7)}  ${String(r.n).padStart(5)}${cycle}${floorCols}\n`);
    }
  }
  if (pipelinedRows.length > 0) {
    process.stdout.write(`${'pipelined case'.padEnd(width)}  wall µs/req   CPU µs/req   request latency median µs   (medians of ${ROUNDS} round-robin rounds of ${perRound})\n`);
    for (const r of pipelinedRows) {
      process.stdout.write(`${r.name.padEnd(width)}  ${String(r.wallUsPerRequest).padStart(11)}  ${String(r.cpuUsPerRequest).padStart(11)}  ${String(r.latencyMedianUs).padStart(26)}\n`);
    }
  }
  process.stdout.write(`node ${process.version}, ${process.platform}/${process.arch}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    // Open connections would keep a failed run alive.
    process.exit(1);
  },
);
