/**
 * The shared counter-backend suite on Redis, each test under its own key prefix. Redis is expected
 * at PORTCULLIS_TEST_REDIS (default redis://127.0.0.1:6379); when it cannot be reached the suite
 * is skipped and says so — except on CI (CI=true), where that is a failure. The Redis-only part:
 * corrections from many requests are batched into one script call.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisSkipReason } from '../state/redis-probe.js';
import { backendSuite } from './backend-suite.js';
import { RedisBackend } from './redis.js';
import type { FixedOp, SlotOp } from './types.js';

const TEST_REDIS = process.env['PORTCULLIS_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';


backendSuite({
  name: 'redis',
  unavailable: () => redisSkipReason(TEST_REDIS, 'Redis limits tests'),
  open: () => Promise.resolve(new RedisBackend(new Redis(TEST_REDIS, { maxRetriesPerRequest: 1, enableOfflineQueue: true }))),
});

describe('redis backend: batched calls', () => {
  let redis: Redis;
  let backend: RedisBackend;
  let skip: string | undefined;
  let calls = 0;
  let acquireCalls = 0;
  let throwOnAcquire = false;
  before(async () => {
    skip = await redisSkipReason(TEST_REDIS, 'Redis limits tests');
    if (skip !== undefined) return;
    redis = new Redis(TEST_REDIS, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
    backend = new RedisBackend(redis);
    // Counts the settle script calls that reach the connection.
    const commands = redis as unknown as { pcLimitsSettle: (...args: unknown[]) => Promise<unknown>; pcLimitsAcquire: (...args: unknown[]) => Promise<unknown> };
    const settle = commands.pcLimitsSettle.bind(redis);
    commands.pcLimitsSettle = (...args: unknown[]) => {
      calls++;
      return settle(...args);
    };
    const acquire = commands.pcLimitsAcquire.bind(redis);
    commands.pcLimitsAcquire = (...args: unknown[]) => {
      acquireCalls++;
      if (throwOnAcquire) throw new Error('client broke');
      return acquire(...args);
    };
  });
  after(async () => {
    if (skip === undefined) await backend.close();
  });

  it('sends the corrections of every request that ended in one event-loop turn as one call', async (t) => {
    if (skip !== undefined) return t.skip(skip);
    const prefix = `pc:test:${randomBytes(6).toString('hex')}:`;
    const now = 1_000_000;
    const slot = (member: string): SlotOp => ({ kind: 'slots', key: `${prefix}c`, limit: 20, ttlMs: 60_000, member });
    const counter: FixedOp = { kind: 'fixed', key: `${prefix}spend`, limit: 1_000, cost: 10, ttlMs: 60_000 };
    for (let i = 0; i < 12; i++) assert.equal((await backend.acquire([slot(`m${i}`), counter], now)).ok, true);
    calls = 0;
    const settled = Array.from({ length: 12 }, (_, i) => backend.settle([{ key: counter.key, delta: -5, ttlMs: 60_000 }], [{ key: `${prefix}c`, member: `m${i}` }], now + 1));
    await Promise.all(settled);
    assert.equal(calls, 1, 'one script call for twelve requests');
    const after = await backend.acquire([slot('next'), { ...counter, cost: 0 }], now + 2);
    assert.deepEqual(after.readings, [[0, 0], [60, 0]], 'every lease released and every correction applied');
    await redis.del(`${prefix}c`, counter.key);
  });

  it('sends the acquires made together as one call, each request still all or nothing on its own', async (t) => {
    if (skip !== undefined) return t.skip(skip);
    const prefix = `pc:test:${randomBytes(6).toString('hex')}:`;
    const now = 2_000_000;
    // Two slots and a budget of 50: request i asks for a slot and 10 + i of the budget.
    const ops = (i: number): [SlotOp, FixedOp] => [
      { kind: 'slots', key: `${prefix}c`, limit: 2, ttlMs: 60_000, member: `m${i}` },
      { kind: 'fixed', key: `${prefix}budget`, limit: 50, cost: 10 + i, ttlMs: 60_000 },
    ];
    acquireCalls = 0;
    const results = await Promise.all([0, 1, 2, 3].map((i) => backend.acquire(ops(i), now)));
    assert.equal(acquireCalls, 1, 'one script call for four requests');
    assert.deepEqual(
      results.map((r) => [r.ok, r.failed]),
      [
        [true, -1],
        [true, -1],
        [false, 0],
        [false, 0],
      ],
      'two slots: the third and fourth requests are refused on the slot',
    );
    assert.deepEqual(results[1]?.readings, [[1, 0], [10, 0]], 'the second request saw the first one applied');
    assert.deepEqual(results[3]?.readings, [[2, 0], [21, 0]], 'the refused ones charged nothing');
    // Once calls are on the wire, later requests wait for the turn and share one call too.
    acquireCalls = 0;
    const first = backend.acquire([{ kind: 'fixed', key: `${prefix}budget`, limit: 50, cost: 0, ttlMs: 60_000 }], now + 1);
    await new Promise<void>((resolve) => process.nextTick(resolve));
    const later = [backend.acquire(ops(4).slice(1), now + 1), backend.acquire(ops(40).slice(1), now + 1)];
    const [firstResult, fits, tooBig] = await Promise.all([first, ...later]);
    assert.equal(acquireCalls, 2, 'the first call, then one for the two that came while it was out');
    assert.deepEqual(firstResult?.readings, [[21, 0]]);
    assert.equal(fits?.ok, true, '21 + 14 fits in 50');
    assert.deepEqual([tooBig?.ok, tooBig?.readings], [false, [[35, 0]]], '35 + 50 does not');
    await redis.del(`${prefix}c`, `${prefix}budget`);
  });

  it('fails every request of a batch, rather than the process, when the client throws while sending', async (t) => {
    if (skip !== undefined) return t.skip(skip);
    const op: FixedOp = { kind: 'fixed', key: `pc:test:${randomBytes(6).toString('hex')}:x`, limit: 10, cost: 1, ttlMs: 1_000 };
    throwOnAcquire = true;
    try {
      const results = await Promise.allSettled([backend.acquire([op], 1_000), backend.acquire([op], 1_000)]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['rejected', 'rejected'],
      );
    } finally {
      throwOnAcquire = false;
    }
    assert.equal((await backend.acquire([op], 1_000)).ok, true, 'the next batch goes through');
    await redis.del(op.key);
  });

  it('releases leases of several sets ended in one turn, each set with its own leases only', async (t) => {
    if (skip !== undefined) return t.skip(skip);
    const prefix = `pc:test:${randomBytes(6).toString('hex')}:`;
    const now = 3_000_000;
    const slot = (set: string, member: string): SlotOp => ({ kind: 'slots', key: `${prefix}${set}`, limit: 10, ttlMs: 60_000, member });
    for (const m of ['a', 'b', 'c']) assert.equal((await backend.acquire([slot('c', m), slot('s', m)], now)).ok, true);
    calls = 0;
    // Interleaved across the two sets; `c` keeps lease b, `s` keeps a and c.
    const releases = [
      [`${prefix}c`, 'a'],
      [`${prefix}s`, 'b'],
      [`${prefix}c`, 'c'],
    ].map(([key = '', member = '']) => backend.settle([], [{ key, member }], now + 1));
    await Promise.all(releases);
    assert.equal(calls, 1);
    assert.deepEqual(await redis.zrange(`${prefix}c`, '0', '-1'), ['b']);
    assert.deepEqual(await redis.zrange(`${prefix}s`, '0', '-1'), ['a', 'c']);
    await redis.del(`${prefix}c`, `${prefix}s`);
  });

  it('keeps large counters exact through the JSON arguments (spend in billionths)', async (t) => {
    if (skip !== undefined) return t.skip(skip);
    const key = `pc:test:${randomBytes(6).toString('hex')}:sm`;
    const cost = 123_456_789_012_345;
    const op: FixedOp = { kind: 'fixed', key, limit: 4 * cost, cost, ttlMs: 60_000 };
    assert.equal((await backend.acquire([op], 1_000)).ok, true);
    assert.deepEqual((await backend.acquire([op], 1_000)).readings, [[cost, 0]]);
    assert.equal(await redis.get(key), String(2 * cost));
    await redis.del(key);
  });

  it('prunes expired leases when releasing, so a dead instance leaves nothing behind', async (t) => {
    if (skip !== undefined) return t.skip(skip);
    const prefix = `pc:test:${randomBytes(6).toString('hex')}:`;
    const key = `${prefix}c`;
    const slot = (member: string, now: number): [SlotOp[], number] => [[{ kind: 'slots', key, limit: 5, ttlMs: 1_000, member }], now];
    assert.equal((await backend.acquire(...slot('dead', 10_000))).ok, true);
    assert.equal((await backend.acquire(...slot('live', 10_500))).ok, true);
    await backend.settle([], [{ key, member: 'live' }], 11_200);
    assert.equal(await redis.zcard(key), 0, 'the released lease and the expired one are gone');
  });
});
