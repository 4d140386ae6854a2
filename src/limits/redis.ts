/**
 * The Redis counter backend: every counter shared by all gateway instances. Each acquire is one
 * Lua script call (EVALSHA via ioredis `defineCommand`, which loads the script on NOSCRIPT), so a
 * request costs one round trip and the check-then-apply over all its counters is atomic: N
 * instances enforce one limit. Concurrency slots are sorted sets of leases scored by expiry, so the
 * slots of an instance that died come free when their leases run out.
 *
 * Keys are computed by the caller and all passed as KEYS; one request's keys may still live in
 * different hash slots, so this targets a single Redis (or a primary with replicas), not Cluster.
 */
import type { Redis } from 'ioredis';
import type { AcquireResult, Adjustment, CounterBackend, LimitOp, Reading, SlotRelease } from './types.js';

/**
 * KEYS: the ops' keys in order (window: curr, prev; slots and fixed: key).
 * ARGV: now, op count, then per op — window: 'w', limit, cost, windowMs, elapsedMs;
 * slots: 's', limit, ttlMs, member; fixed: 'f', limit, cost, ttlMs.
 * Returns {ok, failedIndex (1-based, 0 when ok), then two readings per op}.
 */
const ACQUIRE = `
local now = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
local out = {1, 0}
local ops = {}
local a, k = 3, 1
for i = 1, n do
  local kind = ARGV[a]
  local op = {kind = kind, k = k}
  local fits
  if kind == 'w' then
    op.limit, op.cost, op.win, op.elapsed = tonumber(ARGV[a+1]), tonumber(ARGV[a+2]), tonumber(ARGV[a+3]), tonumber(ARGV[a+4])
    local curr = tonumber(redis.call('GET', KEYS[k]) or '0')
    local prev = tonumber(redis.call('GET', KEYS[k+1]) or '0')
    out[#out+1] = curr
    out[#out+1] = prev
    fits = op.cost <= 0 or prev * (op.win - op.elapsed) / op.win + curr + op.cost <= op.limit
    a, k = a + 5, k + 2
  elseif kind == 's' then
    op.limit, op.ttl, op.member = tonumber(ARGV[a+1]), tonumber(ARGV[a+2]), ARGV[a+3]
    redis.call('ZREMRANGEBYSCORE', KEYS[k], '-inf', now)
    local alive = redis.call('ZCARD', KEYS[k])
    out[#out+1] = alive
    out[#out+1] = 0
    fits = alive + 1 <= op.limit
    a, k = a + 4, k + 1
  else
    op.limit, op.cost, op.ttl = tonumber(ARGV[a+1]), tonumber(ARGV[a+2]), tonumber(ARGV[a+3])
    local used = tonumber(redis.call('GET', KEYS[k]) or '0')
    out[#out+1] = used
    out[#out+1] = 0
    fits = op.cost <= 0 or used + op.cost <= op.limit
    a, k = a + 4, k + 1
  end
  if not fits and out[1] == 1 then
    out[1] = 0
    out[2] = i
  end
  ops[i] = op
end
if out[1] == 0 then return out end
for i = 1, n do
  local op = ops[i]
  if op.kind == 'w' then
    if op.cost > 0 then
      redis.call('INCRBY', KEYS[op.k], op.cost)
      redis.call('PEXPIRE', KEYS[op.k], op.win * 2)
    end
  elseif op.kind == 's' then
    redis.call('ZADD', KEYS[op.k], now + op.ttl, op.member)
    redis.call('PEXPIRE', KEYS[op.k], op.ttl)
  elseif op.cost > 0 then
    redis.call('INCRBY', KEYS[op.k], op.cost)
    if redis.call('PTTL', KEYS[op.k]) < 0 then redis.call('PEXPIRE', KEYS[op.k], op.ttl) end
  end
end
return out
`;

/**
 * KEYS: adjusted counters, then slot sets. ARGV: adjustment count, (delta, ttlMs) per adjustment,
 * then one lease id per slot set. A counter never goes below zero.
 */
