/**
 * A bounded cache of recently used entries, in two generations: new entries go into the young
 * map; when it is full it becomes the old one and the previous old one is dropped whole; a hit in
 * the old map moves the entry back to the young one. So whatever was used within the last
 * `limit / 2` insertions is kept, at most `limit` entries are held, and every operation is O(1).
 *
 * Why not one Map kept in least-recently-used order (delete and re-insert on a hit, delete
 * `keys().next()` to evict): V8's ordered hash table leaves a hole per deleted entry and compacts
 * only when it rehashes, and the iterator must skip the holes from the front, so evicting the
 * oldest entry of a 10,000-entry map took about 5% of a decision when every call missed
 * (profile of `node dist/bench/policy.js --case "all misses"`), and the rehashes showed in the tail.
 */
export class RecentCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  /** `limit` ≥ 2 entries held at most. */
  constructor(limit: number) {
    this.generation = Math.max(1, Math.floor(limit / 2));
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const older = this.old.get(key);
    if (older !== undefined) this.set(key, older);
    return older;
  }

  set(key: K, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
