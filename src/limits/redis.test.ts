/**
 * The shared counter-backend suite on Redis, each test under its own key prefix. Redis is expected
 * at PORTCULLIS_TEST_REDIS (default redis://127.0.0.1:6379); when it cannot be reached the suite
 * is skipped and says so — except on CI (CI=true), where that is a failure.
 */
import { Redis } from 'ioredis';
import { backendSuite } from './backend-suite.js';
import { RedisBackend } from './redis.js';

const TEST_REDIS = process.env['PORTCULLIS_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';

async function reachable(): Promise<string | undefined> {
  const probe = new Redis(TEST_REDIS, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The failure is reported below; ioredis would also print it as an unhandled error event.
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (err) {
    const reason = `Redis at ${TEST_REDIS} is not reachable (${err instanceof Error ? err.message : String(err)})`;
    if (process.env['CI']) throw new Error(`${reason}; CI must provide it`);
    process.stderr.write(`# SKIP Redis limits tests: ${reason}\n`);
    return reason;
  } finally {
    probe.disconnect();
  }
}

backendSuite({
  name: 'redis',
  unavailable: reachable,
  open: () => Promise.resolve(new RedisBackend(new Redis(TEST_REDIS, { maxRetriesPerRequest: 1, enableOfflineQueue: true }))),
});
