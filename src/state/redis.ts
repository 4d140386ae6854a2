/**
 * One place that opens Redis connections (`state.redis: redis://…`), so limits, quarantines and
 * pub/sub share the same settings: bounded retries per command, so a Redis outage surfaces as an
 * error (and the stage fails closed) instead of a request waiting forever in an offline queue.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

export interface RedisOptions {
  /** Connection name shown by CLIENT LIST, e.g. `portcullis-limits`. */
  readonly name: string;
  /** A subscriber connection (pub/sub) keeps its offline queue so subscriptions survive reconnects. */
  readonly subscriber?: boolean;
}

export function openRedis(url: string, log: Logger, options: RedisOptions): Redis {
  const redis = new Redis(url, {
    connectionName: options.name,
    maxRetriesPerRequest: options.subscriber ? null : 1,
    enableOfflineQueue: options.subscriber ?? false,
    connectTimeout: 2_000,
    commandTimeout: options.subscriber ? undefined : 1_000,
    retryStrategy: (times) => Math.min(times * 100, 2_000),
    lazyConnect: false,
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ err: err.message, name: options.name }, 'redis connection error');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info({ name: options.name }, 'redis connection restored');
    down = false;
  });
  return redis;
}
