import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { startMockServer, type MockServer, type MockStats } from './server.js';
import { asRecord, parseSse, postJson, readRaw, readUntil, waitFor, type SseEvent } from './testkit.js';

// Minimal views of the wire shapes the assertions touch; the parsing is checked, not assumed.
interface ChatCompletion {
  id: string;
  object: string;
  model: string;
  choices: Array<{
    index: number;
    message: { role: string; content: string | null; tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }> };
    finish_reason: string;
  }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

interface ChatChunk {
  id: string;
  object: string;
  model: string;
  choices: Array<{
    delta: {
      role?: string;
      content?: string | null;
      tool_calls?: Array<{ index: number; id?: string; type?: string; function: { name?: string; arguments: string } }>;
    };
    finish_reason: string | null;
  }>;
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
}

interface AnthropicMessage {
  id: string;
  type: string;
  role: string;
  model: string;
  content: Array<{ type: string; text?: string; id?: string; name?: string; input?: unknown }>;
  stop_reason: string;
  usage: { input_tokens: number; output_tokens: number };
}

interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null };
}

interface AnthropicErrorBody {
  type: string;
  error: { type: string; message: string };
}

interface EmbeddingList {
  object: string;
  model: string;
  data: Array<{ object: string; index: number; embedding: number[] | string }>;
  usage: { prompt_tokens: number; total_tokens: number };
}

const ANTHROPIC = { 'anthropic-version': '2023-06-01' };

let mock: MockServer;

function chatBody(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'mock-gpt', messages: [{ role: 'user', content: text }], ...extra };
}

function messagesBody(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'mock-claude', max_tokens: 1024, messages: [{ role: 'user', content: text }], ...extra };
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

function chunksOf(events: readonly SseEvent[]): ChatChunk[] {
  const last = events.at(-1);
  assert.equal(last?.data, '[DONE]', 'an OpenAI stream ends with data: [DONE]');
  return events.slice(0, -1).map((e) => {
    assert.equal(e.event, undefined, 'OpenAI streams have no event: lines');
    return JSON.parse(e.data) as ChatChunk;
  });
}

function contentOf(chunks: readonly ChatChunk[]): string[] {
  return chunks.flatMap((c) => c.choices.map((choice) => choice.delta.content ?? '')).filter((t) => t !== '');
}

async function stats(): Promise<MockStats> {
  return json<MockStats>(await fetch(`${mock.url}/_mock/stats`));
}

async function configure(body: unknown): Promise<Response> {
  return postJson(`${mock.url}/_mock/config`, body);
}

before(async () => {
  mock = await startMockServer();
});

after(async () => {
  await mock.close();
});

afterEach(async () => {
  const response = await postJson(`${mock.url}/_mock/reset`, {});
  await response.body?.cancel();
});

