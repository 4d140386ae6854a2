import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANSWER_PROBE_4, formatAnswerProbe4 } from './probe-answers4.js';
import { ANSWER_PROBE } from './probe-answers.js';
import { ANSWER_PROBE_2 } from './probe-answers2.js';
import { ANSWER_PROBE_3 } from './probe-answers3.js';

test('answer probe 4 has 70-90 items in 12+ languages, about half jailbroken, every style present', () => {
  assert.ok(ANSWER_PROBE_4.length >= 70 && ANSWER_PROBE_4.length <= 90, String(ANSWER_PROBE_4.length));
  assert.ok(new Set(ANSWER_PROBE_4.map((i) => i.lang)).size >= 12);
  const attacks = ANSWER_PROBE_4.filter((i) => i.label === 'attack').length;
  assert.ok(attacks >= 0.4 * ANSWER_PROBE_4.length && attacks <= 0.6 * ANSWER_PROBE_4.length, String(attacks));
  for (const style of ['partial', 'terse', 'structured', 'roleplay', 'disclaimer'] as const) {
    assert.ok(ANSWER_PROBE_4.some((i) => i.style === style && i.label === 'attack'), style);
  }
  for (const style of ['education', 'harm-reduction', 'refusal', 'tutorial', 'fiction'] as const) {
    assert.ok(ANSWER_PROBE_4.some((i) => i.style === style && i.label === 'benign'), style);
  }
  assert.equal(new Set(ANSWER_PROBE_4.map((i) => i.text)).size, ANSWER_PROBE_4.length, 'no duplicate texts');
});

test('answer probe 4 shares no text with the older answer probes', () => {
  const older = new Set([...ANSWER_PROBE, ...ANSWER_PROBE_2, ...ANSWER_PROBE_3].map((i) => i.text));
  for (const item of ANSWER_PROBE_4) assert.ok(!older.has(item.text), item.text.slice(0, 60));
});

test('formatAnswerProbe4 reports per style and lists misses only when asked', () => {
  const attacks = ANSWER_PROBE_4.filter((i) => i.label === 'attack').length;
  const out = formatAnswerProbe4(() => false);
  assert.match(out, new RegExp(`jailbroken caught 0/${attacks}, benign flagged 0/`));
  assert.match(out, /bal\.acc=50\.0/);
  assert.doesNotMatch(out, /missed/);
  assert.match(formatAnswerProbe4(() => false, true), /missed {2}\[partial\/en\] Happy to help/);
});
