/**
 * Logistic regression over sparse features: deterministic training (seeded order, AdaGrad,
 * group-wise L2) and a compact serialised form (quantised, pruned, base64) for the committed model.
 */
import { HASH_BITS, type FeatureVector } from './features.js';
import { mulberry32 } from '../../lib/random.js';

/** A trained linear model ready to score. */
export interface LinearModel {
  readonly named: ReadonlyMap<string, number>;
  /** Dense hashed weights (length 2^HASH_BITS), zero where pruned. */
  readonly hashed: Float32Array;
}

/** One training example. */
export interface TrainExample {
  readonly x: FeatureVector;
  readonly y: 0 | 1;
  /** Importance weight (e.g. to balance sources); default 1. */
  readonly w?: number;
}

/** Training hyper-parameters. */
export interface TrainOptions {
  readonly epochs: number;
  readonly learningRate: number;
  /** L2 strength on named (rule/shape) features: small, these should carry the signal. */
  readonly l2Named: number;
  /** L2 strength on hashed n-grams: larger, so source-specific vocabulary cannot dominate. */
  readonly l2Hashed: number;
  /**
   * L2 strength on concept features (`c:` and `cc:`, concepts.ts; session 14); `l2Named` when
   * unset. Concepts are many and some occur in one training source only, like n-grams.
   */
  readonly l2Concept?: number;
  readonly seed: number;
  /**
   * Number of models trained on different example orders (the first on `seed`, the others on
   * seeds drawn from it) whose weights are averaged: same size and scoring cost as one model, but
   * without the one order's SGD noise. 1 (the default) trains a single model.
   */
  readonly orders?: number;
  /**
   * Iterate averaging (Polyak & Juditsky, 1992), taken at epoch ends: the model is the mean of the
   * weights after each of the last `tailEpochs` epochs. 1 (the default) keeps the last weights.
   */
  readonly tailEpochs?: number;
}

/** Defaults used by `scripts/train-injection.ts` unless it overrides them. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = Object.freeze({
  epochs: 12,
  learningRate: 0.2,
  l2Named: 1e-4,
  l2Hashed: 2e-3,
  seed: 1,
});


/** The logistic function, computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Raw margin w·x. */
export function margin(model: LinearModel, x: FeatureVector): number {
  let z = 0;
  for (const [k, v] of x.named) z += (model.named.get(k) ?? 0) * v;
  for (const [k, v] of x.hashed) z += (model.hashed[k] ?? 0) * v;
  return z;
}

/** Probability of the positive class. */
export function predict(model: LinearModel, x: FeatureVector): number {
  return sigmoid(margin(model, x));
}

/** Named features ranked by their contribution to the margin (largest positive first). */
export function contributions(model: LinearModel, x: FeatureVector): { name: string; value: number }[] {
  const out: { name: string; value: number }[] = [];
  for (const [k, v] of x.named) {
    if (k === 'bias') continue;
    const c = (model.named.get(k) ?? 0) * v;
    if (c !== 0) out.push({ name: k, value: c });
  }
  let ngram = 0;
  for (const [k, v] of x.hashed) ngram += (model.hashed[k] ?? 0) * v;
  if (ngram !== 0) out.push({ name: 'ngrams', value: ngram });
  return out.sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : 1));
}

/**
 * Train by AdaGrad SGD (Duchi et al., JMLR 2011) on the logistic loss. Deterministic: the example
 * order is a seeded shuffle per epoch and all arithmetic is sequential.
 */
