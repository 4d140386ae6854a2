/**
 * The limits stage on the in-process backend with a fixed clock: refusals with Retry-After and
 * x-ratelimit-* headers, concurrency released however a request ends, token reservations
 * corrected from usage, a stream cut when its output budget runs out, spend quotas, and fail-closed
 * when the counter store is down.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatChunk, ChatRequest, ChatResponse } from '../../canonical/types.js';
import { limitsSchema } from '../../config/limits.js';
import { MemoryBackend } from '../../limits/memory.js';
import { compileLimits } from '../../limits/plan.js';
import { countText, loadTokenizer } from '../../limits/tokens.js';
import type { CounterBackend } from '../../limits/types.js';
import { silentLogger } from '../../log.js';
import type { Principal, Stage, StageContext, StreamInspector, Verdict } from '../../pipeline/types.js';
import { limitsStage } from './stage.js';

await loadTokenizer();
const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const alice: Principal = { id: 'alice', kind: 'user', tenant: 'team-a', roles: ['dev'], authMethod: 'api_key', credentialId: 'k1', models: [] };

let seq = 0;
function ctx(principal: Principal | undefined = alice): StageContext & { abort(): void } {
  const controller = new AbortController();
  return { requestId: `r${++seq}`, api: 'openai', operation: 'chat', sourceIp: '10.0.0.1', headers: {}, principal, context: undefined, signal: controller.signal, log: silentLogger(), decisions: [], abort: () => controller.abort() };
}

function chat(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { kind: 'chat', model: 'gpt', messages: [{ role: 'user', content: [{ type: 'text', text }] }], stream: false, includeUsage: false, ...extra };
}

function answer(inputTokens: number, outputTokens: number): ChatResponse {
  return { kind: 'chat', id: 'x', model: 'gpt', created: 0, choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finishReason: 'stop' }], usage: { inputTokens, outputTokens } };
}

function chunk(content: string): ChatChunk {
  return { kind: 'chunk', id: 'x', model: 'gpt', created: 0, choices: [{ index: 0, delta: { content } }] };
}

function setup(limits: unknown, backend: CounterBackend = new MemoryBackend()): { stage: Stage; clock: { t: number }; backend: CounterBackend } {
  const compiled = compileLimits(limitsSchema.parse(limits));
  const clock = { t: T0 };
  return { stage: limitsStage({ limits: () => compiled, backend, now: () => clock.t }), clock, backend };
}

async function request(stage: Stage, c: StageContext, req: ChatRequest): Promise<Verdict<unknown>> {
  return (await stage.onRequest?.(c, req)) as Verdict<unknown>;
}

const tick = () => new Promise((r) => setImmediate(r));

describe('limits stage', () => {
  it('refuses past the request limit with Retry-After and x-ratelimit-* headers', async () => {
    const { stage } = setup({ rules: [{ name: 'rpm', requests: { limit: 2, windowSec: 60 } }] });
    const first = await request(stage, ctx(), chat('hi'));
    assert.equal(first.action, 'pass');
    assert.deepEqual(first.action === 'pass' && first.headers, { 'x-ratelimit-limit-requests': '2', 'x-ratelimit-remaining-requests': '1', 'x-ratelimit-reset-requests': '1m0s' });
    assert.equal((await request(stage, ctx(), chat('hi'))).action, 'pass');
    const third = await request(stage, ctx(), chat('hi'));
    assert.equal(third.action, 'deny');
    if (third.action !== 'deny') return;
    assert.equal(third.code, 'PC_ERR_RATE_LIMITED');
    assert.deepEqual(third.reasons, ['rpm:requests']);
    assert.ok(third.retryAfter !== undefined && third.retryAfter >= 1 && third.retryAfter <= 120);
    assert.equal(third.headers?.['x-ratelimit-remaining-requests'], '0');
    // Another principal has its own counter.
    assert.equal((await request(stage, ctx({ ...alice, id: 'bob' }), chat('hi'))).action, 'pass');
  });

  it('matches rules by tenant and counts per tenant', async () => {
    const { stage } = setup({ rules: [{ name: 'team', per: ['tenant'], match: { tenants: ['team-a'] }, requests: { limit: 1 } }] });
    assert.equal((await request(stage, ctx(), chat('hi'))).action, 'pass');
    assert.equal((await request(stage, ctx({ ...alice, id: 'carol' }), chat('hi'))).action, 'deny', 'same team, one counter');
    const other = await request(stage, ctx({ ...alice, id: 'dave', tenant: 'team-b' }), chat('hi'));
    assert.deepEqual(other, { action: 'pass' }, 'a rule that does not match adds nothing');
  });

  it('frees a concurrency slot when the answer is sent or the request aborts', async () => {
    const { stage } = setup({ rules: [{ name: 'conc', concurrent: 1 }] });
    const a = ctx();
    assert.equal((await request(stage, a, chat('hi'))).action, 'pass');
    assert.equal((await request(stage, ctx(), chat('hi'))).action, 'deny');
    void stage.onResponse?.(a, answer(5, 5));
    await tick();
    const b = ctx();
    assert.equal((await request(stage, b, chat('hi'))).action, 'pass', 'freed by the answer');
    b.abort();
    await tick();
    assert.equal((await request(stage, ctx(), chat('hi'))).action, 'pass', 'freed by the abort');
  });

  it('frees the slot of a request whose client left while its counters were being charged', async () => {
    const { stage } = setup({ rules: [{ name: 'conc', concurrent: 1 }] });
    const gone = ctx();
    gone.abort();
    await request(stage, gone, chat('hi'));
    await tick();
    assert.equal((await request(stage, ctx(), chat('hi'))).action, 'pass');
  });

  it('counts prompt tokens with the tokenizer, reserves max_tokens, and corrects from usage', async () => {
    const { stage } = setup({ rules: [{ name: 'tpm', inputTokensPerMinute: 100, outputTokensPerMinute: 100 }] });
    const prompt = 'The quick brown fox jumps over the lazy dog. '.repeat(8);
    const tokens = countText(prompt) + 6;
    assert.ok(tokens > 60 && tokens < 100, `prompt is ${tokens} tokens`);
    const a = ctx();
    const first = await request(stage, a, chat(prompt, { maxTokens: 90 }));
    assert.equal(first.action === 'pass' && first.headers?.['x-ratelimit-remaining-tokens'], String(Math.min(100 - tokens, 10)));
    // The 90 reserved output tokens leave no room for another 90...
    assert.equal((await request(stage, ctx(), chat('hi', { maxTokens: 90 }))).action, 'deny');
    // ...until the answer says only 10 were used.
    void stage.onResponse?.(a, answer(tokens, 10));
    await tick();
    const refused = await request(stage, ctx(), chat(prompt, { maxTokens: 10 }));
    assert.equal(refused.action, 'deny', 'input tokens are still spent');
    assert.equal((await request(stage, ctx(), chat('hi', { maxTokens: 80 }))).action, 'pass', 'output refunded');
  });

  it('cuts a stream when its output budget is exhausted', async () => {
    const { stage } = setup({ rules: [{ name: 'out', outputTokensPerMinute: 30 }], streamReserveStep: 5, defaultMaxOutputTokens: 10 });
    const c = ctx();
    assert.equal((await request(stage, c, chat('go', { stream: true }))).action, 'pass');
    const inspector = stage.openStream?.(c) as StreamInspector;
    let sent = 0;
    let cut: Verdict<readonly ChatChunk[]> | undefined;
    for (let i = 0; i < 40; i++) {
      const v = await inspector.onChunk(chunk(' word'));
      if (v.action === 'deny') {
        cut = v;
        break;
      }
      sent++;
    }
    assert.equal(sent, 30, 'every token within the budget passed');
    assert.equal(cut?.action === 'deny' && cut.code, 'PC_ERR_RATE_LIMITED');
    assert.deepEqual(cut?.action === 'deny' && cut.reasons, ['out:output-tokens:stream-cut']);
  });

  it('a stream longer than the lease keeps its concurrency slot', async () => {
    const { stage, clock } = setup({ rules: [{ name: 'streams', concurrentStreams: 1 }], leaseSec: 6 });
    const c = ctx();
    assert.equal((await request(stage, c, chat('go', { stream: true }))).action, 'pass');
    const inspector = stage.openStream?.(c) as StreamInspector;
    clock.t = T0 + 3_000;
    await inspector.onChunk(chunk('still going'));
    await tick();
    clock.t = T0 + 7_000;
    assert.equal((await request(stage, ctx(), chat('go', { stream: true }))).action, 'deny', 'renewed past the first 6 s');
    assert.equal((await request(stage, ctx(), chat('no stream'))).action, 'pass', 'a stream limit does not count plain requests');
    clock.t = T0 + 9_001;
    assert.equal((await request(stage, ctx(), chat('go', { stream: true }))).action, 'pass', 'an abandoned stream frees its slot when the lease runs out');
  });

  it('refuses once the day spend is used up, priced per model', async () => {
    const { stage } = setup({ rules: [{ name: 'spend', spendPerDay: 0.001 }], prices: { gpt: { input: 1, output: 10 } } });
    // 100 output tokens at $10/M = $0.001: the first fits exactly, with whatever the prompt costs refunded.
    const a = ctx();
    assert.equal((await request(stage, a, chat('hi', { maxTokens: 90 }))).action, 'pass');
    void stage.onResponse?.(a, answer(0, 90));
    await tick();
    const over = await request(stage, ctx(), chat('hi', { maxTokens: 20 }));
    assert.equal(over.action === 'deny' && over.code, 'PC_ERR_QUOTA_EXCEEDED');
    assert.ok(over.action === 'deny' && over.retryAfter !== undefined && over.retryAfter <= 12 * 3600, 'retry at midnight UTC');
  });

  it('fails closed when the counter store is down, and open only when configured', async () => {
    const broken: CounterBackend = { kind: 'redis', acquire: () => Promise.reject(new Error('down')), settle: () => Promise.resolve(), renew: () => Promise.resolve(), close: () => Promise.resolve() };
    const closed = setup({ rules: [{ name: 'rpm', requests: { limit: 5 } }] }, broken);
    const v = await request(closed.stage, ctx(), chat('hi'));
    assert.equal(v.action === 'deny' && v.code, 'PC_ERR_LIMITS_UNAVAILABLE');
    const open = setup({ rules: [{ name: 'rpm', requests: { limit: 5 } }], failOpen: true }, broken);
    assert.deepEqual(await request(open.stage, ctx(), chat('hi')), { action: 'pass', reasons: ['limits-unavailable:fail-open'] });
  });
});
