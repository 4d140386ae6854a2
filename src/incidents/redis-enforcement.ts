/**
 * Enforcements shared through Redis (`state.redis`), so a quarantine or block set on one gateway
 * instance holds on every instance within a second: one hash (`<prefix>enforcement`, field
 * `kind|subject`, value JSON with its expiry) is the truth, a pub/sub channel pushes each change
 * to every instance at once, and a periodic full read repairs anything a dropped message missed
 * and deletes expired fields. Requests never wait on Redis: they read the local table. While Redis
 * is down the table keeps what it has (and entries still expire locally); new actions fail and are
 * logged, and the incident records say so.
 *
 * Throttles are shared too: a throttled principal's requests take from one token bucket in Redis
 * (`<prefix>throttle:<principal>`, a hash of tokens and time, refilled at `perMinute`), so N
 * instances allow `perMinute` between them, not N × `perMinute`. Only throttled principals cost a
 * round trip; everyone else is decided from the local table.
 *
 * Rule windows are shared as well (`<prefix>window:<rule>\0<subject>`, a sorted set of signal
 * times, and `<prefix>cooldown:…`): the incident engine sends its signals in batches, one script
 * call per event-loop turn, and exactly one instance fires when the fleet-wide count is reached.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { openRedis } from '../state/redis.js';
import { EnforcementTable, fieldOf, parseEnforcement, type Enforcement, type EnforcementStore, type SharedCount, type ThrottleTake } from './enforcement.js';

/**
 * KEYS: per entry its window set and its cooldown key. ARGV: per entry at, windowMs, count,
 * cooldownMs, a unique member. During a cooldown nothing is counted (as in the engine's local
 * windows); otherwise the occurrence is added, occurrences at or before `at − windowMs` dropped,
 * and when the count is reached the cooldown starts, the window empties and the entry returns
 * the count (this instance fires); else 0.
 */
const WINDOWS = `
local out = {}
for i = 1, #KEYS / 2 do
  local w, c, a = KEYS[2 * i - 1], KEYS[2 * i], (i - 1) * 5
  local at, win, need, cool = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4])
  local fired = 0
  if redis.call('EXISTS', c) == 0 then
    redis.call('ZADD', w, at, ARGV[a + 5])
    redis.call('ZREMRANGEBYSCORE', w, '-inf', at - win)
    local n = redis.call('ZCARD', w)
    if n >= need then
      redis.call('SET', c, '1', 'PX', cool)
      redis.call('DEL', w)
      fired = n
    else
      redis.call('PEXPIRE', w, win)
    end
  end
  out[i] = fired
end
return out
`;

/**
 * A token bucket of `perMinute` (ARGV[1]) at `now` (ARGV[2], the gateway's clock, as for limits):
 * refills for the time since it was last touched, takes one when it can. Returns {taken (1/0),
 * ms until one token is back}. The bucket expires once it would be full again anyway.
 */
const TAKE = `
local cap = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local rate = cap / 60000
local v = redis.call('HMGET', KEYS[1], 't', 'a')
local tokens = tonumber(v[1]) or cap
local at = tonumber(v[2]) or now
if now > at then tokens = math.min(cap, tokens + (now - at) * rate) else now = at end
local ok = 0
if tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 't', string.format('%.6f', tokens), 'a', string.format('%d', now))
redis.call('PEXPIRE', KEYS[1], math.ceil((cap - tokens) / rate) + 1000)
local wait = 0
if ok == 0 then wait = math.ceil((1 - tokens) / rate) end
return {ok, wait}
`;

export interface RedisEnforcementOptions {
  readonly url: string;
  readonly prefix: string;
  readonly log: Logger;
  /** Full resync period. */
  readonly resyncMs?: number;
  readonly now?: () => number;
  readonly connectTimeoutMs?: number;
}

interface Message {
  readonly op: 'set' | 'lift';
  readonly field: string;
  readonly entry?: string;
}

