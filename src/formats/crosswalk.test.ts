/**
 * Cross-format tests: requests that go OpenAI → canonical → Anthropic and back (and the reverse),
 * and whole exchanges driven by the official `openai` and `@anthropic-ai/sdk` clients against a
 * fake fetch, so the decoders see what the SDKs really send and the SDKs parse what the encoders
 * really write. Upstream streams are framed with eventsource-parser, as the gateway frames them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import Anthropic from '@anthropic-ai/sdk';
import { createParser } from 'eventsource-parser';
import OpenAI from 'openai';

import type { ChatChunk } from '../canonical/types.js';
import * as anthropic from './anthropic.js';
import * as openai from './openai.js';

const NOW = () => 1_700_000_000_000;

/** Frames SSE text into (event, data) pairs the way the gateway's upstream reader does. */
function sseEvents(text: string): { event: string; data: string }[] {
  const out: { event: string; data: string }[] = [];
  const parser = createParser({ onEvent: (e) => out.push({ event: e.event ?? '', data: e.data }) });
  parser.feed(text);
  return out;
}

function requestBody(init: RequestInit | undefined): unknown {
  assert.equal(typeof init?.body, 'string');
  return JSON.parse(init?.body as string) as unknown;
}

const sseResponse = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
const jsonResponse = (body: object) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('request round trips', () => {
  it('OpenAI → canonical → Anthropic → canonical → OpenAI keeps everything both can express', () => {
    const body = {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You are helpful.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What city is this? Then get its weather and time.' },
            { type: 'image_url', image_url: { url: 'https://example.com/city.jpg' } },
            { type: 'image_url', image_url: { url: 'data:image/webp;base64,UklGRg==' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '{"tz":"Europe/Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        { role: 'tool', tool_call_id: 'call_2', content: '14:00' },
        { role: 'user', content: 'Thanks!' },
      ],
      tools: [
        { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
        { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { tz: { type: 'string' } } } } },
      ],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      max_tokens: 256,
      temperature: 0.7,
      top_p: 0.9,
      stop: ['END'],
      user: 'u-1',
      stream: true,
      stream_options: { include_usage: true },
    };
    const canonical = openai.decodeChatRequest(body);
    const wire = anthropic.encodeMessagesRequest(canonical, 'claude-sonnet-4-5', 1024) as Record<string, unknown>;
    assert.deepEqual(wire['messages'], [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What city is this? Then get its weather and time.' },
          { type: 'image', source: { type: 'url', url: 'https://example.com/city.jpg' } },
          { type: 'image', source: { type: 'base64', media_type: 'image/webp', data: 'UklGRg==' } },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_2', name: 'get_time', input: { tz: 'Europe/Paris' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_1', content: 'sunny' },
          { type: 'tool_result', tool_use_id: 'call_2', content: '14:00' },
          { type: 'text', text: 'Thanks!' },
        ],
      },
    ]);
    const back = anthropic.decodeMessagesRequest(wire);
    assert.deepEqual(back, { ...canonical, model: 'claude-sonnet-4-5' });
    assert.deepEqual(openai.encodeChatRequest(back, 'gpt-4o', { maxTokensField: 'max_tokens' }), body);
  });

  it('Anthropic → canonical → OpenAI → canonical → Anthropic keeps everything both can express', () => {
    const body = {
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      system: [{ type: 'text', text: 'Answer in French.' }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'text', text: 'Describe, then look it up.' },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Je cherche.' },
            { type: 'tool_use', id: 'toolu_1', name: 'search', input: { q: 'tour eiffel', limit: 3 } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '3 results' },
            { type: 'text', text: 'Et alors ?' },
          ],
        },
      ],
      tools: [{ name: 'search', description: 'Web search', input_schema: { type: 'object', properties: { q: { type: 'string' }, limit: { type: 'integer' } } } }],
      tool_choice: { type: 'tool', name: 'search' },
      stop_sequences: ['FIN'],
      temperature: 0.3,
      top_p: 0.8,
      metadata: { user_id: 'u-2' },
      stream: true,
    };
    const canonical = anthropic.decodeMessagesRequest(body);
    const wire = openai.encodeChatRequest(canonical, 'gpt-4o');
    const back = openai.decodeChatRequest(wire);
    assert.deepEqual(back, { ...canonical, model: 'gpt-4o' });
    assert.deepEqual(anthropic.encodeMessagesRequest(back, 'claude-sonnet-4-5', 1), body);
  });
});

