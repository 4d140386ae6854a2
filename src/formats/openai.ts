/**
 * OpenAI Chat Completions and Embeddings wire format, both directions: decoding what clients send
 * the gateway (inbound) and encoding what the gateway sends an OpenAI-compatible upstream
 * (outbound; also used for Azure OpenAI, vLLM and similar servers).
 *
 * Reference: https://platform.openai.com/docs/api-reference/chat and .../embeddings.
 *
 * Legacy function calling (`functions`, `function_call`, role `function`) is rejected with
 * PC_ERR_BAD_REQUEST rather than mapped: a client that sends it expects `function_call` back, which
 * the canonical form cannot express, so mapping would only move the failure to the client.
 */
import { randomUUID } from 'node:crypto';

import type {
  ChatChunk,
  ChatRequest,
  ChatResponse,
  Choice,
  ChoiceDelta,
  ContentPart,
  EmbeddingsRequest,
  EmbeddingsResponse,
  Embedding,
  FinishReason,
  ImagePart,
  Message,
  ResponseFormat,
  ToolCall,
  ToolCallDelta,
  ToolChoice,
  ToolDefinition,
  Usage,
} from '../canonical/types.js';
import { GatewayError, openAIErrorBody } from '../errors.js';
import {
  inbound as r,
  isImageUrl,
  isObject,
  parseUpstreamJson,
  unixSeconds,
  upstream as u,
  type Json,
  type Writable,
} from './read.js';

// ---------------------------------------------------------------------------------------------
// Inbound: chat request
// ---------------------------------------------------------------------------------------------

/** OpenAI documents up to 2048 inputs per embeddings request. */
const MAX_EMBEDDING_INPUTS = 2048;
const MAX_INT = Number.MAX_SAFE_INTEGER;

/** A parameters schema for tools declared without one ("a function with an empty parameter list"). */
const EMPTY_PARAMETERS: Readonly<Record<string, unknown>> = Object.freeze({ type: 'object', properties: {} });

/**
 * Decodes an OpenAI `POST /v1/chat/completions` body into a canonical request.
 *
 * @throws GatewayError PC_ERR_BAD_REQUEST with a `detail` naming the offending field.
 */
export function decodeChatRequest(body: unknown): ChatRequest {
  const b = r.object(body, 'body');
  const model = r.string(b, 'model', '');
  if (model === '') r.fail('model', 'must not be empty');
  if (b['functions'] != null) r.fail('functions', 'legacy function calling is not supported; use tools');
  if (b['function_call'] != null) r.fail('function_call', 'legacy function calling is not supported; use tool_choice');

  const rawMessages = r.array(b['messages'], 'messages');
  if (rawMessages.length === 0) r.fail('messages', 'must not be empty');
  const messages: Message[] = new Array<Message>(rawMessages.length);
  for (let i = 0; i < rawMessages.length; i++) messages[i] = decodeMessage(rawMessages[i], `messages[${i}]`);

  const stream = r.optBool(b, 'stream', '') ?? false;
  const streamOptions = r.optObject(b, 'stream_options', '');
  const includeUsage = streamOptions === undefined ? false : (r.optBool(streamOptions, 'include_usage', 'stream_options') ?? false);

  const req: Writable<ChatRequest> = { kind: 'chat', model, messages, stream, includeUsage };

  const rawTools = r.optArray(b, 'tools', '');
  if (rawTools !== undefined) {
    const tools: ToolDefinition[] = new Array<ToolDefinition>(rawTools.length);
    for (let i = 0; i < rawTools.length; i++) tools[i] = decodeTool(rawTools[i], `tools[${i}]`);
    req.tools = tools;
  }
  const toolChoice = decodeToolChoice(b['tool_choice']);
  if (toolChoice !== undefined) req.toolChoice = toolChoice;
  const parallel = r.optBool(b, 'parallel_tool_calls', '');
  if (parallel !== undefined) req.parallelToolCalls = parallel;

  // max_completion_tokens superseded max_tokens; when a client sends both, the newer one wins.
  const maxTokens = r.optInt(b, 'max_completion_tokens', '', 1, MAX_INT) ?? r.optInt(b, 'max_tokens', '', 1, MAX_INT);
  if (maxTokens !== undefined) req.maxTokens = maxTokens;
  const temperature = r.optNumber(b, 'temperature', '', 0, 2);
  if (temperature !== undefined) req.temperature = temperature;
  const topP = r.optNumber(b, 'top_p', '', 0, 1);
  if (topP !== undefined) req.topP = topP;
  const stop = decodeStop(b['stop']);
  if (stop !== undefined) req.stop = stop;
  const n = r.optInt(b, 'n', '', 1, 128);
  if (n !== undefined) req.n = n;
  const seed = r.optInt(b, 'seed', '', -MAX_INT, MAX_INT);
  if (seed !== undefined) req.seed = seed;
  const presencePenalty = r.optNumber(b, 'presence_penalty', '', -2, 2);
  if (presencePenalty !== undefined) req.presencePenalty = presencePenalty;
  const frequencyPenalty = r.optNumber(b, 'frequency_penalty', '', -2, 2);
  if (frequencyPenalty !== undefined) req.frequencyPenalty = frequencyPenalty;
  const logprobs = r.optBool(b, 'logprobs', '');
  if (logprobs !== undefined) req.logprobs = logprobs;
  const topLogprobs = r.optInt(b, 'top_logprobs', '', 0, 20);
  if (topLogprobs !== undefined) req.topLogprobs = topLogprobs;
  const responseFormat = decodeResponseFormat(b['response_format']);
  if (responseFormat !== undefined) req.responseFormat = responseFormat;
  const user = r.optString(b, 'user', '');
  if (user !== undefined) req.user = user;
  return req;
}

