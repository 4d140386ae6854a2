/**
 * Streaming statistics with constant memory: exponentially decayed counters (a rate over a
 * half-life), exponentially weighted mean and variance (West 1979, the weighted form of Welford's
 * update), and a small least-recently-used map. Time is passed in, so tests drive a fixed clock.
 */

const LN2 = Math.LN2;

/**
 * A count that halves every `halfLifeMs`. In a steady stream of r events per ms its value tends
 * to r·h/ln 2, so `perHalfLife` reads as "events in the last half-life, roughly".
 */
export class DecayedCounter {
  private value = 0;
  private at = 0;

  constructor(private readonly halfLifeMs: number) {}

  add(now: number, amount = 1): number {
    this.decay(now);
    this.value += amount;
    return this.value;
  }

  read(now: number): number {
    this.decay(now);
    return this.value;
  }

  /** Events per millisecond. */
  rate(now: number): number {
    return (this.read(now) * LN2) / this.halfLifeMs;
  }

  private decay(now: number): void {
    if (now > this.at) {
      if (this.value > 0) this.value *= 2 ** (-(now - this.at) / this.halfLifeMs);
      this.at = now;
    }
  }
}

/** Exponentially weighted mean and variance of a value, weight `alpha` for the newest sample. */
export class EwStats {
  mean = 0;
  variance = 0;
  count = 0;

  constructor(private readonly alpha: number) {}

  /** Returns the z-score of `x` against the statistics before it was added (0 until there are two samples). */
  push(x: number): number {
    if (this.count === 0) {
      this.mean = x;
      this.count = 1;
      return 0;
    }
    const sd = Math.sqrt(this.variance);
    const z = sd > 0 ? (x - this.mean) / sd : 0;
    const diff = x - this.mean;
    const incr = this.alpha * diff;
    this.mean += incr;
    this.variance = (1 - this.alpha) * (this.variance + diff * incr);
    this.count++;
    return z;
  }
}

/** A Map that forgets its least recently used entry beyond `max` (Map keeps insertion order). */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.map.size;
  }

  /** The value, refreshed as most recently used; created with `make` when missing. */
  touch(key: K, make: () => V): V {
    const found = this.map.get(key);
    if (found !== undefined) {
      this.map.delete(key);
      this.map.set(key, found);
      return found;
    }
    const value = make();
    this.map.set(key, value);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    return value;
  }

  /** Sets (or replaces) a value as most recently used. */
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }

  /** The value without refreshing it. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }
}

/** Maps a non-negative evidence value onto [0, 1): 0 at `from`, 0.5 at `half`, towards 1 beyond. */
export function ramp(x: number, from: number, half: number): number {
  if (!(x > from)) return 0;
  const t = (x - from) / (half - from);
  return t / (1 + t);
}
