/**
 * Compiles content rules into RE2 expressions (linear time, no catastrophic backtracking on
 * adversarial text) and finds their matches. A keyword list becomes one alternation, longest
 * keyword first, so RE2 walks the text once for the whole list (docs/detection.md has the
 * measurement against 1000 keywords). A rule set first asks an RE2.Set which rules match at all,
 * so text that matches nothing costs one pass however many rules there are.
 */
import RE2 from 're2';
import type { RuleAction, RuleDirection } from './schema.js';

export class RuleCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleCompileError';
  }
}

/** What compileRule needs of a rule's config. */
export interface RuleSpec {
  readonly name: string;
  readonly pattern?: string | undefined;
  readonly keywords?: readonly string[] | undefined;
  readonly direction: RuleDirection;
  readonly action: RuleAction;
  readonly caseInsensitive: boolean;
  readonly wordBoundary: boolean;
  readonly holdChars?: number | undefined;
}

export interface CompiledRule {
  readonly name: string;
  readonly action: RuleAction;
  readonly direction: RuleDirection;
  /** The bare expression (case flag included), for the RE2.Set pre-screen. */
  readonly source: string;
  /**
   * The scanning expression (global). With word boundaries it also consumes the character after
   * the match (a non-word character; the text is scanned with a NUL appended, so there always is
   * one); the character before is checked here, since RE2 has no look-behind.
   */
  readonly re: RE2;
  readonly boundary: boolean;
  /** Longest match expected (keywords: exact; patterns: a bound), for re-scanning after a near miss. */
  readonly span: number;
  /** Streams: newest characters to hold back (see schema.ts `holdChars`). */
  readonly hold: number;
}

/** One match. Offsets are JavaScript string indices. */
export interface RuleMatch {
  readonly rule: CompiledRule;
  readonly start: number;
  readonly end: number;
}

// A "word character" in any script; RE2's \b only knows ASCII, which would make "café" never
// match as a whole word.
const NOT_WORD = '[^\\pL\\pN_]';
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Appended to the scanned text so a match at its very end still has a following non-word character. */
const SENTINEL = '\u0000';
/** Bound of a pattern match, for re-scanning after a near miss (keywords know theirs). */
const PATTERN_SPAN = 256;

/** Escapes RE2 metacharacters; runs of white space in a phrase match any run of white space. */
function literal(keyword: string): string {
  return keyword
    .trim()
    .replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
}

function compileRe(source: string): RE2 {
  try {
    return new RE2(source, 'gu');
  } catch (err) {
    throw new RuleCompileError(`not a valid RE2 expression: ${(err as Error).message}`);
  }
}

/** Compiles one rule; throws RuleCompileError with RE2's message on a pattern RE2 rejects. */
export function compileRule(spec: RuleSpec): CompiledRule {
  let body: string;
  let hold: number;
  let span: number;
  if (spec.keywords !== undefined) {
    const words = [...new Set(spec.keywords.map((k) => k.trim()).filter((k) => k !== ''))];
    if (words.length === 0) throw new RuleCompileError('every keyword is blank');
    // Longest first: at one position RE2 takes the first alternative that matches, and "cats"
    // must win over "cat" when both are listed.
    words.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    body = words.map(literal).join('|');
    // White space in a phrase may be longer in the text; 4x covers ordinary spacing.
    span = (words[0] as string).length * 4;
    // Enough to hold a keyword being written, plus the character that settles its end boundary.
    hold = spec.holdChars ?? Math.min(1024, (words[0] as string).length + 1);
  } else if (spec.pattern !== undefined) {
    body = spec.pattern;
    span = PATTERN_SPAN;
    hold = spec.holdChars ?? 0;
  } else {
    throw new RuleCompileError('a rule needs "pattern" or "keywords"');
  }
  const flag = spec.caseInsensitive ? '(?i)' : '';
  const source = `${flag}(?:${body})`;
  const bare = compileRe(source);
  // An expression that matches the empty string would "match" every text at every position.
  if (bare.test('')) throw new RuleCompileError('the expression matches the empty string');
  const re = spec.wordBoundary ? compileRe(`${source}${NOT_WORD}`) : bare;
  re.lastIndex = 0;
  return Object.freeze({ name: spec.name, action: spec.action, direction: spec.direction, source, re, boundary: spec.wordBoundary, span, hold });
}

function isWordAt(text: string, index: number): boolean {
  const cp = text.codePointAt(index);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

/** True when the character just before `index` is a word character. */
function wordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const c = text.charCodeAt(index - 1);
  // A low surrogate: the character starts one unit earlier.
  return c >= 0xdc00 && c <= 0xdfff && index >= 2 ? isWordAt(text, index - 2) : isWordAt(text, index - 1);
}

