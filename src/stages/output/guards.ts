/**
 * Output guards (phase `output`): every answer, whole or streamed, is scanned for secrets and PII
 * (block, mask, hash or record, per the route's policy), exfiltration links (guards/links.ts) and
 * system-prompt leaks (the request's canary, or `leakMinChars` consecutive characters of the
 * system prompt; guards/leak.ts). Tool-call arguments are scanned too (except for links: fetching
 * URLs is what many tools are for).
 *
 * Streams: each choice's text (and each tool call's arguments) is a {@link Channel} with a bounded
 * look-behind window. New text is scanned together with the last `windowChars` released
 * characters, so a pattern split across chunks is still caught; only the text a pattern could
 * still complete is held back (guards/holdback.ts), the rest is released at once. A violation
 * denies: the runner turns it into the error event, the gateway aborts the upstream.
 */
import type { ChatChunk, ChatResponse, Choice, ChoiceDelta, ToolCallDelta } from '../../canonical/types.js';
import type { ErrorCode } from '../../errors.js';
import { holdFrom } from '../../guards/holdback.js';
import type { LeakIndex } from '../../guards/leak.js';
import { findExfiltrationLinks } from '../../guards/links.js';
import type { CompiledGuards, OutputPolicy } from '../../guards/policy.js';
import { mergeActed, RULE_TYPE_PREFIX, ruleFindings, ruleReason } from '../../guards/rules/acted.js';
import type { Finding } from '../../guards/types.js';
import { runDetectors } from '../../guards/judge/run.js';
import { AnswerMonitor, checkWholeAnswer, type AnswerChecks, type AnswerVerdict, type JailbrokenCheck } from '../../guards/judge/answers.js';
import { actedFindings, findingReason, redact, type ActedFinding } from '../../guards/redact.js';
import type { CanonicalResponse } from '../../canonical/types.js';
import type { Stage, StageContext, StreamInspector, Verdict } from '../../pipeline/types.js';
import type { RequestGuards, RequestGuardsRegistry } from '../input/guards.js';
import type { StreamRestorer } from '../../vault/placeholder.js';
import type { TokenSession } from '../../vault/session.js';
import { streamRestorer } from '../../vault/tokenize.js';

export interface OutputGuardOptions {
  readonly guards: () => CompiledGuards;
  readonly hashKey: Buffer;
  readonly registry: RequestGuardsRegistry;
}

interface Rules {
  readonly compiled: CompiledGuards;
  readonly policy: OutputPolicy;
  readonly hashKey: Buffer;
  readonly canary: string | undefined;
  readonly leak: LeakIndex | undefined;
  /** Whole-answer checks of this request (structured output, jailbroken answer); undefined for most requests. */
  readonly answers: AnswerChecks | undefined;
  /** The question, for detectors that judge the exchange. */
  readonly prompt: string | undefined;
  /** The request's placeholders: released text is de-tokenised for the caller. */
  readonly tokens: TokenSession | undefined;
}

export type PushResult = { readonly ok: true; readonly out: string; readonly reasons: readonly string[] } | { readonly ok: false; readonly code: ErrorCode; readonly reasons: readonly string[] };

/**
 * One text stream (a choice's content or a tool call's arguments) under inspection. Released text
 * is final; held text waits for what comes next.
 */
export class Channel {
  private tail = '';
  private held = '';
  /** Stream offset of the first character of `tail`, for reasons. */
  private base = 0;
  /**
   * De-tokenises released text (after the checks, which see the model's own text); holds a
   * placeholder split across chunks. Tool-call arguments (the channels without link checks) are
   * JSON, so values restored there are JSON-escaped.
   */
  private readonly restorer: StreamRestorer | undefined;

  constructor(
    private readonly rules: Rules,
    private readonly where: string,
    private readonly links: boolean,
  ) {
    this.restorer = rules.tokens ? streamRestorer(rules.tokens, !links) : undefined;
  }

