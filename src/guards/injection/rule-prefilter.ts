/**
 * An automatic RE2.Set prefilter for the JavaScript rule patterns (session 11, speed).
 *
 * Most texts match only a few of the ~300 rule patterns, yet `matchRules` ran each pattern (a
 * separate backtracking scan) on every view of every text. Here each pattern is parsed and reduced
 * to *literal requirements*: sets of literals such that every match of the pattern contains one
 * literal of each set (lookarounds, `\b`, `^`, `$` consume nothing; `x{0,n}` may be absent; large
 * classes, `\p{..}` and `.` could be any character). A group's requirements sit, as alternations of
 * literals, in RE2.Sets scanned once per text (a multi-string automaton: one DFA pass), and a
 * pattern runs in V8 only if each of its requirements has a literal in the text. "No literal of a
 * requirement occurs" proves "the pattern cannot match", so outputs are unchanged by construction.
 * (Whole superset patterns in one Set were tried first: their DFA exploded, ×16.7 slower.)
 *
 * It fails safe: a pattern with flags or syntax this parser does not know exactly (`i`, `g`, `y`,
 * `v`, no `u`, back-references, `\c`, lone surrogate escapes …), or without a requirement heavy
 * enough to filter, is not filtered (always runs); a text that is not well-formed UTF-16 (RE2 reads
 * a lone surrogate as U+FFFD) or a Set error (DFA out of memory) means every pattern runs.
 */
import RE2 from 're2';
import type { RuleFamily } from './rules.js';

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

// A parsed pattern: only what decides which literals a match must contain.
type Node =
  | { readonly t: 'lit'; readonly s: string }
  | { readonly t: 'set'; readonly chars: readonly string[] | null }
  | { readonly t: 'empty' }
  | { readonly t: 'cat' | 'alt'; readonly items: readonly Node[] }
  | { readonly t: 'rep'; readonly node: Node; readonly min: number; readonly max: number };

/** Classes with at most this many members are kept as alternatives; larger ones are "any". */
const MAX_CLASS = 6;

/** Parses a class starting at `src[i]` (`[`) into its members when small and positive. */
function parseClass(src: string, i: number): { node: Node; end: number } {
  let j = i + 1;
  const negated = src[j] === '^';
  if (negated) j++;
  if (src[j] === ']') {
    if (negated) return { node: { t: 'set', chars: null }, end: j + 1 };
    throw new Unsupported('empty class');
  }
  const chars: string[] = [];
  let big = negated;
  for (;;) {
    const c = src[j];
    if (c === undefined) throw new Unsupported('unterminated class');
    if (c === ']') break;
    let cp: number | undefined;
    if (c === '\\') {
      const e = readEscape(src, j + 1);
      j = e.end;
      if (e.cls === 'b') cp = 8;
      else if (e.cls !== undefined) {
        if (e.cls === 'B') throw new Unsupported('\\B in class');
        big = true;
        continue;
      } else cp = e.cp;
    } else {
      cp = src.codePointAt(j) ?? 0;
      j += cp > 0xffff ? 2 : 1;
    }
    if (cp === undefined) throw new Unsupported('class item');
    let hi = cp;
    if (src[j] === '-' && src[j + 1] !== ']' && src[j + 1] !== undefined) {
      if (src[j + 1] === '\\') {
        const e = readEscape(src, j + 2);
        if (e.cls !== undefined || e.cp === undefined) throw new Unsupported('class escape as range end');
        hi = e.cp;
        j = e.end;
      } else {
        hi = src.codePointAt(j + 1) ?? 0;
        j += 1 + (hi > 0xffff ? 2 : 1);
      }
      if (hi < cp) throw new Unsupported('range');
    }
    if (hi - cp + 1 + chars.length > MAX_CLASS) big = true;
    else for (let k = cp; k <= hi; k++) chars.push(hexChar(k));
  }
  return { node: { t: 'set', chars: big ? null : chars }, end: j + 1 };
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

/** Recursive-descent parser of a `u`-mode JavaScript pattern (the subset `Node` describes). */
function parse(src: string): Node {
  let i = 0;
  const alternation = (): Node => {
    const items = [sequence()];
    while (src[i] === '|') {
      i++;
      items.push(sequence());
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'alt', items };
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let node = atom();
      const q = src[i];
      if (q === '*' || q === '+' || q === '?' || q === '{') {
        if (node.t === 'empty') throw new Unsupported('quantified assertion');
        let min: number;
        let max: number;
        if (q === '{') {
          const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
          if (m === null) throw new Unsupported('brace');
          min = Number(m[1]);
          max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
          i += m[0].length;
        } else {
          min = q === '+' ? 1 : 0;
          max = q === '?' ? 1 : Infinity;
          i++;
        }
        if (src[i] === '?') i++;
        node = { t: 'rep', node, min, max };
      }
      items.push(node);
    }
    return { t: 'cat', items };
  };
  const atom = (): Node => {
    const c = src[i] as string;
    if (c === '\\') {
      const e = readEscape(src, i + 1);
      i = e.end;
      if (e.cls === undefined) return { t: 'lit', s: hexChar(e.cp ?? 0) };
      if (e.cls === 'b' || e.cls === 'B') return { t: 'empty' };
      return { t: 'set', chars: null };
    }
    if (c === '[') {
      const r = parseClass(src, i);
      i = r.end;
      return r.node;
    }
    if (c === '(') {
      if (src.startsWith('(?=', i) || src.startsWith('(?!', i) || src.startsWith('(?<=', i) || src.startsWith('(?<!', i)) {
        // An assertion consumes nothing: dropping it only enlarges the language.
        i = groupEnd(src, i);
        return { t: 'empty' };
      }
      if (src.startsWith('(?:', i)) i += 3;
      else if (src.startsWith('(?<', i)) {
        const close = src.indexOf('>', i);
        if (close < 0) throw new Unsupported('group name');
        i = close + 1;
      } else if (src[i + 1] === '?') throw new Unsupported('group modifier');
      else i += 1;
      const inner = alternation();
      if (src[i] !== ')') throw new Unsupported('unclosed group');
      i++;
      return inner;
    }
    if (c === '^' || c === '$') {
      i++;
      return { t: 'empty' };
    }
    if (c === '.') {
      i++;
      return { t: 'set', chars: null };
    }
    if ('*+?{}])|'.includes(c)) throw new Unsupported(`unexpected ${c}`);
    const cp = src.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    return { t: 'lit', s: hexChar(cp) };
  };
  const node = alternation();
  if (i !== src.length) throw new Unsupported('trailing input');
  return node;
}

