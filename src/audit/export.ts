/**
 * SIEM export as it happens (issue 7): every audit record, once durable, is handed to the
 * configured exporters as one JSON line — the record's header fields and its canonical body.
 * Exporters never block the data plane: each has a bounded queue, drops (and counts) what does
 * not fit, and works in the background. Records reach an exporter only after the audit log made
 * them durable (in the journal, which the store is fed from), so a SIEM never sees a record the trail will not hold.
 *
 * - `jsonl`: appends lines to a local file (for a log shipper to pick up).
 * - `webhook`: POSTs batches of lines (`application/x-ndjson`) to a URL, signed with
 *   HMAC-SHA256 over the exact body bytes in `x-portcullis-signature: sha256=<hex>` (the scheme
 *   GitHub and Stripe use), retried with exponential backoff and jitter while the receiver fails.
 */
import { createHmac } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { request } from 'undici';
import type { Logger } from '../log.js';
import type { AuditEntry } from './chain.js';
import { queuedExporter, type QueuedExporter } from './export-queue.js';

export interface AuditExporter {
  readonly name: string;
  /** Takes a batch of durable entries; never throws, never waits. */
  publish(entries: readonly AuditEntry[]): void;
  readonly dropped: number;
  close(): Promise<void>;
}

/** One event line. The body is already canonical JSON, so it is spliced in, not re-encoded. */
export function eventLine(e: AuditEntry): string {
  return `{"requestId":${JSON.stringify(e.requestId)},"ts":${e.ts},"principal":${JSON.stringify(e.principal)},"route":${JSON.stringify(e.route)},"outcome":"${e.outcome}","status":${e.status},"record":${e.body}}\n`;
}

/** `sha256=<hex>` of HMAC-SHA256(secret, body). Receivers must compare it in constant time. */
export function webhookSignature(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Appends event lines to `file`; drops when more than `maxPendingBytes` are waiting for the disk. */
export function jsonlExporter(options: { file: string; maxPendingBytes?: number; log: Logger }): AuditExporter {
  const maxPending = options.maxPendingBytes ?? 16 * 1024 * 1024;
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const out: WriteStream = createWriteStream(options.file, { flags: 'a', mode: 0o600 });
  let dropped = 0;
  let failed = false;
  out.on('error', (err) => {
    if (!failed) options.log.error({ err, file: options.file }, 'audit JSONL export failed; dropping events');
    failed = true;
  });
  return {
    name: 'jsonl',
    publish(entries) {
      if (failed || out.writableLength > maxPending) {
        dropped += entries.length;
        return;
      }
      let text = '';
      for (const e of entries) text += eventLine(e);
      out.write(text);
    },
    get dropped() {
      return dropped;
    },
    close: () => new Promise<void>((resolve) => out.end(() => resolve())),
  };
}

export interface WebhookOptions {
  readonly url: string;
  readonly secret: string;
  /** Events held while the receiver is slow or down; beyond this new events are dropped. */
  readonly maxQueue?: number;
  /** Events per POST. */
  readonly maxBatch?: number;
  readonly timeoutMs?: number;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly log: Logger;
}

/**
 * POSTs signed batches on the shared delivery loop (export-queue.ts): one request in flight,
 * exponential backoff with full jitter while the receiver fails, drops counted beyond `maxQueue`.
 */
export function webhookExporter(options: WebhookOptions): QueuedExporter {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const send = async (lines: readonly string[]): Promise<void> => {
    const body = lines.join('');
    const res = await request(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', 'x-portcullis-signature': webhookSignature(options.secret, body) },
      body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    await res.body.dump();
    if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`webhook answered ${res.statusCode}`);
  };
  const url = new URL(options.url);
  return queuedExporter({
    name: 'webhook',
    // Origin and path only: a query string may carry a token.
    target: url.origin + url.pathname,
    encode: eventLine,
    send,
    maxQueue: options.maxQueue ?? 10_000,
    maxBatch: options.maxBatch ?? 500,
    closeTimeoutMs: timeoutMs,
    ...(options.minBackoffMs !== undefined ? { minBackoffMs: options.minBackoffMs } : {}),
    ...(options.maxBackoffMs !== undefined ? { maxBackoffMs: options.maxBackoffMs } : {}),
    log: options.log,
  });
}
