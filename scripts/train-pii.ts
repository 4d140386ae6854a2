/**
 * Trains the entity tagger of src/guards/pii/ner.ts (averaged perceptron, Collins 2002) on the
 * training part of ../shared/datasets/pii-dev.jsonl and writes src/guards/pii/ner-model.json.
 *
 * Split: FNV-1a hash of the row id; hash % 100 < 30 is held out and never used here (not for
 * training, not for choosing settings). The training part is cross-validated (5 folds by hash)
 * to report how well the settings generalise. Deterministic: fixed seed, no clock.
 *
 *   node --import tsx scripts/train-pii.ts [--data FILE] [--epochs N] [--seed N] [--orders N] [--no-cv] [--dump-cv FILE]
 *
 * --dump-cv FILE writes one JSON line per training-part row with the out-of-fold tagger spans
 * (`{"id", "pred": [{start, end, type}]}`, JavaScript string offsets) for error analysis.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CUE_WORDS,
  HONORIFICS,
  ORG_PREFIXES,
  ORG_SUFFIXES,
  STREET_WORDS,
} from '../src/guards/pii/gazetteer.js';
import { NER_LABELS, NER_TYPES, allowedAtLineStart, features, observe, tokenize, type Sentence } from '../src/guards/pii/ner-features.js';
import { compileNerModel, tagEntities, type NerModelFile } from '../src/guards/pii/ner.js';
import { refineEntities } from '../src/guards/pii/refine.js';
import { codePointOffsetsToUtf16, formatPiiReport, scorePii, type PiiRow } from '../src/guards/eval/pii.js';
import { mulberry32 } from '../src/lib/random.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? def) : def;
};
const DATA = opt('--data', fileURLToPath(new URL('../../shared/datasets/pii-dev.jsonl', import.meta.url)));
const EPOCHS = Number(opt('--epochs', '16'));
/** Seed of the example order; other seeds show how much a CV difference is the order's noise. */
const SEED = Number(opt('--seed', '1'));
/** Models trained on different example orders and averaged (see trainAveraged). */
const ORDERS = Number(opt('--orders', '3'));
const OUT = fileURLToPath(new URL('../src/guards/pii/ner-model.json', import.meta.url));

/** FNV-1a 32-bit: the split must not depend on file order or on a random seed. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
export const isHeldOut = (id: string): boolean => fnv1a(id) % 100 < 30;


const NER_SET = new Set<string>(NER_TYPES);

/** Gold BIO labels per token (UTF-16 offsets). */
function goldLabels(row: PiiRow): string[] {
  const toU = codePointOffsetsToUtf16(row.text);
  const spans = row.spans
    .filter((s) => NER_SET.has(s.type))
    .map((s) => ({ start: toU(s.start), end: toU(s.end), type: s.type }));
  const toks = tokenize(row.text);
  const labels: string[] = [];
  let prevSpan = -1;
  for (const t of toks) {
    const k = spans.findIndex((s) => t.start < s.end && s.start < t.end);
    const s = spans[k];
    if (s === undefined) {
      labels.push('O');
      prevSpan = -1;
    } else {
      labels.push(k === prevSpan ? `I-${s.type}` : `B-${s.type}`);
      prevSpan = k;
    }
  }
  return labels;
}

/** Identity features only for frequent words that are mostly outside entities (no name memorising). */
function buildVocab(rows: readonly PiiRow[]): string[] {
  const docs = new Map<string, number>();
  const inside = new Map<string, number>();
  const total = new Map<string, number>();
  for (const row of rows) {
    const labels = goldLabels(row);
    const seen = new Set<string>();
    tokenize(row.text).forEach((t, i) => {
      total.set(t.lower, (total.get(t.lower) ?? 0) + 1);
      if ((labels[i] ?? 'O') !== 'O') inside.set(t.lower, (inside.get(t.lower) ?? 0) + 1);
      seen.add(t.lower);
    });
    for (const w of seen) docs.set(w, (docs.get(w) ?? 0) + 1);
  }
  const general = (w: string): boolean =>
    STREET_WORDS.has(w) || ORG_SUFFIXES.has(w) || ORG_PREFIXES.has(w) || HONORIFICS.has(w) || CUE_WORDS.has(w);
  const vocab: string[] = [];
  for (const [w, d] of docs) {
    if (/\d/.test(w)) continue;
    const ratio = (inside.get(w) ?? 0) / (total.get(w) ?? 1);
    if (general(w) || (d >= 3 && ratio < 0.5)) vocab.push(w);
  }
  return vocab.sort();
}

