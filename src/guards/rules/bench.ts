/**
 * Measures keyword-list matching: one RE2 alternation of 1000 keywords (what the gateway
 * compiles) against 1000 separate RE2 searches, on a 4 KB text. Run after a build:
 * `node dist/src/guards/rules/bench.js`. Deterministic input; prints medians in microseconds.
 */
import RE2 from 're2';
import { compileRule, createRuleSet } from './compile.js';

function words(n: number, seed: number): string[] {
  // A small LCG so the keyword list and the text are the same on every run.
  let s = seed;
  const next = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let w = '';
    const len = 5 + (next() % 8);
    for (let j = 0; j < len; j++) w += letters[next() % 26];
    out.push(w);
  }
  return out;
}

function median(run: () => void, iterations: number): number {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return (times[Math.floor(times.length / 2)] as number) * 1000;
}

const keywords = words(1000, 7);
let text = '';
const filler = words(2000, 11);
for (let i = 0; text.length < 4096; i++) text += `${i % 97 === 0 ? (keywords[i % 1000] as string) : (filler[i % 2000] as string)} `;
text = text.slice(0, 4096);

const started = performance.now();
const set = createRuleSet([compileRule({ name: 'kw', keywords, direction: 'both', action: 'block', caseInsensitive: true, wordBoundary: true })]);
const compileMs = performance.now() - started;
if (set === undefined) throw new Error('no rule set');
const found = set.match(text).length;
const alternation = median(() => set.match(text), 500);
const separate = keywords.map((k) => new RE2(`(?i)(?:^|[^\\pL\\pN_])(${k})`, 'gu'));
// A text dense with matches (a keyword every 11 words): the cost that grows with the matches.
let dense = '';
for (let i = 0; dense.length < 4096; i++) dense += `${i % 11 === 0 ? (keywords[i % 1000] as string) : (filler[i % 2000] as string)} `;
dense = dense.slice(0, 4096);
const denseFound = set.match(dense).length;
const denseMedian = median(() => set.match(dense), 500);
const naive = median(() => {
  for (const re of separate) {
    re.lastIndex = 0;
    while (re.exec(text) !== null);
  }
}, 20);
process.stdout.write(`1000 keywords, ${text.length}-character text, ${found} matches\n`);
process.stdout.write(`compile (once, at config load): ${compileMs.toFixed(1)} ms\n`);
process.stdout.write(`one RE2 alternation: median ${alternation.toFixed(1)} µs per text\n`);
process.stdout.write(`one RE2 alternation, dense text (${denseFound} matches): median ${denseMedian.toFixed(1)} µs per text\n`);
process.stdout.write(`1000 separate RE2 searches: median ${naive.toFixed(1)} µs per text\n`);