export async function redisEnforcement(options: RedisEnforcementOptions): Promise<EnforcementStore> {
  const { log, prefix } = options;
  const now = options.now ?? Date.now;
  const key = `${prefix}enforcement`;
  const channel = `${prefix}enforcement:events`;
  const table = new EnforcementTable();
  const redis: Redis = openRedis(options.url, log, { name: 'portcullis-monitor' });
  const sub: Redis = openRedis(options.url, log, { name: 'portcullis-monitor-sub', subscriber: true });
  redis.defineCommand('pcThrottleTake', { numberOfKeys: 1, lua: TAKE });
  redis.defineCommand('pcRuleWindows', { lua: WINDOWS });
  const countWindows = (redis as unknown as { pcRuleWindows(numKeys: number, ...args: (string | number)[]): Promise<unknown> }).pcRuleWindows.bind(redis);
  // Members must differ across instances and calls: this instance's id and a sequence.
  const instance = randomBytes(6).toString('hex');
  let seq = 0;
  const take = (redis as unknown as { pcThrottleTake(key: string, perMinute: number, now: number): Promise<unknown> }).pcThrottleTake.bind(redis);

  sub.on('message', (ch: string, text: string) => {
    if (ch !== channel) return;
    try {
      const m = JSON.parse(text) as Message;
      if (m.op === 'set' && typeof m.entry === 'string') {
        const e = parseEnforcement(m.entry);
        if (e) table.set(e);
      } else if (m.op === 'lift' && typeof m.field === 'string') {
        const bar = m.field.indexOf('|');
        if (bar > 0) table.delete(m.field.slice(0, bar) as Enforcement['kind'], m.field.slice(bar + 1));
      }
    } catch (err) {
      log.warn({ err }, 'monitor: unreadable enforcement message ignored');
    }
  });

  const resync = async (): Promise<void> => {
    const all = await redis.hgetall(key);
    const at = now();
    const live: Enforcement[] = [];
    const expired: string[] = [];
    for (const [field, text] of Object.entries(all)) {
      const e = parseEnforcement(text);
      if (!e || e.until <= at) expired.push(field);
      else live.push(e);
    }
    table.replaceAll(live);
    if (expired.length > 0) await redis.hdel(key, ...expired);
  };

  // A subscription is in place before the first read, so no change falls between the two.
  // Start-up fails (and the gateway does not start) when Redis cannot be reached in time.
  try {
    await withTimeout(Promise.all([ready(redis), sub.subscribe(channel)]), options.connectTimeoutMs ?? 5_000);
    await resync();
  } catch (err) {
    sub.disconnect();
    redis.disconnect();
    throw new Error(`monitor: redis at state.redis is not reachable: ${err instanceof Error ? err.message : String(err)}`);
  }
  const timer = setInterval(() => {
    resync().catch((err: unknown) => log.warn({ err }, 'monitor: enforcement resync from redis failed; keeping the local table'));
  }, options.resyncMs ?? 5_000);
  timer.unref();

  return {
    table,
    windows: {
      async count(entries: readonly SharedCount[]): Promise<number[]> {
        if (entries.length === 0) return [];
        const args: (string | number)[] = [];
        for (const e of entries) args.push(`${prefix}window:${e.key}`, `${prefix}cooldown:${e.key}`);
        for (const e of entries) args.push(e.at, e.windowMs, e.count, e.cooldownMs, `${instance}:${++seq}`);
        const reply = await countWindows(entries.length * 2, ...args);
        if (!Array.isArray(reply) || reply.length !== entries.length) throw new Error('unexpected reply from the rule-window script');
        return reply.map(Number);
      },
    },
    async takeThrottle(subject, perMinute, at): Promise<ThrottleTake> {
      const reply = await take(`${prefix}throttle:${subject}`, perMinute, at);
      if (!Array.isArray(reply) || reply.length !== 2) throw new Error('unexpected reply from the throttle script');
      return { ok: reply[0] === 1, retryAfterMs: Number(reply[1]) };
    },
    async apply(e) {
      table.set(e);
      const field = fieldOf(e.kind, e.subject);
      const merged = table.get(e.kind, e.subject, now()) ?? e;
      const entry = JSON.stringify(merged);
      await redis.multi().hset(key, field, entry).publish(channel, JSON.stringify({ op: 'set', field, entry } satisfies Message)).exec();
    },
    async lift(kind, subject) {
      const field = fieldOf(kind, subject);
      const local = table.delete(kind, subject);
      const removed = await redis.hdel(key, field);
      await redis.publish(channel, JSON.stringify({ op: 'lift', field } satisfies Message));
      return local || removed > 0;
    },
    async close() {
      clearInterval(timer);
      sub.disconnect();
      redis.disconnect();
    },
  };
}

function ready(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => redis.once('ready', () => resolve()));
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
