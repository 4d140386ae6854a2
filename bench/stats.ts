/**
 * Small statistics helpers shared by the load generator and the orchestrator. Kept dependency-free
 * so both processes agree on exactly how a percentile or a median is computed.
 */

/**
 * Nearest-rank percentile (the definition in NIST's Engineering Statistics Handbook, without
 * interpolation) of an ascending-sorted array. Returns `NaN` for an empty array so a missing
 * measurement can never masquerade as a fast one.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  const index = Math.min(sorted.length - 1, Math.max(0, rank - 1));
  return sorted[index] ?? Number.NaN;
}

/** Median of unsorted values (mean of the middle two for an even count); `NaN` when empty. */
export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = finite.length >> 1;
  if (finite.length % 2 === 1) return finite[mid] ?? Number.NaN;
  return ((finite[mid - 1] ?? Number.NaN) + (finite[mid] ?? Number.NaN)) / 2;
}

/** Rounds to `digits` decimals; the load generator reports milliseconds with 3. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** p50/p90/p99/max in milliseconds of a list of nanosecond durations. */
export interface Percentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
}

/** Summarises nanosecond samples as millisecond percentiles with 3 decimals. */
export function summariseNs(samplesNs: readonly bigint[]): Percentiles {
  const ms = Float64Array.from(samplesNs, (ns) => Number(ns) / 1e6).sort();
  return {
    p50: round(percentile(ms, 50)),
    p90: round(percentile(ms, 90)),
    p99: round(percentile(ms, 99)),
    max: round(ms.length > 0 ? (ms[ms.length - 1] ?? Number.NaN) : Number.NaN),
    count: ms.length,
  };
}

/**
 * Interleaved rounds over several builds in one process: each round measures every build once,
 * the order reversed every other round so that neither always runs first. Returns, per build, its
 * value of every round.
 */
export function interleavedRounds<T>(builds: number, rounds: number, measure: (build: number) => T): T[][] {
  const out: T[][] = Array.from({ length: builds }, () => []);
  for (let r = 0; r < rounds; r++) {
    const order = Array.from({ length: builds }, (_, k) => k);
    if (r % 2 === 1) order.reverse();
    for (const k of order) out[k]?.push(measure(k));
  }
  return out;
}
