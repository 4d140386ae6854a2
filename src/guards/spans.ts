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
