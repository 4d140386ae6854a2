/**
 * The "Node floor": the cheapest reverse proxy Node can be while doing a gateway's HTTP work, so
 * the benchmark can tell how much of a gateway's CPU per request is Node's own HTTP machinery and
 * how much is the gateway's code (issue 2: is a 10× lead over Portkey reachable in Node at all?).
 *
 *   node dist/bench/floor-proxy.js [--translate] <mock URL> <port>
 *
 * Per request it does what every gateway must: a `node:http` server reads the whole request body,
 * sends it with undici's keep-alive `Pool.request()` to the upstream, reads the upstream body and
 * answers 200 with it and a content-length. Event streams are piped through chunk by chunk instead,
 * as a gateway must to keep the first token fast. Nothing else: no authentication, no JSON parsing,
 * no routing, no logging — any real gateway costs at least this much.
 *
 * `--translate` adds the least a gateway with a canonical form (one that can send an OpenAI-format
 * request to an Anthropic upstream, as issue 2 asks) must do on top: parse the request JSON, build
 * the upstream request as a new object and serialise it; parse the answer, build the client's
 * answer as a new object and serialise that. No validation, no stages: this is a floor, not a
 * gateway. Event streams are still piped through untouched.
 *
 * `GET /healthz` answers 200, and one JSON line `{"url": …}` on stdout says it is listening.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'undici';

/** Upstream sockets: as many as Portcullis' default `upstream.connections`, so neither queues. */
const UPSTREAM_CONNECTIONS = 256;
/** Largest request body accepted; the benchmark sends a few hundred bytes. */
const MAX_BODY_BYTES = 1 << 20;

function parseArgs(argv: readonly string[]): { upstream: URL; port: number; translate: boolean } {
  const translate = argv[0] === '--translate';
  const [url, portText] = translate ? argv.slice(1) : argv;
  if (url === undefined || portText === undefined) throw new Error('usage: node dist/bench/floor-proxy.js [--translate] <mock URL> <port>');
  const upstream = new URL(url);
  // Like the load generator, it only ever talks to the benchmark's own loopback servers.
  if (upstream.protocol !== 'http:' || upstream.hostname !== '127.0.0.1') throw new Error(`the upstream must be http://127.0.0.1:PORT, got ${url}`);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`bad port "${portText}"`);
  return { upstream, port, translate };
}

/** The whole request body, or undefined when it is over the limit. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES) return undefined;
    parts.push(b);
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
}

/** The shapes `--translate` reads: just the fields it carries over. */
interface ChatIn {
  readonly model?: unknown;
  readonly messages?: readonly { readonly role?: unknown; readonly content?: unknown }[];
  readonly max_tokens?: unknown;
  readonly temperature?: unknown;
  readonly stream?: unknown;
}
interface ChatOut {
  readonly id?: unknown;
  readonly created?: unknown;
  readonly model?: unknown;
  readonly choices?: readonly { readonly index?: unknown; readonly message?: { readonly role?: unknown; readonly content?: unknown }; readonly finish_reason?: unknown }[];
  readonly usage?: { readonly prompt_tokens?: unknown; readonly completion_tokens?: unknown; readonly total_tokens?: unknown };
}

/** Request JSON → a new upstream request object → JSON: the decode/encode every translating gateway does. */
function translateRequest(body: Buffer): string {
  const chat = JSON.parse(body.toString('utf8')) as ChatIn;
  const upstream = {
    model: chat.model,
    messages: (chat.messages ?? []).map((m) => ({ role: m.role, content: m.content })),
    ...(chat.max_tokens !== undefined ? { max_tokens: chat.max_tokens } : {}),
    ...(chat.temperature !== undefined ? { temperature: chat.temperature } : {}),
    ...(chat.stream !== undefined ? { stream: chat.stream } : {}),
  };
  return JSON.stringify(upstream);
}

/** The answer likewise: parsed, rebuilt as the client's form, serialised. */
function translateAnswer(text: string): string {
  const out = JSON.parse(text) as ChatOut;
  const answer = {
    id: out.id,
    object: 'chat.completion',
    created: out.created,
    model: out.model,
    choices: (out.choices ?? []).map((c) => ({ index: c.index, message: { role: c.message?.role, content: c.message?.content }, finish_reason: c.finish_reason })),
    ...(out.usage !== undefined ? { usage: { prompt_tokens: out.usage.prompt_tokens, completion_tokens: out.usage.completion_tokens, total_tokens: out.usage.total_tokens } } : {}),
  };
  return JSON.stringify(answer);
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function main(): void {
  const { upstream, port, translate } = parseArgs(process.argv.slice(2));
  const pool = new Pool(upstream.origin, { connections: UPSTREAM_CONNECTIONS, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 10_000, bodyTimeout: 10_000 });

  const proxy = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET' && req.url === '/healthz') {
      answer(res, 200, 'ok');
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      answer(res, 413, 'too large');
      return;
    }
    const up = await pool.request({
      method: 'POST',
      path: req.url ?? '/',
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: translate ? translateRequest(body) : body,
    });
    const type = up.headers['content-type'];
    const contentType = typeof type === 'string' ? type : 'application/json';
    if (contentType.startsWith('text/event-stream')) {
      res.writeHead(up.statusCode, { 'content-type': contentType, 'cache-control': 'no-cache' });
      // Forward each piece as it comes: the first event must not wait for the last.
      for await (const chunk of up.body) {
        if (!res.write(chunk as Buffer)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
      return;
    }
    const payload = translate ? Buffer.from(translateAnswer(await up.body.text())) : Buffer.from(await up.body.arrayBuffer());
    res.writeHead(up.statusCode, { 'content-type': contentType, 'content-length': payload.length });
    res.end(payload);
  };

  const server = createServer((req, res) => {
    proxy(req, res).catch(() => {
      if (!res.headersSent) answer(res, 502, 'upstream failed');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const bound = address !== null && typeof address === 'object' ? address.port : port;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${bound}` })}\n`);
  });
  const shutdown = (): void => {
    server.close();
    server.closeAllConnections();
    void pool.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main();
