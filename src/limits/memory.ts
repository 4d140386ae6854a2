/**
 * The in-process counter backend, used when no `state.redis` is configured. Same semantics as the
 * Redis scripts (redis.ts), checked by the same suite (backend-suite.ts). Expired counters and
 * leases are dropped lazily and by a periodic sweep, so memory stays bounded by live traffic.
 */
import type { AcquireResult, Adjustment, CounterBackend, LimitOp, Reading, SlotRelease } from './types.js';

interface Counter {
  value: number;
  expiresAt: number;
}

const SWEEP_MS = 30_000;

export interface MemoryBackendOptions {
  /** Clock for expiry; the same clock callers pass as `now`. */
  readonly now?: () => number;
}

export class MemoryBackend implements CounterBackend {
  readonly kind = 'memory';
  private readonly counters = new Map<string, Counter>();
  /** key → (lease id → expiry). */
  private readonly slots = new Map<string, Map<string, number>>();
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: MemoryBackendOptions = {}) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(this.now()), SWEEP_MS);
    this.sweeper.unref();
  }

  acquire(ops: readonly LimitOp[], now: number): Promise<AcquireResult> {
    const readings: Reading[] = [];
    let failed = -1;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i] as LimitOp;
      let fits: boolean;
      switch (op.kind) {
        case 'window': {
          const curr = this.read(op.curr, now);
          const prev = this.read(op.prev, now);
          readings.push([curr, prev]);
          fits = op.cost <= 0 || (prev * (op.windowMs - op.elapsedMs)) / op.windowMs + curr + op.cost <= op.limit;
          break;
        }
        case 'slots': {
          const alive = this.liveSlots(op.key, now);
          readings.push([alive?.size ?? 0, 0]);
          fits = (alive?.size ?? 0) + 1 <= op.limit;
          break;
        }
        case 'fixed': {
          const used = this.read(op.key, now);
          readings.push([used, 0]);
          fits = op.cost <= 0 || used + op.cost <= op.limit;
          break;
        }
      }
      if (!fits && failed === -1) failed = i;
    }
    if (failed !== -1) return Promise.resolve({ ok: false, failed, readings });
    for (const op of ops) {
      switch (op.kind) {
        case 'window':
          if (op.cost > 0) this.add(op.curr, op.cost, op.windowMs * 2, now);
          break;
        case 'fixed':
          if (op.cost > 0) this.add(op.key, op.cost, op.ttlMs, now);
          break;
        case 'slots': {
          let leases = this.slots.get(op.key);
          if (!leases) this.slots.set(op.key, (leases = new Map<string, number>()));
          leases.set(op.member, now + op.ttlMs);
          break;
        }
      }
    }
    return Promise.resolve({ ok: true, failed: -1, readings });
  }

  settle(adjustments: readonly Adjustment[], releases: readonly SlotRelease[], now: number): Promise<void> {
    for (const a of adjustments) {
      const c = this.counters.get(a.key);
      if (!c || c.expiresAt <= now) {
        // A refund on an expired counter has nothing left to refund.
        if (a.delta > 0) this.counters.set(a.key, { value: a.delta, expiresAt: now + a.ttlMs });
        continue;
      }
      c.value = Math.max(0, c.value + a.delta);
    }
    for (const r of releases) {
      const leases = this.slots.get(r.key);
      if (!leases) continue;
      leases.delete(r.member);
      if (leases.size === 0) this.slots.delete(r.key);
    }
    return Promise.resolve();
  }

  renew(slots: readonly SlotRelease[], ttlMs: number, now: number): Promise<void> {
    for (const s of slots) {
      const leases = this.slots.get(s.key);
      const expiresAt = leases?.get(s.member);
      if (leases && expiresAt !== undefined && expiresAt > now) leases.set(s.member, now + ttlMs);
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    clearInterval(this.sweeper);
    this.counters.clear();
    this.slots.clear();
    return Promise.resolve();
  }

  private read(key: string, now: number): number {
    const c = this.counters.get(key);
    if (!c) return 0;
    if (c.expiresAt <= now) {
      this.counters.delete(key);
      return 0;
    }
    return c.value;
  }

  private add(key: string, cost: number, ttlMs: number, now: number): void {
    const c = this.counters.get(key);
    if (c && c.expiresAt > now) c.value += cost;
    else this.counters.set(key, { value: cost, expiresAt: now + ttlMs });
  }

  private liveSlots(key: string, now: number): Map<string, number> | undefined {
    const leases = this.slots.get(key);
    if (!leases) return undefined;
    for (const [member, expiresAt] of leases) if (expiresAt <= now) leases.delete(member);
    return leases;
  }

  private sweep(now: number): void {
    for (const [key, c] of this.counters) if (c.expiresAt <= now) this.counters.delete(key);
    for (const [key] of this.slots) if (this.liveSlots(key, now)?.size === 0) this.slots.delete(key);
  }
}