describe('OpenAI chat completions', () => {
  it('answers deterministically, echoing the model and counting words', async () => {
    const response = await postJson(`${mock.url}/v1/chat/completions`, {
      model: 'gpt-test',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello there world' },
      ],
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const body = await json<ChatCompletion>(response);
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.id, 'chatcmpl-mock-1');
    assert.equal(body.model, 'gpt-test');
    assert.equal(body.choices[0]?.message.role, 'assistant');
    assert.equal(body.choices[0]?.message.content, 'Mock answer to: hello there world');
    assert.equal(body.choices[0]?.finish_reason, 'stop');
    assert.deepEqual(body.usage, { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 });
  });

  it('truncates the echoed user text to 200 characters', async () => {
    const body = await json<ChatCompletion>(await postJson(`${mock.url}/v1/chat/completions`, chatBody('x'.repeat(500))));
    assert.equal(body.choices[0]?.message.content, `Mock answer to: ${'x'.repeat(200)}`);
  });

  it('accepts multi-part content with images', async () => {
    const body = await json<ChatCompletion>(
      await postJson(`${mock.url}/v1/chat/completions`, {
        model: 'm',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'describe' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
              { type: 'text', text: 'this' },
            ],
          },
        ],
      }),
    );
    assert.equal(body.choices[0]?.message.content, 'Mock answer to: describe\nthis');
  });

  it('streams role, the configured number of chunks, finish reason and [DONE]', async () => {
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('stream me please', { stream: true }));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const chunks = chunksOf(parseSse(await response.text()));
    assert.equal(chunks[0]?.choices[0]?.delta.role, 'assistant');
    assert.ok(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'mock-gpt' && c.id === chunks[0]?.id));
    assert.ok(chunks.every((c) => c.usage === undefined), 'no usage without include_usage');
    const content = contentOf(chunks);
    assert.equal(content.length, 8);
    assert.equal(content.join(''), 'Mock answer to: stream me please');
    assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, 'stop');
    assert.deepEqual(chunks.at(-1)?.choices[0]?.delta, {});
  });

  it('sends a usage chunk with empty choices when include_usage is set', async () => {
    const response = await postJson(
      `${mock.url}/v1/chat/completions`,
      chatBody('count me', { stream: true, stream_options: { include_usage: true } }),
    );
    const chunks = chunksOf(parseSse(await response.text()));
    const usage = chunks.at(-1);
    assert.deepEqual(usage?.choices, []);
    assert.deepEqual(usage?.usage, { prompt_tokens: 2, completion_tokens: 5, total_tokens: 7 });
    assert.ok(chunks.slice(0, -1).every((c) => c.usage === null));
    assert.equal(chunks.at(-2)?.choices[0]?.finish_reason, 'stop');
  });

  it('streams the same text it answers without streaming', async () => {
    const plain = await json<ChatCompletion>(await postJson(`${mock.url}/v1/chat/completions`, chatBody('hi mock:chunks=40')));
    const streamed = await postJson(`${mock.url}/v1/chat/completions`, chatBody('hi mock:chunks=40', { stream: true }));
    const content = contentOf(chunksOf(parseSse(await streamed.text())));
    assert.equal(content.length, 40, 'short answers are padded to fill every chunk');
    assert.equal(content.join(''), plain.choices[0]?.message.content);
  });

  it('cuts the answer at max_tokens and reports finish_reason length', async () => {
    const body = await json<ChatCompletion>(
      await postJson(`${mock.url}/v1/chat/completions`, chatBody('one two three four', { max_completion_tokens: 3 })),
    );
    assert.equal(body.choices[0]?.message.content, 'Mock answer to:');
    assert.equal(body.choices[0]?.finish_reason, 'length');
  });

  const invalid: Array<[string, Record<string, unknown>]> = [
    ['a missing model', { messages: [{ role: 'user', content: 'x' }] }],
    ['no messages', { model: 'm', messages: [] }],
    ['an unknown role', { model: 'm', messages: [{ role: 'human', content: 'x' }] }],
    ['stream_options without stream', chatBody('x', { stream_options: { include_usage: true } })],
    [
      'tool_call arguments as an object',
      {
        model: 'm',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: { q: 1 } } }] },
        ],
      },
    ],
    ['a tool message without tool_call_id', { model: 'm', messages: [{ role: 'tool', content: 'x' }] }],
    ['tool_choice without tools', chatBody('x', { tool_choice: 'auto' })],
    ['a malformed image part', { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: 'x' }] }] }],
  ];
  for (const [name, body] of invalid) {
    it(`rejects ${name} with an OpenAI-shaped 400`, async () => {
      const response = await postJson(`${mock.url}/v1/chat/completions`, body);
      assert.equal(response.status, 400);
      const error = await json<OpenAIErrorBody>(response);
      assert.equal(error.error.type, 'invalid_request_error');
      assert.equal(typeof error.error.message, 'string');
    });
  }
});

