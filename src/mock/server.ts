/**
 * The mock LLM upstream: a fake OpenAI, Anthropic and Azure OpenAI on plain `node:http`, used by
 * the demo, the end-to-end tests and the benchmark. It imports nothing from the rest of `src/`:
 * it stands in for the real providers, so it must not share the gateway's translation code.
 *
 * Per-request work is kept small (string templates instead of object graphs, cached model-name
 * parsing, one write for unpaced streams) because the benchmark drives it at thousands of
 * requests per second on one core.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ANTHROPIC_MODELS, anthropicError, parseMessagesRequest, planMessageStream, renderMessage } from './anthropic.js';
import {
  LIMITS,
  parseConfigPatch,
  parseDirectives,
  parseModelControls,
  resolveBehaviour,
  type Behaviour,
  type BehaviourOverrides,
  type GlobalConfig,
} from './behaviour.js';
import { MAX_DIMENSIONS, parseEmbeddingsRequest, renderEmbeddings } from './embeddings.js';
import { OPENAI_MODELS, openAIError, parseChatRequest, planChatStream, renderChatCompletion } from './openai.js';
import { buildReply, type Conversation, type StreamPlan } from './reply.js';
import { splitEven } from './text.js';

/** Options of {@link startMockServer}; every field has a default. */
export interface MockOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port; default 0 (any free port). */
  readonly port?: number;
  /** Content chunks per streamed answer; default 8. */
  readonly chunks?: number;
  /** Pause before each streamed content chunk; default 0. */
  readonly chunkDelayMs?: number;
  /** Pause before the first byte of every answer; default 0. */
  readonly latencyMs?: number;
  /** Embedding length when the request does not set `dimensions`; default 8. */
  readonly embeddingDimensions?: number;
  /** When set, API requests must carry it as `Authorization: Bearer`, `x-api-key` or `api-key`. */
  readonly requireKey?: string;
}

/** Counters and the last request, for tests to assert on what the gateway sent upstream. */
export interface MockStats {
  /** API requests received (the `/_mock/*` control endpoints are not counted). */
  readonly requests: number;
  readonly byPath: Readonly<Record<string, number>>;
  /** Keyed by the body's `model`, or the deployment name on Azure paths. */
  readonly byModel: Readonly<Record<string, number>>;
  /** Requests whose client disconnected before the response finished. */
  readonly aborted: number;
  /** Requests in flight right now. */
  readonly open: number;
  /** Headers (all of them, including credentials) and parsed JSON body of the last API request. */
  readonly last: { readonly headers: IncomingHttpHeaders; readonly body: unknown };
}

/** A running mock upstream. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Stops listening and destroys every open connection, stalled ones included. */
  close(): Promise<void>;
  stats(): MockStats;
}

type Provider = 'openai' | 'anthropic' | 'azure';
type Endpoint = 'chat' | 'embeddings' | 'models' | 'messages';

interface Route {
  readonly endpoint: Endpoint;
  readonly provider: Provider;
  readonly method: 'GET' | 'POST';
  /** Azure deployment name, which doubles as the model. */
  readonly deployment: string | undefined;
}

/** One request/response pair and the timer pacing it, so a disconnect can cancel everything. */
interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  provider: Provider;
  timer: NodeJS.Timeout | undefined;
  closed: boolean;
  /** The mock itself destroyed the socket (`break-after`); that is not a client abort. */
  brokenByServer: boolean;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const SSE_TYPE = 'text/event-stream; charset=utf-8';
const JSON_TYPE = 'application/json';
const AZURE_PREFIX = '/openai/deployments/';
const API_VERSION = /(?:^|&)api-version=[^&]/;
const GARBAGE_BODY = '<html><body>mock garbage: this is not JSON</body></html>';
const GARBAGE_SSE = 'data: {mock garbage, this is not JSON\n\n';

const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['/v1/chat/completions', { endpoint: 'chat', provider: 'openai', method: 'POST', deployment: undefined }],
  ['/v1/embeddings', { endpoint: 'embeddings', provider: 'openai', method: 'POST', deployment: undefined }],
  ['/v1/models', { endpoint: 'models', provider: 'openai', method: 'GET', deployment: undefined }],
  ['/v1/messages', { endpoint: 'messages', provider: 'anthropic', method: 'POST', deployment: undefined }],
]);