class Perceptron {
  readonly n = NER_LABELS.length;
  readonly w = new Map<string, Float64Array>();
  readonly acc = new Map<string, Float64Array>();
  readonly stamp = new Map<string, Float64Array>();
  t = 0;

  scores(feats: readonly string[]): Float64Array {
    const out = new Float64Array(this.n);
    for (const f of feats) {
      const row = this.w.get(f);
      if (row === undefined) continue;
      for (let k = 0; k < this.n; k++) out[k] = (out[k] ?? 0) + (row[k] ?? 0);
    }
    return out;
  }

  update(feats: readonly string[], gold: number, guess: number): void {
    for (const f of feats) {
      let row = this.w.get(f);
      let acc = this.acc.get(f);
      let st = this.stamp.get(f);
      if (row === undefined || acc === undefined || st === undefined) {
        row = new Float64Array(this.n);
        acc = new Float64Array(this.n);
        st = new Float64Array(this.n);
        this.w.set(f, row);
        this.acc.set(f, acc);
        this.stamp.set(f, st);
      }
      for (const [k, d] of [
        [gold, 1],
        [guess, -1],
      ] as const) {
        acc[k] = (acc[k] ?? 0) + (this.t - (st[k] ?? 0)) * (row[k] ?? 0);
        st[k] = this.t;
        row[k] = (row[k] ?? 0) + d;
      }
    }
  }

  averaged(): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [f, row] of this.w) {
      const acc = this.acc.get(f) ?? new Float64Array(this.n);
      const st = this.stamp.get(f) ?? new Float64Array(this.n);
      const avg = new Float64Array(this.n);
      for (let k = 0; k < this.n; k++) {
        avg[k] = ((acc[k] ?? 0) + (this.t - (st[k] ?? 0)) * (row[k] ?? 0)) / Math.max(1, this.t);
      }
      out.set(f, avg);
    }
    return out;
  }
}

function allowed(label: string, prev: string): boolean {
  if (!label.startsWith('I-')) return true;
  return prev === `B-${label.slice(2)}` || prev === `I-${label.slice(2)}`;
}

function train(rows: readonly PiiRow[], epochs: number, seed: number): NerModelFile {
  const vocabList = buildVocab(rows);
  const vocab = new Set(vocabList);
  const data: { s: Sentence; gold: number[] }[] = rows.map((row) => ({
    s: observe(row.text, vocab),
    gold: goldLabels(row).map((l) => NER_LABELS.indexOf(l)),
  }));
  const p = new Perceptron();
  const rand = mulberry32(seed);
  const order = data.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const idx of order) {
      const ex = data[idx];
      if (ex === undefined) continue;
      let prev1 = 'O';
      let prev2 = 'O';
      for (let i = 0; i < ex.s.tokens.length; i++) {
        p.t++;
        const feats = features(ex.s, i, prev1, prev2);
        const sc = p.scores(feats);
        let best = 0;
        let bestV = -Infinity;
        for (let k = 0; k < p.n; k++) {
          const lab = NER_LABELS[k] ?? 'O';
          if (!allowed(lab, prev1) || (ex.s.tokens[i]?.nlBefore === true && !allowedAtLineStart(lab))) continue;
          if ((sc[k] ?? 0) > bestV) {
            bestV = sc[k] ?? 0;
            best = k;
          }
        }
        const gold = ex.gold[i] ?? 0;
        if (best !== gold) p.update(feats, gold, best);
        // Condition on the gold history (teacher forcing) so that early mistakes do not cascade.
        prev2 = prev1;
        prev1 = NER_LABELS[gold] ?? 'O';
      }
    }
  }
  const avg = p.averaged();
  const feats: string[] = [];
  const weights: number[][] = [];
  for (const [f, row] of [...avg].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const pairs: number[] = [];
    for (let k = 0; k < row.length; k++) {
      const v = Math.round((row[k] ?? 0) * 1000);
      if (Math.abs(v) >= 20) pairs.push(k, v);
    }
    if (pairs.length > 0) {
      feats.push(f);
      weights.push(pairs);
    }
  }
  return { labels: NER_LABELS, vocab: vocabList, features: feats, weights };
}


/**
 * Trains one model per example order (seeds seed .. seed + orders - 1) and averages their
 * weights: the tagger's output on text unlike the training data varies a lot with the order
 * alone, and the average of linear models is one linear model of the same size and speed.
 */
