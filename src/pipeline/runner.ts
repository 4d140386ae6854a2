/**
 * The runner: runs stages in phase order, enforces per-stage timeouts, records one decision per
 * stage call, and fails closed — a stage that throws or times out denies, unless that stage was
 * explicitly configured `failOpen`. Stages only return verdicts; the runner applies them.
 */
import type { CanonicalRequest, CanonicalResponse, ChatChunk } from '../canonical/types.js';
import { GatewayError, type ErrorCode } from '../errors.js';
import {
  PHASES,
  type ContextFacts,
  type Decision,
  type Stage,
  type StageContext,
  type StreamInspector,
  type Verdict,
} from './types.js';

export interface RunnerOptions {
  /** Budget for a stage call that does not set its own. */
  readonly defaultTimeoutMs: number;
}

/** The mutable side of a request in flight; only the runner and the server write to it. */
export interface RequestState extends StageContext {
  principal: StageContext['principal'];
  context: StageContext['context'];
  readonly decisions: Decision[];
  /** Headers stages asked for on a successful answer (Pass.headers); the server sets them. */
  responseHeaders?: Record<string, string>;
  /** Values stages keep for this request (pipeline/slot.ts); made on the first one. */
  slots?: unknown[] | undefined;
}

const HEADER_PHASES: ReadonlySet<string> = new Set(['identity', 'context']);

type Hook = 'onHeaders' | 'onRequest' | 'onResponse';

export class Pipeline {
  readonly stages: readonly Stage[];
  private readonly defaultTimeoutMs: number;
  private readonly headerStages: readonly Stage[];
  private readonly requestStages: readonly Stage[];
  private readonly responseStages: readonly Stage[];
  private readonly streamStages: readonly Stage[];

  constructor(stages: readonly Stage[], options: RunnerOptions) {
    if (!(options.defaultTimeoutMs > 0)) throw new TypeError('defaultTimeoutMs must be positive');
    const names = new Set<string>();
    for (const stage of stages) {
      if (names.has(stage.name)) throw new TypeError(`duplicate stage name: ${stage.name}`);
      names.add(stage.name);
      if (!PHASES.includes(stage.phase)) throw new TypeError(`stage ${stage.name}: unknown phase ${String(stage.phase)}`);
      if (stage.onHeaders && !HEADER_PHASES.has(stage.phase)) {
        throw new TypeError(`stage ${stage.name}: onHeaders is only for the identity and context phases`);
      }
      if (HEADER_PHASES.has(stage.phase) && (stage.onRequest || stage.onResponse || stage.openStream)) {
        throw new TypeError(`stage ${stage.name}: ${stage.phase} stages see headers only`);
      }
    }
    // A stable sort keeps the configured order within a phase.
    const ordered = [...stages].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
    this.stages = ordered;
    this.defaultTimeoutMs = options.defaultTimeoutMs;
    this.headerStages = ordered.filter((s) => s.onHeaders !== undefined);
    this.requestStages = ordered.filter((s) => s.onRequest !== undefined);
    this.responseStages = ordered.filter((s) => s.onResponse !== undefined);
    this.streamStages = ordered.filter((s) => s.openStream !== undefined);
  }

  /** identity and context: before the body is read. Rejects with a GatewayError on deny. */
  async runHeaders(state: RequestState): Promise<void> {
    await this.startHeaders(state);
  }

