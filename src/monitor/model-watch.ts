/**
 * Model-output monitoring per route: each answer is reduced to a few categorical features (length,
 * refusal, language, guard hit, tool call, latency) and the provider-reported model id. Answers
 * are counted in tumbling windows of `windowAnswers`; each full window is compared with the
 * baseline window by the population stability index, PSI = Σ (cᵢ − bᵢ)·ln(cᵢ/bᵢ) (Siddiqi 2006).
 * PSI above `psiAlert` is `drift`; above twice that, or a model id the route never answered with,
 * is `tampering`. Requests that carry documents (tool messages) get a grounding score — the share
 * of the answer's word 3-grams found in the documents — and a low one is `low_grounding`.
 *
 * The work runs off the request path: `observe` only queues, a setImmediate batch does the rest.
 */
import type { MonitorConfig } from '../config/monitor.js';
import type { RequestSummary } from '../server/completion.js';
import { languageOf } from './language.js';
import { allShingles, fingerprint } from './shingles.js';
import type { SignalSink } from './signals.js';
import { Lru, ramp } from './stats.js';

/** Feature → number of bins. */
const DIMENSIONS = { length: 5, refusal: 2, language: 6, guard: 2, tool: 2, latency: 6 } as const;
type Dimension = keyof typeof DIMENSIONS;
const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];

