/**
 * Anthropic Messages streaming, both directions: decoding Anthropic's SSE events into canonical
 * chunks, and encoding canonical chunks as Anthropic SSE for Anthropic-format clients.
 *
 * Reference: https://docs.anthropic.com/en/docs/build-with-claude/streaming. An Anthropic stream
 * is `message_start`, then per content block `content_block_start`, deltas and
 * `content_block_stop`, then `message_delta` (stop reason, cumulative usage) and `message_stop`;
 * `ping` may appear anywhere and unknown event types must be tolerated.
 */
import type { ChatChunk, ChoiceDelta, FinishReason, ToolCallDelta, Usage } from '../canonical/types.js';
import { GatewayError, anthropicErrorBody } from '../errors.js';
import {
  finishReasonOf,
  messageIdOf,
  readInputCounters,
  readOutputTokens,
  stopReasonOf,
  usageOf,
  type InputCounters,
} from './anthropic-shared.js';
import { isObject, parseUpstreamJson, unixSeconds, upstream as u, type Writable } from './read.js';

const MAX_INT = Number.MAX_SAFE_INTEGER;

// ---------------------------------------------------------------------------------------------
// Decoding an upstream Anthropic stream
// ---------------------------------------------------------------------------------------------

/**
 * Creates a decoder for one upstream Anthropic stream. Feed it each SSE event's name and data
 * (SSE framing is the caller's); it returns the canonical chunks the event stands for, often none.
 *
 * Tool-use blocks get a running tool index (0, 1, ...) regardless of their block index, since
 * canonical tool indexes count tool calls, not content blocks. `message_delta` yields a chunk with
 * the finish reason and then a usage chunk: input tokens (including cached tokens) from
 * `message_start` unless `message_delta` restates them, output tokens from `message_delta`.
 *
 * @throws GatewayError PC_ERR_STREAM_BROKEN for an `error` event; PC_ERR_UPSTREAM_BAD_RESPONSE for
 *   data that cannot be read.
 */
