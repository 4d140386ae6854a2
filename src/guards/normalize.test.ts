import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeForDetection } from './normalize.js';

describe('normalizeForDetection', () => {
  const cases: { name: string; input: string; text: string }[] = [
    { name: 'ASCII is unchanged', input: 'plain ascii 123', text: 'plain ascii 123' },
    { name: 'zero-width characters removed', input: 'jo\u200Bhn@ex\u200Dample.com', text: 'john@example.com' },
    { name: 'bidi controls removed', input: 'a\u202Eb\u2066c\u2069', text: 'abc' },
    { name: 'full-width digits to ASCII', input: '４１１１', text: '4111' },
    { name: 'ligature expands', input: 'ﬁle', text: 'file' },
    { name: 'combining sequence composes', input: 'e\u0301t\u00E9', text: '\u00E9t\u00E9' },
    { name: 'unicode dashes folded', input: '123\u2013456\u2212789', text: '123-456-789' },
    { name: 'spaced digits kept', input: '4 1 1 1', text: '4 1 1 1' },
    { name: 'astral characters kept', input: 'a😀b', text: 'a😀b' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(normalizeForDetection(c.input).text, c.text);
    });
  }

  it('maps ranges back to the original text', () => {
    const input = 'x ｊｏ\u200Bｈｎ@ｅｘ.com y';
    const n = normalizeForDetection(input);
    const s = n.text.indexOf('john@ex.com');
    assert.ok(s >= 0);
    const [os, oe] = n.toOriginal(s, s + 'john@ex.com'.length);
    assert.equal(input.slice(os, oe), 'ｊｏ\u200Bｈｎ@ｅｘ.com');
  });

  it('maps an expanded ligature to its single source character', () => {
    const n = normalizeForDetection('aﬁb');
    assert.deepEqual(n.toOriginal(1, 2), [1, 2]);
    assert.deepEqual(n.toOriginal(1, 3), [1, 2]);
  });

  it('clamps out-of-range offsets', () => {
    const n = normalizeForDetection('é');
    assert.deepEqual(n.toOriginal(5, 9), [1, 1]);
  });

  it('is linear on long mark runs and lone surrogates', () => {
    const input = `a${'\u0301'.repeat(200_000)}\uD800b`;
    const t0 = performance.now();
    const n = normalizeForDetection(input);
    assert.ok(performance.now() - t0 < 2000);
    assert.ok(n.text.endsWith('\uD800b'));
  });
});