const REFUSAL = /\b(?:i(?:'m| am) (?:sorry|unable|not able)|i can(?:no|')t (?:help|assist|provide|do that|comply)|i won't be able|as an ai(?: language model)?|i must decline)\b/i;
const MAX_DOC_CHARS = 50_000;
const MAX_QUEUE = 2_000;

export interface AnswerProfile {
  readonly length: number;
  readonly refusal: number;
  readonly language: number;
  readonly guard: number;
  readonly tool: number;
  readonly latency: number;
}

type Histogram = Record<Dimension, Float64Array>;

const newHistogram = (): Histogram => ({
  length: new Float64Array(DIMENSIONS.length),
  refusal: new Float64Array(DIMENSIONS.refusal),
  language: new Float64Array(DIMENSIONS.language),
  guard: new Float64Array(DIMENSIONS.guard),
  tool: new Float64Array(DIMENSIONS.tool),
  latency: new Float64Array(DIMENSIONS.latency),
});

interface RouteState {
  baseline: Histogram | undefined;
  current: Histogram;
  count: number;
  readonly modelIds: Set<string>;
  /** Latest PSI per dimension (for the admin view and tests). */
  psi: Partial<Record<Dimension, number>>;
}

export interface ModelWatchOptions {
  readonly config: MonitorConfig['models'];
  readonly onSignal: SignalSink;
  readonly now?: () => number;
}

interface Pending {
  readonly summary: RequestSummary;
  readonly guardHit: boolean;
  readonly at: number;
}

export class ModelWatch {
  private readonly routes = new Lru<string, RouteState>(1_000);
  private readonly queue: Pending[] = [];
  private scheduled = false;
  dropped = 0;

  constructor(private readonly options: ModelWatchOptions) {}

  /** Queues a finished answer; the analysis runs on a later tick. */
  observe(summary: RequestSummary, guardHit: boolean, at: number): void {
    if (this.queue.length >= MAX_QUEUE) {
      this.dropped++;
      return;
    }
    this.queue.push({ summary, guardHit, at });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Processes everything queued now (also used by tests). */
  flush(): void {
    this.scheduled = false;
    for (const p of this.queue.splice(0)) this.analyse(p);
  }

  psiOf(route: string): Partial<Record<Dimension, number>> | undefined {
    return this.routes.peek(route)?.psi;
  }

  private analyse({ summary, guardHit, at }: Pending): void {
    const route = summary.model as string;
    const answer = answerOf(summary);
    if (answer === undefined) return;
    const profile = profileOf(answer.text, answer.toolCall, guardHit, summary.latencyMs);
    const state = this.routes.touch(route, () => ({ baseline: undefined, current: newHistogram(), count: 0, modelIds: new Set(), psi: {} }));
    const base = { subjectKind: 'route' as const, subject: route, at, requestId: summary.requestId, route };

    if (answer.modelId !== undefined && !state.modelIds.has(answer.modelId)) {
      if (state.baseline !== undefined && state.modelIds.size > 0) {
        this.options.onSignal({ ...base, name: 'tampering', strength: 1, features: { unexpected_model_id: 1 } });
      }
      if (state.modelIds.size < 16) state.modelIds.add(answer.modelId);
    }

    for (const d of DIMENSION_NAMES) {
      const h = state.current[d];
      h[profile[d]] = (h[profile[d]] ?? 0) + 1;
    }
    state.count++;
    if (state.count >= this.options.config.windowAnswers) this.closeWindow(state, base);

    const docs = documentsOf(summary.request);
    if (docs !== undefined && answer.text.length > 0) {
      const grounding = groundingScore(answer.text, docs);
      if (grounding !== undefined && grounding < this.options.config.groundingMin) {
        this.options.onSignal({ ...base, name: 'low_grounding', strength: 1 - grounding, features: { grounding: Math.round(grounding * 1000) / 1000 } });
      }
    }
  }

  private closeWindow(state: RouteState, base: { subjectKind: 'route'; subject: string; at: number; requestId: string; route: string }): void {
    const current = state.current;
    state.current = newHistogram();
    state.count = 0;
    if (!state.baseline) {
      state.baseline = current;
      return;
    }
    const features: Record<string, number> = {};
    let worst = 0;
    for (const d of DIMENSION_NAMES) {
      const v = psi(state.baseline[d], current[d]);
      state.psi[d] = v;
      if (v > worst) worst = v;
      if (v > this.options.config.psiAlert) features[`psi_${d}`] = Math.round(v * 1000) / 1000;
    }
    const alert = this.options.config.psiAlert;
    if (worst > alert) {
      this.options.onSignal({ ...base, name: 'drift', strength: ramp(worst, alert / 2, alert * 2), features });
      if (worst > alert * 2) this.options.onSignal({ ...base, name: 'tampering', strength: ramp(worst, alert, alert * 4), features });
      // The baseline stays as it was: a drifted route keeps alerting until someone looks at it.
      return;
    }
    // A stable route's baseline follows slow, legitimate change.
    for (const d of DIMENSION_NAMES) {
      const b = state.baseline[d];
      const c = current[d];
      const bt = total(b);
      const ct = total(c);
      for (let i = 0; i < b.length; i++) b[i] = 0.8 * ((b[i] as number) / bt) + 0.2 * ((c[i] as number) / ct);
    }
  }
}

function total(h: Float64Array): number {
  let t = 0;
  for (const v of h) t += v;
  return t || 1;
}

/** Population stability index of two histograms (counts or shares), smoothed so empty bins count. */
export function psi(baseline: Float64Array, current: Float64Array): number {
  const bt = total(baseline);
  const ct = total(current);
  const eps = 1e-3;
  let sum = 0;
  for (let i = 0; i < baseline.length; i++) {
    const b = Math.max(eps, (baseline[i] as number) / bt);
    const c = Math.max(eps, (current[i] as number) / ct);
    sum += (c - b) * Math.log(c / b);
  }
  return sum;
}

export function profileOf(text: string, toolCall: boolean, guardHit: boolean, latencyMs: number): AnswerProfile {
  const n = text.length;
  return {
    length: n < 50 ? 0 : n < 200 ? 1 : n < 800 ? 2 : n < 3_000 ? 3 : 4,
    refusal: REFUSAL.test(text.slice(0, 400)) ? 1 : 0,
    language: languageOf(text),
    guard: guardHit ? 1 : 0,
    tool: toolCall ? 1 : 0,
    latency: latencyMs < 200 ? 0 : latencyMs < 500 ? 1 : latencyMs < 1_000 ? 2 : latencyMs < 3_000 ? 3 : latencyMs < 10_000 ? 4 : 5,
  };
}

/** The answer's text, whether it called tools, and the provider's model id, streamed or not. */
export function answerOf(summary: RequestSummary): { text: string; toolCall: boolean; modelId: string | undefined } | undefined {
  const r = summary.response;
  if (r) {
    if (r.kind !== 'chat') return undefined;
    let text = '';
    let toolCall = false;
    for (const c of r.choices) {
      if (c.message.content) text += c.message.content;
      if ((c.message.toolCalls?.length ?? 0) > 0 || c.finishReason === 'tool_calls') toolCall = true;
    }
    return { text, toolCall, modelId: r.upstreamModel };
  }
  if (!summary.chunks) return undefined;
  let text = '';
  let toolCall = false;
  let modelId: string | undefined;
  for (const chunk of summary.chunks) {
    modelId ??= chunk.upstreamModel;
    for (const c of chunk.choices) {
      if (c.delta.content) text += c.delta.content;
      if (c.delta.toolCalls || c.finishReason === 'tool_calls') toolCall = true;
    }
  }
  return { text, toolCall, modelId };
}

/** Text of the documents a chat request supplied (tool messages), or undefined when none. */
export function documentsOf(request: RequestSummary['request']): string | undefined {
  if (!request || request.kind !== 'chat') return undefined;
  let docs = '';
  for (const m of request.messages) {
    if (m.role !== 'tool') continue;
    for (const p of m.content) if (p.type === 'text') docs += `${p.text}\n`;
    if (docs.length >= MAX_DOC_CHARS) break;
  }
  return docs.length > 0 ? docs.slice(0, MAX_DOC_CHARS) : undefined;
}

/**
 * Share of the answer's word 3-grams that occur in the documents: 1 means every phrase is
 * supported, 0 that none is. Undefined for answers too short to judge (under three words).
 */
export function groundingScore(answer: string, documents: string): number | undefined {
  const fp = fingerprint(answer);
  const a = fp.shingles;
  if (a.length === 0 || fp.words < 3) return undefined;
  const supported = new Set(allShingles(documents, MAX_DOC_CHARS));
  let hit = 0;
  for (const s of a) if (supported.has(s)) hit++;
  return hit / a.length;
}
