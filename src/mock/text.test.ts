import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { padTo, splitEven, truncate, truncateWords, wordCount } from './text.js';

describe('wordCount', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['one', 1],
    ['  two\twords\n', 2],
    ['a b  c\r\nd', 4],
  ];
  for (const [text, expected] of cases) {
    it(`counts ${JSON.stringify(text)} as ${expected}`, () => assert.equal(wordCount(text), expected));
  }
});

describe('truncate', () => {
  it('keeps short text and cuts long text', () => {
    assert.equal(truncate('abc', 5), 'abc');
    assert.equal(truncate('abcdef', 3), 'abc');
  });
  it('never leaves half a surrogate pair', () => {
    assert.equal(truncate('ab😀', 3), 'ab');
  });
});

describe('truncateWords', () => {
  it('returns undefined when the text fits', () => assert.equal(truncateWords('a b c', 3), undefined));
  it('keeps the first words', () => assert.equal(truncateWords('a  b c d', 2), 'a  b'));
});

describe('padTo', () => {
  it('pads short text to at least the length', () => {
    const padded = padTo('hi', 20);
    assert.ok(padded.length >= 20);
    assert.ok(padded.startsWith('hi mock'));
  });
  it('leaves long text alone', () => assert.equal(padTo('hello', 3), 'hello'));
});

describe('splitEven', () => {
  it('splits into the requested number of contiguous pieces', () => {
    const parts = splitEven('abcdefghij', 4);
    assert.equal(parts.length, 4);
    assert.equal(parts.join(''), 'abcdefghij');
    assert.ok(parts.every((p) => p.length >= 2 && p.length <= 3));
  });
  it('returns fewer pieces for short text', () => assert.deepEqual(splitEven('ab', 5), ['a', 'b']));
  it('does not split surrogate pairs', () => {
    const text = '😀😀😀😀';
    const parts = splitEven(text, 8);
    assert.equal(parts.join(''), text);
    for (const part of parts) assert.equal(part, '😀');
  });
});
