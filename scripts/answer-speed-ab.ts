/**
 * Interleaved A/B of the jailbroken-answer scorer (`scoreJailbrokenAnswer(text)`) from several
 * builds in one process (session 10; the answer-model twin of injection-speed-ab.ts): each build's
 * module is imported side by side and timed in turn on 64 different 1 KiB answers (output-dev's
 * answers joined and cut at 1,024 characters), the order of the builds reversed every other round.
 * Per round and build: the process CPU time per call; prints the median over rounds and the median
 * of the per-round CPU ratios (second build / first).
 *
 *   node dist/scripts/answer-speed-ab.js /tmp/before/dist dist [--rounds 25] [--reps 5] [--data DIR]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { interleavedRounds, median } from '../bench/stats.js';

type Score = (text: string) => { score: number };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '25' }, reps: { type: 'string', default: '5' }, data: { type: 'string', default: '../shared/datasets' } },
});
const rounds = Number(values.rounds);
const reps = Number(values.reps);
if (positionals.length < 1 || !(rounds >= 2) || !(reps >= 1)) throw new Error('usage: answer-speed-ab.js DIST... [--rounds N>=2] [--reps N] [--data DIR]');
const builds: { name: string; score: Score }[] = [];
for (const dist of positionals) {
  const m = (await import(pathToFileURL(resolve(dist, 'src/guards/injection/index.js')).href)) as { scoreJailbrokenAnswer: Score };
  builds.push({ name: dist, score: m.scoreJailbrokenAnswer });
}
const joined = readFileSync(resolve(values.data, 'output-dev.jsonl'), 'utf8').trim().split('\n')
  .map((l) => (JSON.parse(l) as { text: string }).text).join('\n');
const texts = Array.from({ length: 64 }, (_, v) => joined.slice(v * 1024, (v + 1) * 1024));

let sink = 0;
for (const b of builds) for (const t of texts) sink += b.score(t).score;
const cpu = interleavedRounds(builds.length, rounds, (k) => {
  const b = builds[k] as (typeof builds)[number];
  const c0 = process.cpuUsage();
  for (let rep = 0; rep < reps; rep++) for (const t of texts) sink += b.score(t).score;
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / (reps * texts.length);
});
console.log(`scoreJailbrokenAnswer, 64 different 1 KiB answers x ${reps} per round, ${rounds} rounds (sink ${Math.round(sink) % 7})`);
for (let k = 0; k < builds.length; k++) console.log(`${(builds[k]?.name ?? '').slice(-28).padEnd(28)} CPU µs per call ${median(cpu[k] ?? []).toFixed(1)}`);
if (builds.length === 2) {
  const ratios = (cpu[1] ?? []).map((x, i) => x / (cpu[0]?.[i] ?? x));
  console.log(`CPU ratio second/first: median of rounds ×${median(ratios).toFixed(3)} (rounds ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`);
}
