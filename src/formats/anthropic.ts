/**
 * Anthropic Messages API wire format, both directions: decoding what clients send the gateway
 * (inbound) and encoding what the gateway sends Anthropic (outbound). The stream codecs live in
 * `anthropic-stream.ts` and are re-exported here.
 *
 * Reference: https://docs.anthropic.com/en/api/messages and .../messages-streaming.
 */
import type {
  ChatRequest,
  ChatResponse,
  ContentPart,
  ImagePart,
  Message,
  ToolCall,
  ToolChoice,
  ToolDefinition,
} from '../canonical/types.js';
import { GatewayError } from '../errors.js';
import {
  finishReasonOf,
  messageIdOf,
  readInputCounters,
  readOutputTokens,
  stopReasonOf,
  toolInputOf,
  usageOf,
  type InputCounters,
} from './anthropic-shared.js';
import {
  inbound as r,
  isImageUrl,
  isObject,
  splitBase64DataUrl,
  unixSeconds,
  upstream as u,
  type Json,
  type Writable,
} from './read.js';

export { createStreamDecoder, createStreamEncoder, type AnthropicStreamEncoder } from './anthropic-stream.js';

const MAX_INT = Number.MAX_SAFE_INTEGER;

// ---------------------------------------------------------------------------------------------
// Inbound: messages request
// ---------------------------------------------------------------------------------------------

/**
 * Decodes an Anthropic `POST /v1/messages` body into a canonical request.
 *
 * A user turn holding `tool_result` blocks becomes one canonical `tool` message per result, in
 * block order, with the turn's other blocks as user messages between them. `thinking` blocks in
 * assistant history are dropped (the canonical form has no reasoning content); `top_k`,
 * `thinking`, `cache_control`, citations and `is_error` are not modelled and are dropped.
 *
 * @throws GatewayError PC_ERR_BAD_REQUEST with a `detail` naming the offending field.
 */
export function decodeMessagesRequest(body: unknown): ChatRequest {
  const b = r.object(body, 'body');
  const model = r.string(b, 'model', '');
  if (model === '') r.fail('model', 'must not be empty');
  const maxTokens = r.optInt(b, 'max_tokens', '', 1, MAX_INT);
  if (maxTokens === undefined) return r.fail('max_tokens', 'required');

  const rawMessages = r.array(b['messages'], 'messages');
  if (rawMessages.length === 0) r.fail('messages', 'must not be empty');
  const messages: Message[] = [];
  const system = b['system'];
  if (system !== undefined && system !== null) messages.push({ role: 'system', content: decodeTextBlocks(system, 'system') });
  for (let i = 0; i < rawMessages.length; i++) decodeMessage(rawMessages[i], `messages[${i}]`, messages);

  const req: Writable<ChatRequest> = {
    kind: 'chat',
    model,
    messages,
    maxTokens,
    stream: r.optBool(b, 'stream', '') ?? false,
    // Usage is always part of an Anthropic stream.
    includeUsage: true,
  };

  const rawTools = r.optArray(b, 'tools', '');
  if (rawTools !== undefined) {
    const tools: ToolDefinition[] = new Array<ToolDefinition>(rawTools.length);
    for (let i = 0; i < rawTools.length; i++) tools[i] = decodeTool(rawTools[i], `tools[${i}]`);
    req.tools = tools;
  }
  const choice = r.optObject(b, 'tool_choice', '');
  if (choice !== undefined) {
    req.toolChoice = decodeToolChoice(choice);
    const disableParallel = r.optBool(choice, 'disable_parallel_tool_use', 'tool_choice');
    if (disableParallel !== undefined) req.parallelToolCalls = !disableParallel;
  }
  const stop = r.optArray(b, 'stop_sequences', '');
  if (stop !== undefined) {
    for (let i = 0; i < stop.length; i++) if (typeof stop[i] !== 'string') r.fail(`stop_sequences[${i}]`, 'expected a string');
    req.stop = stop as readonly string[];
  }
  const temperature = r.optNumber(b, 'temperature', '', 0, 1);
  if (temperature !== undefined) req.temperature = temperature;
  const topP = r.optNumber(b, 'top_p', '', 0, 1);
  if (topP !== undefined) req.topP = topP;
  const metadata = r.optObject(b, 'metadata', '');
  if (metadata !== undefined) {
    const user = r.optString(metadata, 'user_id', 'metadata');
    if (user !== undefined) req.user = user;
  }
  return req;
}

