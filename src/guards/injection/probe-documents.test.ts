import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_PROBE, formatDocumentProbe } from './probe-documents.js';
import { BENIGN_DOCUMENTS, INJECTED_LINES } from './written-documents.js';

test('the document probe covers attacks and benign documents of several kinds in at least 8 languages', () => {
  assert.ok(DOCUMENT_PROBE.length >= 90);
  assert.ok(new Set(DOCUMENT_PROBE.map((i) => i.lang)).size >= 8);
  const attacks = DOCUMENT_PROBE.filter((i) => i.label === 'attack');
  const benign = DOCUMENT_PROBE.filter((i) => i.label === 'benign');
  assert.ok(attacks.length >= 40 && benign.length >= 40);
  for (const i of attacks) assert.ok(i.tactic !== undefined && i.at !== undefined, i.text);
  for (const i of benign) assert.ok(i.tactic === undefined && i.at === undefined, i.text);
  assert.ok(new Set(attacks.map((i) => i.tactic)).size >= 8);
  assert.deepEqual(new Set(attacks.map((i) => i.at)), new Set(['start', 'middle', 'end']));
  assert.ok(new Set(benign.map((i) => i.kind)).size >= 8);
});

test('the probe shares no line with the written training documents', () => {
  const trained = new Set<string>();
  for (const w of INJECTED_LINES) trained.add(w.text.trim());
  for (const w of BENIGN_DOCUMENTS) for (const line of w.text.split('\n')) if (line.trim().length > 20) trained.add(line.trim());
  for (const i of DOCUMENT_PROBE) for (const line of i.text.split('\n')) assert.ok(!trained.has(line.trim()), line);
});

test('formatDocumentProbe counts what the detector flags', () => {
  const none = formatDocumentProbe(() => false);
  assert.match(none, /overall attacks caught 0\/\d+, benign flagged 0\/\d+/);
  const all = formatDocumentProbe(() => true);
  const n = DOCUMENT_PROBE.filter((i) => i.label === 'attack').length;
  assert.match(all, new RegExp(`overall attacks caught ${n}/${n}`));
});
