import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../log.js';
import type { AuditEntry } from './chain.js';
import { eventLine, webhookExporter, webhookSignature } from './export.js';

const entry = (i: number): AuditEntry => ({ requestId: `r${i}`, ts: i, principal: null, route: 'chat', outcome: 'allow', status: 200, body: `{"i":${i}}` });
const log = createLogger({ level: 'silent' });

describe('audit export', () => {
  it('an event line is JSON with the canonical body spliced in', () => {
    assert.deepEqual(JSON.parse(eventLine(entry(1))), { requestId: 'r1', ts: 1, principal: null, route: 'chat', outcome: 'allow', status: 200, record: { i: 1 } });
  });

  it('the signature is HMAC-SHA256 over the body, hex', () => {
    // RFC 4231 test case 2.
    assert.equal(webhookSignature('Jefe', 'what do ya want for nothing?'), 'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('the webhook retries with backoff until the receiver answers, and drops beyond its queue', async () => {
    let failuresLeft = 2;
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (failuresLeft-- > 0) {
          res.writeHead(500).end();
          return;
        }
        const body = Buffer.concat(chunks).toString();
        assert.equal(req.headers['x-portcullis-signature'], webhookSignature('s3cret-s3cret-s3cret', body));
        bodies.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const hook = webhookExporter({ url, secret: 's3cret-s3cret-s3cret', maxQueue: 3, minBackoffMs: 10, maxBackoffMs: 40, log });
    try {
      hook.publish([entry(1), entry(2), entry(3), entry(4)]);
      assert.equal(hook.dropped, 1);
      const until = Date.now() + 5_000;
      while (bodies.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      const lines = bodies.join('').trim().split('\n').map((l) => (JSON.parse(l) as { requestId: string }).requestId);
      assert.deepEqual(lines, ['r1', 'r2', 'r3']);
    } finally {
      await hook.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