function matchRoute(path: string): Route | undefined {
  const fixed = ROUTES.get(path);
  if (fixed !== undefined || !path.startsWith(AZURE_PREFIX)) return fixed;
  const rest = path.slice(AZURE_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return undefined;
  const suffix = rest.slice(slash);
  const endpoint = suffix === '/chat/completions' ? 'chat' : suffix === '/embeddings' ? 'embeddings' : undefined;
  if (endpoint === undefined) return undefined;
  let deployment: string;
  try {
    deployment = decodeURIComponent(rest.slice(0, slash));
  } catch {
    return undefined;
  }
  return { endpoint, provider: 'azure', method: 'POST', deployment };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`mock server option ${name} must be an integer between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function noop(): void {}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The request handler and its state; one per server. */
class MockUpstream {
  private readonly initial: Behaviour;
  private base: Behaviour;
  private failNext: BehaviourOverrides[] = [];
  private readonly keyDigest: Buffer | undefined;
  private readonly dimensions: number;
  private seq = 0;
  private requests = 0;
  private aborted = 0;
  private open = 0;
  private readonly byPath = new Map<string, number>();
  private readonly byModel = new Map<string, number>();
  private lastHeaders: IncomingHttpHeaders = {};
  private lastBody: unknown = null;
  /** Set while the server shuts down, so connections it destroys are not counted as aborts. */
  closing = false;
  private idle: (() => void) | undefined;

  constructor(options: MockOptions) {
    this.initial = {
      status: 0,
      retryAfter: -1,
      stall: false,
      stallAfter: -1,
      breakAfter: -1,
      chunks: checkInt('chunks', options.chunks ?? 8, 1, LIMITS.chunks),
      chunkDelayMs: checkInt('chunkDelayMs', options.chunkDelayMs ?? 0, 0, LIMITS.delayMs),
      latencyMs: checkInt('latencyMs', options.latencyMs ?? 0, 0, LIMITS.delayMs),
      garbage: false,
      echoHeaders: false,
    };
    this.base = this.initial;
    this.dimensions = checkInt('embeddingDimensions', options.embeddingDimensions ?? 8, 1, MAX_DIMENSIONS);
    if (options.requireKey !== undefined && options.requireKey === '') {
      throw new RangeError('mock server option requireKey must not be empty');
    }
    this.keyDigest = options.requireKey === undefined ? undefined : sha256(options.requireKey);
  }

  /** Entry point for every HTTP request. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    req.on('error', noop);
    if (path.startsWith('/_mock/')) {
      this.control(req, res, path);
      return;
    }

    const route = matchRoute(path);
    const ex: Exchange = {
      req,
      res,
      provider: route?.provider ?? (req.headers['anthropic-version'] === undefined ? 'openai' : 'anthropic'),
      timer: undefined,
      closed: false,
      brokenByServer: false,
    };
    this.requests++;
    this.open++;
    increment(this.byPath, path);
    this.lastHeaders = req.headers;
    this.lastBody = null;
    res.on('close', () => this.finished(ex));

    if (route === undefined) return this.sendError(ex, 404, `mock: no route for ${path}`);
    if (req.method !== route.method) {
      return this.sendError(ex, 405, `mock: ${path} accepts ${route.method} only`, -1, ['allow', route.method]);
    }
    if (!this.authorised(req.headers)) {
      const message = route.provider === 'anthropic' ? 'invalid x-api-key' : 'Incorrect API key provided.';
      return this.sendError(ex, 401, message);
    }
    if (route.provider === 'anthropic' && req.headers['anthropic-version'] === undefined) {
      return this.sendError(ex, 400, 'anthropic-version: header is required');
    }
    if (route.provider === 'azure' && (q < 0 || !API_VERSION.test(url.slice(q + 1)))) {
      return this.sendError(ex, 400, 'api-version query parameter is required');
    }
    if (route.endpoint === 'models') {
      const behaviour = resolveBehaviour(this.base, this.failNext.shift());
      return this.perform(ex, behaviour, false, () => {
        const anthropic = req.headers['anthropic-version'] !== undefined;
        this.sendJson(ex, 200, anthropic ? ANTHROPIC_MODELS : OPENAI_MODELS);
      });
    }
    readBody(req, (body) => {
      if (ex.closed) return;
      if (body === undefined) return this.sendError(ex, 413, 'mock: request body too large');
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return this.sendError(ex, 400, 'We could not parse the JSON body of your request.');
      }
      this.lastBody = parsed;
      if (!isRecord(parsed)) return this.sendError(ex, 400, 'The request body must be a JSON object.');
      const model = route.deployment ?? parsed['model'];
      if (typeof model === 'string') increment(this.byModel, model);
      this.dispatch(ex, route, parsed);
    });
  };

  private dispatch(ex: Exchange, route: Route, body: Record<string, unknown>): void {
    switch (route.endpoint) {
      case 'chat': {
        const chat = parseChatRequest(body, route.deployment);
        if (typeof chat === 'string') return this.sendError(ex, 400, chat);
        const behaviour = this.behaviourFor(chat.model, chat.lastUserText);
        return this.perform(ex, behaviour, chat.stream, () => this.answerChat(ex, chat, behaviour, chat.includeUsage));
      }
      case 'messages': {
        const conversation = parseMessagesRequest(body);
        if (typeof conversation === 'string') return this.sendError(ex, 400, conversation);
        const behaviour = this.behaviourFor(conversation.model, conversation.lastUserText);
        return this.perform(ex, behaviour, conversation.stream, () => this.answerMessages(ex, conversation, behaviour));
      }
      case 'embeddings': {
        const request = parseEmbeddingsRequest(body, this.dimensions, route.deployment);
        if (typeof request === 'string') return this.sendError(ex, 400, request);
        const behaviour = this.behaviourFor(request.model, request.directiveText);
        return this.perform(ex, behaviour, false, () => this.sendJson(ex, 200, renderEmbeddings(request)));
      }
      case 'models':
        // Answered before the body is read; listed so the switch stays exhaustive.
        return undefined;
    }
  }

  private behaviourFor(model: string, text: string): Behaviour {
    const queued = this.failNext.length > 0 ? this.failNext.shift() : undefined;
    return resolveBehaviour(this.base, parseModelControls(model), parseDirectives(text), queued);
  }

  /** Applies the failure controls that do not depend on the endpoint, then lets `respond` answer. */
  private perform(ex: Exchange, behaviour: Behaviour, stream: boolean, respond: () => void): void {
    // A stalled request sends nothing at all and waits for the client to give up.
    if (behaviour.stall) return;
    const go = (): void => {
      if (behaviour.status !== 0) return this.sendError(ex, behaviour.status, `mock: forced status ${behaviour.status}`, behaviour.retryAfter);
      if (behaviour.garbage) {
        const body = stream ? GARBAGE_SSE : GARBAGE_BODY;
        ex.res.writeHead(200, ['content-type', stream ? SSE_TYPE : JSON_TYPE, 'content-length', String(body.length)]);
        ex.res.end(body);
        return undefined;
      }
      return respond();
    };
    if (behaviour.latencyMs > 0) this.schedule(ex, behaviour.latencyMs, go);
    else go();
  }

  private answerChat(ex: Exchange, chat: Conversation, behaviour: Behaviour, includeUsage: boolean): void {
    const reply = buildReply(chat, behaviour, ex.req.headers);
    const seq = ++this.seq;
    const created = Math.floor(Date.now() / 1000);
    if (chat.stream) {
      this.stream(ex, planChatStream(reply, chat.model, seq, created, behaviour.chunks, includeUsage), behaviour, SSE_TYPE);
    } else {
      this.sendBody(ex, renderChatCompletion(reply, chat.model, seq, created), behaviour);
    }
  }

  private answerMessages(ex: Exchange, conversation: Conversation, behaviour: Behaviour): void {
    const reply = buildReply(conversation, behaviour, ex.req.headers);
    const seq = ++this.seq;
    if (conversation.stream) {
      this.stream(ex, planMessageStream(reply, conversation.model, seq, behaviour.chunks), behaviour, SSE_TYPE);
    } else {
      this.sendBody(ex, renderMessage(reply, conversation.model, seq), behaviour);
    }
  }

  /** A non-streamed body; `stall-after`/`break-after` still apply, cutting the JSON into chunks. */
  private sendBody(ex: Exchange, body: string, behaviour: Behaviour): void {
    if (behaviour.stallAfter < 0 && behaviour.breakAfter < 0) return this.sendJson(ex, 200, body);
    this.stream(ex, { head: [], body: splitEven(body, behaviour.chunks), tail: [] }, behaviour, JSON_TYPE);
  }

  /**
   * Writes a planned stream: head, then each body frame (pacing with `chunkDelayMs`), then tail.
   * `stall-after=N` / `break-after=N` count body frames only and always stop before the tail, so
   * the client never sees a complete answer.
   */
  private stream(ex: Exchange, plan: StreamPlan, behaviour: Behaviour, contentType: string): void {
    const { res } = ex;
    const { body } = plan;
    const breaking = behaviour.breakAfter >= 0 && (behaviour.stallAfter < 0 || behaviour.breakAfter <= behaviour.stallAfter);
    const cut = breaking ? behaviour.breakAfter : behaviour.stallAfter;
    const delay = behaviour.chunkDelayMs;
    if (cut < 0 && delay === 0) {
      // Unpaced: one write is far cheaper than one per frame, and SSE parsers cannot tell.
      const all = plan.head.join('') + body.join('') + plan.tail.join('');
      res.writeHead(200, ['content-type', contentType, 'cache-control', 'no-cache', 'content-length', String(Buffer.byteLength(all))]);
      res.end(all);
      return;
    }
    const stopAt = cut < 0 ? -1 : Math.min(cut, body.length);
    // Destroy only once the last frame has reached the socket; destroying in the same tick would
    // discard the corked writes and the client would see fewer chunks than asked for.
    const breakNow = (): void => {
      ex.brokenByServer = true;
      res.destroy();
    };
    res.writeHead(200, ['content-type', contentType, 'cache-control', 'no-cache']);
    const head = plan.head.join('');
    if (stopAt === 0) {
      if (breaking) res.write(head === '' ? ' ' : head, breakNow);
      else if (head === '') res.flushHeaders();
      else res.write(head);
      return;
    }
    if (head === '') res.flushHeaders();
    else res.write(head);
    let i = 0;
    const pump = (): void => {
      for (;;) {
        const frame = body[i];
        if (frame === undefined) {
          res.end(plan.tail.join(''));
          return;
        }
        i++;
        const last = i === stopAt;
        if (last && breaking) {
          res.write(frame, breakNow);
          return;
        }
        res.write(frame);
        if (last) return;
        if (delay > 0 && i < body.length) {
          this.schedule(ex, delay, pump);
          return;
        }
      }
    };
    if (delay > 0) this.schedule(ex, delay, pump);
    else pump();
  }

  private schedule(ex: Exchange, ms: number, fn: () => void): void {
    ex.timer = setTimeout(() => {
      ex.timer = undefined;
      if (!ex.closed) fn();
    }, ms);
  }

  private finished(ex: Exchange): void {
    ex.closed = true;
    if (ex.timer !== undefined) clearTimeout(ex.timer);
    ex.timer = undefined;
    this.open--;
    if (!ex.res.writableFinished && !ex.brokenByServer && !this.closing) this.aborted++;
    if (this.open === 0 && this.idle !== undefined) {
      const idle = this.idle;
      this.idle = undefined;
      idle();
    }
  }

  /** Calls `done` once no API request is in flight (at once if none is). */
  whenIdle(done: () => void): void {
    if (this.open === 0) done();
    else this.idle = done;
  }

  private authorised(headers: IncomingHttpHeaders): boolean {
    const digest = this.keyDigest;
    if (digest === undefined) return true;
    const matches = (candidate: string | string[] | undefined): boolean =>
      typeof candidate === 'string' && timingSafeEqual(sha256(candidate), digest);
    const authorization = headers['authorization'];
    if (typeof authorization === 'string' && authorization.startsWith('Bearer ') && matches(authorization.slice(7))) return true;
    return matches(headers['x-api-key']) || matches(headers['api-key']);
  }

  private sendJson(ex: Exchange, status: number, body: string, extra: readonly string[] = []): void {
    const idHeader = ex.provider === 'anthropic' ? 'request-id' : 'x-request-id';
    const headers: OutgoingHttpHeader[] = [
      'content-type',
      JSON_TYPE,
      'content-length',
      String(Buffer.byteLength(body)),
      idHeader,
      `req_mock_${this.requests}`,
      ...extra,
    ];
    ex.res.writeHead(status, headers);
    ex.res.end(body);
  }

  /** An error in the provider's own shape; `retryAfter` >= 0 adds a `Retry-After` header. */
  private sendError(ex: Exchange, status: number, message: string, retryAfter = -1, extra: readonly string[] = []): void {
    const body = ex.provider === 'anthropic' ? anthropicError(status, message) : openAIError(status, message);
    const headers = retryAfter >= 0 ? [...extra, 'retry-after', String(retryAfter)] : extra;
    this.sendJson(ex, status, body, headers);
  }

  /** `/_mock/*`: read and change the mock's state; never counted in the stats. */
  private control(req: IncomingMessage, res: ServerResponse, path: string): void {
    const reply = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, ['content-type', JSON_TYPE, 'content-length', String(Buffer.byteLength(text))]);
      res.end(text);
    };
    const expect = (method: string): boolean => {
      if (req.method === method) return true;
      res.setHeader('allow', method);
      reply(405, { error: `${path} accepts ${method} only` });
      return false;
    };
    switch (path) {
      case '/_mock/stats':
        if (expect('GET')) reply(200, this.stats());
        return;
      case '/_mock/reset':
        if (expect('POST')) {
          this.reset();
          reply(200, { ok: true });
        }
        return;
      case '/_mock/config':
        if (req.method === 'GET') {
          reply(200, this.config());
          return;
        }
        if (!expect('POST')) return;
        readBody(req, (body) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(body ?? '');
          } catch {
            reply(400, { error: 'config body is not valid JSON' });
            return;
          }
          const patch = parseConfigPatch(parsed);
          if (typeof patch === 'string') {
            reply(400, { error: patch });
            return;
          }
          this.base = { ...this.base, ...patch.global };
          if (patch.failNext !== undefined) this.failNext = patch.failNext;
          reply(200, this.config());
        });
        return;
      default:
        reply(404, { error: `no control endpoint ${path}` });
    }
  }

  private config(): GlobalConfig & { failNext: number } {
    const { chunks, chunkDelayMs, latencyMs } = this.base;
    return { chunks, chunkDelayMs, latencyMs, failNext: this.failNext.length };
  }

  /** Forgets configuration, counters and ids; the `open` gauge reflects live requests and stays. */
  reset(): void {
    this.base = this.initial;
    this.failNext = [];
    this.seq = 0;
    this.requests = 0;
    this.aborted = 0;
    this.byPath.clear();
    this.byModel.clear();
    this.lastHeaders = {};
    this.lastBody = null;
  }

  stats(): MockStats {
    return {
      requests: this.requests,
      byPath: Object.fromEntries(this.byPath),
      byModel: Object.fromEntries(this.byModel),
      aborted: this.aborted,
      open: this.open,
      last: { headers: this.lastHeaders, body: this.lastBody },
    };
  }
}

