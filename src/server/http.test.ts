import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import http, { type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { GatewayError } from '../errors.js';
import { readBody } from './http.js';

/** What readBody gave for each request: the body, whether it came without a promise, or the error code. */
interface Seen {
  readonly body?: string;
  readonly sync?: boolean;
  readonly code?: string;
}

async function withServer(limit: number, run: (port: number, seen: Seen[]) => Promise<void>): Promise<void> {
  const seen: Seen[] = [];
  const server = http.createServer((req: IncomingMessage, res) => {
    // As in the gateway: the body is asked for after a turn of the microtask queue.
    void Promise.resolve().then(async () => {
      try {
        const pending = readBody(req, limit, 2_000);
        const body = await pending;
        seen.push({ body: body.toString('utf8'), sync: !(pending instanceof Promise) });
        res.end('ok');
      } catch (err) {
        seen.push({ code: err instanceof GatewayError ? err.code : 'other' });
        res.setHeader('connection', 'close');
        res.end('no');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await run((server.address() as AddressInfo).port, seen);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** Sends raw bytes in pieces (with a pause between them) and waits for `answers` responses. */
async function send(port: number, pieces: readonly string[], answers: number): Promise<string> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let text = '';
  socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
  for (const piece of pieces) {
    socket.write(piece);
    await new Promise((r) => setTimeout(r, 30));
  }
  const deadline = Date.now() + 3_000;
  while ((text.match(/HTTP\/1\.1 /g) ?? []).length < answers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  socket.destroy();
  return text;
}

const post = (body: string, extra = ''): string => `POST / HTTP/1.1\r\nhost: x\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

describe('readBody', () => {
  it('takes a body that arrived whole without a promise, and the connection stays usable', async () => {
    await withServer(100, async (port, seen) => {
      await send(port, [post('{"a":1}') + post('second')], 2);
      assert.deepEqual(seen, [
        { body: '{"a":1}', sync: true },
        { body: 'second', sync: true },
      ]);
    });
  });

  it('waits for a body that trickles in', async () => {
    await withServer(100, async (port, seen) => {
      await send(port, ['POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 10\r\n\r\nhello', 'world'], 1);
      assert.deepEqual(seen, [{ body: 'helloworld', sync: false }]);
    });
  });

  it('refuses a body over the limit, declared or not', async () => {
    await withServer(8, async (port, seen) => {
      await send(port, [post('0123456789')], 1);
      // Chunked: no length up front, and the whole body is already buffered when asked for.
      await send(port, ['POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\na\r\n0123456789\r\n0\r\n\r\n'], 1);
      assert.deepEqual(seen, [{ code: 'PC_ERR_BODY_TOO_LARGE' }, { code: 'PC_ERR_BODY_TOO_LARGE' }]);
    });
  });

  it('gives an empty body as an empty buffer', async () => {
    await withServer(8, async (port, seen) => {
      await send(port, [post('')], 1);
      assert.deepEqual(seen, [{ body: '', sync: true }]);
    });
  });
});
