/**
 * For tests that need a real Redis: whether the one at `url` answers, as a reason to skip when it
 * does not. Under CI an unreachable Redis is an error instead, because CI must provide it.
 */
import { Redis } from 'ioredis';

/** Undefined when Redis answers a PING; otherwise why not (after saying so on stderr as `# SKIP what`). */
export async function redisSkipReason(url: string, what: string): Promise<string | undefined> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  // The failure is reported below; ioredis would also print it as an unhandled error event.
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return undefined;
  } catch (err) {
    const reason = `Redis at ${url} is not reachable (${err instanceof Error ? err.message : String(err)})`;
    if (process.env['CI']) throw new Error(`${reason}; CI must provide it`);
    process.stderr.write(`# SKIP ${what}: ${reason}\n`);
    return reason;
  } finally {
    probe.disconnect();
  }
}
