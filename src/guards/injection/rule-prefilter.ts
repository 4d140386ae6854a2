/**
 * An automatic RE2.Set prefilter for the JavaScript rule patterns (session 11, speed).
 *
 * Most texts match only a few of the ~250 rule patterns, yet `matchRules` ran each pattern (a
 * separate backtracking scan) on every view of every text. Here each pattern gets, at module load,
 * a *superset* pattern in RE2 syntax: lookarounds are dropped, bounded repeats become unbounded,
 * `^`/`$` are dropped, `\p{..}` classes become "any character" — each change only enlarges the
 * language, so "the superset does not match anywhere in the text" proves "the pattern cannot
 * match". All supersets of a group sit in one RE2.Set, scanned once per text (one DFA pass), and
 * only the patterns whose superset matched are run by V8. Outputs are unchanged by construction.
 *
 * It fails safe: a pattern with flags or syntax this translation does not know exactly (`i`, `g`,
 * `y`, `v`, no `u`, back-references, `\c`, lone surrogate escapes …), or whose superset RE2 will not
 * compile, is not filtered (always runs); a text that is not well-formed UTF-16 (RE2 reads a lone
 * surrogate as U+FFFD) or a Set error (DFA out of memory) means every pattern runs.
 */
import RE2 from 're2';
import type { RuleFamily } from './rules.js';

// JavaScript's \s (WhiteSpace and LineTerminator, ECMA-262 §22.2.2.9), spelt out: RE2's \s is ASCII.
const JS_SPACE = '\\t\\n\\x0B\\f\\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
// JavaScript's `.` without the s flag: anything but a line terminator. RE2's excludes only \n.
const JS_DOT = '[^\\n\\r\u2028\u2029]';
const ANY = '(?s:.)';
// In `u` mode a surrogate range matches only unpaired surrogates.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

class Unsupported extends Error {}

function hexChar(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff) throw new Unsupported('lone surrogate');
  return String.fromCodePoint(cp);
}

/** One character written for RE2 (inside or outside a class): ASCII punctuation and controls escaped. */
function literal(cp: number): string {
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x80 && /[^A-Za-z0-9 ]/.test(String.fromCharCode(cp))) return `\\${String.fromCharCode(cp)}`;
  return String.fromCodePoint(cp);
}

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12 };

/**
 * Reads the escape at `src[i]` (just after the backslash) in `u` mode: a code point, or a class
 * escape (`d`, `D`, `w`, `W`, `s`, `S`, `p`, `P`, `b`, `B`) by name. Returns the value and the index
 * after it.
 */
function readEscape(src: string, i: number): { cp?: number; cls?: string; end: number } {
  const c = src[i];
  if (c === undefined) throw new Unsupported('trailing backslash');
  if (c in SIMPLE_ESCAPES) return { cp: SIMPLE_ESCAPES[c], end: i + 1 };
  if ('dDwWsSbB'.includes(c)) return { cls: c, end: i + 1 };
  if (c === 'p' || c === 'P') {
    const close = src.indexOf('}', i);
    if (src[i + 1] !== '{' || close < 0) throw new Unsupported('\\p');
    return { cls: c, end: close + 1 };
  }
  if (c === '0' && !/[0-9]/.test(src[i + 1] ?? '')) return { cp: 0, end: i + 1 };
  if (c === 'x') {
    const h = src.slice(i + 1, i + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new Unsupported('\\x');
    return { cp: parseInt(h, 16), end: i + 3 };
  }
  if (c === 'u') {
    if (src[i + 1] === '{') {
      const close = src.indexOf('}', i);
      const h = src.slice(i + 2, close);
      if (close < 0 || !/^[0-9a-fA-F]{1,6}$/.test(h)) throw new Unsupported('\\u{}');
      return { cp: parseInt(h, 16), end: close + 1 };
    }
    const h = src.slice(i + 1, i + 5);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new Unsupported('\\u');
    const hi = parseInt(h, 16);
    // A surrogate pair written as two escapes is one code point in `u` mode.
    if (hi >= 0xd800 && hi <= 0xdbff && src[i + 5] === '\\' && src[i + 6] === 'u') {
      const l = src.slice(i + 7, i + 11);
      const lo = /^[0-9a-fA-F]{4}$/.test(l) ? parseInt(l, 16) : -1;
      if (lo >= 0xdc00 && lo <= 0xdfff) return { cp: 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00), end: i + 11 };
    }
    return { cp: hi, end: i + 5 };
  }
  // In `u` mode only syntax characters and `/` may be escaped; `-` only inside a class.
  if ('^$\\.*+?()[]{}|/-'.includes(c)) return { cp: c.charCodeAt(0), end: i + 1 };
  throw new Unsupported(`escape \\${c}`);
}

