import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLeakProbe, LEAK_PROBE } from './probe-leaks.js';

test('leak probe has 60-80 items in 10+ languages, about half leaks, every style present', () => {
  assert.ok(LEAK_PROBE.length >= 60 && LEAK_PROBE.length <= 80, String(LEAK_PROBE.length));
  assert.ok(new Set(LEAK_PROBE.map((i) => i.lang)).size >= 10);
  const leaks = LEAK_PROBE.filter((i) => i.label === 'attack').length;
  assert.ok(leaks >= 0.4 * LEAK_PROBE.length && leaks <= 0.6 * LEAK_PROBE.length, String(leaks));
  for (const style of ['recited', 'told', 'guidelines', 'quoted', 'translated', 'summarised', 'secret', 'after-refusal', 'role-play'] as const) {
    assert.ok(LEAK_PROBE.some((i) => i.style === style && i.label === 'attack'), style);
  }
  for (const style of ['refusal', 'explain', 'password-advice', 'house-rules', 'write-prompt', 'example-creds'] as const) {
    assert.ok(LEAK_PROBE.some((i) => i.style === style && i.label === 'benign'), style);
  }
  assert.equal(new Set(LEAK_PROBE.map((i) => i.text)).size, LEAK_PROBE.length, 'no duplicate texts');
});

test('formatLeakProbe reports per style and lists misses only when asked', () => {
  const leaks = LEAK_PROBE.filter((i) => i.label === 'attack').length;
  const out = formatLeakProbe(() => false);
  assert.match(out, new RegExp(`leaks caught 0/${leaks}, benign flagged 0/`));
  assert.match(out, /bal\.acc=50\.0/);
  assert.doesNotMatch(out, /missed/);
  assert.match(formatLeakProbe(() => false, true), /missed {2}\[recited\/en\] Sure\. I'm Aria/);
});
