/**
 * The canonical internal form. Whatever API a request arrived on (OpenAI chat completions,
 * embeddings, Anthropic messages) it is decoded into these types; every stage sees only these;
 * providers encode them for their upstream and decode the upstream's answer back into them.
 *
 * Design rules: plain JSON-serialisable data, no class instances; text is always reachable as
 * `TextPart`s so guards can scan it without knowing the wire format; anything a format carries
 * that the canonical form does not model is dropped rather than passed through blindly.
 */

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface TextPart {
  readonly type: 'text';
  readonly text: string;
}

/** An image by URL (`https:` or `data:`); base64 images use a `data:` URL with their media type. */
export interface ImagePart {
  readonly type: 'image';
  readonly url: string;
  readonly detail?: 'auto' | 'low' | 'high';
}

export type ContentPart = TextPart | ImagePart;

export interface ToolCall {
  readonly id: string;
  readonly name: string;
  /** JSON text of the arguments, exactly as the model produced it. */
  readonly arguments: string;
}

export interface Message {
  readonly role: Role;
  readonly content: readonly ContentPart[];
  /** Assistant messages: the tools the model called. */
  readonly toolCalls?: readonly ToolCall[];
  /** Tool messages: which call this is the result of. */
  readonly toolCallId?: string;
  /** Optional participant name (OpenAI `name`). */
  readonly name?: string;
}

export interface ToolDefinition {
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the arguments. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

export type ToolChoice =
  | { readonly type: 'auto' }
  | { readonly type: 'none' }
  | { readonly type: 'required' }
  | { readonly type: 'tool'; readonly name: string };

export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | { readonly type: 'json_schema'; readonly name: string; readonly schema: Readonly<Record<string, unknown>>; readonly strict?: boolean };

export interface ChatRequest {
  readonly kind: 'chat';
  /** The public model name the caller asked for (a route), not an upstream model. */
  readonly model: string;
  readonly messages: readonly Message[];
  readonly tools?: readonly ToolDefinition[];
  readonly toolChoice?: ToolChoice;
  readonly parallelToolCalls?: boolean;
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly stop?: readonly string[];
  readonly n?: number;
  readonly seed?: number;
  readonly presencePenalty?: number;
  readonly frequencyPenalty?: number;
  readonly logprobs?: boolean;
  readonly topLogprobs?: number;
  readonly responseFormat?: ResponseFormat;
  readonly user?: string;
  readonly stream: boolean;
  /** OpenAI `stream_options.include_usage`: send a final chunk with usage. */
  readonly includeUsage: boolean;
}

export interface EmbeddingsRequest {
  readonly kind: 'embed';
  readonly model: string;
  readonly input: readonly string[];
  /** Set when the caller sent a single string rather than an array. */
  readonly singleInput: boolean;
  readonly dimensions?: number;
  readonly encodingFormat?: 'float' | 'base64';
  readonly user?: string;
}

export type CanonicalRequest = ChatRequest | EmbeddingsRequest;

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export interface Choice {
  readonly index: number;
  readonly message: {
    readonly role: 'assistant';
    /** Text of the answer; null when the model only called tools. */
    readonly content: string | null;
    readonly toolCalls?: readonly ToolCall[];
  };
  readonly finishReason: FinishReason | null;
}

export interface ChatResponse {
  readonly kind: 'chat';
  readonly id: string;
  /** The public model name (what the caller asked for). */
  readonly model: string;
  /** The model id the provider reported, for monitoring; never shown instead of `model`. */
  readonly upstreamModel?: string;
  /** Unix seconds. */
  readonly created: number;
  readonly choices: readonly Choice[];
  readonly usage?: Usage;
}

export interface Embedding {
  readonly index: number;
  /** Floats, or the base64 of little-endian float32s when the caller asked for base64. */
  readonly embedding: readonly number[] | string;
}

export interface EmbeddingsResponse {
  readonly kind: 'embed';
  readonly model: string;
  readonly upstreamModel?: string;
  readonly data: readonly Embedding[];
  readonly usage?: Usage;
}

export type CanonicalResponse = ChatResponse | EmbeddingsResponse;

/** A piece of a tool call in a stream: the first fragment of a call carries id and name. */
export interface ToolCallDelta {
  /** Position of the call within the choice's tool calls (OpenAI `index`). */
  readonly index: number;
  readonly id?: string;
  readonly name?: string;
  readonly arguments?: string;
}

export interface ChoiceDelta {
  readonly index: number;
  readonly delta: {
    readonly role?: 'assistant';
    readonly content?: string;
    readonly toolCalls?: readonly ToolCallDelta[];
  };
  readonly finishReason?: FinishReason | null;
}

/**
 * One streamed piece of an answer. A stream is: chunks with deltas, then (when usage is known)
 * a chunk with `usage` and no choices. The first chunk of a choice carries `role`.
 */
export interface ChatChunk {
  readonly kind: 'chunk';
  readonly id: string;
  readonly model: string;
  readonly upstreamModel?: string;
  readonly created: number;
  readonly choices: readonly ChoiceDelta[];
  readonly usage?: Usage;
}

/** Concatenated text of the text parts of some content. */
export function textOf(content: readonly ContentPart[]): string {
  let out = '';
  for (const part of content) if (part.type === 'text') out += part.text;
  return out;
}