function decodeMessage(v: unknown, path: string): Message {
  const m = r.object(v, path);
  const role = m['role'];
  let msg: Writable<Message>;
  switch (role) {
    case 'system':
    case 'developer':
      msg = { role: 'system', content: decodeTextContent(m['content'], `${path}.content`) };
      break;
    case 'user':
      msg = { role: 'user', content: decodeUserContent(m['content'], `${path}.content`) };
      break;
    case 'assistant': {
      msg = { role: 'assistant', content: decodeAssistantContent(m['content'], `${path}.content`) };
      if (m['function_call'] != null) r.fail(`${path}.function_call`, 'legacy function calling is not supported; use tool_calls');
      const rawCalls = r.optArray(m, 'tool_calls', path);
      if (rawCalls !== undefined && rawCalls.length > 0) {
        const calls: ToolCall[] = new Array<ToolCall>(rawCalls.length);
        for (let i = 0; i < rawCalls.length; i++) calls[i] = decodeToolCall(rawCalls[i], `${path}.tool_calls[${i}]`);
        msg.toolCalls = calls;
      }
      break;
    }
    case 'tool':
      msg = { role: 'tool', content: decodeTextContent(m['content'], `${path}.content`), toolCallId: r.string(m, 'tool_call_id', path) };
      break;
    case 'function':
      return r.fail(`${path}.role`, 'legacy function messages are not supported; use tool');
    default:
      return r.fail(`${path}.role`, 'expected system, developer, user, assistant or tool');
  }
  const name = r.optString(m, 'name', path);
  if (name !== undefined) msg.name = name;
  return msg;
}

/** System, developer and tool messages: a string or text parts only. */
function decodeTextContent(v: unknown, path: string): ContentPart[] {
  if (typeof v === 'string') return [{ type: 'text', text: v }];
  const parts = r.array(v, path);
  const out: ContentPart[] = new Array<ContentPart>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = r.object(parts[i], `${path}[${i}]`);
    if (p['type'] !== 'text') r.fail(`${path}[${i}].type`, 'expected text');
    out[i] = { type: 'text', text: r.string(p, 'text', `${path}[${i}]`) };
  }
  return out;
}

function decodeUserContent(v: unknown, path: string): ContentPart[] {
  if (typeof v === 'string') return [{ type: 'text', text: v }];
  const parts = r.array(v, path);
  const out: ContentPart[] = new Array<ContentPart>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = r.object(parts[i], `${path}[${i}]`);
    switch (p['type']) {
      case 'text':
        out[i] = { type: 'text', text: r.string(p, 'text', `${path}[${i}]`) };
        break;
      case 'image_url':
        out[i] = decodeImagePart(p, `${path}[${i}]`);
        break;
      default:
        // input_audio and file parts have no canonical form; dropping them would change the question.
        r.fail(`${path}[${i}].type`, 'expected text or image_url');
    }
  }
  return out;
}

function decodeImagePart(p: Json, path: string): ImagePart {
  const image = r.object(p['image_url'], `${path}.image_url`);
  const url = r.string(image, 'url', `${path}.image_url`);
  if (!isImageUrl(url)) r.fail(`${path}.image_url.url`, 'expected an https:, http: or data: URL');
  const detail = image['detail'];
  if (detail === undefined || detail === null) return { type: 'image', url };
  if (detail !== 'auto' && detail !== 'low' && detail !== 'high') r.fail(`${path}.image_url.detail`, 'expected auto, low or high');
  return { type: 'image', url, detail };
}

