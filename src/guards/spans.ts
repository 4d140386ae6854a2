/** Span helpers shared by the detectors. */

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Keeps spans in the given order of preference, dropping any that overlaps one already kept;
 * returns the kept ones sorted by position. Linear in the text length per detector pass, since
 * occupancy is a byte per code unit.
 */
export function keepNonOverlapping<T extends Span>(preferred: readonly T[], textLength: number): T[] {
  // Few spans (the common case): compare with the kept ones rather than mark a text-sized array.
  // Both ways a span (inside the text) is taken unless it shares a position with a kept one.
  if (preferred.length <= 32) {
    const kept: T[] = [];
    for (const span of preferred) {
      const from = Math.max(span.start, 0);
      const to = Math.min(span.end, textLength);
      if (!kept.some((k) => Math.max(from, k.start) < Math.min(to, k.end))) kept.push(span);
    }
    return kept.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  const taken = new Uint8Array(textLength);
  const kept: T[] = [];
  for (const span of preferred) {
    let free = true;
    for (let i = span.start; i < span.end; i++) {
      if (taken[i] === 1) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, span.start, span.end);
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
