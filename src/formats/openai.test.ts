import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ChatChunk, ChatRequest, ChatResponse } from '../canonical/types.js';
import { GatewayError, type ErrorCode } from '../errors.js';
import {
  STREAM_DONE,
  createChunkDecoder,
  decodeChatRequest,
  decodeChatResponse,
  decodeEmbeddingsRequest,
  decodeEmbeddingsResponse,
  encodeChatChunk,
  encodeChatRequest,
  encodeChatResponse,
  encodeEmbeddingsRequest,
  encodeEmbeddingsResponse,
  encodeStreamError,
} from './openai.js';

const NOW = () => 1_700_000_000_000;

function assertCode(fn: () => unknown, code: ErrorCode): void {
  assert.throws(fn, (err: unknown) => err instanceof GatewayError && err.code === code);
}

/** Parses `data: {...}\n\n` frames back into JSON for comparison. */
function parseFrames(sse: string): unknown[] {
  return sse
    .split('\n\n')
    .filter((f) => f !== '')
    .map((f) => {
      assert.ok(f.startsWith('data: '), `frame ${f}`);
      const data = f.slice('data: '.length);
      return data === '[DONE]' ? '[DONE]' : (JSON.parse(data) as unknown);
    });
}

describe('decodeChatRequest', () => {
  it('decodes a full request with every supported field', () => {
    const body = {
      model: 'gpt-4o',
      messages: [
        { role: 'developer', content: 'Be terse.' },
        { role: 'system', content: [{ type: 'text', text: 'Part one. ' }, { type: 'text', text: 'Part two.' }] },
        {
          role: 'user',
          name: 'alice',
          content: [
            { type: 'text', text: 'What is in this image, and what is the weather in Paris?' },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'high' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_abc123', content: '{"temp_c":18}' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather',
            parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
            strict: true,
          },
        },
        { type: 'function', function: { name: 'no_args' } },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      max_tokens: 100,
      temperature: 0.2,
      top_p: 0.9,
      stop: 'END',
      n: 1,
      seed: 42,
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      logprobs: true,
      top_logprobs: 3,
      response_format: { type: 'json_schema', json_schema: { name: 'weather', schema: { type: 'object' }, strict: true } },
      user: 'user-1234',
      stream: true,
      stream_options: { include_usage: true },
      some_future_field: { ignored: true },
    };
    const expected: ChatRequest = {
      kind: 'chat',
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be terse.' }] },
        { role: 'system', content: [{ type: 'text', text: 'Part one. ' }, { type: 'text', text: 'Part two.' }] },
        {
          role: 'user',
          name: 'alice',
          content: [
            { type: 'text', text: 'What is in this image, and what is the weather in Paris?' },
            { type: 'image', url: 'https://example.com/cat.png', detail: 'high' },
            { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
          ],
        },
        { role: 'assistant', content: [], toolCalls: [{ id: 'call_abc123', name: 'get_weather', arguments: '{"location":"Paris"}' }] },
        { role: 'tool', content: [{ type: 'text', text: '{"temp_c":18}' }], toolCallId: 'call_abc123' },
      ],
      stream: true,
      includeUsage: true,
      tools: [
        { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
        { name: 'no_args', parameters: { type: 'object', properties: {} } },
      ],
      toolChoice: { type: 'tool', name: 'get_weather' },
      parallelToolCalls: false,
      maxTokens: 100,
      temperature: 0.2,
      topP: 0.9,
      stop: ['END'],
      n: 1,
      seed: 42,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      logprobs: true,
      topLogprobs: 3,
      responseFormat: { type: 'json_schema', name: 'weather', schema: { type: 'object' }, strict: true },
      user: 'user-1234',
    };
    assert.deepEqual(decodeChatRequest(body), expected);
  });

  it('decodes a minimal request and treats null as absent', () => {
    const req = decodeChatRequest({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: null,
      stop: null,
      tools: null,
      tool_choice: null,
      response_format: null,
      stream_options: null,
    });
    assert.deepEqual(req, { kind: 'chat', model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false, includeUsage: false });
  });

  const toolChoices: [unknown, ChatRequest['toolChoice']][] = [
    ['auto', { type: 'auto' }],
    ['none', { type: 'none' }],
    ['required', { type: 'required' }],
    [{ type: 'function', function: { name: 'f' } }, { type: 'tool', name: 'f' }],
  ];
  for (const [wire, canonical] of toolChoices) {
    it(`maps tool_choice ${JSON.stringify(wire)}`, () => {
      assert.deepEqual(decodeChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], tool_choice: wire }).toolChoice, canonical);
    });
  }

  it('prefers max_completion_tokens over max_tokens', () => {
    const req = decodeChatRequest({ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 10, max_completion_tokens: 20 });
    assert.equal(req.maxTokens, 20);
  });

  it('maps assistant refusal parts to text', () => {
    const req = decodeChatRequest({
      model: 'm',
      messages: [{ role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'refusal', refusal: 'no' }] }],
    });
    assert.deepEqual(req.messages[0]?.content, [
      { type: 'text', text: 'a' },
      { type: 'text', text: 'no' },
    ]);
  });

  const user = (content: unknown) => ({ model: 'm', messages: [{ role: 'user', content }] });
  const bad: [string, unknown][] = [
    ['non-object body', [1, 2]],
    ['missing model', { messages: [{ role: 'user', content: 'x' }] }],
    ['empty model', { model: '', messages: [{ role: 'user', content: 'x' }] }],
    ['numeric model', { model: 4, messages: [{ role: 'user', content: 'x' }] }],
    ['missing messages', { model: 'm' }],
    ['empty messages', { model: 'm', messages: [] }],
    ['messages not array', { model: 'm', messages: 'hi' }],
    ['message not object', { model: 'm', messages: ['hi'] }],
    ['unknown role', { model: 'm', messages: [{ role: 'robot', content: 'x' }] }],
    ['legacy function role', { model: 'm', messages: [{ role: 'function', name: 'f', content: 'x' }] }],
    ['legacy functions', { ...user('x'), functions: [{ name: 'f', parameters: {} }] }],
    ['legacy function_call', { ...user('x'), function_call: 'auto' }],
    ['assistant legacy function_call', { model: 'm', messages: [{ role: 'assistant', content: null, function_call: { name: 'f', arguments: '{}' } }] }],
    ['numeric content', user(5)],
    ['missing user content', { model: 'm', messages: [{ role: 'user' }] }],
    ['audio part', user([{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }])],
    ['text part without text', user([{ type: 'text' }])],
    ['image without url', user([{ type: 'image_url', image_url: {} }])],
    ['image file: url', user([{ type: 'image_url', image_url: { url: 'file:///etc/passwd' } }])],
    ['image bad detail', user([{ type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'ultra' } }])],
    ['image part in system', { model: 'm', messages: [{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'https://x' } }] }] }],
    ['tool without tool_call_id', { model: 'm', messages: [{ role: 'tool', content: 'x' }] }],
    ['tool_calls not array', { model: 'm', messages: [{ role: 'assistant', tool_calls: {} }] }],
    ['tool call arguments object', { model: 'm', messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: {} } }] }] }],
    ['custom tool call', { model: 'm', messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'custom', custom: { name: 'f', input: '' } }] }] }],
    ['tools not array', { ...user('x'), tools: {} }],
    ['custom tool', { ...user('x'), tools: [{ type: 'custom', custom: { name: 'f' } }] }],
    ['tool without name', { ...user('x'), tools: [{ type: 'function', function: {} }] }],
    ['tool parameters not object', { ...user('x'), tools: [{ type: 'function', function: { name: 'f', parameters: 'x' } }] }],
    ['tool_choice unknown string', { ...user('x'), tool_choice: 'always' }],
    ['tool_choice without name', { ...user('x'), tool_choice: { type: 'function', function: {} } }],
    ['temperature string', { ...user('x'), temperature: '0.5' }],
    ['temperature too high', { ...user('x'), temperature: 3 }],
    ['top_p too high', { ...user('x'), top_p: 1.5 }],
    ['max_tokens zero', { ...user('x'), max_tokens: 0 }],
    ['max_tokens fraction', { ...user('x'), max_tokens: 1.5 }],
    ['max_completion_tokens string', { ...user('x'), max_completion_tokens: '10' }],
    ['n zero', { ...user('x'), n: 0 }],
    ['seed fraction', { ...user('x'), seed: 1.5 }],
    ['penalty out of range', { ...user('x'), presence_penalty: 2.5 }],
    ['top_logprobs too high', { ...user('x'), top_logprobs: 21 }],
    ['logprobs string', { ...user('x'), logprobs: 'yes' }],
    ['stop number', { ...user('x'), stop: 5 }],
    ['stop array of numbers', { ...user('x'), stop: ['a', 1] }],
    ['response_format unknown', { ...user('x'), response_format: { type: 'xml' } }],
    ['json_schema without name', { ...user('x'), response_format: { type: 'json_schema', json_schema: { schema: {} } } }],
    ['user number', { ...user('x'), user: 7 }],
    ['stream string', { ...user('x'), stream: 'true' }],
    ['stream_options not object', { ...user('x'), stream: true, stream_options: true }],
    ['include_usage string', { ...user('x'), stream: true, stream_options: { include_usage: 'yes' } }],
    ['name number', { model: 'm', messages: [{ role: 'user', name: 3, content: 'x' }] }],
  ];
  for (const [name, body] of bad) {
    it(`rejects ${name} with PC_ERR_BAD_REQUEST`, () => assertCode(() => decodeChatRequest(body), 'PC_ERR_BAD_REQUEST'));
  }
});

