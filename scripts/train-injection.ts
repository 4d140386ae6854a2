/**
 * Train the injection / indirect-injection / jailbroken-answer models and write
 * src/guards/injection/model.json.
 *
 *   node --import tsx scripts/train-injection.ts [--data DIR] [--quick]
 *
 * Experiment flags (direct model; chosen on CV and leave-one-source-out, never on the held-out
 * part): --direct-only (stop after the direct model, write nothing unless --direct-out FILE),
 * --dump-loso FILE (out-of-fold and leave-one-source-out score per row), --no-written (leave out
 * written-prompts.ts), --ablate words,chars,rules,shape,script,obf (drop feature groups; n-grams of
 * decoded payloads are not rebuilt), --l2-hashed X (direct; 3e-3 by default), --epochs N (direct; 12 by default), --seed N (direct; example order, 1 by default: session 9 reads a change as the mean over several seeds), --l2-named X, --balance-power X, --pos-share X
 * (share of the total weight given to attacks; 0.5 by default), --source-cap X (each benign source's
 * CV false-positive cap for the direct threshold; 0.02 by default), --show-held-out (with
 * --direct-only: also print the held-out summary; for the final run only), --show-probe-direct3
 * (session 12: print the third direct probe; read at the start and for the final model only). Session 9: --orders N
 * (direct; models trained on N example orders and weight-averaged, 5 by default), --tail-epochs N
 * (direct; average the weights after each of the last N epochs, 1 by default), --threshold-seeds N
 * (direct; calibration and threshold fitted on the pooled out-of-fold scores of N cross-validations
 * with different orders, 1 by default), --seeds A-B (run --direct-only once per seed and print each
 * figure's mean ± sd, min and max; other flags are passed on). Session 12: --probe4 (also print
 * answer probe 4, evaluation only).
 * --probe-leaks (print the answer leak probe, probe-leaks.ts; evaluation only, for the start and the final run).
 * Session 12 (ind-gen4): --show-probe4 prints the evaluation-only fourth document probe in experiments
 * that stop after the indirect part (the full run always prints it).
 * Session 13: the rows of data/written-s13 (written for the project by writers who never saw the
 * detectors or the probes) join all three models; --no-data-s13 leaves them out, --data-s13-weight X
 * weighs its prompts (0.25), --data-s13-docs-weight X its documents (0.5),
 * --indirect-data-s13-prompts also makes its attack prompts positive document segments. Session 13
 * (ind-gen5): --no-s13-docs leaves out the session-13 written documents of written-documents.ts (A/B).
 * Session 14: concept features (concepts.ts, data/lexicon): --concept-weight X (0 leaves them out),
 * --no-concept-gate (English text too), --segment-concepts (document segments too), --l2-concept X
 * (direct, 1e-2); every run prints the session-13 blind probes (development data now) per model.
 * Session 15: rule families read from concepts in document segments not in English
 * (concept-rules.ts), --no-segment-concept-rules leaves them out; --output-l2-concept X (1e-2);
 * --no-short-filter keeps concept hits on one- and two-letter tokens; the runs print blind-s14-sealed
 * and blind-s15-sealed too (development data now).
 * Session 20: --concept-off a,b switches concept rule settings off (concept-rules.ts), --no-concept-read
 * leaves out the concept-read mark (features.ts), --indirect-ties-high breaks ties between document
 * thresholds towards the higher one, as before session 20.
 * Session 21: the document and answer thresholds take the development blind sets into account
 * (BLENDED_MAX_FPR); --no-blind-threshold restores the CV-only rule, --blended-max-fpr X sets its cap on
 * benign documents / harmless answers flagged, --indirect-curve prints the document curve (CV balanced
 * accuracy, benign flagged per BIPIA task, development blind sets) per threshold.
 *
 * Deterministic: fixed splits (hashes of ids / attack strings / questions), seeded example order,
 * sequential arithmetic; the same data gives a byte-identical model file.
 *
 * Protocol: a quarter of every file is held out (never used here for anything but the final
 * printout); thresholds come from 5-fold cross-validation on the rest; a leave-one-source-out run
 * shows how the direct model does on a source it never saw. AlpacaEval (CC BY-NC 4.0) is never
 * trained on, only evaluated.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { scoreBinary, formatReport, type BinaryReport } from '../src/guards/eval/classify.js';
import { bipiaPairs, blindDocuments as blindDocumentRows, foldOf, heldOutSet, NO_TRAIN_SOURCES, outputSafeRows, readRows, stableHash, WRITTEN_S13_DIR, WRITTEN_S16_DIR, WRITTEN_S17_DIR, WRITTEN_S18_DIR, writtenAnswerId, writtenDocuments, writtenPromptRows, writtenPrompts, writtenS13Documents, writtenS13Prompts, type DevRow } from '../src/guards/injection/dataset.js';
import { bestSegment, documentPayloads, documentSegments } from '../src/guards/injection/document.js';
import { formatDocumentProbe } from '../src/guards/injection/probe-documents.js';
import { formatDocumentProbe2 } from '../src/guards/injection/probe-documents2.js';
import { formatDocumentProbe3 } from '../src/guards/injection/probe-documents3.js';
import { formatDocumentProbe4 } from '../src/guards/injection/probe-documents4.js';
import { BENIGN_DOCUMENTS, BENIGN_DOCUMENTS_S12, BENIGN_DOCUMENTS_S13, INJECTED_LINES, INJECTED_LINES_S12, INJECTED_LINES_S13 } from '../src/guards/injection/written-documents.js';
import { formatProbe, MULTILINGUAL_PROBE } from '../src/guards/injection/probe-multilingual.js';
import { formatTacticProbe } from '../src/guards/injection/probe-tactics.js';
import { DIRECT2_PROBE, formatDirect2Probe } from '../src/guards/injection/probe-direct2.js';
import { DIRECT3_PROBE, formatDirect3Probe } from '../src/guards/injection/probe-direct3.js';
import { formatAnswerProbe } from '../src/guards/injection/probe-answers.js';
import { formatAnswerProbe2 } from '../src/guards/injection/probe-answers2.js';
import { formatAnswerProbe3 } from '../src/guards/injection/probe-answers3.js';
import { formatAnswerProbe4 } from '../src/guards/injection/probe-answers4.js';
import { formatLeakProbe } from '../src/guards/injection/probe-leaks.js';
import { chooseOutputThreshold, fitQuestionWeights, OUTPUT_L2_CONCEPT, outputOutOfFold, stackedOutOfFold, trainOutputModel, withQuestionWeights } from '../src/guards/injection/output-train.js';
import { formatDefensive, scoreDefensiveSet } from '../src/guards/injection/defensive-prompts.js';
import { BENIGN_PROBE, formatBenignProbe } from '../src/guards/injection/benign-probe.js';
import { mulberry32 } from '../src/lib/random.js';
import { conceptRuleSettings } from '../src/guards/injection/concept-rules.js';
import { addNgrams, conceptSettings, extractInput, extractOutput, HASH_BITS, ngramKeys, ngramSettings, outputSettings, questionAttack, type FeatureVector } from '../src/guards/injection/features.js';
import { baAt, blindDirs, blindFigures, blindIds, blindLine, DEV_BLIND_SETS, devBlindScores, leaveOneSetOut, meanBlindBa, type DevBlindSet } from './blind-dev.js';
import { deobfuscate } from '../src/guards/injection/deobfuscate.js';
import { calibrate, fitPlatt, predict, serialize, train, DEFAULT_TRAIN_OPTIONS, type Calibration, type LinearModel, type TrainExample, type TrainOptions } from '../src/guards/injection/linear.js';

const args = process.argv.slice(2);
const argAfter = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = argAfter('--data') ?? join(ROOT, '..', 'shared', 'datasets');
const OUT = join(ROOT, 'src', 'guards', 'injection', 'model.json');
// Session 14: --concept-weight X scales the concept features (concepts.ts; 1 by default, 0 leaves
// them out), --no-concept-gate adds them to English text too, --segment-concepts to document
// segments too (features.ts conceptSettings).
conceptSettings.weight = Number(argAfter('--concept-weight') ?? '1');
conceptSettings.gate = !args.includes('--no-concept-gate');
conceptSettings.segments = args.includes('--segment-concepts');
// Session 15: --no-segment-concept-rules leaves out the rule families read from the concepts of segments not in English.
conceptSettings.segmentRules = !args.includes('--no-segment-concept-rules');
// Session 15: --no-short-filter keeps concept hits on one- and two-letter tokens (concept-rules.ts withoutShortCollisions).
conceptSettings.shortFilter = !args.includes('--no-short-filter');
// Session 16: --no-concept-answer-rule leaves out the concept family addresses-answer (concept-rules.ts).
conceptRuleSettings.addressesAnswer = !args.includes('--no-concept-answer-rule');
// Session 16: --no-concept-prompt-rules leaves out instruction-ref and prompt-leak read from the concepts of prompts not in English.
conceptRuleSettings.prompts = !args.includes('--no-concept-prompt-rules');
// Session 17: --no-concept-disclose leaves out disclose-verb and instruction-ref read from the concepts of document lines.
conceptRuleSettings.segmentDisclose = !args.includes('--no-concept-disclose');
// Session 18: --no-concept-planted leaves out hide-from-user, no-confirmation, omit-fact and summary-hijack read from the concepts of document lines.
conceptRuleSettings.segmentPlanted = !args.includes('--no-concept-planted');
// Session 20: --no-concept-read leaves out the concept-read mark of segments whose families were read from concepts (features.ts).
conceptSettings.conceptRead = !args.includes('--no-concept-read');
// Session 20: --concept-off a,b switches off named concept rule settings (concept-rules.ts
// conceptRuleSettings: labelClause, noteTo, tellDirective, selfHidden, tellUser, …).
for (const name of (argAfter('--concept-off') ?? '').split(',').filter(Boolean)) {
  if (!(name in conceptRuleSettings)) throw new Error(`--concept-off: no concept rule setting ${name}`);
  (conceptRuleSettings as Record<string, boolean>)[name] = false;
}
// Session 22: --segment-digits keeps numbers in the document model's n-grams (features.ts ngramSettings).
ngramSettings.segmentDigits = args.includes('--segment-digits');
const K = 5;
/** Cap on benign false positives when choosing a threshold (the issue's target is ≤ 2%). */
const MAX_FPR = 0.02;
/**
 * Cap on each benign source's own CV false-positive rate when choosing the direct threshold: the
 * issue's 2% applied to every source on its own (session 6; --source-cap 1 is the old pooled-only
 * rule). It picks the same threshold (0.80) as "best leave-one-source-out balanced accuracy with
 * LOSO benign FPR ≤ 2%"; a pooled cap let one benign source sit at 5% (docs/detection.md).
 */
