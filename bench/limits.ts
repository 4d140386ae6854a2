/**
 * Limits overhead (issue 8, "Measured"): what the limits stage adds to one request — its
 * `onRequest` (awaited: the counter check-and-charge) plus its `onResponse` (the correction, sent
 * without waiting) — with the in-process backend and with Redis on loopback, every request timed
 * on its own (median and p99, garbage collection included). For reference it also times a bare
 * Redis PING round trip on the same connection settings, and the tokenizer on a 4 KB prompt.
 *
 *   node dist/bench/limits.js [--redis redis://127.0.0.1:6379] [--iterations N]
 *
 * Keys go under a random prefix and are deleted at the end.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { ChatRequest, ChatResponse } from '../src/canonical/types.js';
import { limitsSchema } from '../src/config/limits.js';
import { redisReady } from '../src/limits/assemble.js';
import { MemoryBackend } from '../src/limits/memory.js';
import { compileLimits } from '../src/limits/plan.js';
import { RedisBackend } from '../src/limits/redis.js';
import { chunkTokens, inputTokensOf } from '../src/limits/tokens.js';
import type { CounterBackend } from '../src/limits/types.js';
import { createLogger } from '../src/log.js';
import type { Principal, Stage, StageContext } from '../src/pipeline/types.js';
import { openRedis } from '../src/state/redis.js';
import { limitsStage } from '../src/stages/limits/stage.js';
import { percentile, round } from './stats.js';

const { values } = parseArgs({ options: { redis: { type: 'string', default: 'redis://127.0.0.1:6379' }, iterations: { type: 'string', default: '4000' } } });
const ITERATIONS = Number(values.iterations);
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
  /** This process's CPU time (user + system) per request, over the timed loop. */
  readonly cpuUs?: number;
}

function summarise(name: string, samples: number[]): Row {
  samples.sort((a, b) => a - b);
  return { name, medianUs: round(percentile(samples, 50) * 1000, 1), p99Us: round(percentile(samples, 99) * 1000, 1), n: samples.length };
}

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
  'requests+concurrency+tokens (4 KB prompt)': [{ name: 'all', requests: { limit: 1e9, windowSec: 60 }, concurrent: 1e6, inputTokensPerMinute: 1e12, outputTokensPerMinute: 1e12 }],
  'all + spend per day and month': [{ name: 'all', requests: { limit: 1e9, windowSec: 60 }, concurrent: 1e6, inputTokensPerMinute: 1e12, outputTokensPerMinute: 1e12, spendPerDay: 1e6, spendPerMonth: 1e6 }],
} as const;

function stageFor(rules: unknown, backend: CounterBackend, prefix: string): Stage {
  const compiled = compileLimits(limitsSchema.parse({ rules, keyPrefix: prefix, prices: { '*': { input: 2.5, output: 10 } } }));
  return limitsStage({ limits: () => compiled, backend });
}

function context(i: number): StageContext {
  return { requestId: `bench-${i}`, api: 'openai', operation: 'chat', sourceIp: '127.0.0.1', headers: {}, principal, context: undefined, signal: new AbortController().signal, log, decisions: [] };
}

/**
 * Per request: the time the request waits (onRequest awaited, plus onResponse, whose counter call
 * the stage does not wait for), and the whole cycle including that call's round trip. The
 * correction is awaited before the next request, so one request's cost does not leak into the next.
 */
async function timeStage(name: string, rules: unknown, backend: CounterBackend, prefix: string, iterations: number): Promise<Row> {
  const tracked = new Tracked(backend);
  const stage = stageFor(rules, tracked, prefix);
  const samples: number[] = [];
  const cycles: number[] = [];
  const warmup = Math.min(500, iterations / 4);
  let cpu: NodeJS.CpuUsage | undefined;
  for (let i = 0; i < iterations + warmup; i++) {
    if (i === warmup) cpu = process.cpuUsage();
    const ctx = context(i);
    tracked.pending = Promise.resolve();
    const started = performance.now();
    const verdict = await stage.onRequest?.(ctx, request);
    if (verdict?.action !== 'pass') throw new Error(`${name}: request ${i} was not admitted (${JSON.stringify(verdict)})`);
    void stage.onResponse?.(ctx, response);
    const waited = performance.now() - started;
    await tracked.pending;
    const cycle = performance.now() - started;
    if (i >= warmup) {
      samples.push(waited);
      cycles.push(cycle);
    }
  }
  const used = process.cpuUsage(cpu);
  const c = summarise(name, cycles);
  return { ...summarise(name, samples), cycle: { medianUs: c.medianUs, p99Us: c.p99Us }, cpuUs: round((used.user + used.system) / iterations, 1) };
}

/** `inFlight` requests at a time: per-request latency and throughput of the whole stage. */
async function timeConcurrent(name: string, stage: Stage, total: number, inFlight: number): Promise<Row & { perSecond: number }> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total) {
      const ctx = context(next++);
      const t = performance.now();
      await stage.onRequest?.(ctx, request);
      void stage.onResponse?.(ctx, response);
      samples.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { ...summarise(name, samples), perSecond: Math.round(total / seconds) };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
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

  const memory = new MemoryBackend();
  for (const [name, rules] of Object.entries(CASES)) rows.push(await timeStage(`in-process: ${name}`, rules, memory, 'bench:', ITERATIONS * 2));
  await memory.close();

  const prefix = `pc:bench:${randomBytes(6).toString('hex')}:`;
  const redis = openRedis(values.redis, log, { name: 'portcullis-bench' });
  if (!(await redisReady(redis, 3_000))) throw new Error(`Redis at ${values.redis} is not reachable`);
  const ping: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = performance.now();
    await redis.ping();
    ping.push(performance.now() - t);
  }
  rows.push(summarise('redis: bare PING round trip (reference)', ping.slice(200)));
  const backend = new RedisBackend(redis);
  for (const [name, rules] of Object.entries(CASES)) rows.push(await timeStage(`redis: ${name}`, rules, backend, prefix, ITERATIONS));
  const concurrent = await timeConcurrent('redis: requests+concurrency, 32 in flight', stageFor(CASES['requests+concurrency'], backend, prefix), ITERATIONS * 2, 32);

  const cleanup = openRedis(values.redis, log, { name: 'portcullis-bench-cleanup' });
  await redisReady(cleanup, 3_000);
  const keys = await cleanup.keys(`${prefix}*`);
  if (keys.length > 0) await cleanup.del(...keys);
  await cleanup.quit();
  await backend.close();

  const width = Math.max(...rows.map((r) => r.name.length), concurrent.name.length);
  process.stdout.write(`${'case'.padEnd(width)}  median µs   p99 µs      n   cycle median / p99 µs   CPU µs/request\n`);
  for (const r of rows) {
    const cycle = r.cycle ? `   ${`${r.cycle.medianUs} / ${r.cycle.p99Us}`.padEnd(21)}   ${r.cpuUs}` : '';
    process.stdout.write(`${r.name.padEnd(width)}  ${String(r.medianUs).padStart(9)}  ${String(r.p99Us).padStart(7)}  ${String(r.n).padStart(5)}${cycle}\n`);
  }
  process.stdout.write(`${concurrent.name.padEnd(width)}  ${String(concurrent.medianUs).padStart(9)}  ${String(concurrent.p99Us).padStart(7)}  ${String(concurrent.n).padStart(5)}  (${concurrent.perSecond} requests/s)\n`);
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
