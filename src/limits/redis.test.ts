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

describe('redis backend: batched corrections', () => {
  let redis: Redis;
  let backend: RedisBackend;
  let skip: string | undefined;
  let calls = 0;
  before(async () => {
    skip = await redisSkipReason(TEST_REDIS, 'Redis limits tests');
    if (skip !== undefined) return;
    redis = new Redis(TEST_REDIS, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
    backend = new RedisBackend(redis);
    // Counts the settle script calls that reach the connection.
    const commands = redis as unknown as { pcLimitsSettle: (...args: unknown[]) => Promise<unknown> };
    const settle = commands.pcLimitsSettle.bind(redis);
    commands.pcLimitsSettle = (...args: unknown[]) => {
      calls++;
      return settle(...args);
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
