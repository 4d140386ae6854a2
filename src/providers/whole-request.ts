/**
 * One upstream request whose answer is wanted whole (non-streamed chat, embeddings), through
 * `Dispatcher.dispatch` with a handler that collects the body pieces. `Dispatcher.request` would
 * wrap every answer in an async resource, a Readable stream and a consumer promise, only for the
 * caller to read the stream to its end at once; on the hot path that machinery cost more CPU than
 * the JSON it carried. Streams keep using `request` (upstream.ts), where a stream is the point.
 *
 * Behaviour matches `request` + `body.text()` / `body.dump()`: the same undici errors (codes
 * UND_ERR_*) reject the promise, the signal aborts the request at any point, and the body of an
 * answer that is not 2xx is read and dropped — up to {@link DROP_LIMIT}, after which the
 * connection is given up (as `dump()` does) rather than read without end.
 */
import { util, type Dispatcher } from 'undici';
import { onAbort, type CancelSource } from '../lib/cancel.js';

export interface WholeResponse {
  readonly statusCode: number;
  /** Parsed from the raw header lines when first read: a successful answer's are seldom needed. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body of a 2xx answer; empty for any other status (it was dropped). */
  readonly body: Buffer;
}

/** How much of an error body is read (and dropped) before the connection is closed instead: undici's `dump()` default. */
const DROP_LIMIT = 128 * 1024;

const EMPTY = Buffer.alloc(0);

/** A whole answer; its headers are parsed (as undici parses them) only when read. */
class Answer implements WholeResponse {
  #raw: readonly (Buffer | string)[];
  #headers: Record<string, string | string[]> | undefined;

  constructor(
    readonly statusCode: number,
    raw: readonly (Buffer | string)[],
    readonly body: Buffer,
  ) {
    this.#raw = raw;
  }

  get headers(): Readonly<Record<string, string | string[] | undefined>> {
    this.#headers ??= util.parseHeaders(this.#raw as (Buffer | string)[]);
    return this.#headers;
  }
}

const NO_HEADERS: readonly Buffer[] = [];

/**
 * Sends `options` and resolves with the whole answer; rejects with undici's error or the signal's reason.
 *
 * The handler implements undici's first handler interface (`onConnect`, `onHeaders`, `onData`,
 * `onComplete`, `onError`), the one its HTTP/1.1 client calls. Given a handler of the newer
 * interface (`onRequestStart`, `onResponseStart`, …), undici wraps it per request in an adapter
 * and a controller and parses every answer's headers into an object, which a successful answer
 * here never reads (session 7, docs/performance.md). undici 7's types mark the first interface
 * deprecated; should a release drop it, this is the one place to move back to the newer one.
 */
export function requestWhole(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: CancelSource): Promise<WholeResponse> {
  return new Promise<WholeResponse>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    let abortRequest: ((err: Error) => void) | undefined;
    let settled = false;
    let statusCode = 0;
    let rawHeaders: readonly (Buffer | string)[] = NO_HEADERS;
    const parts: Buffer[] = [];
    let size = 0;
    const stopListening = onAbort(signal, () => {
      // undici answers the abort with onError(reason), which settles the promise.
      if (abortRequest) abortRequest(signal.reason as Error);
      else fail(signal.reason as Error);
    });
    function fail(err: Error): void {
      if (settled) return;
      settled = true;
      stopListening();
      reject(err);
    }
    function succeed(body: Buffer): void {
      if (settled) return;
      settled = true;
      stopListening();
      resolve(new Answer(statusCode, rawHeaders, body));
    }
    const handler: Dispatcher.DispatchHandler = {
      onConnect(abort) {
        abortRequest = abort;
        // Aborted while the request waited for a connection: it was refused already; do not send it.
        if (signal.aborted) abort(signal.reason as Error);
      },
      onHeaders(status, headers) {
        // 1xx answers (100 Continue, 103 Early Hints) come before the real one.
        if (status >= 200) {
          statusCode = status;
          rawHeaders = headers;
        }
        return true;
      },
      onData(chunk) {
        if (statusCode < 200 || settled) return true;
        size += chunk.length;
        if (statusCode < 300) parts.push(chunk);
        else if (size > DROP_LIMIT) {
          succeed(EMPTY);
          abortRequest?.(new Error('upstream error body over the drop limit'));
          return false;
        }
        return true;
      },
      onComplete() {
        succeed(statusCode >= 300 ? EMPTY : parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size));
      },
      onError(err) {
        fail(err);
      },
    };
    dispatcher.dispatch(options, handler);
  });
}
