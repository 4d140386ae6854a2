/**
 * Incident notifications: a Slack-compatible JSON payload (`{text, blocks}`), signed like Slack's
 * own request signing — `x-portcullis-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`
 * with `x-portcullis-timestamp` (epoch seconds), so a receiver can reject replays — sent in the
 * background with retries and exponential backoff with full jitter. Sending never blocks the data
 * plane: `send` only queues; a full queue drops the newest and counts it.
 */
import { createHmac } from 'node:crypto';
import { request } from 'undici';
import type { Logger } from '../log.js';

export interface NotifyTarget {
  readonly url: string;
  readonly secret: string;
}

export interface SlackPayload {
  readonly text: string;
  readonly blocks: readonly unknown[];
}

export interface NotifierOptions {
  readonly log: Logger;
  readonly maxQueue?: number;
  /** Attempts per message, the first included. */
  readonly attempts?: number;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export function signPayload(secret: string, timestampSec: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSec}.${body}`).digest('hex')}`;
}

interface Job {
  readonly target: NotifyTarget;
  readonly body: string;
  tries: number;
}

export class Notifier {
  private readonly queue: Job[] = [];
  private sending = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  dropped = 0;
  delivered = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly options: NotifierOptions) {}

  send(target: NotifyTarget, payload: SlackPayload): void {
    if (this.closed) return;
    if (this.queue.length >= (this.options.maxQueue ?? 1_000)) {
      this.dropped++;
      return;
    }
    this.queue.push({ target, body: JSON.stringify(payload), tries: 0 });
    this.pump();
  }

  /** Resolves once the queue is empty (tests, shutdown). */
  drained(): Promise<void> {
    if (this.queue.length === 0 && !this.sending) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.queue.length = 0;
    for (const r of this.idle.splice(0)) r();
  }

  private pump(): void {
    if (this.sending || this.closed || this.timer) return;
    const job = this.queue[0];
    if (!job) {
      for (const r of this.idle.splice(0)) r();
      return;
    }
    this.sending = true;
    this.post(job).then(
      () => {
        this.queue.shift();
        this.delivered++;
        this.sending = false;
        this.pump();
      },
      (err: unknown) => {
        this.sending = false;
        job.tries++;
        if (job.tries >= (this.options.attempts ?? 6)) {
          this.queue.shift();
          this.dropped++;
          this.options.log.error({ err, url: job.target.url }, 'incident notification dropped after retries');
          this.pump();
          return;
        }
        if (job.tries === 1) this.options.log.warn({ err, url: job.target.url }, 'incident notification failed; retrying with backoff');
        const min = this.options.minBackoffMs ?? 500;
        const ceiling = Math.min(this.options.maxBackoffMs ?? 60_000, min * 2 ** (job.tries - 1));
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, min / 2 + Math.random() * ceiling);
        this.timer.unref();
      },
    );
  }

  private async post(job: Job): Promise<void> {
    const ts = Math.floor((this.options.now ?? Date.now)() / 1000);
    const timeout = this.options.timeoutMs ?? 5_000;
    const res = await request(job.target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-portcullis-timestamp': String(ts), 'x-portcullis-signature': signPayload(job.target.secret, ts, job.body) },
      body: job.body,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    await res.body.dump();
    if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`webhook answered ${res.statusCode}`);
  }
}