describe('decodeEmbeddingsRequest', () => {
  it('decodes a single string', () => {
    assert.deepEqual(decodeEmbeddingsRequest({ model: 'text-embedding-3-small', input: 'hello', dimensions: 256, encoding_format: 'base64', user: 'u' }), {
      kind: 'embed',
      model: 'text-embedding-3-small',
      input: ['hello'],
      singleInput: true,
      dimensions: 256,
      encodingFormat: 'base64',
      user: 'u',
    });
  });

  it('decodes an array of strings', () => {
    assert.deepEqual(decodeEmbeddingsRequest({ model: 'e', input: ['a', 'b'], encoding_format: 'float' }), {
      kind: 'embed',
      model: 'e',
      input: ['a', 'b'],
      singleInput: false,
      encodingFormat: 'float',
    });
  });

  const bad: [string, unknown][] = [
    ['missing model', { input: 'x' }],
    ['missing input', { model: 'e' }],
    ['token array', { model: 'e', input: [1, 2, 3] }],
    ['array of token arrays', { model: 'e', input: [[1, 2], [3]] }],
    ['empty string', { model: 'e', input: '' }],
    ['empty array', { model: 'e', input: [] }],
    ['empty string item', { model: 'e', input: ['a', ''] }],
    ['object item', { model: 'e', input: [{}] }],
    ['too many inputs', { model: 'e', input: new Array<string>(2049).fill('x') }],
    ['bad encoding_format', { model: 'e', input: 'x', encoding_format: 'int8' }],
    ['zero dimensions', { model: 'e', input: 'x', dimensions: 0 }],
  ];
  for (const [name, body] of bad) {
    it(`rejects ${name} with PC_ERR_BAD_REQUEST`, () => assertCode(() => decodeEmbeddingsRequest(body), 'PC_ERR_BAD_REQUEST'));
  }
});

