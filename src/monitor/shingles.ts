/**
 * Cheap text fingerprints for probing detection: word 3-gram shingles hashed with FNV-1a, a
 * MinHash signature (Broder 1997) to estimate Jaccard similarity between prompts, and a rotating
 * Bloom-style bitset that answers "has this shingle been seen recently" for novelty.
 * Only the first `MAX_CHARS` of a prompt are read, so the cost per request stays bounded.
 */

export const MAX_CHARS = 2_000;
const MAX_SHINGLES = 96;
export const MINHASH_SIZE = 16;

/** FNV-1a, 32 bits, over a string's UTF-16 code units. */
export function fnv1a(text: string, start = 0, end = text.length, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Odd multipliers for the MinHash permutations (fixed, so signatures compare across instances). */
const MULTIPLIERS = Array.from({ length: MINHASH_SIZE }, (_, i) => (Math.imul(0x9e3779b1, i * 2 + 1) | 1) >>> 0);

export interface Fingerprint {
  /**
   * Hashed word 3-grams (at most MAX_SHINGLES; single words for very short prompts). A view of a
   * buffer the next fingerprint() call overwrites: read it before fingerprinting again, copy it
   * to keep it (a fresh array per request is a backing-store allocation the collector must track).
   */
  readonly shingles: Uint32Array;
  readonly minhash: Uint32Array;
  /** Hash of the first words: prompts built from one template share it. */
  readonly prefix: number;
  readonly words: number;
}

/**
 * FNV-1a hashes of the words of `text` up to `maxChars`, as if the text were lower-cased first; a
 * word is a run of ASCII letters, digits or non-ASCII characters. Written into `out` (returns the
 * count). Plain ASCII, the usual prompt, is lower-cased and hashed in one pass with no copy of
 * the text; text with non-ASCII characters takes `toLowerCase` (Unicode rules, which may change
 * lengths), so both paths give the same hashes.
 */
function wordHashes(text: string, maxChars: number, out: Uint32Array): number {
  const end = Math.min(text.length, maxChars);
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c > 0x7f) return lowerCasedWordHashes(text.slice(0, maxChars).toLowerCase(), maxChars, out);
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (!inWord) {
        inWord = true;
        h = 0x811c9dc5;
      }
      h = Math.imul(h ^ c, 0x01000193) >>> 0;
    } else if (inWord) {
      out[n++] = h;
      inWord = false;
    }
  }
  if (inWord) out[n++] = h;
  return n;
}

/** Word hashes of already lower-cased text (any characters). */
function lowerCasedWordHashes(text: string, maxChars: number, out: Uint32Array): number {
  const end = Math.min(text.length, maxChars);
  let n = 0;
  let start = -1;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c > 0x7f;
    if (word) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      out[n++] = fnv1a(text, start, i);
      start = -1;
    }
  }
  return n;
}

/** Writes the word 3-gram hashes of `count` words into `out` (single words when under three); returns how many. */
function shinglesInto(words: Uint32Array, count: number, out: Uint32Array): number {
  const n = Math.min(count < 3 ? count : count - 2, out.length);
  for (let i = 0; i < n; i++) {
    out[i] = count < 3 ? (words[i] as number) : (Math.imul((words[i] as number) ^ Math.imul(words[i + 1] as number, 0x85ebca6b), 0xc2b2ae35) ^ (words[i + 2] as number)) >>> 0;
  }
  return n;
}

/** Room for every word of a prompt's first MAX_CHARS (a word takes at least one character and a separator). */
const promptWords = new Uint32Array(MAX_CHARS / 2 + 1);
const promptShingles = new Uint32Array(MAX_SHINGLES);
/** A view of `promptShingles` for each length, made once: a view per call was per-request garbage. */
const shingleViews = Array.from({ length: MAX_SHINGLES + 1 }, (_, n) => promptShingles.subarray(0, n));

/** Every word 3-gram hash of `text` up to `maxChars` (grounding reads whole documents). */
export function allShingles(text: string, maxChars: number): Uint32Array {
  const words = new Uint32Array(Math.ceil(Math.min(text.length, maxChars) / 2) + 1);
  const count = wordHashes(text, maxChars, words);
  const shingles = new Uint32Array(count < 3 ? count : count - 2);
  shinglesInto(words, count, shingles);
  return shingles;
}

/**
 * The fingerprint of `text`. The MinHash signature goes into `minhashInto` when given (a caller
 * that keeps only some signatures passes a scratch buffer and copies those it keeps), else into a
 * new array.
 */
export function fingerprint(text: string, minhashInto: Uint32Array = new Uint32Array(MINHASH_SIZE)): Fingerprint {
  const count = wordHashes(text, MAX_CHARS, promptWords);
  const n = shinglesInto(promptWords, count, promptShingles);
  const shingles = shingleViews[n] as Uint32Array;
  const minhash = minhashInto.fill(0xffffffff);
  for (let i = 0; i < n; i++) {
    const s = shingles[i] as number;
    const mixed = s ^ (s >>> 15);
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = Math.imul(mixed, MULTIPLIERS[k] as number) >>> 0;
      if (v < (minhash[k] as number)) minhash[k] = v;
    }
  }
  let prefix = 0x811c9dc5;
  for (let i = 0; i < Math.min(4, count); i++) prefix = Math.imul(prefix ^ (promptWords[i] as number), 0x01000193) >>> 0;
  return { shingles, minhash, prefix, words: count };
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}

/**
 * Two generations of a 4096-bit set: lookups check both, inserts go to the current one, and the
 * older generation is dropped every `capacity` inserts, so "seen" means "seen recently" and the
 * false-positive rate stays bounded.
 */
export class RecentSet {
  private current = new Uint32Array(128);
  private previous = new Uint32Array(128);
  private inserted = 0;

  constructor(private readonly capacity = 600) {}

  /** Share of `hashes` not seen recently; records them. */
  novelty(hashes: Uint32Array): number {
    if (hashes.length === 0) return 0;
    let fresh = 0;
    for (const h of hashes) {
      if (!this.has(h)) fresh++;
      this.add(h);
    }
    return fresh / hashes.length;
  }

  private has(h: number): boolean {
    const a = h & 4095;
    const b = (h >>> 12) & 4095;
    return (bit(this.current, a) && bit(this.current, b)) || (bit(this.previous, a) && bit(this.previous, b));
  }

  private add(h: number): void {
    const a = h & 4095;
    const b = (h >>> 12) & 4095;
    this.current[a >>> 5] = (this.current[a >>> 5] as number) | (1 << (a & 31));
    this.current[b >>> 5] = (this.current[b >>> 5] as number) | (1 << (b & 31));
    if (++this.inserted >= this.capacity) {
      this.previous = this.current;
      this.current = new Uint32Array(128);
      this.inserted = 0;
    }
  }
}

function bit(set: Uint32Array, i: number): boolean {
  return (((set[i >>> 5] as number) >>> (i & 31)) & 1) === 1;
}
