/**
 * Limits and quotas end to end, through the real gateway process and the official openai client:
 * 429 with Retry-After and x-ratelimit-* headers past a request limit, token limits, a stream cut
 * when its output budget runs out, concurrency (released on completion and on client abort),
 * fail-closed when Redis is down, and two gateway processes sharing Redis enforcing one limit.
 *
 * Redis is expected at PORTCULLIS_TEST_REDIS (default redis://127.0.0.1:6379); without it the
 * shared-Redis tests are skipped and say so — except on CI (CI=true), where that is a failure.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import OpenAI from 'openai';
import { Redis } from 'ioredis';
import { spawnMock, type MockProcess } from '../../src/cli/mock-process.js';
import { redisSkipReason } from '../../src/state/redis-probe.js';
import { createKey, eventually, startGatewayProcess, startStack, workDir, writeConfig, type GatewayProcess, type Stack } from './harness.js';

const REDIS = process.env['PORTCULLIS_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';

const models = ['gpt-rpm', 'gpt-tpm', 'gpt-stream', 'gpt-conc', 'gpt-spend'];
const routes = (mock: string) => models.map((m) => `  - model: ${m}\n    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]\n`).join('');

const LIMITS = `limits:
  defaultMaxOutputTokens: 8
  streamReserveStep: 4
  rules:
    - { name: rpm, match: { models: [gpt-rpm] }, requests: { limit: 3, windowSec: 60 } }
    - { name: tpm, match: { models: [gpt-tpm] }, inputTokensPerMinute: 300 }
    - { name: out, match: { models: [gpt-stream] }, outputTokensPerMinute: 20 }
    - { name: conc, match: { models: [gpt-conc] }, concurrent: 1 }
    - { name: spend, match: { models: [gpt-spend] }, spendPerDay: 0.0005 }
  prices:
    gpt-spend: { input: 1, output: 1 }
`;

function isApiError(code: string, status = 429): (err: unknown) => boolean {
  return (err: unknown) => err instanceof OpenAI.APIError && err.status === status && err.code === code;
}

describe('limits end to end (in-process counters)', () => {
  let stack: Stack;
  let client: OpenAI;

  before(async () => {
    stack = await startStack(routes, LIMITS);
    client = new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: stack.key, maxRetries: 0 });
  });
  after(async () => {
    await stack?.stop();
  });

  it('answers 429 with Retry-After and x-ratelimit-* past the request limit', async () => {
    for (let i = 0; i < 3; i++) {
      const { response } = await client.chat.completions.create({ model: 'gpt-rpm', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
      assert.equal(response.headers.get('x-ratelimit-limit-requests'), '3');
      assert.equal(response.headers.get('x-ratelimit-remaining-requests'), String(2 - i));
      assert.match(response.headers.get('x-ratelimit-reset-requests') ?? '', /^(\d+m)?[\d.]+m?s$/);
    }
    let caught: unknown;
    await assert.rejects(client.chat.completions.create({ model: 'gpt-rpm', messages: [{ role: 'user', content: 'hi' }] }), (err: unknown) => {
      caught = err;
      return isApiError('PC_ERR_RATE_LIMITED')(err);
    });
    const headers = (caught as InstanceType<typeof OpenAI.APIError>).headers as Headers;
    const retryAfter = Number(headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 120, `Retry-After ${retryAfter}`);
    assert.equal(headers.get('x-ratelimit-remaining-requests'), '0');
    assert.equal(headers.get('x-ratelimit-limit-requests'), '3');
  });

  it('refuses prompts past the input-token limit, counted before the call', async () => {
    const long = 'Portcullis counts every prompt token before the call. '.repeat(20);
    const { response } = await client.chat.completions.create({ model: 'gpt-tpm', messages: [{ role: 'user', content: long }] }).withResponse();
    const remaining = Number(response.headers.get('x-ratelimit-remaining-tokens'));
    assert.equal(response.headers.get('x-ratelimit-limit-tokens'), '300');
    assert.ok(remaining > 50 && remaining < 150, `remaining tokens ${remaining}`);
    await assert.rejects(client.chat.completions.create({ model: 'gpt-tpm', messages: [{ role: 'user', content: long }] }), isApiError('PC_ERR_RATE_LIMITED'));
    // A short prompt still fits in what is left.
    await client.chat.completions.create({ model: 'gpt-tpm', messages: [{ role: 'user', content: 'short' }] });
  });

  it('cuts a stream when its output-token budget is exhausted', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-stream',
      stream: true,
      messages: [{ role: 'user', content: 'Tell me a long story about gateways and quotas and tokens. mock:chunks=40 mock:chunk-delay-ms=5' }],
    });
    let text = '';
    await assert.rejects(
      (async () => {
        for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
      })(),
      (err: unknown) => err instanceof OpenAI.APIError && err.code === 'PC_ERR_RATE_LIMITED',
    );
    assert.ok(text.length > 0, 'part of the answer arrived before the cut');
    assert.ok(text.length < 150, `the stream was cut part-way (${text.length} characters)`);
  });

  it('refuses with PC_ERR_QUOTA_EXCEEDED once the day spend is used up', async () => {
    // $1 per million tokens, $0.0005 a day: 500 tokens. A ~300-token prompt fits once, not twice.
    const prompt = 'Spend is priced per token and counted per day. '.repeat(30);
    await client.chat.completions.create({ model: 'gpt-spend', messages: [{ role: 'user', content: prompt }] });
    let caught: unknown;
    await assert.rejects(client.chat.completions.create({ model: 'gpt-spend', messages: [{ role: 'user', content: prompt }] }), (err: unknown) => {
      caught = err;
      return isApiError('PC_ERR_QUOTA_EXCEEDED')(err);
    });
    const retryAfter = Number(((caught as InstanceType<typeof OpenAI.APIError>).headers as Headers).get('retry-after'));
    const untilMidnight = Math.ceil((Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000 - Date.now()) / 1000);
    assert.ok(Math.abs(retryAfter - untilMidnight) <= 5, `Retry-After ${retryAfter} s is the time to the next UTC day (${untilMidnight} s)`);
  });

  it('limits concurrent requests and frees the slot when a request ends or its client goes away', async () => {
    const slow = client.chat.completions.create({ model: 'gpt-conc', messages: [{ role: 'user', content: 'slow mock:latency-ms=1500' }] });
    await new Promise((r) => setTimeout(r, 300));
    await assert.rejects(client.chat.completions.create({ model: 'gpt-conc', messages: [{ role: 'user', content: 'second' }] }), isApiError('PC_ERR_RATE_LIMITED'));
    await slow;
    await client.chat.completions.create({ model: 'gpt-conc', messages: [{ role: 'user', content: 'after' }] });

    const controller = new AbortController();
    const abandoned = client.chat.completions.create({ model: 'gpt-conc', messages: [{ role: 'user', content: 'abandon mock:latency-ms=20000' }] }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await assert.rejects(abandoned);
    await eventually(async () => {
      try {
        await client.chat.completions.create({ model: 'gpt-conc', messages: [{ role: 'user', content: 'again' }] });
        return true;
      } catch {
        return false;
      }
    }, 3_000);
  });
});


describe('limits end to end (shared Redis)', () => {
  let skip: string | undefined;
  let mock: MockProcess | undefined;
  const gateways: GatewayProcess[] = [];
  const cleanups: (() => void)[] = [];
  const prefix = `pc:e2e:${randomBytes(6).toString('hex')}:`;

  async function gatewayWith(config: string): Promise<{ gateway: GatewayProcess; key: string }> {
    const { dir, cleanup } = workDir();
    cleanups.push(cleanup);
    const file = writeConfig(dir, config);
    const { key } = await createKey(file);
    const gateway = await startGatewayProcess(file);
    gateways.push(gateway);
    return { gateway, key };
  }

  before(async () => {
    skip = await redisSkipReason(REDIS, 'shared-Redis limits tests');
    if (skip === undefined) mock = await spawnMock();
  });
  after(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await mock?.stop();
    for (const c of cleanups) c();
    if (skip === undefined) {
      const redis = new Redis(REDIS);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('two gateway processes sharing Redis enforce one rate limit', async (t) => {
    if (skip !== undefined) return t.skip(skip);
    const config = `logging:\n  level: info\nserver:\n  port: 0\nstate:\n  redis: "${REDIS}"\nlimits:\n  keyPrefix: "${prefix}"\n  rules:\n    - { name: shared, per: [model], requests: { limit: 10, windowSec: 60 } }\nroutes:\n  - model: gpt\n    targets: [{ provider: openai, baseUrl: "${(mock as MockProcess).url}/v1", model: mock-gpt }]\n`;
    const [a, b] = await Promise.all([gatewayWith(config), gatewayWith(config)]);
    const clients = [a, b].map(({ gateway, key }) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 }));
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (clients[i % 2] as OpenAI).chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: `hi ${i}` }] }).then(
          () => ({ gateway: i % 2, ok: true }),
          (err: unknown) => {
            assert.ok(isApiError('PC_ERR_RATE_LIMITED')(err), `request ${i} failed otherwise: ${String(err)}`);
            return { gateway: i % 2, ok: false };
          },
        ),
      ),
    );
    const admitted = outcomes.filter((o) => o.ok);
    assert.equal(admitted.length, 10, 'the sum across both gateways is the one limit');
    assert.ok(
      outcomes.some((o) => o.gateway === 0 && !o.ok) && outcomes.some((o) => o.gateway === 1 && !o.ok),
      'both gateways refused once the shared limit was reached',
    );
  });

  it('refuses with PC_ERR_LIMITS_UNAVAILABLE (503) when Redis is down', async (t) => {
    if (skip !== undefined) return t.skip(skip);
    // Nothing listens on port 1: every counter call fails at once. Monitoring, which refuses to
    // start without its Redis, is off so that the limits stage is what meets the outage.
    const config = `logging:\n  level: info\nserver:\n  port: 0\nstate:\n  redis: "redis://127.0.0.1:1"\nmonitor:\n  enabled: false\nlimits:\n  rules:\n    - { name: rpm, requests: { limit: 100 } }\nroutes:\n  - model: gpt\n    targets: [{ provider: openai, baseUrl: "${(mock as MockProcess).url}/v1", model: mock-gpt }]\n`;
    const { gateway, key } = await gatewayWith(config);
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
    await assert.rejects(client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }), isApiError('PC_ERR_LIMITS_UNAVAILABLE', 503));
  });
});
