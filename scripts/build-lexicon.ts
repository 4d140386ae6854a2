/**
 * Merge the concept lexicon (session 14): `data/lexicon/concepts.json` (concept -> English gloss)
 * and `data/lexicon/<lang>.json` (one file per language, `{ lang, name, entries }`) into
 * `src/guards/injection/concept-lexicon.json`, which the detectors load. Every entry is checked
 * (syntax, known concept); a test checks that the merged file is what this script writes.
 *
 *   node --import tsx scripts/build-lexicon.ts [--check]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeLexicon } from '../src/guards/injection/concept-merge.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const DIR = join(ROOT, 'data', 'lexicon');
const OUT = join(ROOT, 'src', 'guards', 'injection', 'concept-lexicon.json');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'concepts.json');
const merged = mergeLexicon(
  readFileSync(join(DIR, 'concepts.json'), 'utf8'),
  files.map((f) => ({ file: f, text: readFileSync(join(DIR, f), 'utf8') })),
);
if (process.argv.includes('--check')) {
  const same = readFileSync(OUT, 'utf8') === merged.text;
  console.log(same ? 'concept-lexicon.json is up to date' : 'concept-lexicon.json differs: run scripts/build-lexicon.ts');
  process.exit(same ? 0 : 1);
}
writeFileSync(OUT, merged.text);
console.log(`${OUT}: ${merged.languages} languages, ${merged.entries} entries`);
