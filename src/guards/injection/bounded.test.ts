import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundQuantifiers, hasUnboundedQuantifier, MAX_REPEAT } from './bounded.js';
import { ANSWER_FAMILIES, ANSWER_HARM_EXTRA } from './answer-rules.js';
import { ATTACK_RULES, DIRECT_RULES, DOCUMENT_RULES, HARM_TOPICS, OUTPUT_RULES, TACTIC_RULES } from './rules.js';

test('boundQuantifiers caps *, + and {n,} and leaves everything else alone', () => {
  const cases: [string, string][] = [
    ['a*', 'a{0,64}'],
    ['\\p{L}+', '\\p{L}{1,64}'],
    ['\\s*?x', '\\s{0,64}?x'],
    ['#{3,}', '#{3,64}'],
    ['#{70,}', '#{70,70}'],
    ['a{2,5}b{3}', 'a{2,5}b{3}'],
    ['[*+]\\*\\+\\{1,\\}', '[*+]\\*\\+\\{1,\\}'],
    ['(?:ab)+(?=c*)(?<!d+)(?<n>e)?', '(?:ab){1,64}(?=c{0,64})(?<!d{1,64})(?<n>e)?'],
    ['[\\]*]+', '[\\]*]{1,64}'],
  ];
  for (const [src, want] of cases) assert.equal(boundQuantifiers(src), want, src);
  assert.equal(MAX_REPEAT, 64);
});

test('a capped pattern still matches ordinary text and stops at the cap', () => {
  const re = new RegExp(`^${boundQuantifiers('ignor\\p{L}*')}$`, 'u');
  assert.ok(re.test('ignoring'));
  assert.ok(re.test(`ignor${'e'.repeat(MAX_REPEAT)}`));
  assert.ok(!re.test(`ignor${'e'.repeat(MAX_REPEAT + 1)}`));
});

test('no rule pattern or gate can consume an unbounded run (each is linear in the text)', () => {
  const families = [...ATTACK_RULES, ...DOCUMENT_RULES, ...OUTPUT_RULES, ...HARM_TOPICS, ...TACTIC_RULES, ...DIRECT_RULES, ...ANSWER_FAMILIES, ...ANSWER_HARM_EXTRA];
  assert.ok(families.length > 50);
  const unbounded = families.flatMap((f) => [...f.patterns, ...(f.gate === undefined ? [] : [f.gate])].filter((p) => hasUnboundedQuantifier(p.source)).map((p) => `${f.name}: ${p.source.slice(0, 80)}`));
  assert.deepEqual(unbounded, []);
});
