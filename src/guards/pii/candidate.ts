/** Internal shape shared by the PII detectors before overlaps are resolved. */
import RE2 from 're2';
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
 * Whole-text patterns of the detectors, registered by {@link scanPattern}, and one RE2.Set over
 * all of them. Most texts contain matches of only a few patterns; one Set pass (a single DFA scan)
 * tells which, and {@link matches} skips the others without scanning the text again. The Set
 * matches exactly the language of each pattern (same engine, same flags), so skipping changes
 * no output. Built on first use, after every detector module has registered its patterns.
 */
const registered: { readonly re: RE2; readonly source: string }[] = [];
const slotOf = new Map<RE2, number>();
let prefilter: InstanceType<typeof RE2.Set> | undefined;
/** The last text the Set was run on and which patterns matched it (detectors share one text). */
let lastText: string | undefined;
let lastHits = new Uint8Array(0);

/**
 * A global RE2 expression that {@link matches} runs on whole texts, behind the shared Set
 * prefilter. `flags` must contain "g"; "i" and "u" are the other flags accepted.
 */
export function scanPattern(source: string, flags: string): RE2 {
  if (!/^[giu]*$/.test(flags) || !flags.includes('g')) throw new Error(`scanPattern: unsupported flags ${flags}`);
  const re = new RE2(source, flags);
  slotOf.set(re, registered.length);
  // The Set takes one flag set for all patterns; case-insensitivity moves inside the pattern.
  registered.push({ re, source: flags.includes('i') ? `(?i:${source})` : source });
  prefilter = undefined;
  return re;
}

/** Whether `re` can match somewhere in `text`; true for patterns not registered. */
function mayMatch(re: RE2, text: string): boolean {
  const slot = slotOf.get(re);
  if (slot === undefined) return true;
  if (text !== lastText || lastHits.length !== registered.length) {
    prefilter ??= new RE2.Set(
      registered.map((r) => r.source),
      'u',
    );
    const hits = new Uint8Array(registered.length);
    for (const k of prefilter.match(text)) hits[k] = 1;
    lastText = text;
    lastHits = hits;
  }
  return lastHits[slot] === 1;
}

/** Iterates the matches of a global RE2 expression from the start of `text`. */
export function* matches(re: RE2, text: string): Generator<RegExpExecArray> {
  if (!mayMatch(re, text)) return;
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(text);
    if (m === null) return;
    if (m[0].length === 0) re.lastIndex = m.index + 1;
    yield m;
  }
}