/** Translates a class starting at `src[i]` (`[`); returns its RE2 form and the index after `]`. */
function translateClass(src: string, i: number): { out: string; end: number } {
  let j = i + 1;
  const negated = src[j] === '^';
  if (negated) j++;
  if (src[j] === ']') {
    // `[^]` is any character; `[]` matches nothing: no superset worth having.
    if (negated) return { out: ANY, end: j + 1 };
    throw new Unsupported('empty class');
  }
  const items: string[] = [];
  let anyChar = false;
  for (;;) {
    const c = src[j];
    if (c === undefined) throw new Unsupported('unterminated class');
    if (c === ']') break;
    let item: string;
    let cp: number | undefined;
    if (c === '\\') {
      const e = readEscape(src, j + 1);
      j = e.end;
      if (e.cls !== undefined) {
        if (e.cls === 'p' || e.cls === 'P') anyChar = true;
        else if (e.cls === 's') items.push(JS_SPACE);
        else if (e.cls === 'S') anyChar = true;
        else if (e.cls === 'b') cp = 8;
        else if (e.cls === 'B') throw new Unsupported('\\B in class');
        else items.push(`\\${e.cls}`);
        if (cp === undefined) continue;
      } else cp = e.cp;
    } else {
      cp = src.codePointAt(j) ?? 0;
      j += cp > 0xffff ? 2 : 1;
    }
    if (cp === undefined) throw new Unsupported('class item');
    item = literal(cp);
    // A range `a-b` (a `-` before `]` is literal).
    if (src[j] === '-' && src[j + 1] !== ']' && src[j + 1] !== undefined) {
      let hi: number | undefined;
      if (src[j + 1] === '\\') {
        const e = readEscape(src, j + 2);
        if (e.cls !== undefined) throw new Unsupported('class escape as range end');
        hi = e.cp;
        j = e.end;
      } else {
        hi = src.codePointAt(j + 1) ?? 0;
        j += 1 + (hi > 0xffff ? 2 : 1);
      }
      if (hi === undefined || hi < cp) throw new Unsupported('range');
      item = `${item}-${literal(hi)}`;
    }
    items.push(item);
  }
  const end = j + 1;
  // A class with \p or \S: any character is a superset (of it and, negated, of its complement).
  if (anyChar) return { out: ANY, end };
  return { out: `[${negated ? '^' : ''}${items.join('')}]`, end };
}

/** Index just after the group that starts at `src[i]` (`(`), skipping classes and escapes. */
function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') {
      j++;
      if (src[j] === '^') j++;
      if (src[j] === ']') continue;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  throw new Unsupported('unbalanced group');
}

/**
 * An RE2 pattern whose language contains the JavaScript pattern's (flags `u`, optionally `m` and
 * `s`), or undefined when that cannot be derived with certainty. Exported for the unit tests.
 */