  /** True when text is held back. */
  get holding(): boolean {
    return this.held.length > 0 || (this.restorer?.holding ?? false);
  }

  /** Adds text; `final` releases everything (end of the choice or of the answer). */
  push(delta: string, final: boolean): PushResult {
    this.held += delta;
    if (this.held.length === 0) return { ok: true, out: this.restorer ? this.restorer.push('', final) : '', reasons: [] };
    const { policy, canary, leak, compiled, hashKey } = this.rules;
    const window = this.tail + this.held;
    const from = this.tail.length;
    const reasons: string[] = [];
    const at = (start: number, end: number): string => `${this.where}:${this.base + start}-${this.base + end}`;
    const deny = (code: ErrorCode, reason: string): PushResult => ({ ok: false, code, reasons: [...reasons, reason] });

    if (canary !== undefined && window.includes(canary)) return deny('PC_ERR_PROMPT_LEAK', `canary:block@${this.where}`);
    if (leak?.leaks(window, from)) return deny('PC_ERR_PROMPT_LEAK', `prompt-leak:block@${this.where}`);

    let acted: ActedFinding[] = actedFindings(compiled.scanner, window, 'assistant', policy.actionFor).filter((a) => a.finding.end > from);
    for (const a of acted) {
      if (a.action === 'block') return deny('PC_ERR_OUTPUT_BLOCKED', findingReason(a.finding, 'block', this.where, this.base));
    }
    if (policy.rules !== undefined) {
      // The look-behind catches a match that started in text already released.
      const matched = ruleFindings(policy.rules, window).filter((a) => a.finding.end > from);
      for (const a of matched) {
        if (a.action === 'block') return deny('PC_ERR_OUTPUT_BLOCKED', reasonOf(a.finding, 'block', this.where, this.base));
      }
      acted = mergeActed(acted, matched);
    }
    const found = this.links ? findExfiltrationLinks(window, policy.links).filter((l) => l.end > from) : [];

    // What to release: everything at the end; else up to where a pattern could still complete,
    // never splitting a finding or a link that is still open, and never holding more than the window.
    let cut = final ? window.length : holdFrom(window, from);
    if (!final) {
      // Rules that span words (phrases, keyword lists) hold their longest match back.
      const hold = policy.rules?.hold ?? 0;
      if (hold > 0) cut = Math.max(from, Math.min(cut, window.length - hold));
      for (const a of acted) if (a.finding.end > cut && a.finding.start >= from && a.finding.start < cut) cut = a.finding.start;
      for (const l of found) if (l.end > cut && l.start >= from && l.start < cut) cut = l.start;
      if (window.length - cut > policy.windowChars) cut = window.length - policy.windowChars;
    }

    for (const l of found) {
      if (l.end > cut && l.start >= from) continue;
      reasons.push(`link:${l.kind}${l.data ? '+data' : ''}:${policy.links.action}@${at(l.start, l.end)}`);
      if (policy.links.action === 'block') return deny('PC_ERR_OUTPUT_BLOCKED', reasons.pop() as string);
    }
    const release: ActedFinding[] = [];
    for (const a of acted) {
      const f = a.finding;
      if (f.end > cut && f.start >= from) continue;
      if (f.start < from && (a.action === 'mask' || a.action === 'hash')) {
        // Part of it is already out: it cannot be masked any more, so the answer stops here.
        return deny('PC_ERR_OUTPUT_BLOCKED', reasonOf(f, `${a.action}-too-late`, this.where, this.base));
      }
      reasons.push(reasonOf(f, a.action, this.where, this.base));
      if (f.start >= from && f.end <= cut) release.push({ action: a.action, finding: { ...f, start: f.start - from, end: f.end - from } });
    }

    const out = redact(window.slice(from, cut), release, hashKey);
    this.held = window.slice(cut);
    const released = this.tail + out;
    const keep = Math.max(0, released.length - policy.windowChars);
    this.base += keep;
    this.tail = released.slice(keep);
    return { ok: true, out: this.restorer ? this.restorer.push(out, final) : out, reasons };
  }
}

