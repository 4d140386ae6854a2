/**
 * Prompt-injection, jailbreak and system-prompt-extraction detection (direct, in user prompts, and
 * indirect, inside documents and tool results), and detection of answers that complied with a
 * jailbreak. Pure functions of text: the trained weights are loaded once when the module loads.
 *
 * Approach: de-obfuscate (deobfuscate.ts), then a logistic regression over named multilingual
 * rule families and hashed n-grams (features.ts, rules.ts). Documents are split into lines,
 * sentences and small windows, each scored by the indirect model; the document scores as its
 * worst segment, which is also what lets a gateway drop just that passage.
 */
import modelFile from './model.json' with { type: 'json' };
import type { TextRole } from '../types.js';
import { bestSegment, documentPayloads } from './document.js';
import { extractInput, extractOutput, questionAttack, type Extracted } from './features.js';
import { contributions, deserialize, predict, type LinearModel, type SerializedModel } from './linear.js';

export { deobfuscate, canonicalize, DEOBFUSCATION_LIMITS, type Deobfuscated, type DeobfuscationKind } from './deobfuscate.js';
export { warmConcepts } from './features.js';

/** What an injection verdict is about. */
export type InjectionCategory = 'injection' | 'jailbreak' | 'extraction';

/** Result of {@link scoreInjection}. */
export interface InjectionScore {
  /** Probability-like score in [0, 1]. */
  readonly score: number;
  /** The attack family when `score` reaches the role's default threshold, else null. */
  readonly category: InjectionCategory | null;
  /** Names of the rules/features that drove the score, strongest first. */
  readonly signals: string[];
  /** For documents (`role: 'tool'`): offsets of the segment that scored highest. */
  readonly span?: { readonly start: number; readonly end: number };
}

/** Result of {@link scoreJailbrokenAnswer}. */
export interface JailbrokenScore {
  readonly score: number;
  readonly signals: string[];
}

/** Shape of the committed `model.json` written by `scripts/train-injection.ts`. */
export interface InjectionModelFile {
  readonly version: 1;
  readonly hashBits: number;
  readonly thresholds: Readonly<Record<TextRole | 'output', number>>;
  readonly direct: SerializedModel;
  readonly indirect: SerializedModel;
  readonly output: SerializedModel;
  readonly meta?: Readonly<Record<string, unknown>>;
}

function isSerialized(v: unknown): v is SerializedModel {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.named === 'object' && typeof o.count === 'number' && typeof o.scale === 'number' &&
    typeof o.index === 'string' && typeof o.weights === 'string';
}

function loadModels(file: unknown): { direct: LinearModel; indirect: LinearModel; output: LinearModel; thresholds: InjectionModelFile['thresholds'] } {
  if (typeof file !== 'object' || file === null) throw new Error('injection model: not an object');
  const f = file as Record<string, unknown>;
  const t = f.thresholds as Record<string, unknown> | undefined;
  if (f.version !== 1 || !isSerialized(f.direct) || !isSerialized(f.indirect) || !isSerialized(f.output) || t === undefined) {
    throw new Error('injection model: unexpected format');
  }
  const num = (k: string): number => {
    const v = t[k];
    if (typeof v !== 'number' || !(v > 0 && v < 1)) throw new Error(`injection model: bad threshold ${k}`);
    return v;
  };
  const thresholds = Object.freeze({ user: num('user'), system: num('system'), tool: num('tool'), assistant: num('assistant'), output: num('output') });
  return { direct: deserialize(f.direct), indirect: deserialize(f.indirect), output: deserialize(f.output), thresholds };
}

// Loaded once at start-up; a corrupt model fails the import (and so start-up), never a request.
const MODELS = loadModels(modelFile);

/**
 * Default decision thresholds per role, chosen by cross-validation on the training part of the
 * development data (see `scripts/train-injection.ts`). `output` is for {@link scoreJailbrokenAnswer}.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<TextRole | 'output', number>> = MODELS.thresholds;

const EXTRACTION = new Set(['r:secret-ask', 'r:prompt-leak', 'r:covert-disclosure', 'r:user-data-ask']);
const JAILBREAK = new Set(['r:jailbreak-persona', 'r:persona-roleplay', 'r:role-immersion', 'r:policy-bypass', 'r:dual-response', 'r:refusal-suppression', 'r:fiction-framing']);

// Concept signals (session 14, concepts.ts) that name a category when no rule does: text in a
// language the rules do not cover.
const EXTRACTION_CONCEPTS = /^concepts?:(?:.*\b(?:reveal|verbatim)\b.*\b(?:prompt|secret|credential|system|instruction)\b|.*\b(?:prompt|secret|credential|system|instruction)\b.*\b(?:reveal|verbatim)\b)/;
const JAILBREAK_CONCEPTS = /^concepts?:.*\b(?:pretend|persona|unrestricted)\b/;

function categorise(signals: readonly string[]): InjectionCategory {
  for (const s of signals) {
    if (EXTRACTION.has(s)) return 'extraction';
    if (JAILBREAK.has(s)) return 'jailbreak';
  }
  for (const s of signals) {
    if (EXTRACTION_CONCEPTS.test(s)) return 'extraction';
    if (JAILBREAK_CONCEPTS.test(s)) return 'jailbreak';
  }
  return 'injection';
}

/** A feature's name as a signal: `rule:<family>`, `concept:<c>`, `concepts:<a>+<b>`, or as it is. */
function signalName(feature: string): string {
  if (feature.startsWith('r:')) return `rule:${feature.slice(2)}`;
  if (feature.startsWith('cc:')) return `concepts:${feature.slice(3)}`;
  if (feature.startsWith('c:')) return `concept:${feature.slice(2)}`;
  return feature;
}

