/**
 * Calls upstream providers for a route: ordered fallback over its targets, retries with jittered
 * exponential backoff on connect errors, 429 and 5xx — only before any byte has been streamed to
 * the client — and a circuit breaker per target. Upstream error bodies are drained and dropped:
 * they never reach the client, only a registry code does.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { Dispatcher } from 'undici';
import type { ChatChunk, ChatRequest, ChatResponse, EmbeddingsRequest, EmbeddingsResponse } from '../canonical/types.js';
import { GatewayError, type ErrorCode } from '../errors.js';
import { abortSignalOf, type CancelSource } from '../lib/cancel.js';
import type { Logger } from '../log.js';
import type { Adapter, Target } from './adapters.js';
import type { CircuitBreaker } from './breaker.js';
import { tlsFailureOf } from '../tls/upstream.js';
import { requestWhole } from './whole-request.js';

export interface RouteTarget {
  readonly target: Target;
  readonly adapter: Adapter;
  readonly dispatcher: Dispatcher;
  readonly breaker: CircuitBreaker;
}

export interface RuntimeRoute {
  readonly model: string;
  readonly targets: readonly RouteTarget[];
  readonly retry: { readonly attempts: number; readonly initialBackoffMs: number; readonly maxBackoffMs: number };
  /** Whether any target can serve embeddings. */
  readonly embeddings: boolean;
}

export interface CallOptions {
  /** Stops the call (client gone, request over). A request's `Cancellation` makes no `AbortSignal` unless one is needed. */
  readonly signal: CancelSource;
  readonly log: Logger;
  /** Bounds the SSE parser's buffer: one upstream event larger than this breaks the stream. */
  readonly maxEventBytes?: number;
  /** Added to every upstream request (the W3C `traceparent` of a traced request). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** Why one attempt failed, and what the loop may do about it. */
class AttemptFailure extends Error {
  constructor(
    readonly error: GatewayError,
    /** Try the same target again (after backoff). */
    readonly retry: boolean,
    /** Move on to the next target. */
    readonly fallback: boolean,
    /** Counts against the target's circuit breaker. */
    readonly unhealthy: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
  }
}

/** Attempts the route's targets in order; `call` does one attempt and throws on failure. */
async function withFallback<T>(route: RuntimeRoute, options: CallOptions, call: (entry: RouteTarget) => Promise<T>, eligible: (entry: RouteTarget) => boolean = () => true): Promise<T> {
  let last: GatewayError | undefined;
  for (const entry of route.targets) {
    if (!eligible(entry)) continue;
    for (let attempt = 0; attempt < route.retry.attempts; attempt++) {
      if (!entry.breaker.tryAcquire()) break;
      try {
        const result = await call(entry);
        entry.breaker.success();
        return result;
      } catch (err) {
        if (options.signal.aborted) {
          entry.breaker.release();
          throw err;
        }
        const failure = err instanceof AttemptFailure ? err : classifyError(err);
        if (failure.unhealthy) entry.breaker.failure();
        else entry.breaker.release();
        last = failure.error;
        options.log.warn({ provider: entry.target.provider, upstreamModel: entry.target.model, attempt: attempt + 1, code: failure.error.code, ...tlsFailureOf(err) }, 'upstream attempt failed');
        if (!failure.fallback) throw failure.error;
        if (!failure.retry || attempt + 1 >= route.retry.attempts) break;
        const backoff = backoffMs(route.retry, attempt, failure.retryAfterMs);
        if (backoff === undefined) break;
        await sleep(backoff, undefined, { signal: abortSignalOf(options.signal) });
      }
    }
  }
  throw last ?? new GatewayError('PC_ERR_CIRCUIT_OPEN');
}

/** Full-jitter exponential backoff; a Retry-After longer than the cap means: try another target. */
function backoffMs(retry: RuntimeRoute['retry'], attempt: number, retryAfterMs: number | undefined): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= retry.maxBackoffMs ? retryAfterMs : undefined;
  const cap = Math.min(retry.maxBackoffMs, retry.initialBackoffMs * 2 ** attempt);
  return Math.round(cap / 2 + (Math.random() * cap) / 2);
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED']);
const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function errorCodeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (err as { cause?: unknown } | null)?.cause;
  return cause === undefined ? undefined : errorCodeOf(cause);
}