/** Reason of a PII / secret finding, or of a content-rule match. */
function reasonOf(f: Finding, action: string, where: string, offset: number): string {
  return f.type.startsWith(RULE_TYPE_PREFIX) ? ruleReason(f.type, action, where, f.start + offset, f.end + offset) : findingReason(f, action, where, offset);
}

function omitUsage(chunk: ChatChunk): Omit<ChatChunk, 'usage'> {
  const { usage: _usage, ...rest } = chunk;
  return rest;
}

function rulesOf(compiled: CompiledGuards, guards: RequestGuards, hashKey: Buffer): Rules {
  const output = guards.policy.output;
  const jailbroken: JailbrokenCheck | undefined = output.jailbroken === undefined ? undefined : { action: output.jailbroken, threshold: compiled.config.jailbroken.threshold, prompt: guards.prompt };
  // External detectors read the whole answer too, so its text is kept for them.
  const answers = guards.structured === undefined && jailbroken === undefined && output.external.length === 0 ? undefined : { structured: guards.structured, jailbroken };
  return { compiled, policy: output, hashKey, canary: guards.canary, leak: guards.leak, answers, prompt: guards.prompt, tokens: guards.tokens };
}

function nonEmpty(c: ChoiceDelta): boolean {
  const d = c.delta;
  return d.role !== undefined || (d.content !== undefined && d.content !== '') || (d.toolCalls !== undefined && d.toolCalls.length > 0) || (c.finishReason !== undefined && c.finishReason !== null);
}

interface ChannelEntry {
  readonly channel: Channel;
  readonly choice: number;
  /** Tool-call index, or undefined for the content. */
  readonly tool: number | undefined;
}

/** Inspects one streamed answer. */
class GuardedStream implements StreamInspector {
  private readonly channels = new Map<string, ChannelEntry>();
  private last: ChatChunk | undefined;
  /** Whole-answer checks (structured output, jailbroken answer); only for requests that have them. */
  private readonly answers: AnswerMonitor | undefined;

  constructor(
    private readonly rules: Rules,
    private readonly ctx: StageContext,
  ) {
    this.answers = rules.answers === undefined ? undefined : new AnswerMonitor(rules.answers, rules.compiled.config.maxInputBytes);
  }

  private channel(choice: number, tool: number | undefined): Channel {
    const key = tool === undefined ? `c${choice}` : `t${choice}.${tool}`;
    let entry = this.channels.get(key);
    if (!entry) {
      entry = { channel: new Channel(this.rules, tool === undefined ? `c${choice}` : `c${choice}.tool${tool}`, tool === undefined), choice, tool };
      this.channels.set(key, entry);
    }
    return entry.channel;
  }

