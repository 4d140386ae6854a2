/**
 * The jailbroken-answer model alone (session 10), for experiments: the same rows, features, weights
 * and threshold rule as the output section of scripts/train-injection.ts, and the same 5-fold CV
 * grouped by question, plus the answer probe; writes nothing and never reads the held-out part.
 *
 *   node --import tsx scripts/train-output.ts [--data DIR] [--cap X] [--wrong]
 *
 * --shares JSON: override entries of OUTPUT_SHARES (output-train.ts), e.g. '{"jailbroken:written":0.25}'.
 * --cap X: cap on harmless answers flagged (CV) when choosing the threshold (0.02 by default, as
 * in the trainer); --wrong: list the CV errors on the written rows.
 * --probe2: also print answer probe 2 (session 11, evaluation only: read once at the start and once
 * at the end; with --wrong it lists its misses).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { scoreBinary, formatReport } from '../src/guards/eval/classify.js';
import { heldOutSet, outputSafeRows, readRows, stableHash, type DevRow } from '../src/guards/injection/dataset.js';
import { extractOutput, type FeatureVector } from '../src/guards/injection/features.js';
import { DEFAULT_TRAIN_OPTIONS, predict, type TrainOptions } from '../src/guards/injection/linear.js';
import { chooseOutputThreshold, OUTPUT_SHARES, outputOutOfFold, trainOutputModel } from '../src/guards/injection/output-train.js';
import { formatAnswerProbe } from '../src/guards/injection/probe-answers.js';
import { formatAnswerProbe2 } from '../src/guards/injection/probe-answers2.js';

const args = process.argv.slice(2);
const argAfter = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = argAfter('--data') ?? join(ROOT, '..', 'shared', 'datasets');
const K = 5;
const CAP = Number(argAfter('--cap') ?? '0.02');
const log = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

const t0 = Date.now();
const outputRows = readRows(join(DATA, 'output-dev.jsonl'));
const outputHeld = heldOutSet(outputRows, (r) => r.source, (r) => r.prompt ?? r.id);
const outputTrain = outputRows.filter((r) => !outputHeld.has(r));
const safe = outputSafeRows(DATA);
const x = new Map<DevRow, FeatureVector>();
for (const r of [...outputTrain, ...safe.train]) {
  const withPrompt = stableHash(`prompt:${r.id}`) % 2 === 0;
  x.set(r, extractOutput(r.text, withPrompt ? r.prompt : undefined).vector);
}
const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: 8, l2Hashed: Number(argAfter('--l2-hashed') ?? '1e-3') };
const all = [...outputTrain, ...safe.train];
const sharesArg = argAfter('--shares');
const shares = sharesArg === undefined ? OUTPUT_SHARES : { ...OUTPUT_SHARES, ...(JSON.parse(sharesArg) as Record<string, number>) };
const oof = outputOutOfFold(all, x, options, K, shares);
const threshold = chooseOutputThreshold(all.map((r) => ({ p: oof.get(r) ?? 0, row: r })), CAP);
const cv = scoreBinary(outputTrain, (r) => (oof.get(r) ?? 0) >= threshold);
const sv = scoreBinary(safe.train, (r) => (oof.get(r) ?? 0) >= threshold);
log(`output: ${outputTrain.length} output-dev training rows, ${safe.train.length} safe/written training rows (${Date.now() - t0} ms)`);
log(formatReport(`output: ${K}-fold CV, output-dev grouped by question (threshold ${threshold})`, cv));
log(formatReport(`output: ${K}-fold CV, safe answers and written jailbroken answers`, sv));
log(`SUMMARY threshold=${threshold} cv.balacc=${(cv.overall.balancedAccuracy * 100).toFixed(2)} cv.recall=${(cv.overall.recall * 100).toFixed(1)} refusals.flagged=${(cv.overall.fpr * 100).toFixed(1)}% harmless.flagged=${(sv.overall.fpr * 100).toFixed(2)}%`);
if (args.includes('--wrong')) {
  for (const r of safe.train) {
    const p = oof.get(r) ?? 0;
    if ((p >= threshold) !== (r.label === 'jailbroken')) log(`  wrong ${r.label} ${p.toFixed(2)} [${r.id}] ${r.text.slice(0, 120).replace(/\n/g, ' ')}`);
  }
}
const model = trainOutputModel(all, x, options, shares);
log(formatAnswerProbe((text) => predict(model, extractOutput(text).vector) >= threshold));
// Probe 2 (session 11) is evaluation only: printed on request, read at the start and the end.
if (args.includes('--probe2')) log(formatAnswerProbe2((text) => predict(model, extractOutput(text).vector) >= threshold, args.includes('--wrong')));
log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
