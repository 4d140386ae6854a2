/**
 * Anthropic Messages API, written from Anthropic's public API reference: validation strict where
 * Anthropic is strict (roles, `max_tokens`, tool_use `input` as an object), responses and the
 * named-event SSE sequence in Anthropic's exact shape.
 */
import type { Conversation, Reply, StreamPlan } from './reply.js';
import { splitEven, wordCount } from './text.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of `tool_result.content`: a string or an array of blocks of which text ones count. */
function toolResultText(content: unknown): string | undefined {
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  for (const block of content) {
    if (!isRecord(block) || typeof block['type'] !== 'string') return undefined;
    if (block['type'] === 'text') {
      if (typeof block['text'] !== 'string') return undefined;
      texts.push(block['text']);
    }
  }
  return texts.join('\n');
}

interface MessageScan {
  readonly text: string;
  readonly hasText: boolean;
  /** Joined content of the message's tool_result blocks, if it has any. */
  readonly toolResult: string | undefined;
  readonly words: number;
}

function scanContent(content: unknown, at: string): MessageScan | string {
  if (typeof content === 'string') return { text: content, hasText: true, toolResult: undefined, words: wordCount(content) };
  if (!Array.isArray(content)) return `${at}.content must be a string or an array of content blocks`;
  let text = '';
  let hasText = false;
  let toolResult: string | undefined;
  let words = 0;
  for (const [index, block] of content.entries()) {
    const where = `${at}.content.${index}`;
    if (!isRecord(block) || typeof block['type'] !== 'string') return `${where}.type: Field required`;
    switch (block['type']) {
      case 'text':
        if (typeof block['text'] !== 'string') return `${where}.text: Input should be a valid string`;
        text = hasText ? `${text}\n${block['text']}` : block['text'];
        hasText = true;
        words += wordCount(block['text']);
        break;
      case 'image':
      case 'document':
        if (!isRecord(block['source'])) return `${where}.source: Field required`;
        break;
      case 'tool_use':
        if (typeof block['id'] !== 'string' || typeof block['name'] !== 'string') {
          return `${where}: tool_use blocks need an id and a name`;
        }
        // Anthropic sends tool input as a JSON object; a string here is a translation bug.
        if (!isRecord(block['input'])) return `${where}.input: Input should be a valid dictionary`;
        break;
      case 'tool_result': {
        if (typeof block['tool_use_id'] !== 'string') return `${where}.tool_use_id: Field required`;
        const result = toolResultText(block['content']);
        if (result === undefined) return `${where}.content must be a string or an array of content blocks`;
        toolResult = toolResult === undefined ? result : `${toolResult}\n${result}`;
        words += wordCount(result);
        break;
      }
      default:
        // Thinking, search results and newer block types: accepted, not part of the answer.
        break;
    }
  }
  return { text, hasText, toolResult, words };
}

function systemWords(system: unknown): number | string {
  if (system === undefined) return 0;
  if (typeof system === 'string') return wordCount(system);
  if (!Array.isArray(system)) return 'system: Input should be a valid string or list of text blocks';
  let words = 0;
  for (const block of system) {
    if (!isRecord(block) || block['type'] !== 'text' || typeof block['text'] !== 'string') {
      return 'system: every block must be {"type":"text","text":…}';
    }
    words += wordCount(block['text']);
  }
  return words;
}

function chooseTool(body: Record<string, unknown>, toolResult: string | undefined): string | undefined | { error: string } {
  const tools = body['tools'];
  const choice = body['tool_choice'];
  if (choice !== undefined && !isRecord(choice)) return { error: 'tool_choice: Input should be an object' };
  const choiceType = choice?.['type'];
  if (choice !== undefined && choiceType !== 'auto' && choiceType !== 'any' && choiceType !== 'tool' && choiceType !== 'none') {
    return { error: "tool_choice.type must be 'auto', 'any', 'tool' or 'none'" };
  }
  if (tools === undefined) return undefined;
  if (!Array.isArray(tools)) return { error: 'tools: Input should be a valid list' };
  const names: string[] = [];
  for (const [index, tool] of tools.entries()) {
    if (!isRecord(tool) || typeof tool['name'] !== 'string') return { error: `tools.${index}.name: Field required` };
    // Client tools carry a JSON schema; server tools (web search, …) have a versioned `type` instead.
    const custom = tool['type'] === undefined || tool['type'] === 'custom';
    if (custom && !isRecord(tool['input_schema'])) return { error: `tools.${index}.input_schema: Field required` };
    names.push(tool['name']);
  }
  let named: string | undefined;
  if (choiceType === 'tool') {
    const name = choice?.['name'];
    if (typeof name !== 'string' || !names.includes(name)) return { error: 'tool_choice.name must name one of the tools' };
    named = name;
  }
  if (names.length === 0 || choiceType === 'none' || toolResult !== undefined) return undefined;
  return named ?? names[0];
}

