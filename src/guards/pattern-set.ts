/**
 * A group of whole-text RE2 patterns behind one RE2.Set prefilter. Most texts contain matches of
 * only a few of a detector's patterns; one Set pass (a single DFA scan of the text) tells which,
 * and the detector skips the others instead of scanning the text once per pattern. The Set
 * matches exactly the language of each pattern (same engine, same flags), so skipping changes no
 * output; when the Set cannot decide (its DFA out of memory) every pattern runs (fail closed).
 */
import RE2 from 're2';

export class PatternSet {
  private readonly sources: string[] = [];
  private readonly slots = new Map<RE2, number>();
  private set: InstanceType<typeof RE2.Set> | undefined;
  /** The last text scanned and which patterns matched it: the detectors of a text share one pass. */
  private lastText: string | undefined;
  private lastHits = new Uint8Array(0);

  /** Compiles and registers a global pattern; `flags` is "g" plus optionally "i" and "u". */
  add(source: string, flags: string): RE2 {
    if (!/^[giu]*$/.test(flags) || !flags.includes('g')) throw new Error(`PatternSet: unsupported flags ${flags}`);
    const re = new RE2(source, flags);
    this.slots.set(re, this.sources.length);
    // The Set takes one flag set for all patterns; case-insensitivity moves inside the pattern.
    this.sources.push(flags.includes('i') ? `(?i:${source})` : source);
    this.set = undefined;
    return re;
  }

  /** Whether `re` can match somewhere in `text`; true for a pattern not registered here. */
  mayMatch(re: RE2, text: string): boolean {
    const slot = this.slots.get(re);
    if (slot === undefined) return true;
    if (text !== this.lastText || this.lastHits.length !== this.sources.length) {
      // Built on first use, once every module has registered its patterns.
      this.set ??= new RE2.Set(this.sources, 'u');
      const hits = new Uint8Array(this.sources.length);
      try {
        for (const k of this.set.match(text)) hits[k] = 1;
      } catch {
        hits.fill(1);
      }
      this.lastText = text;
      this.lastHits = hits;
    }
    return this.lastHits[slot] === 1;
  }
}

/** Whether an RE2 source has no assertion (`^`, `$`, `\b`, `\B`, `\A`, `\z`) outside character classes. */
export function assertionFree(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1];
      if (!inClass && (n === 'b' || n === 'B' || n === 'A' || n === 'z')) return false;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      // "[^" negates and "[]" or "[^]" starts with a literal "]".
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
    } else if (c === '^' || c === '$') return false;
  }
  return true;
}

const ASSERTION_FREE = new WeakMap<RE2, boolean>();

/** A match: where it starts and the matched text. */
export interface Match {
  readonly index: number;
  readonly value: string;
}

/**
 * Every match of a global RE2 expression in `text`, in order, exactly as an exec loop from the
 * start finds them, but in one native call: RE2's `String.prototype.match` returns all matched
 * strings (an exec call costs microseconds each: the call, the result object and the submatch
 * pass), and each is located with `indexOf` from the end of the previous one. For a pattern
 * without assertions that is exact: wherever a matched string occurs, some match starts (nothing
 * outside it decides), so an occurrence before the reported one would have been reported first.
 *
 * `doubtful(value, index)` names occurrences where a pattern with assertions might not match;
 * when it says so, or the pattern has assertions and no `doubtful` is given, the exec loop runs.
 */
export function locateMatches(re: RE2, text: string, doubtful?: (value: string, index: number) => boolean): Match[] {
  let free = ASSERTION_FREE.get(re);
  if (free === undefined) {
    free = assertionFree(re.source);
    ASSERTION_FREE.set(re, free);
  }
  if (free || doubtful !== undefined) {
    re.lastIndex = 0;
    const found = text.match(re);
    if (found === null) return [];
    const located: Match[] = [];
    let from = 0;
    for (const value of found) {
      // RE2 reads a lone surrogate as U+FFFD, so such a match's string is not in `text` as
      // reported (and a U+FFFD in `text` could be found in its place): exec decides those.
      if (value === '' || value.includes('\uFFFD')) break;
      const index = text.indexOf(value, from);
      if (index < 0 || doubtful?.(value, index) === true) break;
      located.push({ index, value });
      from = index + value.length;
    }
    if (located.length === found.length) return located;
  }
  const out: Match[] = [];
  re.lastIndex = 0;
  for (;;) {
    const m = re.exec(text);
    if (m === null) return out;
    if (m[0].length === 0) re.lastIndex = m.index + 1;
    out.push({ index: m.index, value: m[0] });
  }
}
