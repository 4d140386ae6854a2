/**
 * The Redis counter backend: every counter shared by all gateway instances. Acquires are Lua
 * script calls (EVALSHA via ioredis `defineCommand`, which loads the script on NOSCRIPT): a request
 * costs one round trip — shared with the requests made at the same time, which go in the same call
 * — and the check-then-apply over all its counters is atomic: N instances enforce one limit. Concurrency slots are sorted sets of leases scored by expiry, so the
 * slots of an instance that died come free when their leases run out.
 *
 * Keys are computed by the caller and all passed as KEYS; one request's keys may still live in
 * different hash slots, so this targets a single Redis (or a primary with replicas), not Cluster.
 */
import type { Redis } from 'ioredis';
import type { AcquireResult, Adjustment, CounterBackend, LimitOp, Reading, SlotRelease } from './types.js';

/**
 * Several requests' acquires in one call, each checked and applied on its own, in order (one
 * request's refusal does not affect the next), so every request stays all-or-nothing and atomic
 * against every other instance, as if each had its own call.
 *
 * KEYS: every counter the batch touches, once each. ARGV[1]: one JSON array — request count, then
 * per request: now, op count, then per op (a key is its index in KEYS) — window: 'w', curr, prev,
 * limit, cost, windowMs, elapsedMs; slots: 's', key, limit, ttlMs, member; fixed: 'f', key,
 * limit, cost, ttlMs. One string rather than an ARGV entry per value: ioredis builds, and Redis
 * parses, one argument instead of five per op, and cjson hands the script numbers (no tonumber).
 * Returns per request, concatenated: {ok, failedIndex (1-based, 0 when ok), two readings per op}.
 *
 * Written for few server calls, since Redis shares the machine and every call is time a request
 * waits: a window is one MGET to check and one INCRBY to charge (PEXPIRE only when INCRBY created
 * the key: a window counter lives for two windows from its first charge, which covers its time as
 * `prev`); live leases are counted with ZCOUNT above `now` (expired ones are pruned on release,
 * off the request path); a lease set's expiry is pushed out once per call, not once per request
 * (the requests of a batch share their sets, and a TTL measured from the same moment gives the
 * same expiry); the apply pass re-reads the arguments rather than keeping a table per op.
 */
const ACQUIRE = `
local arg = cjson.decode(ARGV[1])
local out = {}
local extended = {}
local a = 2
for r = 1, arg[1] do
  local now = arg[a]
  local n = arg[a+1]
  local head = #out + 1
  out[head] = 1
  out[head+1] = 0
  local a0 = a + 2
  a = a0
  for i = 1, n do
    local kind = arg[a]
    local fits
    if kind == 'w' then
      local v = redis.call('MGET', KEYS[arg[a+1]], KEYS[arg[a+2]])
      local curr, prev = tonumber(v[1] or '0'), tonumber(v[2] or '0')
      local limit, cost, win, elapsed = arg[a+3], arg[a+4], arg[a+5], arg[a+6]
      out[#out+1] = curr
      out[#out+1] = prev
      fits = cost <= 0 or prev * (win - elapsed) / win + curr + cost <= limit
      a = a + 7
    elseif kind == 's' then
      local alive = redis.call('ZCOUNT', KEYS[arg[a+1]], '(' .. string.format('%d', now), '+inf')
      out[#out+1] = alive
      out[#out+1] = 0
      fits = alive + 1 <= arg[a+2]
      a = a + 5
    else
      local cost = arg[a+3]
      local used = tonumber(redis.call('GET', KEYS[arg[a+1]]) or '0')
      out[#out+1] = used
      out[#out+1] = 0
      fits = cost <= 0 or used + cost <= arg[a+2]
      a = a + 5
    end
    if not fits and out[head] == 1 then
      out[head] = 0
      out[head+1] = i
    end
  end
  if out[head] == 1 then
    local a1 = a
    a = a0
    for i = 1, n do
      local kind, key = arg[a], KEYS[arg[a+1]]
      if kind == 'w' then
        local cost = arg[a+4]
        if cost > 0 and redis.call('INCRBY', key, cost) == cost then redis.call('PEXPIRE', key, arg[a+5] * 2) end
        a = a + 7
      elseif kind == 's' then
        local ttl = arg[a+3]
        redis.call('ZADD', key, now + ttl, arg[a+4])
        if (extended[key] or 0) < ttl then
          redis.call('PEXPIRE', key, ttl)
          extended[key] = ttl
        end
        a = a + 5
      else
        local cost = arg[a+3]
        if cost > 0 and redis.call('INCRBY', key, cost) == cost then redis.call('PEXPIRE', key, arg[a+4]) end
        a = a + 5
      end
    end
    a = a1
  end
end
return out
`;