function classifyError(err: unknown): AttemptFailure {
  if (err instanceof GatewayError) return new AttemptFailure(err, false, true, true);
  const code = errorCodeOf(err);
  if (code !== undefined && TIMEOUTS.has(code)) {
    // A timed-out call is not repeated on the same target (it would double the wait), but the
    // next target may still answer.
    return new AttemptFailure(new GatewayError('PC_ERR_UPSTREAM_TIMEOUT', { cause: err }), false, true, true);
  }
  if (code !== undefined && UNREACHABLE.has(code)) return new AttemptFailure(new GatewayError('PC_ERR_UPSTREAM_UNAVAILABLE', { cause: err }), true, true, true);
  return new AttemptFailure(new GatewayError('PC_ERR_UPSTREAM_UNAVAILABLE', { cause: err }), true, true, true);
}

function statusFailure(status: number, headers: Dispatcher.ResponseData['headers']): AttemptFailure {
  if (status === 429) {
    const retryAfter = parseRetryAfter(headers['retry-after']);
    return new AttemptFailure(
      new GatewayError('PC_ERR_UPSTREAM_RATE_LIMITED', { detail: `upstream status ${status}`, ...(retryAfter !== undefined ? { retryAfter: Math.ceil(retryAfter / 1000) } : {}) }),
      true,
      true,
      false,
      retryAfter,
    );
  }
  if (status >= 500) return new AttemptFailure(new GatewayError('PC_ERR_UPSTREAM_ERROR', { detail: `upstream status ${status}` }), true, true, true);
  if (status === 400 || status === 413 || status === 422) {
    // The request itself is at fault: another target would refuse it too.
    return new AttemptFailure(new GatewayError('PC_ERR_UPSTREAM_BAD_REQUEST', { detail: `upstream status ${status}` }), false, false, false);
  }
  return new AttemptFailure(new GatewayError('PC_ERR_UPSTREAM_ERROR', { detail: `upstream status ${status}` }), false, true, true);
}

function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Where one target's requests go and with which headers, worked out once per target. */
interface Prepared {
  readonly headers: Readonly<Record<string, string>>;
  readonly endpoints: Map<Operation, { readonly origin: string; readonly path: string }>;
}

type Operation = 'chat' | 'embeddings';

const prepared = new WeakMap<RouteTarget, Prepared>();

function preparedFor(entry: RouteTarget): Prepared {
  let p = prepared.get(entry);
  if (p === undefined) {
    p = { headers: Object.freeze(entry.adapter.headers(entry.target)), endpoints: new Map() };
    prepared.set(entry, p);
  }
  return p;
}

/** The operation's URL split for `Dispatcher.request`, which then has nothing to parse per request. */
function endpointOf(entry: RouteTarget, p: Prepared, operation: Operation): { readonly origin: string; readonly path: string } {
  let endpoint = p.endpoints.get(operation);
  if (endpoint === undefined) {
    const url = operation === 'chat' ? entry.adapter.chatUrl(entry.target) : entry.adapter.embeddingsUrl(entry.target);
    if (url === undefined) throw new GatewayError('PC_ERR_UNSUPPORTED_OPERATION');
    const parsed = new URL(url);
    endpoint = { origin: parsed.origin, path: parsed.pathname + parsed.search };
    p.endpoints.set(operation, endpoint);
  }
  return endpoint;
}

/** The dispatch options of one attempt: the target's prepared URL and headers, the payload as JSON. */
function attemptOptions(entry: RouteTarget, operation: Operation, payload: object, extraHeaders?: Readonly<Record<string, string>>): Dispatcher.DispatchOptions {
  const p = preparedFor(entry);
  const { origin, path } = endpointOf(entry, p, operation);
  return {
    origin,
    path,
    method: 'POST',
    headers: extraHeaders ? { ...p.headers, ...extraHeaders } : p.headers,
    body: JSON.stringify(payload),
    headersTimeout: entry.target.firstByteTimeoutMs,
    bodyTimeout: entry.target.idleTimeoutMs,
  };
}

/** A streamed answer: the body stays a stream. */
async function post(entry: RouteTarget, operation: Operation, payload: object, signal: CancelSource, extraHeaders?: Readonly<Record<string, string>>): Promise<Dispatcher.ResponseData> {
  const res = await entry.dispatcher.request({ ...attemptOptions(entry, operation, payload, extraHeaders), signal: abortSignalOf(signal) });
  if (res.statusCode >= 300) {
    await res.body.dump().catch(() => undefined);
    throw statusFailure(res.statusCode, res.headers);
  }
  return res;
}

