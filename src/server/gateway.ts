/**
 * The data-plane listener: routes HTTP requests onto the request path of DESIGN.md —
 * identity → authorize → … → provider → output — and back. This is the only layer that knows
 * HTTP; stages and providers see the canonical form.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import type { CanonicalRequest, CanonicalResponse, ChatChunk, ChatRequest, EmbeddingsRequest } from '../canonical/types.js';
import type { Runtime } from '../config/compile.js';
import { GatewayError, toGatewayError } from '../errors.js';
import * as anthropic from '../formats/anthropic.js';
import * as openai from '../formats/openai.js';
import type { Logger } from '../log.js';
import type { Pipeline, RequestState } from '../pipeline/runner.js';
import type { Api, ClientCertificate, Decision, Operation } from '../pipeline/types.js';
import { openChatStream, sendChat, sendEmbeddings, type RuntimeRoute } from '../providers/upstream.js';
import { mayUseModel } from '../stages/authorize/model-scope.js';
import { mayUseModelByPolicy } from '../stages/authorize/policy.js';
import type { Store } from '../store/types.js';
import type { AuthRoutes } from './auth-routes.js';
import { clientCertOf, clientCertOptions } from './client-cert.js';
import { guardScan } from './guard-scan.js';
import { holdEnd, sha256Of, Sha256Stream, type CompletionHook, type PayloadDigests, type Sha256Hex } from './completion.js';
import { lazyChild } from './request-log.js';
import { parseJsonBody, readBody, sendError, sendJson } from './http.js';
import { GatewayResponse } from './response.js';
import { createTlsServer } from '../tls/listener.js';
import { traceUpstream, traceUpstreamStream, type RequestTrace, type Tracing } from '../telemetry/tracing.js';
import { Cancellation } from '../lib/cancel.js';
import { timeOrderedId } from '../lib/request-id.js';

export interface GatewayDeps {
  readonly runtime: Runtime;
  readonly pipeline: Pipeline;
  readonly store: Store;
  readonly log: Logger;
  /** `POST /v1/auth/token` and `GET /.well-known/jwks.json` (identity, issue 3); 404 without. */
  readonly auth?: AuthRoutes;
  /** Told about every finished data-plane request (the audit trail); the answer's final bytes wait for it. */
  readonly onComplete?: CompletionHook;
  /**
   * Which requests' summaries carry SHA-256 digests of the raw request and answer bytes (the
   * audit's `hash` payloads); without it nothing is hashed.
   */
  readonly payloadDigests?: PayloadDigests;
  /** OpenTelemetry traces (telemetry/tracing.ts); absent when off, and then nothing is traced. */
  readonly tracing?: Tracing;
}

/** What a request got as far as the completion hook cares: the decoded request and the answer sent. */
interface Seen {
  request?: CanonicalRequest;
  response?: CanonicalResponse;
  chunks?: ChatChunk[];
  trace?: RequestTrace;
  /** Set once the request is decoded and `payloadDigests` wants its bytes hashed. */
  digests?: boolean;
  requestSha256?: Sha256Hex;
  answerSha256?: Sha256Hex;
}

export interface Gateway {
  readonly server: http.Server;
  listen(): Promise<AddressInfo>;
  /** Swaps in a new runtime; requests in flight finish on the one they started with. */
  setRuntime(runtime: Runtime): void;
  readonly runtime: Runtime;
  close(): Promise<void>;
}

interface Endpoint {
  readonly method: 'GET' | 'POST';
  readonly api: Api;
  readonly operation: Operation | 'health' | 'ready' | 'jwks';
}

