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
