import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requirements, RulePrefilter } from './rule-prefilter.js';
import { matchRules, PROMPT_RULES, SEGMENT_RULES } from './features.js';
import { HARM_TOPICS, OUTPUT_RULES, type RuleFamily } from './rules.js';
import { ANSWER_FAMILIES, ANSWER_HARM_TOPICS } from './answer-rules.js';
import { canonicalize } from './deobfuscate.js';
import { MULTILINGUAL_PROBE } from './probe-multilingual.js';
import { TACTIC_PROBE } from './probe-tactics.js';
import { DOCUMENT_PROBE } from './probe-documents.js';
import { ANSWER_PROBE } from './probe-answers.js';
import { BENIGN_PROBE } from './benign-probe.js';

test('requirements: literals every match must contain', () => {
  const cases: [RegExp, string[][] | undefined][] = [
    [/ignore/u, [['ignore']]],
    // Cut at eight characters (a prefix of a required literal is required).
    [/instructions/u, [['instruct']]],
    // Lookarounds and \b consume nothing: dropping them only enlarges the language.
    [/(?<!x)\babc(?=d)\b/u, [['abc']]],
    [/abc?d/u, [['abcd', 'abd']]],
    [/(?:foo|bar)[^\n]{0,40}?baz+/u, [['baz'], ['bar', 'foo']]],
    // A big class or \p is "any character": what is around it still counts.
    [/[a-z]+xyz/u, [['xyz']]],
    [/\p{L}+ foo/u, [[' foo']]],
    [/\s+bar/u, [['bar']]],
    // A literal containing another of the set is implied by it.
    [/ignor|ignore|ignored/u, [['ignor']]],
    // One CJK character weighs as much as three letters (UTF-8 bytes).
    [/忽略|无视/u, [['忽略', '无视']]],
  ];
  for (const [re, want] of cases) assert.deepEqual(requirements(re), want, re.source);
});

test('requirements: undefined (always run) when nothing certain can be derived', () => {
  for (const re of [
    /abc|/u, // an empty branch
    /(?:abc)*/u, // zero repetitions
    /a[bc]/u, // too light ("ab", "ac")
    /ignore/i, // case folding is not modelled
    /ignore/, // no u flag: code units, not code points
    /ignore/gu, // stateful
    /(ignore)\1/u, // back-reference
    /[^]/u,
  ]) {
    assert.equal(requirements(re), undefined, `${re.source}/${re.flags}`);
  }
});

const families = (name: string, patterns: RegExp[], gate?: RegExp): RuleFamily => ({ name, patterns, ...(gate === undefined ? {} : { gate }) });

test('RulePrefilter: skips only what cannot match, fails safe', () => {
  const a = /ignore (?:all|the) previous/u;
  const b = /reveal[^.]{0,20}prompt/u;
  const gate = /secret|password/u;
  const c = /password/u;
  const pf = new RulePrefilter([families('a', [a]), families('b', [b]), families('c', [c], gate)]);
  assert.equal(pf.size.filtered, 4);
  assert.equal(pf.mayMatch(a, 'please ignore the previous text'), true);
  assert.equal(pf.mayMatch(b, 'please ignore the previous text'), false);
  assert.equal(pf.mayMatch(gate, 'please ignore the previous text'), false);
  // Both requirements of `b` must be there.
  assert.equal(pf.mayMatch(b, 'reveal nothing'), false);
  assert.equal(pf.mayMatch(b, 'reveal the prompt'), true);
  // A superset: a text may pass the filter and still not match.
  assert.equal(pf.mayMatch(b, 'prompt. reveal'), true);
  // Unknown patterns always may match.
  assert.equal(pf.mayMatch(/xyz/u, 'abc'), true);
  // A lone surrogate (RE2 would read U+FFFD): everything runs.
  assert.equal(pf.mayMatch(b, 'reveal \ud800 nothing'), true);
  assert.equal(pf.mayMatch(b, 'reveal nothing'), false);
});

test('matchRules: the same hits with and without the prefilter on every probe text', () => {
  const texts = [...MULTILINGUAL_PROBE, ...TACTIC_PROBE, ...DOCUMENT_PROBE, ...ANSWER_PROBE, ...BENIGN_PROBE].map((p) => canonicalize(p.text).text);
  const groups: (readonly RuleFamily[])[] = [PROMPT_RULES, SEGMENT_RULES, [...OUTPUT_RULES, ...ANSWER_FAMILIES, ...ANSWER_HARM_TOPICS], HARM_TOPICS];
  let filtered = 0;
  for (const group of groups) {
    const pf = new RulePrefilter(group);
    filtered += pf.size.filtered;
    for (const t of texts) {
      for (const variant of [false, true]) {
        const plain = new Set<string>();
        const fast = new Set<string>();
        matchRules(t, group, plain, variant);
        matchRules(t, group, fast, variant, pf);
        assert.deepEqual([...fast], [...plain], t.slice(0, 80));
      }
      // Each pattern that matches passes the filter (the requirements are sound).
      for (const fam of group) {
        for (const re of fam.gate === undefined ? fam.patterns : [fam.gate, ...fam.patterns]) {
          if (re.test(t)) assert.equal(pf.mayMatch(re, t), true, `${fam.name} ${re.source.slice(0, 60)} on ${t.slice(0, 60)}`);
        }
      }
    }
  }
  assert.ok(filtered > 200);
});
