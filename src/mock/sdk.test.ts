// The official clients are the judges of wire-format fidelity: if they parse the mock's answers
// (and its errors into their typed error classes), so will code written against the real APIs.
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { after, before, describe, it } from 'node:test';
import { startMockServer, type MockServer } from './server.js';

let mock: MockServer;
let openai: OpenAI;
let anthropic: Anthropic;

before(async () => {
  mock = await startMockServer({ requireKey: 'sdk-key' });
  openai = new OpenAI({ apiKey: 'sdk-key', baseURL: `${mock.url}/v1`, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: 'sdk-key', baseURL: mock.url, maxRetries: 0 });
});

after(async () => {
  await mock.close();
});

describe('official openai client', () => {
  it('reads completions, streams with usage, and tool calls', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-x', messages: [{ role: 'user', content: 'hi sdk' }] });
    assert.equal(completion.choices[0]?.message.content, 'Mock answer to: hi sdk');
    assert.equal(mock.stats().last.headers['authorization'], 'Bearer sdk-key');

    const stream = await openai.chat.completions.create({
      model: 'gpt-x',
      messages: [{ role: 'user', content: 'hi sdk' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let totalTokens = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      totalTokens = chunk.usage?.total_tokens ?? totalTokens;
    }
    assert.equal(text, 'Mock answer to: hi sdk');
    assert.equal(totalTokens, 7);

    const runner = openai.chat.completions.stream({
      model: 'gpt-x',
      messages: [{ role: 'user', content: 'look it up' }],
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }],
    });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    assert.ok(call?.type === 'function');
    assert.equal(call.function.name, 'lookup');
    assert.deepEqual(JSON.parse(call.function.arguments), { query: 'look it up' });
    assert.equal(final.choices[0]?.finish_reason, 'tool_calls');
  });

  it('decodes base64 embeddings, which it requests by default', async () => {
    const result = await openai.embeddings.create({ model: 'emb', input: 'vector please', dimensions: 6 });
    const vector = result.data[0]?.embedding ?? [];
    const sent = mock.stats().last.body as { encoding_format?: string } | null;
    assert.equal(sent?.encoding_format, 'base64');
    assert.equal(vector.length, 6);
    assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-5);
  });

  it('maps mock failures to its typed errors', async () => {
    await assert.rejects(
      openai.chat.completions.create({ model: 'mock-status-429', messages: [{ role: 'user', content: 'x' }] }),
      OpenAI.RateLimitError,
    );
    const locked = new OpenAI({ apiKey: 'wrong', baseURL: `${mock.url}/v1`, maxRetries: 0 });
    await assert.rejects(locked.models.list(), OpenAI.AuthenticationError);
  });
});

describe('official anthropic client', () => {
  it('reads messages and accumulates a streamed tool_use', async () => {
    const message = await anthropic.messages.create({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'hi claude' }] });
    assert.deepEqual(message.content, [{ type: 'text', text: 'Mock answer to: hi claude' }]);
    // SDK 1.x sends the API key as a Bearer token, not as x-api-key; the mock accepts both.
    const headers = mock.stats().last.headers;
    assert.ok(headers['authorization'] === 'Bearer sdk-key' || headers['x-api-key'] === 'sdk-key');
    assert.equal(typeof headers['anthropic-version'], 'string');

    const text = await anthropic.messages.stream({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'stream it' }] }).finalText();
    assert.equal(text, 'Mock answer to: stream it');

    const final = await anthropic.messages
      .stream({
        model: 'claude-x',
        max_tokens: 100,
        tools: [{ name: 'lookup', input_schema: { type: 'object', properties: {} } }],
        messages: [{ role: 'user', content: 'use the tool' }],
      })
      .finalMessage();
    assert.equal(final.stop_reason, 'tool_use');
    const block = final.content[0];
    assert.ok(block?.type === 'tool_use');
    assert.deepEqual(block.input, { query: 'use the tool' });
    assert.equal(final.usage.output_tokens, 3);
  });

  it('maps mock failures to its typed errors', async () => {
    await assert.rejects(
      anthropic.messages.create({ model: 'mock-status-529', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
      Anthropic.APIError,
    );
    await assert.rejects(
      anthropic.messages.create({ model: 'c', max_tokens: 5, messages: [{ role: 'user', content: 'mock:status=500' }] }),
      Anthropic.InternalServerError,
    );
  });
});