export function supersetSource(re: RegExp): string | undefined {
  if (!/^[msu]*$/.test(re.flags) || !re.flags.includes('u')) return undefined;
  const src = re.source;
  const dotAll = re.flags.includes('s');
  let out = '';
  // Whether the last thing written can take a quantifier (false after a dropped assertion).
  let atom = false;
  try {
    for (let i = 0; i < src.length; ) {
      const c = src[i] as string;
      if (c === '\\') {
        const e = readEscape(src, i + 1);
        i = e.end;
        if (e.cls === undefined) {
          out += literal(e.cp ?? 0);
          atom = true;
        } else if (e.cls === 'b' || e.cls === 'B') {
          // Without the i flag JavaScript's \b is ASCII, as RE2's is.
          out += `\\${e.cls}`;
          atom = false;
        } else if (e.cls === 'p' || e.cls === 'P' || e.cls === 'S') {
          out += ANY;
          atom = true;
        } else if (e.cls === 's') {
          out += `[${JS_SPACE}]`;
          atom = true;
        } else {
          out += `\\${e.cls}`;
          atom = true;
        }
      } else if (c === '[') {
        const t = translateClass(src, i);
        out += t.out;
        i = t.end;
        atom = true;
      } else if (c === '(') {
        if (src.startsWith('(?=', i) || src.startsWith('(?!', i) || src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) {
          // Dropping an assertion only enlarges the language.
          i = groupEnd(src, i);
          atom = false;
          if (/^[*+?{]/.test(src[i] ?? '')) throw new Unsupported('quantified assertion');
          continue;
        }
        if (src.startsWith('(?:', i)) i += 3;
        else if (src.startsWith('(?<', i)) {
          const close = src.indexOf('>', i);
          if (close < 0) throw new Unsupported('group name');
          i = close + 1;
        } else if (src[i + 1] === '?') throw new Unsupported('group modifier');
        else i += 1;
        out += '(?:';
        atom = false;
      } else if (c === ')') {
        out += ')';
        i++;
        atom = true;
      } else if (c === '|') {
        out += '|';
        i++;
        atom = false;
      } else if (c === '^' || c === '$') {
        // Dropped: an assertion (JavaScript's multiline ^ also follows \r, U+2028, U+2029).
        i++;
        atom = false;
      } else if (c === '*' || c === '+' || c === '?' || c === '{') {
        if (!atom) throw new Unsupported('quantifier without atom');
        if (c === '{') {
          const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
          if (m === null) throw new Unsupported('brace');
          // Unbounded is a superset and keeps the Set's program small.
          out += Number(m[1]) === 0 ? '*' : '+';
          i += m[0].length;
        } else {
          out += c;
          i++;
        }
        // Laziness does not change whether a pattern matches.
        if (src[i] === '?') i++;
        atom = false;
      } else if (c === '.') {
        out += dotAll ? ANY : JS_DOT;
        i++;
        atom = true;
      } else {
        const cp = src.codePointAt(i) ?? 0;
        if (c === ']' || c === '}') throw new Unsupported('stray bracket');
        if (cp >= 0xd800 && cp <= 0xdfff) throw new Unsupported('lone surrogate');
        out += literal(cp);
        i += cp > 0xffff ? 2 : 1;
        atom = true;
      }
    }
    // RE2 must accept it on its own; otherwise the pattern is not filtered.
    new RE2(out, 'u');
  } catch {
    return undefined;
  }
  return out;
}

/**
 * The supersets of a group of rule families in one RE2.Set. `candidates(text)` tells, per pattern
 * and gate, whether it may match; patterns not in the group, or without a superset, always may.
 */
export class RulePrefilter {
  private readonly slots = new Map<RegExp, number>();
  private readonly sources: string[] = [];
  private set: InstanceType<typeof RE2.Set> | undefined | null;
  private lastText: string | undefined;
  private lastHits: Uint8Array | undefined;
  private initialised = false;

  constructor(private readonly families: readonly RuleFamily[]) {}

  // Derived on first use (some 250 RE2 compilations), not at import.
  private init(): void {
    this.initialised = true;
    for (const fam of this.families) {
      // A stateful (global or sticky) gate must be tested whenever it was before: not filtered.
      if (fam.gate !== undefined && (fam.gate.global || fam.gate.sticky)) continue;
      for (const re of fam.gate === undefined ? fam.patterns : [fam.gate, ...fam.patterns]) {
        if (this.slots.has(re)) continue;
        const s = supersetSource(re);
        if (s === undefined) continue;
        this.slots.set(re, this.sources.length);
        this.sources.push(s);
      }
    }
  }

  /** How many patterns and gates are filtered (the others always run). */
  get size(): number {
    if (!this.initialised) this.init();
    return this.sources.length;
  }

  /**
   * Which filtered patterns may match `text` (by slot), or undefined: run every pattern. The last
   * text's answer is kept, so the families and counts of one text share a scan.
   */
  private scan(text: string): Uint8Array | undefined {
    if (text === this.lastText) return this.lastHits;
    let hits: Uint8Array | undefined;
    if (this.set === undefined) {
      try {
        this.set = new RE2.Set(this.sources, 'u');
      } catch {
        this.set = null;
      }
    }
    if (this.set !== null && !LONE_SURROGATE.test(text)) {
      try {
        const found = this.set.match(text);
        hits = new Uint8Array(this.sources.length);
        for (const k of found) hits[k] = 1;
      } catch {
        hits = undefined;
      }
    }
    this.lastText = text;
    this.lastHits = hits;
    return hits;
  }

  /** A test of `re` on `text` that answers false without running `re` when its superset missed. */
  mayMatch(re: RegExp, text: string): boolean {
    if (!this.initialised) this.init();
    const slot = this.slots.get(re);
    if (slot === undefined) return true;
    const hits = this.scan(text);
    return hits === undefined || hits[slot] === 1;
  }
}
