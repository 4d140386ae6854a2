import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapePlaceholders, findPlaceholders, HOLD_MAX, restorePlaceholders, StreamRestorer } from './placeholder.js';

/** Text rich in placeholder-like pieces: brackets, capitals, digits, underscores, tildes. */
const tricky = fc
  .array(fc.oneof(fc.constantFrom('<', '>', '~', '_', '1', '0', '9', 'A', 'EMAIL_ADDRESS', '<EMAIL_ADDRESS_1>', '<X_2~>', 'x', ' ', '\n', 'é', '\u{1F600}'), fc.string()), { maxLength: 40 })
  .map((parts) => parts.join(''));

const table = new Map([
  ['<EMAIL_ADDRESS_1>', 'a@b.example'],
  ['<X_2>', 'two'],
]);
const lookup = (name: string): string | undefined => table.get(name);

describe('placeholders', () => {
  it('finds the shape and nothing else', () => {
    assert.deepEqual(
      findPlaceholders('a <EMAIL_ADDRESS_1> <X_0> <x_1> <A_12~~> <<B_3>> <C_1 >').map((m) => [m.name, m.tildes]),
      [
        ['<EMAIL_ADDRESS_1>', 0],
        ['<A_12>', 2],
        ['<B_3>', 0],
      ],
    );
  });

  it('escape then restore is the identity on any text, whatever the table knows', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string()), (text) => {
        const escaped = escapePlaceholders(text);
        assert.equal(findPlaceholders(escaped).filter((m) => m.tildes === 0).length, 0);
        assert.equal(restorePlaceholders(escaped, lookup), text);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves an unknown placeholder as it is (a forged one unlocks nothing)', () => {
    assert.equal(restorePlaceholders('x <EMAIL_ADDRESS_2> <X_2>', lookup), 'x <EMAIL_ADDRESS_2> two');
  });

  it('streaming restore over any split equals restoring the whole text', () => {
    fc.assert(
      fc.property(tricky, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const r = new StreamRestorer(lookup);
        let out = '';
        let at = 0;
        for (const p of points) {
          out += r.push(text.slice(at, p), false);
          at = p;
        }
        out += r.push(text.slice(at), true);
        assert.equal(out, restorePlaceholders(text, lookup));
      }),
      { numRuns: 2000 },
    );
  });

  it('restores a placeholder cut in every possible place', () => {
    const text = 'mail <EMAIL_ADDRESS_1> now';
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        const r = new StreamRestorer(lookup);
        const out = r.push(text.slice(0, i), false) + r.push(text.slice(i, j), false) + r.push(text.slice(j), true);
        assert.equal(out, 'mail a@b.example now');
      }
    }
  });

  it('holds back at most HOLD_MAX characters', () => {
    const r = new StreamRestorer(lookup);
    const out = r.push(`<A_1${'~'.repeat(HOLD_MAX * 2)}`, false);
    assert.ok(out.length > HOLD_MAX);
    assert.equal(r.push('', true), '');
  });

  it('is linear on pathological input', () => {
    const text = '<'.repeat(200_000) + 'A_'.repeat(200_000);
    const t0 = process.hrtime.bigint();
    escapePlaceholders(text);
    restorePlaceholders(text, lookup);
    assert.ok(Number(process.hrtime.bigint() - t0) / 1e6 < 1000);
  });
});