/**
 * What a node tells about its matches: `exact`, every string it can match (null when too many or
 * unbounded), and `all`, sets of literals of which each match contains at least one, per set.
 */
interface Info {
  readonly exact: readonly string[] | null;
  readonly all: readonly (readonly string[])[];
}

/** Most alternatives an exact set keeps before it is given up. */
const MAX_EXACT = 48;
/** Literals longer than this are cut (a prefix of a required literal is required too). */
const MAX_LITERAL = 8;

/** Literals cut to MAX_LITERAL, without those containing another (which then also occurs). */
function cut(xs: readonly string[]): string[] {
  const set = [...new Set(xs.map((x) => x.slice(0, MAX_LITERAL)))].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const x of set) if (x === '' || !out.some((y) => y !== '' && x.includes(y))) out.push(x);
  return out;
}

/** An exact set as a requirement: only if no member is empty (then some member occurs). */
function required(exact: readonly string[] | null): string[] | null {
  return exact !== null && exact.length > 0 && exact.every((x) => x.length > 0) ? cut(exact) : null;
}

/** A literal's weight: its UTF-8 length (one CJK character is about as rare as three letters). */
function weight(x: string): number {
  return Buffer.byteLength(x);
}

/** How useful a requirement is: heavier lightest literal first, then fewer literals. */
function selectivity(xs: readonly string[]): number {
  return Math.min(...xs.map(weight)) * 1000 - xs.length;
}

function best(all: readonly (readonly string[])[]): readonly string[] | null {
  let top: readonly string[] | null = null;
  for (const xs of all) if (top === null || selectivity(xs) > selectivity(top)) top = xs;
  return top;
}

