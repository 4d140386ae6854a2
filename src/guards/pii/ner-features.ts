/**
 * Tokenisation and feature extraction for the entity tagger (PERSON, STREET_ADDRESS, LOCATION,
 * ORGANIZATION). Shared by the runtime tagger and `scripts/train-pii.ts`, so training and
 * inference see identical features. Linear in the input length.
 */

import {
  CITIES,
  COUNTRIES,
  CUE_WORDS,
  FIRST_NAMES,
  HONORIFICS,
  NAME_SUFFIXES,
  ORG_PREFIXES,
  ORG_SUFFIXES,
  REGIONS,
  STREET_WORDS,
  SURNAMES,
} from './gazetteer.js';

/** Entity types the tagger produces. */
export const NER_TYPES = ['PERSON', 'STREET_ADDRESS', 'LOCATION', 'ORGANIZATION'] as const;
export type NerType = (typeof NER_TYPES)[number];

/** BIO labels: index 0 is O, then B-/I- per type. */
export const NER_LABELS: readonly string[] = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/**
 * Whether label `label` may be given to a token that starts a new line. Names, places and
 * organisations do not run across a line break (in signatures, letterheads and forms each line
 * is its own field: "Jane Doe\nAcme Inc."); only a street address continues over lines.
 */
export function allowedAtLineStart(label: string): boolean {
  return !label.startsWith('I-') || label === 'I-STREET_ADDRESS';
}

/** A token of the input with its offsets. */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** A line break lies between the previous token and this one. */
  readonly nlBefore: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/** Character classes of the tokenizer. */
const OTHER = 0;
const WORD = 1;
const SPACE = 2;
const BREAK = 3;
/** Classes of the ASCII code units (a table: the tokenizer asks once per character). */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  ASCII_CLASS[c] = word ? WORD : c === 10 || c === 13 ? BREAK : c === 32 || (c >= 9 && c <= 12) ? SPACE : OTHER;
}

/** Class of the code unit `c` at `text[i]`: letters, marks and digits are words; lone surrogate halves are not. */
function codeClass(text: string, i: number, c: number): number {
  if (c < 128) return ASCII_CLASS[c] ?? OTHER;
  if (c === 0x2028 || c === 0x2029) return BREAK;
  if (c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)) return SPACE;
  if (c >= 0xd800 && c <= 0xdfff) return OTHER;
  return LETTER_OR_DIGIT.test(text[i] ?? '') ? WORD : OTHER;
}

function isWordCode(text: string, i: number): boolean {
  return codeClass(text, i, text.charCodeAt(i)) === WORD;
}

/**
 * Token boundaries of a text as parallel arrays: token k spans `[start[k], end[k])`, and
 * `nl[k]` is 1 when a line break lies between token k-1 and token k. The tagger reads these
 * directly (no object, no substring per token); {@link tokenize} builds tokens from them.
 */
