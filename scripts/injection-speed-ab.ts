/**
 * Interleaved A/B of `scoreInjection` (role `user`) between another checkout and this one, in one
 * process, by CPU time: the machine is shared, so wall-clock runs of separate builds are not
 * comparable, and alternating the order every round cancels drift.
 *
 *   git archive BASE src package.json tsconfig.json | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/
 *   node --import tsx scripts/injection-speed-ab.ts /tmp/base [kib|dev] [rounds]
 *
 * `kib` (default): 64 different 1 KiB prompts (the dev prompts joined and cut), 5 passes a round;
 * `dev`: every dev prompt, 3 passes a round. Prints the medians per call and the median of the per-round
 * ratios (this checkout / base).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Score = (text: string, role: 'user') => unknown;

const [baseDir, mode = 'kib', roundsArg = '15'] = process.argv.slice(2);
if (baseDir === undefined) throw new Error('usage: injection-speed-ab.ts BASE_DIR [kib|dev] [rounds]');
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, '..', 'shared', 'datasets', 'injection-dev.jsonl');
const load = async (dir: string): Promise<Score> => ((await import(join(resolve(dir), 'src', 'guards', 'injection', 'index.ts'))) as { scoreInjection: Score }).scoreInjection;
const base = await load(baseDir);
const head = await load(ROOT);

const rows = readFileSync(DATA, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
const joined = rows.join(' ');
const kib = Array.from({ length: 64 }, (_, i) => joined.slice(i * 7168, i * 7168 + 1024));
const inputs = mode === 'dev' ? rows : kib;
const passes = mode === 'dev' ? 3 : 5;

/** CPU microseconds per call over one round. */
function round(score: Score): number {
  const t0 = process.cpuUsage();
  for (let p = 0; p < passes; p++) for (const t of inputs) score(t, 'user');
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / (passes * inputs.length);
}
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

for (let w = 0; w < 2; w++) {
  round(base);
  round(head);
}
const a: number[] = [];
const b: number[] = [];
const ratio: number[] = [];
const rounds = Number(roundsArg);
for (let r = 0; r < rounds; r++) {
  let x: number;
  let y: number;
  if (r % 2 === 0) {
    x = round(base);
    y = round(head);
  } else {
    y = round(head);
    x = round(base);
  }
  a.push(x);
  b.push(y);
  ratio.push(y / x);
}
process.stdout.write(`${mode}: base ${median(a).toFixed(1)} µs, this checkout ${median(b).toFixed(1)} µs per call (CPU); median ratio ×${median(ratio).toFixed(3)} over ${rounds} rounds\n`);