/** Assistant history: null/absent when only tools were called; `refusal` parts become text. */
function decodeAssistantContent(v: unknown, path: string): ContentPart[] {
  if (v === undefined || v === null || v === '') return [];
  if (typeof v === 'string') return [{ type: 'text', text: v }];
  const parts = r.array(v, path);
  const out: ContentPart[] = new Array<ContentPart>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = r.object(parts[i], `${path}[${i}]`);
    if (p['type'] === 'text') out[i] = { type: 'text', text: r.string(p, 'text', `${path}[${i}]`) };
    else if (p['type'] === 'refusal') out[i] = { type: 'text', text: r.string(p, 'refusal', `${path}[${i}]`) };
    else r.fail(`${path}[${i}].type`, 'expected text or refusal');
  }
  return out;
}

function decodeToolCall(v: unknown, path: string): ToolCall {
  const c = r.object(v, path);
  const type = c['type'];
  if (type !== undefined && type !== 'function') r.fail(`${path}.type`, 'expected function');
  const fn = r.object(c['function'], `${path}.function`);
  return {
    id: r.string(c, 'id', path),
    name: r.string(fn, 'name', `${path}.function`),
    arguments: r.string(fn, 'arguments', `${path}.function`),
  };
}

function decodeTool(v: unknown, path: string): ToolDefinition {
  const t = r.object(v, path);
  if (t['type'] !== 'function') r.fail(`${path}.type`, 'expected function');
  const fn = r.object(t['function'], `${path}.function`);
  const name = r.string(fn, 'name', `${path}.function`);
  if (name === '') r.fail(`${path}.function.name`, 'must not be empty');
  const parameters = r.optObject(fn, 'parameters', `${path}.function`) ?? EMPTY_PARAMETERS;
  const description = r.optString(fn, 'description', `${path}.function`);
  return description === undefined ? { name, parameters } : { name, description, parameters };
}

const TOOL_CHOICE_AUTO: ToolChoice = Object.freeze({ type: 'auto' });
const TOOL_CHOICE_NONE: ToolChoice = Object.freeze({ type: 'none' });
const TOOL_CHOICE_REQUIRED: ToolChoice = Object.freeze({ type: 'required' });

function decodeToolChoice(v: unknown): ToolChoice | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === 'auto') return TOOL_CHOICE_AUTO;
  if (v === 'none') return TOOL_CHOICE_NONE;
  if (v === 'required') return TOOL_CHOICE_REQUIRED;
  if (!isObject(v) || v['type'] !== 'function') return r.fail('tool_choice', "expected 'auto', 'none', 'required' or a function choice");
  const fn = r.object(v['function'], 'tool_choice.function');
  return { type: 'tool', name: r.string(fn, 'name', 'tool_choice.function') };
}

function decodeStop(v: unknown): readonly string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  const list = r.array(v, 'stop');
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') r.fail(`stop[${i}]`, 'expected a string');
  return list as readonly string[];
}

const FORMAT_TEXT: ResponseFormat = Object.freeze({ type: 'text' });
const FORMAT_JSON_OBJECT: ResponseFormat = Object.freeze({ type: 'json_object' });

function decodeResponseFormat(v: unknown): ResponseFormat | undefined {
  if (v === undefined || v === null) return undefined;
  const f = r.object(v, 'response_format');
  switch (f['type']) {
    case 'text':
      return FORMAT_TEXT;
    case 'json_object':
      return FORMAT_JSON_OBJECT;
    case 'json_schema': {
      const js = r.object(f['json_schema'], 'response_format.json_schema');
      const name = r.string(js, 'name', 'response_format.json_schema');
      const schema = r.optObject(js, 'schema', 'response_format.json_schema') ?? {};
      const strict = r.optBool(js, 'strict', 'response_format.json_schema');
      return strict === undefined ? { type: 'json_schema', name, schema } : { type: 'json_schema', name, schema, strict };
    }
    default:
      return r.fail('response_format.type', 'expected text, json_object or json_schema');
  }
}

// ---------------------------------------------------------------------------------------------
// Inbound: embeddings request
// ---------------------------------------------------------------------------------------------

/**
 * Decodes an OpenAI `POST /v1/embeddings` body. Token-array inputs are rejected: guards scan
 * text, and token ids of an unknown tokenizer cannot be scanned.
 *
 * @throws GatewayError PC_ERR_BAD_REQUEST with a `detail` naming the offending field.
 */
