/**
 * What the data plane tells the outside world about each request it finished, and the hold on
 * the response's final bytes that lets an observer (the audit log) make its record durable
 * before the client sees a complete answer. The gateway knows nothing of what observers do with
 * the summary; it only waits for them.
 */
import { createHash, hash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CanonicalRequest, CanonicalResponse, ChatChunk } from '../canonical/types.js';
import type { Api, Decision, Operation, Principal } from '../pipeline/types.js';

/** One finished data-plane request: allowed, denied or failed. Plain data. */
export interface RequestSummary {
  readonly requestId: string;
  /** Epoch milliseconds when the request arrived. */
  readonly startedAt: number;
  readonly method: string;
  readonly path: string;
  readonly api: Api;
  readonly operation: Operation;
  readonly sourceIp: string;
  readonly principal: Principal | undefined;
  /** The public model name the caller asked for, once the body was read. */
  readonly model: string | undefined;
  readonly decisions: readonly Decision[];
  /** HTTP status sent (499 when the client went away first). */
  readonly status: number;
  /** Error code when the request did not succeed. */
  readonly code: string | undefined;
  /** Time to the answer being ready, excluding the wait on observers. */
  readonly latencyMs: number;
  /** The request as the caller sent it, decoded to the canonical form. */
  readonly request: CanonicalRequest | undefined;
  /** The answer as sent (after output stages), when it was not streamed. */
  readonly response: CanonicalResponse | undefined;
  /** The streamed answer's chunks as sent, usage chunk included. */
  readonly chunks: readonly ChatChunk[] | undefined;
  /**
   * Hex SHA-256 of the request body exactly as the client sent it (after HTTP framing), taken
   * when the body was read and decoded — only when `GatewayDeps.payloadDigests` asked for it.
   */
  readonly requestSha256?: Sha256Hex | undefined;
  /**
   * Hex SHA-256 of the answer's body bytes exactly as written to the client: the JSON of a whole
   * answer, or every event of a stream in order, the last one included — only when asked for.
   */
  readonly answerSha256?: Sha256Hex | undefined;
}

/**
 * A SHA-256 digest as 64 lower-case hex digits, made only by {@link sha256Of} and
 * {@link Sha256Stream}: an observer may write it into JSON as it is, without checking each digit.
 */
export type Sha256Hex = string & { readonly __sha256Hex: never };

/** The digest of a payload's bytes (a string counts as its UTF-8). */
export function sha256Of(bytes: string | Uint8Array): Sha256Hex {
  return hash('sha256', bytes, 'hex') as Sha256Hex;
}

/**
 * The digest of a payload written in pieces (a stream's events), in the order added. Pieces are
 * handed to the hash 16 KiB at a time: one native call per event cost ~0.17 µs per event against
 * ~0.11 batched (200 events of ~150 bytes), and at most 16 KiB wait here.
 */
export class Sha256Stream {
  readonly #hash = createHash('sha256');
  #pending = '';
  add(text: string): void {
    this.#pending += text;
    // Each piece is written (and so UTF-8 encoded) on its own: a piece ending in half a surrogate
    // pair must not be joined with the next one's other half before it is encoded.
    const last = text.charCodeAt(text.length - 1);
    if (this.#pending.length >= PENDING_MAX || (last >= 0xd800 && last <= 0xdbff)) {
      this.#hash.update(this.#pending, 'utf8');
      this.#pending = '';
    }
  }
  /** Once, at the end. */
  digest(): Sha256Hex {
    return this.#hash.update(this.#pending, 'utf8').digest('hex') as Sha256Hex;
  }
}
const PENDING_MAX = 16 * 1024;

/**
 * Whether a request to this model needs the digests of its raw request and answer bytes in its
 * summary (`requestSha256`, `answerSha256`); the gateway hashes nothing when this says no.
 */
export type PayloadDigests = (model: string) => boolean;

/**
 * Called once per data-plane request before its final bytes are sent; the response waits for
 * the returned promise. A rejection means the request must not complete: the gateway then
 * breaks the connection instead of sending the end of the answer.
 */
export type CompletionHook = (summary: RequestSummary) => Promise<void> | void;

/**
 * Holds back `res.end(...)` until `release` is called. Nothing of a non-streamed answer reaches
 * the client before release (Node sends headers and body on `end`), and a stream misses its
 * terminating bytes. `release(false)` breaks the connection instead of ending the response.
 */
export function holdEnd(res: ServerResponse): (deliver: boolean) => void {
  // Restored on release; `apply` gives it back its `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept unbound on purpose, re-applied to `res` below
  const end = res.end;
  let held: Parameters<ServerResponse['end']> | undefined;
  res.end = function heldEnd(this: ServerResponse, ...args: Parameters<ServerResponse['end']>) {
    held = args;
    return this;
  } as ServerResponse['end'];
  return function release(deliver: boolean): void {
    res.end = end;
    if (!deliver) res.destroy();
    else if (held) (end as (...a: Parameters<ServerResponse['end']>) => ServerResponse).apply(res, held);
  };
}