const RESPONSE: ChatResponse = {
  kind: 'chat',
  id: 'chatcmpl-1',
  model: 'public-model',
  upstreamModel: 'gpt-4o-2024-08-06',
  created: 1_700_000_000,
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: null, toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"location":"Paris"}' }] },
      finishReason: 'tool_calls',
    },
  ],
  usage: { inputTokens: 82, outputTokens: 17 },
};

describe('encodeChatResponse', () => {
  it('encodes a chat.completion with tool calls and never shows the upstream model', () => {
    assert.deepEqual(encodeChatResponse(RESPONSE), {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'public-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }],
            refusal: null,
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 82, completion_tokens: 17, total_tokens: 99 },
    });
  });

  it('omits tool_calls and usage when there are none', () => {
    const out = encodeChatResponse({ kind: 'chat', id: 'x', model: 'm', created: 1, choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finishReason: 'stop' }] });
    assert.deepEqual(out, {
      id: 'x',
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi', refusal: null }, logprobs: null, finish_reason: 'stop' }],
    });
  });
});

describe('encodeEmbeddingsResponse', () => {
  it('encodes a list', () => {
    assert.deepEqual(
      encodeEmbeddingsResponse({ kind: 'embed', model: 'e', upstreamModel: 'x', data: [{ index: 0, embedding: [0.1, -0.2] }, { index: 1, embedding: 'AAAA' }], usage: { inputTokens: 5, outputTokens: 0 } }),
      {
        object: 'list',
        data: [
          { object: 'embedding', index: 0, embedding: [0.1, -0.2] },
          { object: 'embedding', index: 1, embedding: 'AAAA' },
        ],
        model: 'e',
        usage: { prompt_tokens: 5, total_tokens: 5 },
      },
    );
  });
});

