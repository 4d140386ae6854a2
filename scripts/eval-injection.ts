/**
 * Print detector metrics for the development files with the committed model, separately for the
 * training part and the held-out part of the fixed split used by scripts/train-injection.ts.
 *
 *   node --import tsx scripts/eval-injection.ts [--data DIR]
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, scoreBinary } from '../src/guards/eval/classify.js';
import { bipiaPairs, heldOutSet, NO_TRAIN_SOURCES, outputSafeRows, readRows, type DevRow, WRITTEN_S13_DIR, WRITTEN_S17_DIR } from '../src/guards/injection/dataset.js';
import { DEFAULT_THRESHOLDS, scoreInjection, scoreJailbrokenAnswer } from '../src/guards/injection/index.js';

const args = process.argv.slice(2);
const i = args.indexOf('--data');
const DATA = (i >= 0 ? args[i + 1] : undefined) ?? join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'datasets');
const out = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

function timed<T>(rows: readonly DevRow[], f: (r: DevRow) => T): { results: Map<DevRow, T>; medianUs: number; p99Us: number } {
  const results = new Map<DevRow, T>();
  const us: number[] = [];
  for (const r of rows) {
    const a = process.hrtime.bigint();
    results.set(r, f(r));
    us.push(Number(process.hrtime.bigint() - a) / 1000);
  }
  us.sort((a, b) => a - b);
  return { results, medianUs: us[us.length >> 1] ?? 0, p99Us: us[Math.floor(us.length * 0.99)] ?? 0 };
}

out(`thresholds: ${JSON.stringify(DEFAULT_THRESHOLDS)}`);

const direct = readRows(join(DATA, 'injection-dev.jsonl'));
const dHeld = heldOutSet(direct, (r) => `${r.source}/${r.label}`, (r) => r.id);
const d = timed(direct, (r) => scoreInjection(r.text, 'user').score);
out(`direct: median ${d.medianUs.toFixed(0)} µs, p99 ${d.p99Us.toFixed(0)} µs per prompt`);
const flagD = (r: DevRow): boolean => (d.results.get(r) ?? 0) >= DEFAULT_THRESHOLDS.user;
out(formatReport('direct, training part (fitted on these rows)', scoreBinary(direct.filter((r) => !dHeld.has(r) && !NO_TRAIN_SOURCES.has(r.source)), flagD)));
out(formatReport('direct, HELD-OUT part + AlpacaEval (never trained on)', scoreBinary(direct.filter((r) => dHeld.has(r) || NO_TRAIN_SOURCES.has(r.source)), flagD)));

const indirect = readRows(join(DATA, 'indirect-dev.jsonl'));
const group = new Map<DevRow, string>();
for (const p of bipiaPairs(indirect)) {
  group.set(p.attack, p.inserted.join('\n'));
  group.set(p.benign, p.inserted.join('\n'));
}
const iHeld = heldOutSet(indirect, (r) => r.task ?? 'x', (r) => group.get(r) ?? r.id);
const ind = timed(indirect, (r) => scoreInjection(r.text, 'tool').score);
out(`indirect: median ${ind.medianUs.toFixed(0)} µs, p99 ${ind.p99Us.toFixed(0)} µs per document`);
const flagI = (r: DevRow): boolean => (ind.results.get(r) ?? 0) >= DEFAULT_THRESHOLDS.tool;
out(formatReport('indirect, training part', scoreBinary(indirect.filter((r) => !iHeld.has(r)), flagI)));
out(formatReport('indirect, HELD-OUT part', scoreBinary(indirect.filter((r) => iHeld.has(r)), flagI)));

const output = readRows(join(DATA, 'output-dev.jsonl'));
const oHeld = heldOutSet(output, (r) => r.source, (r) => r.prompt ?? r.id);
const o = timed(output, (r) => scoreJailbrokenAnswer(r.text, r.prompt).score);
out(`output: median ${o.medianUs.toFixed(0)} µs, p99 ${o.p99Us.toFixed(0)} µs per answer`);
const flagO = (r: DevRow): boolean => (o.results.get(r) ?? 0) >= DEFAULT_THRESHOLDS.output;
out(formatReport('output, training part', scoreBinary(output.filter((r) => !oHeld.has(r)), flagO)));
out(formatReport('output, HELD-OUT part (with the question)', scoreBinary(output.filter((r) => oHeld.has(r)), flagO)));
const o2 = timed(output.filter((r) => oHeld.has(r)), (r) => scoreJailbrokenAnswer(r.text).score);
out(formatReport('output, HELD-OUT part (answer only)', scoreBinary(output.filter((r) => oHeld.has(r)), (r) => (o2.results.get(r) ?? 0) >= DEFAULT_THRESHOLDS.output)));

// Harmless answer-like texts (and the few written non-English jailbroken answers): a detector that
// flags every helpful answer is unusable, so the false-positive rate here matters as much.
// With the written answers of data/written-s13 and data/written-s17, as the trainer trains and holds them out.
const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const safe = outputSafeRows(DATA, join(ROOT_DIR, WRITTEN_S13_DIR), [join(ROOT_DIR, WRITTEN_S17_DIR)]);
const perAnswer = timed(safe.held, (r) => scoreJailbrokenAnswer(r.text).score);
const meanKb = safe.held.reduce((a, r) => a + r.text.length, 0) / 1024 / Math.max(safe.held.length, 1);
out(`output on safe answers: median ${perAnswer.medianUs.toFixed(0)} µs, p99 ${perAnswer.p99Us.toFixed(0)} µs per answer (mean ${meanKb.toFixed(2)} KiB)`);
for (const withPrompt of [true, false]) {
  const label = withPrompt ? 'with the question' : 'answer only';
  const flag = (r: DevRow): boolean => scoreJailbrokenAnswer(r.text, withPrompt ? r.prompt : undefined).score >= DEFAULT_THRESHOLDS.output;
  out(formatReport(`output, safe answers, training part (${label})`, scoreBinary(safe.train, flag)));
  out(formatReport(`output, safe answers, HELD-OUT part (${label}; FPR = harmless answers flagged)`, scoreBinary(safe.held, flag)));
  const a = scoreBinary(safe.evalOnly, flag);
  out(`output, AlpacaEval instructions in answer form (evaluation only, ${label}): FPR ${(a.overall.fpr * 100).toFixed(1)}% of ${a.overall.n}`);
}
