/**
 * Counter backends: one interface, two implementations (memory.ts in process, redis.ts shared and
 * atomic across instances). A backend knows nothing of rules: it gets a list of operations, checks
 * all of them and applies all of them only when every one fits (all or nothing), in one step.
 * Keys are fully computed by the caller (plan.ts), so both backends store exactly the same keys.
 */

/**
 * A sliding window approximated by two fixed windows: the previous window's count weighted by how
 * much of it still overlaps the sliding window, plus the current window's count
 * (`prev × (windowMs − elapsedMs) / windowMs + curr`). Holds `cost` more when that stays ≤ limit.
 */
export interface WindowOp {
  readonly kind: 'window';
  /** Counter of the current fixed window, and of the one before it. */
  readonly curr: string;
  readonly prev: string;
  readonly windowMs: number;
  /** Milliseconds since the current fixed window began. */
  readonly elapsedMs: number;
  readonly limit: number;
  readonly cost: number;
}

/** A concurrency slot: a lease (member) that expires on its own after `ttlMs` unless released. */
export interface SlotOp {
  readonly kind: 'slots';
  readonly key: string;
  readonly limit: number;
  readonly ttlMs: number;
  readonly member: string;
}

/** A fixed calendar period (a spend day or month): `cost` more while used + cost ≤ limit. */
export interface FixedOp {
  readonly kind: 'fixed';
  readonly key: string;
  readonly limit: number;
  readonly cost: number;
  /** The counter expires after this (end of its period plus a margin). */
  readonly ttlMs: number;
}

export type LimitOp = WindowOp | SlotOp | FixedOp;

/**
 * What the backend saw for each op before applying it: window → [curr, prev]; slots → [leases
 * alive, 0]; fixed → [used, 0]. Enough to work out remaining, reset and Retry-After (plan.ts).
 */
export type Reading = readonly [number, number];

export interface AcquireResult {
  readonly ok: boolean;
  /** Index of the first op that did not fit; -1 when ok. */
  readonly failed: number;
  readonly readings: readonly Reading[];
}

/** A correction to a counter charged earlier (usage known after the call); may be negative. */
export interface Adjustment {
  readonly key: string;
  readonly delta: number;
  readonly ttlMs: number;
}

export interface SlotRelease {
  readonly key: string;
  readonly member: string;
}

export interface CounterBackend {
  /** `memory` or `redis`, for logs and decisions. */
  readonly kind: 'memory' | 'redis';
  /** Checks every op and applies them all only when all fit. `now` is epoch milliseconds. */
  acquire(ops: readonly LimitOp[], now: number): Promise<AcquireResult>;
  /** Applies corrections and releases slots. `now` is epoch milliseconds. */
  settle(adjustments: readonly Adjustment[], releases: readonly SlotRelease[], now: number): Promise<void>;
  /** Extends leases that still exist to `now + ttlMs` (long streams); released ones stay released. */
  renew(slots: readonly SlotRelease[], ttlMs: number, now: number): Promise<void>;
  close(): Promise<void>;
}
