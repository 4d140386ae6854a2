import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIRECT2_PROBE, formatDirect2Probe } from './probe-direct2.js';

test('direct probe 2 loads with its fixed counts, in at least 10 languages', () => {
  assert.equal(DIRECT2_PROBE.length, 120);
  assert.equal(DIRECT2_PROBE.filter((i) => i.label === 'attack').length, 60);
  assert.equal(DIRECT2_PROBE.filter((i) => i.label === 'benign').length, 60);
  assert.ok(new Set(DIRECT2_PROBE.map((i) => i.lang)).size >= 10);
  assert.equal(new Set(DIRECT2_PROBE.map((i) => i.text)).size, DIRECT2_PROBE.length, 'no duplicates');
  // Every kind is all attacks or all benign.
  const kinds = new Map<string, Set<string>>();
  for (const i of DIRECT2_PROBE) kinds.set(i.kind, (kinds.get(i.kind) ?? new Set()).add(i.label));
  for (const [k, labels] of kinds) assert.equal(labels.size, 1, k);
});

test('formatDirect2Probe totals what the scorer flags', () => {
  const out = formatDirect2Probe(() => true);
  assert.match(out, /overall attacks caught 60\/60, benign flagged 60\/60/);
});