  /**
   * `runHeaders` without an async function when no stage waits: undefined once every header
   * stage has answered synchronously, else a promise for the rest. A denial or failure throws
   * synchronously (or rejects, after a stage that waited). The data plane uses this form: with
   * API keys every header stage usually answers at once, and two async functions and their
   * awaits per request were a measurable share of it (docs/performance.md, "Second pass").
   */
  startHeaders(state: RequestState): Promise<void> | undefined {
    const stages = this.headerStages;
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i] as Stage;
      const called = this.call(state, stage, stage.phase, 'onHeaders', undefined);
      if (isThenable(called)) return this.headersAfter(state, i, called);
      if (called.action === 'pass' && called.facts) applyFacts(state, called.facts);
    }
    return undefined;
  }

  /** The rest of `startHeaders` once stage `i` waits. */
  private async headersAfter(state: RequestState, i: number, pending: Promise<Verdict<undefined>>): Promise<void> {
    const first = await pending;
    if (first.action === 'pass' && first.facts) applyFacts(state, first.facts);
    for (const stage of this.headerStages.slice(i + 1)) {
      const called = this.call(state, stage, stage.phase, 'onHeaders', undefined);
      const verdict = isThenable(called) ? await called : called;
      if (verdict.action === 'pass' && verdict.facts) applyFacts(state, verdict.facts);
    }
  }

  /** authorize, limits, input: returns the request as the stages left it. Rejects on deny. */
  async runRequest(state: RequestState, request: CanonicalRequest): Promise<CanonicalRequest> {
    return this.startRequest(state, request);
  }

  /** `runRequest` without an async function when no stage waits (as `startHeaders`). */
  startRequest(state: RequestState, request: CanonicalRequest): CanonicalRequest | Promise<CanonicalRequest> {
    const stages = this.requestStages;
    let current = request;
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i] as Stage;
      const called = this.call(state, stage, stage.phase, 'onRequest', current);
      if (isThenable(called)) return this.requestAfter(state, i, current, called);
      current = applyRequestVerdict(state, current, called);
    }
    return current;
  }

  /** The rest of `startRequest` once stage `i` waits. */
  private async requestAfter(state: RequestState, i: number, request: CanonicalRequest, pending: Promise<Verdict<CanonicalRequest>>): Promise<CanonicalRequest> {
    let current = applyRequestVerdict(state, request, await pending);
    for (const stage of this.requestStages.slice(i + 1)) {
      const called = this.call(state, stage, stage.phase, 'onRequest', current);
      current = applyRequestVerdict(state, current, isThenable(called) ? await called : called);
    }
    return current;
  }

  /** output stages on a whole (non-streamed) answer. */
  async runResponse(state: RequestState, response: CanonicalResponse): Promise<CanonicalResponse> {
    let current = response;
    for (const stage of this.responseStages) {
      const called = this.call(state, stage, 'response', 'onResponse', current);
      const verdict = isThenable(called) ? await called : called;
      if (verdict.action === 'replace') current = verdict.value;
    }
    return current;
  }

  /** True when no stage inspects streams, so chunks can be forwarded without the runner. */
  get streamsUninspected(): boolean {
    return this.streamStages.length === 0;
  }

  /** One inspector chain per streamed answer; each stage sees what the previous one released. */
  openStream(state: RequestState): StreamRun {
    const inspectors = this.streamStages.map((stage) => ({ stage, inspector: (stage.openStream as (ctx: StageContext) => StreamInspector)(state) }));
    return new StreamRun(this, state, inspectors);
  }

  /**
   * Runs one stage call under its budget and records the decision. Internal to the runner. A
   * synchronous stage is answered synchronously: most stages on the hot path are, and a promise
   * and a turn of the microtask queue per stage call were a measurable share of a request.
   * Throws (or rejects) a GatewayError on deny, error and timeout, unless the stage fails open.
   */
  call<T>(state: RequestState, stage: Stage, phase: Decision['phase'], hook: Hook | 'stream', input: T, run?: () => unknown): Verdict<T> | Promise<Verdict<T>> {
    const started = performance.now();
    let result: unknown;
    try {
      result = run ? run() : invoke(stage, hook as Hook, state, input);
    } catch (err) {
      return failed(state, stage, phase, started, err);
    }
    if (!isThenable(result)) return settle<T>(state, stage, phase, started, result);
    return withTimeout(result as Promise<unknown>, stage.timeoutMs ?? this.defaultTimeoutMs).then(
      (value) => settle<T>(state, stage, phase, started, value),
      (err: unknown) => failed(state, stage, phase, started, err),
    );
  }
}

/** Records the decision of a stage's answer; a deny throws, an answer that is no verdict fails. */
function settle<T>(state: RequestState, stage: Stage, phase: Decision['phase'], started: number, result: unknown): Verdict<T> {
  if (!isVerdict(result)) return failed(state, stage, phase, started, new TypeError(`stage ${stage.name} returned no verdict`));
  const verdict = result as Verdict<T>;
  const durationMs = performance.now() - started;
  if (verdict.action === 'deny') {
    state.decisions.push({ stage: stage.name, phase, outcome: 'deny', code: verdict.code, ...(verdict.reasons ? { reasons: verdict.reasons } : {}), durationMs });
    throw new GatewayError(verdict.code, { detail: `denied by ${stage.name}`, ...(verdict.retryAfter !== undefined ? { retryAfter: verdict.retryAfter } : {}), ...(verdict.headers ? { headers: verdict.headers } : {}) });
  }
  if (verdict.action === 'pass' && verdict.headers) state.responseHeaders = { ...state.responseHeaders, ...verdict.headers };
  const decision: Decision = verdict.reasons ? { stage: stage.name, phase, outcome: verdict.action, reasons: verdict.reasons, durationMs } : { stage: stage.name, phase, outcome: verdict.action, durationMs };
  if (phase === 'stream' && verdict.reasons === undefined) foldStreamDecision(state.decisions, decision);
  else state.decisions.push(decision);
  return verdict;
}