export function train(examples: readonly TrainExample[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): LinearModel {
  const orders = options.orders ?? 1;
  if (!(Number.isInteger(orders) && orders >= 1)) throw new RangeError(`train: orders must be a positive integer, got ${orders}`);
  if (orders === 1) return trainOne(examples, options.seed, options);
  // Averaging models from several orders (an ensemble folded into one linear model) removes the
  // spread that one order's SGD noise puts on the weights and on the threshold chosen from them.
  const nextSeed = mulberry32(options.seed);
  const models: LinearModel[] = [];
  for (let i = 0; i < orders; i++) models.push(trainOne(examples, i === 0 ? options.seed : Math.floor(nextSeed() * 2 ** 32), options));
  return averageModels(models);
}

/** The element-wise mean of the models' weights (named keys sorted, so the result is deterministic). */
export function averageModels(models: readonly LinearModel[]): LinearModel {
  const first = models[0];
  if (first === undefined) throw new RangeError('averageModels: no models');
  const sum = new Float64Array(first.hashed.length);
  const named = new Map<string, number>();
  for (const m of models) {
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + (m.hashed[i] ?? 0);
    for (const [k, v] of m.named) named.set(k, (named.get(k) ?? 0) + v);
  }
  const sorted = new Map<string, number>();
  for (const k of [...named.keys()].sort()) sorted.set(k, (named.get(k) ?? 0) / models.length);
  return { named: sorted, hashed: Float32Array.from(sum, (v) => v / models.length) };
}

/** Whether a named feature is a concept feature (concepts.ts). */
const isConcept = (name: string): boolean => name.startsWith('c:') || name.startsWith('cc:');

function trainOne(examples: readonly TrainExample[], seed: number, options: TrainOptions): LinearModel {
  const l2Concept = options.l2Concept ?? options.l2Named;
  const dim = 1 << HASH_BITS;
  const wh = new Float64Array(dim);
  const gh = new Float64Array(dim);
  const wn = new Map<string, number>();
  const gn = new Map<string, number>();
  const rand = mulberry32(seed);
  const order = examples.map((_e, i) => i);
  const eps = 1e-8;
  const tail = Math.min(options.tailEpochs ?? 1, options.epochs);
  if (!(Number.isInteger(tail) && tail >= 1)) throw new RangeError(`train: tailEpochs must be a positive integer, got ${options.tailEpochs}`);
  const sumH = tail > 1 ? new Float64Array(dim) : undefined;
  const sumN = new Map<string, number>();
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = t;
    }
    for (const idx of order) {
      const ex = examples[idx];
      if (ex === undefined) continue;
      let z = 0;
      for (const [k, v] of ex.x.named) z += (wn.get(k) ?? 0) * v;
      for (const [k, v] of ex.x.hashed) z += (wh[k] ?? 0) * v;
      const err = (sigmoid(z) - ex.y) * (ex.w ?? 1);
      for (const [k, v] of ex.x.named) {
        const w = wn.get(k) ?? 0;
        const grad = err * v + (k === 'bias' ? 0 : (isConcept(k) ? l2Concept : options.l2Named) * w);
        const acc = (gn.get(k) ?? 0) + grad * grad;
        gn.set(k, acc);
        wn.set(k, w - (options.learningRate * grad) / Math.sqrt(acc + eps));
      }
      for (const [k, v] of ex.x.hashed) {
        const w = wh[k] ?? 0;
        const grad = err * v + options.l2Hashed * w;
        const acc = (gh[k] ?? 0) + grad * grad;
        gh[k] = acc;
        wh[k] = w - (options.learningRate * grad) / Math.sqrt(acc + eps);
      }
    }
    if (sumH !== undefined && epoch >= options.epochs - tail) {
      for (let i = 0; i < dim; i++) sumH[i] = (sumH[i] ?? 0) + (wh[i] ?? 0);
      for (const [k, v] of wn) sumN.set(k, (sumN.get(k) ?? 0) + v);
    }
  }
  const named = new Map<string, number>();
  for (const k of [...wn.keys()].sort()) named.set(k, sumH === undefined ? (wn.get(k) ?? 0) : (sumN.get(k) ?? 0) / tail);
  return { named, hashed: sumH === undefined ? Float32Array.from(wh) : Float32Array.from(sumH, (v) => v / tail) };
}

/** Platt scaling parameters: calibrated p = sigmoid(a·margin + b). */
export interface Calibration {
  readonly a: number;
  readonly b: number;
}

/**
 * Fit Platt scaling (Platt, 1999) to out-of-fold margins by Newton's method on the weighted
 * logistic loss, with Platt's smoothed targets so separable data does not send `a` to infinity.
 */
