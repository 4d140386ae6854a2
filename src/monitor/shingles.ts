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
  /** Hashed word 3-grams (at most MAX_SHINGLES; single words for very short prompts). */
  readonly shingles: Uint32Array;
  readonly minhash: Uint32Array;
  /** Hash of the first words: prompts built from one template share it. */
  readonly prefix: number;
  readonly words: number;
}

/** Word hashes of already lower-cased text; a word is a run of ASCII letters, digits or non-ASCII characters. */
function wordHashes(text: string, maxChars: number): number[] {
  const end = Math.min(text.length, maxChars);
  const out: number[] = [];
  let start = -1;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c > 0x7f;
    if (word) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      out.push(fnv1a(text, start, i));
      start = -1;
    }
  }
  return out;
}

function shinglesOf(words: readonly number[], max: number): Uint32Array {
  const n = words.length < 3 ? words.length : Math.min(words.length - 2, max);
  const shingles = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    shingles[i] = words.length < 3 ? (words[i] as number) : (Math.imul((words[i] as number) ^ Math.imul(words[i + 1] as number, 0x85ebca6b), 0xc2b2ae35) ^ (words[i + 2] as number)) >>> 0;
  }
  return shingles;
}

/** Every word 3-gram hash of `text` up to `maxChars` (grounding reads whole documents). */
export function allShingles(text: string, maxChars: number): Uint32Array {
  const words = wordHashes(text.slice(0, maxChars).toLowerCase(), maxChars);
  return shinglesOf(words, Number.MAX_SAFE_INTEGER);
}

export function fingerprint(text: string): Fingerprint {
  const words = wordHashes(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS).toLowerCase() : text.toLowerCase(), MAX_CHARS);
  const shingles = shinglesOf(words, MAX_SHINGLES);
  const n = shingles.length;
  const minhash = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let i = 0; i < n; i++) {
    const s = shingles[i] as number;
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = Math.imul(s ^ (s >>> 15), MULTIPLIERS[k] as number) >>> 0;
      if (v < (minhash[k] as number)) minhash[k] = v;
    }
  }
  let prefix = 0x811c9dc5;
  for (let i = 0; i < Math.min(4, words.length); i++) prefix = Math.imul(prefix ^ (words[i] as number), 0x01000193) >>> 0;
  return { shingles, minhash, prefix, words: words.length };
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
