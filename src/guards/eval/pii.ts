/**
 * Span-level scoring of PII detectors on labelled rows in the format of the shared development
 * data (`pii-dev.jsonl`): exact (start, end, type), relaxed (same type, overlapping span) and
 * type-agnostic matches, overall and per type, with precision, recall, F1 and F2.
 *
 * Also token level, computed as presidio-research's `Evaluator` computes the figures the issue
 * quotes for Presidio (`evaluator.py`, `span_to_tag.py`): each token gets the type of the span
 * its first character falls in (IO tags), and the overall "PII" precision and recall count a
 * token as found when gold and prediction both tag it, whatever the two types; the typed variant
 * counts it only when the types agree (the sum of presidio's per-entity counts).
 */

import type { Finding } from '../types.js';

/** A gold span. Offsets are in the unit given by {@link ScorePiiOptions.offsets}. */
export interface PiiGoldSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value?: string;
}

/** A labelled row. Rows without spans are negatives: every prediction on them is a false positive. */
export interface PiiRow {
  readonly id: string;
  readonly text: string;
  readonly spans: readonly PiiGoldSpan[];
}

/** Counts and derived scores of one table cell. */
export interface PiiMetrics {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly f2: number;
}

/** Exact and relaxed metrics for one entity type. */
export interface PiiTypeMetrics {
  readonly gold: number;
  readonly predicted: number;
  readonly exact: PiiMetrics;
  readonly relaxed: PiiMetrics;
}

/** The full report of {@link scorePii}. */
export interface PiiReport {
  readonly rows: number;
  readonly goldSpans: number;
  readonly predictedSpans: number;
  /** Same start, end and type. */
  readonly exact: PiiMetrics;
  /** Same type, overlapping spans (one-to-one). */
  readonly relaxed: PiiMetrics;
  /** Same start and end, any type. */
  readonly typeAgnostic: PiiMetrics;
  /** Overlapping spans, any type (one-to-one). */
  readonly typeAgnosticRelaxed: PiiMetrics;
  /** Token level, any type: presidio-research's overall "PII" precision/recall/F (see the file note). */
  readonly token: PiiMetrics;
  /** Token level, same type. */
  readonly tokenTyped: PiiMetrics;
  /** Number of tokens scored ({@link tokenize}). */
  readonly tokens: number;
  /** Per type, sorted by gold count then name; includes types only predicted. */
  readonly perType: Readonly<Record<string, PiiTypeMetrics>>;
}

/** Options of {@link scorePii}. */
export interface ScorePiiOptions {
  /**
   * Unit of the gold offsets: `codepoint` (Python string indices, as in pii-dev.jsonl; default)
   * or `utf16` (JavaScript string indices). Predictions are always JavaScript indices.
   */
  readonly offsets?: 'codepoint' | 'utf16';
  /** Score only these types: other gold spans and predictions are ignored. Default: all. */
  readonly types?: readonly string[];
}

/**
 * The types of pii-dev that presidio-research scores for Presidio's default analyzer in its
 * published notebook (4_Evaluate_Presidio_Analyzer.ipynb): the evaluator keeps only the entities
 * the analyzer supports, so TITLE, AGE and ZIP_CODE drop out of both gold and predictions
 * (STREET_ADDRESS is mapped to LOCATION there, which the any-type token figure does not see).
 */
export const PRESIDIO_DEFAULT_SCORED_TYPES: readonly string[] = [
  'PERSON', 'STREET_ADDRESS', 'LOCATION', 'ORGANIZATION', 'CREDIT_CARD', 'DATE_TIME', 'PHONE_NUMBER', 'NRP',
  'EMAIL_ADDRESS', 'URL', 'IBAN_CODE', 'US_SSN', 'IP_ADDRESS', 'US_DRIVER_LICENSE',
];

/** One line: the any-type token scores of a report restricted to {@link PRESIDIO_DEFAULT_SCORED_TYPES}. */
export function formatPresidioTokenLine(r: PiiReport): string {
  const m = r.token;
  return `token, any type, on the types presidio-research scores for Presidio's default analyzer (no TITLE, AGE, ZIP_CODE): P=${m.precision.toFixed(3)} R=${m.recall.toFixed(3)} F2=${m.f2.toFixed(3)}`;
}

/** Builds P/R/F1/F2 from counts; empty denominators give 0. */
export function metrics(tp: number, fp: number, fn: number): PiiMetrics {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const fb = (b: number): number =>
    precision + recall === 0 ? 0 : ((1 + b * b) * precision * recall) / (b * b * precision + recall);
  return { tp, fp, fn, precision, recall, f1: fb(1), f2: fb(2) };
}

