import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_PROBE_4, formatDocumentProbe4 } from './probe-documents4.js';
import { DOCUMENT_PROBE_3 } from './probe-documents3.js';
import { DOCUMENT_PROBE_2 } from './probe-documents2.js';
import { DOCUMENT_PROBE } from './probe-documents.js';
import { BENIGN_DOCUMENTS, INJECTED_LINES } from './written-documents.js';

test('the fourth document probe is balanced, in at least 12 languages, with every tactic and hard benign kind', () => {
  assert.ok(DOCUMENT_PROBE_4.length >= 80);
  assert.ok(new Set(DOCUMENT_PROBE_4.map((i) => i.lang)).size >= 12);
  const attacks = DOCUMENT_PROBE_4.filter((i) => i.label === 'attack');
  const benign = DOCUMENT_PROBE_4.filter((i) => i.label === 'benign');
  assert.equal(attacks.length, benign.length);
  assert.equal(new Set(attacks.map((i) => i.kind)).size, 9);
  assert.equal(new Set(benign.map((i) => i.kind)).size, 5);
});

test('the fourth probe shares no line with the training documents or the other probes', () => {
  const seen = new Set<string>();
  for (const w of INJECTED_LINES) seen.add(w.text.trim());
  for (const w of BENIGN_DOCUMENTS) for (const line of w.text.split('\n')) if (line.trim().length > 20) seen.add(line.trim());
  for (const i of [...DOCUMENT_PROBE, ...DOCUMENT_PROBE_2, ...DOCUMENT_PROBE_3]) for (const line of i.text.split('\n')) if (line.trim().length > 20) seen.add(line.trim());
  for (const i of DOCUMENT_PROBE_4) for (const line of i.text.split('\n')) assert.ok(line.trim().length <= 20 || !seen.has(line.trim()), line);
});

test('no training line is contained in a probe-4 line (or the reverse)', () => {
  const probeLines = DOCUMENT_PROBE_4.flatMap((i) => i.text.split('\n')).map((l) => l.trim().toLowerCase()).filter((l) => l.length > 30);
  for (const w of INJECTED_LINES) {
    const t = w.text.trim().toLowerCase();
    if (t.length <= 30) continue;
    for (const p of probeLines) assert.ok(!p.includes(t) && !t.includes(p), t);
  }
});

test('formatDocumentProbe4 counts what the detector flags', () => {
  const n = DOCUMENT_PROBE_4.filter((i) => i.label === 'attack').length;
  assert.match(formatDocumentProbe4(() => false), /overall attacks caught 0\/\d+, benign flagged 0\/\d+, balanced accuracy 0\.500/);
  assert.match(formatDocumentProbe4(() => true), new RegExp(`overall attacks caught ${n}/${n}`));
});
