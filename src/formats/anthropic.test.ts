import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ChatRequest, ChatResponse, FinishReason, ToolChoice } from '../canonical/types.js';
import { GatewayError, type ErrorCode } from '../errors.js';
import { decodeMessagesRequest, decodeMessagesResponse, encodeMessagesRequest, encodeMessagesResponse } from './anthropic.js';

const NOW = () => 1_700_000_000_000;

function assertCode(fn: () => unknown, code: ErrorCode): void {
  assert.throws(fn, (err: unknown) => err instanceof GatewayError && err.code === code);
}

const chat = (messages: ChatRequest['messages'], extra: Partial<ChatRequest> = {}): ChatRequest => ({
  kind: 'chat',
  model: 'pub',
  messages,
  stream: false,
  includeUsage: false,
  ...extra,
});

describe('decodeMessagesRequest', () => {
  it('decodes a full request with system blocks, images, tool use and tool results', () => {
    const body = {
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      system: [
        { type: 'text', text: 'You are a weather bot.' },
        { type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQSkZJRg==' } },
            { type: 'image', source: { type: 'url', url: 'https://upload.wikimedia.org/a.jpg' } },
            { type: 'text', text: 'Where is this, and what is the weather there?' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Looks like Paris. Checking.' },
            { type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { location: 'Paris' } },
            { type: 'tool_use', id: 'toolu_01B', name: 'get_time', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_01A', content: '18C' },
            { type: 'tool_result', tool_use_id: 'toolu_01B', content: [{ type: 'text', text: '14:00' }], is_error: false },
            { type: 'text', text: 'Thanks. Summarise.' },
          ],
        },
      ],
      tools: [
        { name: 'get_weather', description: 'Weather for a place', input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
        { type: 'custom', name: 'get_time', input_schema: { type: 'object', properties: {} } },
      ],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      stop_sequences: ['\n\nHuman:'],
      temperature: 0.5,
      top_p: 0.9,
      top_k: 40,
      metadata: { user_id: 'user-42' },
      stream: true,
    };
    const expected: ChatRequest = {
      kind: 'chat',
      model: 'claude-sonnet-4-5',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a weather bot.' }, { type: 'text', text: 'Be brief.' }] },
        {
          role: 'user',
          content: [
            { type: 'image', url: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==' },
            { type: 'image', url: 'https://upload.wikimedia.org/a.jpg' },
            { type: 'text', text: 'Where is this, and what is the weather there?' },
          ],
        },
        {
          role: 'assistant',
          content: [{ type: 'text', text: 'Looks like Paris. Checking.' }],
          toolCalls: [
            { id: 'toolu_01A', name: 'get_weather', arguments: '{"location":"Paris"}' },
            { id: 'toolu_01B', name: 'get_time', arguments: '{}' },
          ],
        },
        { role: 'tool', content: [{ type: 'text', text: '18C' }], toolCallId: 'toolu_01A' },
        { role: 'tool', content: [{ type: 'text', text: '14:00' }], toolCallId: 'toolu_01B' },
        { role: 'user', content: [{ type: 'text', text: 'Thanks. Summarise.' }] },
      ],
      maxTokens: 1024,
      stream: true,
      includeUsage: true,
      tools: [
        { name: 'get_weather', description: 'Weather for a place', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } },
        { name: 'get_time', parameters: { type: 'object', properties: {} } },
      ],
      toolChoice: { type: 'required' },
      parallelToolCalls: false,
      stop: ['\n\nHuman:'],
      temperature: 0.5,
      topP: 0.9,
      user: 'user-42',
    };
    assert.deepEqual(decodeMessagesRequest(body), expected);
  });

  it('keeps user text before and after tool results in order', () => {
    const req = decodeMessagesRequest({
      model: 'm',
      max_tokens: 5,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'before' },
            { type: 'tool_result', tool_use_id: 't1' },
            { type: 'text', text: 'after' },
          ],
        },
      ],
    });
    assert.deepEqual(req.messages, [
      { role: 'user', content: [{ type: 'text', text: 'before' }] },
      { role: 'tool', content: [], toolCallId: 't1' },
      { role: 'user', content: [{ type: 'text', text: 'after' }] },
    ]);
    assert.equal(req.stream, false);
    assert.equal(req.includeUsage, true);
  });

  it('decodes string content and a string system prompt', () => {
    const req = decodeMessagesRequest({ model: 'm', max_tokens: 5, system: 'sys', messages: [{ role: 'user', content: 'Hello, Claude' }, { role: 'assistant', content: 'Hi' }] });
    assert.deepEqual(req.messages, [
      { role: 'system', content: [{ type: 'text', text: 'sys' }] },
      { role: 'user', content: [{ type: 'text', text: 'Hello, Claude' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Hi' }] },
    ]);
  });

  const choices: [unknown, ToolChoice][] = [
    [{ type: 'auto' }, { type: 'auto' }],
    [{ type: 'any' }, { type: 'required' }],
    [{ type: 'none' }, { type: 'none' }],
    [{ type: 'tool', name: 'f' }, { type: 'tool', name: 'f' }],
  ];
  for (const [wire, canonical] of choices) {
    it(`maps tool_choice ${JSON.stringify(wire)}`, () => {
      const req = decodeMessagesRequest({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }], tool_choice: wire });
      assert.deepEqual(req.toolChoice, canonical);
      assert.equal(req.parallelToolCalls, undefined);
    });
  }

  const ok = { model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] };
  const userBlocks = (content: unknown) => ({ ...ok, messages: [{ role: 'user', content }] });
  const bad: [string, unknown][] = [
    ['non-object body', 'x'],
    ['missing model', { max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }],
    ['missing max_tokens', { model: 'm', messages: [{ role: 'user', content: 'x' }] }],
    ['zero max_tokens', { ...ok, max_tokens: 0 }],
    ['string max_tokens', { ...ok, max_tokens: '5' }],
    ['missing messages', { model: 'm', max_tokens: 5 }],
    ['empty messages', { ...ok, messages: [] }],
    ['bad role', { ...ok, messages: [{ role: 'tool', content: 'x' }] }],
    ['content number', userBlocks(1)],
    ['unknown block', userBlocks([{ type: 'document', source: { type: 'text', data: 'x', media_type: 'text/plain' } }])],
    ['text block without text', userBlocks([{ type: 'text' }])],
    ['image file source', userBlocks([{ type: 'image', source: { type: 'file', file_id: 'file_1' } }])],
    ['image base64 without data', userBlocks([{ type: 'image', source: { type: 'base64', media_type: 'image/png' } }])],
    ['image url not http', userBlocks([{ type: 'image', source: { type: 'url', url: 'ftp://x/y.png' } }])],
    ['tool_result without id', userBlocks([{ type: 'tool_result', content: 'x' }])],
    ['tool_result with document', userBlocks([{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'document' }] }])],
    ['tool_use without input', { ...ok, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f' }] }] }],
    ['system number', { ...ok, system: 5 }],
    ['system image block', { ...ok, system: [{ type: 'image' }] }],
    ['server tool', { ...ok, tools: [{ type: 'web_search_20250305', name: 'web_search' }] }],
    ['tool without input_schema', { ...ok, tools: [{ name: 'f' }] }],
    ['tool_choice unknown', { ...ok, tool_choice: { type: 'all' } }],
    ['tool_choice tool without name', { ...ok, tool_choice: { type: 'tool' } }],
    ['temperature above 1', { ...ok, temperature: 1.5 }],
    ['stop_sequences not strings', { ...ok, stop_sequences: [1] }],
    ['metadata user_id number', { ...ok, metadata: { user_id: 5 } }],
    ['stream string', { ...ok, stream: 'yes' }],
  ];
  for (const [name, body] of bad) {
    it(`rejects ${name} with PC_ERR_BAD_REQUEST`, () => assertCode(() => decodeMessagesRequest(body), 'PC_ERR_BAD_REQUEST'));
  }
});

