/**
 * Training pieces of the jailbroken-answer model, shared by `scripts/train-injection.ts` (which
 * writes model.json) and `scripts/train-output.ts` (session 10: the output model alone, for
 * experiments, in a few seconds instead of the full trainer's two minutes). Moved here unchanged
 * from the trainer, so the same data still gives a byte-identical model.
 */
import { foldOf, type DevRow } from './dataset.js';
import type { FeatureVector } from './features.js';
import { predict, train, type LinearModel, type TrainOptions } from './linear.js';

/**
 * Share of each class's weight per kind of row. Negatives: refusals keep half (they are what
 * output-dev measures); the written answers, the closest to real assistant answers, get the
 * largest part of the rest. Positives: the few written non-English jailbroken answers get a small
 * fixed share so they are not drowned by output-dev's 1,300 English ones. Session 12 (out-leak): the
 * written leaks and their look-alikes (written-leaks.ts) have shares of their own, so adding them
 * does not thin out the other written answers' weight. Shares are relative within a class.
 *
 * Session 17: with the 340 answers of data/written-s17 the written kinds hold more rows, and the
 * old shares (jailbroken 0.15, harmless 0.2) thinned each one; at 0.25 and 0.3 the mean of CV and
 * answer probes 1-3 rose 82.27 → 82.52 and the development blind sets' AUC rose on three of four
 * (docs/detection.md, session 17).
 */
export const OUTPUT_SHARES: Readonly<Record<string, number>> = {
  'jailbroken:gptfuzz': 0.85, 'jailbroken:written': 0.25, 'jailbroken:leak': 0.03,
  'negative:refusal': 0.5, 'negative:written': 0.3, 'negative:bipia': 0.15, 'negative:prompt': 0.15, 'negative:leak': 0.03,
};

export const isJailbroken = (r: DevRow): boolean => r.label === 'jailbroken';

export function outputRowKind(r: DevRow): string {
  if (isJailbroken(r)) return r.source === 'gptfuzz' ? 'jailbroken:gptfuzz' : r.source === 'written-leak' ? 'jailbroken:leak' : 'jailbroken:written';
  if (r.label !== 'safe') return 'negative:refusal';
  if (r.source === 'safe-written-leak') return 'negative:leak';
  return r.source === 'safe-written' ? 'negative:written' : r.source.startsWith('safe-bipia') ? 'negative:bipia' : 'negative:prompt';
}

/** Cross-validation fold: output-dev grouped by question, every other row by its id. */
export const outputFold = (r: DevRow, k: number): number => foldOf(r.source === 'gptfuzz' ? (r.prompt ?? r.id) : r.id, k);

/** Example weights: each class carries half the total weight, split between its kinds by `shares`. */
export function outputWeights(rows: readonly DevRow[], shares: Readonly<Record<string, number>> = OUTPUT_SHARES): number[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(outputRowKind(r), (counts.get(outputRowKind(r)) ?? 0) + 1);
  const classShare = new Map<string, number>();
  for (const [k, v] of Object.entries(shares)) {
    if ((counts.get(k) ?? 0) === 0) continue;
    const c = k.split(':')[0] ?? '';
    classShare.set(c, (classShare.get(c) ?? 0) + v);
  }
  return rows.map((r) => {
    const k = outputRowKind(r);
    return ((rows.length / 2) * (shares[k] ?? 0)) / (classShare.get(k.split(':')[0] ?? '') ?? 1) / (counts.get(k) ?? 1);
  });
}

/**
 * L2 strength on the answer model's concept features (linear.ts `l2Concept`). Session 15: at the
 * named features' 1e-4 the concept weights raised the scores of harmless answers in other languages,
 * and the 2% cap on them raised the threshold to 0.57; at 1e-2 (as the direct model) CV balanced
 * accuracy rose 92.8 → 93.4, answer probes 1-3 did not fall, and the threshold fell to 0.53 (0.52
 * once short forms were dropped from the concept features).
 */
export const OUTPUT_L2_CONCEPT = 1e-2;

// Never written to: `train` only reads example vectors.
const NO_HASHED = new Map<number, number>();
const LEAK_RULE_FEATURES: ReadonlySet<string> = new Set(['r:recited-instructions', 'r:prompt-for-user', 'r:injected-compliance']);