export function decodeEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  const b = r.object(body, 'body');
  const model = r.string(b, 'model', '');
  if (model === '') r.fail('model', 'must not be empty');
  const raw = b['input'];
  let input: readonly string[];
  let singleInput: boolean;
  if (typeof raw === 'string') {
    if (raw === '') r.fail('input', 'must not be empty');
    input = [raw];
    singleInput = true;
  } else {
    const list = r.array(raw, 'input');
    if (list.length === 0) r.fail('input', 'must not be empty');
    if (list.length > MAX_EMBEDDING_INPUTS) r.fail('input', `at most ${MAX_EMBEDDING_INPUTS} inputs`);
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item === 'string') {
        if (item === '') r.fail(`input[${i}]`, 'must not be empty');
      } else if (typeof item === 'number' || Array.isArray(item)) {
        r.fail('input', 'token arrays are not supported; send text');
      } else {
        r.fail(`input[${i}]`, 'expected a string');
      }
    }
    input = list as readonly string[];
    singleInput = false;
  }
  const req: Writable<EmbeddingsRequest> = { kind: 'embed', model, input, singleInput };
  const dimensions = r.optInt(b, 'dimensions', '', 1, MAX_INT);
  if (dimensions !== undefined) req.dimensions = dimensions;
  const format = b['encoding_format'];
  if (format !== undefined && format !== null) {
    if (format !== 'float' && format !== 'base64') r.fail('encoding_format', 'expected float or base64');
    req.encodingFormat = format;
  }
  const user = r.optString(b, 'user', '');
  if (user !== undefined) req.user = user;
  return req;
}

// ---------------------------------------------------------------------------------------------
// Inbound: responses to clients
// ---------------------------------------------------------------------------------------------

interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

function encodeUsage(usage: Usage): WireUsage {
  return { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens };
}

function encodeToolCalls(calls: readonly ToolCall[]): object[] {
  const out = new Array<object>(calls.length);
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i] as ToolCall;
    out[i] = { id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } };
  }
  return out;
}

/** Encodes a canonical answer as an OpenAI `chat.completion` object. Usage is omitted when unknown. */
export function encodeChatResponse(res: ChatResponse): object {
  const choices = new Array<object>(res.choices.length);
  for (let i = 0; i < res.choices.length; i++) {
    const c = res.choices[i] as Choice;
    const message: Record<string, unknown> = { role: 'assistant', content: c.message.content };
    if (c.message.toolCalls !== undefined && c.message.toolCalls.length > 0) message['tool_calls'] = encodeToolCalls(c.message.toolCalls);
    message['refusal'] = null;
    choices[i] = { index: c.index, message, logprobs: null, finish_reason: c.finishReason };
  }
  const out: Record<string, unknown> = { id: res.id, object: 'chat.completion', created: res.created, model: res.model, choices };
  if (res.usage !== undefined) out['usage'] = encodeUsage(res.usage);
  return out;
}

/** Encodes canonical embeddings as an OpenAI embeddings `list`. */
export function encodeEmbeddingsResponse(res: EmbeddingsResponse): object {
  const data = new Array<object>(res.data.length);
  for (let i = 0; i < res.data.length; i++) {
    const e = res.data[i] as Embedding;
    data[i] = { object: 'embedding', index: e.index, embedding: e.embedding };
  }
  const out: Record<string, unknown> = { object: 'list', data, model: res.model };
  if (res.usage !== undefined) out['usage'] = { prompt_tokens: res.usage.inputTokens, total_tokens: res.usage.inputTokens + res.usage.outputTokens };
  return out;
}

/** The frame that ends an OpenAI stream. */
export const STREAM_DONE = 'data: [DONE]\n\n';

/**
 * Encodes one canonical chunk as an SSE frame carrying a `chat.completion.chunk`. A usage chunk
 * becomes `choices: []` plus `usage`, as OpenAI sends it with `stream_options.include_usage`.
 */
export function encodeChatChunk(chunk: ChatChunk): string {
  const choices = new Array<object>(chunk.choices.length);
  for (let i = 0; i < chunk.choices.length; i++) {
    const c = chunk.choices[i] as ChoiceDelta;
    const delta: Record<string, unknown> = {};
    if (c.delta.role !== undefined) delta['role'] = c.delta.role;
    if (c.delta.content !== undefined) delta['content'] = c.delta.content;
    if (c.delta.toolCalls !== undefined) delta['tool_calls'] = encodeToolCallDeltas(c.delta.toolCalls);
    choices[i] = { index: c.index, delta, logprobs: null, finish_reason: c.finishReason ?? null };
  }
  const out: Record<string, unknown> = { id: chunk.id, object: 'chat.completion.chunk', created: chunk.created, model: chunk.model, choices };
  if (chunk.usage !== undefined) out['usage'] = encodeUsage(chunk.usage);
  return `data: ${JSON.stringify(out)}\n\n`;
}