/** `system` and system-role content: a string or text blocks. */
function decodeTextBlocks(v: unknown, path: string): ContentPart[] {
  if (typeof v === 'string') return [{ type: 'text', text: v }];
  const blocks = r.array(v, path);
  const out: ContentPart[] = new Array<ContentPart>(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const block = r.object(blocks[i], `${path}[${i}]`);
    if (block['type'] !== 'text') r.fail(`${path}[${i}].type`, 'expected text');
    out[i] = { type: 'text', text: r.string(block, 'text', `${path}[${i}]`) };
  }
  return out;
}

/** Appends the canonical messages of one Anthropic message to `out`. */
function decodeMessage(v: unknown, path: string, out: Message[]): void {
  const m = r.object(v, path);
  const content = m['content'];
  switch (m['role']) {
    case 'user':
      if (typeof content === 'string') out.push({ role: 'user', content: [{ type: 'text', text: content }] });
      else decodeUserBlocks(r.array(content, `${path}.content`), `${path}.content`, out);
      return;
    case 'assistant':
      if (typeof content === 'string') out.push({ role: 'assistant', content: content === '' ? [] : [{ type: 'text', text: content }] });
      else out.push(decodeAssistantBlocks(r.array(content, `${path}.content`), `${path}.content`));
      return;
    case 'system':
      out.push({ role: 'system', content: decodeTextBlocks(content, `${path}.content`) });
      return;
    default:
      r.fail(`${path}.role`, 'expected user or assistant');
  }
}

function decodeUserBlocks(blocks: readonly unknown[], path: string, out: Message[]): void {
  let pending: ContentPart[] = [];
  let emitted = false;
  for (let i = 0; i < blocks.length; i++) {
    const bp = `${path}[${i}]`;
    const block = r.object(blocks[i], bp);
    switch (block['type']) {
      case 'text':
        pending.push({ type: 'text', text: r.string(block, 'text', bp) });
        break;
      case 'image':
        pending.push(decodeImageBlock(block, bp));
        break;
      case 'tool_result':
        if (pending.length > 0) {
          out.push({ role: 'user', content: pending });
          pending = [];
        }
        out.push({ role: 'tool', content: decodeToolResultContent(block['content'], `${bp}.content`), toolCallId: r.string(block, 'tool_use_id', bp) });
        emitted = true;
        break;
      default:
        // Documents, search results and server-tool blocks have no canonical form; dropping them
        // would change the question.
        r.fail(`${bp}.type`, 'expected text, image or tool_result');
    }
  }
  if (pending.length > 0 || !emitted) out.push({ role: 'user', content: pending });
}

function decodeToolResultContent(v: unknown, path: string): ContentPart[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [{ type: 'text', text: v }];
  const blocks = r.array(v, path);
  const out: ContentPart[] = new Array<ContentPart>(blocks.length);
  for (let i = 0; i < blocks.length; i++) {
    const bp = `${path}[${i}]`;
    const block = r.object(blocks[i], bp);
    if (block['type'] === 'text') out[i] = { type: 'text', text: r.string(block, 'text', bp) };
    else if (block['type'] === 'image') out[i] = decodeImageBlock(block, bp);
    else r.fail(`${bp}.type`, 'expected text or image');
  }
  return out;
}

function decodeImageBlock(block: Json, path: string): ImagePart {
  const source = r.object(block['source'], `${path}.source`);
  switch (source['type']) {
    case 'base64': {
      const mediaType = r.string(source, 'media_type', `${path}.source`);
      const data = r.string(source, 'data', `${path}.source`);
      return { type: 'image', url: `data:${mediaType};base64,${data}` };
    }
    case 'url': {
      const url = r.string(source, 'url', `${path}.source`);
      if (!isImageUrl(url) || url.startsWith('data:')) r.fail(`${path}.source.url`, 'expected an https: or http: URL');
      return { type: 'image', url };
    }
    default:
      return r.fail(`${path}.source.type`, 'expected base64 or url');
  }
}