  onChunk(chunk: ChatChunk): Verdict<readonly ChatChunk[]> | Promise<Verdict<readonly ChatChunk[]>> {
    this.last = chunk;
    const reasons: string[] = [];
    if (chunk.choices.length === 0) {
      // Usage comes after the text; whatever is still held goes out before it.
      const flushed = this.flush(() => true, reasons);
      if (!Array.isArray(flushed)) return flushed;
      const answers = this.answers;
      for (const d of answers === undefined ? [] : flushed) {
        const v = (answers as AnswerMonitor).add(d.index, d.delta.content ?? '');
        if (!v.ok) return { action: 'deny', code: v.code, reasons: [...reasons, ...v.reasons] };
        reasons.push(...v.reasons);
      }
      const { usage: _usage, ...rest } = chunk;
      const before: ChatChunk[] = flushed.length > 0 ? [{ ...rest, choices: flushed }] : [];
      return { action: 'replace', value: [...before, chunk], ...(reasons.length ? { reasons } : {}) };
    }
    const choices: ChoiceDelta[] = [];
    /** Choices that finished in this chunk, for the external detectors. */
    const finished: { choice: number; text: string }[] = [];
    for (const c of chunk.choices) {
      const final = c.finishReason !== undefined && c.finishReason !== null;
      let content: string | undefined;
      if (c.delta.content !== undefined || final) {
        const r = this.channel(c.index, undefined).push(c.delta.content ?? '', final);
        if (!r.ok) return { action: 'deny', code: r.code, reasons: [...reasons, ...r.reasons] };
        reasons.push(...r.reasons);
        content = r.out;
      }
      const toolCalls: ToolCallDelta[] = [];
      const seen = new Set<number>();
      for (const tc of c.delta.toolCalls ?? []) {
        seen.add(tc.index);
        if (tc.arguments === undefined) {
          toolCalls.push(tc);
          continue;
        }
        const r = this.channel(c.index, tc.index).push(tc.arguments, final);
        if (!r.ok) return { action: 'deny', code: r.code, reasons: [...reasons, ...r.reasons] };
        reasons.push(...r.reasons);
        toolCalls.push({ ...tc, arguments: r.out });
      }
      if (final) {
        for (const e of this.channels.values()) {
          if (e.choice !== c.index || e.tool === undefined || seen.has(e.tool) || !e.channel.holding) continue;
          const r = e.channel.push('', true);
          if (!r.ok) return { action: 'deny', code: r.code, reasons: [...reasons, ...r.reasons] };
          reasons.push(...r.reasons);
          toolCalls.push({ index: e.tool, arguments: r.out });
        }
      }
      if (this.answers !== undefined) {
        const added = this.answers.add(c.index, content ?? '');
        const text = final && this.rules.policy.external.length > 0 ? this.answers.textOf(c.index) : undefined;
        if (text !== undefined) finished.push({ choice: c.index, text });
        const v = added.ok && final ? this.answers.settle(c.index) : added;
        if (!v.ok) return { action: 'deny', code: v.code, reasons: [...reasons, ...v.reasons] };
        reasons.push(...v.reasons);
      }
      const { content: _content, toolCalls: _tools, ...rest } = c.delta;
      const next: ChoiceDelta = {
        ...c,
        delta: { ...rest, ...(content !== undefined && content !== '' ? { content } : {}), ...(toolCalls.length > 0 ? { toolCalls } : {}) },
      };
      if (nonEmpty(next)) choices.push(next);
    }
    const value = choices.length > 0 || chunk.usage !== undefined ? [{ ...chunk, choices }] : [];
    const verdict: Verdict<readonly ChatChunk[]> = { action: 'replace', value, ...(reasons.length ? { reasons } : {}) };
    return finished.length === 0 ? verdict : this.judged(verdict, finished);
  }

  /** Holds a verdict until the external detectors have read the finished answers. */
  private async judged(verdict: Verdict<readonly ChatChunk[]>, finished: readonly { choice: number; text: string }[]): Promise<Verdict<readonly ChatChunk[]>> {
    const reasons = [...(verdict.reasons ?? [])];
    for (const f of finished) {
      const o = await runDetectors(this.rules.policy.external, { text: f.text, role: 'assistant', ...(this.rules.prompt !== undefined ? { prompt: this.rules.prompt } : {}) }, `c${f.choice}`, this.ctx.signal, this.ctx.log);
      reasons.push(...o.reasons);
      if (!o.ok) return { action: 'deny', code: o.code, reasons };
    }
    return reasons.length === 0 ? verdict : { ...verdict, reasons };
  }