const SOURCE_CAP = Number(argAfter('--source-cap') ?? '0.02');
/**
 * Session 21: the document and answer thresholds maximise the mean of two balanced accuracies, the
 * CV's and the development blind sets' (blind-dev.ts), under a cap on the CV's benign documents or
 * harmless answers flagged of BLENDED_MAX_FPR (4%). The issue caps benign prompts flagged at 2%; it
 * sets no cap for documents or answers, and under the 2% cap both thresholds sat where the blind
 * sets, written by others in many languages, lose 3-4 points (docs/detection.md, session 21).
 * --no-blind-threshold restores the CV-only rule with the 2% cap; --blended-max-fpr X sets the cap.
 */
const BLIND_THRESHOLD = !args.includes('--no-blind-threshold');
const BLENDED_MAX_FPR = BLIND_THRESHOLD ? Number(argAfter('--blended-max-fpr') ?? '0.04') : MAX_FPR;

const t0 = Date.now();
const log = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

// ---------------------------------------------------------------------------------------------
// --seeds A-B: the spread over training seeds (session 9: one seed moved the direct threshold
// 0.72-0.83 and LOSO 0.875-0.897, so a change is read as a mean over seeds, not one draw)

/** Figures one `--direct-only --summary-json` run prints on its `SEED-SUMMARY` line. */
interface SeedFigures {
  readonly threshold: number;
  readonly cvBalAcc: number;
  readonly cvBenignFpr: number;
  readonly cvHardNegFpr: number;
  readonly losoBalAcc: number;
  readonly losoBenignFpr: number;
  readonly losoHardNegFpr: number;
  readonly losoAt2BalAcc: number;
  readonly probeCaught: number;
  readonly probeBenignFlagged: number;
  readonly benignProbeFlagged: number;
  readonly defensiveUserFlagged: number;
  /** Session 13: the direct probes 2 and 3 are development data, so the per-seed runs count them too. */
  readonly direct2Caught: number;
  readonly direct2Flagged: number;
  readonly direct3Caught: number;
  readonly direct3Flagged: number;
  /** Session 13: LOSO recall of the sources whose attacks the model generalises worst to. */
  readonly losoRecallCyberseceval: number;
  readonly losoRecallDeepset: number;
  readonly losoRecallGandalf: number;
  readonly losoRecallGptfuzz: number;
  /** Session 14: the session-13 blind prompts (development data now), all and not English. */
  readonly blindAuc: number;
  readonly blindBa: number;
  readonly blindNonEnAuc: number;
  readonly blindNonEnBa: number;
  /** Session 14: operators' defensive prompts flagged at the system threshold (the test allows 2%, 1 of 83). */
  readonly defensiveSystemFlagged: number;
}

const seedsArg = argAfter('--seeds');
if (seedsArg !== undefined) {
  const m = /^(\d+)-(\d+)$/.exec(seedsArg);
  if (m === null) throw new Error(`--seeds wants A-B (e.g. 1-10), got ${seedsArg}`);
  const passOn = args.filter((a, i) => a !== '--seeds' && args[i - 1] !== '--seeds' && a !== '--show-held-out' && a !== '--show-probe-direct3');
  const runs: SeedFigures[] = [];
  // One child per seed, one after another: the machine is shared, and a child is the same run a
  // reader can repeat with `--direct-only --seed N`.
  for (let seed = Number(m[1]); seed <= Number(m[2]); seed++) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...passOn, '--direct-only', '--summary-json', '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const line = child.stdout.split('\n').find((l) => l.startsWith('SEED-SUMMARY '));
    if (child.status !== 0 || line === undefined) throw new Error(`seed ${seed} failed: ${child.stderr}`);
    const f = JSON.parse(line.slice('SEED-SUMMARY '.length)) as SeedFigures;
    runs.push(f);
    log(`seed ${seed}: ${JSON.stringify(f)}`);
  }
  const keys = Object.keys(runs[0] ?? {}) as (keyof SeedFigures)[];
  for (const k of keys) {
    const xs = runs.map((r) => r[k]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(xs.length - 1, 1));
    log(`${k.padEnd(22)} mean ${mean.toFixed(4)} ± ${sd.toFixed(4)} (min ${Math.min(...xs).toFixed(4)}, max ${Math.max(...xs).toFixed(4)}; ${xs.length} seeds)`);
  }
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// helpers

/**
 * Per-row weights: each label gets half the total weight, shared between its sources in
 * proportion to rows^(1 - power) (power 1 by default: every source counts the same), so a big
 * source (Gandalf's password prompts) cannot make its theme the definition of an attack. Power
 * 0.5 and 1 were compared on leave-one-source-out; 1 generalised slightly better.
 */