function decodeAssistantBlocks(blocks: readonly unknown[], path: string): Message {
  const content: ContentPart[] = [];
  let calls: ToolCall[] | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const bp = `${path}[${i}]`;
    const block = r.object(blocks[i], bp);
    switch (block['type']) {
      case 'text':
        content.push({ type: 'text', text: r.string(block, 'text', bp) });
        break;
      case 'tool_use': {
        const input = r.object(block['input'], `${bp}.input`);
        (calls ??= []).push({ id: r.string(block, 'id', bp), name: r.string(block, 'name', bp), arguments: JSON.stringify(input) });
        break;
      }
      case 'thinking':
      case 'redacted_thinking':
        break;
      default:
        r.fail(`${bp}.type`, 'expected text or tool_use');
    }
  }
  return calls === undefined ? { role: 'assistant', content } : { role: 'assistant', content, toolCalls: calls };
}

function decodeTool(v: unknown, path: string): ToolDefinition {
  const t = r.object(v, path);
  const type = t['type'];
  // Server tools (web search, code execution, ...) run inside Anthropic; no other upstream has them.
  if (type !== undefined && type !== null && type !== 'custom') r.fail(`${path}.type`, 'only custom tools are supported');
  const name = r.string(t, 'name', path);
  if (name === '') r.fail(`${path}.name`, 'must not be empty');
  const parameters = r.object(t['input_schema'], `${path}.input_schema`);
  const description = r.optString(t, 'description', path);
  return description === undefined ? { name, parameters } : { name, description, parameters };
}

function decodeToolChoice(c: Json): ToolChoice {
  switch (c['type']) {
    case 'auto':
      return { type: 'auto' };
    case 'any':
      return { type: 'required' };
    case 'none':
      return { type: 'none' };
    case 'tool':
      return { type: 'tool', name: r.string(c, 'name', 'tool_choice') };
    default:
      return r.fail('tool_choice.type', 'expected auto, any, tool or none');
  }
}

// ---------------------------------------------------------------------------------------------
// Inbound: response to clients
// ---------------------------------------------------------------------------------------------

/**
 * Encodes choice 0 of a canonical answer as an Anthropic `message`. Usage is required by the
 * Anthropic shape, so unknown usage is sent as zeros.
 */
export function encodeMessagesResponse(res: ChatResponse): object {
  const choice = res.choices.find((c) => c.index === 0) ?? res.choices[0];
  const content: object[] = [];
  if (choice !== undefined) {
    const text = choice.message.content;
    if (text !== null && text !== '') content.push({ type: 'text', text });
    const calls = choice.message.toolCalls;
    if (calls !== undefined) for (const c of calls) content.push({ type: 'tool_use', id: c.id, name: c.name, input: toolInputOf(c.arguments) });
  }
  return {
    id: messageIdOf(res.id),
    type: 'message',
    role: 'assistant',
    model: res.model,
    content,
    stop_reason: stopReasonOf(choice?.finishReason),
    stop_sequence: null,
    usage: { input_tokens: res.usage?.inputTokens ?? 0, output_tokens: res.usage?.outputTokens ?? 0 },
  };
}

// ---------------------------------------------------------------------------------------------
// Outbound: request to Anthropic
// ---------------------------------------------------------------------------------------------

interface Turn {
  role: 'user' | 'assistant';
  content: object[];
  /** Whether a non-tool_result block precedes a tool_result block (needs reordering). */
  misordered: boolean;
}

/**
 * Encodes a canonical request for the Anthropic Messages API.
 *
 * System messages, wherever they are, become the top-level `system` (their position is lost).
 * Adjacent turns of one role are merged, since Anthropic requires alternation; in a merged user
 * turn `tool_result` blocks are moved before other blocks, as Anthropic requires. `temperature`
 * is capped at Anthropic's maximum of 1. `seed`, penalties and logprobs have no Anthropic
 * equivalent and are dropped.
 *
 * @throws GatewayError PC_ERR_UNSUPPORTED_OPERATION for `n` > 1 and for JSON response formats;
 *   PC_ERR_BAD_REQUEST for an image `data:` URL that is not base64.
 */
