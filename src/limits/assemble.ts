/**
 * Builds the limits stage for a config: the counter backend (Redis when `state.redis` is set,
 * otherwise in process), the compiled rules following config reloads, and the start-up check that
 * every route a spend rule can apply to has a price. No stage at all without rules, so unlimited
 * gateways pay nothing per request or per streamed chunk.
 */
import type { ConfigIssue } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Stage } from '../pipeline/types.js';
import { openRedis } from '../state/redis.js';
import { limitsStage } from '../stages/limits/stage.js';
import { MemoryBackend } from './memory.js';
import { compileLimits, unpricedModels, type CompiledLimits } from './plan.js';
import { RedisBackend } from './redis.js';
import { loadTokenizer } from './tokens.js';
import type { CounterBackend } from './types.js';
import type { Redis } from 'ioredis';

export interface Limits {
  readonly stage: Stage;
  readonly backend: CounterBackend;
  close(): Promise<void>;
}

/** Issues that make a limits config unusable with these routes. */
export function limitsIssues(config: Config): ConfigIssue[] {
  const missing = unpricedModels(compileLimits(config.limits), config.routes.map((r) => r.model));
  return missing.map((model) => ({ path: 'limits.prices', message: `a spend rule applies to model "${model}", which has no price (set limits.prices["${model}"] or "*")` }));
}

/**
 * Waits until a new connection is ready (commands fail at once while it is not: no offline queue),
 * so the first requests after start-up are not refused; gives up after `ms` and lets the per-request
 * fail-closed handling take over.
 */
export async function redisReady(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => redis.once('ready', (onReady = () => resolve(true)))),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  if (onReady) redis.off('ready', onReady);
  return ready;
}

/** Undefined when no limit rules are configured. `currentConfig` follows reloads. */
export async function createLimits(config: Config, log: Logger, currentConfig: () => Config): Promise<Limits | undefined> {
  if (config.limits.rules.length === 0) return undefined;
  // Any rule set may count tokens after a reload, so the tokenizer comes with the stage.
  await loadTokenizer();
  let backend: CounterBackend;
  if (config.state.redis) {
    const redis = openRedis(config.state.redis, log, { name: 'portcullis-limits' });
    if (!(await redisReady(redis, 3_000))) log.warn('limits: Redis is not reachable yet; requests under limits are refused until it is');
    backend = new RedisBackend(redis);
  } else backend = new MemoryBackend();
  let source = config.limits;
  let compiled: CompiledLimits = compileLimits(source);
  const current = (): CompiledLimits => {
    const next = currentConfig().limits;
    if (next !== source) {
      source = next;
      compiled = compileLimits(next);
    }
    return compiled;
  };
  log.info({ rules: config.limits.rules.length, backend: backend.kind }, 'limits enabled');
  return { stage: limitsStage({ limits: current, backend }), backend, close: () => backend.close() };
}