describe('encodeChatChunk', () => {
  const base = { kind: 'chunk', id: 'chatcmpl-9', model: 'pub', upstreamModel: 'up', created: 1_700_000_000 } as const;
  it('encodes role, content, tool call deltas and finish reason as exact frames', () => {
    const chunks: ChatChunk[] = [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] },
      { ...base, choices: [{ index: 0, delta: { content: 'Hel' } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, id: 'call_1', name: 'f', arguments: '' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, arguments: '{"a":1}' }] } }] },
      { ...base, choices: [{ index: 0, delta: {}, finishReason: 'tool_calls' }] },
      { ...base, choices: [], usage: { inputTokens: 3, outputTokens: 4 } },
    ];
    const head = '{"id":"chatcmpl-9","object":"chat.completion.chunk","created":1700000000,"model":"pub",';
    const expected = [
      `data: ${head}"choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}\n\n`,
      `data: ${head}"choices":[{"index":0,"delta":{"content":"Hel"},"logprobs":null,"finish_reason":null}]}\n\n`,
      `data: ${head}"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":""}}]},"logprobs":null,"finish_reason":null}]}\n\n`,
      `data: ${head}"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"a\\":1}"}}]},"logprobs":null,"finish_reason":null}]}\n\n`,
      `data: ${head}"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}]}\n\n`,
      `data: ${head}"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}\n\n`,
    ];
    assert.deepEqual(chunks.map(encodeChatChunk), expected);
    assert.equal(STREAM_DONE, 'data: [DONE]\n\n');
  });

  it('encodes an in-stream error with the public message and request id only', () => {
    const frame = encodeStreamError(new GatewayError('PC_ERR_STREAM_BROKEN', { detail: 'secret upstream detail' }), 'req_1');
    assert.ok(!frame.includes('secret'));
    assert.deepEqual(parseFrames(frame), [
      { error: { message: new GatewayError('PC_ERR_STREAM_BROKEN').publicMessage, type: 'api_error', code: 'PC_ERR_STREAM_BROKEN', param: null, request_id: 'req_1' } },
    ]);
  });
});