function analyse(node: Node): Info {
  switch (node.t) {
    case 'lit':
      return { exact: [node.s], all: [] };
    case 'empty':
      return { exact: [''], all: [] };
    case 'set':
      return { exact: node.chars, all: [] };
    case 'rep': {
      const inner = analyse(node.node);
      const all = node.min >= 1 ? [...inner.all, ...(required(inner.exact) === null ? [] : [required(inner.exact) as string[]])] : [];
      let exact: string[] | null = null;
      if (inner.exact !== null && node.max <= 2) {
        // x? and x{1,2}: spelt out while small.
        let acc: string[] = node.min === 0 ? [''] : [];
        let pow = [''];
        for (let k = 1; k <= node.max && acc !== null; k++) {
          pow = pow.flatMap((a) => (inner.exact as readonly string[]).map((b) => a + b));
          if (k >= node.min) acc = [...acc, ...pow];
        }
        exact = acc.length <= MAX_EXACT ? [...new Set(acc)] : null;
      }
      return { exact, all };
    }
    case 'cat': {
      const all: (readonly string[])[] = [];
      let run: string[] | null = [''];
      let whole = true;
      const flush = (): void => {
        const r = required(run);
        if (r !== null) all.push(r);
      };
      for (const item of node.items) {
        // x+ (x{n,…}) is x then x*: its first copy continues the run, then the run ends.
        if (item.t === 'rep' && item.min >= 1 && item.max > 1 && run !== null) {
          const inner = analyse(item.node);
          all.push(...inner.all);
          if (inner.exact !== null && run.length * inner.exact.length <= MAX_EXACT) {
            const r: string[] = run;
            run = [...new Set(r.flatMap((a) => (inner.exact as readonly string[]).map((b) => a + b)))];
          }
          whole = false;
          flush();
          run = [''];
          continue;
        }
        const info = analyse(item);
        all.push(...info.all);
        if (info.exact !== null && run !== null && run.length * info.exact.length <= MAX_EXACT) {
          const r: string[] = run;
          run = [...new Set(r.flatMap((a) => (info.exact as readonly string[]).map((b) => a + b)))];
          continue;
        }
        whole = false;
        flush();
        run = info.exact === null ? [''] : [...info.exact];
      }
      if (whole) return { exact: run, all };
      flush();
      return { exact: null, all };
    }
    case 'alt': {
      const infos = node.items.map(analyse);
      if (infos.every((x) => x.exact !== null)) {
        const exact = [...new Set(infos.flatMap((x) => x.exact as readonly string[]))];
        if (exact.length <= MAX_EXACT) return { exact, all: [] };
      }
      // Each branch contributes its best requirement; a branch without one leaves none.
      const union: string[] = [];
      for (const x of infos) {
        const r = best([...x.all, ...(required(x.exact) === null ? [] : [required(x.exact) as string[]])]);
        if (r === null) return { exact: null, all: [] };
        union.push(...r);
      }
      return { exact: null, all: [cut(union)] };
    }
  }
}

/**
 * Most source bytes per RE2.Set. A Set's DFA carries the entries matched so far in its states and
 * shares RE2's fixed memory budget with the program: on the dev prompts one Set of 65 KB scanned a
 * KiB in ~22 µs and one of 76 KB in ~4,600 µs (its DFA cache thrashed), so groups are cut well below.
 */
const SET_BYTES = 40_000;

/** Lightest literal weight of a kept requirement ("de" or "an" occur in most texts). */
const MIN_WEIGHT = 3;

/** Requirements kept per pattern (each costs a Set entry when not shared). */
const MAX_REQUIREMENTS = 2;

/**
 * Literal requirements of a JavaScript pattern (flags `u`, optionally `m`, `s`): sets of literals,
 * each set such that every match of the pattern contains one of its literals. Undefined when no
 * requirement can be derived with certainty (the pattern is then always run). For the unit tests.
 */
export function requirements(re: RegExp): string[][] | undefined {
  if (!/^[msu]*$/.test(re.flags) || !re.flags.includes('u')) return undefined;
  let info: Info;
  try {
    info = analyse(parse(re.source));
  } catch {
    return undefined;
  }
  const all = [...info.all];
  const r = required(info.exact);
  if (r !== null) all.push(r);
  // The most selective ones; a requirement with a literal of one or two ASCII letters filters little.
  const kept = all.filter((xs) => xs.every((x) => weight(x) >= MIN_WEIGHT)).sort((a, b) => selectivity(b) - selectivity(a));
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const xs of kept) {
    const key = [...xs].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([...xs].sort());
    if (out.length === MAX_REQUIREMENTS) break;
  }
  return out.length > 0 ? out : undefined;
}

