import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { sha256Of, Sha256Stream } from './completion.js';

const reference = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

test('sha256Of digests the bytes: a buffer as it is, a string as its UTF-8', () => {
  assert.equal(sha256Of(new Uint8Array([0xff, 0x00])), reference(new Uint8Array([0xff, 0x00])));
  assert.equal(sha256Of('é\u2028"'), reference(Buffer.from('é\u2028"', 'utf8')));
  assert.equal(sha256Of(''), reference(''));
});

test('Sha256Stream digests its pieces as one, in order, whatever their sizes', () => {
  const cases: [string, string[]][] = [
    ['nothing', []],
    ['one empty piece', ['']],
    ['small pieces', ['data: {"a":1}\n\n', 'data: [DONE]\n\n']],
    ['across the batch size', Array.from({ length: 300 }, (_, i) => `data: {"i":${i},"t":"${'x'.repeat(i % 97)}é"}\n\n`)],
    ['one piece larger than a batch, then more', ['y'.repeat(40_000), 'z', '\u{1F600}'.repeat(9_000), 'end']],
  ];
  for (const [name, pieces] of cases) {
    const stream = new Sha256Stream();
    for (const p of pieces) stream.add(p);
    assert.equal(stream.digest(), reference(Buffer.from(pieces.join(''), 'utf8')), name);
  }
  // Half a surrogate pair at a piece's end: each piece is encoded on its own, as res.write does.
  const split = ['a\uD83D', '\uDE00b'];
  const halves = new Sha256Stream();
  for (const p of split) halves.add(p);
  assert.equal(halves.digest(), reference(Buffer.concat(split.map((p) => Buffer.from(p, 'utf8')))));
  // Order counts.
  const ab = new Sha256Stream();
  ab.add('a');
  ab.add('b');
  const ba = new Sha256Stream();
  ba.add('b');
  ba.add('a');
  assert.notEqual(ab.digest(), ba.digest());
});
