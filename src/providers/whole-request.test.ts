import assert from 'node:assert/strict';
// eslint-disable-next-line no-restricted-imports -- a fake upstream for the test, not the gateway's web layer
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { Agent } from 'undici';
import { Cancellation } from '../lib/cancel.js';
import { requestWhole } from './whole-request.js';

let server: Server;
let origin: string;
const agent = new Agent({ keepAliveTimeout: 1_000 });

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/pieces') {
      // Three writes with pauses: the body arrives in several pieces.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
      setTimeout(() => res.write('"é'), 5);
      setTimeout(() => res.end('"}'), 10);
    } else if (req.url === '/busy') {
      res.writeHead(429, { 'retry-after': '2' });
      res.end('{"error":"slow down"}');
    } else if (req.url === '/huge-error') {
      res.writeHead(500);
      // Far more than the drop limit, and never finished.
      const piece = Buffer.alloc(64 * 1024, 120);
      const timer = setInterval(() => res.write(piece), 1);
      res.on('close', () => clearInterval(timer));
    } else if (req.url === '/stall') {
      res.writeHead(200);
      res.write('{');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await agent.close();
});

const get = (path: string, signal = new AbortController().signal) => requestWhole(agent, { origin, path, method: 'GET' }, signal);

test('a 2xx body arriving in pieces comes back whole', async () => {
  const res = await get('/pieces');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(res.body.toString('utf8')), { a: 'é' });
});

test('an error answer keeps its status and headers, its body is dropped', async () => {
  const res = await get('/busy');
  assert.equal(res.statusCode, 429);
  assert.equal(res.headers['retry-after'], '2');
  assert.equal(res.body.length, 0);
});

test('an endless error body is given up after the drop limit', { timeout: 5_000 }, async () => {
  const res = await get('/huge-error');
  assert.equal(res.statusCode, 500);
  assert.equal(res.body.length, 0);
});

test('an already aborted signal rejects at once with its reason', async () => {
  const controller = new AbortController();
  const reason = new Error('client gone');
  controller.abort(reason);
  await assert.rejects(get('/pieces', controller.signal), (err) => err === reason);
});

test('aborting mid-body rejects and leaves no pending request', async () => {
  const controller = new AbortController();
  const pending = get('/stall', controller.signal);
  setTimeout(() => controller.abort(new Error('client gone')), 20);
  await assert.rejects(pending, /client gone/);
});

test('undici timeouts reject with their code', async () => {
  await assert.rejects(requestWhole(agent, { origin, path: '/stall', method: 'GET', bodyTimeout: 50 }, new AbortController().signal), (err: NodeJS.ErrnoException) => err.code === 'UND_ERR_BODY_TIMEOUT');
});

test('a Cancellation aborts mid-body like a signal; aborting it after the answer changes nothing', async () => {
  const cancel = new Cancellation();
  const pending = requestWhole(agent, { origin, path: '/stall', method: 'GET' }, cancel);
  setTimeout(() => cancel.abort(new Error('client gone')), 20);
  await assert.rejects(pending, /client gone/);
  const done = new Cancellation();
  await requestWhole(agent, { origin, path: '/pieces', method: 'GET' }, done);
  done.abort(new Error('after the answer'));
});
