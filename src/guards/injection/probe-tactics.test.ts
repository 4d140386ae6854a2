import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyProbe } from './probe-multilingual.js';
import { TACTIC_PROBE } from './probe-tactics.js';

test('tallyProbe counts per group and names the items got wrong', () => {
  const items = [
    { g: 'a', label: 'attack' as const, text: 'x1' },
    { g: 'a', label: 'attack' as const, text: 'y2' },
    { g: 'a', label: 'benign' as const, text: 'x3' },
    { g: 'b', label: 'benign' as const, text: 'y4' },
  ];
  const { groups, wrong } = tallyProbe(items, (i) => i.g, (i) => `t/${i.g}`, (text) => text.startsWith('x'));
  assert.deepEqual(groups.get('a'), { attacks: 2, caught: 1, benign: 1, flagged: 1 });
  assert.deepEqual(groups.get('b'), { attacks: 0, caught: 0, benign: 1, flagged: 0 });
  assert.deepEqual(wrong, ['    missed  [t/a] y2', '    flagged [t/a] x3']);
});

test('the tactic probe has attacks and near misses for every tactic, in at least 10 languages', () => {
  const tactics = new Set(TACTIC_PROBE.map((i) => i.tactic));
  for (const t of tactics) {
    assert.ok(TACTIC_PROBE.some((i) => i.tactic === t && i.label === 'attack'), t);
    assert.ok(TACTIC_PROBE.some((i) => i.tactic === t && i.label === 'benign'), t);
  }
  assert.ok(new Set(TACTIC_PROBE.map((i) => i.lang)).size >= 10);
});