/**
 * Converts code-point offsets (Python `str` indices) of `text` to UTF-16 offsets (JavaScript
 * string indices). Offsets past the end map to `text.length`.
 */
export function codePointOffsetsToUtf16(text: string): (cp: number) => number {
  const table: number[] = [];
  let u = 0;
  for (const ch of text) {
    table.push(u);
    u += ch.length;
  }
  table.push(u);
  return (cp) => table[Math.max(0, Math.min(cp, table.length - 1))] ?? u;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Characters split off the front of a word, and off its end (a subset of spaCy's prefix/suffix rules). */
const PREFIX = new Set(['(', '[', '{', '"', "'", '`', '«', '“', '‘', '¿', '¡', '<', '*', '#', '$', '£', '€', '§']);
const SUFFIX = new Set([')', ']', '}', '"', "'", '`', '»', '”', '’', '.', ',', ';', ':', '!', '?', '>', '*', '%', '…']);

/**
 * Start offsets (UTF-16) of the tokens of `text`, an approximation of spaCy's English tokenizer
 * that presidio-research uses: whitespace-separated words, with leading and trailing punctuation
 * split off as tokens of their own; inner punctuation stays (e-mail addresses, URLs, phone numbers
 * and dates are one token, as in spaCy). Unlike spaCy, whitespace (line breaks) is never a token.
 */
export function tokenize(text: string): number[] {
  const starts: number[] = [];
  const word = /\S+/gu;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    let a = m.index;
    let b = a + m[0].length;
    const tail: number[] = [];
    while (b - a > 1 && PREFIX.has(text[a] ?? '')) starts.push(a++);
    while (b - a > 1 && SUFFIX.has(text[b - 1] ?? '')) tail.push(--b);
    starts.push(a, ...tail.reverse());
  }
  return starts;
}

/** The type of the first span (in start order) that holds offset `at`, or undefined (`O`). */
function tagAt(spans: readonly Span[], at: number): string | undefined {
  for (const s of spans) if (s.start <= at && at < s.end) return s.type;
  return undefined;
}

class Counter {
  tp = 0;
  fp = 0;
  fn = 0;
  add(tp: number, fp: number, fn: number): void {
    this.tp += tp;
    this.fp += fp;
    this.fn += fn;
  }
  done(): PiiMetrics {
    return metrics(this.tp, this.fp, this.fn);
  }
}

/** One-to-one greedy matching in start order; returns the number of matched pairs. */
function matchCount(gold: readonly Span[], pred: readonly Span[], same: (g: Span, p: Span) => boolean): number {
  const used = new Array<boolean>(gold.length).fill(false);
  let n = 0;
  for (const p of pred) {
    // Prefer an exact-boundary partner so that relaxed matching is never below exact matching.
    let pick = gold.findIndex((g, k) => !used[k] && same(g, p) && g.start === p.start && g.end === p.end);
    if (pick < 0) pick = gold.findIndex((g, k) => !used[k] && same(g, p));
    if (pick >= 0) {
      used[pick] = true;
      n++;
    }
  }
  return n;
}

const overlaps = (g: Span, p: Span): boolean => g.start < p.end && p.start < g.end;
const exactSame = (g: Span, p: Span): boolean => g.start === p.start && g.end === p.end;

/**
 * Scores `predict` on `rows` at span level (datasets README, "How to compute metrics").
 * Predictions on rows without gold spans count as false positives.
 */
export function scorePii(
  rows: Iterable<PiiRow>,
  predict: (text: string, row: PiiRow) => readonly Finding[],
  options: ScorePiiOptions = {},
): PiiReport {
  const keep = options.types === undefined ? undefined : new Set(options.types);
  const exact = new Counter();
  const relaxed = new Counter();
  const agnostic = new Counter();
  const agnosticRelaxed = new Counter();
  const token = new Counter();
  const tokenTyped = new Counter();
  let nTokens = 0;
  const perExact = new Map<string, Counter>();
  const perRelaxed = new Map<string, Counter>();
  const goldCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  let nRows = 0;
  let nGold = 0;
  let nPred = 0;
  const counter = (m: Map<string, Counter>, t: string): Counter => {
    let c = m.get(t);
    if (c === undefined) {
      c = new Counter();
      m.set(t, c);
    }
    return c;
  };

  for (const row of rows) {
    nRows++;
    const conv = options.offsets === 'utf16' ? (x: number) => x : codePointOffsetsToUtf16(row.text);
    const gold: Span[] = row.spans
      .filter((s) => keep === undefined || keep.has(s.type))
      .map((s) => ({ start: conv(s.start), end: conv(s.end), type: s.type }));
    const pred: Span[] = predict(row.text, row)
      .filter((f) => keep === undefined || keep.has(f.type))
      .map((f) => ({ start: f.start, end: f.end, type: f.type }))
      .sort((a, b) => a.start - b.start);
    nGold += gold.length;
    nPred += pred.length;

    const types = new Set([...gold.map((g) => g.type), ...pred.map((p) => p.type)]);
    for (const t of types) {
      const g = gold.filter((s) => s.type === t);
      const p = pred.filter((s) => s.type === t);
      goldCount.set(t, (goldCount.get(t) ?? 0) + g.length);
      predCount.set(t, (predCount.get(t) ?? 0) + p.length);
      const e = matchCount(g, p, exactSame);
      const r = matchCount(g, p, overlaps);
      counter(perExact, t).add(e, p.length - e, g.length - e);
      counter(perRelaxed, t).add(r, p.length - r, g.length - r);
      exact.add(e, p.length - e, g.length - e);
      relaxed.add(r, p.length - r, g.length - r);
    }
    const a = matchCount(gold, pred, exactSame);
    const ar = matchCount(gold, pred, overlaps);
    agnostic.add(a, pred.length - a, gold.length - a);
    agnosticRelaxed.add(ar, pred.length - ar, gold.length - ar);

    const goldSorted = [...gold].sort((x, y) => x.start - y.start);
    for (const at of tokenize(row.text)) {
      nTokens++;
      const g = tagAt(goldSorted, at);
      const p = tagAt(pred, at);
      if (g === undefined && p === undefined) continue;
      token.add(g !== undefined && p !== undefined ? 1 : 0, g === undefined ? 1 : 0, p === undefined ? 1 : 0);
      tokenTyped.add(g === p ? 1 : 0, p !== undefined && g !== p ? 1 : 0, g !== undefined && g !== p ? 1 : 0);
    }
  }

  const names = [...new Set([...goldCount.keys(), ...predCount.keys()])].sort(
    (x, y) => (goldCount.get(y) ?? 0) - (goldCount.get(x) ?? 0) || x.localeCompare(y),
  );
  const perType: Record<string, PiiTypeMetrics> = {};
  for (const t of names) {
    perType[t] = {
      gold: goldCount.get(t) ?? 0,
      predicted: predCount.get(t) ?? 0,
      exact: counter(perExact, t).done(),
      relaxed: counter(perRelaxed, t).done(),
    };
  }
  return {
    rows: nRows,
    goldSpans: nGold,
    predictedSpans: nPred,
    exact: exact.done(),
    relaxed: relaxed.done(),
    typeAgnostic: agnostic.done(),
    typeAgnosticRelaxed: agnosticRelaxed.done(),
    token: token.done(),
    tokenTyped: tokenTyped.done(),
    tokens: nTokens,
    perType,
  };
}

/** Renders a report as a plain-text table (for scripts and the CLI). */
export function formatPiiReport(r: PiiReport, title = 'PII'): string {
  const f = (x: number): string => x.toFixed(3);
  const line = (name: string, m: PiiMetrics): string =>
    `${name.padEnd(24)} ${String(m.tp).padStart(5)} ${String(m.fp).padStart(5)} ${String(m.fn).padStart(5)}  ${f(m.precision)}  ${f(m.recall)}  ${f(m.f1)}  ${f(m.f2)}`;
  const head = `${''.padEnd(24)}    tp    fp    fn  prec   rec    f1     f2`;
  const out = [`${title}: ${r.rows} rows, ${r.goldSpans} gold spans, ${r.predictedSpans} predicted`, head];
  out.push(line('exact', r.exact), line('relaxed', r.relaxed));
  out.push(line('type-agnostic exact', r.typeAgnostic), line('type-agnostic relaxed', r.typeAgnosticRelaxed));
  out.push(line('token, any type', r.token), line('token, same type', r.tokenTyped));
  out.push(`(token rows: ${r.tokens} tokens, presidio-research's token-level scoring; "any type" is its overall PII figure)`);
  out.push('', `per type (exact | relaxed)`, head);
  for (const [t, m] of Object.entries(r.perType)) {
    out.push(line(`${t}`, m.exact));
    out.push(line(`  ~relaxed`, m.relaxed));
  }
  return out.join('\n');
}