/**
 * What a row teaches. The written leaks and their look-alikes (session 12, written-leaks.ts) teach
 * only the weights of the leak rules: trained on their full vectors, 54 short answers moved the
 * shared n-gram and shape weights and the threshold enough to cost answer probes 1-3 one to three
 * points on both seed pairs; with every `r:` feature, probe 3 still lost four (docs/detection.md,
 * session 12). Out-of-fold and held-out scores use the full vectors.
 */
function trainingVector(r: DevRow, v: FeatureVector): FeatureVector {
  const k = outputRowKind(r);
  if (k !== 'jailbroken:leak' && k !== 'negative:leak') return withoutQuestion(v);
  return { hashed: NO_HASHED, named: new Map([...v.named].filter(([n]) => LEAK_RULE_FEATURES.has(n))) };
}

/**
 * Session 19: the question features (features.ts `qa:`, the direct model's score of the question
 * the answer replies to). They are not learned with the answer's own features but on top of the
 * finished answer model ({@link fitQuestionWeights}): learned jointly, they took part of the
 * signal from the answer's own features and answers scored without their question lost a point
 * on the answer probes. Stacked, an answer without its question scores exactly as before.
 */
export const QUESTION_FEATURES: readonly string[] = ['qa:attack', 'qa:attack-open', 'qc:extract-open', 'qc:harm-open'];

function withoutQuestion(v: FeatureVector): FeatureVector {
  if (!QUESTION_FEATURES.some((n) => v.named.has(n))) return v;
  return { hashed: v.hashed, named: new Map([...v.named].filter(([n]) => !QUESTION_FEATURES.includes(n))) };
}

/** L2 strength of the stacked question weights, relative to the rows' total example weight. */
const QUESTION_L2 = 1e-3;

/**
 * Weights of the question features on top of the answer model: a weighted logistic regression
 * (Newton's method) with each row's out-of-fold answer-model margin as a fixed offset, over the
 * rows that have a question; the class balance is the answer model's own ({@link outputWeights}).
 * Out-of-fold margins, not in-sample ones: the model has fitted its own training rows, and on
 * them the question would look as if it added nothing.
 */
export function fitQuestionWeights(rows: readonly DevRow[], oof: ReadonlyMap<DevRow, number>, x: ReadonlyMap<DevRow, FeatureVector>, shares?: Readonly<Record<string, number>>): Map<string, number> {
  const w = outputWeights(rows, shares);
  const n = QUESTION_FEATURES.length;
  const pts: { m: number; f: number[]; y: number; w: number }[] = [];
  let total = 0;
  rows.forEach((r, i) => {
    const f = QUESTION_FEATURES.map((q) => x.get(r)?.named.get(q) ?? 0);
    if (f.every((v) => v === 0)) return;
    const p = Math.min(Math.max(oof.get(r) ?? 0.5, 1e-6), 1 - 1e-6);
    pts.push({ m: Math.log(p / (1 - p)), f, y: isJailbroken(r) ? 1 : 0, w: w[i] ?? 1 });
    total += w[i] ?? 1;
  });
  const l2 = QUESTION_L2 * total;
  const beta = new Array<number>(n).fill(0);
  for (let it = 0; it < 50 && pts.length > 0; it++) {
    const g = beta.map((b) => l2 * b);
    const h = beta.map((_, j) => beta.map((__, k) => (j === k ? l2 : 0)));
    for (const pt of pts) {
      const z = pt.m + pt.f.reduce((a, v, j) => a + v * (beta[j] ?? 0), 0);
      const p = 1 / (1 + Math.exp(-z));
      for (let j = 0; j < n; j++) {
        g[j] = (g[j] ?? 0) + pt.w * (p - pt.y) * (pt.f[j] ?? 0);
        const hj = h[j] as number[];
        for (let k = 0; k < n; k++) hj[k] = (hj[k] ?? 0) + pt.w * p * (1 - p) * (pt.f[j] ?? 0) * (pt.f[k] ?? 0);
      }
    }
    const step = solve(h, g);
    let moved = 0;
    for (let j = 0; j < n; j++) {
      beta[j] = (beta[j] ?? 0) - (step[j] ?? 0);
      moved = Math.max(moved, Math.abs(step[j] ?? 0));
    }
    if (moved < 1e-9) break;
  }
  return new Map(QUESTION_FEATURES.map((q, j) => [q, beta[j] ?? 0]));
}

