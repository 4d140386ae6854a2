/**
 * Bad input and failing upstreams: every case gets a clear error with a stable code, nothing
 * crashes or hangs, and nothing upstream keeps running after the client is gone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import OpenAI from 'openai';
import { cli, createKey, eventually, mockControl, mockStats, startStack, type Stack } from './harness.js';

const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
    retry: { attempts: 2, initialBackoffMs: 10, maxBackoffMs: 50 }
  - model: fallback
    targets:
      - { provider: openai, baseUrl: "${mock}", model: mock-status-503 }
      - { provider: anthropic, baseUrl: "${mock}", model: mock-claude }
    retry: { attempts: 1 }
  - model: unreachable
    targets: [{ provider: openai, baseUrl: "http://127.0.0.1:9/v1", model: m }]
    retry: { attempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 }
  - model: stalled
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-stall, firstByteTimeoutMs: 300 }]
    retry: { attempts: 1 }
  - model: breaker
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-status-500 }]
    retry: { attempts: 1 }
    circuitBreaker: { failureThreshold: 2, cooldownMs: 60000 }
  - model: limited
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-status-429 }]
    retry: { attempts: 1 }
`;

/** Lines added to the `server:` block of the test config. */
const extra = `  headersTimeoutMs: 500\n  requestTimeoutMs: 1000\n  bodyLimitBytes: 65536\n`;

interface ErrorBody {
  error: { code: string; message: string; type: string; request_id: string };
}

