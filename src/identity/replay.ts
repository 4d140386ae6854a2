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

/**
 * In-process cache with expiry and a size bound; a full cache refuses rather than forgets.
 * Expired entries leave from the front of an insertion-ordered queue a few per call, so no
 * request pays for a scan of the whole cache; only a full cache scans everything once before
 * refusing (entries expire roughly in insertion order, not exactly: clients' clocks differ).
 */
export class MemoryReplayCache implements ReplayCache {
  private readonly seen = new Map<string, number>();
  private queue: { readonly key: string; readonly until: number }[] = [];
  private head = 0;

  constructor(private readonly maxEntries = 100_000) {
    if (!(maxEntries > 0)) throw new TypeError('maxEntries must be positive');
  }

  async firstUse(key: string, expiresAt: number, now: number): Promise<boolean> {
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.expireFront(now, 8);
    if (this.seen.size >= this.maxEntries) this.sweep(now);
    // Forgetting a live entry would let its proof be replayed, so a full cache refuses instead.
    if (this.seen.size >= this.maxEntries) return false;
    this.seen.set(key, expiresAt);
    this.queue.push({ key, until: expiresAt });
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Drops up to `budget` expired entries from the front of the queue. */
  private expireFront(now: number, budget: number): void {
    for (let i = 0; i < budget && this.head < this.queue.length; i++) {
      const entry = this.queue[this.head] as { key: string; until: number };
      if (entry.until > now) break;
      this.head++;
      // The key may have been used again since (a later, live entry): only its own expiry removes it.
      if (this.seen.get(entry.key) === entry.until) this.seen.delete(entry.key);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private sweep(now: number): void {
    for (const [key, until] of this.seen) if (until <= now) this.seen.delete(key);
    this.queue = this.queue.slice(this.head).filter((e) => this.seen.get(e.key) === e.until);
    this.head = 0;
  }
}
