import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ChatChunk } from '../canonical/types.js';
import { GatewayError, type ErrorCode } from '../errors.js';
import { createStreamDecoder, createStreamEncoder } from './anthropic.js';

const NOW = () => 1_700_000_000_000;

function assertCode(fn: () => unknown, code: ErrorCode): void {
  assert.throws(fn, (err: unknown) => err instanceof GatewayError && err.code === code);
}

/** Splits Anthropic SSE text into [event, data] pairs, checking the framing on the way. */
function parseEvents(sse: string): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const frame of sse.split('\n\n')) {
    if (frame === '') continue;
    const m = /^event: ([a-z_]+)\ndata: (.*)$/s.exec(frame);
    assert.ok(m, `bad frame ${JSON.stringify(frame)}`);
    out.push([m[1] as string, JSON.parse(m[2] as string) as unknown]);
  }
  return out;
}

/** An Anthropic stream as the Messages API sends it: text, thinking (skipped), two tool calls. */
const UPSTREAM: [string, string][] = [
  ['message_start', '{"type":"message_start","message":{"id":"msg_014p7gG3wDgGV9EUtLvnow3U","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","stop_sequence":null,"usage":{"input_tokens":472,"cache_read_input_tokens":28,"output_tokens":2},"content":[],"stop_reason":null}}'],
  ['content_block_start', '{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}'],
  ['content_block_delta', '{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Weather lookup needed."}}'],
  ['content_block_delta', '{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQB"}}'],
  ['content_block_stop', '{"type":"content_block_stop","index":0}'],
  ['content_block_start', '{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}'],
  ['ping', '{"type": "ping"}'],
  ['content_block_delta', '{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Okay, let me"}}'],
  ['content_block_delta', '{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":" check."}}'],
  ['content_block_stop', '{"type":"content_block_stop","index":1}'],
  ['content_block_start', '{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6","name":"get_weather","input":{}}}'],
  ['content_block_delta', '{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":""}}'],
  ['content_block_delta', '{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\\"location\\":"}}'],
  ['content_block_delta', '{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":" \\"Paris\\"}"}}'],
  ['content_block_stop', '{"type":"content_block_stop","index":2}'],
  ['content_block_start', '{"type":"content_block_start","index":3,"content_block":{"type":"tool_use","id":"toolu_02","name":"get_time","input":{}}}'],
  ['content_block_delta', '{"type":"content_block_delta","index":3,"delta":{"type":"input_json_delta","partial_json":"{}"}}'],
  ['content_block_stop', '{"type":"content_block_stop","index":3}'],
  ['message_delta', '{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}'],
  ['message_stop', '{"type":"message_stop"}'],
];

describe('createStreamDecoder', () => {
  it('decodes a realistic Anthropic stream into canonical chunks', () => {
    const decode = createStreamDecoder('pub', NOW);
    const chunks = UPSTREAM.flatMap(([event, data]) => decode(event, data));
    const base = { kind: 'chunk', id: 'msg_014p7gG3wDgGV9EUtLvnow3U', model: 'pub', created: 1_700_000_000, upstreamModel: 'claude-sonnet-4-5-20250929' };
    assert.deepEqual(chunks, [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] },
      { ...base, choices: [{ index: 0, delta: { content: 'Okay, let me' } }] },
      { ...base, choices: [{ index: 0, delta: { content: ' check.' } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: '' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, arguments: '{"location":' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, arguments: ' "Paris"}' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 1, id: 'toolu_02', name: 'get_time', arguments: '' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 1, arguments: '{}' }] } }] },
      { ...base, choices: [{ index: 0, delta: {}, finishReason: 'tool_calls' }] },
      { ...base, choices: [], usage: { inputTokens: 500, outputTokens: 89 } },
    ]);
  });

  it('takes cumulative input tokens from message_delta when present', () => {
    const decode = createStreamDecoder('pub', NOW);
    decode('message_start', '{"type":"message_start","message":{"id":"msg_1","model":"c","usage":{"input_tokens":10,"output_tokens":1}}}');
    const out = decode('message_delta', '{"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":12,"output_tokens":7}}');
    assert.deepEqual(
      out.map((c) => [c.choices[0]?.finishReason, c.usage]),
      [
        ['length', undefined],
        [undefined, { inputTokens: 12, outputTokens: 7 }],
      ],
    );
  });

  it('reads the event type from the JSON when the SSE event has no name', () => {
    const decode = createStreamDecoder('pub', NOW);
    decode('message', '{"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":1}}}');
    const out = decode('', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}');
    assert.equal(out[0]?.choices[0]?.delta.content, 'hi');
  });

  it('ignores unknown events and deltas of server tool blocks', () => {
    const decode = createStreamDecoder('pub', NOW);
    assert.deepEqual(decode('some_future_event', '{"type":"some_future_event"}'), []);
    decode('content_block_start', '{"type":"content_block_start","index":0,"content_block":{"type":"server_tool_use","id":"srvtoolu_1","name":"web_search","input":{}}}');
    assert.deepEqual(decode('content_block_delta', '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"q\\":1}"}}'), []);
  });

  it('throws PC_ERR_STREAM_BROKEN on an error event', () => {
    const decode = createStreamDecoder('pub', NOW);
    assertCode(() => decode('error', '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'), 'PC_ERR_STREAM_BROKEN');
  });

  const bad: [string, string, string][] = [
    ['not JSON', 'content_block_delta', '{"type":'],
    ['not an object', 'message_start', '[]'],
    ['message_start without message', 'message_start', '{"type":"message_start"}'],
    ['message_start without id', 'message_start', '{"type":"message_start","message":{}}'],
    ['text_delta without text', 'content_block_delta', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta"}}'],
    ['tool_use without name', 'content_block_start', '{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","input":{}}}'],
    ['usage string', 'message_delta', '{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":"5"}}'],
  ];
  for (const [name, event, data] of bad) {
    it(`rejects upstream ${name}`, () => assertCode(() => createStreamDecoder('p', NOW)(event, data), 'PC_ERR_UPSTREAM_BAD_RESPONSE'));
  }
});