function balance<R>(rows: readonly R[], label: (r: R) => 0 | 1, source: (r: R) => string): number[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${label(r)}|${source(r)}`, (counts.get(`${label(r)}|${source(r)}`) ?? 0) + 1);
  const raw = rows.map((r) => 1 / Math.pow(counts.get(`${label(r)}|${source(r)}`) ?? 1, POWER));
  const tot = [0, 0];
  rows.forEach((r, i) => {
    tot[label(r)] = (tot[label(r)] ?? 0) + (raw[i] ?? 0);
  });
  return rows.map((r, i) => ((raw[i] ?? 0) * rows.length * (label(r) === 1 ? POS_SHARE : 1 - POS_SHARE)) / (tot[label(r)] ?? 1));
}

/**
 * Threshold maximising balanced accuracy subject to FPR ≤ maxFpr (ties → the higher one; with
 * `ties: 'low'`, the lower). With `groupCap`, the benign rows of every group (`g`, a source) must
 * also stay at or under that FPR on their own: a pooled cap lets one small benign source be
 * over-flagged, and a new deployment's traffic is one source, not the mix. With `blind`, the
 * objective is the mean of that balanced accuracy and `blind(t)` (session 21, BLENDED_MAX_FPR).
 */
function chooseThreshold(scores: readonly { p: number; y: boolean; w?: number; g?: string }[], maxFpr: number, groupCap = 1, ties: 'high' | 'low' = 'high', blind?: (t: number) => number): number {
  let best = 0.5;
  let bestBa = -1;
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    let tp = 0, fn = 0, fp = 0, tn = 0;
    const groups = new Map<string, [number, number]>();
    for (const s of scores) {
      const w = s.w ?? 1;
      if (s.y) { if (s.p >= t) tp += w; else fn += w; } else if (s.p >= t) fp += w; else tn += w;
      if (!s.y && s.g !== undefined) {
        const c = groups.get(s.g) ?? [0, 0];
        c[s.p >= t ? 0 : 1] += 1;
        groups.set(s.g, c);
      }
    }
    const fpr = fp / Math.max(fp + tn, 1e-9);
    const cvBa = (tp / Math.max(tp + fn, 1e-9) + tn / Math.max(tn + fp, 1e-9)) / 2;
    const ba = blind === undefined ? cvBa : (cvBa + blind(Math.round(t * 100) / 100)) / 2;
    const groupsOk = [...groups.values()].every(([f, n]) => f / (f + n) <= groupCap);
    if (fpr <= maxFpr && groupsOk && (ties === 'high' ? ba >= bestBa - 1e-12 : ba > bestBa + 1e-12)) {
      bestBa = ba;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

const trainSourcesOf = (rows: readonly DevRow[]): string[] => [...new Set(rows.map((r) => r.source))].sort();

const summary = (r: BinaryReport): string => {
  const o = r.overall;
  const f = (x: number | null): string => (x === null ? 'n/a' : (x * 100).toFixed(1));
  return `bal.acc=${f(o.balancedAccuracy)} P=${f(o.precision)} R=${f(o.recall)} F1=${f(o.f1)} FPR=${f(o.fpr)} FPR(benign)=${f(r.benignFpr)} FPR(hard-neg)=${f(r.hardNegativeFpr)} macro.bal.acc=${f(r.macro.balancedAccuracy)}`;
};

// ---------------------------------------------------------------------------------------------
// direct (injection-dev)

const l2Arg = argAfter('--l2-hashed');
const POWER = Number(argAfter('--balance-power') ?? '1');
const POS_SHARE = Number(argAfter('--pos-share') ?? '0.5');
const l2NamedArg = argAfter('--l2-named');
// Session 14: --l2-concept X, the direct model's L2 strength on concept features (1e-2 by default;
// seeds 1-2: LOSO 0.905, operators' defensive prompts flagged at the system threshold 0/83, against
// 0.900 and 2/83 at 1e-3 and 0.895 at l2Named's 1e-4; blind-s13 prompts 0.77 at each).
const l2ConceptArg = argAfter('--l2-concept');
// L2 on the direct model's hashed n-grams: 3e-3 (session 8; the shared default 2e-3 before). Swept
// 2e-3 / 2.5e-3 / 3e-3 / 4e-3 / 6e-3 on CV and leave-one-source-out: LOSO 0.888 / 0.890 / 0.894 /
// 0.892 / 0.887, and from 4e-3 on the LOSO hard-negative FPR passes 2% (docs/detection.md).
const epochsArg = argAfter('--epochs');
const seedArg = argAfter('--seed');
// The direct model is the weight average of 5 models trained on different example orders, in
// every CV and LOSO fold too (session 9): over seeds 1-10 the threshold's sd went 0.039 -> 0.021,
// LOSO 0.8908 ± 0.0073 -> 0.8943 ± 0.0033, CV 0.9505 -> 0.9515 (docs/detection.md). Averaging the
// last epochs of one order (--tail-epochs) did not narrow the spread: the order is the noise.
const ordersArg = argAfter('--orders');
const tailArg = argAfter('--tail-epochs');
const directOptions: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, l2Hashed: Number(l2Arg ?? '3e-3'), orders: Number(ordersArg ?? '5'), ...(tailArg === undefined ? {} : { tailEpochs: Number(tailArg) }), ...(seedArg === undefined ? {} : { seed: Number(seedArg) }), ...(epochsArg === undefined ? {} : { epochs: Number(epochsArg) }), ...(l2NamedArg === undefined ? {} : { l2Named: Number(l2NamedArg) }), l2Concept: Number(l2ConceptArg ?? '1e-2') };
const direct = readRows(join(DATA, 'injection-dev.jsonl'));
const directHeld = heldOutSet(direct, (r) => `${r.source}/${r.label}`, (r) => r.id);
// Written multilingual prompts (written-prompts.ts) join the training part as one more source
// unless --no-written (to measure what they change).
// Session 12 (inj-gen3) experiment flag: --no-written-ids REGEX leaves out the written prompts whose
// id matches (to measure one batch of written rows against the rest).
const writtenAll = args.includes('--no-written') ? { train: [], held: [] } : writtenPromptRows();
const noWrittenIds = argAfter('--no-written-ids');
const keepWritten = (r: DevRow): boolean => noWrittenIds === undefined || !new RegExp(noWrittenIds, 'u').test(r.id);
// Session 13: the rows of data/written-s13 (written by writers who never saw the detectors) join
// all three models unless --no-data-s13 (to measure what they change).
const DATA_S13 = args.includes('--no-data-s13') ? undefined : join(ROOT, WRITTEN_S13_DIR);
const dataS13Prompts = DATA_S13 === undefined ? { train: [], held: [] } : writtenS13Prompts(DATA_S13);
// --data-s13-weight X multiplies the balanced weight of the written-s13 prompts: 0.25 by default,
// chosen on the dev sources (seeds 1-2, docs/detection.md session 13): without them LOSO 0.9101,
// LOSO@2% 0.9121; at 0.25 0.9080 / 0.9093 (CyberSecEval LOSO recall 52.5% -> 54.2%); batch a alone
// at 0.35 0.9043 / 0.9048, at 1 (seed 1) LOSO@2% 0.896.
const DATA_S13_WEIGHT = Number(argAfter('--data-s13-weight') ?? '0.25');
// Session 16: the prompts of data/written-s16 (fiction and personas asking for operational harm,
// extraction by translation or summary, overrides; hard negatives beside each), treated like
// written-s13's: --no-data-s16 leaves them out, --data-s16-weight X weighs them.
const dataS16Prompts = args.includes('--no-data-s16') ? { train: [], held: [] } : writtenPrompts(join(ROOT, WRITTEN_S16_DIR), 'written-s16');
// 0.25 (seed 1, against none: blind-s13 prompts BA 0.78 -> 0.81, s14 0.83 -> 0.89, s15 0.79 -> 0.82, s15 AUC
// 0.874 -> 0.938; LOSO@2% 0.909 -> 0.900, defensive clauses as user turns 13 -> 15/83; 0.05 and 0.1 cost LOSO as much).
const DATA_S16_WEIGHT = Number(argAfter('--data-s16-weight') ?? '0.25');
// Session 23: the direct model trains on the development blind sets' prompts too (source `blind`,
// kept out of the threshold like the later written batches); each set is then scored by a model
// trained without it. --direct-blind-weight X weighs them, 0 leaves them out; 1 by default, chosen
// on the mean of leave-one-source-out at 2% flagged and the blind sets' mean balanced accuracy
// (seed 1; LOSO@2% / blind BA / AUC: at 0 0.900 / 0.834 / 0.927, at 0.1 0.898 / 0.839 / 0.943, at
// 0.25 0.898 / 0.849 / 0.948, at 0.5 0.894 / 0.861 / 0.951, at 1 0.895 / 0.870 / 0.956).
const DIRECT_BLIND_WEIGHT = Number(argAfter('--direct-blind-weight') ?? '1');
const blindPrompts = DIRECT_BLIND_WEIGHT > 0 ? DEV_BLIND_SETS.flatMap((set) => readRows(join(ROOT, 'data', set, 'direct.jsonl')).map((r): DevRow => ({ ...r, source: 'blind' }))) : [];
/** Later written batches: weighed down, and kept out of the threshold and of the indirect positives. */
const isLaterWritten = (r: DevRow): boolean => r.source === 'written-s13' || r.source === 'written-s16' || r.source === 'blind';
const written = { train: [...writtenAll.train.filter(keepWritten), ...dataS13Prompts.train, ...dataS16Prompts.train, ...blindPrompts], held: [...writtenAll.held.filter(keepWritten), ...dataS13Prompts.held, ...dataS16Prompts.held] };
const directTrain = [...direct.filter((r) => !directHeld.has(r) && !NO_TRAIN_SOURCES.has(r.source)), ...written.train];
const directX = new Map<DevRow, FeatureVector>();
// Feature-group ablation (--ablate words,chars,rules,pairs,shape,script,obf), measured under CV and
// leave-one-source-out: which groups carry over to a source the model never saw.
const ABLATE = new Set((argAfter('--ablate') ?? '').split(',').filter((x) => x !== ''));
function ablate(x: FeatureVector, text: string): FeatureVector {
  if (ABLATE.size === 0) return x;
  const named = new Map([...x.named].filter(([k]) => {
    const group = k.startsWith('rr:') ? 'pairs' : k.startsWith('r:') ? 'rules' : k.split(':')[0] ?? '';
    return !ABLATE.has(group);
  }));
  let hashed = x.hashed;
  if (ABLATE.has('words') || ABLATE.has('chars')) {
    const keys = ngramKeys(deobfuscate(text).text);
    hashed = new Map();
    addNgrams({ words: ABLATE.has('words') ? new Set() : keys.words, chars: ABLATE.has('chars') ? new Set() : keys.chars }, hashed);
  }
  return { named, hashed };
}
for (const r of [...direct, ...written.train, ...written.held]) directX.set(r, ablate(extractInput(r.text, 'direct').vector, r.text));
log(`direct: ${direct.length} rows, ${directTrain.length} train, ${directHeld.size} held out (${Date.now() - t0} ms features)`);

function trainDirect(rows: readonly DevRow[], calibration?: Calibration, options: TrainOptions = directOptions): LinearModel {
  const w = balance(rows, (r) => (r.label === 'attack' ? 1 : 0), (r) => r.source);
  const m = train(rows.map((r, i) => ({ x: directX.get(r) as FeatureVector, y: r.label === 'attack' ? 1 : 0, w: (w[i] ?? 1) * (r.source === 'written-s13' ? DATA_S13_WEIGHT : r.source === 'written-s16' ? DATA_S16_WEIGHT : r.source === 'blind' ? DIRECT_BLIND_WEIGHT : 1) })), options);
  return calibration === undefined ? m : calibrate(m, calibration);
}

/** Out-of-fold scores of the direct model trained with `options` (uncalibrated). */
function directOutOfFold(options: TrainOptions): Map<DevRow, number> {
  const oof = new Map<DevRow, number>();
  for (let f = 0; f < K; f++) {
    const m = trainDirect(directTrain.filter((r) => foldOf(r.id, K) !== f), undefined, options);
    for (const r of directTrain) if (foldOf(r.id, K) === f) oof.set(r, predict(m, directX.get(r) as FeatureVector));
  }
  return oof;
}
const oofDirect = directOutOfFold(directOptions);
// --threshold-seeds N: the calibration and the threshold are fitted on the out-of-fold scores of N
// cross-validations with different example orders, pooled (the first is the run's own), so they do
// not follow one order's draw; the CV figures below stay those of the run's own order.
const thresholdSeeds = Number(argAfter('--threshold-seeds') ?? '1');
const extraOof: Map<DevRow, number>[] = [];
{
  const next = mulberry32(directOptions.seed ^ 0x5eed);
  for (let i = 1; i < thresholdSeeds; i++) extraOof.push(directOutOfFold({ ...directOptions, seed: Math.floor(next() * 2 ** 32) }));
}
// Choose on source-balanced weights so Gandalf's size does not set the threshold alone.
const directWeights = balance(directTrain, (r) => (r.label === 'attack' ? 1 : 0), (r) => r.source);
// Platt scaling on the out-of-fold margins (same balanced weights), folded into the final model:
// the raw scores of a model trained with per-source weights are not probabilities, and a short
// harmless prompt scoring 0.6 reads as "probably an attack" to whoever looks at the score.
const logit = (p: number): number => Math.log(Math.max(p, 1e-12) / Math.max(1 - p, 1e-12));
const directCalibration = fitPlatt([oofDirect, ...extraOof].flatMap((oof) => directTrain.map((r, i) => ({ z: logit(oof.get(r) ?? 0.5), y: r.label === 'attack' ? 1 : 0, w: directWeights[i] ?? 1 }))));
for (const oof of [oofDirect, ...extraOof]) for (const [r, p] of oof) oof.set(r, 1 / (1 + Math.exp(-(directCalibration.a * logit(p) + directCalibration.b))));
log(`direct: Platt calibration a=${directCalibration.a.toFixed(4)} b=${directCalibration.b.toFixed(4)}`);
// Session 13: the written-s13 rows are trained on but do not set the threshold (their hard benign
// prompts stay over 2% flagged at every threshold under CV, which left the default 0.5).
const thresholdRows = directTrain.map((r, i) => ({ r, w: directWeights[i] ?? 1 })).filter(({ r }) => !isLaterWritten(r));
const directThreshold = chooseThreshold([oofDirect, ...extraOof].flatMap((oof) => thresholdRows.map(({ r, w }) => ({ p: oof.get(r) ?? 0, y: r.label === 'attack', w, g: r.source }))), MAX_FPR, SOURCE_CAP);
{
  const perSource = trainSourcesOf(directTrain).filter((s) => directTrain.some((r) => r.source === s && r.label !== 'attack')).map((s) => {
    const neg = directTrain.filter((r) => r.source === s && r.label !== 'attack');
    return `${s} ${((neg.filter((r) => (oofDirect.get(r) ?? 0) >= directThreshold).length / neg.length) * 100).toFixed(1)}%`;
  });
  log(`direct: threshold ${directThreshold} (pooled CV FPR ≤ ${MAX_FPR * 100}%, each benign source ≤ ${SOURCE_CAP * 100}%); CV benign flagged per source: ${perSource.join(', ')}`);
}
// --dump-oof FILE: every training row's calibrated out-of-fold score (JSON Lines), to see which rows
// set the per-source threshold cap (session 11).
{
  const dumpOof = argAfter('--dump-oof');
  if (dumpOof !== undefined) writeFileSync(dumpOof, directTrain.map((r) => JSON.stringify({ id: r.id, source: r.source, label: r.label, p: oofDirect.get(r) ?? 0, text: r.text.slice(0, 160) })).join('\n') + '\n');
}
// Reported on the dev rows only, so the figures compare with runs without the written prompts.
const isWritten = (r: DevRow): boolean => r.source.startsWith('written-') || r.source === 'blind';
const devTrain = directTrain.filter((r) => !isWritten(r));
const cvDirect = scoreBinary(devTrain, (r) => (oofDirect.get(r) ?? 0) >= directThreshold);
log(formatReport(`direct: ${K}-fold CV on the training part (threshold ${directThreshold})`, cvDirect));

// Leave one source out: train on every other source, score the left-out one.
const loso = new Map<DevRow, number>();
let losoReport: BinaryReport | undefined;
let losoAt2 = Number.NaN;
const trainSources = trainSourcesOf(directTrain);
if (!args.includes('--quick')) {
  for (const s of trainSources) {
    const m = trainDirect(directTrain.filter((r) => r.source !== s), directCalibration);
    for (const r of directTrain) if (r.source === s) loso.set(r, predict(m, directX.get(r) as FeatureVector));
  }
  losoReport = scoreBinary(devTrain, (r) => (loso.get(r) ?? 0) >= directThreshold);
  for (const s of new Set(written.train.map((r) => r.source))) log(`direct: ${s}, scored by a model trained without them: ${summary(scoreBinary(written.train.filter((r) => r.source === s), (r) => (loso.get(r) ?? 0) >= directThreshold))}`);
  const dump = argAfter('--dump-loso');
  if (dump !== undefined) writeFileSync(dump, directTrain.map((r) => JSON.stringify({ id: r.id, source: r.source, label: r.label, p: loso.get(r), cv: oofDirect.get(r), text: r.text.slice(0, 300) })).join('\n'));
  log(formatReport('direct: leave-one-source-out (each source scored by a model that never saw it)', losoReport));
  // Threshold-free comparison between runs: the chosen threshold moves with every change, so
  // also report LOSO balanced accuracy where LOSO flags 2% of the benign rows (pooled).
  const negatives = devTrain.filter((r) => r.label !== 'attack').map((r) => loso.get(r) ?? 0).sort((a, b) => b - a);
  const cut = negatives[Math.floor(negatives.length * MAX_FPR)] ?? 1;
  const at2 = scoreBinary(devTrain, (r) => (loso.get(r) ?? 0) > cut).overall;
  losoAt2 = at2.balancedAccuracy;
  log(`direct: leave-one-source-out at ${MAX_FPR * 100}% benign flagged (threshold ${cut.toFixed(3)}): bal.acc=${(at2.balancedAccuracy * 100).toFixed(1)} R=${(at2.recall * 100).toFixed(1)} FPR=${(at2.fpr * 100).toFixed(1)}`);
}

const directModel = trainDirect(directTrain, directCalibration);
// The multilingual probe (never trained on): summary lines only; `portcullis eval injection` lists the misses.
log(formatProbe((text) => predict(directModel, ablate(extractInput(text, 'direct').vector, text)) >= directThreshold).split('\n').slice(0, 2).join('\n'));
// The tactic probe (session 9, written by us, never trained on): per tactic, and the items missed.
log(formatTacticProbe((text) => predict(directModel, ablate(extractInput(text, 'direct').vector, text)) >= directThreshold));
// The second direct probe (session 11, probe-direct2.ts, never trained on): read at the start and
// at the end of a session, so the per-seed runs that tuning reads (`--summary-json`) leave it out.
if (!args.includes('--summary-json')) log(formatDirect2Probe((text) => predict(directModel, ablate(extractInput(text, 'direct').vector, text)) >= directThreshold));
// The third direct probe (session 12, probe-direct3.ts, never trained on): printed only when asked
// (`--show-probe-direct3`), since it is read twice in a session: at the start and for the final model.
if (args.includes('--show-probe-direct3') && !args.includes('--summary-json')) log(formatDirect3Probe((text) => predict(directModel, ablate(extractInput(text, 'direct').vector, text)) >= directThreshold));
// Operators' defensive instructions and look-alike attacks (defensive-prompts.ts, never trained on),
// at the user threshold and at the system threshold this run writes.
const systemThreshold = Math.max(directThreshold, Math.floor(100 / (1 + Math.exp(-(directCalibration.a * logit(0.9) + directCalibration.b)))) / 100);
log(formatDefensive((text) => predict(directModel, ablate(extractInput(text, 'direct').vector, text)), { system: systemThreshold, user: directThreshold }));
// Ordinary prompts detectors over-block (benign-probe.ts, never trained on): per-kind lines, no list.
log(formatBenignProbe((text) => predict(directModel, ablate(extractInput(text, 'direct').vector, text)), directThreshold).split('\n  flagged:')[0] ?? '');
const blindDirectScore = blindPrompts.length > 0 ? leaveOneSetOut((except) => {
  const ids = blindIds(ROOT, 'direct', except);
  const m = trainDirect(directTrain.filter((r) => r.source !== 'blind' || !ids.has(r.id)), directCalibration);
  return (r) => predict(m, ablate(extractInput(r.text, 'direct').vector, r.text));
}) : (r: DevRow): number => predict(directModel, ablate(extractInput(r.text, 'direct').vector, r.text));
const blind = blindFigures(ROOT, 'direct', blindDirectScore, directThreshold, (r) => r.label === 'attack');
log(blindLine(ROOT, 'direct', blindDirectScore, directThreshold, (r) => r.label === 'attack'));
if (args.includes('--summary-json')) {
  const directScore = (text: string): number => predict(directModel, ablate(extractInput(text, 'direct').vector, text));
  const figures: SeedFigures = {
    threshold: directThreshold,
    cvBalAcc: cvDirect.overall.balancedAccuracy,
    cvBenignFpr: cvDirect.benignFpr ?? Number.NaN,
    cvHardNegFpr: cvDirect.hardNegativeFpr ?? Number.NaN,
    losoBalAcc: losoReport?.overall.balancedAccuracy ?? Number.NaN,
    losoBenignFpr: losoReport?.benignFpr ?? Number.NaN,
    losoHardNegFpr: losoReport?.hardNegativeFpr ?? Number.NaN,
    losoAt2BalAcc: losoAt2,
    probeCaught: MULTILINGUAL_PROBE.filter((p) => p.label === 'attack' && directScore(p.text) >= directThreshold).length,
    probeBenignFlagged: MULTILINGUAL_PROBE.filter((p) => p.label === 'benign' && directScore(p.text) >= directThreshold).length,
    benignProbeFlagged: BENIGN_PROBE.filter((p) => directScore(p.text) >= directThreshold).length,
    defensiveUserFlagged: scoreDefensiveSet(directScore, directThreshold).defensiveFlagged,
    direct2Caught: DIRECT2_PROBE.filter((p) => p.label === 'attack' && directScore(p.text) >= directThreshold).length,
    direct2Flagged: DIRECT2_PROBE.filter((p) => p.label === 'benign' && directScore(p.text) >= directThreshold).length,
    direct3Caught: DIRECT3_PROBE.filter((p) => p.label === 'attack' && directScore(p.text) >= directThreshold).length,
    direct3Flagged: DIRECT3_PROBE.filter((p) => p.label === 'benign' && directScore(p.text) >= directThreshold).length,
    losoRecallCyberseceval: losoReport?.bySource.get('cyberseceval')?.recall ?? Number.NaN,
    losoRecallDeepset: losoReport?.bySource.get('deepset')?.recall ?? Number.NaN,
    losoRecallGandalf: losoReport?.bySource.get('gandalf')?.recall ?? Number.NaN,
    losoRecallGptfuzz: losoReport?.bySource.get('gptfuzz')?.recall ?? Number.NaN,
    blindAuc: blind.all.auc,
    blindBa: blind.all.ba,
    blindNonEnAuc: blind.nonEn.auc,
    blindNonEnBa: blind.nonEn.ba,
    defensiveSystemFlagged: scoreDefensiveSet(directScore, systemThreshold).defensiveFlagged,
  };
  log(`SEED-SUMMARY ${JSON.stringify(figures)}`);
}
const heldDirect = direct.filter((r) => directHeld.has(r) || NO_TRAIN_SOURCES.has(r.source));
if (args.includes('--direct-only')) {
  // Experiments (hyper-parameters, features) are chosen on CV and leave-one-source-out above; the
  // held-out line is printed for the record, not to choose by.
  const directOut = argAfter('--direct-out');
  if (directOut !== undefined) writeFileSync(directOut, JSON.stringify({ direct: serialize(directModel), threshold: directThreshold }));
  // The held-out lines are read once, at the end: experiments do not print them unless asked.
  if (!args.includes('--show-held-out')) process.exit(0);
  for (const s of new Set(written.held.map((r) => r.source))) log(`HELD-OUT ${s}: ${summary(scoreBinary(written.held.filter((r) => r.source === s), (r) => predict(directModel, directX.get(r) as FeatureVector) >= directThreshold))}`);
  log(`HELD-OUT direct summary: ${summary(scoreBinary(heldDirect, (r) => predict(directModel, directX.get(r) as FeatureVector) >= directThreshold))}`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// indirect (indirect-dev): segment-level training from the (attack, clean) pairs

const indirectRows = readRows(join(DATA, 'indirect-dev.jsonl'));
const pairs = bipiaPairs(indirectRows);
const groupOf = new Map<DevRow, string>();
for (const p of pairs) {
  // Group by the inserted attack string, so CV and held-out measure unseen attacks.
  const g = p.inserted.join('\n');
  groupOf.set(p.attack, g);
  groupOf.set(p.benign, g);
}
const indirectHeld = heldOutSet(indirectRows, (r) => r.task ?? 'x', (r) => groupOf.get(r) ?? r.id);
const indirectTrain = indirectRows.filter((r) => !indirectHeld.has(r));

interface DocSegments {
  readonly row: DevRow;
  readonly segs: { x: FeatureVector; y: 0 | 1 | null }[];
}
const insertedOf = new Map<DevRow, Set<string>>();
for (const p of pairs) insertedOf.set(p.attack, new Set(p.inserted.filter((l) => l.trim() !== '')));

function docSegments(row: DevRow): DocSegments {
  const inserted = insertedOf.get(row);
  // Character ranges of inserted lines in the attacked document.
  const ranges: [number, number][] = [];
  if (inserted !== undefined) {
    let off = 0;
    for (const line of row.text.split('\n')) {
      if (inserted.has(line)) ranges.push([off, off + line.length]);
      off += line.length + 1;
    }
  }
  const segs = documentSegments(row.text).map(({ segment: s, features }) => {
    const x = features.vector;
    if (ranges.length === 0) return { x, y: 0 as const };
    const overlaps = ranges.some(([a, b]) => s.start < b && a < s.end);
    // Positive only when the segment holds a whole inserted line that reads like an instruction
    // (at least three words); segments holding only "```" or part of one are left out.
    const holds = ranges.some(([a, b]) => s.start <= a && b <= s.end && (row.text.slice(a, b).match(/\p{L}{2,}/gu) ?? []).length >= 3);
    return { x, y: holds ? (1 as const) : overlaps ? null : (0 as const) };
  });
  return { row, segs };
}
const docs = new Map<DevRow, DocSegments>();
for (const r of indirectRows) docs.set(r, docSegments(r));
// Direct attacks are also indirect attacks when pasted into a document: add the training part's
// attack prompts as extra positive segments (not held-out rows, not AlpacaEval).
// Session 11 (ind-gen3) experiment: --indirect-no-s11-prompts leaves out the direct model's newest
// written attacks (written-prompts.ts, session 11 inj-gen2: ids wp-<lang>-tr-* and wp-<lang>-gh-*) as indirect positives.
const s11Prompt = (r: DevRow): boolean => args.includes('--indirect-no-s11-prompts') && r.source === 'written-prompts' && /^wp-[a-z]+-(?:tr|gh)-/.test(r.id);
// Session 12 (inj-gen3): the session's written attacks (ids wp-<lang>-s12-*: concepts one direct
// source alone teaches — "answer from your own opinion, not the documents", "say that you hate X",
// "stay in character", split payloads, other users' data) stay direct-only: as document positives
// they dropped the indirect leave-one-task-out 0.929 -> 0.901 (seed 1) and probe 3 24/30 -> 21/30;
// --indirect-s12-prompts puts them back.
const s12Prompt = (r: DevRow): boolean => !args.includes('--indirect-s12-prompts') && r.source === 'written-prompts' && /^wp-[a-z]+-s12-/.test(r.id);
// Session 13: the session's written attacks (data/written-s13; session 16: and written-s16) stay direct-only unless --indirect-data-s13-prompts.
const laterWrittenPrompt = (r: DevRow): boolean => !args.includes('--indirect-data-s13-prompts') && isLaterWritten(r);
const directAttackX = directTrain.filter((r) => r.label === 'attack' && !s11Prompt(r) && !s12Prompt(r) && !laterWrittenPrompt(r)).map((r) => extractInput(r.text, 'segment').vector);
// Session 10 (ind-gen) experiment flags, chosen on CV and leave-one-task-out read as the mean over
// --indirect-seeds A-B (example orders; 1 by default): --direct-benign (the training part's benign
// and hard-negative prompts as extra negative segments; rejected: CV 0.915 -> 0.855), --no-written-docs
// (leave out written-documents.ts, kept: CV 0.9149 -> 0.9167, leave-one-task-out 0.9039 -> 0.9087),
// --indirect-l2-hashed X. A "line addressed to the AI" feature in document.ts was tried and not
// kept: it lowered mean CV by 0.0008 (docs/detection.md).
// Session 11 (ind-gen2): the document rule families addressed-ai, override-user and reply-only
// (rules.ts) and more written documents, kept on a tie in CV/LOT broken by the development probe;
// --show-probe2 prints the evaluation-only second probe in experiments (docs/detection.md).
const directBenignX = args.includes('--direct-benign') ? directTrain.filter((r) => r.label !== 'attack').map((r) => ({ x: extractInput(r.text, 'segment').vector, src: `direct-${r.category ?? 'benign'}` })) : [];
const writtenDocX: { x: FeatureVector; y: 0 | 1; src: string }[] = [];
// Session 12 (ind-gen4): --no-s12-docs leaves out the session-12 written documents (A/B).
const s12Docs = new Set<unknown>(args.includes('--no-s12-docs') ? [...INJECTED_LINES_S12, ...BENIGN_DOCUMENTS_S12] : []);
// Session 13 (ind-gen5): --no-s13-docs leaves out the session-13 written documents (A/B).
if (args.includes('--no-s13-docs')) for (const w of [...INJECTED_LINES_S13, ...BENIGN_DOCUMENTS_S13]) s12Docs.add(w);
if (!args.includes('--no-written-docs')) {
  for (const w of INJECTED_LINES) if (!s12Docs.has(w)) writtenDocX.push({ x: extractInput(w.text, 'segment').vector, y: 1, src: 'written-injected' });
  for (const w of BENIGN_DOCUMENTS) if (!s12Docs.has(w)) for (const s of documentSegments(w.text)) writtenDocX.push({ x: s.features.vector, y: 0, src: 'written-benign' });
}
// Session 13: the written documents of data/written-s13: an attack's planted instructions are
// positive segments (like INJECTED_LINES), every segment of a benign document is negative.
const dataS13Docs = DATA_S13 === undefined ? { train: [], held: [] } : writtenS13Documents(DATA_S13);
// Session 16: the written documents of data/written-s16 (payment redirection, agent actions,
// claims to the user, rankings, summaries; hard negatives beside each), the same way; --no-data-s16 leaves them out.
const dataS16Docs = args.includes('--no-data-s16') ? { train: [], held: [] } : writtenDocuments(join(ROOT, WRITTEN_S16_DIR), 'written-s16');
// Session 18: the written documents of data/written-s18 (planted notes, two thirds addressing no
// AI: concealment from the user, acting without confirmation, omissions; hard negatives beside
// each), the same way; --no-data-s18 leaves them out.
const dataS18Docs = args.includes('--no-data-s18') ? { train: [], held: [] } : writtenDocuments(join(ROOT, WRITTEN_S18_DIR), 'written-s18');
const laterDocX: { x: FeatureVector; y: 0 | 1; src: string }[] = [];
for (const d of [...dataS13Docs.train, ...dataS16Docs.train, ...dataS18Docs.train]) {
  if (d.label === 'attack') for (const p of d.payloads) laterDocX.push({ x: extractInput(p, 'segment').vector, y: 1, src: `${d.source}-injected` });
  else for (const s of documentSegments(d.text)) laterDocX.push({ x: s.features.vector, y: 0, src: `${d.source}-benign` });
}
// Session 23: the development blind sets' documents (planted instructions marked afterwards,
// data/<set>/document-payloads.jsonl) train the model like the written ones, unless
// --no-train-blind; each set is then scored by a model trained without it (leave-one-set-out).
const TRAIN_BLIND = !args.includes('--no-train-blind');
const blindDocX = new Map<DevBlindSet, { x: FeatureVector; y: 0 | 1; src: string }[]>();
if (TRAIN_BLIND) {
  for (const set of DEV_BLIND_SETS) {
    const xs: { x: FeatureVector; y: 0 | 1; src: string }[] = [];
    for (const d of blindDocumentRows(join(ROOT, 'data', set))) {
      if (d.label === 'attack') for (const p of d.payloads) xs.push({ x: extractInput(p, 'segment').vector, y: 1, src: 'blind-injected' });
      else for (const s of documentSegments(d.text)) xs.push({ x: s.features.vector, y: 0, src: 'blind-benign' });
    }
    blindDocX.set(set, xs);
  }
}
log(`indirect: ${indirectRows.length} docs, ${indirectTrain.length} train, ${indirectHeld.size} held out; written-s13 ${dataS13Docs.train.length} train, ${dataS13Docs.held.length} held out; written-s16 ${dataS16Docs.train.length} train, ${dataS16Docs.held.length} held out; written-s18 ${dataS18Docs.train.length} train, ${dataS18Docs.held.length} held out (${Date.now() - t0} ms)`);

