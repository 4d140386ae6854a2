/**
 * Enforcements shared through Redis (`state.redis`), so a quarantine or block set on one gateway
 * instance holds on every instance within a second: one hash (`<prefix>enforcement`, field
 * `kind|subject`, value JSON with its expiry) is the truth, a pub/sub channel pushes each change
 * to every instance at once, and a periodic full read repairs anything a dropped message missed
 * and deletes expired fields. Requests never wait on Redis: they read the local table. While Redis
 * is down the table keeps what it has (and entries still expire locally); new actions fail and are
 * logged, and the incident records say so.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { openRedis } from '../state/redis.js';
import { EnforcementTable, fieldOf, parseEnforcement, type Enforcement, type EnforcementStore } from './enforcement.js';

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
