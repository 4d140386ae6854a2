import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import RE2 from 're2';
import { nextDigitRun } from './structured.js';

/** The expression the hand-written walk stands for, run by RE2 itself. */
const CARD = new RE2('\\d(?:[ \\-]?\\d){11,18}', 'g');

function viaRe2(text: string): [number, number][] {
  const out: [number, number][] = [];
  CARD.lastIndex = 0;
  for (let m = CARD.exec(text); m !== null; m = CARD.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function viaWalk(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let r = nextDigitRun(text, 0); r !== undefined; r = nextDigitRun(text, r[1])) out.push(r);
  return out;
}

describe('nextDigitRun', () => {
  it('finds the matches RE2 finds for the card expression', () => {
    // Mostly digits, so that runs near the 12- and 19-digit bounds are common.
    const chars = fc.oneof(
      { arbitrary: fc.constantFrom('0', '1', '7', '9'), weight: 12 },
      { arbitrary: fc.constantFrom(' ', '-', '  ', '--', 'a', '.', '\n', '٣', '５'), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(viaWalk(text), viaRe2(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts at 19 digits and resumes there', () => {
    const text = '1234567890123456789012345 x 4111-1111-1111-1111 y 1234 5678 901 z 1234 5678 9012';
    assert.deepEqual(viaWalk(text), viaRe2(text));
    assert.deepEqual(viaWalk(text)[0], [0, 19]);
    assert.equal(viaWalk(text).length, 3);
  });
});
