/**
 * Content rules and structured outputs end to end. Content rules: the real gateway process in front of the mock LLM (which answers
 * "Mock answer to: <last user message>"), driven by the official `openai` client, streaming and not.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { createKey, mockStats, startGatewayProcess, openaiSuite, startStack, workDir, writeConfig, type GatewayProcess, type Stack } from './harness.js';

const rulesConfig = `guards:
  rules:
    - { name: codename, keywords: ["project falcon", "blue harbor"], direction: input, action: block }
    - { name: competitor, keywords: [globex, initech], direction: output, action: mask }
    - { name: leak-marker, pattern: 'internal\\s+use\\s+only', direction: output, action: block }
`;

const routes = (mock: string) => `
  - model: ruled
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt, apiKey: upstream-1 }]
  - model: ruled-route
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt, apiKey: upstream-1 }]
    guards:
      rules: [{ name: codename, keywords: ["project falcon"], direction: input, action: log-only }]
`;

type ApiErr = { code?: string };

async function drain(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>): Promise<{ text: string; code: string | undefined }> {
  let text = '';
  try {
    for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    return { text, code: undefined };
  } catch (err) {
    assert.ok(err instanceof OpenAI.APIError, String(err));
    return { text, code: (err.error as ApiErr | undefined)?.code };
  }
}

describe('content rules (e2e)', () => {
  const suite = openaiSuite(routes, rulesConfig);

  it('blocks a prompt that matches an input rule before it reaches the model', async () => {
    const before = (await mockStats(suite.stack.mock)).requests;
    await assert.rejects(
      suite.client.chat.completions.create({ model: 'ruled', messages: [{ role: 'user', content: 'What is the status of Project  Falcon?' }] }),
      (err: unknown) => err instanceof OpenAI.BadRequestError && err.code === 'PC_ERR_CONTENT_RULE',
    );
    assert.equal((await mockStats(suite.stack.mock)).requests, before);
  });

  it('a route rule with the same name overrides the global one (log-only passes)', async () => {
    const answer = await suite.client.chat.completions.create({ model: 'ruled-route', messages: [{ role: 'user', content: 'What is the status of Project Falcon?' }] });
    assert.match(answer.choices[0]?.message.content ?? '', /Project Falcon/);
  });

  it('masks an output keyword in a whole answer', async () => {
    const answer = await suite.client.chat.completions.create({ model: 'ruled', messages: [{ role: 'user', content: 'Compare us with Globex and Initech' }] });
    assert.equal(answer.choices[0]?.message.content, 'Mock answer to: Compare us with [rule:competitor] and [rule:competitor]');
  });

  it('masks an output keyword in a streamed answer, whatever the chunking', async () => {
    for (const chunks of [5, 17, 40]) {
      const stream = await suite.client.chat.completions.create({ model: 'ruled', stream: true, messages: [{ role: 'user', content: `Compare us with Globex please mock:chunks=${chunks}` }] });
      const r = await drain(stream);
      assert.equal(r.code, undefined);
      assert.match(r.text, /^Mock answer to: Compare us with \[rule:competitor\] please mock:chunks=\d+\s*$/);
      assert.ok(!/globex/i.test(r.text));
    }
  });

  it('blocks an output pattern split across chunks of a stream, with an error event', async () => {
    const stream = await suite.client.chat.completions.create({ model: 'ruled', stream: true, messages: [{ role: 'user', content: 'Label it Internal use only right away mock:chunks=12 mock:chunk-delay-ms=10' }] });
    const r = await drain(stream);
    assert.equal(r.code, 'PC_ERR_OUTPUT_BLOCKED');
    assert.ok(!/use only/i.test(r.text), r.text);
  });
});

/**
 * An OpenAI-compatible upstream whose answer is exactly the last user message, so a test decides
 * what JSON the "model" returns (the mock LLM always prefixes "Mock answer to: "). Streams are cut
 * into 6-character chunks. Records the last request body.
 */
async function verbatimUpstream(): Promise<{ url: string; server: Server; last: () => Record<string, unknown> | undefined }> {
  let last: Record<string, unknown> | undefined;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { stream?: boolean; messages: { role: string; content: string }[] };
      last = parsed;
      const text = parsed.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
      const base = { id: 'chatcmpl-v', created: 1, model: 'verbatim' };
      if (!parsed.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const send = (delta: Record<string, unknown>, finish: string | null) => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      send({ role: 'assistant', content: '' }, null);
      for (let i = 0; i < text.length; i += 6) send({ content: text.slice(i, i + 6) }, null);
      send({}, 'stop');
      res.end('data: [DONE]\n\n');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server, last: () => last };
}

const WEATHER = { type: 'object', properties: { city: { type: 'string' }, temp: { type: 'number' }, unit: { type: 'string', enum: ['C', 'F'] } }, required: ['city', 'temp', 'unit'], additionalProperties: false };

