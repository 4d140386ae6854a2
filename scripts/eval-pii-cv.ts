/**
 * Out-of-fold estimate of the whole of detectPii on the training part of pii-dev, without the
 * held-out part: the rule detectors as they are (not fitted) plus the tagger's out-of-fold spans
 * written by `scripts/train-pii.ts --dump-cv FILE`, through the boundary rules of refine.ts
 * (unless --no-refine), overlaps resolved as detectPii resolves them.
 *
 *   node --import tsx scripts/train-pii.ts --dump-cv /tmp/cv.jsonl
 *   node --import tsx scripts/eval-pii-cv.ts /tmp/cv.jsonl [--no-refine] [--data FILE]
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PII_TYPES, detectPii } from '../src/guards/pii/index.js';
import { Rank, resolveOverlaps, type Candidate } from '../src/guards/pii/candidate.js';
import { NER_TYPES } from '../src/guards/pii/ner-features.js';
import { refineEntities } from '../src/guards/pii/refine.js';
import type { TaggedSpan } from '../src/guards/pii/ner.js';
import type { Finding } from '../src/guards/types.js';
import { PRESIDIO_DEFAULT_SCORED_TYPES, formatPiiReport, formatPresidioTokenLine, scorePii, type PiiRow } from '../src/guards/eval/pii.js';

const args = process.argv.slice(2);
const dumpPath = args.find((a) => !a.startsWith('--'));
if (dumpPath === undefined) {
  console.error('usage: eval-pii-cv.ts CV_DUMP [--no-refine] [--data FILE]');
  process.exit(2);
}
const i = args.indexOf('--data');
const DATA = i >= 0 ? (args[i + 1] ?? '') : fileURLToPath(new URL('../../shared/datasets/pii-dev.jsonl', import.meta.url));
const refine = !args.includes('--no-refine');

const rows = new Map(
  readFileSync(DATA, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PiiRow)
    .map((r) => [r.id, r] as const),
);
const folds = new Map<string, TaggedSpan[]>();
for (const line of readFileSync(dumpPath, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const x = JSON.parse(line) as { id: string; pred: { type: string; start: number; end: number }[] };
  folds.set(x.id, x.pred.map((p) => ({ ...p, score: 0.5 })));
}
const part = [...folds.keys()].flatMap((id) => rows.get(id) ?? []);
const ruleTypes = PII_TYPES.filter((t) => !(NER_TYPES as readonly string[]).includes(t));
const idOf = new Map(part.map((r) => [r.text, r.id]));

const predict = (text: string): Finding[] => {
  // The rule detectors' findings outrank the tagger's (see resolveOverlaps), except the group
  // rule's (NRP), which compete with it at its rank (contextual.ts), as in detectPii.
  const rules: Candidate[] = detectPii(text, { tagger: false }).map((f) => ({
    ...f,
    rank: ruleTypes.includes(f.type) && f.type !== 'NRP' ? Rank.Checked : Rank.Model,
  }));
  // train-pii tags the raw text: the dump's offsets index it.
  const tagged = folds.get(idOf.get(text) ?? '') ?? [];
  const ner: Candidate[] = (refine ? refineEntities(text, tagged) : tagged).map((s) => ({ ...s, rank: Rank.Model }));
  return resolveOverlaps([...rules, ...ner], text.length).map(({ type, start, end, score }) => ({ type, start, end, score }));
};
console.log(formatPiiReport(scorePii(part, predict), `training part, tagger out of fold${refine ? ' + boundary rules' : ''}`));
console.log(formatPresidioTokenLine(scorePii(part, predict, { types: PRESIDIO_DEFAULT_SCORED_TYPES })));