describe('encodeMessagesResponse', () => {
  const res: ChatResponse = {
    kind: 'chat',
    id: 'chatcmpl-1',
    model: 'pub',
    upstreamModel: 'gpt-4o',
    created: 1,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: 'Checking.',
          toolCalls: [
            { id: 'call_1', name: 'get_weather', arguments: '{"location":"Paris"}' },
            { id: 'call_2', name: 'broken', arguments: '{"location":' },
          ],
        },
        finishReason: 'tool_calls',
      },
    ],
    usage: { inputTokens: 10, outputTokens: 20 },
  };

  it('encodes text, tool_use blocks (unparsable arguments become {}) and prefixes the id', () => {
    assert.deepEqual(encodeMessagesResponse(res), {
      id: 'msg_chatcmpl-1',
      type: 'message',
      role: 'assistant',
      model: 'pub',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { location: 'Paris' } },
        { type: 'tool_use', id: 'call_2', name: 'broken', input: {} },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 20 },
    });
  });

  it('keeps msg_ ids and sends zero usage when unknown', () => {
    const out = encodeMessagesResponse({ ...res, id: 'msg_01X', usage: undefined, choices: [{ index: 0, message: { role: 'assistant', content: null }, finishReason: 'stop' }] }) as Record<string, unknown>;
    assert.equal(out['id'], 'msg_01X');
    assert.deepEqual(out['content'], []);
    assert.deepEqual(out['usage'], { input_tokens: 0, output_tokens: 0 });
  });

  const reasons: [FinishReason | null, string][] = [
    ['stop', 'end_turn'],
    ['length', 'max_tokens'],
    ['tool_calls', 'tool_use'],
    ['content_filter', 'refusal'],
    [null, 'end_turn'],
  ];
  for (const [finish, stop] of reasons) {
    it(`maps finish reason ${String(finish)} to ${stop}`, () => {
      const out = encodeMessagesResponse({ ...res, choices: [{ index: 0, message: { role: 'assistant', content: 'x' }, finishReason: finish }] }) as Record<string, unknown>;
      assert.equal(out['stop_reason'], stop);
    });
  }
});

