/**
 * Documents (tool results, retrieved passages) for the indirect-injection model: split into
 * segments, each scored on its own, the document scoring as its worst segment.
 *
 * Segments are lines (long lines split into sentences) plus windows of three consecutive lines, so
 * an instruction spread over a few lines (a code block with its lead-in) is seen whole. Every line
 * is de-obfuscated, tokenised and rule-matched once; a window's features are composed from its
 * lines' (union of n-gram buckets and rule hits, summed shape counts) instead of re-reading the
 * text, which made documents cost four passes per line before.
 */
import { decodePayloads, deobfuscate } from './deobfuscate.js';
import {
  addConceptRules, addNgrams, ngramKeys, ruleFeatures, ruleHits, SEGMENT_RULES, shapeFeatures, textShape,
  type Extracted, type NgramKeys, type RuleHits, type TextShape,
} from './features.js';
import { sigmoid, type LinearModel } from './linear.js';

/** A span of a document scored on its own by the indirect model. */
export interface Segment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Segments are capped so a pathological document costs bounded work. */
export const MAX_SEGMENTS = 2_000;
const MAX_SEGMENT_CHARS = 600;

/** What one base segment contributes to itself and to the windows that contain it. */
interface Piece {
  readonly seg: Segment;
  readonly keys: NgramKeys;
  /** N-grams of decoded payloads, already weighted (half) and normalised per payload. */
  readonly payload: Map<number, number>;
  readonly rules: RuleHits;
  readonly shape: TextShape;
}

function readPiece(seg: Segment): Piece {
  const d = deobfuscate(seg.text, { ciphers: false });
  const payload = new Map<number, number>();
  for (const p of d.payloads) addNgrams(ngramKeys(p.text, true), payload, 0.5);
  const rules = ruleHits(d, SEGMENT_RULES);
  addConceptRules(d.text, seg.text, rules.hits);
  return { seg, keys: ngramKeys(d.text, true), payload, rules, shape: textShape(seg.text, d.text) };
}

/** Union of the pieces' rule hits and summed shape counts, for a text `len` characters long. */
function composeRules(pieces: readonly Piece[], len: number): { rules: RuleHits; shape: TextShape } {
  const only = pieces.length === 1 ? pieces[0] : undefined;
  if (only !== undefined) return { rules: only.rules, shape: only.shape };
  const hits = new Set<string>();
  const obfuscation = new Set<string>();
  const shape: TextShape = { len, upper: 0, letters: 0, words: 0, you: 0, cjk: false, cyrillic: false, otherScript: false };
  for (const p of pieces) {
    for (const h of p.rules.hits) hits.add(h);
    for (const o of p.rules.obfuscation) obfuscation.add(o);
    shape.upper += p.shape.upper;
    shape.letters += p.shape.letters;
    shape.words += p.shape.words;
    shape.you += p.shape.you;
    shape.cjk ||= p.shape.cjk;
    shape.cyrillic ||= p.shape.cyrillic;
    shape.otherScript ||= p.shape.otherScript;
  }
  return { rules: { hits, obfuscation: [...obfuscation] }, shape };
}

function composeNamed(pieces: readonly Piece[], len: number, composed = composeRules(pieces, len)): Map<string, number> {
  const named = new Map<string, number>();
  named.set('bias', 1);
  ruleFeatures(composed.rules, named);
  shapeFeatures(composed.shape, named);
  return named;
}

/** Features of the text made of `pieces` (consecutive), as extractInput(…, 'segment') would see them. */
function compose(pieces: readonly Piece[], len: number): Extracted {
  const words = new Set<number>();
  const chars = new Set<number>();
  for (const p of pieces) {
    for (const k of p.keys.words) words.add(k);
    for (const k of p.keys.chars) chars.add(k);
  }
  const hashed = new Map<number, number>();
  addNgrams({ words, chars }, hashed);
  for (const p of pieces) for (const [k, v] of p.payload) hashed.set(k, (hashed.get(k) ?? 0) + v);
  const composed = composeRules(pieces, len);
  return { vector: { hashed, named: composeNamed(pieces, len, composed) }, rules: composed.rules };
}

/** A segment of a document with its features. */
export interface DocumentSegment {
  readonly segment: Segment;
  readonly features: Extracted;
}

/**
 * Every segment of `doc` (lines/sentences, then three-line windows) with its features. Training
 * and scoring both go through here, so the model is fitted on exactly what it scores.
 */
export function documentSegments(doc: string): DocumentSegment[] {
  const { base, windows } = baseSegments(doc);
  const pieces = base.map(readPiece);
  const out: DocumentSegment[] = pieces.map((p) => ({ segment: p.seg, features: compose([p], p.seg.text.length) }));
  if (!windows) return out;
  for (let i = 0; i + 2 < pieces.length; i++) {
    const a = pieces[i];
    const c = pieces[i + 2];
    if (a === undefined || c === undefined || c.seg.end - a.seg.start > MAX_SEGMENT_CHARS * 2) continue;
    const start = a.seg.start;
    const end = c.seg.end;
    out.push({ segment: { text: doc.slice(start, end), start, end }, features: compose(pieces.slice(i, i + 3), end - start) });
  }
  return out;
}

// Stamps for de-duplicating n-gram buckets across the lines of a window without building sets:
// a bucket counts once per window when its stamp is not the window's generation yet.
let seenWords: Int32Array | null = null;
let seenChars: Int32Array | null = null;
let generation = 0;

function familySum(fam: 'words' | 'chars', pieces: readonly Piece[], weights: Float32Array, seen: Int32Array): number {
  let sum = 0;
  let n = 0;
  for (const p of pieces) {
    for (const k of p.keys[fam]) {
      if (seen[k] === generation) continue;
      seen[k] = generation;
      sum += weights[k] ?? 0;
      n++;
    }
  }
  return n === 0 ? 0 : sum / Math.sqrt(n);
}

