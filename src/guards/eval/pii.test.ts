import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codePointOffsetsToUtf16, metrics, scorePii, tokenize, type PiiRow } from './pii.js';

describe('scorePii', () => {
  const rows: PiiRow[] = [
    { id: 'a', text: '😀 Bob at bob@x.com', spans: [{ start: 2, end: 5, type: 'PERSON' }, { start: 9, end: 18, type: 'EMAIL_ADDRESS' }] },
    { id: 'b', text: 'nothing here', spans: [] },
  ];
  const report = scorePii(rows, (text) =>
    text.startsWith('😀')
      ? [
          { type: 'PERSON', start: 3, end: 9, score: 0.9 },
          { type: 'EMAIL_ADDRESS', start: 10, end: 19, score: 1 },
        ]
      : [{ type: 'PERSON', start: 0, end: 7, score: 0.5 }],
  );

  it('converts code-point gold offsets to UTF-16', () => {
    assert.equal(codePointOffsetsToUtf16('😀ab')(1), 2);
    assert.equal(report.perType['EMAIL_ADDRESS']?.exact.tp, 1);
  });
  it('counts exact, relaxed and negatives-row false positives', () => {
    assert.equal(report.exact.tp, 1);
    assert.equal(report.exact.fp, 2);
    assert.equal(report.relaxed.tp, 2);
    assert.equal(report.perType['PERSON']?.relaxed.fp, 1);
    assert.equal(report.typeAgnosticRelaxed.tp, 2);
  });
  it('computes F2', () => {
    const m = metrics(1, 1, 0);
    assert.equal(m.precision, 0.5);
    assert.ok(Math.abs(m.f2 - (5 * 0.5) / (4 * 0.5 + 1)) < 1e-12);
  });
});

describe('token-level scoring (presidio-research style)', () => {
  it('splits words and their leading/trailing punctuation, keeps inner punctuation', () => {
    const text = '(Call 905-674-3793, or mail a.b@x.com.)\nOK';
    const words = tokenize(text).map((s, k, all) => text.slice(s, all[k + 1] ?? text.length).trim());
    assert.deepEqual(words, ['(', 'Call', '905-674-3793', ',', 'or', 'mail', 'a.b@x.com', '.', ')', 'OK']);
  });
  it('tags a token by its first character and counts any-type and same-type matches', () => {
    // Gold: "Anna Berg" PERSON, "Main Street 5" STREET_ADDRESS. Predicted: "Berg" PERSON,
    // "Main Street" LOCATION (wrong type), "today" DATE_TIME (not gold).
    const text = 'Anna Berg lives at Main Street 5 today';
    const rows: PiiRow[] = [{ id: 't', text, spans: [{ start: 0, end: 9, type: 'PERSON' }, { start: 19, end: 32, type: 'STREET_ADDRESS' }] }];
    const r = scorePii(rows, () => [
      { type: 'PERSON', start: 5, end: 9, score: 1 },
      { type: 'LOCATION', start: 19, end: 30, score: 1 },
      { type: 'DATE_TIME', start: 33, end: 38, score: 1 },
    ]);
    assert.equal(r.tokens, 8);
    // Any type: Berg, Main, Street found; Anna, 5 missed; today false.
    assert.deepEqual([r.token.tp, r.token.fp, r.token.fn], [3, 1, 2]);
    // Same type: only Berg; Main and Street count as a false positive and a miss each.
    assert.deepEqual([r.tokenTyped.tp, r.tokenTyped.fp, r.tokenTyped.fn], [1, 3, 4]);
  });
  it('counts every token predicted on a row without gold spans as a false positive', () => {
    const r = scorePii([{ id: 'n', text: 'Paris, France', spans: [] }], () => [{ type: 'LOCATION', start: 0, end: 13, score: 1 }]);
    assert.deepEqual([r.token.tp, r.token.fp, r.token.fn], [0, 3, 0]);
  });
});
