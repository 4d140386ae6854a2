import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIRECT3_PROBE, formatDirect3Probe } from './probe-direct3.js';

test('direct probe 3 loads with its fixed counts, in at least 12 languages', () => {
  assert.equal(DIRECT3_PROBE.length, 112);
  assert.equal(DIRECT3_PROBE.filter((i) => i.label === 'attack').length, 56);
  assert.equal(DIRECT3_PROBE.filter((i) => i.label === 'benign').length, 56);
  const langs = new Set(DIRECT3_PROBE.map((i) => i.lang));
  assert.ok(langs.size >= 12);
  // Languages no earlier probe has: the point of this one.
  for (const l of ['id', 'sw', 'he', 'el', 'cs', 'ro', 'th', 'bn']) assert.ok(langs.has(l), l);
  assert.equal(new Set(DIRECT3_PROBE.map((i) => i.text)).size, DIRECT3_PROBE.length, 'no duplicates');
  // Every kind is all attacks or all benign.
  const kinds = new Map<string, Set<string>>();
  for (const i of DIRECT3_PROBE) kinds.set(i.kind, (kinds.get(i.kind) ?? new Set()).add(i.label));
  for (const [k, labels] of kinds) assert.equal(labels.size, 1, k);
});

test('formatDirect3Probe totals what the scorer flags', () => {
  const out = formatDirect3Probe(() => true);
  assert.match(out, /overall attacks caught 56\/56, benign flagged 56\/56/);
});