function encodeToolCallDeltas(deltas: readonly ToolCallDelta[]): object[] {
  const out = new Array<object>(deltas.length);
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i] as ToolCallDelta;
    const o: Record<string, unknown> = { index: d.index };
    if (d.id !== undefined) {
      o['id'] = d.id;
      o['type'] = 'function';
    }
    const fn: Record<string, unknown> = {};
    if (d.name !== undefined) fn['name'] = d.name;
    if (d.arguments !== undefined) fn['arguments'] = d.arguments;
    o['function'] = fn;
    out[i] = o;
  }
  return out;
}

/** An in-stream error frame for a stream whose headers are already sent. */
export function encodeStreamError(err: GatewayError, requestId: string): string {
  return `data: ${JSON.stringify(openAIErrorBody(err, requestId))}\n\n`;
}

// ---------------------------------------------------------------------------------------------
// Outbound: requests to an OpenAI-compatible upstream
// ---------------------------------------------------------------------------------------------

/** Options for {@link encodeChatRequest}. */
export interface EncodeChatRequestOptions {
  /**
   * Which field carries the output-token limit. OpenAI deprecated `max_tokens` (reasoning models
   * reject it) but many OpenAI-compatible servers only know `max_tokens`. Default:
   * `max_completion_tokens`.
   */
  readonly maxTokensField?: 'max_tokens' | 'max_completion_tokens';
}

/**
 * Encodes a canonical request for an OpenAI-compatible upstream. When streaming, usage is always
 * requested: the gateway meters every stream, whether or not the client asked for usage.
 *
 * @throws GatewayError PC_ERR_UNSUPPORTED_OPERATION for content OpenAI cannot carry (images in
 *   assistant or tool messages).
 */
export function encodeChatRequest(req: ChatRequest, upstreamModel: string, options: EncodeChatRequestOptions = {}): object {
  const messages = new Array<object>(req.messages.length);
  for (let i = 0; i < req.messages.length; i++) messages[i] = encodeMessage(req.messages[i] as Message);
  const out: Record<string, unknown> = { model: upstreamModel, messages };
  const hasTools = req.tools !== undefined && req.tools.length > 0;
  if (hasTools) {
    const tools = req.tools;
    const wire = new Array<object>(tools.length);
    for (let i = 0; i < tools.length; i++) {
      const t = tools[i] as ToolDefinition;
      const fn: Record<string, unknown> = { name: t.name };
      if (t.description !== undefined) fn['description'] = t.description;
      fn['parameters'] = t.parameters;
      wire[i] = { type: 'function', function: fn };
    }
    out['tools'] = wire;
    // OpenAI rejects tool_choice and parallel_tool_calls without tools.
    if (req.toolChoice !== undefined) out['tool_choice'] = encodeToolChoice(req.toolChoice);
    if (req.parallelToolCalls !== undefined) out['parallel_tool_calls'] = req.parallelToolCalls;
  }
  if (req.maxTokens !== undefined) out[options.maxTokensField ?? 'max_completion_tokens'] = req.maxTokens;
  if (req.temperature !== undefined) out['temperature'] = req.temperature;
  if (req.topP !== undefined) out['top_p'] = req.topP;
  if (req.stop !== undefined && req.stop.length > 0) out['stop'] = req.stop;
  if (req.n !== undefined) out['n'] = req.n;
  if (req.seed !== undefined) out['seed'] = req.seed;
  if (req.presencePenalty !== undefined) out['presence_penalty'] = req.presencePenalty;
  if (req.frequencyPenalty !== undefined) out['frequency_penalty'] = req.frequencyPenalty;
  if (req.logprobs !== undefined) out['logprobs'] = req.logprobs;
  if (req.topLogprobs !== undefined) out['top_logprobs'] = req.topLogprobs;
  if (req.responseFormat !== undefined) out['response_format'] = encodeResponseFormat(req.responseFormat);
  if (req.user !== undefined) out['user'] = req.user;
  if (req.stream) {
    out['stream'] = true;
    out['stream_options'] = { include_usage: true };
  }
  return out;
}