describe('responses across formats', () => {
  it('an OpenAI upstream answer with tool calls reaches an Anthropic client', () => {
    const upstream = {
      id: 'chatcmpl-B9',
      object: 'chat.completion',
      created: 1_700_000_100,
      model: 'gpt-4o-2024-08-06',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Checking.', tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }], refusal: null },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 40, completion_tokens: 12, total_tokens: 52 },
    };
    assert.deepEqual(anthropic.encodeMessagesResponse(openai.decodeChatResponse(upstream, 'pub', NOW)), {
      id: 'msg_chatcmpl-B9',
      type: 'message',
      role: 'assistant',
      model: 'pub',
      content: [
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'call_9', name: 'get_weather', input: { city: 'Oslo' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 40, output_tokens: 12 },
    });
  });

  it('an Anthropic upstream answer reaches an OpenAI client', () => {
    const upstream = {
      id: 'msg_01',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5-20250929',
      content: [{ type: 'text', text: 'Bonjour' }],
      stop_reason: 'max_tokens',
      stop_sequence: null,
      usage: { input_tokens: 9, output_tokens: 1 },
    };
    assert.deepEqual(openai.encodeChatResponse(anthropic.decodeMessagesResponse(upstream, 'pub', NOW)), {
      id: 'msg_01',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'pub',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Bonjour', refusal: null }, logprobs: null, finish_reason: 'length' }],
      usage: { prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 },
    });
  });
});

/** A streamed Anthropic upstream answer: text then one tool call. */
const ANTHROPIC_UPSTREAM_SSE = [
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_abc","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}\n\n',
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
  'event: ping\ndata: {"type": "ping"}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me "}}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"check."}}\n\n',
  'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
  'event: content_block_start\ndata: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_X","name":"get_weather","input":{}}}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": "}}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\\"Oslo\\"}"}}\n\n',
  'event: content_block_stop\ndata: {"type":"content_block_stop","index":1}\n\n',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":30}}\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
].join('');

/** A streamed OpenAI upstream answer: text then one tool call, usage last. */
const OPENAI_UPSTREAM_SSE = [
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}',
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"Let me "},"logprobs":null,"finish_reason":null}],"usage":null}',
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"check."},"logprobs":null,"finish_reason":null}],"usage":null}',
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_X","type":"function","function":{"name":"get_weather","arguments":""}}]},"logprobs":null,"finish_reason":null}],"usage":null}',
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\": "}}]},"logprobs":null,"finish_reason":null}],"usage":null}',
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Oslo\\"}"}}]},"logprobs":null,"finish_reason":null}],"usage":null}',
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}],"usage":null}',
  '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":25,"completion_tokens":30,"total_tokens":55}}',
  '[DONE]',
]
  .map((d) => `data: ${d}\n\n`)
  .join('');