export interface TokenSpans {
  count: number;
  start: Int32Array;
  end: Int32Array;
  nl: Uint8Array;
  /** FNV-1a of the token's code units ({@link hashCodeUnits}), for the tagger's word memo. */
  hash: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units of `text[start, end)`, as {@link scanTokens} hashes tokens. */
export function hashCodeUnits(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A new, empty {@link TokenSpans} with room for `capacity` tokens (it grows as needed). */
export function tokenSpans(capacity = 256): TokenSpans {
  const c = Math.max(16, capacity);
  return { count: 0, start: new Int32Array(c), end: new Int32Array(c), nl: new Uint8Array(c), hash: new Int32Array(c) };
}

function pushSpan(out: TokenSpans, start: number, end: number, nl: boolean, hash: number): void {
  const k = out.count;
  if (k === out.start.length) {
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    out.start = grow(out.start);
    out.end = grow(out.end);
    out.hash = grow(out.hash);
    const n = new Uint8Array(out.nl.length * 2);
    n.set(out.nl);
    out.nl = n;
  }
  out.start[k] = start;
  out.end[k] = end;
  out.nl[k] = nl ? 1 : 0;
  out.hash[k] = hash;
  out.count = k + 1;
}

/**
 * Splits text into word tokens (letters, marks and digits, with inner hyphens and apostrophes)
 * and single-character punctuation tokens. A trailing possessive "'s" is its own token.
 * Fills `out` (reset first) and returns it.
 */
export function scanTokens(text: string, out: TokenSpans): TokenSpans {
  out.count = 0;
  let i = 0;
  let nl = false;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? (ASCII_CLASS[c] ?? OTHER) : codeClass(text, i, c);
    if (k >= SPACE) {
      if (k === BREAK) nl = true;
      i++;
      continue;
    }
    const start = i;
    if (k === WORD) {
      // The hash is built as the word is read; `before` is the hash before the last step.
      let h = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      let before = h;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if ((d < 128 ? ASCII_CLASS[d] : codeClass(text, i, d)) === WORD) {
          before = h;
          h = Math.imul(h ^ d, FNV_PRIME);
          i++;
          continue;
        }
        // '-', "'" and '’' join two word parts.
        if ((d === 45 || d === 39 || d === 0x2019) && i + 1 < n && isWordCode(text, i + 1)) {
          before = h;
          h = Math.imul(Math.imul(h ^ d, FNV_PRIME) ^ text.charCodeAt(i + 1), FNV_PRIME);
          i += 2;
          continue;
        }
        break;
      }
      // Possessive: "Yefremova's" -> "Yefremova" + "'s". The apostrophe and the "s" were the
      // last step (an apostrophe only joins), so the word's hash is the one before it.
      if (i - start > 3) {
        const a = text.charCodeAt(i - 2);
        const b = text.charCodeAt(i - 1);
        if ((a === 39 && (b === 115 || b === 83)) || (a === 0x2019 && b === 115)) {
          pushSpan(out, start, i - 2, nl, before);
          pushSpan(out, i - 2, i, false, Math.imul(Math.imul(FNV_OFFSET ^ a, FNV_PRIME) ^ b, FNV_PRIME));
          nl = false;
          continue;
        }
      }
      pushSpan(out, start, i, nl, h);
    } else {
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      pushSpan(out, start, i, nl, hashCodeUnits(text, start, i));
    }
    nl = false;
  }
  return out;
}

/**
 * The lower-cased form of a token text: words and the possessive "'s" are lower-cased,
 * single punctuation tokens are kept as they are (a circled letter is a symbol, not a word).
 */
export function tokenLower(t: string): string {
  const c = t.charCodeAt(0);
  return isWordCode(t, 0) || (t.length === 2 && (c === 39 || c === 0x2019)) ? t.toLowerCase() : t;
}

/** The tokens of `text` as objects (training and feature extraction; the tagger uses {@link scanTokens}). */
export function tokenize(text: string): Token[] {
  const s = scanTokens(text, tokenSpans(text.length >> 2));
  const tokens: Token[] = new Array<Token>(s.count);
  for (let k = 0; k < s.count; k++) {
    const start = s.start[k] ?? 0;
    const end = s.end[k] ?? 0;
    const t = text.slice(start, end);
    tokens[k] = { text: t, lower: tokenLower(t), start, end, nlBefore: s.nl[k] === 1 };
  }
  return tokens;
}

/** Collapsed word shape: "Müller" -> "Xx", "ACME" -> "X", "4B-12" -> "dX-d". */
export function shape(t: string): string {
  let out = '';
  let last = '';
  for (const ch of t) {
    let k: string;
    if (ch >= '0' && ch <= '9') k = 'd';
    else if (ch !== ch.toLowerCase()) k = 'X';
    else if (ch !== ch.toUpperCase()) k = 'x';
    else if (LETTER_OR_DIGIT.test(ch)) k = 'o';
    else k = ch;
    if (k !== last) out += k;
    last = k;
    if (out.length > 6) break;
  }
  return out;
}

/** Maximal phrase length (in tokens) of the multi-word gazetteers. */
const MAX_PHRASE = 5;

/** A node of a phrase trie: the phrases continue with the words of `next`; `end`: one ends here. */
export interface PhraseNode {
  end: boolean;
  readonly next: Map<string, PhraseNode>;
}

/** A multi-word gazetteer as a trie of words, so matching builds no phrase strings. */
export interface PhraseIndex {
  readonly root: PhraseNode;
}

