/**
 * Session 19: what reading an answer's question costs. Over the development blind sets' answers,
 * the median time per answer of `scoreJailbrokenAnswer(answer)`, of `scoreJailbrokenAnswer(answer,
 * question)` with a new question each time, and of scoring again with the same question (as a
 * stream's answer is re-scored while it grows), each over seven interleaved rounds.
 *
 *   node --import tsx scripts/answer-question-speed.ts
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readRows } from '../src/guards/injection/dataset.js';
import { scoreJailbrokenAnswer } from '../src/guards/injection/index.js';
import { DEV_BLIND_SETS } from './blind-dev.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const rows = DEV_BLIND_SETS.flatMap((s) => readRows(join(ROOT, 'data', s, 'answers.jsonl')));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
const perAnswer = (f: () => void): number => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e3 / rows.length;
};
for (const r of rows) scoreJailbrokenAnswer(r.text, r.prompt);
const alone: number[] = [];
const asked: number[] = [];
const again: number[] = [];
for (let round = 0; round < 7; round++) {
  alone.push(perAnswer(() => rows.forEach((r) => scoreJailbrokenAnswer(r.text))));
  asked.push(perAnswer(() => rows.forEach((r) => scoreJailbrokenAnswer(r.text, r.prompt))));
  // Each question twice in a row; the second call's cost is the total less a first-call round.
  const both = perAnswer(() => rows.forEach((r) => { scoreJailbrokenAnswer(r.text, r.prompt); scoreJailbrokenAnswer(r.text, r.prompt); }));
  again.push(both - (asked[asked.length - 1] ?? 0));
}
const a = median(alone);
const q = median(asked);
process.stdout.write(`${rows.length} answers: alone ${a.toFixed(1)} µs; with a new question ${q.toFixed(1)} µs (x${(q / a).toFixed(2)}); again with the same question ${median(again).toFixed(1)} µs\n`);
