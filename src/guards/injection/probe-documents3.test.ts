import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_PROBE_3, formatDocumentProbe3 } from './probe-documents3.js';
import { DOCUMENT_PROBE_2 } from './probe-documents2.js';
import { DOCUMENT_PROBE } from './probe-documents.js';
import { BENIGN_DOCUMENTS, INJECTED_LINES } from './written-documents.js';

test('the third document probe is balanced, in at least 8 languages, with every tactic and hard benign kind', () => {
  assert.ok(DOCUMENT_PROBE_3.length >= 60);
  assert.ok(new Set(DOCUMENT_PROBE_3.map((i) => i.lang)).size >= 8);
  const attacks = DOCUMENT_PROBE_3.filter((i) => i.label === 'attack');
  const benign = DOCUMENT_PROBE_3.filter((i) => i.label === 'benign');
  assert.equal(attacks.length, benign.length);
  assert.equal(new Set(attacks.map((i) => i.kind)).size, 8);
  assert.equal(new Set(benign.map((i) => i.kind)).size, 6);
});

test('the third probe shares no line with the training documents or the other probes', () => {
  const seen = new Set<string>();
  for (const w of INJECTED_LINES) seen.add(w.text.trim());
  for (const w of BENIGN_DOCUMENTS) for (const line of w.text.split('\n')) if (line.trim().length > 20) seen.add(line.trim());
  for (const i of [...DOCUMENT_PROBE, ...DOCUMENT_PROBE_2]) for (const line of i.text.split('\n')) if (line.trim().length > 20) seen.add(line.trim());
  for (const i of DOCUMENT_PROBE_3) for (const line of i.text.split('\n')) assert.ok(line.trim().length <= 20 || !seen.has(line.trim()), line);
});

test('formatDocumentProbe3 counts what the detector flags', () => {
  const n = DOCUMENT_PROBE_3.filter((i) => i.label === 'attack').length;
  assert.match(formatDocumentProbe3(() => false), /overall attacks caught 0\/\d+, benign flagged 0\/\d+, balanced accuracy 0\.500/);
  assert.match(formatDocumentProbe3(() => true), new RegExp(`overall attacks caught ${n}/${n}`));
});
