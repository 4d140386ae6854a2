/**
 * Token counting for limits with a real BPE tokenizer: o200k_base (the GPT-4o / GPT-4.1 / o-series
 * encoding), loaded once through its own entry point so no other encoding is loaded. For other
 * model families it is an estimate, corrected from the provider's `usage` after the call.
 *
 * The encoding is about 20 MB of small objects on the JavaScript heap, nearly 40% of a gateway's
 * live heap, and every full garbage collection marks all of it: a pause that lands on requests.
 * So it is loaded only where limits are configured ({@link loadTokenizer}, from createLimits);
 * counting before that throws, which the limits stage turns into a denial.
 *
 * Chat prompts follow OpenAI's published counting rule: each message costs its content plus 3
 * tokens of framing (1 more with a `name`), and every reply is primed with 3 more.
 */
import type { CanonicalRequest, ChatChunk, Message } from '../canonical/types.js';

const PER_MESSAGE = 3;
const PER_NAME = 1;
const REPLY_PRIMING = 3;
/** An image's cost depends on its size, unknown here; 85 is OpenAI's low-detail base cost. */
const IMAGE_TOKENS = 85;

let countTokens: ((text: string) => number) | undefined;

/** Loads the encoding; later calls return at once. */
export async function loadTokenizer(): Promise<void> {
  countTokens ??= (await import('gpt-tokenizer/encoding/o200k_base')).countTokens;
}

export function countText(text: string): number {
  if (text.length === 0) return 0;
  if (countTokens === undefined) throw new Error('token counting before loadTokenizer()');
  return countTokens(text);
}

function messageTokens(message: Message): number {
  let n = PER_MESSAGE + (message.name !== undefined ? PER_NAME + countText(message.name) : 0);
  for (const part of message.content) n += part.type === 'text' ? countText(part.text) : IMAGE_TOKENS;
  for (const call of message.toolCalls ?? []) n += countText(call.name) + countText(call.arguments);
  return n;
}

/** Prompt tokens of a request, as the provider will roughly count them. */
export function inputTokensOf(request: CanonicalRequest): number {
  if (request.kind === 'embed') {
    let n = 0;
    for (const input of request.input) n += countText(input);
    return n;
  }
  let n = REPLY_PRIMING;
  for (const m of request.messages) n += messageTokens(m);
  // Tool definitions reach the model as text; their JSON is a fair upper estimate.
  if (request.tools && request.tools.length > 0) n += countText(JSON.stringify(request.tools));
  return n;
}

/** Completion tokens carried by one streamed chunk (text and tool-call fragments). */
export function chunkTokens(chunk: ChatChunk): number {
  let n = 0;
  for (const c of chunk.choices) {
    if (c.delta.content) n += countText(c.delta.content);
    for (const t of c.delta.toolCalls ?? []) {
      if (t.name) n += countText(t.name);
      if (t.arguments) n += countText(t.arguments);
    }
  }
  return n;
}