describe('OpenAI tools', () => {
  const tools = [
    { type: 'function', function: { name: 'search', parameters: { type: 'object' } } },
    { type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } },
  ];

  it('calls the first tool with the user text as the query', async () => {
    const body = await json<ChatCompletion>(await postJson(`${mock.url}/v1/chat/completions`, chatBody('find cats', { tools })));
    const choice = body.choices[0];
    assert.equal(choice?.finish_reason, 'tool_calls');
    assert.equal(choice?.message.content, null);
    const call = choice?.message.tool_calls?.[0];
    assert.equal(call?.type, 'function');
    assert.equal(call?.function.name, 'search');
    assert.deepEqual(JSON.parse(call?.function.arguments ?? ''), { query: 'find cats' });
  });

  it('calls the tool named in tool_choice, and none when told so', async () => {
    const named = await json<ChatCompletion>(
      await postJson(`${mock.url}/v1/chat/completions`, chatBody('x', { tools, tool_choice: { type: 'function', function: { name: 'lookup' } } })),
    );
    assert.equal(named.choices[0]?.message.tool_calls?.[0]?.function.name, 'lookup');
    const none = await json<ChatCompletion>(await postJson(`${mock.url}/v1/chat/completions`, chatBody('x', { tools, tool_choice: 'none' })));
    assert.equal(none.choices[0]?.finish_reason, 'stop');
    const unknown = await postJson(`${mock.url}/v1/chat/completions`, chatBody('x', { tools, tool_choice: { type: 'function', function: { name: 'nope' } } }));
    assert.equal(unknown.status, 400);
    await unknown.body?.cancel();
  });

  it('streams a tool call as OpenAI does', async () => {
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('find dogs', { tools, stream: true }));
    const chunks = chunksOf(parseSse(await response.text()));
    const first = chunks[0]?.choices[0]?.delta.tool_calls?.[0];
    assert.equal(first?.index, 0);
    assert.equal(first?.type, 'function');
    assert.equal(first?.function.name, 'search');
    assert.equal(first?.function.arguments, '');
    assert.match(first?.id ?? '', /^call_mock_\d+$/);
    const fragments = chunks.slice(1).flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    assert.equal(fragments.length, 8);
    assert.ok(fragments.every((f) => f.id === undefined && f.function.name === undefined));
    assert.deepEqual(JSON.parse(fragments.map((f) => f.function.arguments).join('')), { query: 'find dogs' });
    assert.equal(chunks.at(-1)?.choices[0]?.finish_reason, 'tool_calls');
  });

  it('answers a tool result with text', async () => {
    const body = await json<ChatCompletion>(
      await postJson(`${mock.url}/v1/chat/completions`, {
        model: 'm',
        tools,
        messages: [
          { role: 'user', content: 'find cats' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'search', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 'c1', content: '3 cats found' },
        ],
      }),
    );
    assert.equal(body.choices[0]?.message.content, 'Tool result received: 3 cats found');
    assert.equal(body.choices[0]?.finish_reason, 'stop');
  });
});

describe('OpenAI embeddings and models', () => {
  it('returns deterministic unit vectors of the default dimension', async () => {
    const first = await json<EmbeddingList>(await postJson(`${mock.url}/v1/embeddings`, { model: 'emb', input: ['alpha', 'beta'] }));
    const second = await json<EmbeddingList>(await postJson(`${mock.url}/v1/embeddings`, { model: 'emb', input: ['alpha', 'beta'] }));
    assert.deepEqual(first, second);
    assert.equal(first.object, 'list');
    assert.equal(first.model, 'emb');
    assert.deepEqual(first.usage, { prompt_tokens: 2, total_tokens: 2 });
    assert.deepEqual(first.data.map((d) => d.index), [0, 1]);
    for (const item of first.data) {
      const vector = item.embedding;
      assert.ok(Array.isArray(vector));
      assert.equal(vector.length, 8);
      assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-5);
    }
    assert.notDeepEqual(first.data[0]?.embedding, first.data[1]?.embedding);
  });

  it('honours dimensions and base64 (little-endian float32) encoding', async () => {
    const floats = await json<EmbeddingList>(await postJson(`${mock.url}/v1/embeddings`, { model: 'e', input: 'x', dimensions: 5 }));
    const encoded = await json<EmbeddingList>(
      await postJson(`${mock.url}/v1/embeddings`, { model: 'e', input: 'x', dimensions: 5, encoding_format: 'base64' }),
    );
    const text = encoded.data[0]?.embedding;
    assert.equal(typeof text, 'string');
    const bytes = Buffer.from(text as string, 'base64');
    assert.equal(bytes.length, 20);
    const decoded = Array.from({ length: 5 }, (_, i) => bytes.readFloatLE(i * 4));
    assert.deepEqual(decoded, floats.data[0]?.embedding);
  });

  it('lists models in the shape of the API asked', async () => {
    const openai = asRecord(await (await fetch(`${mock.url}/v1/models`)).json());
    assert.equal(openai['object'], 'list');
    const anthropic = asRecord(await (await fetch(`${mock.url}/v1/models`, { headers: ANTHROPIC })).json());
    assert.equal(anthropic['has_more'], false);
  });
});

