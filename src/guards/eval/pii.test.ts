import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codePointOffsetsToUtf16, metrics, scorePii, type PiiRow } from './pii.js';

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
