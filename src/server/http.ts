/**
 * Small HTTP helpers on node:http: bounded body reading and JSON / error responses. The data plane
 * uses node:http directly (no framework): it is the hot path, and this is all it needs.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError, anthropicErrorBody, openAIErrorBody } from '../errors.js';
import type { Api } from '../pipeline/types.js';

/**
 * Reads the whole body, refusing it (PC_ERR_BODY_TOO_LARGE) as soon as it is known to exceed
 * `limit` — from Content-Length before reading, or while reading — and giving up after
 * `deadlineMs` (PC_ERR_REQUEST_TIMEOUT) so a client that trickles its body cannot hold a slot.
 * Returns the body itself, without a promise, when it has already arrived whole.
 */
export function readBody(req: IncomingMessage, limit: number, deadlineMs: number): Promise<Buffer> | Buffer {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(new GatewayError('PC_ERR_BODY_TOO_LARGE'));
  const buffered = req.readableLength;
  if (req.readableFlowing === null && buffered <= limit && (req.complete || (declared !== undefined && buffered === Number(declared)))) {
    // The usual case: the body came in the same packets as the headers and all of it already
    // waits in the stream's buffer (the parser may not have marked the message complete yet).
    // Taking it synchronously spares a timer, four listeners and a promise per request;
    // resuming lets the end of the message through so the stream still ends normally.
    const whole = req.read() as Buffer | null;
    if (!req.readableEnded) req.resume();
    return whole ?? Buffer.alloc(0);
  }
  return new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: GatewayError | undefined, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      if (err) {
        // Stop taking data we will not use; the response carries `connection: close`.
        req.pause();
        reject(err);
      } else resolve(body as Buffer);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish(new GatewayError('PC_ERR_BODY_TOO_LARGE'));
      else parts.push(chunk);
    };
    const onEnd = (): void => finish(undefined, parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
    const onError = (): void => finish(new GatewayError('PC_ERR_BAD_REQUEST', { detail: 'client aborted while sending the body' }));
    const timer = setTimeout(() => finish(new GatewayError('PC_ERR_REQUEST_TIMEOUT')), deadlineMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}

/** Parses JSON, or throws PC_ERR_BAD_JSON. Requires a JSON content type when one is given. */
export function parseJsonBody(req: IncomingMessage, body: Buffer): unknown {
  const type = req.headers['content-type'];
  if (type !== undefined && !/^application\/(?:[\w.+-]*\+)?json\b/i.test(type)) throw new GatewayError('PC_ERR_UNSUPPORTED_MEDIA_TYPE');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new GatewayError('PC_ERR_BAD_JSON');
  }
}

/** Sends `body` as JSON; returns the text written (the answer's digest is taken over it). */
export function sendJson(res: ServerResponse, status: number, body: unknown): string {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return text;
}

/** The public error body in the API's own shape; never more than code, safe message, request id. */
export function sendError(res: ServerResponse, api: Api, err: GatewayError, requestId: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (err.retryAfter !== undefined) res.setHeader('retry-after', String(err.retryAfter));
  if (err.headers) for (const name in err.headers) res.setHeader(name, err.headers[name] as string);
  if (err.code === 'PC_ERR_BODY_TOO_LARGE' || err.code === 'PC_ERR_REQUEST_TIMEOUT') {
    // The rest of the body may still be on the wire; do not try to reuse this connection.
    res.setHeader('connection', 'close');
  }
  sendJson(res, err.status, api === 'anthropic' ? anthropicErrorBody(err, requestId) : openAIErrorBody(err, requestId));
}
