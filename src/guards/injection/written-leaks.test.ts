import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEAK_ANSWERS, LEAK_LOOKALIKES } from './written-leaks.js';
import { LEAK_PROBE } from './probe-leaks.js';

const sentences = (t: string): string[] => t.split(/[.!?。！？\n]/u).map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 25);

test('written leaks: 10+ languages each side, unique ids', () => {
  assert.ok(new Set(LEAK_ANSWERS.map((a) => a.lang)).size >= 10);
  assert.ok(new Set(LEAK_LOOKALIKES.map((a) => a.lang)).size >= 10);
  const ids = [...LEAK_ANSWERS, ...LEAK_LOOKALIKES].map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
});

test('written leaks share no sentence with the leak probe (evaluation only)', () => {
  const probe = new Set(LEAK_PROBE.flatMap((i) => sentences(i.text)));
  for (const a of [...LEAK_ANSWERS, ...LEAK_LOOKALIKES]) {
    for (const s of sentences(a.text)) assert.ok(!probe.has(s), `${a.id}: ${s}`);
  }
});
