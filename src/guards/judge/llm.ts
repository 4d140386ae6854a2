/**
 * The "LLM judge": asks a route of this gateway (typically a self-hosted Llama Guard behind an
 * OpenAI-compatible server such as vLLM or Ollama) whether a prompt or an answer is safe. The
 * exchange is sent as a conversation, so the model's own chat template builds its classification
 * prompt: a prompt is judged as `[user]`, an answer as `[user, assistant]` (Llama Guard
 * classifies the last turn). The call goes straight to the route's providers, not through the
 * pipeline: the judge's own traffic is gateway-internal and is not guarded (no recursion).
 *
 * The verdict is read strictly: the first non-empty line must be `safe` or `unsafe`; anything else
 * is a failure (fail closed unless `failOpen`), never read as "safe".
 */
import type { ChatRequest, Message } from '../../canonical/types.js';
import type { Logger } from '../../log.js';
import { sendChat, type RuntimeRoute } from '../../providers/upstream.js';
import type { JudgeConfig } from './config.js';
import type { DetectorInput, DetectorVerdict, ExternalDetector } from './detector.js';

export class JudgeVerdictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JudgeVerdictError';
  }
}

/** Reads a Llama Guard answer: `safe`, or `unsafe` then a line `S1,S10`. */
export function parseLlamaGuard(answer: string): DetectorVerdict {
  const lines = answer
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const first = (lines[0] ?? '').toLowerCase();
  if (first === 'safe') return { unsafe: false, categories: [] };
  if (first === 'unsafe') {
    const categories = (lines[1] ?? '')
      .split(/[,\s]+/)
      .map((c) => c.trim().toUpperCase())
      .filter((c) => /^[A-Z0-9_-]{1,32}$/.test(c))
      .slice(0, 32);
    return { unsafe: true, categories };
  }
  // Say what shape it had, not what it said: the answer may quote the judged text.
  throw new JudgeVerdictError(`the judge's answer is not a verdict (${answer.length} characters, first line not "safe"/"unsafe")`);
}

export interface JudgeDeps {
  /** The judge route, resolved from the runtime being compiled. */
  readonly route: () => RuntimeRoute | undefined;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/** An ExternalDetector backed by a route of this gateway. */
export function createLlmJudge(cfg: JudgeConfig, deps: JudgeDeps): ExternalDetector {
  return Object.freeze({
    name: 'judge',
    timeoutMs: cfg.timeoutMs,
    failOpen: cfg.failOpen,
    blockCategories: cfg.blockCategories === undefined ? undefined : new Set(cfg.blockCategories.map((c) => c.toUpperCase())),
    async classify(input: DetectorInput, signal: AbortSignal, log: Logger): Promise<DetectorVerdict> {
      const route = deps.route();
      if (route === undefined) throw new Error(`judge route "${cfg.route}" is not configured`);
      const text = (t: string): Message['content'] => [{ type: 'text', text: truncate(t, cfg.maxChars) }];
      const messages: Message[] =
        input.role === 'assistant'
          ? [
              { role: 'user', content: text(input.prompt ?? '') },
              { role: 'assistant', content: text(input.text) },
            ]
          : [{ role: 'user', content: text(input.text) }];
      const request: ChatRequest = { kind: 'chat', model: cfg.route, messages, stream: false, includeUsage: false, maxTokens: cfg.maxTokens, temperature: 0 };
      const answer = await sendChat(route, request, { signal, log });
      return parseLlamaGuard(answer.choices[0]?.message.content ?? '');
    },
  });
}