/** Validates a Messages API body. Returns a client-facing message on failure. */
export function parseMessagesRequest(body: Record<string, unknown>): Conversation | string {
  const model = body['model'];
  if (typeof model !== 'string' || model === '') return 'model: Field required';
  const maxTokens = body['max_tokens'];
  if (maxTokens === undefined) return 'max_tokens: Field required';
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    return 'max_tokens: Input should be a positive integer';
  }
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) return 'messages: at least one message is required';

  const system = systemWords(body['system']);
  if (typeof system === 'string') return system;
  let inputWords = system;
  let lastUserText = '';
  let toolResult: string | undefined;
  for (const [index, message] of messages.entries()) {
    const at = `messages.${index}`;
    // Anthropic has no system role inside `messages`; a gateway that leaves one there is broken.
    if (!isRecord(message) || (message['role'] !== 'user' && message['role'] !== 'assistant')) {
      return `${at}.role: Input should be 'user' or 'assistant'`;
    }
    const scan = scanContent(message['content'], at);
    if (typeof scan === 'string') return scan;
    inputWords += scan.words;
    if (message['role'] === 'user' && scan.hasText) lastUserText = scan.text;
    toolResult = message['role'] === 'user' ? scan.toolResult : undefined;
  }

  const stream = body['stream'];
  if (stream !== undefined && typeof stream !== 'boolean') return 'stream: Input should be a valid boolean';
  const toolName = chooseTool(body, toolResult);
  if (isRecord(toolName)) return toolName.error;
  return { model, stream: stream === true, lastUserText, toolResult, toolName, inputWords, maxTokens };
}

function stopReason(reply: Reply): string {
  if (reply.kind === 'tool') return 'tool_use';
  return reply.truncated ? 'max_tokens' : 'end_turn';
}

/** Renders a non-streamed Messages API answer. `seq` numbers the ids. */
export function renderMessage(reply: Reply, model: string, seq: number): string {
  const content =
    reply.kind === 'tool'
      ? `{"type":"tool_use","id":"toolu_mock_${seq}","name":${JSON.stringify(reply.name)},"input":${reply.arguments}}`
      : `{"type":"text","text":${JSON.stringify(reply.text)}}`;
  return `{"id":"msg_mock_${seq}","type":"message","role":"assistant","model":${JSON.stringify(model)},"content":[${content}],"stop_reason":"${stopReason(reply)}","stop_sequence":null,"usage":{"input_tokens":${reply.inputWords},"output_tokens":${reply.outputWords}}}`;
}

function event(type: string, data: string): string {
  return `event: ${type}\ndata: ${data}\n\n`;
}

/**
 * Plans a streamed answer with Anthropic's event sequence: `message_start`, `content_block_start`,
 * `ping`, one `content_block_delta` per chunk (`text_delta` or `input_json_delta`),
 * `content_block_stop`, `message_delta` (stop reason and usage), `message_stop`.
 */
export function planMessageStream(reply: Reply, model: string, seq: number, chunks: number): StreamPlan {
  const start = `{"type":"message_start","message":{"id":"msg_mock_${seq}","type":"message","role":"assistant","model":${JSON.stringify(model)},"content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":${reply.inputWords},"output_tokens":1}}}`;
  const head = [event('message_start', start)];
  const body: string[] = [];
  if (reply.kind === 'tool') {
    head.push(
      event(
        'content_block_start',
        `{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_mock_${seq}","name":${JSON.stringify(reply.name)},"input":{}}}`,
      ),
    );
    for (const piece of splitEven(reply.arguments, chunks)) {
      body.push(
        event('content_block_delta', `{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":${JSON.stringify(piece)}}}`),
      );
    }
  } else {
    head.push(event('content_block_start', '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}'));
    for (const piece of splitEven(reply.text, chunks)) {
      body.push(event('content_block_delta', `{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":${JSON.stringify(piece)}}}`));
    }
  }
  head.push(event('ping', '{"type":"ping"}'));
  const tail = [
    event('content_block_stop', '{"type":"content_block_stop","index":0}'),
    event(
      'message_delta',
      `{"type":"message_delta","delta":{"stop_reason":"${stopReason(reply)}","stop_sequence":null},"usage":{"output_tokens":${reply.outputWords}}}`,
    ),
    event('message_stop', '{"type":"message_stop"}'),
  ];
  return { head, body, tail };
}

/** Anthropic's error `type` for a status. */
function errorType(status: number): string {
  switch (status) {
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 529:
      return 'overloaded_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

/** An error body in Anthropic's shape: `{"type":"error","error":{"type","message"}}`. */
export function anthropicError(status: number, message: string): string {
  return JSON.stringify({ type: 'error', error: { type: errorType(status), message } });
}

/** The fixed `/v1/models` answer for clients that send `anthropic-version`. */
export const ANTHROPIC_MODELS = JSON.stringify({
  data: [
    { type: 'model', id: 'mock-claude', display_name: 'Mock Claude', created_at: '2025-01-01T00:00:00Z' },
    { type: 'model', id: 'mock-claude-mini', display_name: 'Mock Claude Mini', created_at: '2025-01-01T00:00:00Z' },
  ],
  has_more: false,
  first_id: 'mock-claude',
  last_id: 'mock-claude-mini',
});