describe('encodeMessagesRequest', () => {
  it('hoists system messages, groups tool results and merges adjacent turns', () => {
    const req = chat(
      [
        { role: 'system', content: [{ type: 'text', text: 'sys one' }] },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        { role: 'user', content: [{ type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' }, { type: 'image', url: 'https://x/y.png', detail: 'high' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Calling.' }], toolCalls: [{ id: 'call_1', name: 'a', arguments: '{"x":1}' }, { id: 'call_2', name: 'b', arguments: 'oops' }] },
        { role: 'tool', toolCallId: 'call_1', content: [{ type: 'text', text: 'one' }] },
        { role: 'tool', toolCallId: 'call_2', content: [{ type: 'text', text: '' }] },
        { role: 'user', content: [{ type: 'text', text: 'And?' }] },
        { role: 'system', content: [{ type: 'text', text: 'sys two' }] },
        { role: 'assistant', content: [{ type: 'text', text: '' }] },
      ],
      {
        maxTokens: 300,
        temperature: 1.7,
        topP: 0.5,
        stop: ['STOP'],
        user: 'u1',
        stream: true,
        seed: 1,
        presencePenalty: 1,
        logprobs: true,
        tools: [{ name: 'a', description: 'A', parameters: { type: 'object' } }, { name: 'b', parameters: { type: 'object' } }],
        toolChoice: { type: 'required' },
      },
    );
    assert.deepEqual(encodeMessagesRequest(req, 'claude-sonnet-4-5-20250929', 4096), {
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 300,
      system: [
        { type: 'text', text: 'sys one' },
        { type: 'text', text: 'sys two' },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hi' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { type: 'url', url: 'https://x/y.png' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Calling.' },
            { type: 'tool_use', id: 'call_1', name: 'a', input: { x: 1 } },
            { type: 'tool_use', id: 'call_2', name: 'b', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: 'one' },
            { type: 'tool_result', tool_use_id: 'call_2' },
            { type: 'text', text: 'And?' },
          ],
        },
      ],
      tools: [
        { name: 'a', description: 'A', input_schema: { type: 'object' } },
        { name: 'b', input_schema: { type: 'object' } },
      ],
      tool_choice: { type: 'any' },
      stop_sequences: ['STOP'],
      temperature: 1,
      top_p: 0.5,
      metadata: { user_id: 'u1' },
      stream: true,
    });
  });

  it('moves tool results before text in a merged user turn and uses the default max_tokens', () => {
    const out = encodeMessagesRequest(
      chat([
        { role: 'assistant', content: [], toolCalls: [{ id: 't1', name: 'a', arguments: '{}' }] },
        { role: 'user', content: [{ type: 'text', text: 'note' }] },
        { role: 'tool', toolCallId: 't1', content: [{ type: 'text', text: 'r' }, { type: 'image', url: 'https://x/i.png' }] },
      ]),
      'c',
      2048,
    ) as Record<string, unknown>;
    assert.equal(out['max_tokens'], 2048);
    assert.deepEqual(out['messages'], [
      { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'a', input: {} }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'r' }, { type: 'image', source: { type: 'url', url: 'https://x/i.png' } }] },
          { type: 'text', text: 'note' },
        ],
      },
    ]);
  });

  const choices: [ToolChoice | undefined, boolean | undefined, unknown][] = [
    [{ type: 'auto' }, undefined, { type: 'auto' }],
    [{ type: 'none' }, false, { type: 'none' }],
    [{ type: 'required' }, false, { type: 'any', disable_parallel_tool_use: true }],
    [{ type: 'tool', name: 'f' }, true, { type: 'tool', name: 'f' }],
    [undefined, false, { type: 'auto', disable_parallel_tool_use: true }],
    [undefined, undefined, undefined],
  ];
  for (const [choice, parallel, wire] of choices) {
    it(`maps tool_choice ${JSON.stringify(choice)} with parallel ${String(parallel)}`, () => {
      const out = encodeMessagesRequest(
        chat([{ role: 'user', content: [{ type: 'text', text: 'x' }] }], { tools: [{ name: 'f', parameters: {} }], toolChoice: choice, parallelToolCalls: parallel }),
        'c',
        1,
      ) as Record<string, unknown>;
      assert.deepEqual(out['tool_choice'], wire);
    });
  }

  const unsupported: [string, Partial<ChatRequest>][] = [
    ['n > 1', { n: 2 }],
    ['json_object', { responseFormat: { type: 'json_object' } }],
    ['json_schema', { responseFormat: { type: 'json_schema', name: 's', schema: {} } }],
  ];
  for (const [name, extra] of unsupported) {
    it(`rejects ${name} with PC_ERR_UNSUPPORTED_OPERATION`, () => {
      assertCode(() => encodeMessagesRequest(chat([{ role: 'user', content: [{ type: 'text', text: 'x' }] }], extra), 'c', 1), 'PC_ERR_UNSUPPORTED_OPERATION');
    });
  }

  it('accepts n = 1 and a text response format', () => {
    assert.doesNotThrow(() => encodeMessagesRequest(chat([{ role: 'user', content: [{ type: 'text', text: 'x' }] }], { n: 1, responseFormat: { type: 'text' } }), 'c', 1));
  });

  it('rejects a data: URL that is not base64', () => {
    assertCode(() => encodeMessagesRequest(chat([{ role: 'user', content: [{ type: 'image', url: 'data:image/svg+xml,<svg/>' }] }]), 'c', 1), 'PC_ERR_BAD_REQUEST');
  });
});

