/**
 * Interleaved A/B of one of the trained scorers from several builds in one process: each build's
 * module is imported side by side and timed in turn on 64 different 1 KiB texts, the order of the
 * builds reversed every other round. Per round and build: the process CPU time per call. Prints the
 * median over rounds and the median of the per-round CPU ratios (second build / first), which is
 * the figure to read on a shared, noisy machine.
 *
 *   node dist/scripts/injection-speed-ab.js /tmp/before/dist dist [--scorer user|tool|answer] [--rounds N] [--reps N] [--data DIR]
 *     [--file FILE.jsonl] [--not-english]
 *
 * Give the baseline copy a symlink to this checkout's node_modules rather than a copy of it: two
 * copies of the `re2` native addon loaded into one process abort it at exit with "double free or
 * corruption" after the results are printed (session 11; one addon, as in the gateway, exits
 * cleanly).
 *
 * `--scorer`: `user` (default) is `scoreInjection(text, 'user')` on the dev prompts joined and cut
 * at 1,024 characters; `tool` is the indirect (document) scorer `scoreInjection(text, 'tool')` on
 * indirect-dev documents cut the same way, so they keep their lines (session 10); `answer` is
 * `scoreJailbrokenAnswer(text)` on output-dev's answers (session 10). Session 14: `--file` takes the
 * texts from another JSON Lines file and `--not-english` drops its rows labelled `lang: "en"`
 * (concept features are computed for text not mostly English only); a short file is read round
 * again, so there are still 64 texts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { interleavedRounds, median } from '../bench/stats.js';

type Score = (text: string) => number;
interface ScorerModule {
  scoreInjection(text: string, role?: 'user' | 'tool'): { score: number };
  scoreJailbrokenAnswer(text: string): { score: number };
}

const SCORERS = {
  user: { file: 'injection-dev.jsonl', label: "scoreInjection(user), 64 different 1 KiB prompts", rounds: '25', reps: '5', pick: (m: ScorerModule): Score => (t) => m.scoreInjection(t, 'user').score },
  tool: { file: 'indirect-dev.jsonl', label: "scoreInjection(tool), 64 different 1 KiB documents", rounds: '15', reps: '3', pick: (m: ScorerModule): Score => (t) => m.scoreInjection(t, 'tool').score },
  answer: { file: 'output-dev.jsonl', label: 'scoreJailbrokenAnswer, 64 different 1 KiB answers', rounds: '25', reps: '5', pick: (m: ScorerModule): Score => (t) => m.scoreJailbrokenAnswer(t).score },
} as const;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scorer: { type: 'string', default: 'user' }, rounds: { type: 'string' }, reps: { type: 'string' }, data: { type: 'string', default: '../shared/datasets' }, file: { type: 'string' }, 'not-english': { type: 'boolean', default: false } },
});
const kind = values.scorer as keyof typeof SCORERS;
const scorer = SCORERS[kind] as (typeof SCORERS)[keyof typeof SCORERS] | undefined;
const rounds = Number(values.rounds ?? scorer?.rounds);
const reps = Number(values.reps ?? scorer?.reps);
if (scorer === undefined || positionals.length < 1 || !(rounds >= 2) || !(reps >= 1)) {
  throw new Error('usage: injection-speed-ab.js DIST... [--scorer user|tool|answer] [--rounds N>=2] [--reps N] [--data DIR]');
}
const builds: { name: string; score: Score }[] = [];
for (const dist of positionals) {
  const m = (await import(pathToFileURL(resolve(dist, 'src/guards/injection/index.js')).href)) as ScorerModule;
  builds.push({ name: dist, score: scorer.pick(m) });
}
const joined = readFileSync(values.file ?? resolve(values.data, scorer.file), 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l) as { text: string; lang?: string })
  .filter((r) => !values['not-english'] || r.lang !== 'en')
  .map((r) => r.text).join('\n');
const span = Math.max(1, joined.length - 1024);
const texts = Array.from({ length: 64 }, (_, v) => joined.slice((v * 1024) % span, ((v * 1024) % span) + 1024));

let sink = 0;
for (const b of builds) for (const t of texts) sink += b.score(t);
const cpu = interleavedRounds(builds.length, rounds, (k) => {
  const b = builds[k] as (typeof builds)[number];
  const c0 = process.cpuUsage();
  for (let rep = 0; rep < reps; rep++) for (const t of texts) sink += b.score(t);
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / (reps * texts.length);
});
console.log(`${scorer.label} x ${reps} per round, ${rounds} rounds (sink ${Math.round(sink) % 7})`);
for (let k = 0; k < builds.length; k++) console.log(`${(builds[k]?.name ?? '').slice(-28).padEnd(28)} CPU µs per call (per KiB) ${median(cpu[k] ?? []).toFixed(1)}`);
if (builds.length === 2) {
  const ratios = (cpu[1] ?? []).map((x, i) => x / (cpu[0]?.[i] ?? x));
  console.log(`CPU ratio second/first: median of rounds ×${median(ratios).toFixed(3)} (rounds ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`);
}