const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map([
  ['/v1/chat/completions', { method: 'POST', api: 'openai', operation: 'chat' }],
  ['/v1/embeddings', { method: 'POST', api: 'openai', operation: 'embed' }],
  ['/v1/models', { method: 'GET', api: 'openai', operation: 'models' }],
  ['/v1/messages', { method: 'POST', api: 'anthropic', operation: 'messages' }],
  ['/v1/guard/scan', { method: 'POST', api: 'openai', operation: 'scan' }],
  ['/healthz', { method: 'GET', api: 'openai', operation: 'health' }],
  ['/readyz', { method: 'GET', api: 'openai', operation: 'ready' }],
  ['/v1/auth/token', { method: 'POST', api: 'openai', operation: 'token' }],
  ['/.well-known/jwks.json', { method: 'GET', api: 'openai', operation: 'jwks' }],
]);

/**
 * A data-plane request's state. A class, not an object literal: the literal had a `get signal()`
 * accessor closing over the request, and V8 allocates the accessor pair of every such property
 * in the old generation. That old object pointed at the getter, its closure context and so the
 * request's whole graph — request, response, state, closures — and kept all of it through every
 * young-generation collection until the next full one: about 3 KB promoted per request
 * (docs/performance.md, "Session 7"). Here the getter is on the prototype, made once.
 */
class DataPlaneState implements RequestState {
  readonly sourceIp: string;
  readonly headers: IncomingMessage['headers'];
  readonly clientCert?: ClientCertificate;
  principal: RequestState['principal'] = undefined;
  context: RequestState['context'] = undefined;
  responseHeaders?: Record<string, string>;
  /** Declared so the first stage slot (pipeline/slot.ts) does not change the object's shape. */
  slots: unknown[] | undefined = undefined;

  constructor(
    readonly requestId: string,
    readonly api: Api,
    readonly operation: Operation,
    req: IncomingMessage,
    readonly http: NonNullable<RequestState['http']>,
    clientCert: ClientCertificate | undefined,
    private readonly cancel: Cancellation,
    readonly log: Logger,
    readonly decisions: Decision[],
  ) {
    this.sourceIp = req.socket.remoteAddress ?? '';
    this.headers = req.headers;
    if (clientCert !== undefined) this.clientCert = clientCert;
  }

  /** A real `AbortSignal` only for a stage that asks (lib/cancel.ts). */
  get signal(): AbortSignal {
    return this.cancel.signal;
  }
}

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };

export function createGateway(deps: GatewayDeps): Gateway {
  let runtime = deps.runtime;
  const { pipeline, store, log } = deps;
  const serverConfig = runtime.config.server;

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = timeOrderedId();
    // Added as the head is written (response.ts); set here only on a response of another class.
    if (res instanceof GatewayResponse) res.requestId = requestId;
    else res.setHeader('x-request-id', requestId);
    void handle(req, res, requestId).catch((err: unknown) => {
      // handle() answers its own errors; reaching here is a bug, and still must not crash.
      log.error({ err, requestId }, 'unhandled error on the request path');
      if (!res.headersSent) sendError(res, 'openai', toGatewayError(err), requestId);
      else res.destroy();
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const started = performance.now();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const endpoint = ENDPOINTS.get(path);
    const api: Api = endpoint?.api ?? 'openai';
    if (!endpoint) return sendError(res, api, new GatewayError('PC_ERR_NOT_FOUND'), requestId);
    if (req.method !== endpoint.method) {
      res.setHeader('allow', endpoint.method);
      return sendError(res, api, new GatewayError('PC_ERR_METHOD_NOT_ALLOWED'), requestId);
    }
    if (endpoint.operation === 'health') {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    if (endpoint.operation === 'ready') return ready(res, requestId);
    if (endpoint.operation === 'jwks') return deps.auth ? deps.auth.jwks(res) : sendError(res, api, new GatewayError('PC_ERR_NOT_FOUND'), requestId);

    const current = runtime;
    // Not an AbortController: most requests are never cancelled, and the upstream call accepts
    // this cheaper form (lib/cancel.ts); stages that read ctx.signal get a real signal on demand.
    const cancel = new Cancellation();
    res.once('close', () => {
      if (!res.writableFinished) cancel.abort();
    });
    const trace = deps.tracing?.start(req, requestId, endpoint.operation, started);
    const state = new DataPlaneState(
      requestId,
      api,
      endpoint.operation,
      req,
      { method: req.method ?? '', path, scheme: serverConfig.tls ? 'https' : 'http' },
      serverConfig.tls?.clientCa ? clientCertOf(req.socket) : undefined,
      cancel,
      // Most requests log nothing: the child logger with the request id is made on first use.
      lazyChild(log, { requestId }),
      trace ? trace.decisions : [],
    );
    const startedAt = Date.now();
    const seen: Seen = trace ? { trace } : {};
    const release = deps.onComplete ? holdEnd(res) : undefined;
    let status = 200;
    let code: string | undefined;
    let model: string | undefined;
    try {
      // One turn of the microtask queue even when no header stage waits: a body that came in the
      // same packet as the headers is parsed after this handler returns, and readBody then takes
      // it whole, without a promise or timer (http.ts).
      await pipeline.startHeaders(state);
      if (endpoint.operation === 'token') {
        if (!deps.auth) throw new GatewayError('PC_ERR_NOT_FOUND');
        await deps.auth.token(req, res, state, current.config.server);
        return;
      }
      if (endpoint.operation === 'models') {
        listModels(req, res, current, state);
        return;
      }
      if (endpoint.operation === 'scan') {
        sendJson(res, 200, await guardScan(req, current));
        return;
      }
      const raw = await readBody(req, current.config.server.bodyLimitBytes, current.config.server.requestTimeoutMs);
      const decoded = decodeRequest(endpoint.operation, parseJsonBody(req, raw));
      model = decoded.model;
      seen.request = decoded;
      // Hashed here, while the bytes are at hand, so that nothing keeps the raw body alive.
      if (deps.payloadDigests?.(decoded.model)) {
        seen.digests = true;
        seen.requestSha256 = sha256Of(raw);
      }
      const route = current.routes.get(decoded.model);
      if (!route || !mayUseModel(state.principal, decoded.model)) throw new GatewayError('PC_ERR_MODEL_NOT_FOUND');
      const pending = pipeline.startRequest(state, decoded);
      const request = pending instanceof Promise ? await pending : pending;
      if (state.responseHeaders) for (const name in state.responseHeaders) res.setHeader(name, state.responseHeaders[name] as string);
      if (request.kind === 'embed') await embeddings(res, route, request, state, seen, cancel);
      else if (request.stream) status = await stream(res, route, request, state, seen, cancel);
      else await chat(res, route, request, state, seen, cancel);
    } catch (err) {
      const error = toGatewayError(err);
      if (cancel.aborted) {
        status = 499;
        code = 'client_closed';
      } else {
        status = error.status;
        code = error.code;
        if (error.code === 'PC_ERR_INTERNAL') state.log.error({ err }, 'internal error');
        sendError(res, api, error, requestId);
      }
    } finally {
      // Anything still running for this request (an upstream call behind a denial, a retry
      // backoff) stops now. A finished request has nothing left, and aborting is not free
      // (it builds a DOMException), so only unfinished ones pay for it.
      if (status !== 200 && !cancel.aborted) cancel.abort();
      if (log.isLevelEnabled('info')) {
        state.log.info(
          { method: req.method, path, status, code, model, principal: state.principal?.id, ms: Math.round((performance.now() - started) * 100) / 100, decisions: state.decisions.length },
          'request',
        );
      }
      if (deps.onComplete && release) {
        const summary = { requestId, startedAt, method: req.method ?? '', path, api, operation: endpoint.operation, sourceIp: state.sourceIp, principal: state.principal, model, decisions: state.decisions, status, code, latencyMs: performance.now() - started, request: seen.request, response: seen.response, chunks: seen.chunks, requestSha256: seen.requestSha256, answerSha256: seen.answerSha256 };
        try {
          await deps.onComplete(summary);
          release(true);
        } catch (err) {
          // No complete answer without the hook's consent (a durable audit record): break it off.
          state.log.error({ err }, 'completion hook failed; breaking off the response');
          release(false);
        }
      }
      trace?.end(status, code, model);
    }
  }

  async function ready(res: ServerResponse, requestId: string): Promise<void> {
    try {
      await store.ping();
      sendJson(res, 200, { status: 'ready', routes: runtime.routes.size });
    } catch (err) {
      log.warn({ err }, 'readiness check failed');
      sendError(res, 'openai', new GatewayError('PC_ERR_NOT_READY'), requestId);
    }
  }

  function listModels(req: IncomingMessage, res: ServerResponse, current: Runtime, state: RequestState): void {
    const models = [...current.routes.keys()].filter((m) => mayUseModel(state.principal, m) && mayUseModelByPolicy(current.policy, state, m));
    if (typeof req.headers['anthropic-version'] === 'string') {
      const data = models.map((id) => ({ type: 'model', id, display_name: id, created_at: '1970-01-01T00:00:00Z' }));
      sendJson(res, 200, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
      return;
    }
    sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'portcullis' })) });
  }

  async function chat(res: ServerResponse, route: RuntimeRoute, request: ChatRequest, state: RequestState, seen: Seen, cancel: Cancellation): Promise<void> {
    const answer = await traceUpstream(seen.trace, route.model, (headers) => sendChat(route, request, { signal: cancel, log: state.log, headers }));
    const checked = await pipeline.runResponse(state, answer);
    if (checked.kind !== 'chat') throw new GatewayError('PC_ERR_INTERNAL', { detail: 'an output stage changed the response kind' });
    seen.response = checked;
    const text = sendJson(res, 200, state.api === 'anthropic' ? anthropic.encodeMessagesResponse(checked) : openai.encodeChatResponse(checked));
    if (seen.digests) seen.answerSha256 = sha256Of(text);
  }

  async function embeddings(res: ServerResponse, route: RuntimeRoute, request: EmbeddingsRequest, state: RequestState, seen: Seen, cancel: Cancellation): Promise<void> {
    if (!route.embeddings) throw new GatewayError('PC_ERR_UNSUPPORTED_OPERATION');
    const answer = await traceUpstream(seen.trace, route.model, (headers) => sendEmbeddings(route, request, { signal: cancel, log: state.log, headers }));
    const checked = await pipeline.runResponse(state, answer);
    if (checked.kind !== 'embed') throw new GatewayError('PC_ERR_INTERNAL', { detail: 'an output stage changed the response kind' });
    seen.response = checked;
    const text = sendJson(res, 200, openai.encodeEmbeddingsResponse(checked));
    if (seen.digests) seen.answerSha256 = sha256Of(text);
  }

  /**
   * Streams an answer. Retries and fallback are over once the first upstream accepts; from then
   * on a failure is sent as an error event in the client's format, followed by a clean end.
   * Returns the status to log.
   */
  async function stream(res: ServerResponse, route: RuntimeRoute, request: ChatRequest, state: RequestState, seen: Seen, cancel: Cancellation): Promise<number> {
    const chunks = await traceUpstreamStream(seen.trace, route.model, (headers) => openChatStream(route, request, { signal: cancel, log: state.log, maxEventBytes: 16 * 1024 * 1024, headers }));
    const inspect = pipeline.streamsUninspected ? undefined : pipeline.openStream(state);
    const encoder = streamEncoder(state.api, request.includeUsage);
    res.writeHead(200, SSE_HEADERS);
    res.flushHeaders();
    const sent: ChatChunk[] = (seen.chunks = []);
    // The answer's digest covers every byte written, in order, the closing event included.
    const digest = seen.digests ? new Sha256Stream() : undefined;
    let flushed = false;
    const write = async (text: string): Promise<void> => {
      if (text.length === 0) return;
      digest?.add(text);
      if (!res.write(text)) await once(res, 'drain', { signal: cancel.signal });
      else if (!flushed) {
        // Node corks the socket on a write and uncorks on the next tick, which waits for every
        // microtask: when an upstream read holds many events, the whole batch would be encoded
        // before the first byte leaves. Yielding one tick sends the first chunk at once.
        flushed = true;
        await new Promise<void>((resolve) => process.nextTick(resolve));
      }
    };
    try {
      for await (const chunk of chunks) {
        const out = inspect ? await inspect.chunk(chunk) : [chunk];
        for (const c of out) {
          sent.push(c);
          await write(encoder.encode(c));
        }
      }
      if (inspect) {
        for (const c of await inspect.end()) {
          sent.push(c);
          await write(encoder.encode(c));
        }
      }
      res.end(digested(digest, encoder.end()));
      return 200;
    } catch (err) {
      if (cancel.aborted) throw err;
      const error = toGatewayError(err);
      state.log.warn({ code: error.code, err }, 'stream ended with an error');
      res.end(digested(digest, encoder.error(error, state.requestId)));
      return error.status;
    } finally {
      // A stream broken off by the client still records what was written up to then.
      if (digest) seen.answerSha256 = digest.digest();
    }
  }

  const timeouts = {
    headersTimeout: serverConfig.headersTimeoutMs,
    // Node's own whole-request limit is the backstop; readBody answers first with our error shape.
    requestTimeout: serverConfig.requestTimeoutMs + 1_000,
    keepAliveTimeout: serverConfig.keepAliveTimeoutMs,
    // Node checks those timeouts on this interval (30 s by default), which would let a stalled
    // client hold a connection far longer than configured.
    connectionsCheckingInterval: Math.min(1_000, serverConfig.headersTimeoutMs),
    ServerResponse: GatewayResponse,
  };
  const server = serverConfig.tls
    ? createTlsServer(serverConfig.tls, { ...timeouts, ...clientCertOptions(serverConfig.tls), reloadPollMs: serverConfig.tls.reloadPollMs }, handler, log)
    : http.createServer(timeouts, handler);
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (socket.writable && err.code !== 'ECONNRESET') socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  return {
    server,
    get runtime() {
      return runtime;
    },
    async listen() {
      server.listen(serverConfig.port, serverConfig.host);
      await once(server, 'listening');
      return server.address() as AddressInfo;
    },
    setRuntime(next) {
      const previous = runtime;
      runtime = next;
      void previous.close().catch((err: unknown) => log.warn({ err }, 'closing the previous runtime failed'));
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(force);
      await runtime.close();
    },
  };
}