describe('Anthropic messages', () => {
  it('answers in the Messages shape', async () => {
    const response = await postJson(
      `${mock.url}/v1/messages`,
      messagesBody('hello claude', { system: [{ type: 'text', text: 'be kind' }] }),
      { ...ANTHROPIC, 'x-api-key': 'k' },
    );
    assert.equal(response.status, 200);
    const body = await json<AnthropicMessage>(response);
    assert.equal(body.type, 'message');
    assert.equal(body.role, 'assistant');
    assert.equal(body.model, 'mock-claude');
    assert.match(body.id, /^msg_mock_\d+$/);
    assert.deepEqual(body.content, [{ type: 'text', text: 'Mock answer to: hello claude' }]);
    assert.equal(body.stop_reason, 'end_turn');
    assert.deepEqual(body.usage, { input_tokens: 4, output_tokens: 5 });
  });

  it('streams the real event sequence', async () => {
    const response = await postJson(`${mock.url}/v1/messages`, messagesBody('stream claude', { stream: true }), ANTHROPIC);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const events = parseSse(await response.text());
    for (const e of events) assert.equal(asRecord(JSON.parse(e.data))['type'], e.event, 'event name matches data.type');
    const names = events.map((e) => e.event);
    assert.deepEqual(names, [
      'message_start',
      'content_block_start',
      'ping',
      ...Array<string>(8).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const deltas = events.filter((e) => e.event === 'content_block_delta').map((e) => asRecord(asRecord(JSON.parse(e.data))['delta']));
    assert.ok(deltas.every((d) => d['type'] === 'text_delta'));
    assert.equal(deltas.map((d) => d['text']).join(''), 'Mock answer to: stream claude');
    const messageDelta = asRecord(JSON.parse(events.at(-2)?.data ?? ''));
    assert.equal(asRecord(messageDelta['delta'])['stop_reason'], 'end_turn');
    assert.equal(asRecord(messageDelta['usage'])['output_tokens'], 5);
  });

  it('answers with tool_use and streams input_json_delta', async () => {
    const tools = [{ name: 'search', description: 'd', input_schema: { type: 'object' } }];
    const plain = await json<AnthropicMessage>(await postJson(`${mock.url}/v1/messages`, messagesBody('find owls', { tools }), ANTHROPIC));
    assert.equal(plain.stop_reason, 'tool_use');
    assert.equal(plain.content[0]?.type, 'tool_use');
    assert.equal(plain.content[0]?.name, 'search');
    assert.deepEqual(plain.content[0]?.input, { query: 'find owls' });

    const response = await postJson(`${mock.url}/v1/messages`, messagesBody('find owls', { tools, stream: true }), ANTHROPIC);
    const events = parseSse(await response.text());
    const start = asRecord(asRecord(JSON.parse(events[1]?.data ?? ''))['content_block']);
    assert.equal(start['type'], 'tool_use');
    assert.equal(start['name'], 'search');
    assert.deepEqual(start['input'], {});
    const partial = events
      .filter((e) => e.event === 'content_block_delta')
      .map((e) => asRecord(asRecord(JSON.parse(e.data))['delta']))
      .map((d) => {
        assert.equal(d['type'], 'input_json_delta');
        return d['partial_json'];
      })
      .join('');
    assert.deepEqual(JSON.parse(partial), { query: 'find owls' });
    const messageDelta = asRecord(JSON.parse(events.at(-2)?.data ?? ''));
    assert.equal(asRecord(messageDelta['delta'])['stop_reason'], 'tool_use');
  });

  it('answers tool_result blocks with text', async () => {
    const body = await json<AnthropicMessage>(
      await postJson(
        `${mock.url}/v1/messages`,
        {
          model: 'c',
          max_tokens: 100,
          tools: [{ name: 'search', input_schema: { type: 'object' } }],
          messages: [
            { role: 'user', content: 'find owls' },
            { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'search', input: { query: 'owls' } }] },
            { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: '2 owls' }] }] },
          ],
        },
        ANTHROPIC,
      ),
    );
    assert.deepEqual(body.content, [{ type: 'text', text: 'Tool result received: 2 owls' }]);
  });

  it('reports max_tokens truncation as stop_reason max_tokens', async () => {
    const body = await json<AnthropicMessage>(await postJson(`${mock.url}/v1/messages`, messagesBody('a b c', { max_tokens: 2 }), ANTHROPIC));
    assert.equal(body.stop_reason, 'max_tokens');
    assert.deepEqual(body.content, [{ type: 'text', text: 'Mock answer' }]);
  });

  const invalid: Array<[string, Record<string, unknown>, Record<string, string>]> = [
    ['a missing max_tokens', { model: 'c', messages: [{ role: 'user', content: 'x' }] }, ANTHROPIC],
    ['a missing anthropic-version header', messagesBody('x'), {}],
    ['a system role inside messages', { model: 'c', max_tokens: 5, messages: [{ role: 'system', content: 'x' }] }, ANTHROPIC],
    [
      'tool_use input as a string',
      { model: 'c', max_tokens: 5, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'n', input: '{}' }] }] },
      ANTHROPIC,
    ],
    ['a tool without input_schema', messagesBody('x', { tools: [{ name: 'n' }] }), ANTHROPIC],
  ];
  for (const [name, body, headers] of invalid) {
    it(`rejects ${name} with an Anthropic-shaped 400`, async () => {
      const response = await postJson(`${mock.url}/v1/messages`, body, headers);
      assert.equal(response.status, 400);
      const error = await json<AnthropicErrorBody>(response);
      assert.equal(error.type, 'error');
      assert.equal(error.error.type, 'invalid_request_error');
    });
  }
});