describe('official SDK clients across formats', () => {
  it('an openai client streams from an Anthropic upstream, tool call and usage included', async () => {
    const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const canonical = openai.decodeChatRequest(requestBody(init));
      assert.equal(canonical.stream, true);
      assert.equal(canonical.includeUsage, true);
      const upstreamReq = anthropic.encodeMessagesRequest(canonical, 'claude-sonnet-4-5', 1024) as Record<string, unknown>;
      assert.equal(upstreamReq['stream'], true);
      assert.deepEqual(upstreamReq['tools'], [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }]);

      const decode = anthropic.createStreamDecoder(canonical.model, NOW);
      let out = '';
      for (const { event, data } of sseEvents(ANTHROPIC_UPSTREAM_SSE)) for (const chunk of decode(event, data)) out += openai.encodeChatChunk(chunk);
      return sseResponse(out + openai.STREAM_DONE);
    };
    const client = new OpenAI({ apiKey: 'test', baseURL: 'http://gateway.test/v1', fetch, maxRetries: 0 });
    const stream = client.chat.completions.stream({
      model: 'claude-via-gateway',
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    assert.equal(final.model, 'claude-via-gateway');
    assert.equal(final.choices[0]?.message.content, 'Let me check.');
    assert.deepEqual(
      final.choices[0]?.message.tool_calls?.map((c) => (c.type === 'function' ? [c.id, c.function.name, c.function.arguments] : [])),
      [['toolu_X', 'get_weather', '{"city": "Oslo"}']],
    );
    assert.equal(final.choices[0]?.finish_reason, 'tool_calls');
    assert.deepEqual(final.usage, { prompt_tokens: 25, completion_tokens: 30, total_tokens: 55 });
  });

  it('an Anthropic client streams from an OpenAI upstream, tool call and usage included', async () => {
    const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const canonical = anthropic.decodeMessagesRequest(requestBody(init));
      const upstreamReq = openai.encodeChatRequest(canonical, 'gpt-4o') as Record<string, unknown>;
      assert.deepEqual(upstreamReq['stream_options'], { include_usage: true });
      assert.equal(upstreamReq['max_completion_tokens'], 300);

      const decode = openai.createChunkDecoder(canonical.model, NOW);
      const encoder = anthropic.createStreamEncoder();
      let out = '';
      for (const { data } of sseEvents(OPENAI_UPSTREAM_SSE)) {
        const chunk: ChatChunk | 'done' | null = decode(data);
        if (chunk === 'done') break;
        if (chunk !== null) out += encoder.encode(chunk);
      }
      return sseResponse(out + encoder.end());
    };
    const client = new Anthropic({ apiKey: 'test', baseURL: 'http://gateway.test', fetch, maxRetries: 0 });
    const stream = client.messages.stream({
      model: 'gpt-via-gateway',
      max_tokens: 300,
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
      tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
    });
    const final = await stream.finalMessage();
    assert.equal(final.id, 'msg_chatcmpl-1');
    assert.equal(final.model, 'gpt-via-gateway');
    assert.deepEqual(
      final.content.map((b) => (b.type === 'text' ? b.text : b.type === 'tool_use' ? [b.id, b.name, b.input] : b.type)),
      ['Let me check.', ['call_X', 'get_weather', { city: 'Oslo' }]],
    );
    assert.equal(final.stop_reason, 'tool_use');
    assert.equal(final.usage.output_tokens, 30);
    assert.equal(final.usage.input_tokens, 25);
  });

  it('an Anthropic client sends images and tool results that an OpenAI upstream receives', async () => {
    let upstreamReq: unknown;
    const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const canonical = anthropic.decodeMessagesRequest(requestBody(init));
      upstreamReq = openai.encodeChatRequest(canonical, 'gpt-4o');
      const upstreamRes = { id: 'chatcmpl-2', object: 'chat.completion', created: 1, model: 'gpt-4o', choices: [{ index: 0, message: { role: 'assistant', content: 'A cat.' }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } };
      return jsonResponse(anthropic.encodeMessagesResponse(openai.decodeChatResponse(upstreamRes, canonical.model, NOW)));
    };
    const client = new Anthropic({ apiKey: 'test', baseURL: 'http://gateway.test', fetch, maxRetries: 0 });
    const message = await client.messages.create({
      model: 'gpt-via-gateway',
      max_tokens: 100,
      system: 'Be brief.',
      messages: [
        { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/gif', data: 'R0lGODlh' } }, { type: 'text', text: 'What is this?' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'zoom', input: { level: 2 } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'zoomed' }] },
      ],
      tools: [{ name: 'zoom', input_schema: { type: 'object' } }],
    });
    assert.deepEqual(
      message.content.map((b) => (b.type === 'text' ? b.text : b.type)),
      ['A cat.'],
    );
    assert.equal(message.stop_reason, 'end_turn');
    assert.deepEqual((upstreamReq as { messages: unknown }).messages, [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'data:image/gif;base64,R0lGODlh' } },
          { type: 'text', text: 'What is this?' },
        ],
      },
      { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'zoom', arguments: '{"level":2}' } }] },
      { role: 'tool', content: 'zoomed', tool_call_id: 'toolu_1' },
    ]);
  });

  it('an openai client gets embeddings through the codecs', async () => {
    const fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const canonical = openai.decodeEmbeddingsRequest(requestBody(init));
      const upstreamReq = openai.encodeEmbeddingsRequest(canonical, 'text-embedding-3-small') as Record<string, unknown>;
      const upstreamRes = {
        object: 'list',
        data: (upstreamReq['input'] as string[]).map((_, index) => ({ object: 'embedding', index, embedding: [index, 0.5] })),
        model: 'text-embedding-3-small',
        usage: { prompt_tokens: 4, total_tokens: 4 },
      };
      return jsonResponse(openai.encodeEmbeddingsResponse(openai.decodeEmbeddingsResponse(upstreamRes, canonical.model)));
    };
    const client = new OpenAI({ apiKey: 'test', baseURL: 'http://gateway.test/v1', fetch, maxRetries: 0 });
    const res = await client.embeddings.create({ model: 'embed', input: ['a', 'b'], encoding_format: 'float' });
    assert.deepEqual(
      res.data.map((d) => d.embedding),
      [
        [0, 0.5],
        [1, 0.5],
      ],
    );
    assert.equal(res.model, 'embed');
  });
});