describe('structured outputs (e2e)', () => {
  let upstream: Awaited<ReturnType<typeof verbatimUpstream>>;
  let gateway: GatewayProcess;
  let client: OpenAI;
  let cleanup: () => void;

  before(async () => {
    upstream = await verbatimUpstream();
    const dir = workDir();
    cleanup = dir.cleanup;
    const target = `targets: [{ provider: openai, baseUrl: "${upstream.url}", model: verbatim, apiKey: upstream-1 }]`;
    const config = writeConfig(dir.dir, `logging:\n  level: info\nserver:\n  port: 0\nroutes:
  - model: weather
    ${target}
    guards:
      # The prompts here are the JSON the verbatim upstream returns, not questions; the direct
      # injection model scores one of them at 0.59 (a false positive), so it only records here.
      input: { injection: log-only }
      output:
        jsonSchema: ${JSON.stringify(WEATHER)}
  - model: plain
    ${target}
    guards: { input: { injection: log-only } }
`);
    const { key } = await createKey(config);
    gateway = await startGatewayProcess(config);
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
  });
  after(async () => {
    await gateway?.stop();
    upstream?.server.close();
    cleanup?.();
  });

  const ask = (model: string, content: string, format?: OpenAI.Chat.Completions.ChatCompletionCreateParams['response_format']) =>
    client.chat.completions.create({ model, messages: [{ role: 'user', content }], ...(format ? { response_format: format } : {}) });
  const isSchemaError = (err: unknown) => err instanceof OpenAI.BadRequestError && err.code === 'PC_ERR_OUTPUT_SCHEMA';

  it('passes an answer that matches the route schema', async () => {
    const r = await ask('weather', '{"city":"Oslo","temp":3,"unit":"C"}');
    assert.deepEqual(JSON.parse(r.choices[0]?.message.content ?? ''), { city: 'Oslo', temp: 3, unit: 'C' });
  });

  it('blocks an answer that does not match the route schema, or is not JSON', async () => {
    await assert.rejects(ask('weather', '{"city":"Oslo","temp":3,"unit":"K"}'), isSchemaError);
    await assert.rejects(ask('weather', 'It is 3 degrees in Oslo.'), isSchemaError);
  });

  it("enforces the request's response_format json_schema on any route (and forwards it upstream)", async () => {
    const format = { type: 'json_schema' as const, json_schema: { name: 'weather', schema: WEATHER, strict: true } };
    const r = await ask('plain', '{"city":"Oslo","temp":3,"unit":"F"}', format);
    assert.equal((JSON.parse(r.choices[0]?.message.content ?? '{}') as { unit?: string }).unit, 'F');
    assert.ok(JSON.stringify(upstream.last()).includes('"json_schema"'));
    await assert.rejects(ask('plain', '{"city":"Oslo","temp":"3","unit":"F"}', format), isSchemaError);
    await assert.rejects(ask('plain', 'no json', { type: 'json_object' }), isSchemaError);
    assert.equal((await ask('plain', 'no json')).choices[0]?.message.content, 'no json');
  });

  it('streams a matching answer and ends a non-matching one with an error event before its finish chunk', async () => {
    const good = await client.chat.completions.create({ model: 'weather', stream: true, messages: [{ role: 'user', content: '{"city": "Oslo", "temp": 3, "unit": "C"}' }] });
    const ok = await drain(good);
    assert.equal(ok.code, undefined);
    assert.deepEqual(JSON.parse(ok.text), { city: 'Oslo', temp: 3, unit: 'C' });
    const badStream = await client.chat.completions.create({ model: 'weather', stream: true, messages: [{ role: 'user', content: '{"city": "Oslo", "temp": 3, "unit": "kelvin"}' }] });
    const bad = await drain(badStream);
    assert.equal(bad.code, 'PC_ERR_OUTPUT_SCHEMA');
    assert.ok(!bad.text.endsWith('}'), bad.text);
  });
});

describe('LLM judge (e2e, the mock LLM as the judge route)', () => {
  let stack: Stack;
  let client: OpenAI;
  const judgeRoutes = (mock: string) => `
  - model: slow-judge
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-latency-ms-3000, apiKey: upstream-1 }]
    retry: { attempts: 1, initialBackoffMs: 10, maxBackoffMs: 10 }
  - model: judged
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt, apiKey: upstream-1 }]
    guards: { input: { judge: block } }
  - model: unjudged
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt, apiKey: upstream-1 }]
`;

  before(async () => {
    stack = await startStack(judgeRoutes, 'guards:\n  judge: { route: slow-judge, timeoutMs: 300 }\n');
    client = new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: stack.key, maxRetries: 0 });
  });
  after(async () => stack?.stop());

  it('a judge that times out refuses the request (fail closed) without calling the model', async () => {
    const before = (await mockStats(stack.mock)).byModel['mock-gpt'] ?? 0;
    await assert.rejects(
      client.chat.completions.create({ model: 'judged', messages: [{ role: 'user', content: 'Hello there' }] }),
      (err: unknown) => err instanceof OpenAI.APIError && err.status === 503 && err.code === 'PC_ERR_GUARD_TIMEOUT',
    );
    assert.equal((await mockStats(stack.mock)).byModel['mock-gpt'] ?? 0, before);
  });

  it('a route without the judge is not affected', async () => {
    const before = (await mockStats(stack.mock)).byModel['mock-gpt'] ?? 0;
    const answer = await client.chat.completions.create({ model: 'unjudged', messages: [{ role: 'user', content: 'Hello there' }] });
    assert.equal(answer.choices[0]?.message.content, 'Mock answer to: Hello there');
    // The counter the first test reads does count calls of the chat model.
    assert.equal((await mockStats(stack.mock)).byModel['mock-gpt'], before + 1);
  });
});