describe('decodeMessagesResponse', () => {
  it('decodes a message with text and tool use, counting cached input tokens', () => {
    const body = {
      id: 'msg_01Aq9w938a90dw8q',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [
        { type: 'thinking', thinking: '...', signature: 'sig' },
        { type: 'text', text: 'I will check the weather.' },
        { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_weather', input: { location: 'San Francisco, CA' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 2095, cache_creation_input_tokens: 10, cache_read_input_tokens: 5, output_tokens: 503, service_tier: 'standard' },
    };
    assert.deepEqual(decodeMessagesResponse(body, 'pub', NOW), {
      kind: 'chat',
      id: 'msg_01Aq9w938a90dw8q',
      model: 'pub',
      created: 1_700_000_000,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'I will check the weather.', toolCalls: [{ id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_weather', arguments: '{"location":"San Francisco, CA"}' }] },
          finishReason: 'tool_calls',
        },
      ],
      upstreamModel: 'claude-sonnet-4-5-20250929',
      usage: { inputTokens: 2110, outputTokens: 503 },
    });
  });

  it('gives null content when the model only called tools', () => {
    const res = decodeMessagesResponse({ id: 'msg_1', content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }], stop_reason: 'tool_use', usage: { input_tokens: 1, output_tokens: 1 } }, 'p', NOW);
    assert.equal(res.choices[0]?.message.content, null);
  });

  const reasons: [unknown, FinishReason | null][] = [
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['pause_turn', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    [null, null],
  ];
  for (const [wire, canonical] of reasons) {
    it(`maps stop_reason ${String(wire)}`, () => {
      const res = decodeMessagesResponse({ id: 'msg_1', content: [{ type: 'text', text: 'x' }], stop_reason: wire }, 'p', NOW);
      assert.equal(res.choices[0]?.finishReason, canonical);
    });
  }

  const bad: [string, unknown][] = [
    ['not an object', []],
    ['no id', { content: [] }],
    ['no content', { id: 'msg_1' }],
    ['content not array', { id: 'msg_1', content: 'hi' }],
    ['text block without text', { id: 'msg_1', content: [{ type: 'text' }] }],
    ['tool_use input string', { id: 'msg_1', content: [{ type: 'tool_use', id: 't', name: 'f', input: '{}' }] }],
    ['stop_reason number', { id: 'msg_1', content: [], stop_reason: 3 }],
    ['usage tokens string', { id: 'msg_1', content: [], usage: { input_tokens: '3' } }],
  ];
  for (const [name, body] of bad) {
    it(`rejects upstream ${name}`, () => assertCode(() => decodeMessagesResponse(body, 'p', NOW), 'PC_ERR_UPSTREAM_BAD_RESPONSE'));
  }
});