describe('createStreamEncoder', () => {
  const base = { kind: 'chunk', id: 'chatcmpl-42', model: 'pub', created: 1 } as const;

  it('encodes text then two tool calls as exact Anthropic frames, usage arriving after the finish', () => {
    const chunks: ChatChunk[] = [
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] },
      { ...base, choices: [{ index: 0, delta: { content: 'Let me ' } }] },
      { ...base, choices: [{ index: 0, delta: { content: 'check.' } }, { index: 1, delta: { content: 'ignored' } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, id: 'call_1', name: 'get_weather', arguments: '' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, arguments: '{"location":"Paris"}' }] } }] },
      { ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 1, id: 'call_2', name: 'get_time', arguments: '{}' }] } }] },
      { ...base, choices: [{ index: 0, delta: {}, finishReason: 'tool_calls' }] },
      { ...base, choices: [], usage: { inputTokens: 50, outputTokens: 30 } },
    ];
    const enc = createStreamEncoder();
    const perChunk = chunks.map((c) => enc.encode(c));
    const sse = perChunk.join('') + enc.end();
    const f = (event: string, data: object) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    const expected =
      f('message_start', {
        type: 'message_start',
        message: { id: 'msg_chatcmpl-42', type: 'message', role: 'assistant', model: 'pub', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 0, output_tokens: 0 } },
      }) +
      f('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }) +
      f('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Let me ' } }) +
      f('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'check.' } }) +
      f('content_block_stop', { type: 'content_block_stop', index: 0 }) +
      f('content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'call_1', name: 'get_weather', input: {} } }) +
      f('content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"location":"Paris"}' } }) +
      f('content_block_stop', { type: 'content_block_stop', index: 1 }) +
      f('content_block_start', { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'call_2', name: 'get_time', input: {} } }) +
      f('content_block_delta', { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{}' } }) +
      f('content_block_stop', { type: 'content_block_stop', index: 2 }) +
      f('message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 50, output_tokens: 30 } }) +
      f('message_stop', { type: 'message_stop' });
    assert.equal(sse, expected);
    // The finish and usage chunks write nothing themselves; end() does.
    assert.equal(perChunk[6], '');
    assert.equal(perChunk[7], '');
  });

  it('opens a new text block after a tool block', () => {
    const enc = createStreamEncoder();
    const sse =
      enc.encode({ ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, id: 't', name: 'f', arguments: '{}' }] } }] }) +
      enc.encode({ ...base, choices: [{ index: 0, delta: { content: 'done' }, finishReason: 'stop' }] }) +
      enc.end();
    assert.deepEqual(
      parseEvents(sse).map(([e, d]) => (e === 'content_block_start' ? `${e}:${(d as { content_block: { type: string } }).content_block.type}` : e)),
      ['message_start', 'content_block_start:tool_use', 'content_block_delta', 'content_block_stop', 'content_block_start:text', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop'],
    );
    assert.equal((parseEvents(sse)[7]?.[1] as { delta: { stop_reason: string } }).delta.stop_reason, 'end_turn');
  });

  it('still writes a whole message when the stream had no chunks', () => {
    const enc = createStreamEncoder({ id: 'msg_x', model: 'pub' });
    assert.deepEqual(
      parseEvents(enc.end()).map(([e]) => e),
      ['message_start', 'message_delta', 'message_stop'],
    );
  });

  it('writes an error frame, and nothing after a terminal event', () => {
    const enc = createStreamEncoder();
    enc.encode({ ...base, choices: [{ index: 0, delta: { content: 'x' } }] });
    const frame = enc.error(new GatewayError('PC_ERR_UPSTREAM_TIMEOUT', { detail: 'internal' }), 'req_9');
    assert.deepEqual(parseEvents(frame), [
      ['error', { type: 'error', error: { type: 'api_error', message: new GatewayError('PC_ERR_UPSTREAM_TIMEOUT').publicMessage, code: 'PC_ERR_UPSTREAM_TIMEOUT' }, request_id: 'req_9' }],
    ]);
    assert.equal(enc.encode({ ...base, choices: [{ index: 0, delta: { content: 'late' } }] }), '');
    assert.equal(enc.end(), '');
    assert.equal(enc.error(new GatewayError('PC_ERR_INTERNAL'), 'req_9'), '');
  });

  it('refuses tool call deltas that return to a closed call', () => {
    const enc = createStreamEncoder();
    enc.encode({ ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, id: 'a', name: 'f', arguments: '' }] } }] });
    enc.encode({ ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 1, id: 'b', name: 'g', arguments: '' }] } }] });
    assertCode(() => enc.encode({ ...base, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, arguments: '{}' }] } }] }), 'PC_ERR_UPSTREAM_BAD_RESPONSE');
  });
});
