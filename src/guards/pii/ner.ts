/**
 * A small averaged-perceptron sequence tagger (Collins 2002) for names, street addresses,
 * locations and organisations. Weights are trained in-repo by `scripts/train-pii.ts` on the
 * development split and committed as `ner-model.json`; no downloaded model, no native code.
 * Decoding is greedy left to right with BIO constraints, linear in the number of tokens.
 */

import model from './ner-model.json' with { type: 'json' };
import { Rank, type Candidate } from './candidate.js';
import { NEIGHBOURS, NER_LABELS, observe, tagFeatures, type Sentence } from './ner-features.js';

/** Shape of the committed model file. */
export interface NerModelFile {
  readonly labels: readonly string[];
  readonly vocab: readonly string[];
  readonly features: readonly string[];
  /** Per feature: flat pairs [labelIndex, weight x 1000, ...]. */
  readonly weights: readonly (readonly number[])[];
}

/** The compiled runtime form of a model file. */
export interface NerModel {
  readonly labels: readonly string[];
  readonly vocab: ReadonlySet<string>;
  readonly weights: ReadonlyMap<string, Float64Array>;
}

/** Compiles a model file into lookup tables; throws on a malformed file (at start-up). */
export function compileNerModel(file: NerModelFile): NerModel {
  if (file.labels.join(',') !== NER_LABELS.join(',')) {
    throw new Error('ner model labels do not match the feature code; retrain with scripts/train-pii.ts');
  }
  if (file.features.length !== file.weights.length) throw new Error('ner model is malformed');
  const weights = new Map<string, Float64Array>();
  const n = file.labels.length;
  file.features.forEach((f, k) => {
    const row = new Float64Array(n);
    const pairs = file.weights[k] ?? [];
    for (let j = 0; j + 1 < pairs.length; j += 2) row[pairs[j] ?? 0] = (pairs[j + 1] ?? 0) / 1000;
    weights.set(f, row);
  });
  return { labels: file.labels, vocab: new Set(file.vocab), weights };
}

const DEFAULT_MODEL: NerModel = compileNerModel(model);

/** A tagged entity in offsets of the text given to {@link tagEntities}. */
export interface TaggedSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

function addAll(acc: Float64Array, offset: number, feats: readonly string[], prefix: string, m: NerModel): void {
  const n = m.labels.length;
  for (const f of feats) {
    const w = m.weights.get(prefix === '' ? f : `${prefix}:${f}`);
    if (w === undefined) continue;
    for (let k = 0; k < n; k++) acc[offset + k] = (acc[offset + k] ?? 0) + (w[k] ?? 0);
  }
}

/**
 * Tag-independent part of every token's score vector, flattened. Text-only feature groups are
 * summed once per distinct token text and neighbour offset, which makes long prose cheap.
 */
function staticScores(s: Sentence, m: NerModel): Float64Array {
  const n = m.labels.length;
  const out = new Float64Array(s.tokens.length * n);
  const wordCache = new Map<readonly string[], Float64Array>();
  const ctxCache = NEIGHBOURS.map(() => new Map<readonly string[], Float64Array>());
  const cached = (cache: Map<readonly string[], Float64Array>, feats: readonly string[], prefix: string): Float64Array => {
    let v = cache.get(feats);
    if (v === undefined) {
      v = new Float64Array(n);
      addAll(v, 0, feats, prefix, m);
      cache.set(feats, v);
    }
    return v;
  };
  for (let i = 0; i < s.tokens.length; i++) {
    const o = s.obs[i];
    if (o === undefined) continue;
    const base = i * n;
    const own = cached(wordCache, o.ownWord, '');
    for (let k = 0; k < n; k++) out[base + k] = own[k] ?? 0;
    addAll(out, base, o.ownPos, '', m);
    NEIGHBOURS.forEach(([d, tag], j) => {
      const nb = s.obs[i + d];
      if (nb === undefined) {
        addAll(out, base, [`${tag}:none`], '', m);
        return;
      }
      const v = cached(ctxCache[j] ?? new Map<readonly string[], Float64Array>(), nb.ctxWord, tag);
      for (let k = 0; k < n; k++) out[base + k] = (out[base + k] ?? 0) + (v[k] ?? 0);
      if (nb.ctxPos.length > 0) addAll(out, base, nb.ctxPos, tag, m);
    });
  }
  return out;
}

function allowed(label: string, prev: string): boolean {
  if (!label.startsWith('I-')) return true;
  const type = label.slice(2);
  return prev === `B-${type}` || prev === `I-${type}`;
}

/**
 * Tags PERSON / STREET_ADDRESS / LOCATION / ORGANIZATION spans. `m` defaults to the committed
 * model; the training script passes its own.
 */
export function tagEntities(text: string, m: NerModel = DEFAULT_MODEL): TaggedSpan[] {
  const s = observe(text, m.vocab);
  const n = m.labels.length;
  const scores = new Float64Array(n);
  const spans: TaggedSpan[] = [];
  let prev1 = 'O';
  let prev2 = 'O';
  let open: { type: string; start: number; end: number; margin: number; count: number } | undefined;
  const close = (): void => {
    if (open === undefined) return;
    const mean = open.margin / open.count;
    // Margins map to a confidence through a logistic squash; the tagger is never certain.
    const score = Math.min(0.95, 1 / (1 + Math.exp(-mean)));
    spans.push({ type: open.type, start: open.start, end: open.end, score });
    open = undefined;
  };
  const statics = staticScores(s, m);
  for (let i = 0; i < s.tokens.length; i++) {
    scores.set(statics.subarray(i * n, i * n + n));
    for (const f of tagFeatures(s, i, prev1, prev2)) {
      const w = m.weights.get(f);
      if (w === undefined) continue;
      for (let k = 0; k < n; k++) scores[k] = (scores[k] ?? 0) + (w[k] ?? 0);
    }
    let best = -1;
    let bestScore = -Infinity;
    let second = -Infinity;
    for (let k = 0; k < n; k++) {
      const lab = m.labels[k] ?? 'O';
      if (!allowed(lab, prev1)) continue;
      const v = scores[k] ?? 0;
      if (v > bestScore) {
        second = bestScore;
        bestScore = v;
        best = k;
      } else if (v > second) second = v;
    }
    const label = m.labels[best] ?? 'O';
    const tok = s.tokens[i];
    if (tok === undefined) break;
    const margin = Number.isFinite(second) ? bestScore - second : 1;
    if (label === 'O') close();
    else if (label.startsWith('B-')) {
      close();
      open = { type: label.slice(2), start: tok.start, end: tok.end, margin, count: 1 };
    } else if (open !== undefined) {
      open.end = tok.end;
      open.margin += margin;
      open.count++;
    }
    prev2 = prev1;
    prev1 = label;
  }
  close();
  return spans;
}

/** Tagger output as detection candidates. */
export function detectEntities(text: string, types: ReadonlySet<string> | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const s of tagEntities(text)) {
    if (types !== undefined && !types.has(s.type)) continue;
    out.push({ type: s.type, start: s.start, end: s.end, score: s.score, rank: Rank.Model });
  }
  return out;
}
