/**
 * The official @anthropic-ai/sdk client against the real gateway process in front of the mock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import { mockStats, startStack, type Stack } from './harness.js';

const routes = (mock: string) => `
  - model: claude
    targets: [{ provider: anthropic, baseUrl: "${mock}", model: mock-claude, apiKey: upstream-anthropic }]
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt, apiKey: upstream-openai }]
`;

const weatherTool = { name: 'get_weather', description: 'Weather for a city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } } };

describe('Anthropic SDK through the gateway', () => {
  let stack: Stack;
  let client: Anthropic;

  before(async () => {
    stack = await startStack(routes);
    client = new Anthropic({ baseURL: stack.gateway.url, apiKey: stack.key, maxRetries: 0 });
  });
  after(async () => stack?.stop());

  for (const model of ['claude', 'gpt']) {
    it(`creates a message (${model})`, async () => {
      const message = await client.messages.create({ model, max_tokens: 100, system: 'Be brief', messages: [{ role: 'user', content: 'Hello Claude' }] });
      assert.equal(message.type, 'message');
      assert.equal(message.role, 'assistant');
      assert.equal(message.model, model);
      const block = message.content[0];
      assert.ok(block && block.type === 'text');
      assert.match(block.text, /Hello Claude/);
      assert.equal(message.stop_reason, 'end_turn');
      assert.ok(message.usage.output_tokens > 0);
      const last = (await mockStats(stack.mock)).last;
      if (model === 'gpt') assert.equal(last.headers.authorization, 'Bearer upstream-openai');
      else assert.equal(last.headers['x-api-key'], 'upstream-anthropic');
    });

    it(`streams a message (${model})`, async () => {
      const stream = client.messages.stream({ model, max_tokens: 100, messages: [{ role: 'user', content: 'Stream Claude' }] });
      let text = '';
      stream.on('text', (t) => (text += t));
      const final = await stream.finalMessage();
      assert.match(text, /Stream Claude/);
      assert.equal(final.stop_reason, 'end_turn');
      assert.ok(final.usage.output_tokens > 0);
    });

    it(`round-trips a tool use (${model})`, async () => {
      const first = await client.messages.create({ model, max_tokens: 100, tools: [weatherTool], messages: [{ role: 'user', content: 'Weather in Rome?' }] });
      assert.equal(first.stop_reason, 'tool_use');
      const use = first.content.find((b) => b.type === 'tool_use');
      assert.ok(use && use.type === 'tool_use');
      assert.equal(use.name, 'get_weather');
      const second = await client.messages.create({
        model,
        max_tokens: 100,
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'Weather in Rome?' },
          { role: 'assistant', content: first.content },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: 'rainy, 12C' }] },
        ],
      });
      const block = second.content[0];
      assert.ok(block && block.type === 'text');
      assert.match(block.text, /rainy, 12C/);
    });

    it(`streams a tool use (${model})`, async () => {
      const stream = client.messages.stream({ model, max_tokens: 100, tools: [weatherTool], messages: [{ role: 'user', content: 'Weather in Lima?' }] });
      const final = await stream.finalMessage();
      assert.equal(final.stop_reason, 'tool_use');
      const use = final.content.find((b) => b.type === 'tool_use');
      assert.ok(use && use.type === 'tool_use' && use.name === 'get_weather');
      assert.equal(typeof use.input, 'object');
    });
  }

  it('lists the models in the Anthropic shape', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    assert.deepEqual(ids.sort(), ['claude', 'gpt']);
  });

  it('answers errors in the Anthropic shape', async () => {
    await assert.rejects(client.messages.create({ model: 'nope', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }), (err: unknown) => {
      assert.ok(err instanceof Anthropic.NotFoundError);
      const body = err.error as { type: string; error: { type: string; code: string } };
      assert.equal(body.type, 'error');
      assert.equal(body.error.type, 'not_found_error');
      assert.equal(body.error.code, 'PC_ERR_MODEL_NOT_FOUND');
      return true;
    });
    const anonymous = new Anthropic({ baseURL: stack.gateway.url, apiKey: 'wrong', maxRetries: 0 });
    await assert.rejects(anonymous.messages.create({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }), Anthropic.AuthenticationError);
  });
});