describe('encodeChatRequest', () => {
  const req: ChatRequest = {
    kind: 'chat',
    model: 'public',
    messages: [
      { role: 'system', content: [{ type: 'text', text: 'sys' }] },
      { role: 'user', name: 'bob', content: [{ type: 'text', text: 'look' }, { type: 'image', url: 'https://x/y.png', detail: 'low' }] },
      { role: 'assistant', content: [], toolCalls: [{ id: 'call_1', name: 'f', arguments: '{}' }] },
      { role: 'tool', toolCallId: 'call_1', content: [{ type: 'text', text: 'ok' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Do' }, { type: 'text', text: 'ne' }] },
    ],
    tools: [{ name: 'f', parameters: { type: 'object' } }],
    toolChoice: { type: 'required' },
    parallelToolCalls: true,
    maxTokens: 50,
    stop: ['x'],
    responseFormat: { type: 'json_object' },
    stream: true,
    includeUsage: false,
  };

  it('encodes messages, tools and always asks for usage when streaming', () => {
    assert.deepEqual(encodeChatRequest(req, 'gpt-4o-2024-08-06'), {
      model: 'gpt-4o-2024-08-06',
      messages: [
        { role: 'system', content: 'sys' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            { type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'low' } },
          ],
          name: 'bob',
        },
        { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', content: 'ok', tool_call_id: 'call_1' },
        { role: 'assistant', content: 'Done' },
      ],
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
      tool_choice: 'required',
      parallel_tool_calls: true,
      max_completion_tokens: 50,
      stop: ['x'],
      response_format: { type: 'json_object' },
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('can send max_tokens for servers that only know it, and drops tool_choice without tools', () => {
    const out = encodeChatRequest({ ...req, tools: undefined, stream: false }, 'm', { maxTokensField: 'max_tokens' }) as Record<string, unknown>;
    assert.equal(out['max_tokens'], 50);
    assert.equal(out['max_completion_tokens'], undefined);
    assert.equal(out['tool_choice'], undefined);
    assert.equal(out['parallel_tool_calls'], undefined);
    assert.equal(out['stream_options'], undefined);
  });

  it('rejects images where OpenAI has none', () => {
    const img = { type: 'image', url: 'https://x/y.png' } as const;
    assertCode(() => encodeChatRequest({ ...req, messages: [{ role: 'assistant', content: [img] }] }, 'm'), 'PC_ERR_UNSUPPORTED_OPERATION');
    assertCode(() => encodeChatRequest({ ...req, messages: [{ role: 'tool', toolCallId: 'c', content: [img] }] }, 'm'), 'PC_ERR_UNSUPPORTED_OPERATION');
  });
});

describe('embeddings outbound', () => {
  it('encodes single and batch inputs', () => {
    assert.deepEqual(encodeEmbeddingsRequest({ kind: 'embed', model: 'p', input: ['a'], singleInput: true, dimensions: 8 }, 'up'), { model: 'up', input: 'a', dimensions: 8 });
    assert.deepEqual(encodeEmbeddingsRequest({ kind: 'embed', model: 'p', input: ['a', 'b'], singleInput: false, encodingFormat: 'base64', user: 'u' }, 'up'), {
      model: 'up',
      input: ['a', 'b'],
      encoding_format: 'base64',
      user: 'u',
    });
  });

  it('decodes a list without copying vectors', () => {
    const vector = [0.0023064255, -0.009327292];
    const body = { object: 'list', data: [{ object: 'embedding', index: 0, embedding: vector }], model: 'text-embedding-3-small', usage: { prompt_tokens: 8, total_tokens: 8 } };
    const res = decodeEmbeddingsResponse(body, 'pub');
    assert.deepEqual(res, { kind: 'embed', model: 'pub', upstreamModel: 'text-embedding-3-small', data: [{ index: 0, embedding: vector }], usage: { inputTokens: 8, outputTokens: 0 } });
    assert.equal(res.data[0]?.embedding, vector);
  });

  const bad: [string, unknown][] = [
    ['not an object', 'x'],
    ['no data', { object: 'list' }],
    ['embedding not array', { data: [{ index: 0, embedding: 5 }] }],
    ['embedding with strings', { data: [{ index: 0, embedding: [0.1, 'x'] }] }],
    ['bad usage', { data: [], usage: { prompt_tokens: 'x' } }],
  ];
  for (const [name, body] of bad) {
    it(`rejects upstream ${name}`, () => assertCode(() => decodeEmbeddingsResponse(body, 'p'), 'PC_ERR_UPSTREAM_BAD_RESPONSE'));
  }
});

describe('decodeChatResponse', () => {
  it('decodes a chat.completion with tool calls', () => {
    const body = {
      id: 'chatcmpl-abc',
      object: 'chat.completion',
      created: 1_741_569_952,
      model: 'gpt-4.1-2025-04-14',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_x', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }],
            refusal: null,
            annotations: [],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 19, completion_tokens: 10, total_tokens: 29, prompt_tokens_details: { cached_tokens: 0 } },
      service_tier: 'default',
      system_fingerprint: 'fp_1',
    };
    assert.deepEqual(decodeChatResponse(body, 'pub', NOW), {
      kind: 'chat',
      id: 'chatcmpl-abc',
      model: 'pub',
      created: 1_741_569_952,
      choices: [{ index: 0, message: { role: 'assistant', content: null, toolCalls: [{ id: 'call_x', name: 'get_weather', arguments: '{"location":"Paris"}' }] }, finishReason: 'tool_calls' }],
      upstreamModel: 'gpt-4.1-2025-04-14',
      usage: { inputTokens: 19, outputTokens: 10 },
    });
  });

  it('turns a refusal into content and fills in a missing created', () => {
    const res = decodeChatResponse({ id: 'c', model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: 'I cannot help.' }, finish_reason: 'stop' }] }, 'pub', NOW);
    assert.equal(res.choices[0]?.message.content, 'I cannot help.');
    assert.equal(res.created, 1_700_000_000);
  });

  const finish: [unknown, string | null][] = [
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['function_call', 'tool_calls'],
    ['abort', 'stop'],
    [null, null],
  ];
  for (const [wire, canonical] of finish) {
    it(`maps finish_reason ${String(wire)}`, () => {
      const res = decodeChatResponse({ id: 'c', choices: [{ index: 0, message: { content: 'x' }, finish_reason: wire }] }, 'p', NOW);
      assert.equal(res.choices[0]?.finishReason, canonical);
    });
  }

  const bad: [string, unknown][] = [
    ['not an object', null],
    ['no choices', { id: 'c' }],
    ['choice not object', { id: 'c', choices: [1] }],
    ['no message', { id: 'c', choices: [{ index: 0 }] }],
    ['content number', { id: 'c', choices: [{ index: 0, message: { content: 5 } }] }],
    ['tool call without id', { id: 'c', choices: [{ index: 0, message: { tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{}' } }] } }] }],
    ['tool call arguments number', { id: 'c', choices: [{ index: 0, message: { tool_calls: [{ id: 'x', function: { name: 'f', arguments: 1 } }] } }] }],
    ['finish_reason number', { id: 'c', choices: [{ index: 0, message: { content: '' }, finish_reason: 1 }] }],
    ['negative usage', { id: 'c', choices: [], usage: { prompt_tokens: -1 } }],
  ];
  for (const [name, body] of bad) {
    it(`rejects upstream ${name}`, () => assertCode(() => decodeChatResponse(body, 'p', NOW), 'PC_ERR_UPSTREAM_BAD_RESPONSE'));
  }
});

describe('createChunkDecoder', () => {
  it('decodes a realistic upstream stream with text, tool calls and a usage chunk', () => {
    const head = '"id":"chatcmpl-7","object":"chat.completion.chunk","created":1700000001,"model":"gpt-4o-mini","system_fingerprint":"fp_1"';
    const events = [
      // Azure sends prompt filter results first, with no choices and no model.
      '{"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}]}',
      `{${head},"choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}`,
      `{${head},"choices":[{"index":0,"delta":{"content":"Let me check."},"logprobs":null,"finish_reason":null}],"usage":null}`,
      `{${head},"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}`,
      `{${head},"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"location\\":"}}]},"logprobs":null,"finish_reason":null}],"usage":null}`,
      `{${head},"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Paris\\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}`,
      `{${head},"choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}`,
      `{${head},"choices":[],"usage":{"prompt_tokens":80,"completion_tokens":20,"total_tokens":100}}`,
      '[DONE]',
    ];
    const decode = createChunkDecoder('pub', NOW);
    const out = events.map(decode);
    const base = { kind: 'chunk', id: 'chatcmpl-7', model: 'pub', created: 1_700_000_001, upstreamModel: 'gpt-4o-mini' };
    assert.deepEqual(out, [
      null,
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] },
      { ...base, choices: [{ index: 0, delta: { content: 'Let me check.' } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, id: 'call_1', name: 'get_weather', arguments: '' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, arguments: '{"location":' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, arguments: '"Paris"}' }] } }] },
      { ...base, choices: [{ index: 0, delta: {}, finishReason: 'tool_calls' }] },
      { ...base, choices: [], usage: { inputTokens: 80, outputTokens: 20 } },
      'done',
    ]);
  });

  it('throws PC_ERR_STREAM_BROKEN on an in-stream error object', () => {
    const decode = createChunkDecoder('pub', NOW);
    assertCode(() => decode('{"error":{"message":"The server had an error","type":"server_error","code":null}}'), 'PC_ERR_STREAM_BROKEN');
  });

  const bad: [string, string][] = [
    ['not JSON', '{"id":'],
    ['not an object', '"hello"'],
    ['choices not array', '{"id":"x","choices":{}}'],
    ['content number', '{"id":"x","choices":[{"index":0,"delta":{"content":1}}]}'],
    ['tool call id number', '{"id":"x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":5}]}}]}'],
  ];
  for (const [name, data] of bad) {
    it(`rejects upstream ${name}`, () => assertCode(() => createChunkDecoder('p', NOW)(data), 'PC_ERR_UPSTREAM_BAD_RESPONSE'));
  }
});
