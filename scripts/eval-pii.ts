/**
 * Prints PII detection metrics of detectPii on the development file, separately for the
 * training part and the held-out part of the split used by scripts/train-pii.ts.
 *
 *   node --import tsx scripts/eval-pii.ts [--data FILE] [--all]
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectPii } from '../src/guards/pii/index.js';
import { PRESIDIO_DEFAULT_SCORED_TYPES, formatPiiReport, formatPresidioTokenLine, scorePii, type PiiRow } from '../src/guards/eval/pii.js';

const args = process.argv.slice(2);
const i = args.indexOf('--data');
const DATA = i >= 0 ? (args[i + 1] ?? '') : fileURLToPath(new URL('../../shared/datasets/pii-dev.jsonl', import.meta.url));

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
const isHeldOut = (id: string): boolean => fnv1a(id) % 100 < 30;

const rows = readFileSync(DATA, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as PiiRow);

const parts: [string, PiiRow[]][] = args.includes('--all')
  ? [['all rows', rows]]
  : [
      ['training part', rows.filter((r) => !isHeldOut(r.id))],
      ['held-out part', rows.filter((r) => isHeldOut(r.id))],
    ];
for (const [name, part] of parts) {
  const t0 = process.hrtime.bigint();
  const report = scorePii(part, (text) => detectPii(text));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(formatPiiReport(report, name));
  console.log(formatPresidioTokenLine(scorePii(part, (text) => detectPii(text), { types: PRESIDIO_DEFAULT_SCORED_TYPES })));
  console.log(`(${ms.toFixed(0)} ms, ${(ms / part.length).toFixed(3)} ms/row)\n`);
}
