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
import type { Dispatcher } from 'undici';
import { onAbort, type CancelSource } from '../lib/cancel.js';

export interface WholeResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body of a 2xx answer; empty for any other status (it was dropped). */
  readonly body: Buffer;
}

/** How much of an error body is read (and dropped) before the connection is closed instead: undici's `dump()` default. */
const DROP_LIMIT = 128 * 1024;

const EMPTY = Buffer.alloc(0);

/** Sends `options` and resolves with the whole answer; rejects with undici's error or the signal's reason. */
export function requestWhole(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: CancelSource): Promise<WholeResponse> {
  return new Promise<WholeResponse>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    let statusCode = 0;
    let headers: WholeResponse['headers'] = {};
    const parts: Buffer[] = [];
    let size = 0;
    const stopListening = onAbort(signal, () => {
      // undici answers the abort with onResponseError(reason), which settles the promise.
      if (controller) controller.abort(signal.reason as Error);
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
      resolve({ statusCode, headers, body });
    }
    dispatcher.dispatch(options, {
      onRequestStart(c) {
        controller = c;
        // Aborted while the request waited for a connection: it was refused already; do not send it.
        if (signal.aborted) c.abort(signal.reason as Error);
      },
      onResponseStart(c, status, responseHeaders) {
        // 1xx answers (100 Continue, 103 Early Hints) come before the real one.
        if (status < 200) return;
        statusCode = status;
        headers = responseHeaders;
      },
      onResponseData(c, chunk) {
        if (statusCode < 200 || settled) return;
        size += chunk.length;
        if (statusCode < 300) parts.push(chunk);
        else if (size > DROP_LIMIT) {
          succeed(EMPTY);
          c.abort(new Error('upstream error body over the drop limit'));
        }
      },
      onResponseEnd() {
        succeed(statusCode >= 300 ? EMPTY : parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size));
      },
      onResponseError(_c, err) {
        fail(err);
      },
    });
  });
}