describe('Azure OpenAI paths', () => {
  it('answers chat with the deployment as the model', async () => {
    const response = await postJson(
      `${mock.url}/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21`,
      { messages: [{ role: 'user', content: 'azure hello' }] },
      { 'api-key': 'azure-key' },
    );
    const body = await json<ChatCompletion>(response);
    assert.equal(body.model, 'my-gpt');
    assert.equal(body.choices[0]?.message.content, 'Mock answer to: azure hello');
    const seen = await stats();
    assert.equal(seen.last.headers['api-key'], 'azure-key');
    assert.deepEqual(seen.byModel, { 'my-gpt': 1 });
    assert.deepEqual(seen.byPath, { '/openai/deployments/my-gpt/chat/completions': 1 });
  });

  it('streams chat and answers embeddings', async () => {
    const streamed = await postJson(`${mock.url}/openai/deployments/d1/chat/completions?api-version=1`, {
      stream: true,
      messages: [{ role: 'user', content: 'x' }],
    });
    assert.ok(chunksOf(parseSse(await streamed.text())).every((c) => c.model === 'd1'));
    const embeddings = await json<EmbeddingList>(
      await postJson(`${mock.url}/openai/deployments/emb-dep/embeddings?api-version=1`, { input: 'x', dimensions: 3 }),
    );
    assert.equal(embeddings.model, 'emb-dep');
    assert.equal((embeddings.data[0]?.embedding as number[]).length, 3);
  });

  it('requires api-version', async () => {
    const response = await postJson(`${mock.url}/openai/deployments/d1/chat/completions`, chatBody('x'));
    assert.equal(response.status, 400);
    assert.ok((await json<OpenAIErrorBody>(response)).error.message.includes('api-version'));
  });
});

describe('routing errors', () => {
  it('answers unknown paths with 404 in the shape the caller speaks', async () => {
    const openai = await postJson(`${mock.url}/v1/nothing`, {});
    assert.equal(openai.status, 404);
    assert.equal(typeof (await json<OpenAIErrorBody>(openai)).error.message, 'string');
    const anthropic = await postJson(`${mock.url}/v1/nothing`, {}, ANTHROPIC);
    assert.equal(anthropic.status, 404);
    assert.equal((await json<AnthropicErrorBody>(anthropic)).error.type, 'not_found_error');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await fetch(`${mock.url}/v1/chat/completions`);
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
    assert.equal((await json<OpenAIErrorBody>(response)).error.type, 'invalid_request_error');
  });

  it('answers bad JSON with 400 and still records the request', async () => {
    const response = await fetch(`${mock.url}/v1/messages`, { method: 'POST', headers: ANTHROPIC, body: '{nope' });
    assert.equal(response.status, 400);
    assert.equal((await json<AnthropicErrorBody>(response)).error.type, 'invalid_request_error');
    const seen = await stats();
    assert.equal(seen.requests, 1);
    assert.equal(seen.last.body, null);
  });
});

describe('auth', () => {
  let locked: MockServer;
  before(async () => {
    locked = await startMockServer({ requireKey: 'upstream-key' });
  });
  after(async () => {
    await locked.close();
  });

  it('rejects missing or wrong keys in the provider shape', async () => {
    const openai = await postJson(`${locked.url}/v1/chat/completions`, chatBody('x'), { authorization: 'Bearer wrong' });
    assert.equal(openai.status, 401);
    assert.equal((await json<OpenAIErrorBody>(openai)).error.code, 'invalid_api_key');
    const anthropic = await postJson(`${locked.url}/v1/messages`, messagesBody('x'), ANTHROPIC);
    assert.equal(anthropic.status, 401);
    assert.equal((await json<AnthropicErrorBody>(anthropic)).error.type, 'authentication_error');
  });

  const accepted: Array<[string, Record<string, string>]> = [
    ['Authorization: Bearer', { authorization: 'Bearer upstream-key' }],
    ['x-api-key', { 'x-api-key': 'upstream-key' }],
    ['api-key', { 'api-key': 'upstream-key' }],
  ];
  for (const [name, headers] of accepted) {
    it(`accepts the key as ${name}`, async () => {
      const response = await postJson(`${locked.url}/v1/chat/completions`, chatBody('x'), headers);
      assert.equal(response.status, 200);
      await response.body?.cancel();
    });
  }
});