/** Solves the small symmetric positive-definite system a·s = b (Gaussian elimination). */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  const n = b.length;
  for (let c = 0; c < n; c++) {
    const pivot = m[c] as number[];
    for (let r = c + 1; r < n; r++) {
      const row = m[r] as number[];
      const k = (row[c] ?? 0) / (pivot[c] ?? 1);
      for (let j = c; j <= n; j++) row[j] = (row[j] ?? 0) - k * (pivot[j] ?? 0);
    }
  }
  const s = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let v = row[n] ?? 0;
    for (let j = r + 1; j < n; j++) v -= (row[j] ?? 0) * (s[j] ?? 0);
    s[r] = v / (row[r] ?? 1);
  }
  return s;
}

/** `model` with the stacked question weights added to its named weights. */
export function withQuestionWeights(model: LinearModel, weights: ReadonlyMap<string, number>): LinearModel {
  const named = new Map(model.named);
  for (const [k, v] of weights) if (v !== 0) named.set(k, v);
  return { named, hashed: model.hashed };
}

/** Out-of-fold probabilities with the stacked question weights applied. */
export function stackedOutOfFold(oof: ReadonlyMap<DevRow, number>, x: ReadonlyMap<DevRow, FeatureVector>, weights: ReadonlyMap<string, number>): Map<DevRow, number> {
  const out = new Map<DevRow, number>();
  for (const [r, p0] of oof) {
    let z = 0;
    for (const [k, v] of weights) z += v * (x.get(r)?.named.get(k) ?? 0);
    if (z === 0) {
      out.set(r, p0);
      continue;
    }
    const p = Math.min(Math.max(p0, 1e-12), 1 - 1e-12);
    out.set(r, 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + z))));
  }
  return out;
}

export function trainOutputModel(rows: readonly DevRow[], x: ReadonlyMap<DevRow, FeatureVector>, options: TrainOptions, shares?: Readonly<Record<string, number>>): LinearModel {
  const w = outputWeights(rows, shares);
  return train(rows.map((r, i) => ({ x: trainingVector(r, x.get(r) as FeatureVector), y: isJailbroken(r) ? 1 : 0, w: w[i] ?? 1 })), options);
}

/** Out-of-fold scores of every row under k-fold cross-validation ({@link outputFold}). */
export function outputOutOfFold(rows: readonly DevRow[], x: ReadonlyMap<DevRow, FeatureVector>, options: TrainOptions, k: number, shares?: Readonly<Record<string, number>>): Map<DevRow, number> {
  const oof = new Map<DevRow, number>();
  for (let f = 0; f < k; f++) {
    const m = trainOutputModel(rows.filter((r) => outputFold(r, k) !== f), x, options, shares);
    for (const r of rows) if (outputFold(r, k) === f) oof.set(r, predict(m, x.get(r) as FeatureVector));
  }
  return oof;
}

/**
 * Threshold for the output model: the best balanced accuracy on output-dev (jailbroken vs refusal)
 * among thresholds that flag at most `maxSafeFpr` of the safe answers (ties → the higher one).
 * With `blind` (session 21), the objective is the mean of that balanced accuracy and `blind(t)`, the
 * development blind sets' balanced accuracy at t: answers written by others in many languages score
 * lower than GPTFuzz's, and a threshold fitted on GPTFuzz alone gives their recall away.
 */
export function chooseOutputThreshold(scores: readonly { p: number; row: DevRow }[], maxSafeFpr: number, blind?: (t: number) => number): number {
  let best = 0.5;
  let bestBa = -1;
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    let tp = 0, fn = 0, fp = 0, tn = 0, sf = 0, sn = 0;
    for (const { p, row } of scores) {
      const flag = p >= t;
      if (row.label === 'safe') { sn++; if (flag) sf++; } else if (row.source !== 'gptfuzz') continue;
      else if (isJailbroken(row)) { if (flag) tp++; else fn++; } else if (flag) fp++; else tn++;
    }
    const cvBa = (tp / Math.max(tp + fn, 1) + tn / Math.max(tn + fp, 1)) / 2;
    const ba = blind === undefined ? cvBa : (cvBa + blind(Math.round(t * 100) / 100)) / 2;
    if (sf / Math.max(sn, 1) <= maxSafeFpr && ba >= bestBa - 1e-12) {
      bestBa = ba;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
