import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keepNonOverlapping } from './spans.js';

/** The definition: mark each kept span's positions; a span touching a marked one is dropped. */
function reference(spans: readonly { start: number; end: number }[], textLength: number): { start: number; end: number }[] {
  const taken = new Uint8Array(textLength);
  const kept = spans.filter((s) => {
    for (let i = s.start; i < s.end; i++) if (taken[i] === 1) return false;
    taken.fill(1, s.start, s.end);
    return true;
  });
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

describe('keepNonOverlapping', () => {
  it('keeps what the position-marking definition keeps, for few and for many spans', () => {
    // Detectors give spans inside the text: 0 <= start <= end <= length.
    const textLength = 40;
    const span = fc.record({ start: fc.integer({ min: 0, max: textLength }), len: fc.integer({ min: 0, max: 12 }) }).map(({ start, len }) => ({ start, end: Math.min(textLength, start + len) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 60 }), (spans) => {
        assert.deepEqual(keepNonOverlapping(spans, textLength), reference(spans, textLength));
      }),
      { numRuns: 3000 },
    );
  });
});