describe('stats', () => {
  it('records the last headers and body, per path and per model, not control calls', async () => {
    await (await postJson(`${mock.url}/v1/chat/completions`, chatBody('one'), { authorization: 'Bearer gateway-key' })).text();
    await (await postJson(`${mock.url}/v1/messages`, messagesBody('two'), { ...ANTHROPIC, 'x-api-key': 'anthropic-key' })).text();
    await (await fetch(`${mock.url}/v1/models`)).text();
    await stats();
    const seen = await stats();
    assert.equal(seen.requests, 3);
    assert.deepEqual(seen.byPath, { '/v1/chat/completions': 1, '/v1/messages': 1, '/v1/models': 1 });
    assert.deepEqual(seen.byModel, { 'mock-gpt': 1, 'mock-claude': 1 });
    assert.equal(seen.last.headers['x-api-key'], undefined, 'the models call carried no key');
    assert.equal(seen.last.body, null);
    assert.equal(seen.open, 0);
    assert.equal(seen.aborted, 0);
    await (await postJson(`${mock.url}/v1/messages`, messagesBody('two'), { ...ANTHROPIC, 'x-api-key': 'anthropic-key' })).text();
    const last = (await stats()).last;
    assert.equal(last.headers['x-api-key'], 'anthropic-key');
    assert.equal(last.headers['authorization'], undefined);
    assert.deepEqual(last.body, messagesBody('two'));
    assert.deepEqual(mock.stats().last.body, messagesBody('two'), 'the in-process accessor agrees');
  });

  it('reset clears counters and restarts ids', async () => {
    await (await postJson(`${mock.url}/v1/chat/completions`, chatBody('x'))).text();
    await (await postJson(`${mock.url}/_mock/reset`, {})).text();
    assert.equal((await stats()).requests, 0);
    const body = await json<ChatCompletion>(await postJson(`${mock.url}/v1/chat/completions`, chatBody('x')));
    assert.equal(body.id, 'chatcmpl-mock-1');
  });
});

