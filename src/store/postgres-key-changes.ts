/**
 * The API-key change mark on PostgreSQL. Several gateway instances share one database, and any of
 * them (or a CLI) may revoke a key; every write to `api_keys` bumps `api_key_changes.version` by
 * trigger (migration 0002). A background poll reads that counter, so `changeMark` stays a
 * synchronous read of a number on the request path, and a revocation made elsewhere takes effect
 * here within about one poll instead of the key cache's TTL.
 *
 * It fails closed: when the counter cannot be read, or no poll has succeeded lately (the database
 * is down, or the event loop too busy to poll), every call returns a new mark, so the key cache
 * asks the store each time, as it would without a mark at all.
 */
import type pg from 'pg';

/** How often the counter is read while the mark is in use. */
export const KEY_POLL_MS = 50;
/**
 * A mark whose last successful poll is older than this is not trusted (a poll that hangs rather
 * than fails). The key cache's own TTL is 500 ms, so a shorter bound would only add look-ups when
 * the event loop is busy.
 */
export const KEY_POLL_STALE_MS = 500;

export interface KeyChangeWatch {
  /** The mark: unchanged while no key changed, as far as the last poll knows. Starts the poll. */
  mark(): number;
  /** A key write through this store: the mark moves at once, before the poll sees the counter. */
  bump(): void;
  stop(): void;
}

type Query = (text: string) => Promise<pg.QueryResult<{ version: number }>>;

export function keyChangeWatch(query: Query, clock: () => number = () => performance.now()): KeyChangeWatch {
  let mark = 0;
  let version: number | undefined;
  let okAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let polling = false;
  let stopped = false;

  const poll = async (): Promise<void> => {
    if (polling) return;
    polling = true;
    try {
      const { rows } = await query('SELECT version FROM api_key_changes WHERE id = 1');
      const next = rows[0]?.version;
      if (next === undefined) throw new Error('api_key_changes has no row');
      if (next !== version) {
        version = next;
        mark += 1;
      }
      okAt = clock();
    } catch {
      version = undefined;
      mark += 1;
    } finally {
      polling = false;
    }
  };

  return {
    mark() {
      if (timer === undefined && !stopped) {
        timer = setInterval(() => void poll(), KEY_POLL_MS);
        timer.unref();
        void poll();
      }
      if (clock() - okAt > KEY_POLL_STALE_MS) mark += 1;
      return mark;
    },
    bump() {
      mark += 1;
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