export function encodeMessagesRequest(req: ChatRequest, upstreamModel: string, defaultMaxTokens: number): object {
  if (req.n !== undefined && req.n > 1) throw new GatewayError('PC_ERR_UNSUPPORTED_OPERATION', { detail: 'n > 1 is not supported by Anthropic' });
  if (req.responseFormat !== undefined && req.responseFormat.type !== 'text') {
    // Silently dropping a JSON contract would hand the client prose where it expects JSON.
    throw new GatewayError('PC_ERR_UNSUPPORTED_OPERATION', { detail: `response_format ${req.responseFormat.type} is not supported by Anthropic` });
  }
  const system: object[] = [];
  const turns: Turn[] = [];
  for (const m of req.messages) {
    if (m.role === 'system') {
      for (const p of m.content) {
        if (p.type !== 'text') throw new GatewayError('PC_ERR_UNSUPPORTED_OPERATION', { detail: 'images in system messages are not supported by Anthropic' });
        if (p.text !== '') system.push({ type: 'text', text: p.text });
      }
      continue;
    }
    const role = m.role === 'assistant' ? 'assistant' : 'user';
    const blocks = m.role === 'tool' ? [encodeToolResult(m)] : encodeBlocks(m);
    if (blocks.length === 0) continue;
    const last = turns[turns.length - 1];
    if (last !== undefined && last.role === role) {
      if (m.role === 'tool' && last.content.some(isNotToolResult)) last.misordered = true;
      for (const block of blocks) last.content.push(block);
    } else {
      turns.push({ role, content: blocks, misordered: false });
    }
  }

  const messages = new Array<object>(turns.length);
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i] as Turn;
    messages[i] = { role: t.role, content: t.misordered ? toolResultsFirst(t.content) : t.content };
  }

  const out: Record<string, unknown> = { model: upstreamModel, max_tokens: req.maxTokens ?? defaultMaxTokens };
  if (system.length > 0) out['system'] = system;
  out['messages'] = messages;
  if (req.tools !== undefined && req.tools.length > 0) {
    out['tools'] = req.tools.map(encodeTool);
    const choice = encodeToolChoice(req.toolChoice, req.parallelToolCalls);
    if (choice !== undefined) out['tool_choice'] = choice;
  }
  if (req.stop !== undefined && req.stop.length > 0) out['stop_sequences'] = req.stop;
  if (req.temperature !== undefined) out['temperature'] = Math.min(req.temperature, 1);
  if (req.topP !== undefined) out['top_p'] = req.topP;
  if (req.user !== undefined) out['metadata'] = { user_id: req.user };
  if (req.stream) out['stream'] = true;
  return out;
}

function isNotToolResult(block: object): boolean {
  return (block as { type?: unknown }).type !== 'tool_result';
}

function toolResultsFirst(blocks: readonly object[]): object[] {
  const results: object[] = [];
  const others: object[] = [];
  for (const block of blocks) (isNotToolResult(block) ? others : results).push(block);
  return results.concat(others);
}

/** User and assistant content as blocks; empty text is dropped (Anthropic rejects empty text blocks). */
function encodeBlocks(m: Message): object[] {
  const out: object[] = [];
  for (const p of m.content) {
    if (p.type === 'text') {
      if (p.text !== '') out.push({ type: 'text', text: p.text });
    } else {
      if (m.role === 'assistant') throw new GatewayError('PC_ERR_UNSUPPORTED_OPERATION', { detail: 'images in assistant messages are not supported by Anthropic' });
      out.push(encodeImage(p));
    }
  }
  if (m.toolCalls !== undefined) {
    for (const c of m.toolCalls) out.push({ type: 'tool_use', id: c.id, name: c.name, input: toolInputOf(c.arguments) });
  }
  return out;
}

function encodeImage(p: ImagePart): object {
  if (!p.url.startsWith('data:')) return { type: 'image', source: { type: 'url', url: p.url } };
  const parsed = splitBase64DataUrl(p.url);
  if (parsed === undefined) throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: 'image data: URL is not base64' });
  return { type: 'image', source: { type: 'base64', media_type: parsed.mediaType, data: parsed.data } };
}