function phraseIndex(list: readonly string[]): PhraseIndex {
  const root: PhraseNode = { end: false, next: new Map() };
  for (const p of list) {
    let node = root;
    for (const w of p.split(' ')) {
      let child = node.next.get(w);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.end = true;
  }
  return { root };
}
/** The country, city and region gazetteers, in the order of their features. */
export const PHRASE_INDEXES: readonly PhraseIndex[] = [phraseIndex(COUNTRIES), phraseIndex(CITIES), phraseIndex(REGIONS)];
const [COUNTRY_IDX, CITY_IDX, REGION_IDX] = PHRASE_INDEXES as [PhraseIndex, PhraseIndex, PhraseIndex];

/**
 * Longest gazetteer phrase (in words, at most {@link MAX_PHRASE}) that starts at word `i`, or 0.
 * A phrase that is no word-prefix of any entry cannot grow into one, so the search stops there.
 * Only the first `count` words are read.
 */
export function phraseLength(words: readonly { readonly lower: string }[], i: number, idx: PhraseIndex, count = words.length): number {
  let node = idx.root;
  let best = 0;
  for (let k = 0; k < MAX_PHRASE && i + k < count; k++) {
    const w = words[i + k];
    if (w === undefined) break;
    const next = node.next.get(w.lower);
    if (next === undefined) break;
    node = next;
    if (node.end) best = k + 1;
  }
  return best;
}

/** Marks tokens covered by a gazetteer phrase with "B" (first) or "I" (inside). */
function markPhrases(words: readonly Token[], idx: PhraseIndex): (string | undefined)[] {
  const marks: (string | undefined)[] = new Array<string | undefined>(words.length);
  for (let i = 0; i < words.length; i++) {
    const best = phraseLength(words, i, idx);
    if (best > 0) {
      marks[i] = 'B';
      for (let k = 1; k < best; k++) marks[i + k] = 'I';
      i += best - 1;
    }
  }
  return marks;
}

function nameSuffix(lower: string): boolean {
  if (lower.length < 5) return false;
  for (const s of NAME_SUFFIXES) if (lower.endsWith(s) && lower.length > s.length + 2) return true;
  return false;
}

/** Per-token observation features that do not depend on predicted tags. */
export interface TokenObs {
  /** Features of the token itself that depend on its text only (shared between equal tokens). */
  readonly ownWord: readonly string[];
  /** Features of the token itself that depend on its position (line, gazetteer phrases). */
  readonly ownPos: readonly string[];
  /** Text-only description of the token used by its neighbours' features. */
  readonly ctxWord: readonly string[];
  /** Positional description used by its neighbours' features. */
  readonly ctxPos: readonly string[];
}

/** Immutable feature-extraction state for one text. */
export interface Sentence {
  readonly tokens: readonly Token[];
  readonly obs: readonly TokenObs[];
}

function lenBucket(n: number): string {
  return n <= 1 ? '1' : n <= 3 ? '3' : n <= 6 ? '6' : n <= 10 ? '10' : 'L';
}

/** Text-only features of one token text (see {@link wordObservation}). */
export interface WordObs {
  readonly own: readonly string[];
  readonly ctx: readonly string[];
  readonly cap: string;
  readonly gaz: readonly string[];
}

const LETTER = /[\p{L}]/u;

/** Text-only features of a token: its own, those its neighbours see, its case class and word lists. */
export function wordObservation(w: string, lw: string, vocab: ReadonlySet<string>): WordObs {
  const sh = shape(w);
  const own: string[] = ['b', `s=${sh}`, `l=${lenBucket(w.length)}`];
  const ctx: string[] = [`s=${sh}`];
  if (vocab.has(lw)) {
    own.push(`w=${lw}`);
    ctx.push(`w=${lw}`);
  }
  const isWord = LETTER.test(w);
  if (isWord && w.length >= 3) {
    own.push(`p3=${lw.slice(0, 3)}`, `x2=${lw.slice(-2)}`, `x3=${lw.slice(-3)}`);
    if (w.length >= 5) own.push(`x4=${lw.slice(-4)}`);
  }
  const first = w.charAt(0);
  const title = first !== first.toLowerCase() && w.slice(1) !== w.slice(1).toUpperCase();
  const upper = w === w.toUpperCase() && w !== w.toLowerCase();
  const lowerCase = w === w.toLowerCase() && w !== w.toUpperCase();
  const cap = title ? 'T' : upper ? (w.length === 1 ? 'I' : 'U') : lowerCase ? 'L' : /\d/.test(w) ? 'D' : 'P';
  own.push(`c=${cap}`);
  ctx.push(`c=${cap}`);
  if (/^\d+$/.test(w)) own.push(`nd=${Math.min(w.length, 7)}`);
  const gaz: string[] = [];
  if (FIRST_NAMES.has(lw)) gaz.push('fn');
  if (SURNAMES.has(lw)) gaz.push('sn');
  if (isWord && nameSuffix(lw)) gaz.push('nsx');
  if (HONORIFICS.has(lw)) gaz.push('hon');
  if (ORG_SUFFIXES.has(lw)) gaz.push('org');
  if (ORG_PREFIXES.has(lw)) gaz.push('orgp');
  if (STREET_WORDS.has(lw)) gaz.push('st');
  if (CUE_WORDS.has(lw)) gaz.push('cue');
  return { own, ctx, cap, gaz };
}

/**
 * Computes observation features. `vocab` holds the lower-cased words allowed as identity
 * features (frequent, mostly non-entity words, chosen at training time) so that the model learns
 * context words and general cues rather than memorising the names in its training data.
 */
export function observe(text: string, vocab: ReadonlySet<string>): Sentence {
  const tokens = tokenize(text);
  const country = markPhrases(tokens, COUNTRY_IDX);
  const city = markPhrases(tokens, CITY_IDX);
  const region = markPhrases(tokens, REGION_IDX);

  // Per line: does it contain a digit (address lines do).
  const lineHasDigit: boolean[] = new Array<boolean>(tokens.length).fill(false);
  let lineStart = 0;
  let has = false;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (i === tokens.length || (t !== undefined && t.nlBefore && i > 0)) {
      for (let k = lineStart; k < i; k++) lineHasDigit[k] = has;
      lineStart = i;
      has = false;
    }
    if (t !== undefined && !has) {
      const c = t.text.charCodeAt(0);
      has = (c >= 48 && c <= 57) || /\d/.test(t.text);
    }
  }

  // Equal token texts share their text-only features (prose repeats words heavily).
  const cache = new Map<string, WordObs>();
  const obs: TokenObs[] = tokens.map((t, i) => {
    let wo = cache.get(t.text);
    if (wo === undefined) {
      wo = wordObservation(t.text, t.lower, vocab);
      cache.set(t.text, wo);
    }
    const g: string[] = [...wo.gaz];
    const cm = country[i];
    if (cm !== undefined) g.push(`ctry${cm}`);
    const ci = city[i];
    if (ci !== undefined) g.push(`city${ci}`);
    const rg = region[i];
    if (rg !== undefined) g.push(`reg${rg}`);
    const ownPos: string[] = [];
    const ctxPos: string[] = [];
    for (const f of g) {
      ownPos.push(`g=${f}`);
      ctxPos.push(`g=${f}`);
    }
    if (g.length > 0) ownPos.push(`gc=${g[0] ?? ''}|${wo.cap}`);
    if (t.nlBefore) ownPos.push('nl');
    if (i === 0) ownPos.push('bos');
    const next = tokens[i + 1];
    if (next === undefined) ownPos.push('eos');
    else if (next.nlBefore) ownPos.push('nla');
    if (lineHasDigit[i] === true) ownPos.push('ld');
    return { ownWord: wo.own, ownPos, ctxWord: wo.ctx, ctxPos };
  });
  return { tokens, obs };
}

