/**
 * Prints a SHA-256 of everything detectPii and detectSecrets find on each dataset file (and on the
 * bench prompts), so that a change meant to be a pure speed-up can be shown to leave every finding
 * unchanged: run it before and after, the digests must be equal.
 *
 *   node --import tsx scripts/pii-findings-digest.ts [--data DIR]
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectPii } from '../src/guards/pii/index.js';
import { detectSecrets } from '../src/guards/secrets/index.js';
import { assistantAnswer, piiPrompt, toolDocument, userPrompt } from '../bench/guards.js';

const args = process.argv.slice(2);
const i = args.indexOf('--data');
const DIR = i >= 0 ? (args[i + 1] ?? '') : fileURLToPath(new URL('../../shared/datasets', import.meta.url));

function digest(texts: readonly string[]): string {
  const h = createHash('sha256');
  for (const t of texts) h.update(`${JSON.stringify([detectPii(t), detectSecrets(t)])}\n`);
  return h.digest('hex');
}

const inputs: [string, string[]][] = [['bench prompts', [piiPrompt(1024), piiPrompt(4096), piiPrompt(16384), userPrompt(), toolDocument(), assistantAnswer()]]];
for (const name of ['pii-dev', 'injection-dev', 'indirect-dev', 'output-dev']) {
  const file = `${DIR}/${name}.jsonl`;
  if (!existsSync(file)) continue;
  const texts = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const row = JSON.parse(l) as { text?: unknown };
      return typeof row.text === 'string' ? row.text : l;
    });
  inputs.push([name, texts]);
}
for (const [name, texts] of inputs) console.log(`${name.padEnd(14)} ${String(texts.length).padStart(5)} texts  ${digest(texts)}`);
