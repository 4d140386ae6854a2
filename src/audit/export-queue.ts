/**
 * The delivery loop shared by the network exporters (webhook, syslog, OTLP logs): a bounded in-memory
 * queue of encoded events, one batch in flight, exponential backoff with full jitter while the
 * receiver fails, and a drop counter. `publish` only encodes and enqueues, so the audit writer
 * (and with it the data plane) never waits on a SIEM. A batch leaves the queue only once `send`
 * resolved; a batch the receiver refuses for good (`PermanentExportError`) is dropped and
 * counted instead of being retried forever and blocking everything behind it.
 */
import type { Logger } from '../log.js';
import type { AuditEntry } from './chain.js';
import type { AuditExporter } from './export.js';

/** Thrown by `send` when retrying cannot help (the receiver rejected the batch itself). */
export class PermanentExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentExportError';
  }
}

export interface QueueOptions<T> {
  readonly name: string;
  readonly encode: (entry: AuditEntry) => T;
  /**
   * Delivers one batch; rejects to have it retried (or dropped, with PermanentExportError).
   * May resolve to how many events of the batch the receiver accepted but refused to keep
   * (counted as dropped).
   */
  readonly send: (batch: readonly T[]) => Promise<number | void>;
  /** Releases connections; called once on close, after the last attempt. */
  readonly shutdown?: () => void;
  /** Events held while the receiver is slow or down; beyond this, new events are dropped. */
  readonly maxQueue: number;
  readonly maxBatch: number;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Where `close` gives up on what is still queued. */
  readonly closeTimeoutMs?: number;
  readonly log: Logger;
  /** Where the receiver is, for log lines (never credentials). */
  readonly target: string;
}

export interface QueuedExporter extends AuditExporter {
  /** Events waiting for delivery. */
  readonly queued: number;
  /** Events delivered since start. */
  readonly delivered: number;
}

export function queuedExporter<T>(o: QueueOptions<T>): QueuedExporter {
  const minBackoff = o.minBackoffMs ?? 250;
  const maxBackoff = o.maxBackoffMs ?? 30_000;
  let queue: T[] = [];
  let dropped = 0;
  let delivered = 0;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  let sending: Promise<unknown> | undefined;
  const pump = (): void => {
    if (sending || timer || closed || queue.length === 0) return;
    const batch = queue.slice(0, o.maxBatch);
    sending = o.send(batch).then(
      (refused) => {
        queue = queue.slice(batch.length);
        const lost = typeof refused === 'number' ? Math.min(refused, batch.length) : 0;
        delivered += batch.length - lost;
        dropped += lost;
        if (failures > 0) o.log.info({ exporter: o.name, target: o.target }, 'audit exporter reachable again');
        failures = 0;
        sending = undefined;
        pump();
      },
      (err: unknown) => {
        sending = undefined;
        if (err instanceof PermanentExportError) {
          queue = queue.slice(batch.length);
          dropped += batch.length;
          o.log.error({ exporter: o.name, target: o.target, err }, 'audit exporter rejected a batch; dropped');
          pump();
          return;
        }
        if (failures === 0) o.log.warn({ exporter: o.name, target: o.target, err }, 'audit export failed; retrying with backoff');
        failures++;
        const ceiling = Math.min(maxBackoff, minBackoff * 2 ** Math.min(failures - 1, 20));
        timer = setTimeout(() => {
          timer = undefined;
          pump();
        }, minBackoff / 2 + Math.random() * ceiling);
        timer.unref();
      },
    );
  };

  return {
    name: o.name,
    publish(entries) {
      if (closed) {
        dropped += entries.length;
        return;
      }
      for (const e of entries) {
        if (queue.length >= o.maxQueue) {
          dropped++;
          continue;
        }
        try {
          queue.push(o.encode(e));
        } catch (err) {
          dropped++;
          o.log.error({ exporter: o.name, err }, 'audit event could not be encoded for export');
        }
      }
      pump();
    },
    get dropped() {
      return dropped;
    },
    get queued() {
      return queue.length;
    },
    get delivered() {
      return delivered;
    },
    async close() {
      // What is in flight finishes; then one last attempt for the rest, bounded in time.
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const deadline = Date.now() + (o.closeTimeoutMs ?? 5_000);
      const bounded = (p: Promise<unknown>): Promise<unknown> =>
        Promise.race([p.catch(() => undefined), new Promise<void>((r) => setTimeout(r, Math.max(0, deadline - Date.now())).unref())]);
      if (sending) await bounded(sending);
      if (timer) clearTimeout(timer);
      timer = undefined;
      while (queue.length > 0 && Date.now() < deadline) {
        const batch = queue.slice(0, o.maxBatch);
        let ok = false;
        await bounded(o.send(batch).then(() => void (ok = true)));
        if (!ok) break;
        queue = queue.slice(batch.length);
        delivered += batch.length;
      }
      dropped += queue.length;
      queue = [];
      o.shutdown?.();
    },
  };
}