/** A whole answer (whole-request.ts), parsed as JSON. */
async function postForJson(entry: RouteTarget, operation: Operation, payload: object, signal: CancelSource, extraHeaders?: Readonly<Record<string, string>>): Promise<unknown> {
  const res = await requestWhole(entry.dispatcher, attemptOptions(entry, operation, payload, extraHeaders), signal);
  if (res.statusCode >= 300) throw statusFailure(res.statusCode, res.headers);
  // Like undici's body.text(): UTF-8, a byte-order mark dropped.
  let text = res.body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AttemptFailure(new GatewayError('PC_ERR_UPSTREAM_BAD_RESPONSE'), true, true, true);
  }
}

/** Runs a decode step; a decoder's GatewayError (bad shape) becomes a retryable attempt failure. */
function decoded<T>(decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    throw new AttemptFailure(err instanceof GatewayError ? err : new GatewayError('PC_ERR_UPSTREAM_BAD_RESPONSE', { cause: err }), true, true, true);
  }
}

export async function sendChat(route: RuntimeRoute, chat: ChatRequest, options: CallOptions): Promise<ChatResponse> {
  return withFallback(route, options, async (entry) => {
    const body = await postForJson(entry, 'chat', entry.adapter.encodeChat(chat, entry.target), options.signal, options.headers);
    return decoded(() => entry.adapter.decodeChat(body, route.model));
  });
}

export async function sendEmbeddings(route: RuntimeRoute, embed: EmbeddingsRequest, options: CallOptions): Promise<EmbeddingsResponse> {
  return withFallback(
    route,
    options,
    async (entry) => {
      const body = await postForJson(entry, 'embeddings', entry.adapter.encodeEmbeddings(embed, entry.target), options.signal, options.headers);
      return decoded(() => entry.adapter.decodeEmbeddings(body, route.model));
    },
    (entry) => entry.adapter.embeddingsUrl(entry.target) !== undefined,
  );
}

/**
 * Opens a streamed answer. Resolves once an upstream has accepted the request (status 2xx), so
 * retries and fallback happen before anything is sent to the client; afterwards a failure ends
 * the returned iterator with a GatewayError (PC_ERR_STREAM_BROKEN or PC_ERR_UPSTREAM_TIMEOUT).
 */
export async function openChatStream(route: RuntimeRoute, chat: ChatRequest, options: CallOptions): Promise<AsyncIterable<ChatChunk>> {
  return withFallback(route, options, async (entry) => {
    const res = await post(entry, 'chat', entry.adapter.encodeChat(chat, entry.target), options.signal, options.headers);
    return streamChunks(res, entry.adapter.streamDecoder(route.model), options);
  });
}

async function* streamChunks(res: Dispatcher.ResponseData, decode: ReturnType<Adapter['streamDecoder']>, options: CallOptions): AsyncGenerator<ChatChunk> {
  const events: EventSourceMessage[] = [];
  let parseFailed = false;
  const parser = createParser({
    onEvent: (event) => void events.push(event),
    onError: () => {
      parseFailed = true;
    },
    ...(options.maxEventBytes !== undefined ? { maxBufferSize: options.maxEventBytes } : {}),
  });
  const body = res.body;
  // undici yields Buffers; a streaming decoder keeps multi-byte characters split across pieces whole.
  const text = new TextDecoder();
  let done = false;
  try {
    for await (const piece of body) {
      parser.feed(text.decode(piece as Buffer, { stream: true }));
      if (parseFailed) throw new GatewayError('PC_ERR_UPSTREAM_BAD_RESPONSE', { detail: 'unreadable upstream event stream' });
      for (const event of events) {
        const out = decode(event.event ?? 'message', event.data);
        if (out === 'done') {
          done = true;
          break;
        }
        yield* out;
      }
      events.length = 0;
      if (done) return;
    }
  } catch (err) {
    if (err instanceof GatewayError || options.signal.aborted) throw err;
    const code = errorCodeOf(err);
    const mapped: ErrorCode = code !== undefined && TIMEOUTS.has(code) ? 'PC_ERR_UPSTREAM_TIMEOUT' : 'PC_ERR_STREAM_BROKEN';
    throw new GatewayError(mapped, { cause: err });
  } finally {
    // After the final event, drain what is left so the keep-alive connection can be reused;
    // otherwise (client gone, guard denial, error) stop the upstream transfer at once.
    if (done) void body.dump().catch(() => undefined);
    else if (!body.destroyed) body.destroy();
  }
  if (!done) throw new GatewayError('PC_ERR_STREAM_BROKEN', { detail: 'upstream stream ended without its final event' });
}