function encodeToolChoice(choice: ToolChoice): unknown {
  return choice.type === 'tool' ? { type: 'function', function: { name: choice.name } } : choice.type;
}

function encodeResponseFormat(f: ResponseFormat): object {
  if (f.type !== 'json_schema') return { type: f.type };
  const js: Record<string, unknown> = { name: f.name, schema: f.schema };
  if (f.strict !== undefined) js['strict'] = f.strict;
  return { type: 'json_schema', json_schema: js };
}

function encodeMessage(m: Message): object {
  const out: Record<string, unknown> = { role: m.role };
  switch (m.role) {
    case 'system':
    case 'tool':
      out['content'] = encodeTextOnly(m);
      if (m.role === 'tool') out['tool_call_id'] = m.toolCallId ?? '';
      break;
    case 'user':
      out['content'] = encodeUserContent(m.content);
      break;
    case 'assistant':
      // Assistant content as one string is the form every OpenAI-compatible server accepts.
      out['content'] = m.content.length === 0 ? null : encodeAssistantText(m);
      if (m.toolCalls !== undefined && m.toolCalls.length > 0) out['tool_calls'] = encodeToolCalls(m.toolCalls);
      break;
  }
  if (m.name !== undefined && m.role !== 'tool') out['name'] = m.name;
  return out;
}

function encodeTextOnly(m: Message): string | object[] {
  const parts = m.content;
  if (parts.length === 1 && parts[0]?.type === 'text') return parts[0].text;
  const out = new Array<object>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as ContentPart;
    if (p.type !== 'text') throw new GatewayError('PC_ERR_UNSUPPORTED_OPERATION', { detail: `images in ${m.role} messages are not supported by OpenAI` });
    out[i] = { type: 'text', text: p.text };
  }
  return out;
}

function encodeAssistantText(m: Message): string {
  let text = '';
  for (const p of m.content) {
    if (p.type !== 'text') throw new GatewayError('PC_ERR_UNSUPPORTED_OPERATION', { detail: 'images in assistant messages are not supported by OpenAI' });
    text += p.text;
  }
  return text;
}

function encodeUserContent(parts: readonly ContentPart[]): string | object[] {
  if (parts.length === 1 && parts[0]?.type === 'text') return parts[0].text;
  const out = new Array<object>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as ContentPart;
    if (p.type === 'text') out[i] = { type: 'text', text: p.text };
    else out[i] = { type: 'image_url', image_url: p.detail === undefined ? { url: p.url } : { url: p.url, detail: p.detail } };
  }
  return out;
}