/** A stage that threw, timed out or answered no verdict: deny, or pass when it is configured to fail open. */
function failed<T>(state: RequestState, stage: Stage, phase: Decision['phase'], started: number, err: unknown): Verdict<T> {
  const timedOut = err instanceof StageTimeout;
  const durationMs = performance.now() - started;
  state.log.warn({ stage: stage.name, phase, err: timedOut ? undefined : err, timedOut }, 'stage failed');
  if (stage.failOpen) {
    state.decisions.push({ stage: stage.name, phase, outcome: 'fail-open', reasons: [timedOut ? 'timeout' : 'error'], durationMs });
    return { action: 'pass' };
  }
  const code: ErrorCode = timedOut ? 'PC_ERR_GUARD_TIMEOUT' : 'PC_ERR_GUARD_FAILED';
  state.decisions.push({ stage: stage.name, phase, outcome: timedOut ? 'timeout' : 'error', code, durationMs });
  throw new GatewayError(code, { detail: `stage ${stage.name} ${timedOut ? 'timed out' : 'threw'}`, cause: err });
}

/** Chunks pass through every inspector in order; a deny ends the stream with that error. */
export class StreamRun {
  constructor(
    private readonly pipeline: Pipeline,
    private readonly state: RequestState,
    private readonly inspectors: readonly { stage: Stage; inspector: StreamInspector }[],
  ) {}

  /** Returns the chunks to send now (possibly none, possibly held-back ones). Throws on deny. */
  async chunk(chunk: ChatChunk): Promise<readonly ChatChunk[]> {
    return this.through(0, [chunk]);
  }

  /** Flushes every inspector at the end of the stream. Throws on deny. */
  async end(): Promise<readonly ChatChunk[]> {
    let out: ChatChunk[] = [];
    for (let i = 0; i < this.inspectors.length; i++) {
      const entry = this.inspectors[i] as { stage: Stage; inspector: StreamInspector };
      // Chunks released by earlier inspectors' flush still go through the later ones.
      const passed = out.length > 0 ? [...(await this.throughOne(i, out))] : [];
      const verdict = await this.pipeline.call<readonly ChatChunk[]>(this.state, entry.stage, 'stream', 'stream', [], () => entry.inspector.onEnd());
      out = verdict.action === 'replace' ? [...passed, ...verdict.value] : passed;
    }
    return out;
  }

  private async through(from: number, chunks: readonly ChatChunk[]): Promise<readonly ChatChunk[]> {
    let current = chunks;
    for (let i = from; i < this.inspectors.length && current.length > 0; i++) current = await this.throughOne(i, current);
    return current;
  }

  private async throughOne(i: number, chunks: readonly ChatChunk[]): Promise<readonly ChatChunk[]> {
    const entry = this.inspectors[i] as { stage: Stage; inspector: StreamInspector };
    const out: ChatChunk[] = [];
    for (const c of chunks) {
      const verdict = await this.pipeline.call<readonly ChatChunk[]>(this.state, entry.stage, 'stream', 'stream', [c], () => entry.inspector.onChunk(c));
      if (verdict.action === 'replace') out.push(...verdict.value);
      else out.push(c);
    }
    return out;
  }
}

function invoke(stage: Stage, hook: Hook, state: StageContext, input: unknown): unknown {
  switch (hook) {
    case 'onHeaders':
      return stage.onHeaders?.(state);
    case 'onRequest':
      return stage.onRequest?.(state, input as CanonicalRequest);
    case 'onResponse':
      return stage.onResponse?.(state, input as CanonicalResponse);
  }
}

/**
 * Folds a reason-less stream decision into the stage's previous one when that one is the same
 * stage and outcome, still without reasons; decisions with reasons (findings) stay separate.
 */
function foldStreamDecision(decisions: Decision[], decision: Decision): void {
  for (let i = decisions.length - 1; i >= 0; i--) {
    const previous = decisions[i] as Decision;
    if (previous.phase !== 'stream') break;
    if (previous.stage !== decision.stage) continue;
    if (previous.outcome === decision.outcome && previous.reasons === undefined) {
      decisions[i] = { ...previous, durationMs: previous.durationMs + decision.durationMs, calls: (previous.calls ?? 1) + 1 };
      return;
    }
    break;
  }
  decisions.push(decision);
}

function applyRequestVerdict(state: RequestState, current: CanonicalRequest, verdict: Verdict<CanonicalRequest>): CanonicalRequest {
  if (verdict.action === 'replace') return verdict.value;
  if (verdict.action === 'pass' && verdict.facts) applyFacts(state, verdict.facts);
  return current;
}

function applyFacts(state: RequestState, facts: ContextFacts): void {
  if (facts.principal) state.principal = facts.principal;
  if (facts.context) state.context = facts.context;
}

class StageTimeout extends Error {}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function isVerdict(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const action = (value as { action?: unknown }).action;
  return action === 'pass' || action === 'replace' || action === 'deny';
}

/** Synchronous stages never pay for a timer; only awaited results race the budget. */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StageTimeout()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
