/**
 * Checks that need a whole answer rather than a window of it: structured-output validation
 * (guards/schema) and jailbroken-answer detection (the trained answer model of
 * guards/injection, `scoreJailbrokenAnswer`). The output stage runs them on each choice of a
 * whole answer; on a stream it keeps each choice's released text and settles it when the choice
 * finishes, before its last held text and finish chunk go out. Jailbroken-answer detection also
 * looks at a stream as it grows, so a harmful answer is cut off early rather than only at its end.
 *
 * Only requests whose route or `response_format` asks for one of these checks get a monitor.
 */
import type { ErrorCode } from '../../errors.js';
import { scoreJailbrokenAnswer } from '../injection/index.js';
import { structuredViolation, type StructuredCheck } from '../schema/structured.js';

export interface JailbrokenCheck {
  readonly action: 'block' | 'log-only';
  readonly threshold: number;
  /** The question that was asked (the answer model reads both when it has them). */
  readonly prompt: string | undefined;
}

export interface AnswerChecks {
  readonly structured: readonly StructuredCheck[] | undefined;
  readonly jailbroken: JailbrokenCheck | undefined;
}

export type AnswerVerdict = { readonly ok: true; readonly reasons: readonly string[] } | { readonly ok: false; readonly code: ErrorCode; readonly reasons: readonly string[] };

const PASS: AnswerVerdict = Object.freeze({ ok: true, reasons: Object.freeze([]) });

/** Streams: score a growing answer again after this many new characters... */
const RESCORE_EVERY = 512;
/** ...while it is at most this long; longer answers are scored once more when they finish. */
const RESCORE_UP_TO = 8192;

function jailbroken(check: JailbrokenCheck, text: string, where: string): AnswerVerdict {
  const s = scoreJailbrokenAnswer(text, check.prompt);
  if (s.score < check.threshold) return PASS;
  const topics = s.signals.filter((x) => x.startsWith('topic:')).map((x) => x.slice(6));
  const reason = `jailbroken:${s.score}:${check.action}@${where}${topics.length ? `:${topics.join('+')}` : ''}`;
  return check.action === 'block' ? { ok: false, code: 'PC_ERR_OUTPUT_BLOCKED', reasons: [reason] } : { ok: true, reasons: [reason] };
}

/** Checks one finished answer's text. */
export function checkWholeAnswer(checks: AnswerChecks, text: string, where: string): AnswerVerdict {
  if (checks.structured !== undefined) {
    const problem = structuredViolation(checks.structured, text, where);
    if (problem !== undefined) return { ok: false, code: 'PC_ERR_OUTPUT_SCHEMA', reasons: [problem] };
  }
  return checks.jailbroken === undefined ? PASS : jailbroken(checks.jailbroken, text, where);
}

interface ChoiceState {
  text: string;
  scoredAt: number;
  /** A log-only jailbroken finding is recorded once per choice. */
  flagged: boolean;
}

/** Per-stream state: each choice's released text. */
export class AnswerMonitor {
  private readonly choices = new Map<number, ChoiceState>();

  constructor(
    private readonly checks: AnswerChecks,
    /** Longest answer kept for checking; a longer one is refused (it cannot be checked whole). */
    private readonly maxChars: number,
  ) {}

  /** Adds released text of a choice; a verdict when the growing answer already fails. */
  add(choice: number, text: string): AnswerVerdict {
    if (text === '') return PASS;
    let state = this.choices.get(choice);
    if (state === undefined) {
      state = { text: '', scoredAt: 0, flagged: false };
      this.choices.set(choice, state);
    }
    state.text += text;
    if (state.text.length > this.maxChars) return { ok: false, code: 'PC_ERR_OUTPUT_BLOCKED', reasons: [`answer:block@c${choice}:too large to check whole`] };
    const jb = this.checks.jailbroken;
    if (jb !== undefined && !state.flagged && state.text.length <= RESCORE_UP_TO && state.text.length - state.scoredAt >= RESCORE_EVERY) {
      state.scoredAt = state.text.length;
      const v = jailbroken(jb, state.text, `c${choice}`);
      if (v.reasons.length > 0) state.flagged = true;
      return v;
    }
    return PASS;
  }

  /** The text of a choice so far (undefined when it has none). */
  textOf(choice: number): string | undefined {
    return this.choices.get(choice)?.text;
  }

  /** Checks a finished choice (once); later calls for it pass. */
  settle(choice: number): AnswerVerdict {
    const state = this.choices.get(choice);
    if (state === undefined) return PASS;
    this.choices.delete(choice);
    const checks = state.flagged ? { ...this.checks, jailbroken: undefined } : this.checks;
    return checkWholeAnswer(checks, state.text, `c${choice}`);
  }

  /** Choices with text that have not been settled (the upstream never finished them). */
  unsettled(): number[] {
    return [...this.choices.keys()];
  }
}