function namedMargin(model: LinearModel, named: ReadonlyMap<string, number>): number {
  let z = 0;
  for (const [k, v] of named) z += (model.named.get(k) ?? 0) * v;
  return z;
}

/** The highest-scoring segment of a document, with its features (for explaining the verdict). */
export interface BestSegment {
  readonly score: number;
  readonly segment: Segment;
  readonly features: Extracted;
}

/**
 * Score every segment of `doc` with `model` and return the worst one. Same margins as
 * `margin(model, s.features.vector)` over {@link documentSegments}, but computed straight from the
 * lines' bucket sets: no per-window maps, and the full feature vector is built only for the winner.
 */
export function bestSegment(doc: string, model: LinearModel): BestSegment | null {
  const { base, windows } = baseSegments(doc);
  if (base.length === 0) return null;
  const pieces = base.map(readPiece);
  const dim = model.hashed.length;
  if (seenWords === null || seenWords.length !== dim) {
    seenWords = new Int32Array(dim);
    seenChars = new Int32Array(dim);
    generation = 0;
  }
  const payloadMargin = pieces.map((p) => {
    let z = 0;
    for (const [k, v] of p.payload) z += (model.hashed[k] ?? 0) * v;
    return z;
  });
  let bestZ = -Infinity;
  let bestAt = 0;
  let bestLen = 1;
  const consider = (at: number, len: number): void => {
    const group = pieces.slice(at, at + len);
    if (++generation >= 0x7fffffff) {
      seenWords?.fill(0);
      seenChars?.fill(0);
      generation = 1;
    }
    let z = familySum('words', group, model.hashed, seenWords as Int32Array) + familySum('chars', group, model.hashed, seenChars as Int32Array);
    for (let i = at; i < at + len; i++) z += payloadMargin[i] ?? 0;
    const last = group[group.length - 1];
    const first = group[0];
    if (first === undefined || last === undefined) return;
    z += namedMargin(model, composeNamed(group, last.seg.end - first.seg.start));
    if (z > bestZ) {
      bestZ = z;
      bestAt = at;
      bestLen = len;
    }
  };
  for (let i = 0; i < pieces.length; i++) consider(i, 1);
  if (windows) {
    for (let i = 0; i + 2 < pieces.length; i++) {
      const a = pieces[i];
      const c = pieces[i + 2];
      if (a !== undefined && c !== undefined && c.seg.end - a.seg.start <= MAX_SEGMENT_CHARS * 2) consider(i, 3);
    }
  }
  const group = pieces.slice(bestAt, bestAt + bestLen);
  const start = group[0]?.seg.start ?? 0;
  const end = group[group.length - 1]?.seg.end ?? 0;
  const segment = bestLen === 1 && group[0] !== undefined ? group[0].seg : { text: doc.slice(start, end), start, end };
  return { score: sigmoid(bestZ), segment, features: compose(group, end - start) };
}

/**
 * Payloads that span lines (an HTML comment, a base64 blob), decoded from the whole document;
 * without the prompt-only split and cipher checks, like every segment.
 */
export const documentPayloads = (text: string): ReturnType<typeof decodePayloads> => decodePayloads(text, { ciphers: false });

/**
 * Split a document into lines, long lines into sentences (huge documents into fixed overlapping
 * chunks, without windows).
 */
function baseSegments(doc: string): { base: Segment[]; windows: boolean } {
  const base: Segment[] = [];
  let lineStart = 0;
  const pushPiece = (start: number, end: number): void => {
    const piece = doc.slice(start, end);
    if (piece.trim().length < 3) return;
    if (piece.length <= MAX_SEGMENT_CHARS) {
      base.push({ text: piece, start, end });
      return;
    }
    // Long line: split into sentences, then hard-wrap anything still too long.
    let s = start;
    const re = /[.!?。！？](?=\s)|[。！？]/g;
    re.lastIndex = 0;
    for (const m of piece.matchAll(re)) {
      const e = start + m.index + m[0].length;
      if (e - s >= 40 || e - s >= MAX_SEGMENT_CHARS) {
        for (let a = s; a < e; a += MAX_SEGMENT_CHARS) base.push({ text: doc.slice(a, Math.min(e, a + MAX_SEGMENT_CHARS)), start: a, end: Math.min(e, a + MAX_SEGMENT_CHARS) });
        s = e;
      }
      if (base.length >= MAX_SEGMENTS) return;
    }
    for (let a = s; a < end; a += MAX_SEGMENT_CHARS) {
      const b = Math.min(end, a + MAX_SEGMENT_CHARS);
      if (doc.slice(a, b).trim().length >= 3) base.push({ text: doc.slice(a, b), start: a, end: b });
    }
  };
  if (doc.length > (MAX_SEGMENTS * MAX_SEGMENT_CHARS) / 4) {
    // Huge documents: fixed chunks with overlap so the whole text (up to the cap) is covered
    // instead of running out of segments half-way through its lines.
    const step = Math.max(MAX_SEGMENT_CHARS - 100, Math.ceil(doc.length / MAX_SEGMENTS));
    for (let a = 0; a < doc.length && base.length < MAX_SEGMENTS; a += step) {
      base.push({ text: doc.slice(a, a + step + 100), start: a, end: Math.min(doc.length, a + step + 100) });
    }
    return { base, windows: false };
  }
  while (lineStart <= doc.length && base.length < MAX_SEGMENTS) {
    let nl = doc.indexOf('\n', lineStart);
    if (nl < 0) nl = doc.length;
    pushPiece(lineStart, nl);
    lineStart = nl + 1;
  }
  return { base: base.slice(0, MAX_SEGMENTS), windows: true };
}
