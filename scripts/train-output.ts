/**
 * The jailbroken-answer model alone (session 10), for experiments: the same rows, features, weights
 * and threshold rule as the output section of scripts/train-injection.ts, and the same 5-fold CV
 * grouped by question, plus the answer probe; writes nothing and never reads the held-out part.
 *
 *   node --import tsx scripts/train-output.ts [--data DIR] [--cap X] [--wrong]
 *
 * --shares JSON: override entries of OUTPUT_SHARES (output-train.ts), e.g. '{"jailbroken:written":0.25}'.
 * --cap X: cap on harmless answers flagged (CV) when choosing the threshold (0.04 by default, as
 * in the trainer since session 21; 0.02 with --no-blind-threshold); --wrong: list the CV errors on
 * the written rows. --no-blind-threshold: the CV-only threshold rule of sessions 10-20 (the trainer's
 * BLENDED_MAX_FPR: by default the mean of CV and development blind balanced accuracy).
 * --orders N: average the weights of N example orders (linear.ts `orders`; 5 by default, as the trainer).
 * --seeds A-B: CV for each training seed and the mean (the model and probes use seed A).
 * Probe 2 is development data since session 11's third pass (out-gen3) and always printed; the
 * SELECT line is that pass's selection figure: the mean of CV balanced accuracy (mean over seeds),
 * probe 1 and probe 2 balanced accuracy.
 * Session 12 (out-gen4): probe 3 is development data too and always printed; SELECT4 is the mean of
 * CV, probes 1, 2 and 3. --probe4: also print answer probe 4 (out-gen4, evaluation only: read once
 * at the start and once at the end; with --wrong it lists its misses).
 * --curve (session 15): for the first seed, print GPTFuzz balanced accuracy, harmless answers flagged
 * (CV), the balanced accuracy of the CV's safe and written answers (session 17) and the development
 * blind sets at thresholds 0.30 to 0.78, to see what the cap costs.
 * --no-prompt-attack (session 19): leave out the question features (the direct model's score of the
 * question, stacked on the answer model); --blind-no-prompt: also print the blind sets scored without
 * their questions.
 * --probe-leaks: also print the leak probe (probe-leaks.ts, session 12 out-leak, evaluation only: read
 * once at the start and once at the end; with --wrong it lists its misses).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { scoreBinary, formatReport } from '../src/guards/eval/classify.js';
import { heldOutSet, outputSafeRows, readRows, stableHash, WRITTEN_S13_DIR, WRITTEN_S17_DIR, writtenAnswerId, type DevRow } from '../src/guards/injection/dataset.js';
import { conceptSettings, extractOutput, outputSettings, questionAttack, type FeatureVector } from '../src/guards/injection/features.js';
import { blindDirs, blindIds, blindLine, devBlindScores, leaveOneSetOut, meanBlindBa, type DevBlindSet, type SetScore } from './blind-dev.js';
import { DEFAULT_TRAIN_OPTIONS, deserialize, predict, type LinearModel, type SerializedModel, type TrainOptions } from '../src/guards/injection/linear.js';
import { chooseOutputThreshold, fitQuestionWeights, OUTPUT_L2_CONCEPT, OUTPUT_SHARES, outputOutOfFold, stackedOutOfFold, trainOutputModel, withQuestionWeights } from '../src/guards/injection/output-train.js';
import { formatAnswerProbe } from '../src/guards/injection/probe-answers.js';
import { formatAnswerProbe2 } from '../src/guards/injection/probe-answers2.js';
import { formatAnswerProbe3 } from '../src/guards/injection/probe-answers3.js';
import { formatAnswerProbe4 } from '../src/guards/injection/probe-answers4.js';
import { formatLeakProbe } from '../src/guards/injection/probe-leaks.js';

const args = process.argv.slice(2);
const argAfter = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = argAfter('--data') ?? join(ROOT, '..', 'shared', 'datasets');
const K = 5;
const BLIND_THRESHOLD = !args.includes('--no-blind-threshold');
const CAP = Number(argAfter('--cap') ?? (BLIND_THRESHOLD ? '0.04' : '0.02'));
const log = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

// Session 14: --concept-weight X scales the concept features (concepts.ts; 1 by default, 0 leaves them out).
conceptSettings.weight = Number(argAfter('--concept-weight') ?? '1');
// Session 15: --no-short-filter keeps concept hits on one- and two-letter tokens.
conceptSettings.shortFilter = !args.includes('--no-short-filter');
const t0 = Date.now();
const outputRows = readRows(join(DATA, 'output-dev.jsonl'));
const outputHeld = heldOutSet(outputRows, (r) => r.source, (r) => r.prompt ?? r.id);
const outputTrain = outputRows.filter((r) => !outputHeld.has(r));
// Session 13: the written answers of data/written-s13 join unless --no-data-s13, as in the trainer.
// Session 17: and those of data/written-s17 unless --no-data-s17.
// Session 23: the development blind sets' answers train the model too, each set split like a
// written batch, unless --no-train-blind; each set's figures then come from a model trained
// without it (leave-one-set-out).
const TRAIN_BLIND = !args.includes('--no-train-blind');
const safe = outputSafeRows(DATA, args.includes('--no-data-s13') ? undefined : join(ROOT, WRITTEN_S13_DIR), [...(args.includes('--no-data-s17') ? [] : [join(ROOT, WRITTEN_S17_DIR)]), ...(TRAIN_BLIND ? blindDirs(ROOT) : [])]);
// Session 19: the answer model reads the direct model's score of the question (the committed
// direct model here; the trainer uses the one it has just trained). --no-prompt-attack leaves it out.
outputSettings.promptAttack = !args.includes('--no-prompt-attack');
outputSettings.questionConcepts = !args.includes('--no-question-concepts');
const committed = { direct: deserialize((JSON.parse(readFileSync(join(ROOT, 'src', 'guards', 'injection', 'model.json'), 'utf8')) as { direct: SerializedModel }).direct) };
const answerVector = (text: string, prompt: string | undefined): FeatureVector =>
  extractOutput(text, prompt, prompt === undefined || prompt.length === 0 ? undefined : questionAttack(prompt, (v) => predict(committed.direct, v))).vector;
const x = new Map<DevRow, FeatureVector>();
for (const r of [...outputTrain, ...safe.train]) {
  const withPrompt = stableHash(`prompt:${r.id}`) % 2 === 0;
  x.set(r, answerVector(r.text, withPrompt ? r.prompt : undefined));
}
// Session 14: --l2-concept X, the L2 strength on concept features (OUTPUT_L2_CONCEPT when unset, as the trainer).
const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: 8, l2Hashed: Number(argAfter('--l2-hashed') ?? '1e-3'), orders: Number(argAfter('--orders') ?? '5'), l2Concept: Number(argAfter('--l2-concept') ?? OUTPUT_L2_CONCEPT) };
const all = [...outputTrain, ...safe.train];
const sharesArg = argAfter('--shares');
const shares = sharesArg === undefined ? OUTPUT_SHARES : { ...OUTPUT_SHARES, ...(JSON.parse(sharesArg) as Record<string, number>) };
// --seeds A-B (session 11): the CV figures for several training seeds (example order), and their
// mean; the model and probes below use the first seed (1 by default, as the trainer).
const seedsArg = argAfter('--seeds') ?? '1-1';
const seedRange = /^(\d+)-(\d+)$/.exec(seedsArg);
if (seedRange === null) throw new Error(`--seeds wants A-B, got ${seedsArg}`);
const seeds: number[] = [];
for (let s = Number(seedRange[1]); s <= Number(seedRange[2]); s++) seeds.push(s);
const means = { ba: 0, recall: 0, refusals: 0, harmless: 0, written: 0 };
let threshold = 0.5;
let oof = new Map<DevRow, number>();
let questionWeights = new Map<string, number>();
let firstModel: LinearModel | undefined;
let firstBlindScore: SetScore | undefined;
// A blind set's answers scored by a model trained without that set's rows (the question weights of
// the full run: four stacked weights, fitted on out-of-fold margins).
const withoutSet = (qw: ReadonlyMap<string, number>, seed: number): SetScore => leaveOneSetOut((except: DevBlindSet) => {
  const ids = blindIds(ROOT, 'answers', except);
  const rows = all.filter((r) => !ids.has(writtenAnswerId(r)));
  const m = withQuestionWeights(trainOutputModel(rows, x, { ...options, seed }, shares), qw);
  return (r) => predict(m, answerVector(r.text, r.prompt));
});
for (const seed of seeds) {
  const o0 = outputOutOfFold(all, x, { ...options, seed }, K, shares);
  // Session 19: the question's weights, stacked on the answer model's out-of-fold margins.
  const qw = outputSettings.promptAttack ? fitQuestionWeights(all, o0, x, shares) : new Map<string, number>();
  const o = stackedOutOfFold(o0, x, qw);
  if (seed === seeds[0]) questionWeights = qw;
  log(`question weights seed=${seed}: ${[...qw].map(([k, v]) => `${k}=${v.toFixed(3)}`).join(' ')}`);
  const seedModel = withQuestionWeights(trainOutputModel(all, x, { ...options, seed }, shares), qw);
  firstModel ??= seedModel;
  const blindScore = TRAIN_BLIND ? withoutSet(qw, seed) : (r: DevRow): number => predict(seedModel, answerVector(r.text, r.prompt));
  if (seed === seeds[0]) firstBlindScore = blindScore;
  const blind = devBlindScores(ROOT, 'answers', blindScore, (r) => r.label === 'jailbroken' || r.label === 'leak');
  const t = chooseOutputThreshold(all.map((r) => ({ p: o.get(r) ?? 0, row: r })), CAP, BLIND_THRESHOLD ? (u) => meanBlindBa(blind, u) : undefined);
  if (args.includes('--curve') && seed === seeds[0]) {
    for (let u = 0.3; u <= 0.8; u += 0.02) {
      const cu = scoreBinary(outputTrain.filter((r) => r.source === 'gptfuzz'), (r) => (o.get(r) ?? 0) >= u);
      const vu = scoreBinary(safe.train, (r) => (o.get(r) ?? 0) >= u);
      const bl = blindLine(ROOT, 'answers', blindScore, u, (r) => r.label === 'jailbroken' || r.label === 'leak');
      log(`curve t=${u.toFixed(2)} gptfuzz.ba=${(cu.overall.balancedAccuracy * 100).toFixed(2)} harmless=${(vu.overall.fpr * 100).toFixed(2)}% written.ba=${(vu.overall.balancedAccuracy * 100).toFixed(2)} written.recall=${(vu.overall.recall * 100).toFixed(1)}% ${bl.replace(/\n/g, " || ")}`);
    }
  }
  const c = scoreBinary(outputTrain, (r) => (o.get(r) ?? 0) >= t);
  const v = scoreBinary(safe.train, (r) => (o.get(r) ?? 0) >= t);
  const wj = safe.train.filter((r) => r.label === 'jailbroken');
  const caught = wj.filter((r) => (o.get(r) ?? 0) >= t).length;
  if (seed === seeds[0]) {
    threshold = t;
    oof = o;
    log(`output: ${outputTrain.length} output-dev training rows, ${safe.train.length} safe/written training rows (${Date.now() - t0} ms)`);
    log(formatReport(`output: ${K}-fold CV, output-dev grouped by question (threshold ${t})`, c));
    log(formatReport(`output: ${K}-fold CV, safe answers and written jailbroken answers`, v));
  }
  log(`SUMMARY seed=${seed} threshold=${t} cv.balacc=${(c.overall.balancedAccuracy * 100).toFixed(2)} cv.recall=${(c.overall.recall * 100).toFixed(1)} refusals.flagged=${(c.overall.fpr * 100).toFixed(1)}% harmless.flagged=${(v.overall.fpr * 100).toFixed(2)}% written.jailbroken=${caught}/${wj.length}`);
  means.ba += c.overall.balancedAccuracy / seeds.length;
  means.recall += c.overall.recall / seeds.length;
  means.refusals += c.overall.fpr / seeds.length;
  means.harmless += v.overall.fpr / seeds.length;
  means.written += caught / Math.max(wj.length, 1) / seeds.length;
}
if (seeds.length > 1) log(`MEAN over seeds ${seedsArg}: cv.balacc=${(means.ba * 100).toFixed(2)} cv.recall=${(means.recall * 100).toFixed(1)} refusals.flagged=${(means.refusals * 100).toFixed(1)}% harmless.flagged=${(means.harmless * 100).toFixed(2)}% written.jailbroken=${(means.written * 100).toFixed(1)}%`);
if (args.includes('--wrong')) {
  for (const r of safe.train) {
    const p = oof.get(r) ?? 0;
    if ((p >= threshold) !== (r.label === 'jailbroken')) log(`  wrong ${r.label} ${p.toFixed(2)} [${r.id}] ${r.text.slice(0, 120).replace(/\n/g, ' ')}`);
  }
}
// The first seed's model, with its question weights (seeds are never empty: --seeds wants A-B).
const model = firstModel ?? withQuestionWeights(trainOutputModel(all, x, { ...options, seed: seeds[0] ?? 1 }, shares), questionWeights);
const flag = (text: string): boolean => predict(model, extractOutput(text).vector) >= threshold;
const balOf = (report: string): number => Number(/bal\.acc=([\d.]+)/.exec(report)?.[1] ?? 'NaN');
const p1 = formatAnswerProbe(flag);
const p2 = formatAnswerProbe2(flag, args.includes('--wrong'));
log(p1);
log(p2);
const p3 = formatAnswerProbe3(flag, args.includes('--wrong'));
log(p3);
log(`SELECT mean(cv, probe1, probe2) = ${((means.ba * 100 + balOf(p1) + balOf(p2)) / 3).toFixed(2)} (cv ${(means.ba * 100).toFixed(2)}, probe1 ${balOf(p1)}, probe2 ${balOf(p2)})`);
log(`SELECT4 mean(cv, probe1, probe2, probe3) = ${((means.ba * 100 + balOf(p1) + balOf(p2) + balOf(p3)) / 4).toFixed(2)} (probe3 ${balOf(p3)})`);
log(blindLine(ROOT, 'answers', firstBlindScore ?? ((r) => predict(model, answerVector(r.text, r.prompt))), threshold, (r) => r.label === 'jailbroken' || r.label === 'leak'));
if (args.includes('--blind-no-prompt')) log(blindLine(ROOT, 'answers', (r) => predict(model, answerVector(r.text, undefined)), threshold, (r) => r.label === 'jailbroken' || r.label === 'leak').replace(/answers:/g, 'answers (no question):'));
const alpaca = scoreBinary(safe.evalOnly, (r) => flag(r.text));
log(`AlpacaEval instructions in answer form flagged: ${(alpaca.overall.fpr * 100).toFixed(1)}% of ${alpaca.overall.n} (keep <= 1%)`);
// Probe 4 (out-gen4, session 12) is evaluation only: printed on request, read at the start and the end.
if (args.includes('--probe4')) log(formatAnswerProbe4(flag, args.includes('--wrong')));
// The leak probe (session 12, out-leak) is evaluation only: printed on request, read at the start and the end.
if (args.includes('--probe-leaks')) log(formatLeakProbe(flag, args.includes('--wrong')));
log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