const SETTLE = `
local na = tonumber(ARGV[1])
local a = 2
for i = 1, na do
  local v = redis.call('INCRBY', KEYS[i], ARGV[a])
  if v <= 0 then
    redis.call('DEL', KEYS[i])
  elseif redis.call('PTTL', KEYS[i]) < 0 then
    redis.call('PEXPIRE', KEYS[i], ARGV[a+1])
  end
  a = a + 2
end
for i = na + 1, #KEYS do
  redis.call('ZREM', KEYS[i], ARGV[a])
  a = a + 1
end
return 1
`;

/** KEYS: slot sets; ARGV: now, ttlMs, one lease id per set. Only live leases are extended. */
const RENEW = `
local now, ttl = tonumber(ARGV[1]), tonumber(ARGV[2])
for i = 1, #KEYS do
  local score = redis.call('ZSCORE', KEYS[i], ARGV[i + 2])
  if score and tonumber(score) > now then
    redis.call('ZADD', KEYS[i], now + ttl, ARGV[i + 2])
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
end
return 1
`;

type ScriptFn = (numKeys: number, ...args: (string | number)[]) => Promise<unknown>;
interface LimitCommands {
  pcLimitsAcquire: ScriptFn;
  pcLimitsSettle: ScriptFn;
  pcLimitsRenew: ScriptFn;
}

export class RedisBackend implements CounterBackend {
  readonly kind = 'redis';
  private readonly commands: LimitCommands;

  /** Takes ownership of `redis` (closes it on close()). */
  constructor(private readonly redis: Redis) {
    redis.defineCommand('pcLimitsAcquire', { lua: ACQUIRE });
    redis.defineCommand('pcLimitsSettle', { lua: SETTLE });
    redis.defineCommand('pcLimitsRenew', { lua: RENEW });
    this.commands = redis as unknown as LimitCommands;
  }

  async acquire(ops: readonly LimitOp[], now: number): Promise<AcquireResult> {
    const keys: string[] = [];
    const args: (string | number)[] = [now, ops.length];
    for (const op of ops) {
      switch (op.kind) {
        case 'window':
          keys.push(op.curr, op.prev);
          args.push('w', op.limit, op.cost, op.windowMs, op.elapsedMs);
          break;
        case 'slots':
          keys.push(op.key);
          args.push('s', op.limit, op.ttlMs, op.member);
          break;
        case 'fixed':
          keys.push(op.key);
          args.push('f', op.limit, op.cost, op.ttlMs);
          break;
      }
    }
    const reply = await this.commands.pcLimitsAcquire(keys.length, ...keys, ...args);
    if (!Array.isArray(reply) || reply.length !== 2 + ops.length * 2) throw new Error('unexpected reply from the limits script');
    const values = reply as number[];
    const readings: Reading[] = [];
    for (let i = 0; i < ops.length; i++) readings.push([Number(values[2 + i * 2]), Number(values[3 + i * 2])]);
    const ok = values[0] === 1;
    return { ok, failed: ok ? -1 : Number(values[1]) - 1, readings };
  }

  /** Redis expires counters on its own clock (PEXPIRE); `now` is not needed here. */
  async settle(adjustments: readonly Adjustment[], releases: readonly SlotRelease[], _now?: number): Promise<void> {
    if (adjustments.length === 0 && releases.length === 0) return;
    const keys: string[] = [];
    const args: (string | number)[] = [adjustments.length];
    for (const a of adjustments) {
      keys.push(a.key);
      args.push(Math.round(a.delta), a.ttlMs);
    }
    for (const r of releases) {
      keys.push(r.key);
      args.push(r.member);
    }
    await this.commands.pcLimitsSettle(keys.length, ...keys, ...args);
  }

  async renew(slots: readonly SlotRelease[], ttlMs: number, now: number): Promise<void> {
    if (slots.length === 0) return;
    await this.commands.pcLimitsRenew(slots.length, ...slots.map((s) => s.key), now, ttlMs, ...slots.map((s) => s.member));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