/**
 * KEYS: adjusted counters, then slot sets, each set once. ARGV[1]: one JSON array — now, then
 * [delta, ttlMs] per adjustment, then per slot set the list of lease ids to release. A counter
 * never goes below zero. A set's releases are one ZREM for all its leases, and the set's expired
 * leases are pruned once (acquire only counts live ones and leaves pruning here): under load the
 * requests ending in one turn mostly share a few sets. Several requests' corrections arrive in one
 * call (RedisBackend batches them).
 */
const SETTLE = `
local arg = cjson.decode(ARGV[1])
local now = string.format('%d', arg[1])
local adjust, release = arg[2], arg[3]
local na = #adjust
for i = 1, na do
  local delta, ttl = adjust[i][1], adjust[i][2]
  local v = redis.call('INCRBY', KEYS[i], delta)
  if v <= 0 then
    redis.call('DEL', KEYS[i])
  elseif redis.call('PTTL', KEYS[i]) < 0 then
    redis.call('PEXPIRE', KEYS[i], ttl)
  end
end
for i = 1, #release do
  local key = KEYS[na + i]
  redis.call('ZREM', key, unpack(release[i]))
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
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

/** Corrections waiting for the next batch, and the callers waiting on it. */
interface SettleBatch {
  readonly adjustments: Adjustment[];
  readonly releases: SlotRelease[];
  now: number;
  readonly done: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

/** Entries per settle call: keeps one script run short, since Redis runs nothing else meanwhile. */
const MAX_BATCH = 256;

/** Requests per acquire call, for the same reason (a request is a few counters). */
const MAX_ACQUIRES = 64;

/** One request's acquire waiting for its batch. */
interface PendingAcquire {
  readonly ops: readonly LimitOp[];
  readonly now: number;
  resolve(result: AcquireResult): void;
  reject(err: unknown): void;
}

export class RedisBackend implements CounterBackend {
  readonly kind = 'redis';
  private readonly commands: LimitCommands;
  private batch: SettleBatch | undefined;
  /** Acquires gathered while others are on the wire; undefined when none wait. */
  private acquires: PendingAcquire[] | undefined;
  /** Acquire calls sent and not yet answered. */
  private acquiring = 0;

  /** Takes ownership of `redis` (closes it on close()). */
  constructor(private readonly redis: Redis) {
    redis.defineCommand('pcLimitsAcquire', { lua: ACQUIRE });
    redis.defineCommand('pcLimitsSettle', { lua: SETTLE });
    redis.defineCommand('pcLimitsRenew', { lua: RENEW });
    this.commands = redis as unknown as LimitCommands;
  }

  /**
   * Acquires are sent in batches, one script call each: with no acquire on the wire, those made in
   * the same callback (sent from the tick queue right after it, so an idle gateway adds no
   * delay); while calls are on the wire, those made in the rest of the event-loop turn. Under load
   * a request waits at most for that turn's other callbacks, and Redis and this process handle one
   * command, one write and one reply for all of them instead of one each. Each request is still
   * checked and applied on its own, atomically.
   */
  acquire(ops: readonly LimitOp[], now: number): Promise<AcquireResult> {
    return new Promise<AcquireResult>((resolve, reject) => {
      let queue = this.acquires;
      if (queue === undefined) {
        queue = this.acquires = [];
        // Idle: only the requests of this same callback join (the tick queue runs right after it).
        if (this.acquiring === 0) process.nextTick(() => this.sendQueued());
        else setImmediate(() => this.sendQueued());
      }
      queue.push({ ops, now, resolve, reject });
      if (queue.length >= MAX_ACQUIRES) this.sendQueued();
    });
  }

  private sendQueued(): void {
    const queue = this.acquires;
    if (queue === undefined) return;
    this.acquires = undefined;
    this.send(queue);
  }

  private send(batch: readonly PendingAcquire[]): void {
    // Requests made together mostly share counters (one principal's, a tenant's, a global one):
    // each key goes once, and the ops refer to it by its 1-based place in KEYS.
    const keys = new Map<string, number>();
    const at = (key: string): number => {
      let i = keys.get(key);
      if (i === undefined) keys.set(key, (i = keys.size + 1));
      return i;
    };
    const args: (string | number)[] = [batch.length];
    for (const { ops, now } of batch) {
      args.push(now, ops.length);
      for (const op of ops) {
        switch (op.kind) {
          case 'window':
            args.push('w', at(op.curr), at(op.prev), op.limit, op.cost, op.windowMs, op.elapsedMs);
            break;
          case 'slots':
            args.push('s', at(op.key), op.limit, op.ttlMs, op.member);
            break;
          case 'fixed':
            args.push('f', at(op.key), op.limit, op.cost, op.ttlMs);
            break;
        }
      }
    }
    let reply: Promise<unknown>;
    try {
      reply = this.commands.pcLimitsAcquire(keys.size, ...keys.keys(), JSON.stringify(args));
    } catch (err) {
      // Sent from the tick or immediate queue: a throw here would take the process down. Every
      // request in the batch fails instead (the stage then refuses it, closed).
      for (const p of batch) p.reject(err);
      return;
    }
    this.acquiring++;
    reply.then(
      (value) => {
        this.acquiring--;
        deliver(batch, value);
      },
      (err: unknown) => {
        this.acquiring--;
        for (const p of batch) p.reject(err);
      },
    );
  }

  /**
   * Corrections and releases are not awaited by requests, so they are gathered for the rest of the
   * event-loop turn and sent as one script call (one write, one round trip) for all the requests
   * that ended in it, instead of one each. The promise settles with that call.
   */
  settle(adjustments: readonly Adjustment[], releases: readonly SlotRelease[], now: number): Promise<void> {
    if (adjustments.length === 0 && releases.length === 0) return Promise.resolve();
    let batch = this.batch;
    if (!batch || batch.adjustments.length + batch.releases.length >= MAX_BATCH) {
      if (batch) this.flush(batch);
      let resolve!: () => void;
      let reject!: (err: unknown) => void;
      const done = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const created: SettleBatch = { adjustments: [], releases: [], now, done, resolve, reject };
      this.batch = batch = created;
      setImmediate(() => this.flush(created));
    }
    for (const a of adjustments) batch.adjustments.push(a);
    for (const r of releases) batch.releases.push(r);
    if (now > batch.now) batch.now = now;
    return batch.done;
  }

  private flush(batch: SettleBatch): void {
    if (this.batch !== batch) return;
    this.batch = undefined;
    // One entry per lease set: the requests ending in a turn mostly release from the same few sets.
    const sets = new Map<string, string[]>();
    for (const r of batch.releases) {
      const members = sets.get(r.key);
      if (members) members.push(r.member);
      else sets.set(r.key, [r.member]);
    }
    const keys = batch.adjustments.map((a) => a.key);
    for (const key of sets.keys()) keys.push(key);
    const args = [batch.now, batch.adjustments.map((a) => [Math.round(a.delta), a.ttlMs]), [...sets.values()]];
    this.commands.pcLimitsSettle(keys.length, ...keys, JSON.stringify(args)).then(
      () => batch.resolve(),
      (err: unknown) => batch.reject(err),
    );
  }

  async renew(slots: readonly SlotRelease[], ttlMs: number, now: number): Promise<void> {
    if (slots.length === 0) return;
    await this.commands.pcLimitsRenew(slots.length, ...slots.map((s) => s.key), now, ttlMs, ...slots.map((s) => s.member));
  }

  async close(): Promise<void> {
    this.sendQueued();
    if (this.batch) this.flush(this.batch);
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** Splits one batched reply among its requests; a malformed reply fails them all (closed). */
function deliver(batch: readonly PendingAcquire[], reply: unknown): void {
  let expected = 0;
  for (const p of batch) expected += 2 + p.ops.length * 2;
  if (!Array.isArray(reply) || reply.length !== expected) {
    const err = new Error('unexpected reply from the limits script');
    for (const p of batch) p.reject(err);
    return;
  }
  const values = reply as number[];
  let at = 0;
  for (const p of batch) {
    const ok = values[at] === 1;
    const failed = ok ? -1 : Number(values[at + 1]) - 1;
    const readings: Reading[] = [];
    for (let i = 0; i < p.ops.length; i++) readings.push([Number(values[at + 2 + i * 2]), Number(values[at + 3 + i * 2])]);
    at += 2 + p.ops.length * 2;
    p.resolve({ ok, failed, readings });
  }
}