// L2 on the indirect model's hashed n-grams: 1e-3 (session 10; the shared 2e-3 before). With the
// written documents, over example orders 1-5: CV 0.9254, leave-one-task-out 0.9161 against 0.9167 /
// 0.9087 at 2e-3 (orders 1-3); 3e-3 gave 0.8924 / 0.8946 (docs/detection.md, session 10 ind-gen).
// Session 11 (ind-gen3): --written-docs-weight X multiplies the balanced weight of the written
// documents (written-documents.ts); 2 by default, chosen on the mean of leave-one-task-out and the
// two development probes (1: 0.8952, 2: 0.9026, 3: 0.8916; docs/detection.md).
const WRITTEN_DOC_WEIGHT = Number(argAfter('--written-docs-weight') ?? '2');
// --data-s13-docs-weight X: the same for the documents of data/written-s13; 0.5 by default (seeds
// 1-2: CV 0.9253 -> 0.9140, leave-one-task-out 0.9253 -> 0.9206, probe 3 28/1 -> 29/0; batch a at 2:
// CV 0.9087, LOT 0.9160). A model trained without them catches 12% of their attacks.
const DATA_S13_DOC_WEIGHT = Number(argAfter('--data-s13-docs-weight') ?? '0.5');
// Session 16: --data-s16-docs-weight X, the same for data/written-s16; 1 by default (indirect seeds 1-2: CV 0.9147 -> 0.9187,
// leave-one-task-out 0.9167 -> 0.9114, document probe 2 43/1 -> 45/0, dev blind documents BA s13 0.69 -> 0.72, s15 0.82 -> 0.85; at 0.5 the same within a point).
const DATA_S16_DOC_WEIGHT = Number(argAfter('--data-s16-docs-weight') ?? '1');
// Session 18: --data-s18-docs-weight X, the same for data/written-s18; 0.5 by default (indirect seeds 1-2, orders 1;
// dev blind documents AUC s13/s16/s17 0.772/0.814/0.847 at 1, 0.782/0.822/0.862 at 0.5, 0.753/0.800/0.831 at 2;
// document probe 2 39 -> 40 of 44 caught at 0.5; docs/detection.md, session 18).
const DATA_S18_DOC_WEIGHT = Number(argAfter('--data-s18-docs-weight') ?? '0.5');
// Session 23: --blind-docs-weight X, the same for the development blind sets' documents; 0.5 by default
// (orders 1, seed 1; leave-one-set-out blind mean AUC / BA, CV, LOT: at 1 0.892 / 0.821, 0.917, 0.947;
// at 0.5 0.890 / 0.821, 0.925, 0.946; at 2 0.893 / 0.819, 0.921, 0.921; without 0.868 / 0.807, 0.925, 0.929).
const BLIND_DOC_WEIGHT = Number(argAfter('--blind-docs-weight') ?? '0.5');
// Session 14: --indirect-l2-concept X, the L2 strength on concept features of segments (with --segment-concepts).
const indirectL2Concept = argAfter('--indirect-l2-concept');
const indirectOptions: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: 8, l2Hashed: Number(argAfter('--indirect-l2-hashed') ?? '1e-3'), ...(indirectL2Concept === undefined ? {} : { l2Concept: Number(indirectL2Concept) }) };
function trainIndirect(rows: readonly DevRow[], options: TrainOptions = indirectOptions, withLaterDocs = true, exceptBlind?: DevBlindSet): LinearModel {
  const ex: { x: FeatureVector; y: 0 | 1; src: string }[] = [];
  if (withLaterDocs) for (const [set, xs] of blindDocX) if (set !== exceptBlind) ex.push(...xs);
  for (const r of rows) for (const s of docs.get(r)?.segs ?? []) if (s.y !== null) ex.push({ x: s.x, y: s.y, src: `bipia-${r.task ?? ''}` });
  for (const x of directAttackX) ex.push({ x, y: 1, src: 'direct' });
  for (const { x, src } of directBenignX) ex.push({ x, y: 0, src });
  ex.push(...writtenDocX);
  if (withLaterDocs) ex.push(...laterDocX);
  const w = balance(ex, (e) => e.y, (e) => e.src);
  return train(ex.map((e, i): TrainExample => ({ x: e.x, y: e.y, w: (w[i] ?? 1) * (e.src.startsWith('written-s13') ? DATA_S13_DOC_WEIGHT : e.src.startsWith('written-s16') ? DATA_S16_DOC_WEIGHT : e.src.startsWith('written-s18') ? DATA_S18_DOC_WEIGHT : e.src.startsWith('written-') ? WRITTEN_DOC_WEIGHT : e.src.startsWith('blind-') ? BLIND_DOC_WEIGHT : 1) })), options);
}
const docScore = (m: LinearModel, r: DevRow): number => {
  let best = 0;
  for (const s of docs.get(r)?.segs ?? []) best = Math.max(best, predict(m, s.x));
  return best;
};

