import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_PROBE_2, formatDocumentProbe2 } from './probe-documents2.js';
import { DOCUMENT_PROBE } from './probe-documents.js';
import { BENIGN_DOCUMENTS, INJECTED_LINES } from './written-documents.js';

test('the second document probe is balanced, in at least 10 languages, with many tactics and kinds', () => {
  assert.ok(DOCUMENT_PROBE_2.length >= 90);
  assert.ok(new Set(DOCUMENT_PROBE_2.map((i) => i.lang)).size >= 10);
  const attacks = DOCUMENT_PROBE_2.filter((i) => i.label === 'attack');
  const benign = DOCUMENT_PROBE_2.filter((i) => i.label === 'benign');
  assert.ok(attacks.length >= 40 && benign.length >= 40);
  for (const i of attacks) assert.ok(i.tactic !== undefined, i.text);
  for (const i of benign) assert.ok(i.tactic === undefined, i.text);
  assert.ok(new Set(attacks.map((i) => i.tactic)).size >= 10);
  assert.ok(new Set(benign.map((i) => i.kind)).size >= 8);
});

test('the second probe shares no line with the training documents or the first probe', () => {
  const seen = new Set<string>();
  for (const w of INJECTED_LINES) seen.add(w.text.trim());
  for (const w of BENIGN_DOCUMENTS) for (const line of w.text.split('\n')) if (line.trim().length > 20) seen.add(line.trim());
  for (const i of DOCUMENT_PROBE) for (const line of i.text.split('\n')) if (line.trim().length > 20) seen.add(line.trim());
  for (const i of DOCUMENT_PROBE_2) for (const line of i.text.split('\n')) assert.ok(line.trim().length <= 20 || !seen.has(line.trim()), line);
});

test('formatDocumentProbe2 counts what the detector flags', () => {
  const n = DOCUMENT_PROBE_2.filter((i) => i.label === 'attack').length;
  assert.match(formatDocumentProbe2(() => false), /overall attacks caught 0\/\d+, benign flagged 0\/\d+, balanced accuracy 0\.500/);
  assert.match(formatDocumentProbe2(() => true), new RegExp(`overall attacks caught ${n}/${n}`));
});
