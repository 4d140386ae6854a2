/** Internal shape shared by the PII detectors before overlaps are resolved. */
import type RE2 from 're2';
import { PatternSet, locateMatches, type Match } from '../pattern-set.js';
import { keepNonOverlapping } from '../spans.js';

/**
 * How strongly a detection is backed, used to resolve overlapping candidates: a check digit or
 * an unambiguous structure beats a format match, which beats a statistical guess.
 */
export const Rank = {
  /** Statistical (the name/address/location/organisation tagger). */
  Model: 0,
  /** Format match with plausibility checks (years, bare domains, spaced numbers). */
  Format: 1,
  /** Semantically validated (phone metadata, calendar dates). */
  Validated: 2,
  /** Check digit or unambiguous structure (Luhn, mod-97, e-mail, IP, URL). */
  Checked: 3,
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

/** A detection in normalised-text offsets. */
export interface Candidate {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly rank: Rank;
}

const WORD = /[\p{L}\p{N}_]/u;

/** True when the code unit at `i` exists and is a letter, digit or underscore. */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  }
  return WORD.test(text[i] ?? '');
}

/** True when the code unit at `i` is an ASCII digit. */
export function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * Resolves overlaps greedily: higher rank first, then longer, then higher score, then earlier.
 * Returns the kept candidates sorted by start. Each detector's own matches are disjoint, so the
 * occupancy checks cost O(detectors x text length) at worst.
 */
export function resolveOverlaps(cands: readonly Candidate[], textLength: number): Candidate[] {
  const order = [...cands].sort(
    (a, b) =>
      b.rank - a.rank ||
      b.end - b.start - (a.end - a.start) ||
      b.score - a.score ||
      a.start - b.start,
  );
  return keepNonOverlapping(order, textLength);
}

/**
 * The whole-text patterns of the PII detectors that run behind one Set prefilter. Only patterns
 * whose combined DFA stays small belong here: with the e-mail, domain, IPv6, card and phone
 * patterns added, the Set's DFA outgrows its cache on varied text and the one pass costs more than
 * the separate scans it replaces (measured on the dev files, see docs/detection.md).
 */
const PII_PATTERNS = new PatternSet();

/**
 * A global RE2 expression that {@link matches} and {@link allMatches} run on whole texts only
 * when the shared Set pass finds a match of it. `flags`: "g" plus optionally "i" and "u".
 */
export function scanPattern(source: string, flags: string): RE2 {
  return PII_PATTERNS.add(source, flags);
}

/**
 * Every match of a global RE2 expression in `text`, in order, collected in one native call
 * (see {@link locateMatches}); skipped when the shared Set pass finds none.
 */
export function* allMatches(re: RE2, text: string, doubtful?: (value: string, index: number) => boolean): Generator<Match> {
  if (!PII_PATTERNS.mayMatch(re, text)) return;
  yield* locateMatches(re, text, doubtful);
}

/** Iterates the matches of a global RE2 expression from the start of `text`. */
export function* matches(re: RE2, text: string): Generator<RegExpExecArray> {
  if (!PII_PATTERNS.mayMatch(re, text)) return;
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(text);
    if (m === null) return;
    if (m[0].length === 0) re.lastIndex = m.index + 1;
    yield m;
  }
}