  onEnd(): Verdict<readonly ChatChunk[]> | Promise<Verdict<readonly ChatChunk[]>> {
    const reasons: string[] = [];
    const unfinished: { choice: number; text: string }[] = [];
    const flushed = this.flush(() => true, reasons);
    if (!Array.isArray(flushed)) return flushed;
    if (this.answers !== undefined) {
      // Choices the upstream never finished: what was sent is checked as the answer.
      const answers = this.answers;
      const verdicts: AnswerVerdict[] = flushed.map((d) => answers.add(d.index, d.delta.content ?? ''));
      for (const choice of answers.unsettled()) {
        const text = this.rules.policy.external.length > 0 ? answers.textOf(choice) : undefined;
        if (text !== undefined) unfinished.push({ choice, text });
        verdicts.push(answers.settle(choice));
      }
      for (const v of verdicts) {
        if (!v.ok) return { action: 'deny', code: v.code, reasons: [...reasons, ...v.reasons] };
        reasons.push(...v.reasons);
      }
    }
    const last = this.last;
    const verdict: Verdict<readonly ChatChunk[]> =
      flushed.length === 0 || last === undefined
        ? { action: 'replace', value: [], ...(reasons.length ? { reasons } : {}) }
        : { action: 'replace', value: [{ ...omitUsage(last), choices: flushed }], ...(reasons.length ? { reasons } : {}) };
    return unfinished.length === 0 ? verdict : this.judged(verdict, unfinished);
  }

  /** Releases everything held, as one delta per choice; a deny verdict when the rest breaks a rule. */
  private flush(which: (e: ChannelEntry) => boolean, reasons: string[]): ChoiceDelta[] | Verdict<never> {
    const byChoice = new Map<number, { content: string; toolCalls: ToolCallDelta[] }>();
    for (const e of this.channels.values()) {
      if (!which(e) || !e.channel.holding) continue;
      const r = e.channel.push('', true);
      if (!r.ok) return { action: 'deny', code: r.code, reasons: [...reasons, ...r.reasons] };
      reasons.push(...r.reasons);
      const d = byChoice.get(e.choice) ?? { content: '', toolCalls: [] };
      if (e.tool === undefined) d.content += r.out;
      else d.toolCalls.push({ index: e.tool, arguments: r.out });
      byChoice.set(e.choice, d);
    }
    return [...byChoice].map(([index, d]) => ({
      index,
      delta: { ...(d.content !== '' ? { content: d.content } : {}), ...(d.toolCalls.length > 0 ? { toolCalls: d.toolCalls } : {}) },
    }));
  }
}

/** Passes every chunk through: the route has its guards off, or an earlier failure failed open. */
const PASSTHROUGH: StreamInspector = {
  onChunk: () => ({ action: 'pass' }),
  onEnd: () => ({ action: 'pass' }),
};

/** Fails closed (or open, when the route says so) around an inspector that throws. */
function failSafe(inner: StreamInspector, failOpen: boolean, ctx: StageContext): StreamInspector {
  let broken = false;
  const guard = <T>(run: () => Verdict<T>): Verdict<T> => {
    if (broken) return { action: 'pass' };
    try {
      return run();
    } catch (err) {
      if (!failOpen) throw err;
      // Whatever the inspector held is lost with it; the stream goes on unguarded, as configured.
      broken = true;
      ctx.log.warn({ err, stage: 'output-guards' }, 'output guard failed; route is failOpen');
      return { action: 'pass', reasons: ['fail-open:error'] };
    }
  };
  return {
    onChunk: (chunk) => guard(() => inner.onChunk(chunk) as Verdict<readonly ChatChunk[]>),
    onEnd: () => guard(() => inner.onEnd() as Verdict<readonly ChatChunk[]>),
  };
}

const MISSING: StreamInspector = {
  onChunk() {
    throw new Error('output guards: the input guards recorded nothing for this request');
  },
  onEnd() {
    throw new Error('output guards: the input guards recorded nothing for this request');
  },
};