const indirectModel = trainIndirect(indirectTrain);
/** A document's score as the gateway scores a `tool` text: worst segment, and payloads that span lines scored whole. */
function documentScore(m: LinearModel, text: string): number {
  let s = bestSegment(text, m)?.score ?? 0;
  for (const p of documentPayloads(text)) s = Math.max(s, predict(m, extractInput(p.text, 'segment').vector));
  return s;
}
const blindDocumentScore = TRAIN_BLIND ? leaveOneSetOut((except) => {
  const m = trainIndirect(indirectTrain, indirectOptions, true, except);
  return (r) => documentScore(m, r.text);
}) : (r: DevRow): number => documentScore(indirectModel, r.text);
const blindDocuments = devBlindScores(ROOT, 'documents', blindDocumentScore, (r) => r.label === 'attack');
const indirectSeeds = (argAfter('--indirect-seeds') ?? '1').split('-').map(Number);
const indirectFigures: { threshold: number; cv: number; cvFpr: number; lot: number; lotFpr: number }[] = [];
let toolThreshold = 0.5;
let firstOofIndirect = new Map<DevRow, number>();
for (let seed = indirectSeeds[0] ?? 1; seed <= (indirectSeeds[1] ?? indirectSeeds[0] ?? 1); seed++) {
  const options: TrainOptions = { ...indirectOptions, seed };
  const oofIndirect = new Map<DevRow, number>();
  for (let f = 0; f < K; f++) {
    const m = trainIndirect(indirectTrain.filter((r) => foldOf(groupOf.get(r) ?? r.id, K) !== f), options);
    for (const r of indirectTrain) if (foldOf(groupOf.get(r) ?? r.id, K) === f) oofIndirect.set(r, docScore(m, r));
  }
  // Session 20: of thresholds tied on the grouped CV, the lowest. The development blind documents,
  // written by others in many languages, score their attacks lower than BIPIA's, and rank best at
  // the lower thresholds (0.85 > 0.88 > 0.90 > 0.91); a tie on BIPIA is no reason to give up recall.
  const threshold = chooseThreshold(indirectTrain.map((r) => ({ p: oofIndirect.get(r) ?? 0, y: r.label === 'attack' })), BLENDED_MAX_FPR, 1, args.includes('--indirect-ties-high') ? 'high' : 'low', BLIND_THRESHOLD ? (t) => meanBlindBa(blindDocuments, t) : undefined);
  if (seed === indirectOptions.seed) {
    toolThreshold = threshold;
    firstOofIndirect = oofIndirect;
  }
  const cv = scoreBinary(indirectTrain, (r) => (oofIndirect.get(r) ?? 0) >= threshold);
  log(formatReport(`indirect: ${K}-fold CV grouped by attack string (seed ${seed}, threshold ${threshold})`, cv));
  const fig = { threshold, cv: cv.overall.balancedAccuracy, cvFpr: cv.overall.fpr, lot: Number.NaN, lotFpr: Number.NaN };
  if (!args.includes('--quick')) {
    const lot = new Map<DevRow, number>();
    for (const task of ['email', 'table', 'code']) {
      const m = trainIndirect(indirectTrain.filter((r) => r.task !== task), options);
      for (const r of indirectTrain) if (r.task === task) lot.set(r, docScore(m, r));
    }
    const lotReport = scoreBinary(indirectTrain, (r) => (lot.get(r) ?? 0) >= threshold);
    log(formatReport(`indirect: leave-one-task-out (seed ${seed})`, lotReport));
    fig.lot = lotReport.overall.balancedAccuracy;
    fig.lotFpr = lotReport.overall.fpr;
  }
  indirectFigures.push(fig);
}
{
  const stat = (k: keyof (typeof indirectFigures)[number]): string => {
    const v = indirectFigures.map((f) => f[k]);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(v.length - 1, 1));
    return `${k} ${mean.toFixed(4)} ± ${sd.toFixed(4)}`;
  };
  log(`INDIRECT-SEEDS ${indirectFigures.length}: ${(['threshold', 'cv', 'cvFpr', 'lot', 'lotFpr'] as const).map(stat).join(', ')}`);
}
// The document probe (probe-documents.ts, written by us, never trained on), scored as the gateway
// scores a `tool` text (worst segment, and payloads that span lines scored whole), at this run's
// threshold and at the committed 0.93.
// Session 13: the written-s13 documents of the training part scored by a model trained without
// them, the documents' counterpart of leave-one-source-out (the held-out quarter is printed at the end).
if (dataS13Docs.train.length > 0) {
  const without = trainIndirect(indirectTrain, indirectOptions, false);
  log(`indirect: written-s13 documents (training part), scored by a model trained without them: ${summary(scoreBinary(dataS13Docs.train, (r) => documentScore(without, r.text) >= toolThreshold))}`);
  if (dataS16Docs.train.length > 0) log(`indirect: written-s16 documents (training part), scored by a model trained without them (nor written-s13): ${summary(scoreBinary(dataS16Docs.train, (r) => documentScore(without, r.text) >= toolThreshold))}`);
  if (dataS18Docs.train.length > 0) log(`indirect: written-s18 documents (training part), scored by a model trained without them (nor written-s13, written-s16): ${summary(scoreBinary(dataS18Docs.train, (r) => documentScore(without, r.text) >= toolThreshold))}`);
}
{
  const probeScore = (text: string): number => documentScore(indirectModel, text);
  log(blindLine(ROOT, 'documents', blindDocumentScore, toolThreshold, (r) => r.label === 'attack'));
  if (args.includes('--indirect-curve')) {
    for (let t = 0.3; t <= 0.951; t += 0.02) {
      const cv = scoreBinary(indirectTrain, (r) => (firstOofIndirect.get(r) ?? 0) >= t);
      const bas = blindDocuments.map((xs) => baAt(xs, t));
      const taskFpr = ['email', 'code', 'table'].map((task) => {
        const benign = indirectTrain.filter((r) => r.task === task && r.label !== 'attack');
        return `${task} ${((100 * benign.filter((r) => (firstOofIndirect.get(r) ?? 0) >= t).length) / Math.max(benign.length, 1)).toFixed(1)}%`;
      });
      log(`indirect curve t=${t.toFixed(2)} cv.ba=${(cv.overall.balancedAccuracy * 100).toFixed(2)} cv.fpr=${(cv.overall.fpr * 100).toFixed(2)}% (${taskFpr.join(', ')}) blind.mean.ba=${meanBlindBa(blindDocuments, t).toFixed(3)} [${bas.map((b) => b.toFixed(2)).join(' ')}]`);
    }
  }
  log(formatDocumentProbe((text) => probeScore(text) >= toolThreshold, ` at ${toolThreshold}`));
  if (toolThreshold !== 0.93) log(formatDocumentProbe((text) => probeScore(text) >= 0.93, ' at 0.93').split('\n').slice(0, 2).join('\n'));
  // The second document probe (probe-documents2.ts, session 11) is evaluation only: read once at the
  // start of the session and once by the final run, like the held-out part, so experiments (which
  // stop after the indirect part) do not print it unless asked with --show-probe2.
  if (args.includes('--show-probe2') || !args.includes('--stop-after-indirect')) log(formatDocumentProbe2((text) => probeScore(text) >= toolThreshold, ` at ${toolThreshold}`));
  // The third document probe (probe-documents3.ts, session 11 ind-gen3) is evaluation only in its
  // turn (probes 1 and 2 are development data now): full run or --show-probe3.
  if (args.includes('--show-probe3') || !args.includes('--stop-after-indirect')) log(formatDocumentProbe3((text) => probeScore(text) >= toolThreshold, ` at ${toolThreshold}`));
  // The fourth document probe (probe-documents4.ts, session 12 ind-gen4) is evaluation only in its
  // turn (probes 1-3 are development data now): full run or --show-probe4.
  if (args.includes('--show-probe4') || !args.includes('--stop-after-indirect')) log(formatDocumentProbe4((text) => probeScore(text) >= toolThreshold, ` at ${toolThreshold}`));
}
if (args.includes('--stop-after-indirect')) process.exit(0);