/** Collects a request body as UTF-8 text; `undefined` when it exceeds {@link MAX_BODY_BYTES}. */
function readBody(req: IncomingMessage, done: (body: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    // Keep draining past the limit so the 413 can still be sent on a healthy connection.
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_BODY_BYTES) done(undefined);
    else done(chunks.length === 1 ? (chunks[0]?.toString('utf8') ?? '') : Buffer.concat(chunks, size).toString('utf8'));
  });
}

/**
 * Starts a mock upstream and resolves once it listens. Options are validated here, so a bad
 * value fails at start-up rather than on the first request.
 */
export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const upstream = new MockUpstream(options);
  const host = options.host ?? '127.0.0.1';
  const port = checkInt('port', options.port ?? 0, 0, 65_535);
  const server = createServer(upstream.handle);
  // Tracked by hand so close() can destroy stalled connections that would otherwise hang it.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${address.port}`,
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        upstream.closing = true;
        // Resolve only when the listener is gone and every exchange has run its close handler,
        // so stats read right after close() are final.
        let pending = 2;
        // Belt and braces: a shutdown that waits on a close event that never comes would hang
        // every test suite using the mock, so give up waiting after a second.
        const fallback = setTimeout(resolve, 1000);
        fallback.unref();
        const settle = (): void => {
          pending--;
          if (pending === 0) {
            clearTimeout(fallback);
            resolve();
          }
        };
        server.close(() => settle());
        for (const socket of sockets) socket.destroy();
        upstream.whenIdle(settle);
      });
      return closed;
    },
    stats: () => upstream.stats(),
  };
}
