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
  /** The expression as given to RE2 (global); group 1 is the match when `boundary` is set. */
  readonly source: string;
  readonly re: RE2;
  readonly boundary: boolean;
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
const LEAD = '(?:^|[^\\pL\\pN_])';
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Escapes RE2 metacharacters; runs of white space in a phrase match any run of white space. */
function literal(keyword: string): string {
  return keyword
    .trim()
    .replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
}

/** Compiles one rule; throws RuleCompileError with RE2's message on a pattern RE2 rejects. */
export function compileRule(spec: RuleSpec): CompiledRule {
  let body: string;
  let hold: number;
  if (spec.keywords !== undefined) {
    const words = [...new Set(spec.keywords.map((k) => k.trim()).filter((k) => k !== ''))];
    if (words.length === 0) throw new RuleCompileError('every keyword is blank');
    // Longest first: at one position RE2 takes the first alternative that matches, and "cats"
    // must win over "cat" when both are listed.
    words.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    body = words.map(literal).join('|');
    // Enough to hold a keyword being written, plus the character that settles its end boundary.
    hold = spec.holdChars ?? Math.min(1024, (words[0] as string).length + 1);
  } else if (spec.pattern !== undefined) {
    body = spec.pattern;
    hold = spec.holdChars ?? 0;
  } else {
    throw new RuleCompileError('a rule needs "pattern" or "keywords"');
  }
  const source = `${spec.caseInsensitive ? '(?i)' : ''}${spec.wordBoundary ? `${LEAD}(${body})` : `(?:${body})`}`;
  let re: RE2;
  try {
    re = new RE2(source, 'gu');
  } catch (err) {
    throw new RuleCompileError(`not a valid RE2 expression: ${(err as Error).message}`);
  }
  // An expression that matches the empty string would "match" every text at every position.
  if (re.test('')) throw new RuleCompileError('the expression matches the empty string');
  re.lastIndex = 0;
  return Object.freeze({ name: spec.name, action: spec.action, direction: spec.direction, source, re, boundary: spec.wordBoundary, hold });
}

function followsWordChar(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const cp = text.codePointAt(end);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Upper bound of matches reported per rule and text: a rule matching every word must not allocate without limit. */
const MAX_MATCHES = 1000;

function matchRule(rule: CompiledRule, text: string, out: RuleMatch[]): void {
  const re = rule.re;
  re.lastIndex = 0;
  let found = 0;
  for (let m = re.exec(text); m !== null && found < MAX_MATCHES; m = re.exec(text)) {
    const whole = m[0];
    if (!rule.boundary) {
      out.push({ rule, start: m.index, end: m.index + whole.length });
      found++;
    } else {
      const inner = m[1] ?? '';
      const start = m.index + whole.length - inner.length;
      const end = start + inner.length;
      if (!followsWordChar(text, end)) {
        out.push({ rule, start, end });
        found++;
        // The next match may start right after this one's last character.
        re.lastIndex = end;
        continue;
      }
      // Not a whole word here ("cat" in "cats"): look again one character further.
      re.lastIndex = start + 1;
    }
    if (whole.length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
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