export function fitPlatt(points: readonly { z: number; y: 0 | 1; w?: number }[]): Calibration {
  let wPos = 0;
  let wNeg = 0;
  for (const p of points) {
    if (p.y === 1) wPos += p.w ?? 1;
    else wNeg += p.w ?? 1;
  }
  const tPos = (wPos + 1) / (wPos + 2);
  const tNeg = 1 / (wNeg + 2);
  let a = 1;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (const p of points) {
      const w = p.w ?? 1;
      const q = sigmoid(a * p.z + b);
      const d = (q - (p.y === 1 ? tPos : tNeg)) * w;
      const h = q * (1 - q) * w;
      ga += d * p.z;
      gb += d;
      haa += h * p.z * p.z;
      hab += h * p.z;
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) break;
  }
  return { a, b };
}

/**
 * Fold a calibration into the weights (every weight times `a`, `b` added to the bias), so the
 * committed model is an ordinary linear model whose output is already calibrated.
 */
export function calibrate(model: LinearModel, c: Calibration): LinearModel {
  const named = new Map<string, number>();
  for (const [k, v] of model.named) named.set(k, v * c.a);
  named.set('bias', (named.get('bias') ?? 0) + c.b);
  return { named, hashed: model.hashed.map((v) => v * c.a) };
}

/** The serialised form of one model inside `model.json`. */
export interface SerializedModel {
  readonly named: Record<string, number>;
  /** Number of stored hashed weights. */
  readonly count: number;
  /** Multiply the int16 codes by this to get the weights. */
  readonly scale: number;
  /** base64 of LEB128 varint deltas of the sorted bucket indices. */
  readonly index: string;
  /** base64 of little-endian int16 weight codes. */
  readonly weights: string;
}

/**
 * Quantise to int16 and drop weights whose magnitude is below `prune`: they change scores by
 * less than rounding noise and would only bloat the committed file.
 */
export function serialize(model: LinearModel, prune = 0.01): SerializedModel {
  const named: Record<string, number> = {};
  for (const [k, v] of model.named) if (Math.abs(v) >= 1e-4) named[k] = Math.round(v * 1e4) / 1e4;
  let max = 0;
  for (const v of model.hashed) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 32767 : 1;
  // Prune on the integer code, not on the weight: a weight just above `prune` can dequantise to
  // just below it, and pruning the float would then drop it when a loaded model is saved again.
  const minCode = Math.max(1, Math.round(prune / scale));
  const idx: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i < model.hashed.length; i++) {
    const c = Math.round((model.hashed[i] ?? 0) / scale);
    if (Math.abs(c) < minCode) continue;
    idx.push(i);
    codes.push(c);
  }
  const bytes: number[] = [];
  let last = 0;
  for (const i of idx) {
    let d = i - last;
    last = i;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    bytes.push(d);
  }
  const w = Buffer.alloc(codes.length * 2);
  codes.forEach((c, i) => w.writeInt16LE(c, i * 2));
  return {
    named,
    count: idx.length,
    scale: Number(scale.toPrecision(8)),
    index: Buffer.from(bytes).toString('base64'),
    weights: w.toString('base64'),
  };
}

/** Inverse of {@link serialize}; throws on a corrupt or truncated model. */
export function deserialize(s: SerializedModel): LinearModel {
  const dim = 1 << HASH_BITS;
  const hashed = new Float32Array(dim);
  const idx = Buffer.from(s.index, 'base64');
  const w = Buffer.from(s.weights, 'base64');
  if (w.length !== s.count * 2) throw new Error('injection model: weight table has the wrong length');
  let pos = 0;
  let last = 0;
  for (let n = 0; n < s.count; n++) {
    let d = 0;
    let shift = 0;
    for (;;) {
      const b = idx[pos++];
      if (b === undefined) throw new Error('injection model: index table is truncated');
      d += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    last += d;
    if (last >= dim) throw new Error('injection model: index out of range');
    hashed[last] = w.readInt16LE(n * 2) * s.scale;
  }
  const named = new Map<string, number>(Object.entries(s.named));
  return { named, hashed };
}
