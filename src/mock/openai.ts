/**
 * OpenAI Chat Completions, written from OpenAI's public API reference: request validation that is
 * strict where real OpenAI is strict (so gateway translation bugs surface as 400s), and responses
 * and `chat.completion.chunk` streams in OpenAI's exact shape.
 */
import type { Conversation, Reply, StreamPlan } from './reply.js';
import { splitEven, wordCount } from './text.js';

/** A validated chat request. */
export interface OpenAIChatRequest extends Conversation {
  /** `stream_options.include_usage`: append a `choices: []` chunk carrying usage. */
  readonly includeUsage: boolean;
}

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Text of a message's `content`: a string, or the text parts of a multi-part array. */
function contentText(content: unknown, at: string): string | { error: string } {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) return { error: `${at}.content must be a string or an array of parts` };
  let text = '';
  for (const [index, part] of content.entries()) {
    if (!isRecord(part) || typeof part['type'] !== 'string') return { error: `${at}.content[${index}].type is required` };
    switch (part['type']) {
      case 'text':
        if (typeof part['text'] !== 'string') return { error: `${at}.content[${index}].text must be a string` };
        text = text === '' ? part['text'] : `${text}\n${part['text']}`;
        break;
      case 'image_url': {
        const image = part['image_url'];
        if (!isRecord(image) || typeof image['url'] !== 'string') {
          return { error: `${at}.content[${index}].image_url.url must be a string` };
        }
        break;
      }
      default:
        // Audio, files, refusals: accepted and ignored, like text-only models do.
        break;
    }
  }
  return text;
}

function checkToolCalls(toolCalls: unknown, at: string): string | undefined {
  if (toolCalls === undefined) return undefined;
  if (!Array.isArray(toolCalls)) return `${at}.tool_calls must be an array`;
  for (const [index, call] of toolCalls.entries()) {
    const fn = isRecord(call) ? call['function'] : undefined;
    if (!isRecord(call) || typeof call['id'] !== 'string' || call['type'] !== 'function' || !isRecord(fn)) {
      return `${at}.tool_calls[${index}] must have an id, type "function" and a function`;
    }
    if (typeof fn['name'] !== 'string') return `${at}.tool_calls[${index}].function.name must be a string`;
    // A classic translation bug: arguments are a JSON *string* on the OpenAI wire, never an object.
    if (typeof fn['arguments'] !== 'string') return `${at}.tool_calls[${index}].function.arguments must be a string`;
  }
  return undefined;
}

function chooseTool(body: Record<string, unknown>, toolResult: string | undefined): string | undefined | { error: string } {
  const tools = body['tools'];
  const choice = body['tool_choice'];
  if (tools === undefined) {
    return choice === undefined || choice === 'none' ? undefined : { error: 'tool_choice is only allowed when tools are specified' };
  }
  if (!Array.isArray(tools)) return { error: 'tools must be an array' };
  const names: string[] = [];
  for (const [index, tool] of tools.entries()) {
    const fn = isRecord(tool) ? tool['function'] : undefined;
    if (!isRecord(tool) || tool['type'] !== 'function' || !isRecord(fn) || typeof fn['name'] !== 'string') {
      return { error: `tools[${index}] must be {"type":"function","function":{"name":…}}` };
    }
    names.push(fn['name']);
  }
  let named: string | undefined;
  if (isRecord(choice)) {
    const fn = choice['function'];
    if (choice['type'] !== 'function' || !isRecord(fn) || typeof fn['name'] !== 'string') {
      return { error: 'tool_choice must name a function as {"type":"function","function":{"name":…}}' };
    }
    if (!names.includes(fn['name'])) return { error: `tool_choice names unknown function ${fn['name']}` };
    named = fn['name'];
  } else if (choice !== undefined && choice !== 'none' && choice !== 'auto' && choice !== 'required') {
    return { error: "tool_choice must be 'none', 'auto', 'required' or a named function" };
  }
  if (names.length === 0 || choice === 'none' || toolResult !== undefined) return undefined;
  return named ?? names[0];
}

/**
 * Validates a Chat Completions body. On Azure the deployment in the path is the model
 * (`modelFromPath`) and the body's `model` is ignored. Returns a client-facing message on failure.
 */
