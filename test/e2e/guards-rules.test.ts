/**
 * Content rules end to end: the real gateway process in front of the mock LLM (which answers
 * "Mock answer to: <last user message>"), driven by the official `openai` client, streaming and not.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { mockStats, startStack, type Stack } from './harness.js';

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
  let stack: Stack;
  let client: OpenAI;

  before(async () => {
    stack = await startStack(routes, rulesConfig);
    client = new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: stack.key, maxRetries: 0 });
  });
  after(async () => stack?.stop());

  it('blocks a prompt that matches an input rule before it reaches the model', async () => {
    const before = (await mockStats(stack.mock)).requests;
    await assert.rejects(
      client.chat.completions.create({ model: 'ruled', messages: [{ role: 'user', content: 'What is the status of Project  Falcon?' }] }),
      (err: unknown) => err instanceof OpenAI.BadRequestError && err.code === 'PC_ERR_CONTENT_RULE',
    );
    assert.equal((await mockStats(stack.mock)).requests, before);
  });

  it('a route rule with the same name overrides the global one (log-only passes)', async () => {
    const answer = await client.chat.completions.create({ model: 'ruled-route', messages: [{ role: 'user', content: 'What is the status of Project Falcon?' }] });
    assert.match(answer.choices[0]?.message.content ?? '', /Project Falcon/);
  });

  it('masks an output keyword in a whole answer', async () => {
    const answer = await client.chat.completions.create({ model: 'ruled', messages: [{ role: 'user', content: 'Compare us with Globex and Initech' }] });
    assert.equal(answer.choices[0]?.message.content, 'Mock answer to: Compare us with [rule:competitor] and [rule:competitor]');
  });

  it('masks an output keyword in a streamed answer, whatever the chunking', async () => {
    for (const chunks of [5, 17, 40]) {
      const stream = await client.chat.completions.create({ model: 'ruled', stream: true, messages: [{ role: 'user', content: `Compare us with Globex please mock:chunks=${chunks}` }] });
      const r = await drain(stream);
      assert.equal(r.code, undefined);
      assert.match(r.text, /^Mock answer to: Compare us with \[rule:competitor\] please mock:chunks=\d+\s*$/);
      assert.ok(!/globex/i.test(r.text));
    }
  });

  it('blocks an output pattern split across chunks of a stream, with an error event', async () => {
    const stream = await client.chat.completions.create({ model: 'ruled', stream: true, messages: [{ role: 'user', content: 'Label it Internal use only right away mock:chunks=12 mock:chunk-delay-ms=10' }] });
    const r = await drain(stream);
    assert.equal(r.code, 'PC_ERR_OUTPUT_BLOCKED');
    assert.ok(!/use only/i.test(r.text), r.text);
  });
});