function decodeRequest(operation: Operation, body: unknown): ChatRequest | EmbeddingsRequest {
  switch (operation) {
    case 'chat':
      return openai.decodeChatRequest(body);
    case 'embed':
      return openai.decodeEmbeddingsRequest(body);
    case 'messages':
      return anthropic.decodeMessagesRequest(body);
    case 'models':
    case 'token':
    case 'scan':
      throw new GatewayError('PC_ERR_INTERNAL', { detail: `${operation} is not a model request` });
  }
}

/** `text`, after adding it to the running digest of a stream's bytes. */
function digested(digest: Sha256Stream | undefined, text: string): string {
  digest?.add(text);
  return text;
}

interface StreamEncoder {
  encode(chunk: ChatChunk): string;
  end(): string;
  error(err: GatewayError, requestId: string): string;
}

function streamEncoder(api: Api, includeUsage: boolean): StreamEncoder {
  if (api === 'anthropic') return anthropic.createStreamEncoder();
  return {
    encode(chunk) {
      if (chunk.usage && !includeUsage) {
        // The gateway always asks upstreams for usage; a client that did not ask does not get it.
        if (chunk.choices.length === 0) return '';
        const { usage: _dropped, ...rest } = chunk;
        return openai.encodeChatChunk(rest);
      }
      return openai.encodeChatChunk(chunk);
    },
    end: () => openai.STREAM_DONE,
    error: (err, requestId) => openai.encodeStreamError(err, requestId),
  };
}