/** Upper bound of matches reported per rule and text: a rule matching every word must not allocate without limit. */
const MAX_MATCHES = 1000;
/** Upper bound of re-scans after near misses per rule and text (each costs one short RE2 pass). */
const MAX_RESCANS = 256;

interface ScanState {
  found: number;
  rescans: number;
}

/**
 * Turns increasing UTF-8 byte offsets of a buffer into JavaScript string indices in one forward
 * walk (RE2 works on UTF-8; a string argument would be re-encoded on every call, and node-re2's
 * per-match offset conversion is quadratic in the number of matches).
 */
function utf16Walker(buf: Buffer): (byteOffset: number) => number {
  let byte = 0;
  let unit = 0;
  return (target) => {
    while (byte < target) {
      const b = buf[byte] as number;
      if (b < 0x80) {
        byte += 1;
        unit += 1;
      } else if (b >= 0xf0) {
        byte += 4;
        unit += 2;
      } else if (b >= 0xe0) {
        byte += 3;
        unit += 1;
      } else {
        byte += 2;
        unit += 1;
      }
    }
    return unit;
  };
}

/**
 * All matches of a rule starting in `text[from, to)` (the rest of `text` is context for the
 * boundaries). One forward RE2 pass over the UTF-8 bytes: linear in the text and the matches.
 */
function scan(rule: CompiledRule, text: string, from: number, to: number, out: RuleMatch[], state: ScanState): void {
  const re = rule.re;
  // With boundaries the window carries the character after it (or the sentinel at the text's
  // end), so a match ending at the window's end still sees its true following character.
  const window = text.slice(from, to) + (!rule.boundary ? '' : to < text.length ? text.slice(to, to + 2) : SENTINEL);
  const buf = Buffer.from(window, 'utf8');
  const index = utf16Walker(buf);
  const nearMisses: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(buf); m !== null; m = re.exec(buf)) {
    const bytes = m[0].length;
    if (bytes === 0) {
      re.lastIndex++;
      continue;
    }
    const start = from + index(m.index);
    if (start >= to) break;
    let end = from + index(m.index + bytes);
    if (rule.boundary) {
      // The last character of the match is the consumed boundary: one UTF-16 unit, or two when
      // it is outside the BMP (a 4-byte UTF-8 sequence).
      end -= (m[0][bytes - 1] as number) >= 0x80 && bytes >= 4 && (m[0][bytes - 4] as number) >= 0xf0 ? 2 : 1;
      if (wordBefore(text, start)) {
        nearMisses.push(start);
        continue;
      }
    }
    out.push({ rule, start, end });
    if (++state.found >= MAX_MATCHES) break;
  }
  re.lastIndex = 0;
  // A candidate preceded by a word character ("xcat dog") hid whatever starts inside it ("dog"):
  // look again just after its first character, over at most one match length.
  for (const start of nearMisses) {
    if (state.rescans++ >= MAX_RESCANS || state.found >= MAX_MATCHES) break;
    scan(rule, text, start + 1, Math.min(text.length, start + 1 + rule.span), out, state);
  }
}

function matchRule(rule: CompiledRule, text: string, out: RuleMatch[]): void {
  const before = out.length;
  scan(rule, text, 0, text.length, out, { found: 0, rescans: 0 });
  // Re-scans can report a match twice; keep one of each.
  if (out.length - before > 1) {
    const mine = out.splice(before).sort((a, b) => a.start - b.start || b.end - a.end);
    let last: RuleMatch | undefined;
    for (const m of mine) {
      if (last !== undefined && m.start === last.start && m.end === last.end) continue;
      out.push(m);
      last = m;
    }
  }
}

/** The rules of one direction of one route, ready to run. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  /** Newest characters a stream must hold back for these rules (0 for log-only sets). */
  readonly hold: number;
  /** Matches sorted by start (longest first on ties); they may overlap. */
  match(text: string): RuleMatch[];
}

export function createRuleSet(rules: readonly CompiledRule[]): RuleSet | undefined {
  if (rules.length === 0) return undefined;
  const hold = Math.max(0, ...rules.filter((r) => r.action !== 'log-only').map((r) => r.hold));
  // One pass says which rules can match; only those run their own (capturing) search.
  const set = rules.length > 1 ? new RE2.Set(rules.map((r) => r.source), 'u') : undefined;
  return Object.freeze({
    rules,
    hold,
    match(text: string): RuleMatch[] {
      const out: RuleMatch[] = [];
      if (set === undefined) {
        matchRule(rules[0] as CompiledRule, text, out);
      } else {
        for (const i of set.match(text)) matchRule(rules[i] as CompiledRule, text, out);
      }
      out.sort((a, b) => a.start - b.start || b.end - a.end);
      return out;
    },
  });
}

/** The rules that apply to one direction. */
export function rulesFor(rules: readonly CompiledRule[], direction: 'input' | 'output'): CompiledRule[] {
  return rules.filter((r) => r.direction === direction || r.direction === 'both');
}