describe('directives in the last user message', () => {
  it('mock:status answers that status in each provider shape', async () => {
    const openai = await postJson(`${mock.url}/v1/chat/completions`, chatBody('fail mock:status=500'));
    assert.equal(openai.status, 500);
    assert.equal((await json<OpenAIErrorBody>(openai)).error.type, 'server_error');
    const anthropic = await postJson(`${mock.url}/v1/messages`, messagesBody('fail mock:status=529', { stream: true }), ANTHROPIC);
    assert.equal(anthropic.status, 529);
    assert.equal((await json<AnthropicErrorBody>(anthropic)).error.type, 'overloaded_error');
    const embeddings = await postJson(`${mock.url}/v1/embeddings`, { model: 'e', input: ['a', 'mock:status=503'] });
    assert.equal(embeddings.status, 503);
    await embeddings.body?.cancel();
  });

  it('reads directives only from the last user message', async () => {
    const response = await postJson(`${mock.url}/v1/chat/completions`, {
      model: 'm',
      messages: [
        { role: 'user', content: 'mock:status=500' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: 'fine now' },
      ],
    });
    assert.equal(response.status, 200);
    await response.body?.cancel();
  });

  it('mock:retry-after sets Retry-After on a 429', async () => {
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:status=429 mock:retry-after=2'));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '2');
    assert.equal((await json<OpenAIErrorBody>(response)).error.type, 'rate_limit_error');
    const implied = await postJson(`${mock.url}/v1/messages`, messagesBody('mock:retry-after=1'), ANTHROPIC);
    assert.equal(implied.status, 429);
    assert.equal(implied.headers.get('retry-after'), '1');
    assert.equal((await json<AnthropicErrorBody>(implied)).error.type, 'rate_limit_error');
  });

  it('mock:stall sends nothing and counts the client giving up as aborted', async () => {
    const controller = new AbortController();
    const pending = postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:stall'), {}, controller.signal);
    await waitFor(async () => (await stats()).open === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await assert.rejects(pending);
    await waitFor(async () => {
      const seen = await stats();
      return seen.open === 0 && seen.aborted === 1;
    });
  });

  it('mock:stall-after sends that many chunks, then stays silent', async () => {
    const controller = new AbortController();
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:stall-after=3', { stream: true }), {}, controller.signal);
    assert.equal(response.status, 200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const text = await readUntil(reader, (t) => t.split('"content":"').length - 1 >= 4);
    const more = await Promise.race([reader.read().then(() => 'data'), new Promise((resolve) => setTimeout(resolve, 150, 'silence'))]);
    assert.equal(more, 'silence');
    // The role chunk carries content "" too, hence 1 + 3.
    assert.equal(contentOf(parseSse(text).map((e) => JSON.parse(e.data) as ChatChunk)).length, 3);
    controller.abort();
    await waitFor(async () => (await stats()).aborted === 1);
  });

  it('mock:break-after sends that many chunks, then destroys the socket', async () => {
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:break-after=3', { stream: true }));
    assert.equal(response.status, 200);
    const { text, error } = await readRaw(response);
    assert.ok(error !== undefined, 'the body fails');
    const events = parseSse(text);
    assert.ok(events.every((e) => e.data !== '[DONE]'));
    assert.equal(contentOf(events.map((e) => JSON.parse(e.data) as ChatChunk)).length, 3);
    const seen = await stats();
    assert.equal(seen.aborted, 0, 'a break by the mock is not a client abort');
    assert.equal(seen.open, 0);
  });

  it('mock:break-after also cuts Anthropic streams and non-streamed bodies', async () => {
    const streamed = await readRaw(await postJson(`${mock.url}/v1/messages`, messagesBody('mock:break-after=2', { stream: true }), ANTHROPIC));
    assert.ok(streamed.error !== undefined);
    const names = parseSse(streamed.text).map((e) => e.event);
    assert.deepEqual(names, ['message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_delta']);
    const plain = await postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:break-after=1'));
    assert.equal(plain.status, 200);
    await assert.rejects(plain.text());
  });

  it('mock:chunks sets the chunk count', async () => {
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:chunks=50', { stream: true }));
    assert.equal(contentOf(chunksOf(parseSse(await response.text()))).length, 50);
  });

  it('mock:chunk-delay-ms paces the chunks', async () => {
    const started = Date.now();
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:chunks=4 mock:chunk-delay-ms=40', { stream: true }));
    assert.equal(contentOf(chunksOf(parseSse(await response.text()))).length, 4);
    assert.ok(Date.now() - started >= 150, `took ${Date.now() - started} ms`);
  });

  it('mock:latency-ms delays the first byte', async () => {
    const started = Date.now();
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:latency-ms=150'));
    assert.ok(Date.now() - started >= 145, `took ${Date.now() - started} ms`);
    assert.equal(response.status, 200);
    await response.text();
  });

  it('mock:garbage answers 200 with a body that is not JSON', async () => {
    const plain = await postJson(`${mock.url}/v1/chat/completions`, chatBody('mock:garbage'));
    assert.equal(plain.status, 200);
    const text = await plain.text();
    assert.throws(() => JSON.parse(text), SyntaxError);
    const streamed = await postJson(`${mock.url}/v1/messages`, messagesBody('mock:garbage', { stream: true }), ANTHROPIC);
    assert.equal(streamed.status, 200);
    const events = parseSse(await streamed.text());
    assert.throws(() => JSON.parse(events[0]?.data ?? ''), SyntaxError);
  });

  it('mock:echo-headers names the auth headers that arrived, never their values', async () => {
    const body = await json<ChatCompletion>(
      await postJson(`${mock.url}/v1/chat/completions`, chatBody('who mock:echo-headers'), { authorization: 'Bearer secret-value' }),
    );
    const text = body.choices[0]?.message.content ?? '';
    assert.ok(text.includes('[auth headers: authorization]'), text);
    assert.ok(!text.includes('secret-value'));
    const none = await json<AnthropicMessage>(await postJson(`${mock.url}/v1/messages`, messagesBody('mock:echo-headers'), ANTHROPIC));
    assert.ok(none.content[0]?.text?.includes('[auth headers: none]'));
  });
});

describe('controls in the model name', () => {
  it('mock-status-503 fails, mock-garbage is not JSON', async () => {
    const failing = await postJson(`${mock.url}/v1/chat/completions`, { ...chatBody('x'), model: 'mock-status-503' });
    assert.equal(failing.status, 503);
    await failing.body?.cancel();
    const garbage = await postJson(`${mock.url}/v1/messages`, { ...messagesBody('x'), model: 'mock-garbage' }, ANTHROPIC);
    assert.equal(garbage.status, 200);
    const text = await garbage.text();
    assert.throws(() => JSON.parse(text), SyntaxError);
  });

  it('mock-status-429-retry-after-1 combines controls; Azure deployments count as models', async () => {
    const limited = await postJson(`${mock.url}/openai/deployments/mock-status-429-retry-after-1/chat/completions?api-version=1`, {
      messages: [{ role: 'user', content: 'x' }],
    });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '1');
    await limited.text();
  });

  it('mock-break-after-2 breaks the stream', async () => {
    const { text, error } = await readRaw(await postJson(`${mock.url}/v1/chat/completions`, { ...chatBody('x', { stream: true }), model: 'mock-break-after-2' }));
    assert.ok(error !== undefined);
    assert.equal(contentOf(parseSse(text).map((e) => JSON.parse(e.data) as ChatChunk)).length, 2);
  });

  it('mock-stall stalls', async () => {
    const controller = new AbortController();
    const pending = postJson(`${mock.url}/v1/chat/completions`, { ...chatBody('x'), model: 'mock-stall' }, {}, controller.signal);
    await waitFor(async () => (await stats()).open === 1);
    controller.abort();
    await assert.rejects(pending);
    await waitFor(async () => (await stats()).aborted === 1);
  });
});

describe('/_mock/config', () => {
  it('failNext fails the next requests in order, then recovers', async () => {
    const configured = await configure({ failNext: [{ status: 500 }, { status: 429, retryAfter: 3 }] });
    assert.equal(configured.status, 200);
    assert.equal(asRecord(await configured.json())['failNext'], 2);
    const first = await postJson(`${mock.url}/v1/chat/completions`, chatBody('x'));
    assert.equal(first.status, 500);
    await first.text();
    const second = await postJson(`${mock.url}/v1/messages`, messagesBody('x'), ANTHROPIC);
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), '3');
    assert.equal((await json<AnthropicErrorBody>(second)).error.type, 'rate_limit_error');
    const third = await postJson(`${mock.url}/v1/chat/completions`, chatBody('x'));
    assert.equal(third.status, 200);
    await third.text();
  });

  it('changes chunks and latency globally until reset', async () => {
    await (await configure({ chunks: 3, latencyMs: 60, chunkDelayMs: 0 })).text();
    const started = Date.now();
    const response = await postJson(`${mock.url}/v1/chat/completions`, chatBody('x', { stream: true }));
    assert.equal(contentOf(chunksOf(parseSse(await response.text()))).length, 3);
    assert.ok(Date.now() - started >= 55);
    await (await postJson(`${mock.url}/_mock/reset`, {})).text();
    const config = asRecord(await (await fetch(`${mock.url}/_mock/config`)).json());
    assert.deepEqual(config, { chunks: 8, chunkDelayMs: 0, latencyMs: 0, failNext: 0 });
  });

  it('rejects unknown keys and bad JSON', async () => {
    assert.equal((await configure({ latncyMs: 5 })).status, 400);
    const bad = await fetch(`${mock.url}/_mock/config`, { method: 'POST', body: '{' });
    assert.equal(bad.status, 400);
    await bad.text();
    const wrongMethod = await fetch(`${mock.url}/_mock/stats`, { method: 'POST' });
    assert.equal(wrongMethod.status, 405);
    await wrongMethod.text();
  });
});

