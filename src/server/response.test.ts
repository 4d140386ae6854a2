import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { GatewayResponse } from './response.js';

/** Each path answers in one of the ways the data plane writes a head. */
const ANSWERS: Record<string, (res: GatewayResponse) => void> = {
  '/object': (res) => res.writeHead(201, { 'content-type': 'text/plain', 'x-other': 'a' }).end('o'),
  '/reason': (res) => res.writeHead(202, 'Fine', { 'x-other': 'b' }).end('r'),
  '/implicit': (res) => res.end('i'),
  '/set-first': (res) => {
    res.setHeader('retry-after', '3');
    res.writeHead(429, { 'x-other': 'c' }).end('s');
  },
  '/array': (res) => res.writeHead(200, ['x-other', 'd']).end('a'),
  '/bare': (res) => res.writeHead(204).end(),
};

async function withServer(run: (origin: string) => Promise<void>, id = (n: number) => `id-${n}`): Promise<void> {
  let n = 0;
  const server = http.createServer({ ServerResponse: GatewayResponse }, (req, res) => {
    const response = res as GatewayResponse;
    response.requestId = id(++n);
    (ANSWERS[req.url ?? ''] ?? ((r: GatewayResponse) => r.writeHead(404).end()))(response);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('GatewayResponse', () => {
  it('sends the request id with every way of writing the head, and the other headers unchanged', async () => {
    await withServer(async (origin) => {
      const expected: Record<string, [number, Record<string, string>]> = {
        '/object': [201, { 'content-type': 'text/plain', 'x-other': 'a' }],
        '/reason': [202, { 'x-other': 'b' }],
        '/implicit': [200, {}],
        '/set-first': [429, { 'retry-after': '3', 'x-other': 'c' }],
        '/array': [200, { 'x-other': 'd' }],
        '/bare': [204, {}],
      };
      const ids = new Set<string>();
      for (const [path, [status, headers]] of Object.entries(expected)) {
        const res = await request(`${origin}${path}`);
        await res.body.text();
        assert.equal(res.statusCode, status, path);
        const id = res.headers['x-request-id'];
        assert.match(String(id), /^id-\d+$/, path);
        ids.add(String(id));
        for (const [name, value] of Object.entries(headers)) assert.equal(res.headers[name], value, `${path} ${name}`);
      }
      assert.equal(ids.size, Object.keys(expected).length);
    });
  });

  it('leaves a shared headers object untouched', async () => {
    const shared = { 'content-type': 'text/plain' };
    const server = http.createServer({ ServerResponse: GatewayResponse }, (_req, res) => {
      (res as GatewayResponse).requestId = 'x';
      res.writeHead(200, shared).end();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const res = await request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await res.body.text();
      assert.equal(res.headers['x-request-id'], 'x');
      assert.deepEqual(shared, { 'content-type': 'text/plain' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('adds nothing before an id is set', async () => {
    await withServer(async (origin) => {
      const res = await request(`${origin}/object`);
      await res.body.text();
      assert.equal(res.headers['x-request-id'], undefined);
      assert.equal(res.headers['x-other'], 'a');
    }, () => '');
  });
});
