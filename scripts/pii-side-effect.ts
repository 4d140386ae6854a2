/**
 * Side effect of the PII detector on ordinary text: the share of the benign prompts of
 * injection-dev.jsonl (which hold no labelled PII) in which detectPii finds a span, per type.
 * With --build DIR, the detectPii of another build (its `dist/`) is measured the same way, so
 * two versions can be compared on the same prompts.
 *
 *   node --import tsx scripts/pii-side-effect.ts [--data FILE] [--build DIR ...]
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '../src/guards/types.js';
import { detectPii } from '../src/guards/pii/index.js';

type Detect = (text: string) => Finding[];

const args = process.argv.slice(2);
const di = args.indexOf('--data');
const DATA = di >= 0 ? (args[di + 1] ?? '') : fileURLToPath(new URL('../../shared/datasets/injection-dev.jsonl', import.meta.url));
const builds = args.flatMap((a, k) => (a === '--build' && args[k + 1] !== undefined ? [args[k + 1] as string] : []));

const prompts = readFileSync(DATA, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { text: string; label: string })
  .filter((r) => r.label === 'benign')
  .map((r) => r.text);

function shares(detect: Detect): Map<string, number> {
  const rows = new Map<string, number>();
  let any = 0;
  for (const t of prompts) {
    const types = new Set(detect(t).map((f) => f.type));
    if (types.size > 0) any++;
    for (const type of types) rows.set(type, (rows.get(type) ?? 0) + 1);
  }
  rows.set('(any type)', any);
  return rows;
}

const runs: [string, Map<string, number>][] = [['this tree', shares(detectPii)]];
for (const dir of builds) {
  const mod = (await import(pathToFileURL(resolve(dir, 'dist/src/guards/pii/index.js')).href)) as { detectPii: Detect };
  runs.push([dir, shares(mod.detectPii)]);
}
const types = [...new Set(runs.flatMap(([, m]) => [...m.keys()]))].sort();
const pct = (n: number | undefined): string => `${((100 * (n ?? 0)) / prompts.length).toFixed(1)}%`.padStart(8);
console.log(`benign prompts of ${DATA}: ${prompts.length}; share with a span of each type`);
console.log(`${'type'.padEnd(20)}${runs.map(([name]) => name.slice(-18).padStart(20)).join('')}`);
for (const t of types) console.log(`${t.padEnd(20)}${runs.map(([, m]) => pct(m.get(t)).padStart(20)).join('')}`);