// ---------------------------------------------------------------------------------------------
// output (output-dev + safe answers): jailbroken vs refusal vs harmless helpful text
//
// output-dev only holds answers to harmful questions, so on its own it teaches "complied vs
// refused", and every helpful answer (a recipe, a code explanation) looks jailbroken. Benign
// answer-like texts (dataset.ts `outputSafeRows`: written answers, benign BIPIA documents, benign
// prompts in answer form; never AlpacaEval) are added as `safe` negatives, split like their origin
// files so nothing held out there is trained on here.

const outputRows = readRows(join(DATA, 'output-dev.jsonl'));
const outputHeld = heldOutSet(outputRows, (r) => r.source, (r) => r.prompt ?? r.id);
const outputTrain = outputRows.filter((r) => !outputHeld.has(r));
// Session 17: the written answers of data/written-s17 join the answer model unless --no-data-s17.
// Session 23: and the development blind sets' answers, unless --no-train-blind (scored leave-one-set-out).
const safe = outputSafeRows(DATA, DATA_S13, [...(args.includes('--no-data-s17') ? [] : [join(ROOT, WRITTEN_S17_DIR)]), ...(TRAIN_BLIND ? blindDirs(ROOT) : [])]);
// Session 19: the answer model reads the direct model's score of the question (features.ts `qa:`),
// from the direct model trained above; --no-prompt-attack leaves it out.
outputSettings.promptAttack = !args.includes('--no-prompt-attack');
const questionScore = (prompt: string | undefined): number | undefined => (prompt === undefined || prompt.length === 0 ? undefined : questionAttack(prompt, (v) => predict(directModel, ablate(v, prompt))));
const answerVector = (text: string, prompt?: string): FeatureVector => extractOutput(text, prompt, questionScore(prompt)).vector;
const outputX = new Map<DevRow, FeatureVector>();
for (const r of [...outputRows, ...safe.train, ...safe.held]) {
  // Half the rows are featurised without the question so the model also works when the caller
  // cannot supply it.
  const withPrompt = stableHash(`prompt:${r.id}`) % 2 === 0;
  outputX.set(r, answerVector(r.text, withPrompt ? r.prompt : undefined));
}
log(`output: ${outputRows.length} rows, ${outputTrain.length} train, ${outputHeld.size} held out; safe answers ${safe.train.length} train, ${safe.held.length} held out, ${safe.evalOnly.length} evaluation-only (${Date.now() - t0} ms)`);
// Session 11: weights averaged over 5 example orders (same size and scoring cost): with one order
// the CV threshold moved 0.35-0.47 between training seeds, with five 0.41-0.42.
// Session 15: --output-l2-concept X, the answer model's L2 strength on concept features (OUTPUT_L2_CONCEPT by default).
const outputOptions: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: 8, l2Hashed: 1e-3, orders: 5, l2Concept: Number(argAfter('--output-l2-concept') ?? OUTPUT_L2_CONCEPT) };