/** RE2 source matching any of `literals`. */
function alternation(literals: readonly string[]): string {
  return literals.map((x) => [...x].map((ch) => literal(ch.codePointAt(0) ?? 0)).join('')).join('|');
}

/**
 * The literal requirements of a group of rule families in one RE2.Set of literal alternations (a
 * multi-string automaton: its DFA stays small, unlike a Set of whole patterns). `mayMatch(re,
 * text)` is false only when a requirement of `re` has no literal in `text`; patterns not in the
 * group, or without requirements, always may.
 */
export class RulePrefilter {
  /** Per pattern or gate: the Set entries it requires (all of them). */
  private readonly needs = new Map<RegExp, readonly number[]>();
  private readonly sources: string[] = [];
  private sets: InstanceType<typeof RE2.Set>[] | null = null;
  private offsets: number[] = [];
  private lastText: string | undefined;
  private lastHits: Uint8Array | undefined;
  private initialised = false;

  constructor(private readonly families: readonly RuleFamily[]) {}

  /**
   * Derives the requirements and compiles the Sets (some 100-300 ms for the prompt group, cold):
   * done by the first `mayMatch` if nobody called it before.
   */
  warm(): void {
    if (!this.initialised) this.init();
  }

  private init(): void {
    this.initialised = true;
    const entry = new Map<string, number>();
    for (const fam of this.families) {
      // A stateful (global or sticky) gate must be tested whenever it was before: not filtered.
      if (fam.gate !== undefined && (fam.gate.global || fam.gate.sticky)) continue;
      for (const re of fam.gate === undefined ? fam.patterns : [fam.gate, ...fam.patterns]) {
        if (this.needs.has(re)) continue;
        const reqs = requirements(re);
        if (reqs === undefined) continue;
        const slots: number[] = [];
        for (const xs of reqs) {
          const source = alternation(xs);
          let k = entry.get(source);
          if (k === undefined) {
            try {
              new RE2(source, 'u');
            } catch {
              continue;
            }
            k = this.sources.length;
            entry.set(source, k);
            this.sources.push(source);
          }
          slots.push(k);
        }
        if (slots.length > 0) this.needs.set(re, slots);
      }
    }
    try {
      const sets: InstanceType<typeof RE2.Set>[] = [];
      let from = 0;
      let bytes = 0;
      for (let k = 0; k <= this.sources.length; k++) {
        const b = k < this.sources.length ? Buffer.byteLength(this.sources[k] as string) : Infinity;
        if (k > from && bytes + b > SET_BYTES) {
          sets.push(new RE2.Set(this.sources.slice(from, k), 'u'));
          this.offsets.push(from);
          from = k;
          bytes = 0;
        }
        bytes += b;
      }
      this.sets = sets;
    } catch {
      this.sets = null;
    }
  }

  /** How many patterns and gates are filtered, and the Set's size. */
  get size(): { filtered: number; entries: number } {
    if (!this.initialised) this.init();
    return { filtered: this.needs.size, entries: this.sources.length };
  }

  /**
   * Which Set entries occur in `text`, or undefined: run every pattern. The last text's answer is
   * kept, so the families and views of one text share a scan.
   */
  private scan(text: string): Uint8Array | undefined {
    if (text === this.lastText) return this.lastHits;
    let hits: Uint8Array | undefined;
    if (this.sets !== null && !LONE_SURROGATE.test(text)) {
      try {
        hits = new Uint8Array(this.sources.length);
        // Converted to UTF-8 once for all the Sets (each call would convert the string again).
        const input = this.sets.length > 1 ? Buffer.from(text, 'utf8') : text;
        for (let c = 0; c < this.sets.length; c++) {
          const base = this.offsets[c] ?? 0;
          for (const k of (this.sets[c] as InstanceType<typeof RE2.Set>).match(input)) hits[base + k] = 1;
        }
      } catch {
        hits = undefined;
      }
    }
    this.lastText = text;
    this.lastHits = hits;
    return hits;
  }

  /** False only when `re` cannot match `text` (a requirement of it has no literal there). */
  mayMatch(re: RegExp, text: string): boolean {
    if (!this.initialised) this.init();
    const slots = this.needs.get(re);
    if (slots === undefined) return true;
    const hits = this.scan(text);
    if (hits === undefined) return true;
    for (const k of slots) if (hits[k] !== 1) return false;
    return true;
  }
}
