import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANSWER_PROBE_2, formatAnswerProbe2 } from './probe-answers2.js';

test('answer probe 2 has ~100 items in 10+ languages, about half jailbroken, every style present', () => {
  assert.ok(ANSWER_PROBE_2.length >= 95, String(ANSWER_PROBE_2.length));
  assert.ok(new Set(ANSWER_PROBE_2.map((i) => i.lang)).size >= 10);
  const attacks = ANSWER_PROBE_2.filter((i) => i.label === 'attack').length;
  assert.ok(attacks >= 0.4 * ANSWER_PROBE_2.length && attacks <= 0.6 * ANSWER_PROBE_2.length, String(attacks));
  for (const style of ['full', 'partial', 'terse', 'disclaimer', 'role-play', 'structured', 'injected'] as const) {
    assert.ok(ANSWER_PROBE_2.some((i) => i.style === style && i.label === 'attack'), style);
  }
  for (const style of ['refusal', 'alternative', 'education', 'fiction', 'harmless-play', 'quoted-refusal', 'near-miss'] as const) {
    assert.ok(ANSWER_PROBE_2.some((i) => i.style === style && i.label === 'benign'), style);
  }
  assert.equal(new Set(ANSWER_PROBE_2.map((i) => i.text)).size, ANSWER_PROBE_2.length, 'no duplicate texts');
});

test('formatAnswerProbe2 reports per style and lists misses only when asked', () => {
  const attacks = ANSWER_PROBE_2.filter((i) => i.label === 'attack').length;
  const out = formatAnswerProbe2(() => false);
  assert.match(out, new RegExp(`jailbroken caught 0/${attacks}, benign flagged 0/`));
  assert.match(out, /bal\.acc=50\.0/);
  assert.doesNotMatch(out, /missed/);
  assert.match(formatAnswerProbe2(() => false, true), /missed {2}\[injected\/en\] AI INJECTION SUCCEEDED/);
});