describe('client disconnects and shutdown', () => {
  it('counts a client that aborts mid-stream and stops the pacing timer', async () => {
    const controller = new AbortController();
    const response = await postJson(
      `${mock.url}/v1/messages`,
      messagesBody('mock:chunks=100 mock:chunk-delay-ms=20', { stream: true }),
      ANTHROPIC,
      controller.signal,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await readUntil(reader, (t) => t.includes('content_block_delta'));
    assert.equal((await stats()).open, 1);
    controller.abort();
    await waitFor(async () => {
      const seen = await stats();
      return seen.aborted === 1 && seen.open === 0;
    });
  });

  it('close() returns promptly with a stalled request open', async () => {
    const server = await startMockServer();
    // Settled into a value at once: the rejection arrives while close() is still being awaited.
    const outcome = postJson(`${server.url}/v1/chat/completions`, chatBody('mock:stall')).then(
      () => 'answered',
      () => 'failed',
    );
    await waitFor(() => server.stats().open === 1);
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
    assert.equal(await outcome, 'failed');
    assert.equal(server.stats().open, 0);
    assert.equal(server.stats().aborted, 0, 'connections closed by shutdown are not client aborts');
  });

  it('close() returns promptly with a slow stream in flight', async () => {
    const server = await startMockServer({ chunkDelayMs: 1000 });
    const response = await postJson(`${server.url}/v1/chat/completions`, chatBody('x', { stream: true }));
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 1000);
    assert.ok((await readRaw(response)).error !== undefined);
  });

  it('validates options at start-up', async () => {
    await assert.rejects(startMockServer({ chunks: 0 }), RangeError);
    await assert.rejects(startMockServer({ requireKey: '' }), RangeError);
  });
});