/** Encodes a canonical embeddings request for an OpenAI-compatible upstream. */
export function encodeEmbeddingsRequest(req: EmbeddingsRequest, upstreamModel: string): object {
  const out: Record<string, unknown> = { model: upstreamModel, input: req.singleInput && req.input.length === 1 ? req.input[0] : req.input };
  if (req.dimensions !== undefined) out['dimensions'] = req.dimensions;
  if (req.encodingFormat !== undefined) out['encoding_format'] = req.encodingFormat;
  if (req.user !== undefined) out['user'] = req.user;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Outbound: responses from an OpenAI-compatible upstream
// ---------------------------------------------------------------------------------------------

function decodeFinishReason(v: unknown, path: string): FinishReason | null {
  switch (v) {
    case undefined:
    case null:
      return null;
    case 'stop':
    case 'length':
    case 'tool_calls':
    case 'content_filter':
      return v;
    case 'function_call':
      return 'tool_calls';
    default:
      // Compatible servers invent reasons (vLLM "abort", others "eos"); the answer did end.
      if (typeof v === 'string') return 'stop';
      return u.fail(path, 'expected a string');
  }
}

function decodeUsage(o: Json, path: string): Usage | undefined {
  const usage = u.optObject(o, 'usage', path);
  if (usage === undefined) return undefined;
  const p = path === '' ? 'usage' : `${path}.usage`;
  return {
    inputTokens: u.optInt(usage, 'prompt_tokens', p, 0, MAX_INT) ?? 0,
    outputTokens: u.optInt(usage, 'completion_tokens', p, 0, MAX_INT) ?? 0,
  };
}

/** Upstream text that is neither content nor absent: OpenAI puts refusals beside content. */
function contentOrRefusal(o: Json, path: string): string | null {
  const content = o['content'];
  if (typeof content === 'string') return content;
  if (content !== undefined && content !== null) return u.fail(`${path}.content`, 'expected a string or null');
  const refusal = o['refusal'];
  if (typeof refusal === 'string') return refusal;
  return null;
}

/**
 * Decodes an upstream `chat.completion` object. The result's `model` is `publicModel`; the
 * upstream's model id goes to `upstreamModel`. A refusal becomes the answer's content.
 *
 * @throws GatewayError PC_ERR_UPSTREAM_BAD_RESPONSE when the body cannot be read.
 */
export function decodeChatResponse(body: unknown, publicModel: string, now: () => number = Date.now): ChatResponse {
  const b = u.object(body, 'response');
  const rawChoices = u.array(b['choices'], 'choices');
  const choices: Choice[] = new Array<Choice>(rawChoices.length);
  for (let i = 0; i < rawChoices.length; i++) {
    const path = `choices[${i}]`;
    const c = u.object(rawChoices[i], path);
    const m = u.object(c['message'], `${path}.message`);
    const message: Writable<Choice['message']> = { role: 'assistant', content: contentOrRefusal(m, `${path}.message`) };
    const rawCalls = u.optArray(m, 'tool_calls', `${path}.message`);
    if (rawCalls !== undefined && rawCalls.length > 0) {
      const calls: ToolCall[] = new Array<ToolCall>(rawCalls.length);
      for (let j = 0; j < rawCalls.length; j++) calls[j] = decodeUpstreamToolCall(rawCalls[j], `${path}.message.tool_calls[${j}]`);
      message.toolCalls = calls;
    }
    choices[i] = { index: u.optInt(c, 'index', path, 0, MAX_INT) ?? i, message, finishReason: decodeFinishReason(c['finish_reason'], `${path}.finish_reason`) };
  }
  const res: Writable<ChatResponse> = {
    kind: 'chat',
    id: u.optString(b, 'id', '') ?? `chatcmpl-${randomUUID()}`,
    model: publicModel,
    created: u.optInt(b, 'created', '', 0, MAX_INT) ?? unixSeconds(now),
    choices,
  };
  const upstreamModel = u.optString(b, 'model', '');
  if (upstreamModel !== undefined && upstreamModel !== '') res.upstreamModel = upstreamModel;
  const usage = decodeUsage(b, '');
  if (usage !== undefined) res.usage = usage;
  return res;
}

function decodeUpstreamToolCall(v: unknown, path: string): ToolCall {
  const c = u.object(v, path);
  const fn = u.object(c['function'], `${path}.function`);
  const args = fn['arguments'];
  return {
    id: u.string(c, 'id', path),
    name: u.string(fn, 'name', `${path}.function`),
    // Some compatible servers send the arguments as an object rather than JSON text.
    arguments: typeof args === 'string' ? args : isObject(args) ? JSON.stringify(args) : u.fail(`${path}.function.arguments`, 'expected a string'),
  };
}

/**
 * Decodes an upstream embeddings `list`.
 *
 * @throws GatewayError PC_ERR_UPSTREAM_BAD_RESPONSE when the body cannot be read.
 */
export function decodeEmbeddingsResponse(body: unknown, publicModel: string): EmbeddingsResponse {
  const b = u.object(body, 'response');
  const rawData = u.array(b['data'], 'data');
  const data: Embedding[] = new Array<Embedding>(rawData.length);
  for (let i = 0; i < rawData.length; i++) {
    const path = `data[${i}]`;
    const e = u.object(rawData[i], path);
    const embedding = e['embedding'];
    if (Array.isArray(embedding)) {
      for (let j = 0; j < embedding.length; j++) if (typeof embedding[j] !== 'number') u.fail(`${path}.embedding[${j}]`, 'expected a number');
    } else if (typeof embedding !== 'string') {
      u.fail(`${path}.embedding`, 'expected an array of numbers or a base64 string');
    }
    // No copy: the parsed array is handed on as is.
    data[i] = { index: u.optInt(e, 'index', path, 0, MAX_INT) ?? i, embedding: embedding as readonly number[] | string };
  }
  const res: Writable<EmbeddingsResponse> = { kind: 'embed', model: publicModel, data };
  const upstreamModel = u.optString(b, 'model', '');
  if (upstreamModel !== undefined && upstreamModel !== '') res.upstreamModel = upstreamModel;
  const usage = u.optObject(b, 'usage', '');
  if (usage !== undefined) res.usage = { inputTokens: u.optInt(usage, 'prompt_tokens', 'usage', 0, MAX_INT) ?? 0, outputTokens: 0 };
  return res;
}

/**
 * Creates a decoder for the `data` fields of an upstream chat stream (SSE framing is the caller's,
 * via eventsource-parser). Returns a canonical chunk, `'done'` for `[DONE]`, or null for events
 * that carry nothing (Azure's leading `prompt_filter_results` chunk, keep-alive deltas).
 *
 * @throws GatewayError PC_ERR_STREAM_BROKEN for an in-stream `{"error": ...}` object;
 *   PC_ERR_UPSTREAM_BAD_RESPONSE for data that cannot be read.
 */
export function createChunkDecoder(publicModel: string, now: () => number = Date.now): (data: string) => ChatChunk | 'done' | null {
  return function decodeOpenAIChunk(data: string): ChatChunk | 'done' | null {
    if (data === '[DONE]') return 'done';
    const b = u.object(parseUpstreamJson(data, 'stream chunk'), 'stream chunk');
    if (b['error'] != null) throw new GatewayError('PC_ERR_STREAM_BROKEN', { detail: describeUpstreamError(b['error']) });
    const rawChoices = u.optArray(b, 'choices', '') ?? [];
    const choices: ChoiceDelta[] = [];
    for (let i = 0; i < rawChoices.length; i++) {
      const choice = decodeChoiceDelta(rawChoices[i], `choices[${i}]`, i);
      if (choice !== undefined) choices.push(choice);
    }
    const usage = decodeUsage(b, '');
    if (choices.length === 0 && usage === undefined) return null;
    const chunk: Writable<ChatChunk> = {
      kind: 'chunk',
      id: u.optString(b, 'id', '') ?? '',
      model: publicModel,
      created: u.optInt(b, 'created', '', 0, MAX_INT) ?? unixSeconds(now),
      choices,
    };
    const upstreamModel = u.optString(b, 'model', '');
    if (upstreamModel !== undefined && upstreamModel !== '') chunk.upstreamModel = upstreamModel;
    if (usage !== undefined) chunk.usage = usage;
    return chunk;
  };
}

/** Undefined for a choice that carries nothing at all. */
function decodeChoiceDelta(v: unknown, path: string, position: number): ChoiceDelta | undefined {
  const c = u.object(v, path);
  const d = u.optObject(c, 'delta', path);
  const finishReason = decodeFinishReason(c['finish_reason'], `${path}.finish_reason`);
  const delta: Writable<ChoiceDelta['delta']> = {};
  let empty = true;
  if (d !== undefined) {
    if (d['role'] === 'assistant') {
      delta.role = 'assistant';
      empty = false;
    }
    const content = contentOrRefusal(d, `${path}.delta`);
    if (content !== null) {
      delta.content = content;
      empty = false;
    }
    const rawCalls = u.optArray(d, 'tool_calls', `${path}.delta`);
    if (rawCalls !== undefined && rawCalls.length > 0) {
      const calls: ToolCallDelta[] = new Array<ToolCallDelta>(rawCalls.length);
      for (let i = 0; i < rawCalls.length; i++) calls[i] = decodeToolCallDelta(rawCalls[i], `${path}.delta.tool_calls[${i}]`, i);
      delta.toolCalls = calls;
      empty = false;
    }
  }
  if (empty && finishReason === null) return undefined;
  const out: Writable<ChoiceDelta> = { index: u.optInt(c, 'index', path, 0, MAX_INT) ?? position, delta };
  if (finishReason !== null) out.finishReason = finishReason;
  return out;
}

function decodeToolCallDelta(v: unknown, path: string, position: number): ToolCallDelta {
  const c = u.object(v, path);
  // A few compatible servers omit `index` when each chunk carries whole calls.
  const out: Writable<ToolCallDelta> = { index: u.optInt(c, 'index', path, 0, MAX_INT) ?? position };
  const id = u.optString(c, 'id', path);
  if (id !== undefined) out.id = id;
  const fn = u.optObject(c, 'function', path);
  if (fn !== undefined) {
    const name = u.optString(fn, 'name', `${path}.function`);
    if (name !== undefined) out.name = name;
    const args = u.optString(fn, 'arguments', `${path}.function`);
    if (args !== undefined) out.arguments = args;
  }
  return out;
}

/** For logs only: the upstream's error type and code, never its message (it may quote the prompt). */
function describeUpstreamError(e: unknown): string {
  if (!isObject(e)) return 'upstream stream error';
  const type = typeof e['type'] === 'string' ? e['type'] : 'unknown';
  const code = typeof e['code'] === 'string' || typeof e['code'] === 'number' ? String(e['code']) : 'none';
  return `upstream stream error: type=${type} code=${code}`;
}
