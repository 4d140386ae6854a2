import { test } from 'node:test';
import assert from 'node:assert/strict';
import { S13_BENIGN_ANSWERS, S13_HARMFUL_COMPLIANCE } from './written-paragraphs.js';
import { ANSWER_PROBE } from './probe-answers.js';
import { ANSWER_PROBE_2 } from './probe-answers2.js';
import { ANSWER_PROBE_3 } from './probe-answers3.js';
import { ANSWER_PROBE_4 } from './probe-answers4.js';
import { LEAK_PROBE } from './probe-leaks.js';

const sentences = (t: string): string[] => t.split(/[.!?;:。！？；：\n]/u).map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 25);

test('written paragraphs (session 13): 15+ languages each side, unique ids', () => {
  assert.ok(new Set(S13_HARMFUL_COMPLIANCE.map((a) => a.lang)).size >= 15);
  assert.ok(new Set(S13_BENIGN_ANSWERS.map((a) => a.lang)).size >= 15);
  const ids = [...S13_HARMFUL_COMPLIANCE, ...S13_BENIGN_ANSWERS].map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
});

test('written paragraphs share no sentence with any answer probe or the leak probe', () => {
  const probe = new Set([...ANSWER_PROBE, ...ANSWER_PROBE_2, ...ANSWER_PROBE_3, ...ANSWER_PROBE_4, ...LEAK_PROBE].flatMap((i) => sentences(i.text)));
  assert.ok(probe.size > 300);
  for (const a of [...S13_HARMFUL_COMPLIANCE, ...S13_BENIGN_ANSWERS]) {
    for (const s of sentences(a.text)) assert.ok(!probe.has(s), `${a.id}: ${s}`);
  }
});
