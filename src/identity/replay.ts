/**
 * Replay cache for one-time values (DPoP proof `jti`, RFC 9449 §11.1). Behind an interface so a
 * shared backend (Redis `SET NX PX`) can replace the in-process one when several gateway
 * instances must refuse the same replay.
 */

export interface ReplayCache {
  /**
   * Records `key` until `expiresAt` (epoch ms). Returns true when the key was new, false when it
   * was seen before (a replay) or the cache cannot take it (full: fail closed).
   */
  firstUse(key: string, expiresAt: number, now: number): Promise<boolean>;
}

/** In-process cache with expiry and a size bound; a full cache refuses rather than forgets. */
export class MemoryReplayCache implements ReplayCache {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly maxEntries = 100_000) {
    if (!(maxEntries > 0)) throw new TypeError('maxEntries must be positive');
  }

  async firstUse(key: string, expiresAt: number, now: number): Promise<boolean> {
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    if (this.seen.size >= this.maxEntries || now - this.lastSweep > 10_000) this.sweep(now);
    // Forgetting a live entry would let its proof be replayed, so a full cache refuses instead.
    if (this.seen.size >= this.maxEntries) return false;
    this.seen.set(key, expiresAt);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, until] of this.seen) if (until <= now) this.seen.delete(key);
  }
}
