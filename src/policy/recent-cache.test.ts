import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentCache } from './recent-cache.js';

describe('RecentCache', () => {
  it('holds at most its limit and keeps what was used recently', () => {
    const cache = new RecentCache<string, number>(10);
    cache.set('kept', 0);
    for (let i = 0; i < 1000; i++) {
      cache.set(`k${i}`, i);
      // Used every few insertions, so it is never older than half the limit.
      if (i % 4 === 0) assert.equal(cache.get('kept'), 0, `lost at ${i}`);
      assert.ok(cache.size <= 10, `size ${cache.size} at ${i}`);
    }
    assert.equal(cache.get('k999'), 999);
    assert.equal(cache.get('k0'), undefined, 'an entry unused for many insertions is gone');
  });
});
