/**
 * The mock's own tiny model of a chat exchange: each provider parser reduces its wire format to a
 * {@link Conversation}, {@link buildReply} decides the deterministic answer, and each provider
 * renders it back in its own wire format. This is deliberately independent of the gateway's
 * canonical types so the mock can catch the gateway's translation bugs instead of sharing them.
 */
import type { Behaviour } from './behaviour.js';
import { padTo, truncate, truncateWords, wordCount } from './text.js';

/** What the mock needs to know about a chat request, whichever API it came through. */
export interface Conversation {
  readonly model: string;
  readonly stream: boolean;
  /** Text of the last user message that has text; directives are read from it. */
  readonly lastUserText: string;
  /** Content of the tool result(s) when the last message carries them. */
  readonly toolResult: string | undefined;
  /** The tool to call, when tools are offered, allowed, and the last message is not a tool result. */
  readonly toolName: string | undefined;
  readonly inputWords: number;
  readonly maxTokens: number | undefined;
}

/** The deterministic answer, before rendering. */
export type Reply =
  | {
      readonly kind: 'text';
      readonly text: string;
      /** The answer was cut by `max_tokens`. */
      readonly truncated: boolean;
      readonly inputWords: number;
      readonly outputWords: number;
    }
  | {
      readonly kind: 'tool';
      readonly name: string;
      /** JSON text of the arguments, `{"query":"<last user text>"}`. */
      readonly arguments: string;
      readonly inputWords: number;
      readonly outputWords: number;
    };

/**
 * Frames of a streamed answer in three runs, so stall/break controls can count content chunks
 * only: `head` (preamble events), `body` (one frame per content chunk), `tail` (terminal events).
 */
export interface StreamPlan {
  readonly head: readonly string[];
  readonly body: readonly string[];
  readonly tail: readonly string[];
}

const ANSWER_LIMIT = 200;

/** Names of the credential headers present on a request, for `mock:echo-headers`. */
export function authHeaderNames(headers: Readonly<Record<string, unknown>>): string {
  const names: string[] = [];
  if (headers['authorization'] !== undefined) names.push('authorization');
  if (headers['x-api-key'] !== undefined) names.push('x-api-key');
  if (headers['api-key'] !== undefined) names.push('api-key');
  return names.length === 0 ? 'none' : names.join(',');
}

const ROGUE_TOOL = /mock:call-tool:([A-Za-z_][A-Za-z0-9_-]{0,63})/;

/**
 * Decides the answer. Text answers are padded to at least `chunks` characters so a stream can
 * always be cut into exactly that many chunks; non-streamed answers get the same padding so both
 * modes return identical text for the same request.
 */
export function buildReply(
  conversation: Conversation,
  behaviour: Behaviour,
  headers: Readonly<Record<string, unknown>>,
): Reply {
  const inputWords = conversation.inputWords;
  // `mock:call-tool:NAME` makes the model call a tool it was never offered, as a hallucinating
  // or prompt-injected model would; the gateway's tool-call authorization must catch it.
  const rogue = conversation.lastUserText.includes('mock:call-tool:') ? ROGUE_TOOL.exec(conversation.lastUserText)?.[1] : undefined;
  const toolName = rogue ?? conversation.toolName;
  if (toolName !== undefined) {
    const args = JSON.stringify({ query: conversation.lastUserText });
    return { kind: 'tool', name: toolName, arguments: args, inputWords, outputWords: wordCount(args) };
  }
  let text =
    conversation.toolResult !== undefined
      ? `Tool result received: ${truncate(conversation.toolResult, ANSWER_LIMIT)}`
      : `Mock answer to: ${truncate(conversation.lastUserText, ANSWER_LIMIT)}`;
  if (behaviour.echoHeaders) text += ` [auth headers: ${authHeaderNames(headers)}]`;
  text = padTo(text, behaviour.chunks);
  let truncated = false;
  if (conversation.maxTokens !== undefined) {
    const cut = truncateWords(text, conversation.maxTokens);
    if (cut !== undefined) {
      text = cut;
      truncated = true;
    }
  }
  return { kind: 'text', text, truncated, inputWords, outputWords: wordCount(text) };
}