export function parseChatRequest(body: Record<string, unknown>, modelFromPath: string | undefined): OpenAIChatRequest | string {
  const model = modelFromPath ?? body['model'];
  if (typeof model !== 'string' || model === '') return 'you must provide a model parameter';
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) return "'messages' must be a non-empty array";

  let inputWords = 0;
  let lastUserText = '';
  let toolResult: string | undefined;
  for (const [index, message] of messages.entries()) {
    const at = `messages[${index}]`;
    if (!isRecord(message) || typeof message['role'] !== 'string' || !ROLES.has(message['role'])) {
      return `${at}.role must be one of system, developer, user, assistant, tool`;
    }
    const role = message['role'];
    const text = contentText(message['content'], at);
    if (typeof text !== 'string') return text.error;
    inputWords += wordCount(text);
    if (role === 'user') lastUserText = text;
    if (role === 'assistant') {
      const problem = checkToolCalls(message['tool_calls'], at);
      if (problem !== undefined) return problem;
    }
    if (role === 'tool') {
      if (typeof message['tool_call_id'] !== 'string') return `${at}.tool_call_id must be a string`;
      // Parallel tool calls end the conversation with several tool messages in a row.
      toolResult = toolResult === undefined ? text : `${toolResult}\n${text}`;
    } else {
      toolResult = undefined;
    }
  }

  const stream = body['stream'];
  if (stream !== undefined && stream !== null && typeof stream !== 'boolean') return "'stream' must be a boolean";
  const streamOptions = body['stream_options'];
  if (streamOptions !== undefined && streamOptions !== null && stream !== true) {
    return "The 'stream_options' parameter is only allowed when 'stream' is enabled.";
  }
  const includeUsage = isRecord(streamOptions) && streamOptions['include_usage'] === true;

  const maxTokens = body['max_completion_tokens'] ?? body['max_tokens'];
  if (maxTokens !== undefined && maxTokens !== null && !isPositiveInt(maxTokens)) {
    return "'max_tokens' / 'max_completion_tokens' must be a positive integer";
  }

  const toolName = chooseTool(body, toolResult);
  if (isRecord(toolName)) return toolName.error;

  return {
    model,
    stream: stream === true,
    includeUsage,
    lastUserText,
    toolResult,
    toolName,
    inputWords,
    maxTokens: isPositiveInt(maxTokens) ? maxTokens : undefined,
  };
}

function usageJson(reply: Reply): string {
  return `{"prompt_tokens":${reply.inputWords},"completion_tokens":${reply.outputWords},"total_tokens":${reply.inputWords + reply.outputWords}}`;
}

function finishReason(reply: Reply): string {
  if (reply.kind === 'tool') return 'tool_calls';
  return reply.truncated ? 'length' : 'stop';
}

/** Renders a non-streamed `chat.completion`. `seq` numbers the ids; `created` is Unix seconds. */
export function renderChatCompletion(reply: Reply, model: string, seq: number, created: number): string {
  const message =
    reply.kind === 'tool'
      ? `{"role":"assistant","content":null,"tool_calls":[{"id":"call_mock_${seq}","type":"function","function":{"name":${JSON.stringify(reply.name)},"arguments":${JSON.stringify(reply.arguments)}}}],"refusal":null,"annotations":[]}`
      : `{"role":"assistant","content":${JSON.stringify(reply.text)},"refusal":null,"annotations":[]}`;
  return `{"id":"chatcmpl-mock-${seq}","object":"chat.completion","created":${created},"model":${JSON.stringify(model)},"choices":[{"index":0,"message":${message},"logprobs":null,"finish_reason":"${finishReason(reply)}"}],"usage":${usageJson(reply)},"system_fingerprint":null}`;
}

/**
 * Plans a `stream: true` answer as OpenAI sends it: a role delta, one delta per chunk (for tool
 * calls the first delta carries id, type and name with empty arguments, later ones carry argument
 * fragments), a delta with the finish reason, the optional usage chunk, then `[DONE]`.
 */
export function planChatStream(
  reply: Reply,
  model: string,
  seq: number,
  created: number,
  chunks: number,
  includeUsage: boolean,
): StreamPlan {
  const prefix = `data: {"id":"chatcmpl-mock-${seq}","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"system_fingerprint":null,"choices":[{"index":0,"delta":`;
  const usageNull = includeUsage ? ',"usage":null' : '';
  const open = `,"logprobs":null,"finish_reason":null}]${usageNull}}\n\n`;
  const head: string[] = [];
  const body: string[] = [];
  if (reply.kind === 'tool') {
    head.push(
      `${prefix}{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_mock_${seq}","type":"function","function":{"name":${JSON.stringify(reply.name)},"arguments":""}}]}${open}`,
    );
    for (const piece of splitEven(reply.arguments, chunks)) {
      body.push(`${prefix}{"tool_calls":[{"index":0,"function":{"arguments":${JSON.stringify(piece)}}}]}${open}`);
    }
  } else {
    head.push(`${prefix}{"role":"assistant","content":"","refusal":null}${open}`);
    for (const piece of splitEven(reply.text, chunks)) body.push(`${prefix}{"content":${JSON.stringify(piece)}}${open}`);
  }
  const tail = [`${prefix}{},"logprobs":null,"finish_reason":"${finishReason(reply)}"}]${usageNull}}\n\n`];
  if (includeUsage) {
    tail.push(
      `data: {"id":"chatcmpl-mock-${seq}","object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"system_fingerprint":null,"choices":[],"usage":${usageJson(reply)}}\n\n`,
    );
  }
  tail.push('data: [DONE]\n\n');
  return { head, body, tail };
}

/** OpenAI's error `type` for a status. */
function errorType(status: number): string {
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

function errorCode(status: number): string | null {
  if (status === 401) return 'invalid_api_key';
  if (status === 429) return 'rate_limit_exceeded';
  return null;
}

/** An error body in OpenAI's shape: `{"error":{"message","type","param","code"}}`. */
export function openAIError(status: number, message: string): string {
  return JSON.stringify({ error: { message, type: errorType(status), param: null, code: errorCode(status) } });
}

/** The fixed `/v1/models` answer. */
export const OPENAI_MODELS = JSON.stringify({
  object: 'list',
  data: ['mock-gpt', 'mock-gpt-mini', 'mock-embedding'].map((id) => ({
    id,
    object: 'model',
    created: 1_700_000_000,
    owned_by: 'portcullis-mock',
  })),
});