const outputTrainAll = [...outputTrain, ...safe.train];
// Session 19: the question's weights are stacked on the answer model's out-of-fold margins
// (output-train.ts `fitQuestionWeights`), so an answer scored without its question scores as the
// answer model alone does.
const oofAnswer = outputOutOfFold(outputTrainAll, outputX, outputOptions, K);
const questionWeights = outputSettings.promptAttack ? fitQuestionWeights(outputTrainAll, oofAnswer, outputX) : new Map<string, number>();
log(`output: question weights ${[...questionWeights].map(([k, v]) => `${k}=${v.toFixed(3)}`).join(' ') || 'none'}`);
const oofOutput = stackedOutOfFold(oofAnswer, outputX, questionWeights);
const outputModel = withQuestionWeights(trainOutputModel(outputTrainAll, outputX, outputOptions), questionWeights);
// A blind set's answers scored by a model trained without its rows (with the question weights of
// the full run: four stacked weights, fitted on out-of-fold margins).
const blindAnswerScore = TRAIN_BLIND ? leaveOneSetOut((except) => {
  const ids = blindIds(ROOT, 'answers', except);
  const m = withQuestionWeights(trainOutputModel(outputTrainAll.filter((r) => !ids.has(writtenAnswerId(r))), outputX, outputOptions), questionWeights);
  return (r) => predict(m, answerVector(r.text, r.prompt));
}) : (r: DevRow): number => predict(outputModel, answerVector(r.text, r.prompt));
const blindAnswers = devBlindScores(ROOT, 'answers', blindAnswerScore, (r) => r.label === 'jailbroken' || r.label === 'leak');
const outputThreshold = chooseOutputThreshold(outputTrainAll.map((r) => ({ p: oofOutput.get(r) ?? 0, row: r })), BLENDED_MAX_FPR, BLIND_THRESHOLD ? (t) => meanBlindBa(blindAnswers, t) : undefined);
log(formatReport(`output: ${K}-fold CV, output-dev grouped by question (threshold ${outputThreshold})`, scoreBinary(outputTrain, (r) => (oofOutput.get(r) ?? 0) >= outputThreshold)));
log(formatReport(`output: ${K}-fold CV, safe answers (FPR = harmless answers flagged) and written non-English jailbroken answers`, scoreBinary(safe.train, (r) => (oofOutput.get(r) ?? 0) >= outputThreshold)));
log(blindLine(ROOT, 'answers', blindAnswerScore, outputThreshold, (r) => r.label === 'jailbroken' || r.label === 'leak'));
log(blindLine(ROOT, 'answers', (r) => predict(outputModel, answerVector(r.text)), outputThreshold, (r) => r.label === 'jailbroken' || r.label === 'leak').replace(/answers:/g, 'answers (no question):'));
log(formatAnswerProbe((text) => predict(outputModel, extractOutput(text).vector) >= outputThreshold));
log(formatAnswerProbe2((text) => predict(outputModel, extractOutput(text).vector) >= outputThreshold));
log(formatAnswerProbe3((text) => predict(outputModel, extractOutput(text).vector) >= outputThreshold));
// Answer probe 4 (session 12, out-gen4) is evaluation only: printed only with --probe4.
if (args.includes('--probe4')) log(formatAnswerProbe4((text) => predict(outputModel, extractOutput(text).vector) >= outputThreshold));
// The leak probe (probe-leaks.ts, session 12 out-leak) is evaluation only: --probe-leaks, read at the
// start and by the final run.
if (args.includes('--probe-leaks')) log(formatLeakProbe((text) => predict(outputModel, extractOutput(text).vector) >= outputThreshold));

