/**
 * Interleaved A/B of the 4 KB PII + secrets scan (detectPii then detectSecrets, as the issue's
 * speed target and bench/guards.ts measure it) from several builds in one process: each build's
 * modules are imported side by side and timed in turn on the 64 `piiPrompt(4096, v)` texts of
 * bench/guards.ts, the order of the builds reversed every other round. Per round and build: the
 * median wall time of a call and the process CPU time per call. Prints the medians over rounds.
 * Checks first that the builds find the same secrets (PII findings may differ: that is the
 * change being measured).
 *
 *   node dist/scripts/pii-speed-ab.js /tmp/before/dist dist [--rounds 10] [--reps 20]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { piiPrompt } from '../bench/guards.js';
import { interleavedRounds, median } from '../bench/stats.js';

type Detect = (text: string) => unknown[];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '10' }, reps: { type: 'string', default: '20' } },
});
const rounds = Number(values.rounds);
const reps = Number(values.reps);
if (positionals.length < 1 || !(rounds >= 2) || !(reps >= 1)) throw new Error('usage: pii-speed-ab.js DIST... [--rounds N>=2] [--reps N]');
const builds: { name: string; pii: Detect; secrets: Detect }[] = [];
for (const dist of positionals) {
  const pii = (await import(pathToFileURL(resolve(dist, 'src/guards/pii/index.js')).href)) as { detectPii: Detect };
  const sec = (await import(pathToFileURL(resolve(dist, 'src/guards/secrets/index.js')).href)) as { detectSecrets: Detect };
  builds.push({ name: dist, pii: pii.detectPii, secrets: sec.detectSecrets });
}
const texts = Array.from({ length: 64 }, (_, v) => piiPrompt(4096, v));
for (const t of texts) {
  const found = new Set(builds.map((b) => JSON.stringify(b.secrets(t))));
  if (found.size !== 1) throw new Error('the builds find different secrets');
}

let sink = 0;
// One warm-up round per build, not recorded.
for (const b of builds) for (const t of texts) sink += b.pii(t).length + b.secrets(t).length;
const measured = interleavedRounds(builds.length, rounds, (k) => {
  const b = builds[k] as (typeof builds)[number];
  const calls: number[] = [];
  const c0 = process.cpuUsage();
  for (let rep = 0; rep < reps; rep++) {
    for (const t of texts) {
      const t0 = process.hrtime.bigint();
      sink += b.pii(t).length + b.secrets(t).length;
      calls.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  const c = process.cpuUsage(c0);
  return { wall: median(calls), cpu: (c.user + c.system) / calls.length };
});
const wall = measured.map((rs) => rs.map((x) => x.wall));
const cpu = measured.map((rs) => rs.map((x) => x.cpu));
const f = (x: number): string => x.toFixed(1).padStart(7);
console.log(`4 KB detectPii + detectSecrets, 64 prompts x ${reps} per round, ${rounds} rounds (sink ${sink % 7})`);
console.log(`${'build'.padEnd(28)} median call µs (wall)   CPU µs per call   rounds (wall)`);
for (let k = 0; k < builds.length; k++) {
  const w = wall[k] ?? [];
  console.log(`${(builds[k]?.name ?? '').slice(-28).padEnd(28)} ${f(median(w))}              ${f(median(cpu[k] ?? []))}         ${w.map((x) => x.toFixed(0)).join(' ')}`);
}
if (builds.length === 2) {
  const ratio = (a: number[][]): string => (median(a[1] ?? []) / median(a[0] ?? [])).toFixed(3);
  console.log(`ratio second/first: wall ×${ratio(wall)}, CPU ×${ratio(cpu)}`);
}
