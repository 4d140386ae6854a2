/**
 * One behavioural suite for every counter backend (memory.test.ts, redis.test.ts): the same
 * operations must give the same answers, so an instance without Redis enforces exactly what a
 * fleet with Redis does. Every test uses its own key prefix and an explicit clock.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { CounterBackend, FixedOp, SlotOp, WindowOp } from './types.js';

export interface BackendSuiteOptions {
  readonly name: string;
  /** A reason to skip (the server is unreachable outside CI), or undefined to run. */
  unavailable?(): Promise<string | undefined>;
  open(): Promise<CounterBackend>;
}

const MINUTE = 60_000;

function windowOp(base: string, now: number, limit: number, cost: number, windowMs = MINUTE): WindowOp {
  const idx = Math.floor(now / windowMs);
  return { kind: 'window', curr: `${base}:${idx}`, prev: `${base}:${idx - 1}`, windowMs, elapsedMs: now - idx * windowMs, limit, cost };
}

export function backendSuite(options: BackendSuiteOptions): void {
  describe(`counter backend: ${options.name}`, () => {
    let backend: CounterBackend;
    let skip: string | undefined;
    let prefix = '';

    before(async () => {
      skip = await options.unavailable?.();
      if (skip === undefined) backend = await options.open();
    });
    after(async () => {
      if (skip === undefined) await backend.close();
    });
    const test = (name: string, fn: () => Promise<void>): void => {
      it(name, async (t) => {
        if (skip !== undefined) return t.skip(skip);
        prefix = `pc:test:${randomBytes(6).toString('hex')}:`;
        await fn();
      });
    };

    test('a window admits up to its limit and refuses the next, without charging the refusal', async () => {
      const t0 = 10 * MINUTE + 1_000;
      for (let i = 0; i < 3; i++) {
        const r = await backend.acquire([windowOp(`${prefix}r`, t0 + i, 3, 1)], t0 + i);
        assert.equal(r.ok, true, `request ${i + 1}`);
        assert.deepEqual(r.readings[0], [i, 0]);
      }
      const refused = await backend.acquire([windowOp(`${prefix}r`, t0 + 5, 3, 1)], t0 + 5);
      assert.equal(refused.ok, false);
      assert.equal(refused.failed, 0);
      assert.deepEqual(refused.readings[0], [3, 0]);
      const again = await backend.acquire([windowOp(`${prefix}r`, t0 + 6, 3, 1)], t0 + 6);
      assert.deepEqual(again.readings[0], [3, 0], 'the refusal was not counted');
    });

    test('the previous window counts by its overlap with the sliding window', async () => {
      const t0 = 20 * MINUTE;
      for (let i = 0; i < 10; i++) assert.equal((await backend.acquire([windowOp(`${prefix}r`, t0 + i, 10, 1)], t0 + i)).ok, true);
      // A quarter into the next window, 75% of the previous 10 still count: 7.5 + 1 ≤ 10, twice; then no.
      const t1 = t0 + MINUTE + MINUTE / 4;
      assert.equal((await backend.acquire([windowOp(`${prefix}r`, t1, 10, 1)], t1)).ok, true);
      assert.equal((await backend.acquire([windowOp(`${prefix}r`, t1, 10, 1)], t1)).ok, true);
      const third = await backend.acquire([windowOp(`${prefix}r`, t1, 10, 1)], t1);
      assert.equal(third.ok, false);
      assert.deepEqual(third.readings[0], [2, 10]);
      // Three quarters in, only 25% (2.5) of the old window counts.
      const t2 = t0 + MINUTE + (3 * MINUTE) / 4;
      for (let i = 0; i < 5; i++) assert.equal((await backend.acquire([windowOp(`${prefix}r`, t2, 10, 1)], t2)).ok, true, `late ${i}`);
      assert.equal((await backend.acquire([windowOp(`${prefix}r`, t2, 10, 1)], t2)).ok, false);
    });

    test('weighted costs (tokens) are refused when they would cross the limit', async () => {
      const t0 = 30 * MINUTE;
      assert.equal((await backend.acquire([windowOp(`${prefix}t`, t0, 1000, 700)], t0)).ok, true);
      assert.equal((await backend.acquire([windowOp(`${prefix}t`, t0, 1000, 400)], t0)).ok, false);
      assert.equal((await backend.acquire([windowOp(`${prefix}t`, t0, 1000, 300)], t0)).ok, true);
      assert.equal((await backend.acquire([windowOp(`${prefix}t`, t0, 1000, 1)], t0)).ok, false);
    });

    test('all or nothing: when one op does not fit, none is applied', async () => {
      const t0 = 40 * MINUTE;
      const spend: FixedOp = { kind: 'fixed', key: `${prefix}spend`, limit: 100, cost: 60, ttlMs: MINUTE };
      assert.equal((await backend.acquire([windowOp(`${prefix}r`, t0, 10, 1), spend], t0)).ok, true);
      const r = await backend.acquire([windowOp(`${prefix}r`, t0, 10, 1), spend], t0);
      assert.equal(r.ok, false);
      assert.equal(r.failed, 1);
      const after = await backend.acquire([windowOp(`${prefix}r`, t0, 10, 0), { ...spend, cost: 0 }], t0);
      assert.deepEqual(after.readings, [[1, 0], [60, 0]], 'the refused request charged neither counter');
    });

    test('concurrency slots: limit, release, and expiry of a lease nobody released', async () => {
      const t0 = 50 * MINUTE;
      const slot = (member: string): SlotOp => ({ kind: 'slots', key: `${prefix}c`, limit: 2, ttlMs: 5_000, member });
      assert.equal((await backend.acquire([slot('a')], t0)).ok, true);
      assert.equal((await backend.acquire([slot('b')], t0)).ok, true);
      const full = await backend.acquire([slot('c')], t0);
      assert.equal(full.ok, false);
      assert.deepEqual(full.readings[0], [2, 0]);
      await backend.settle([], [{ key: `${prefix}c`, member: 'a' }], t0);
      assert.equal((await backend.acquire([slot('c')], t0 + 1)).ok, true, 'a released slot is free again');
      assert.equal((await backend.acquire([slot('d')], t0 + 2)).ok, false);
      // b and c were never released (a crashed instance): their leases run out.
      assert.equal((await backend.acquire([slot('d')], t0 + 5_002)).ok, true, 'expired leases free their slots');
    });

    test('renewing a lease keeps a long request in its slot; a released lease stays released', async () => {
      const t0 = 55 * MINUTE;
      const slot = (member: string): SlotOp => ({ kind: 'slots', key: `${prefix}c`, limit: 2, ttlMs: 5_000, member });
      assert.equal((await backend.acquire([slot('long')], t0)).ok, true);
      assert.equal((await backend.acquire([slot('done')], t0)).ok, true);
      await backend.settle([], [{ key: `${prefix}c`, member: 'done' }], t0 + 100);
      await backend.renew([{ key: `${prefix}c`, member: 'long' }, { key: `${prefix}c`, member: 'done' }], 5_000, t0 + 4_000);
      // At t0 + 6 s the original lease would have expired; the renewed one holds until t0 + 9 s.
      assert.equal((await backend.acquire([slot('x')], t0 + 6_000)).ok, true);
      const full = await backend.acquire([slot('y')], t0 + 6_000);
      assert.equal(full.ok, false, 'long still holds its slot');
      assert.equal((await backend.acquire([slot('y')], t0 + 11_001)).ok, true);
    });

    test('settle corrects counters up and down, never below zero', async () => {
      const t0 = 60 * MINUTE;
      const op = windowOp(`${prefix}t`, t0, 1000, 500);
      assert.equal((await backend.acquire([op], t0)).ok, true);
      await backend.settle([{ key: op.curr, delta: -400, ttlMs: 2 * MINUTE }], [], t0);
      assert.deepEqual((await backend.acquire([{ ...op, cost: 0 }], t0)).readings[0], [100, 0]);
      await backend.settle([{ key: op.curr, delta: 250, ttlMs: 2 * MINUTE }], [], t0);
      assert.deepEqual((await backend.acquire([{ ...op, cost: 0 }], t0)).readings[0], [350, 0]);
      await backend.settle([{ key: op.curr, delta: -10_000, ttlMs: 2 * MINUTE }], [], t0);
      assert.deepEqual((await backend.acquire([{ ...op, cost: 0 }], t0)).readings[0], [0, 0]);
    });

    test('concurrent acquires never exceed the limit (atomic check-and-apply)', async () => {
      const t0 = 70 * MINUTE;
      const results = await Promise.all(Array.from({ length: 40 }, () => backend.acquire([windowOp(`${prefix}r`, t0, 15, 1)], t0)));
      assert.equal(results.filter((r) => r.ok).length, 15);
    });
  });
}
