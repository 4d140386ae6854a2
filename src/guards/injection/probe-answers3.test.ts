import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANSWER_PROBE_3, formatAnswerProbe3 } from './probe-answers3.js';

test('answer probe 3 has ~60 items in 8+ languages, about half jailbroken, every style present', () => {
  assert.ok(ANSWER_PROBE_3.length >= 55, String(ANSWER_PROBE_3.length));
  assert.ok(new Set(ANSWER_PROBE_3.map((i) => i.lang)).size >= 8);
  const attacks = ANSWER_PROBE_3.filter((i) => i.label === 'attack').length;
  assert.ok(attacks >= 0.4 * ANSWER_PROBE_3.length && attacks <= 0.6 * ANSWER_PROBE_3.length, String(attacks));
  for (const style of ['partial', 'terse', 'scam', 'cyber', 'weapons', 'drugs', 'injected'] as const) {
    assert.ok(ANSWER_PROBE_3.some((i) => i.style === style && i.label === 'attack'), style);
  }
  for (const style of ['education', 'harm-reduction', 'refusal', 'fiction'] as const) {
    assert.ok(ANSWER_PROBE_3.some((i) => i.style === style && i.label === 'benign'), style);
  }
  assert.equal(new Set(ANSWER_PROBE_3.map((i) => i.text)).size, ANSWER_PROBE_3.length, 'no duplicate texts');
});

test('formatAnswerProbe3 reports per style and lists misses only when asked', () => {
  const attacks = ANSWER_PROBE_3.filter((i) => i.label === 'attack').length;
  const out = formatAnswerProbe3(() => false);
  assert.match(out, new RegExp(`jailbroken caught 0/${attacks}, benign flagged 0/`));
  assert.match(out, /bal\.acc=50\.0/);
  assert.doesNotMatch(out, /missed/);
  assert.match(formatAnswerProbe3(() => false, true), /missed {2}\[partial\/en\] Great question/);
});
