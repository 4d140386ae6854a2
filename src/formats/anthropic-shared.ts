/**
 * Mappings the Anthropic request/response codec and its stream codec share.
 */
import type { FinishReason, Usage } from '../canonical/types.js';
import { upstream as u, type Json } from './read.js';

const MAX_INT = Number.MAX_SAFE_INTEGER;

export type AnthropicStopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';

/** Canonical finish reason → Anthropic `stop_reason`; an unknown end is an ordinary end. */
export function stopReasonOf(reason: FinishReason | null | undefined): AnthropicStopReason {
  switch (reason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

/** Anthropic `stop_reason` → canonical finish reason. */
export function finishReasonOf(v: unknown, path: string): FinishReason | null {
  switch (v) {
    case undefined:
    case null:
      return null;
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      // end_turn, stop_sequence, pause_turn and reasons added later all mean the turn ended.
      if (typeof v === 'string') return 'stop';
      return u.fail(path, 'expected a string');
  }
}

/** Anthropic's three input counters; `input_tokens` alone excludes cached prompt tokens. */
export interface InputCounters {
  input: number;
  cacheCreation: number;
  cacheRead: number;
}

/**
 * Reads the input counters present in a `usage` object into `into` (message_delta only carries
 * the counters that changed). Canonical input tokens include cached tokens, as OpenAI's
 * `prompt_tokens` does, so quotas see the whole prompt.
 */
export function readInputCounters(usage: Json, path: string, into: InputCounters): void {
  const input = u.optInt(usage, 'input_tokens', path, 0, MAX_INT);
  if (input !== undefined) into.input = input;
  const creation = u.optInt(usage, 'cache_creation_input_tokens', path, 0, MAX_INT);
  if (creation !== undefined) into.cacheCreation = creation;
  const read = u.optInt(usage, 'cache_read_input_tokens', path, 0, MAX_INT);
  if (read !== undefined) into.cacheRead = read;
}

export function readOutputTokens(usage: Json, path: string): number | undefined {
  return u.optInt(usage, 'output_tokens', path, 0, MAX_INT);
}

export function usageOf(counters: InputCounters, outputTokens: number): Usage {
  return { inputTokens: counters.input + counters.cacheCreation + counters.cacheRead, outputTokens };
}

/**
 * Tool arguments as an Anthropic `input` object. Models sometimes emit arguments that are not a
 * JSON object; Anthropic requires an object, so those become `{}`.
 */
export function toolInputOf(args: string): Record<string, unknown> {
  if (args === '') return {};
  try {
    const v: unknown = JSON.parse(args);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Anthropic message ids start with `msg_`; other ids get the prefix so clients can rely on it. */
export function messageIdOf(id: string): string {
  return id.startsWith('msg_') ? id : `msg_${id}`;
}
