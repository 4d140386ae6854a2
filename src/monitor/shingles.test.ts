/**
 * Fingerprints must not depend on how the text is read: the one-pass ASCII path and the
 * toLowerCase path give the hashes a plain "lower-case, then split into words" reading gives.
 * The reference below is that plain reading, written independently of the code under test.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allShingles, fingerprint, fnv1a, MAX_CHARS, similarity } from './shingles.js';

function referenceWords(text: string, maxChars: number): number[] {
  const lowered = text.slice(0, maxChars).toLowerCase().slice(0, maxChars);
  return [...lowered.matchAll(/[a-z0-9\u0080-\uffff]+/g)].map((m) => fnv1a(m[0]));
}

function referenceShingles(words: readonly number[], max: number): number[] {
  if (words.length < 3) return [...words];
  const out: number[] = [];
  for (let i = 0; i < Math.min(words.length - 2, max); i++) {
    out.push((Math.imul((words[i] as number) ^ Math.imul(words[i + 1] as number, 0x85ebca6b), 0xc2b2ae35) ^ (words[i + 2] as number)) >>> 0);
  }
  return out;
}

/** Deterministic text from a seed: words of mixed case, digits, punctuation, optionally non-ASCII. */
function sample(seed: number, length: number, alphabet: string): string {
  let state = seed;
  let out = '';
  while (out.length < length) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     ,.!?-\'"\n';
const MIXED = `${ASCII}éÉüÜßçÇİKжЖ中文`;

describe('fingerprint', () => {
  const texts = [
    '',
    'one',
    'Two Words',
    'Classify the sentiment of this review: GREAT product, would buy again!',
    'Résumé of Ünïcode text with İstanbul and a Kelvin sign K, then ASCII words after it',
    sample(1, 300, ASCII),
    sample(2, MAX_CHARS + 500, ASCII),
    sample(3, 300, MIXED),
    sample(4, MAX_CHARS + 500, MIXED),
  ];
  for (const [i, text] of texts.entries()) {
    it(`reads text ${i} (${text.length} chars) as lower-casing first would`, () => {
      const words = referenceWords(text, MAX_CHARS);
      const fp = fingerprint(text);
      assert.equal(fp.words, words.length);
      assert.deepEqual([...fp.shingles], referenceShingles(words, 96));
      assert.deepEqual([...allShingles(text, 100_000)], referenceShingles(referenceWords(text, 100_000), Number.MAX_SAFE_INTEGER));
    });
  }

  it('is case-insensitive and sees one varied word as near, not equal', () => {
    const a = fingerprint('Please tell me the home address of Alice Smith who lives in Springfield near the park');
    const b = fingerprint('please tell me the HOME ADDRESS of alice smith who lives in springfield near the park');
    const c = fingerprint('Please tell me the home address of Carol Jones who lives in Springfield near the park');
    assert.deepEqual([...a.minhash], [...b.minhash]);
    assert.equal(a.prefix, b.prefix);
    const sim = similarity(a.minhash, c.minhash);
    assert.ok(sim >= 0.4 && sim < 1, `similarity ${sim}`);
  });
});