function encodeToolResult(m: Message): object {
  const block: Record<string, unknown> = { type: 'tool_result', tool_use_id: m.toolCallId ?? '' };
  let textOnly = true;
  for (const p of m.content) if (p.type !== 'text') textOnly = false;
  if (textOnly) {
    let text = '';
    for (const p of m.content) if (p.type === 'text') text += p.text;
    if (text !== '') block['content'] = text;
  } else {
    const content: object[] = [];
    for (const p of m.content) {
      if (p.type === 'image') content.push(encodeImage(p));
      else if (p.text !== '') content.push({ type: 'text', text: p.text });
    }
    block['content'] = content;
  }
  return block;
}

function encodeTool(t: ToolDefinition): object {
  return t.description === undefined ? { name: t.name, input_schema: t.parameters } : { name: t.name, description: t.description, input_schema: t.parameters };
}

function encodeToolChoice(choice: ToolChoice | undefined, parallel: boolean | undefined): object | undefined {
  // Anthropic carries "one tool call at most" on tool_choice, so a bare parallel_tool_calls:false
  // needs an explicit auto choice to travel.
  const disable = parallel === false;
  switch (choice?.type) {
    case undefined:
      return disable ? { type: 'auto', disable_parallel_tool_use: true } : undefined;
    case 'none':
      return { type: 'none' };
    case 'auto':
      return disable ? { type: 'auto', disable_parallel_tool_use: true } : { type: 'auto' };
    case 'required':
      return disable ? { type: 'any', disable_parallel_tool_use: true } : { type: 'any' };
    case 'tool':
      return disable ? { type: 'tool', name: choice.name, disable_parallel_tool_use: true } : { type: 'tool', name: choice.name };
  }
}

// ---------------------------------------------------------------------------------------------
// Outbound: response from Anthropic
// ---------------------------------------------------------------------------------------------

/**
 * Decodes an Anthropic `message`. Text blocks are concatenated; `tool_use` blocks become tool
 * calls; thinking and server-tool blocks are dropped. Input tokens include cached tokens.
 *
 * @throws GatewayError PC_ERR_UPSTREAM_BAD_RESPONSE when the body cannot be read.
 */
export function decodeMessagesResponse(body: unknown, publicModel: string, now: () => number = Date.now): ChatResponse {
  const b = u.object(body, 'response');
  const blocks = u.array(b['content'], 'content');
  let text = '';
  let hasText = false;
  let calls: ToolCall[] | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const bp = `content[${i}]`;
    const block = u.object(blocks[i], bp);
    if (block['type'] === 'text') {
      text += u.string(block, 'text', bp);
      hasText = true;
    } else if (block['type'] === 'tool_use') {
      const input = block['input'];
      if (!isObject(input)) u.fail(`${bp}.input`, 'expected an object');
      (calls ??= []).push({ id: u.string(block, 'id', bp), name: u.string(block, 'name', bp), arguments: JSON.stringify(input) });
    }
  }
  const message: Writable<ChatResponse['choices'][number]['message']> = {
    role: 'assistant',
    content: hasText ? text : calls === undefined ? '' : null,
  };
  if (calls !== undefined) message.toolCalls = calls;
  const res: Writable<ChatResponse> = {
    kind: 'chat',
    id: u.string(b, 'id', ''),
    model: publicModel,
    created: unixSeconds(now),
    choices: [{ index: 0, message, finishReason: finishReasonOf(b['stop_reason'], 'stop_reason') }],
  };
  const upstreamModel = u.optString(b, 'model', '');
  if (upstreamModel !== undefined && upstreamModel !== '') res.upstreamModel = upstreamModel;
  const usage = u.optObject(b, 'usage', '');
  if (usage !== undefined) {
    const counters: InputCounters = { input: 0, cacheCreation: 0, cacheRead: 0 };
    readInputCounters(usage, 'usage', counters);
    res.usage = usageOf(counters, readOutputTokens(usage, 'usage') ?? 0);
  }
  return res;
}
