import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { timeOrderedId } from './request-id.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('is a UUID version 7 whose first 48 bits are the millisecond timestamp (RFC 9562 §5.7)', () => {
    const id = timeOrderedId(0x0190_1234_5678);
    assert.match(id, V7);
    assert.equal(id.slice(0, 13), '01901234-5678');
    assert.equal(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16), 0x0190_1234_5678);
  });
  it('sorts by time across milliseconds and stays unique within one', () => {
    const ids = [timeOrderedId(1_700_000_000_000), timeOrderedId(1_700_000_000_001), timeOrderedId(1_800_000_000_000)];
    assert.deepEqual([...ids].sort(), ids);
    const same = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(1_700_000_000_000)));
    assert.equal(same.size, 10_000);
  });
  it('clamps times outside the 48-bit range instead of writing a malformed id', () => {
    assert.match(timeOrderedId(-5), V7);
    assert.equal(timeOrderedId(-5).slice(0, 13), '00000000-0000');
    assert.equal(timeOrderedId(2 ** 60).slice(0, 13), 'ffffffff-ffff');
    assert.match(timeOrderedId(Date.now()), V7);
  });
  it('draws every random digit afresh: each random position takes all its values, the variant digit its four', () => {
    const seen: Set<string>[] = Array.from({ length: 36 }, () => new Set<string>());
    for (let i = 0; i < 5_000; i++) {
      const id = timeOrderedId(1_700_000_000_000);
      for (let c = 0; c < 36; c++) (seen[c] as Set<string>).add(id[c] as string);
    }
    const random = [15, 16, 17, 20, 21, 22, ...Array.from({ length: 12 }, (_, i) => 24 + i)];
    for (const c of random) assert.equal(seen[c]?.size, 16, `position ${c}`);
    assert.deepEqual([...(seen[19] as Set<string>)].sort(), ['8', '9', 'a', 'b']);
    for (const c of [8, 13, 18, 23]) assert.deepEqual([...(seen[c] as Set<string>)], ['-']);
    assert.deepEqual([...(seen[14] as Set<string>)], ['7']);
  });
});
