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
  if (k !== 'jailbroken:leak' && k !== 'negative:leak') return v;
  return { hashed: NO_HASHED, named: new Map([...v.named].filter(([n]) => LEAK_RULE_FEATURES.has(n))) };
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
 */
export function chooseOutputThreshold(scores: readonly { p: number; row: DevRow }[], maxSafeFpr: number): number {
  let best = 0.5;
  let bestBa = -1;
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    let tp = 0, fn = 0, fp = 0, tn = 0, sf = 0, sn = 0;
    for (const { p, row } of scores) {
      const flag = p >= t;
      if (row.label === 'safe') { sn++; if (flag) sf++; } else if (row.source !== 'gptfuzz') continue;
      else if (isJailbroken(row)) { if (flag) tp++; else fn++; } else if (flag) fp++; else tn++;
    }
    const ba = (tp / Math.max(tp + fn, 1) + tn / Math.max(tn + fp, 1)) / 2;
    if (sf / Math.max(sn, 1) <= maxSafeFpr && ba >= bestBa - 1e-12) {
      bestBa = ba;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
