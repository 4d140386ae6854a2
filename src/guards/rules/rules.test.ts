import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConfigText } from '../../config/load.js';
import { compileRule, createRuleSet, RuleCompileError, type RuleSpec } from './compile.js';
import { mergeActed, ruleFindings } from './acted.js';
import { ruleSchema } from './schema.js';

const spec = (over: Partial<RuleSpec>): RuleSpec => ({ name: 'r', direction: 'both', action: 'block', caseInsensitive: true, wordBoundary: true, ...over });
const spans = (rules: RuleSpec[], text: string): string[] => (createRuleSet(rules.map((r) => compileRule(r)))?.match(text) ?? []).map((m) => `${m.rule.name}:${text.slice(m.start, m.end)}@${m.start}`);

describe('content rules: matching', () => {
  it('finds keywords as whole words, case-insensitively, in any script', () => {
    const kw = spec({ keywords: ['falcon', 'café', 'cat', 'cats'] });
    assert.deepEqual(spans([kw], 'Project FALCON, a Café; cats and a cat. falconry, scatter, cafés'), [
      'r:FALCON@8',
      'r:Café@18',
      'r:cats@24',
      'r:cat@35',
    ]);
  });

  it('without word boundaries, matches inside words', () => {
    assert.deepEqual(spans([spec({ keywords: ['cat'], wordBoundary: false })], 'scatter cat'), ['r:cat@1', 'r:cat@8']);
  });

  it('case-sensitive when asked', () => {
    assert.deepEqual(spans([spec({ keywords: ['Falcon'], caseInsensitive: false })], 'falcon Falcon'), ['r:Falcon@7']);
  });

  it('adjacent matches separated by one character are all found', () => {
    assert.deepEqual(spans([spec({ keywords: ['a b', 'x'] })], 'x a  b x'), ['r:x@0', 'r:a  b@2', 'r:x@7']);
  });

  it('keywords are literals: metacharacters do not act', () => {
    assert.deepEqual(spans([spec({ keywords: ['a.b', 'c++'], wordBoundary: false })], 'axb a.b c++ cc'), ['r:a.b@4', 'r:c++@8']);
  });

  it('patterns are RE2 expressions; several rules run through one RE2.Set', () => {
    const rules = [spec({ name: 'ssn-like', pattern: '\\d{3}-\\d{2}-\\d{4}' }), spec({ name: 'codename', pattern: 'project\\s+falcon' }), spec({ name: 'never', keywords: ['zzz'] })];
    assert.deepEqual(spans(rules, 'about Project  Falcon and 123-45-6789.'), ['codename:Project  Falcon@6', 'ssn-like:123-45-6789@26']);
  });

  it('finds a keyword hidden inside a longer candidate that failed its leading boundary', () => {
    assert.deepEqual(spans([spec({ keywords: ['cat dog', 'dog'] })], 'xcat dog'), ['r:dog@5']);
    assert.deepEqual(spans([spec({ keywords: ['foo bar', 'foo'] })], 'foo barn'), ['r:foo@0']);
    assert.deepEqual(spans([spec({ keywords: ['c++'] })], 'c++'), ['r:c++@0']);
    assert.deepEqual(spans([spec({ keywords: ['ok'] })], 'ok😀ok ok'), ['r:ok@0', 'r:ok@4', 'r:ok@7']);
  });

  it('property: every match is a whole-word occurrence, and every occurrence is covered by a match', () => {
    const keywords = ['ab', 'abc', 'b c', 'ca', 'bca'];
    const rule = compileRule(spec({ keywords }));
    const set = createRuleSet([rule]);
    const word = /[A-Za-z0-9_]/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'A', ' ', '-', 'x', 'ab', 'bc '), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const lower = text.toLowerCase();
        const whole = (s: number, e: number) => (s === 0 || !word.test(text[s - 1] ?? '')) && (e === text.length || !word.test(text[e] ?? ''));
        const found = set?.match(text) ?? [];
        for (const m of found) {
          assert.ok(whole(m.start, m.end), `not a whole word: ${JSON.stringify(text)} ${m.start}-${m.end}`);
          assert.ok(keywords.some((k) => new RegExp(`^${k.replace(' ', '\\s+')}$`).test(lower.slice(m.start, m.end))), `not a keyword: ${JSON.stringify(text)}`);
        }
        for (const k of keywords) {
          const re = new RegExp(k.replace(' ', '\\s+'), 'g');
          for (const occ of lower.matchAll(re)) {
            const s = occ.index;
            const e = s + occ[0].length;
            if (!whole(s, e)) continue;
            assert.ok(found.some((m) => m.start < e && s < m.end), `missed ${k} at ${s} in ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('stays linear on input built to make a backtracking engine explode', () => {
    const rule = compileRule(spec({ pattern: '(a+)+$', wordBoundary: false }));
    const text = `${'a'.repeat(50_000)}!`;
    const started = performance.now();
    createRuleSet([rule])?.match(text);
    assert.ok(performance.now() - started < 1000);
  });

  it('bounded time and output on a 1 MB prompt full of matches and near misses', () => {
    const set = createRuleSet([compileRule(spec({ name: 'a', keywords: ['cat dog', 'dog'] })), compileRule(spec({ name: 'b', keywords: ['x'], wordBoundary: false }))]);
    const text = 'xcat dog '.repeat(120_000);
    const started = performance.now();
    const found = set?.match(text) ?? [];
    assert.ok(performance.now() - started < 3000, `${performance.now() - started} ms`);
    // At most 1000 matches per rule and text are reported: enough to block or mask, never unbounded.
    assert.ok(found.filter((m) => m.rule.name === 'b').length === 1000);
    assert.ok(found.filter((m) => m.rule.name === 'a').length > 0);
  });

  it('rejects invalid expressions, look-arounds, back-references and empty matches at compile time', () => {
    for (const pattern of ['(a', '(?=x)a', '(a)\\1', 'a*']) assert.throws(() => compileRule(spec({ pattern })), RuleCompileError, pattern);
  });

  it('computes the stream hold from the longest keyword, not for log-only sets', () => {
    assert.equal(createRuleSet([compileRule(spec({ keywords: ['ab', 'project falcon'] }))])?.hold, 15);
    assert.equal(createRuleSet([compileRule(spec({ keywords: ['project falcon'], action: 'log-only' }))])?.hold, 0);
    assert.equal(createRuleSet([compileRule(spec({ pattern: 'x y' }))])?.hold, 0);
    assert.equal(createRuleSet([]), undefined);
  });
});

describe('content rules: acted findings', () => {
  it('merges with PII findings into a sorted, non-overlapping list, the stricter action winning', () => {
    const set = createRuleSet([compileRule(spec({ name: 'c', keywords: ['anna'], action: 'log-only' })), compileRule(spec({ name: 'd', keywords: ['example'], action: 'block' }))]);
    assert.ok(set);
    const text = 'mail anna@example.org';
    const rules = ruleFindings(set, text);
    const pii = [{ action: 'mask' as const, finding: { type: 'EMAIL_ADDRESS', start: 5, end: 21, score: 1 } }];
    const merged = mergeActed(pii, rules);
    assert.equal(merged.length, 1);
    assert.equal(merged[0]?.action, 'block');
    assert.deepEqual([merged[0]?.finding.start, merged[0]?.finding.end], [5, 21]);
  });
});

describe('content rules: config', () => {
  it('needs exactly one of pattern and keywords', () => {
    assert.equal(ruleSchema.safeParse({ name: 'x' }).success, false);
    assert.equal(ruleSchema.safeParse({ name: 'x', pattern: 'a', keywords: ['b'] }).success, false);
    assert.equal(ruleSchema.safeParse({ name: 'x', pattern: 'a' }).success, true);
  });

  it('reports an invalid pattern at load with its config path', () => {
    const loaded = parseConfigText(`
server: { port: 0 }
guards:
  rules:
    - { name: ok, keywords: [falcon] }
    - { name: bad, pattern: "(unclosed" }
routes:
  - model: m
    targets: [{ provider: openai, baseUrl: "http://127.0.0.1:1/v1", model: x }]
    guards:
      rules: [{ name: worse, pattern: "(?<=x)y" }, { name: ok2, keywords: [a] }, { name: ok2, keywords: [b] }]
`);
    assert.equal(loaded.ok, false);
    const issues = loaded.ok ? [] : loaded.issues.map((i) => `${i.path}: ${i.message}`);
    assert.ok(issues.some((i) => i.startsWith('guards.rules.1.pattern: not a valid RE2 expression')), issues.join('\n'));
    assert.ok(issues.some((i) => i.startsWith('routes.0.guards.rules.0.pattern: not a valid RE2 expression')), issues.join('\n'));
    assert.ok(issues.some((i) => i.startsWith('routes.0.guards.rules.2.name: duplicate rule name')), issues.join('\n'));
  });
});