/** Relative positions and tags of the neighbours whose descriptions are features. */
export const NEIGHBOURS: readonly (readonly [number, string])[] = [
  [-1, 'p'],
  [1, 'n'],
  [-2, 'pp'],
  [2, 'nn'],
];

/** Observation (tag-independent) features of token `i`. */
export function staticFeatures(s: Sentence, i: number): string[] {
  const o = s.obs[i];
  if (o === undefined) return [];
  const out = [...o.ownWord, ...o.ownPos];
  for (const [k, tag] of NEIGHBOURS) {
    const n = s.obs[i + k];
    if (n === undefined) {
      out.push(`${tag}:none`);
      continue;
    }
    for (const f of n.ctxWord) out.push(`${tag}:${f}`);
    for (const f of n.ctxPos) out.push(`${tag}:${f}`);
  }
  return out;
}

/** Features of token `i` that depend on the two previous predicted labels. */
export function tagFeatures(s: Sentence, i: number, prev1: string, prev2: string): string[] {
  const o = s.obs[i];
  if (o === undefined) return [];
  const sh = o.ctxWord[0] ?? '';
  const out = [`t1=${prev1}`, `t2=${prev2}|${prev1}`, `t1s=${prev1}|${sh}`];
  const pw = o.ctxWord.find((f) => f.startsWith('w='));
  if (pw !== undefined && i > 0) out.push(`t1w=${prev1}|${pw}`);
  return out;
}

/** All features of token `i` given the two previous predicted labels (used in training). */
export function features(s: Sentence, i: number, prev1: string, prev2: string): string[] {
  return [...staticFeatures(s, i), ...tagFeatures(s, i, prev1, prev2)];
}