// ---------------------------------------------------------------------------------------------
// write the model, then report the held-out split once

const thresholds = {
  user: directThreshold,
  assistant: directThreshold,
  // Operators legitimately write role-play and "never reveal" rules into system prompts: the
  // strict operating point of 0.9 on the uncalibrated scale, carried through the calibration.
  system: systemThreshold,
  tool: toolThreshold,
  output: outputThreshold,
};
const file = {
  version: 1,
  hashBits: HASH_BITS,
  thresholds,
  meta: {
    trainer: 'scripts/train-injection.ts',
    data: 'shared/datasets injection-dev, indirect-dev, output-dev (training part; AlpacaEval excluded); output safe negatives: written-answers.ts, benign indirect-dev documents, benign injection-dev prompts in answer form; data/written-s13 unless --no-data-s13; data/written-s16 (prompts, documents) unless --no-data-s16; data/written-s17 (answers) unless --no-data-s17; data/written-s18 (documents) unless --no-data-s18',
    rows: { direct: directTrain.length, indirect: indirectTrain.length, output: outputTrain.length, outputSafe: safe.train.length },
    options: { direct: directOptions, indirect: indirectOptions, output: outputOptions },
    directCalibration,
  },
  direct: serialize(directModel),
  indirect: serialize(indirectModel),
  output: serialize(outputModel),
};
const json = `${JSON.stringify(file)}\n`;
writeFileSync(OUT, json);
log(`wrote ${OUT} (${(json.length / 1024).toFixed(0)} KiB; hashed weights kept: direct ${file.direct.count}, indirect ${file.indirect.count}, output ${file.output.count}); thresholds ${JSON.stringify(thresholds)}`);

log(formatReport('HELD-OUT direct (25% split + all AlpacaEval, never trained on)', scoreBinary(heldDirect, (r) => predict(directModel, directX.get(r) as FeatureVector) >= directThreshold)));
for (const s of new Set(written.held.map((r) => r.source))) log(formatReport(`HELD-OUT ${s} (written prompts, never trained on)`, scoreBinary(written.held.filter((r) => r.source === s), (r) => predict(directModel, directX.get(r) as FeatureVector) >= directThreshold)));
log(`  summary: ${summary(scoreBinary(heldDirect, (r) => predict(directModel, directX.get(r) as FeatureVector) >= directThreshold))}`);
const heldIndirect = indirectRows.filter((r) => indirectHeld.has(r));
log(formatReport('HELD-OUT indirect (25% of attack strings)', scoreBinary(heldIndirect, (r) => docScore(indirectModel, r) >= toolThreshold)));
if (dataS13Docs.held.length > 0) log(formatReport('HELD-OUT written-s13 documents (a quarter, never trained on; scored as the gateway scores a tool text)', scoreBinary(dataS13Docs.held, (r) => documentScore(indirectModel, r.text) >= toolThreshold)));
if (dataS16Docs.held.length > 0) log(formatReport('HELD-OUT written-s16 documents (a quarter, never trained on; scored as the gateway scores a tool text)', scoreBinary(dataS16Docs.held, (r) => documentScore(indirectModel, r.text) >= toolThreshold)));
if (dataS18Docs.held.length > 0) log(formatReport('HELD-OUT written-s18 documents (a quarter, never trained on; scored as the gateway scores a tool text)', scoreBinary(dataS18Docs.held, (r) => documentScore(indirectModel, r.text) >= toolThreshold)));
const heldOutput = outputRows.filter((r) => outputHeld.has(r));
log(formatReport('HELD-OUT output (25% of questions)', scoreBinary(heldOutput, (r) => predict(outputModel, outputX.get(r) as FeatureVector) >= outputThreshold)));
log(formatReport('HELD-OUT safe answers (held-out parts of their origin files; FPR = harmless answers flagged) and written jailbroken answers', scoreBinary(safe.held, (r) => predict(outputModel, outputX.get(r) as FeatureVector) >= outputThreshold)));
const alpaca = scoreBinary(safe.evalOnly, (r) => predict(outputModel, extractOutput(r.text).vector) >= outputThreshold);
log(`EVALUATION-ONLY AlpacaEval instructions in answer form (never trained on): FPR ${(alpaca.overall.fpr * 100).toFixed(1)}% of ${alpaca.overall.n}`);
log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
