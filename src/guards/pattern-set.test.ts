import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import RE2 from 're2';
import { PatternSet } from './pattern-set.js';

describe('PatternSet prefilter', () => {
  const set = new PatternSet();
  const patterns = [
    set.add('\\d{3}-\\d{2}-\\d{4}', 'g'),
    set.add('(?i)\\bzip(?:[ ]?code)?\\b', 'g'),
    set.add('mr\\.? [A-Z]', 'gi'),
    set.add('[\\p{L}]{3}\\d', 'gu'),
  ];
  const texts = [
    '',
    'call 123-45-6789 now',
    'ZIP code 90210',
    'zipcode',
    'unzip it',
    'MR. Smith and mr x',
    'Mr. smith',
    'Müh1 and éé2',
    'ab1',
    '123-45-678',
  ];

  it('says a pattern may match exactly when the pattern finds a match', () => {
    for (const t of texts) {
      for (const re of patterns) {
        re.lastIndex = 0;
        assert.equal(set.mayMatch(re, t), re.test(t), `${re.source} on ${JSON.stringify(t)}`);
      }
    }
  });

  it('answers from the pass it made for the same text, and rescans a new one', () => {
    const [ssn] = patterns as [RE2];
    assert.equal(set.mayMatch(ssn, 'x 111-22-3333'), true);
    assert.equal(set.mayMatch(ssn, 'x 111-22-333'), false);
    assert.equal(set.mayMatch(ssn, 'x 111-22-3333'), true);
  });

  it('lets a pattern it does not hold through', () => {
    assert.equal(set.mayMatch(new RE2('nothing', 'g'), 'abc'), true);
  });

  it('rejects flags the Set cannot share', () => {
    assert.throws(() => set.add('a', 'gm'));
    assert.throws(() => set.add('a', 'i'));
  });
});
