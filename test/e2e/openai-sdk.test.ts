/**
 * The official openai client against the real gateway process in front of the mock LLM process.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { mockStats, openaiSuite } from './harness.js';

const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt, apiKey: upstream-secret-1 }]
  - model: claude
    targets: [{ provider: anthropic, baseUrl: "${mock}", model: mock-claude, apiKey: upstream-secret-2 }]
  - model: azure
    targets: [{ provider: azure-openai, baseUrl: "${mock.replace(/\/v1$/, '')}", model: my-deployment, apiKey: upstream-secret-3 }]
`;

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

describe('OpenAI SDK through the gateway', () => {
  const suite = openaiSuite(routes);

  it('answers a chat completion, with a request id, and sends the route credential upstream', async () => {
    const { data, response } = await suite.client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'Hello there' }] }).withResponse();
    assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(data.object, 'chat.completion');
    assert.equal(data.model, 'gpt');
    assert.match(data.choices[0]?.message.content ?? '', /Hello there/);
    assert.equal(data.choices[0]?.finish_reason, 'stop');
    assert.ok((data.usage?.prompt_tokens ?? 0) > 0);
    const last = (await mockStats(suite.stack.mock)).last;
    assert.equal(last.headers.authorization, 'Bearer upstream-secret-1');
    assert.equal(last.body.model, 'mock-gpt');
  });

  it('streams, with usage only when asked', async () => {
    const withUsage = await suite.client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'Stream me' }], stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined;
    let chunks = 0;
    for await (const chunk of withUsage) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    assert.ok(chunks > 2);
    assert.match(text, /Stream me/);
    assert.ok(usage && usage.completion_tokens > 0);

    const noUsage = await suite.client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'Stream me' }], stream: true });
    for await (const chunk of noUsage) assert.equal(chunk.usage ?? undefined, undefined);
  });

  it('passes multi-part content (text and image)', async () => {
    const answer = await suite.client.chat.completions.create({
      model: 'gpt',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Describe' }, { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
    });
    assert.match(answer.choices[0]?.message.content ?? '', /Describe/);
    const body = (await mockStats(suite.stack.mock)).last.body as { messages: { content: unknown[] }[] };
    assert.equal(body.messages[0]?.content.length, 2);
  });

  for (const model of ['gpt', 'claude']) {
    it(`round-trips a tool call (${model})`, async () => {
      const first = await suite.client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [weatherTool] });
      const call = first.choices[0]?.message.tool_calls?.[0];
      assert.equal(first.choices[0]?.finish_reason, 'tool_calls');
      assert.ok(call && call.type === 'function');
      assert.equal(call.function.name, 'get_weather');
      assert.doesNotThrow(() => JSON.parse(call.function.arguments));
      const second = await suite.client.chat.completions.create({
        model,
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: null, tool_calls: [call] },
          { role: 'tool', tool_call_id: call.id, content: 'sunny, 21C' },
        ],
      });
      assert.match(second.choices[0]?.message.content ?? '', /sunny, 21C/);
    });

    it(`streams a tool call (${model})`, async () => {
      const stream = await suite.client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Weather in Oslo?' }], tools: [weatherTool], stream: true });
      let name = '';
      let args = '';
      let finish: string | null | undefined;
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta.tool_calls?.[0];
        name += delta?.function?.name ?? '';
        args += delta?.function?.arguments ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      assert.equal(name, 'get_weather');
      assert.doesNotThrow(() => JSON.parse(args));
      assert.equal(finish, 'tool_calls');
    });
  }

  it('calls an Anthropic-backed model with the OpenAI format, streaming included', async () => {
    const answer = await suite.client.chat.completions.create({ model: 'claude', messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Cross format' }] });
    assert.match(answer.choices[0]?.message.content ?? '', /Cross format/);
    const last = (await mockStats(suite.stack.mock)).last;
    assert.equal(last.headers['x-api-key'], 'upstream-secret-2');
    assert.match(JSON.stringify(last.body.system), /Be brief/);
    let text = '';
    for await (const chunk of await suite.client.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: 'Cross stream' }], stream: true })) {
      text += chunk.choices[0]?.delta.content ?? '';
    }
    assert.match(text, /Cross stream/);
  });

  it('calls an Azure OpenAI deployment', async () => {
    const answer = await suite.client.chat.completions.create({ model: 'azure', messages: [{ role: 'user', content: 'Azure hello' }] });
    assert.match(answer.choices[0]?.message.content ?? '', /Azure hello/);
    assert.equal((await mockStats(suite.stack.mock)).last.headers['api-key'], 'upstream-secret-3');
  });

  it('creates embeddings as floats and as base64 (the client default)', async () => {
    const floats = await suite.client.embeddings.create({ model: 'gpt', input: ['a', 'b'], encoding_format: 'float' });
    assert.equal(floats.data.length, 2);
    assert.ok(floats.data[0]?.embedding.every((x) => typeof x === 'number'));
    const decoded = await suite.client.embeddings.create({ model: 'gpt', input: 'a' });
    assert.deepEqual(
      decoded.data[0]?.embedding.map((x) => Math.round(x * 1e4)),
      floats.data[0]?.embedding.map((x) => Math.round(x * 1e4)),
    );
  });

  it('refuses embeddings on a route that cannot serve them', async () => {
    await assert.rejects(suite.client.embeddings.create({ model: 'claude', input: 'x' }), (err: unknown) => err instanceof OpenAI.BadRequestError && (err.error as { code?: string }).code === 'PC_ERR_UNSUPPORTED_OPERATION');
  });

  it('lists the models', async () => {
    const ids: string[] = [];
    for await (const model of suite.client.models.list()) ids.push(model.id);
    assert.deepEqual(ids.sort(), ['azure', 'claude', 'gpt']);
  });

  it('refuses a client without a valid key', async () => {
    const anonymous = new OpenAI({ baseURL: `${suite.stack.gateway.url}/v1`, apiKey: 'pc_live_invalid', maxRetries: 0 });
    await assert.rejects(anonymous.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'x' }] }), (err: unknown) => err instanceof OpenAI.AuthenticationError && err.code === 'PC_ERR_UNAUTHENTICATED');
  });
});