describe('errors and resilience', () => {
  let stack: Stack;
  let url: string;
  let client: OpenAI;
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${stack.key}`, 'content-type': 'application/json', ...headers }, body });
  const chat = (model: string, content = 'hi', more: object = {}) => post('/v1/chat/completions', JSON.stringify({ model, messages: [{ role: 'user', content }], ...more }));
  async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
    const body = (await res.json()) as ErrorBody;
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(body.error.code, code);
    assert.equal(body.error.request_id, res.headers.get('x-request-id'));
    return body;
  }

  before(async () => {
    stack = await startStack(routes, extra);
    url = stack.gateway.url;
    client = new OpenAI({ baseURL: `${url}/v1`, apiKey: stack.key, maxRetries: 0 });
  });
  after(async () => stack?.stop());

  it('malformed JSON → 400 PC_ERR_BAD_JSON', async () => {
    await expectError(await post('/v1/chat/completions', '{"model":'), 400, 'PC_ERR_BAD_JSON');
  });

  it('a body that does not match the API → 400 PC_ERR_BAD_REQUEST', async () => {
    await expectError(await post('/v1/chat/completions', '{"model":"gpt","messages":"nope"}'), 400, 'PC_ERR_BAD_REQUEST');
  });

  it('a body over the limit → 413, by Content-Length and while streaming in', async () => {
    const big = JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'x'.repeat(70_000) }] });
    await expectError(await post('/v1/chat/completions', big), 413, 'PC_ERR_BODY_TOO_LARGE');
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${stack.key}`, 'content-type': 'application/json' }, body: chunked, duplex: 'half' });
    await expectError(res, 413, 'PC_ERR_BODY_TOO_LARGE');
  });

  it('unknown model → 404, unknown path → 404, wrong method → 405', async () => {
    await expectError(await chat('no-such-model'), 404, 'PC_ERR_MODEL_NOT_FOUND');
    await expectError(await post('/v1/nothing', '{}'), 404, 'PC_ERR_NOT_FOUND');
    const res = await fetch(`${url}/v1/chat/completions`, { headers: { authorization: `Bearer ${stack.key}` } });
    assert.equal(res.headers.get('allow'), 'POST');
    await expectError(res, 405, 'PC_ERR_METHOD_NOT_ALLOWED');
  });

  it('missing, malformed, unknown and revoked keys → the same 401', async () => {
    const bodies: string[] = [];
    const { key: fresh, id } = await createKey(stack.gateway.configFile);
    assert.equal((await post('/v1/chat/completions', JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'x' }] }), { authorization: `Bearer ${fresh}` })).status, 200);
    assert.equal((await cli(['keys', 'revoke', '--config', stack.gateway.configFile, id])).code, 0);
    for (const auth of [undefined, 'Bearer nope', `Bearer ${'pc_live_' + 'A'.repeat(40)}`, `Bearer ${fresh}`, 'Basic abc']) {
      const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: '{}' });
      const body = await expectError(res, 401, 'PC_ERR_UNAUTHENTICATED');
      bodies.push(JSON.stringify({ ...body.error, request_id: '' }));
    }
    assert.equal(new Set(bodies).size, 1, 'no hint whether a key exists');
  });

  it('a key scoped to some models sees and uses only those', async () => {
    const { key } = await createKey(stack.gateway.configFile, ['--models', 'gpt']);
    const scoped = new OpenAI({ baseURL: `${url}/v1`, apiKey: key, maxRetries: 0 });
    const ids: string[] = [];
    for await (const m of scoped.models.list()) ids.push(m.id);
    assert.deepEqual(ids, ['gpt']);
    await assert.rejects(scoped.chat.completions.create({ model: 'fallback', messages: [{ role: 'user', content: 'x' }] }), OpenAI.NotFoundError);
  });

  it('upstream unreachable → 502, after retrying', async () => {
    await expectError(await chat('unreachable'), 502, 'PC_ERR_UPSTREAM_UNAVAILABLE');
  });

  it('upstream timeout → 504, and the stalled upstream request is cancelled', async () => {
    const started = Date.now();
    await expectError(await chat('stalled'), 504, 'PC_ERR_UPSTREAM_TIMEOUT');
    assert.ok(Date.now() - started < 5_000);
    await eventually(async () => (await mockStats(stack.mock)).open === 0);
  });

  it('falls back to the next target when the first fails, across formats', async () => {
    const answer = await client.chat.completions.create({ model: 'fallback', messages: [{ role: 'user', content: 'Fallback please' }] });
    assert.match(answer.choices[0]?.message.content ?? '', /Fallback please/);
    const stats = await mockStats(stack.mock);
    assert.ok((stats.byModel['mock-status-503'] ?? 0) >= 1);
  });

  it('retries a 5xx before anything was streamed', async () => {
    await mockControl(stack.mock, 'config', { failNext: [{ status: 500 }] });
    const before = (await mockStats(stack.mock)).requests;
    const res = await chat('gpt', 'after a retry');
    assert.equal(res.status, 200);
    assert.equal((await mockStats(stack.mock)).requests - before, 2);
  });

  it('a 429 upstream → 429 with Retry-After; the provider error body never reaches the client', async () => {
    const res = await chat('limited', 'mock:retry-after=3');
    assert.equal(res.headers.get('retry-after'), '3');
    const body = await expectError(res, 429, 'PC_ERR_UPSTREAM_RATE_LIMITED');
    assert.doesNotMatch(JSON.stringify(body), /mock/i);
  });

  it('opens the circuit after repeated failures and stops calling the upstream', async () => {
    await expectError(await chat('breaker'), 502, 'PC_ERR_UPSTREAM_ERROR');
    await expectError(await chat('breaker'), 502, 'PC_ERR_UPSTREAM_ERROR');
    const calls = (await mockStats(stack.mock)).byModel['mock-status-500'];
    await expectError(await chat('breaker'), 503, 'PC_ERR_CIRCUIT_OPEN');
    assert.equal((await mockStats(stack.mock)).byModel['mock-status-500'], calls);
  });

  it('a stream that breaks mid-way ends with an error event, not a hang', async () => {
    const stream = await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'mock:break-after=2' }], stream: true });
    let received = 0;
    await assert.rejects(
      (async () => {
        for await (const _chunk of stream) received++;
      })(),
      (err: unknown) => err instanceof OpenAI.APIError && (err.error as { code?: string } | undefined)?.code === 'PC_ERR_STREAM_BROKEN',
    );
    assert.ok(received >= 1);
  });

  it('a client that disconnects mid-stream aborts the upstream request', async () => {
    await mockControl(stack.mock, 'reset');
    const controller = new AbortController();
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt', stream: true, messages: [{ role: 'user', content: 'mock:chunks=100 mock:chunk-delay-ms=100' }] }),
      signal: controller.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    assert.equal((await mockStats(stack.mock)).open, 1);
    controller.abort();
    await eventually(async () => {
      const stats = await mockStats(stack.mock);
      return stats.open === 0 && stats.aborted === 1;
    });
  });

  it('cuts off a client that stalls in its headers or its body', async () => {
    const { port, hostname } = new URL(url);
    const closedAfter = (payload: string) =>
      new Promise<{ ms: number; data: string }>((resolve) => {
        const started = Date.now();
        let data = '';
        const socket = net.connect(Number(port), hostname, () => socket.write(payload));
        socket.on('data', (d) => (data += d.toString()));
        socket.on('close', () => resolve({ ms: Date.now() - started, data }));
        socket.on('error', () => undefined);
      });
    const headers = await closedAfter('POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n');
    assert.ok(headers.ms < 5_000, `closed after ${headers.ms} ms`);
    const body = await closedAfter(`POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${stack.key}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"mod`);
    assert.ok(body.ms < 5_000, `closed after ${body.ms} ms`);
    assert.match(body.data, /^HTTP\/1\.1 408/);
    assert.match(body.data, /PC_ERR_REQUEST_TIMEOUT/);
  });

  it('is still healthy after all of that, and logged no secrets or prompts', async () => {
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.ok(health.headers.get('x-request-id'));
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    await stack.gateway.stop();
    const logs = stack.gateway.logs.join('\n');
    assert.ok(logs.includes('"msg":"request"'), 'request lines were logged');
    assert.ok(!logs.includes(stack.key), 'the API key is never logged');
    assert.ok(!logs.includes('Fallback please'), 'prompts are never logged');
  });
});