// Signals worth recording: features that pushed the score up noticeably, plus every
// obfuscation trick found (those are informative even when the content was benign).
function explain(model: LinearModel, ex: Extracted): string[] {
  const out: string[] = [];
  for (const c of contributions(model, ex.vector)) {
    if (c.value < 0.15 || out.length >= 8) break;
    out.push(signalName(c.name));
  }
  for (const o of ex.rules.obfuscation) if (!out.includes(o)) out.push(o);
  return out;
}

// Six decimals, and never exactly 1: a threshold of 1 must mean "never flag", and a confident
// (calibrated) model's sigmoid reaches 1.0 in floating point.
function round(p: number): number {
  return Math.min(Math.round(p * 1e6) / 1e6, 0.999999);
}

/** Score a document by its worst segment (and any hidden/encoded payload scored on its own). */
function scoreDocument(text: string): { score: number; best: Extracted | null; span?: { start: number; end: number } } {
  let best: Extracted | null = null;
  let bestScore = 0;
  let span: { start: number; end: number } | undefined;
  const top = bestSegment(text, MODELS.indirect);
  if (top !== null) {
    bestScore = top.score;
    best = top.features;
    span = { start: top.segment.start, end: top.segment.end };
  }
  // Payloads that span lines (an HTML comment, a base64 blob) are also scored whole.
  for (const p of documentPayloads(text)) {
    const ex = extractInput(p.text, 'segment');
    const s = predict(MODELS.indirect, ex.vector);
    if (s > bestScore) {
      bestScore = s;
      best = { vector: ex.vector, rules: { hits: ex.rules.hits, obfuscation: [...ex.rules.obfuscation, `obf:${p.kind}`] } };
      span = undefined;
    }
  }
  return span === undefined ? { score: bestScore, best } : { score: bestScore, best, span };
}

/**
 * Score `text` for prompt injection, jailbreak or system-prompt extraction.
 *
 * `role` selects the model: `user`, `assistant` and `system` texts are scored as direct prompts
 * (`system` with a stricter threshold: operators legitimately write "you are …, never reveal …");
 * `tool` texts are documents the model will read and are scored per segment by the indirect model
 * (instructions addressed to the model inside data, as in BIPIA, Yi et al. 2023).
 */
export function scoreInjection(text: string, role: TextRole = 'user'): InjectionScore {
  if (role === 'tool') {
    const doc = scoreDocument(text);
    const signals = doc.best === null ? [] : explain(MODELS.indirect, doc.best);
    const score = round(doc.score);
    const category = score >= DEFAULT_THRESHOLDS.tool ? categoriseDoc(signals) : null;
    return doc.span === undefined ? { score, category, signals } : { score, category, signals, span: doc.span };
  }
  const ex = extractInput(text, 'direct');
  const score = round(predict(MODELS.direct, ex.vector));
  const signals = explain(MODELS.direct, ex);
  // Rule hits name the category; the concept signals the explanation kept do when no rule does.
  const ruleSignals = [...[...ex.rules.hits].map((h) => `r:${h}`).sort(), ...signals.filter((s) => s.startsWith('concept'))];
  const category = score >= DEFAULT_THRESHOLDS[role] ? categorise(ruleSignals) : null;
  return { score, category, signals };
}

function categoriseDoc(signals: readonly string[]): InjectionCategory {
  return categorise(signals.map((s) => (s.startsWith('rule:') ? `r:${s.slice(5)}` : s)));
}

// A stream's answer is scored again as it grows, with the same question each time: the question's
// score is kept for the last question seen.
let lastQuestion: { readonly text: string; readonly score: number } | undefined;

/** The direct model's score of the question an answer replies to (a feature of the answer model). */
function promptAttack(question: string): number {
  if (lastQuestion?.text !== question) lastQuestion = { text: question, score: questionAttack(question, (x) => predict(MODELS.direct, x)) };
  return lastQuestion.score;
}

/**
 * Score a model answer for having complied with a harmful or jailbreak request (rather than
 * refusing). `prompt`, when given, is the question that was asked.
 */
export function scoreJailbrokenAnswer(answer: string, prompt?: string): JailbrokenScore {
  const question = prompt !== undefined && prompt.length > 0 ? prompt : undefined;
  const ex = extractOutput(answer, question, question === undefined ? undefined : promptAttack(question));
  const score = round(predict(MODELS.output, ex.vector));
  const signals = explain(MODELS.output, ex);
  // Name the harm topics found in the non-refusing parts, so a flagged answer says what it was about.
  for (const h of [...ex.rules.hits].sort()) if (h.startsWith('harm:')) signals.push(`topic:${h.slice(5)}`);
  return { score, signals };
}