function trainAveraged(rows: readonly PiiRow[], epochs: number, seed: number, orders: number): NerModelFile {
  const models = Array.from({ length: orders }, (_, k) => train(rows, epochs, seed + k));
  const first = models[0];
  if (first === undefined || orders === 1) return first ?? train(rows, epochs, seed);
  const sums = new Map<string, Map<number, number>>();
  for (const m of models) {
    m.features.forEach((f, r) => {
      let row = sums.get(f);
      if (row === undefined) {
        row = new Map();
        sums.set(f, row);
      }
      const pairs = m.weights[r] ?? [];
      for (let j = 0; j + 1 < pairs.length; j += 2) {
        const k = pairs[j] ?? 0;
        row.set(k, (row.get(k) ?? 0) + (pairs[j + 1] ?? 0));
      }
    });
  }
  const features: string[] = [];
  const weights: number[][] = [];
  for (const f of [...sums.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const pairs: number[] = [];
    for (const [k, v] of [...(sums.get(f) ?? new Map<number, number>())].sort((a, b) => a[0] - b[0])) {
      const w = Math.round(v / orders);
      if (Math.abs(w) >= 20) pairs.push(k, w);
    }
    if (pairs.length > 0) {
      features.push(f);
      weights.push(pairs);
    }
  }
  return { labels: first.labels, vocab: first.vocab, features, weights };
}

function loadRows(path: string): PiiRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PiiRow);
}

const all = loadRows(DATA);
const trainRows = all.filter((r) => !isHeldOut(r.id));
console.log(`rows: ${all.length}; train ${trainRows.length}; held out ${all.length - trainRows.length} (never used here)`);

if (!args.includes('--no-cv')) {
  const folds = 5;
  const reports = [];
  const refined = [];
  const dump: string[] = [];
  for (let f = 0; f < folds; f++) {
    const inFold = (r: PiiRow): boolean => (fnv1a(`cv:${r.id}`) % folds) === f;
    const model = trainAveraged(trainRows.filter((r) => !inFold(r)), EPOCHS, SEED, ORDERS);
    const m = compileNerModel(model);
    reports.push(
      scorePii(trainRows.filter(inFold), (t) => tagEntities(t, m), { types: [...NER_TYPES] }),
    );
    refined.push(
      scorePii(trainRows.filter(inFold), (t) => refineEntities(t, tagEntities(t, m)), { types: [...NER_TYPES] }),
    );
    for (const r of trainRows.filter(inFold)) {
      const pred = tagEntities(r.text, m).map(({ start, end, type }) => ({ start, end, type }));
      dump.push(JSON.stringify({ id: r.id, pred }));
    }
  }
  const dumpPath = opt('--dump-cv', '');
  if (dumpPath !== '') writeFileSync(dumpPath, `${dump.join('\n')}\n`);
  const f1 = (a: number, b: number, c: number): string => (a === 0 ? 0 : (2 * a) / (2 * a + b + c)).toFixed(3);
  for (const [title, reps] of [
    ['tagger only', reports],
    ['tagger + boundary rules of refine.ts', refined],
  ] as const) {
    console.log(`\n${folds}-fold cross-validation on the training part (${title}, ${EPOCHS} epochs):`);
    for (const t of NER_TYPES) {
      let tp = 0, fp = 0, fn = 0, rtp = 0, rfp = 0, rfn = 0;
      for (const r of reps) {
        const x = r.perType[t];
        if (x === undefined) continue;
        tp += x.exact.tp; fp += x.exact.fp; fn += x.exact.fn;
        rtp += x.relaxed.tp; rfp += x.relaxed.fp; rfn += x.relaxed.fn;
      }
      console.log(`  ${t.padEnd(16)} exact F1 ${f1(tp, fp, fn)}  relaxed F1 ${f1(rtp, rfp, rfn)}  (gold ${tp + fn})`);
    }
  }
}

const model = trainAveraged(trainRows, EPOCHS, SEED, ORDERS);
const json = JSON.stringify(model);
writeFileSync(OUT, `${json}\n`);
console.log(`\nwrote ${OUT}: ${model.features.length} features, ${model.vocab.length} vocab words, ${(json.length / 1024).toFixed(0)} KiB`);
const compiled = compileNerModel(model);
const report = scorePii(trainRows, (t) => tagEntities(t, compiled), { types: [...NER_TYPES] });
console.log(formatPiiReport(report, 'training part (tagger only, resubstitution)').split('\n').slice(0, 6).join('\n'));