export function createStreamDecoder(publicModel: string, now: () => number = Date.now): (event: string, data: string) => ChatChunk[] {
  let id = '';
  let upstreamModel: string | undefined;
  let created = -1;
  const counters: InputCounters = { input: 0, cacheCreation: 0, cacheRead: 0 };
  let outputTokens = 0;
  let nextToolIndex = 0;
  /** Content block index → canonical tool index, for tool_use blocks only. */
  const toolIndexOfBlock = new Map<number, number>();

  const chunk = (choices: readonly ChoiceDelta[], usage?: Usage): ChatChunk => {
    if (created < 0) created = unixSeconds(now);
    const c: Writable<ChatChunk> = { kind: 'chunk', id, model: publicModel, created, choices };
    if (upstreamModel !== undefined) c.upstreamModel = upstreamModel;
    if (usage !== undefined) c.usage = usage;
    return c;
  };
  const deltaChunk = (delta: ChoiceDelta['delta']): ChatChunk[] => [chunk([{ index: 0, delta }])];

  return function decodeAnthropicEvent(event: string, data: string): ChatChunk[] {
    if (event === 'ping') return [];
    const what = event === '' ? 'stream event' : `${event} event`;
    const b = u.object(parseUpstreamJson(data, what), what);
    // Without an `event:` line SSE calls the event "message"; the JSON `type` then says what it is.
    const type = event === '' || event === 'message' ? b['type'] : event;
    switch (type) {
      case 'message_start': {
        const m = u.object(b['message'], 'message');
        id = u.string(m, 'id', 'message');
        const model = u.optString(m, 'model', 'message');
        if (model !== undefined && model !== '') upstreamModel = model;
        created = unixSeconds(now);
        const usage = u.optObject(m, 'usage', 'message');
        if (usage !== undefined) {
          readInputCounters(usage, 'message.usage', counters);
          outputTokens = readOutputTokens(usage, 'message.usage') ?? 0;
        }
        return deltaChunk({ role: 'assistant', content: '' });
      }
      case 'content_block_start': {
        const index = u.optInt(b, 'index', '', 0, MAX_INT) ?? 0;
        const block = u.object(b['content_block'], 'content_block');
        if (block['type'] === 'text') {
          const text = u.optString(block, 'text', 'content_block') ?? '';
          return text === '' ? [] : deltaChunk({ content: text });
        }
        if (block['type'] !== 'tool_use') return []; // thinking, server tools: not canonical
        const toolIndex = nextToolIndex++;
        toolIndexOfBlock.set(index, toolIndex);
        const input = block['input'];
        // The input normally streams as input_json_delta after an empty `{}` here.
        const args = isObject(input) && Object.keys(input).length > 0 ? JSON.stringify(input) : '';
        return deltaChunk({
          toolCalls: [{ index: toolIndex, id: u.string(block, 'id', 'content_block'), name: u.string(block, 'name', 'content_block'), arguments: args }],
        });
      }
      case 'content_block_delta': {
        const delta = u.object(b['delta'], 'delta');
        if (delta['type'] === 'text_delta') {
          const text = u.string(delta, 'text', 'delta');
          return text === '' ? [] : deltaChunk({ content: text });
        }
        if (delta['type'] === 'input_json_delta') {
          // Deltas of blocks we skipped (server tools) have no tool index and are skipped too.
          const toolIndex = toolIndexOfBlock.get(u.optInt(b, 'index', '', 0, MAX_INT) ?? 0);
          const partial = u.string(delta, 'partial_json', 'delta');
          if (toolIndex === undefined || partial === '') return [];
          return deltaChunk({ toolCalls: [{ index: toolIndex, arguments: partial }] });
        }
        return []; // thinking_delta, signature_delta, citations_delta
      }
      case 'message_delta': {
        const delta = u.optObject(b, 'delta', '');
        const finish = delta === undefined ? null : finishReasonOf(delta['stop_reason'], 'delta.stop_reason');
        const usage = u.optObject(b, 'usage', '');
        if (usage !== undefined) {
          readInputCounters(usage, 'usage', counters);
          outputTokens = readOutputTokens(usage, 'usage') ?? outputTokens;
        }
        const usageChunk = chunk([], usageOf(counters, outputTokens));
        return finish === null ? [usageChunk] : [chunk([{ index: 0, delta: {}, finishReason: finish }]), usageChunk];
      }
      case 'error': {
        const e = b['error'];
        const errType = isObject(e) && typeof e['type'] === 'string' ? e['type'] : 'unknown';
        // The upstream's message is not logged: it may quote the prompt.
        throw new GatewayError('PC_ERR_STREAM_BROKEN', { detail: `upstream stream error: type=${errType}` });
      }
      default:
        // content_block_stop, message_stop and event types added later carry nothing canonical.
        return [];
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Encoding a canonical stream for Anthropic-format clients
// ---------------------------------------------------------------------------------------------

/** A stateful encoder of one canonical stream as Anthropic SSE frames. */
export interface AnthropicStreamEncoder {
  /** Frames for one canonical chunk (possibly none, then ''). */
  encode(chunk: ChatChunk): string;
  /** Closing frames: the open block's stop, `message_delta` with stop reason and usage, `message_stop`. */
  end(): string;
  /** An `event: error` frame. Ends the stream like `end()`. */
  error(err: GatewayError, requestId: string): string;
}

/** Used when a stream ends before any chunk arrived, so `message_start` still has values. */
export interface StreamEncoderDefaults {
  readonly id?: string;
  readonly model?: string;
}

function frame(event: string, data: object): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Creates an encoder from canonical chunks to Anthropic SSE. Only choice 0 is encoded. Because an
 * OpenAI upstream sends usage in a chunk after the finish reason, `message_delta` is written at
 * `end()`, not when the finish reason arrives. After `end()` or `error()` every call returns ''
 * (one terminal event, nothing after it).
 */
export function createStreamEncoder(defaults: StreamEncoderDefaults = {}): AnthropicStreamEncoder {
  let started = false;
  let finished = false;
  let nextBlock = 0;
  /** The open content block: its kind, and for tool blocks the canonical tool index. */
  let open: 'none' | 'text' | 'tool' = 'none';
  let openToolIndex = -1;
  const startedTools = new Set<number>();
  let finishReason: FinishReason | null = null;
  let usage: Usage | undefined;

  const messageStart = (id: string, model: string, inputTokens: number): string =>
    frame('message_start', {
      type: 'message_start',
      message: {
        id: messageIdOf(id),
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: 0 },
      },
    });

  const closeBlock = (): string => {
    if (open === 'none') return '';
    open = 'none';
    return frame('content_block_stop', { type: 'content_block_stop', index: nextBlock - 1 });
  };

  const encodeToolDelta = (d: ToolCallDelta, chunkId: string): string => {
    let out = '';
    if (open !== 'tool' || d.index !== openToolIndex) {
      // Anthropic blocks cannot be reopened; an upstream that interleaves calls cannot be relayed.
      if (startedTools.has(d.index)) throw new GatewayError('PC_ERR_UPSTREAM_BAD_RESPONSE', { detail: 'interleaved tool call deltas' });
      startedTools.add(d.index);
      out += closeBlock();
      open = 'tool';
      openToolIndex = d.index;
      out += frame('content_block_start', {
        type: 'content_block_start',
        index: nextBlock++,
        content_block: { type: 'tool_use', id: d.id ?? `toolu_${chunkId}_${d.index}`, name: d.name ?? '', input: {} },
      });
    }
    if (d.arguments !== undefined && d.arguments !== '') {
      out += frame('content_block_delta', { type: 'content_block_delta', index: nextBlock - 1, delta: { type: 'input_json_delta', partial_json: d.arguments } });
    }
    return out;
  };

  return {
    encode(chunk: ChatChunk): string {
      if (finished) return '';
      let out = '';
      if (!started) {
        started = true;
        out += messageStart(chunk.id, chunk.model, chunk.usage?.inputTokens ?? 0);
      }
      if (chunk.usage !== undefined) usage = chunk.usage;
      for (const c of chunk.choices) {
        if (c.index !== 0) continue;
        const text = c.delta.content;
        if (text !== undefined && text !== '') {
          if (open !== 'text') {
            out += closeBlock();
            open = 'text';
            out += frame('content_block_start', { type: 'content_block_start', index: nextBlock++, content_block: { type: 'text', text: '' } });
          }
          out += frame('content_block_delta', { type: 'content_block_delta', index: nextBlock - 1, delta: { type: 'text_delta', text } });
        }
        if (c.delta.toolCalls !== undefined) for (const d of c.delta.toolCalls) out += encodeToolDelta(d, chunk.id);
        if (c.finishReason !== undefined && c.finishReason !== null) finishReason = c.finishReason;
      }
      return out;
    },

    end(): string {
      if (finished) return '';
      finished = true;
      let out = '';
      if (!started) {
        started = true;
        out += messageStart(defaults.id ?? '', defaults.model ?? '', 0);
      }
      out += closeBlock();
      out += frame('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: stopReasonOf(finishReason), stop_sequence: null },
        usage: usage === undefined ? { output_tokens: 0 } : { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens },
      });
      out += frame('message_stop', { type: 'message_stop' });
      return out;
    },

    error(err: GatewayError, requestId: string): string {
      if (finished) return '';
      finished = true;
      return frame('error', anthropicErrorBody(err, requestId));
    },
  };
}