/** Runs the route's external detectors on each choice of a whole answer (as the client would get it). */
async function judgeAnswer(ctx: StageContext, guards: RequestGuards, response: ChatResponse, verdict: Verdict<CanonicalResponse>): Promise<Verdict<CanonicalResponse>> {
  const reasons = [...(verdict.reasons ?? [])];
  for (const c of response.choices) {
    if (c.message.content === null || c.message.content === '') continue;
    const o = await runDetectors(guards.policy.output.external, { text: c.message.content, role: 'assistant', ...(guards.prompt !== undefined ? { prompt: guards.prompt } : {}) }, `c${c.index}`, ctx.signal, ctx.log);
    reasons.push(...o.reasons);
    if (!o.ok) return { action: 'deny', code: o.code, reasons };
  }
  return reasons.length === 0 ? verdict : { ...verdict, reasons };
}

/** The output guard stage. */
export function outputGuardStage(options: OutputGuardOptions): Stage {
  if (typeof options.guards !== 'function') throw new TypeError('guards must be a function returning the compiled guards');
  if (!Buffer.isBuffer(options.hashKey) || options.hashKey.length < 32) throw new TypeError('hashKey must be at least 32 bytes');
  const { registry, hashKey } = options;

  function checkAnswer(rules: Rules, response: ChatResponse): Verdict<CanonicalResponse> {
    const reasons: string[] = [];
    let changed = false;
    const choices: Choice[] = [];
    for (const c of response.choices) {
      let content = c.message.content;
      if (content !== null) {
        const r = new Channel(rules, `c${c.index}`, true).push(content, true);
        if (!r.ok) return { action: 'deny', code: r.code, reasons: [...reasons, ...r.reasons] };
        reasons.push(...r.reasons);
        if (r.out !== content) changed = true;
        content = r.out;
      }
      let toolCalls = c.message.toolCalls;
      if (toolCalls) {
        const next = [];
        for (const [i, tc] of toolCalls.entries()) {
          const r = new Channel(rules, `c${c.index}.tool${i}`, false).push(tc.arguments, true);
          if (!r.ok) return { action: 'deny', code: r.code, reasons: [...reasons, ...r.reasons] };
          reasons.push(...r.reasons);
          if (r.out !== tc.arguments) changed = true;
          next.push({ ...tc, arguments: r.out });
        }
        toolCalls = next;
      }
      if (rules.answers !== undefined && content !== null) {
        const v = checkWholeAnswer(rules.answers, content, `c${c.index}`);
        if (!v.ok) return { action: 'deny', code: v.code, reasons: [...reasons, ...v.reasons] };
        reasons.push(...v.reasons);
      }
      choices.push({ ...c, message: { ...c.message, content, ...(toolCalls ? { toolCalls } : {}) } });
    }
    const r = reasons.length > 0 ? { reasons } : {};
    return changed ? { action: 'replace', value: { ...response, choices }, ...r } : { action: 'pass', ...r };
  }

  return {
    name: 'output-guards',
    phase: 'output',
    onResponse(ctx, response): Verdict<CanonicalResponse> | Promise<Verdict<CanonicalResponse>> {
      if (response.kind !== 'chat') return { action: 'pass' };
      const guards = registry.recall(ctx);
      if (!guards) throw new Error('output guards: the input guards recorded nothing for this request');
      if (!guards.policy.enabled) return { action: 'pass' };
      try {
        const verdict = checkAnswer(rulesOf(options.guards(), guards, hashKey), response);
        if (verdict.action === 'deny' || guards.policy.output.external.length === 0) return verdict;
        return judgeAnswer(ctx, guards, verdict.action === 'replace' ? (verdict.value as ChatResponse) : response, verdict);
      } catch (err) {
        if (!guards.policy.output.failOpen) throw err;
        ctx.log.warn({ err, stage: 'output-guards' }, 'output guard failed; route is failOpen');
        return { action: 'pass', reasons: ['fail-open:error'] };
      }
    },
    openStream(ctx) {
      const guards = registry.recall(ctx);
      if (!guards) return MISSING;
      if (!guards.policy.enabled) return PASSTHROUGH;
      return failSafe(new GuardedStream(rulesOf(options.guards(), guards, hashKey), ctx), guards.policy.output.failOpen, ctx);
    },
  };
}
