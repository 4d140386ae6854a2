import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import RE2 from 're2';
import { EMAIL, DOMAIN, IPV6, PHONE, PHONE_ASCII, domainMatches, emailMatches, nextDigitRun, phoneDoubtful } from './structured.js';
import { allMatches, matches } from './candidate.js';
import { assertionFree } from '../pattern-set.js';
import { assertLinearTime } from '../../lib/testing.js';

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

describe('allMatches', () => {
  const viaExec = (re: RE2, text: string): [number, string][] => {
    const out: [number, string][] = [];
    for (const m of matches(re, text)) out.push([m.index, m[0]]);
    return out;
  };
  const viaMatch = (re: RE2, text: string, doubtful?: (v: string, i: number) => boolean): [number, string][] =>
    [...allMatches(re, text, doubtful)].map((m) => [m.index, m.value]);
  // Pieces that make the patterns match, fail and overlap: digit groups, "00" after letters,
  // separators, e-mail and domain parts, IPv6 groups, non-ASCII letters.
  const piece = fc.constantFrom(
    '0', '00', '1', '7', '42', ' ', '-', '.', '/', '(', ')', '+', 'x', 'ext', 'a', 'Ab', '_', '@', 'com', 'co', 'uk',
    ':', '::', 'fe', 'é', 'ü', '\n', '%', 'eth0', 'www.', 'mail', 'ß', '\ud800', '\ufffd', '😀',
  );
  const cases: [string, RE2, ((text: string) => (v: string, i: number) => boolean) | undefined][] = [
    ['e-mail', EMAIL, undefined],
    ['domain', DOMAIN, undefined],
    ['IPv6', IPV6, undefined],
    ['phone', PHONE, phoneDoubtful],
  ];
  for (const [name, re, doubtful] of cases) {
    it(`locates every ${name} match where the exec loop finds it`, () => {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
          const text = parts.join('');
          assert.deepEqual(viaMatch(re, text, doubtful?.(text)), viaExec(re, text));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('finds on the stretches around "@" every e-mail match the whole-text scan finds', () => {
    const ascii = fc.constantFrom('0', '1', 'a', 'Ab', 'x.y', '.', '..', '-', '_', '%', '+', '@', '@@', 'com', 'co', 'uk', ' ', ',', ';', '<', '>', '\n', '(', ')', 'mail', 'www.', '#', '!');
    fc.assert(
      fc.property(fc.array(ascii, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual([...emailMatches(text)].map((m) => [m.index, m.value]), viaExec(EMAIL, text));
      }),
      { numRuns: 3000 },
    );
    // Stretches longer than the JavaScript path takes go to RE2, with the same result.
    const long = `x ${'a.'.repeat(40)}b@${'c-'.repeat(100)}d.com y`;
    assert.deepEqual([...emailMatches(long)].map((m) => [m.index, m.value]), viaExec(EMAIL, long));
  });

  it('finds on the stretches around "." every domain match the whole-text scan finds', () => {
    const ascii = fc.oneof(
      fc.constantFrom('a', 'Ab', 'x-y', '-', '0', '9', '.', '..', 'com', 'co', 'uk', 'org', 'www.', 'b.org/', '/', '/p?q=1', ' ', '\t', '\v', '\vz', '\n', '<', '>', '"', "'", '`', ',', '@', '_', '(', ')'),
      fc.stringMatching(/^[a-z0-9-]{30,70}$/),
    );
    const via = (text: string): [number, string][] => [...domainMatches(text)].map((m) => [m.index, m.value]);
    fc.assert(
      fc.property(fc.array(ascii, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(via(text), viaExec(DOMAIN, text));
      }),
      { numRuns: 3000 },
    );
    const long = `x ${'ab.'.repeat(30)}com/${'p'.repeat(80)} y`;
    assert.deepEqual(via(long), viaExec(DOMAIN, long));
  });

  it('finds with the JavaScript phone expression what RE2 finds, on ASCII text', () => {
    // Words and separators, and long runs of digits and separators (where the {4,24} bound bites).
    const ascii = fc.oneof(
      fc.constantFrom('0', '00', '1', '7', '42', '555', ' ', '  ', '-', '.', '/', '(', ')', '+', 'x', 'X', 'ext', 'ext.', 'EXTENSION', 'extension', '#', 'a', 'Ab', '_', '\n', '\t', '\v', 'tel:'),
      fc.array(fc.constantFrom('0', '1', '7', '9', ' ', '-', '.', '(', ')', '/'), { maxLength: 40 }).map((p) => p.join('')),
    );
    const viaJs = (text: string): [number, string][] => {
      const out: [number, string][] = [];
      PHONE_ASCII.lastIndex = 0;
      for (let m = PHONE_ASCII.exec(text); m !== null; m = PHONE_ASCII.exec(text)) out.push([m.index, m[0]]);
      return out;
    };
    fc.assert(
      fc.property(fc.array(ascii, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(viaJs(text), viaExec(PHONE, text));
      }),
      { numRuns: 3000 },
    );
    // Linear: digit and separator runs that almost match, at every position.
    assertLinearTime((n) => '(0 0 0 0 0 0 0 0 0 0 0 0 0 -. '.repeat(Math.ceil(n / 30)), viaJs, 125_000, 'phone candidates');
  });

  it('falls back to exec for patterns with assertions', () => {
    const re = new RE2('\\b00\\d', 'g');
    assert.deepEqual(viaMatch(re, 'a001 001'), [[5, '001']]);
    assert.equal(assertionFree('[^$]x'), true);
    assert.equal(assertionFree('a$'), false);
    assert.equal(assertionFree('^a'), false);
    assert.equal(assertionFree('[\\]^]\\b'), false);
    assert.equal(assertionFree('\\\\b'), true);
  });
});
