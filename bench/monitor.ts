/**
 * Cost per request of monitoring on the data plane (docs/monitoring.md): the enforcement stage
 * (headers), the scoring stage (canonical request) and the completion hook (outcome), timed per
 * call on synthetic normal traffic with realistic prompts, with and without Redis-backed
 * enforcement (lookups are local either way; Redis only carries changes).
 *
 *   node dist/bench/monitor.js [--requests N] [--redis redis://127.0.0.1:6379]
 *
 * Prints one JSON line per configuration: median, p90 and p99 in microseconds per request, the
 * deferred model-output analysis per answer as timed in the loop, and the same analysis alone
 * (CPU per answer, warm: `modelWatchAloneCpuUsPerAnswer`).
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { textOf, type ChatRequest } from '../src/canonical/types.js';
import { parseConfigText } from '../src/config/load.js';
import { createLogger } from '../src/log.js';
import type { MonitorConfig } from '../src/config/monitor.js';
import { createMonitoring } from '../src/monitor/assemble.js';
import { ModelWatch } from '../src/monitor/model-watch.js';
import { normalTraffic, population, type SimRequest } from '../src/monitor/sim.js';
import type { StageContext } from '../src/pipeline/types.js';
import type { RequestSummary } from '../src/server/completion.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '50000' }, redis: { type: 'string' } } });
const wanted = Number(values.requests);

async function run(label: string, redisUrl: string | undefined): Promise<void> {
  const prefix = `pc-bench-${randomBytes(4).toString('hex')}:`;
  const yaml = `${redisUrl ? `state:\n  redis: "${redisUrl}"\n` : ''}monitor:\n  redisPrefix: "${prefix}"\n  rules:\n    - id: guard-burst\n      when: { signal: guard_burst }\n      actions: [{ type: throttle }]\n`;
  const loaded = parseConfigText(yaml);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const store = openSqliteStore(':memory:');
  const log = createLogger({ level: 'silent' });
  let clock = Date.UTC(2026, 0, 5);
  const m = await createMonitoring({ config: loaded.config, store, log, now: () => clock });
  const events = normalTraffic(population(200, 3), clock, 14, 4).slice(0, wanted);
  const signal = new AbortController().signal;
  const times = new Float64Array(events.length);
  let modelUs = 0;
  let modelAnswers = 0;
  for (const [i, e] of events.entries()) {
    clock = e.at;
    const r = e.request;
    const request: ChatRequest = { kind: 'chat', model: 'gpt', stream: false, includeUsage: false, messages: [{ role: 'user', content: [{ type: 'text', text: r.prompt ?? '' }] }] };
    const ctx: StageContext = {
      requestId: `b${i}`,
      api: 'openai',
      operation: 'chat',
      sourceIp: r.ip,
      headers: {},
      principal: r.principal,
      context: { clientIp: r.ip, ...(r.country ? { country: r.country } : {}), risk: 0 },
      signal,
      log,
      decisions: [],
    };
    const summary = summaryOf(ctx.requestId, clock, r, request);
    const t0 = process.hrtime.bigint();
    // The monitoring stages are synchronous (they return verdicts, not promises).
    void m.ipStage.onHeaders?.(ctx);
    void m.enforceStage.onHeaders?.(ctx);
    m.risk.riskOf(r.principal?.id, r.ip);
    void m.observeStage.onRequest?.(ctx, request);
    m.onComplete(summary);
    times[i] = Number(process.hrtime.bigint() - t0) / 1_000;
    if (i % 500 === 499) {
      // Model-output analysis runs deferred (setImmediate), off the request; timed separately.
      const t1 = process.hrtime.bigint();
      m.models.flush();
      modelUs += Number(process.hrtime.bigint() - t1) / 1_000;
      modelAnswers += 500;
    }
  }
  const sorted = [...times.subarray(5_000)].sort((a, b) => a - b);
  const pct = (p: number): number => Math.round((sorted[Math.floor(sorted.length * p)] ?? 0) * 10) / 10;
  // Built afresh, not kept from the loop: holding them would grow the heap the loop is timed with.
  const answers = events.slice(0, MODEL_WATCH_ANSWERS).map((e, i) => {
    const request: ChatRequest = { kind: 'chat', model: 'gpt', stream: false, includeUsage: false, messages: [{ role: 'user', content: [{ type: 'text', text: e.request.prompt ?? '' }] }] };
    return summaryOf(`w${i}`, e.at, e.request, request);
  });
  const modelWatchCpuUs = modelWatchAlone(loaded.config.monitor.models, answers);
  process.stdout.write(
    `${JSON.stringify({ config: label, requests: sorted.length, warmupSkipped: 5_000, medianUs: pct(0.5), p90Us: pct(0.9), p99Us: pct(0.99), deferredModelWatchUsPerAnswer: Math.round((modelUs / Math.max(1, modelAnswers)) * 10) / 10, modelWatchAloneCpuUsPerAnswer: modelWatchCpuUs, principals: m.scorer.tracked.principals })}\n`,
  );
  await m.close();
  await store.close();
  if (redisUrl) {
    const redis = new Redis(redisUrl);
    await redis.del(`${prefix}enforcement`);
    redis.disconnect();
  }
}

const MODEL_WATCH_ANSWERS = 20_000;

/** What the completion hook gets for a synthetic request: a 200 whose answer repeats the prompt. */
function summaryOf(requestId: string, at: number, r: SimRequest, request: ChatRequest): RequestSummary {
  return {
    requestId,
    startedAt: at,
    method: 'POST',
    path: '/v1/chat/completions',
    api: 'openai',
    operation: 'chat',
    sourceIp: r.ip,
    principal: r.principal,
    model: 'gpt',
    decisions: [],
    status: 200,
    code: undefined,
    latencyMs: 300,
    request,
    response: { kind: 'chat', id: 'x', model: 'gpt', created: 0, choices: [{ index: 0, message: { role: 'assistant', content: textOf(request.messages[0]?.content ?? []) }, finishReason: 'stop' }], usage: { inputTokens: 20, outputTokens: r.outputTokens ?? 100 } },
    chunks: undefined,
  };
}

/**
 * Model-output analysis on its own, warm: the same answers through a fresh ModelWatch (queued and
 * flushed every 500, as the deferred batches do), twice to warm up, then CPU per answer over three
 * passes. The in-loop figure above also pays the collector for the requests around each batch.
 */
function modelWatchAlone(config: MonitorConfig['models'], summaries: readonly RequestSummary[]): number {
  const watch = new ModelWatch({ config, onSignal: () => undefined });
  const pass = (): void => {
    for (const [i, s] of summaries.entries()) {
      watch.observe(s, false, s.startedAt);
      if (i % 500 === 499) watch.flush();
    }
    watch.flush();
  };
  pass();
  pass();
  const cpu = process.cpuUsage();
  for (let k = 0; k < 3; k++) pass();
  const used = process.cpuUsage(cpu);
  return Math.round(((used.user + used.system) / (summaries.length * 3)) * 100) / 100;
}

await run('in-process', undefined);
if (values.redis) await run('redis', values.redis);
