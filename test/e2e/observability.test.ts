/**
 * Metrics and SIEM export end to end, on the real CLI: `GET /metrics` on the admin listener
 * refuses callers without a session or the metrics token and counts traffic; the JSONL exporter
 * writes one line per request; the webhook receives signed batches, and the data plane keeps
 * answering while the webhook is down.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { webhookSignature } from '../../src/audit/export.js';
import { eventually, startStack, type Stack } from './harness.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef0123456789';
const SECRET = 'webhook-secret-0123456789';

const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
`;

describe('metrics and SIEM export (e2e)', () => {
  let stack: Stack;
  let adminUrl: string;
  let receiver: Server;
  let up = false;
  const received: string[] = [];
  let badSignatures = 0;

  before(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (!up) {
          res.writeHead(503).end();
          return;
        }
        const body = Buffer.concat(chunks);
        const want = Buffer.from(webhookSignature(SECRET, body));
        const got = Buffer.from(String(req.headers['x-portcullis-signature']));
        if (got.length !== want.length || !timingSafeEqual(got, want)) badSignatures++;
        else received.push(...body.toString('utf8').split('\n').filter((l) => l.length > 0));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as AddressInfo).port;
    stack = await startStack(
      routes,
      `admin:\n  port: 0\n  metricsToken: ${METRICS_TOKEN}\naudit:\n  export:\n    jsonl: { file: siem/audit.jsonl }\n    webhook: { url: "http://127.0.0.1:${port}/hook", secret: ${SECRET} }\n`,
    );
    const line = stack.gateway.logs.map((l) => JSON.parse(l) as { msg?: string; adminUrl?: string }).find((l) => l.msg === 'admin listening');
    assert.ok(line?.adminUrl);
    adminUrl = line.adminUrl;
  });
  after(async () => {
    await stack.stop();
    await new Promise<void>((r) => receiver.close(() => r()));
  });

  const chat = (key: string | undefined) =>
    fetch(`${stack.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }),
    });

  it('serves traffic while the webhook is down, then delivers every event signed once it is up', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await chat(stack.key);
      assert.equal(res.status, 200, 'the data plane does not wait for the webhook');
      await res.text();
      ids.push(res.headers.get('x-request-id') ?? '');
    }
    const denied = await chat(undefined);
    assert.equal(denied.status, 401);
    await denied.text();
    ids.push(denied.headers.get('x-request-id') ?? '');
    up = true;
    await eventually(() => received.length >= ids.length, 15_000);
    assert.equal(badSignatures, 0);
    const events = received.map((l) => JSON.parse(l) as { requestId: string; outcome: string; record: { status: number } });
    assert.deepEqual(events.map((e) => e.requestId), ids);
    assert.deepEqual(events.map((e) => e.outcome), ['allow', 'allow', 'allow', 'deny']);
    assert.equal(events[3]?.record.status, 401);
  });

  it('the JSONL exporter wrote one line per request', async () => {
    const file = join(stack.dir, 'siem', 'audit.jsonl');
    await eventually(() => {
      try {
        return readFileSync(file, 'utf8').trim().split('\n').length >= 4;
      } catch {
        return false;
      }
    });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { requestId: string; record: { requestId: string } });
    assert.equal(lines.length, 4);
    for (const l of lines) assert.equal(l.requestId, l.record.requestId);
  });

  it('GET /metrics refuses without credentials and counts the traffic with the metrics token', async () => {
    const anonymous = await fetch(`${adminUrl}/metrics`);
    assert.equal(anonymous.status, 401);
    await anonymous.text();
    const wrong = await fetch(`${adminUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    assert.equal(wrong.status, 401);
    await wrong.text();
    const dataKey = await fetch(`${adminUrl}/metrics`, { headers: { authorization: `Bearer ${stack.key}` } });
    assert.equal(dataKey.status, 401, 'a data-plane key is never accepted on the admin listener');
    await dataKey.text();
    const keysWithToken = await fetch(`${adminUrl}/admin/v1/keys`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(keysWithToken.status, 401, 'the metrics token opens /metrics only');
    await keysWithToken.text();
    const scrape = async (): Promise<Response> => fetch(`${adminUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    const res = await scrape();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    let text = await res.text();
    // Answers complete once their records are in the journal; the store gets them within its
    // batching interval (docs/audit.md, Durability), and the queue depth counts them until then.
    await eventually(async () => /portcullis_audit_queue_depth 0/.test((text = await (await scrape()).text())));
    assert.match(text, /portcullis_audit_last_journal_seconds \d/);
    // Every record went through a journal frame: at least one, at most one per record written.
    const frames = Number(/portcullis_audit_journal_frames (\d+)/.exec(text)?.[1]);
    const written = Number(/portcullis_audit_records_written (\d+)/.exec(text)?.[1]);
    assert.ok(frames >= 1 && frames <= written, `frames ${frames}, records ${written}`);
    assert.match(text, /portcullis_requests_total\{route="gpt",operation="chat",status="200",decision="allow"\} 3/);
    assert.match(text, /portcullis_denials_total\{code="PC_ERR_UNAUTHENTICATED"\} 1/);
    assert.match(text, /portcullis_tokens_total\{route="gpt",direction="input"\} \d+/);
    assert.match(text, /portcullis_audit_queue_depth 0/);
    assert.match(text, /portcullis_audit_export_dropped\{exporter="webhook"\} 0/);
    assert.match(text, /portcullis_stage_duration_seconds_count\{stage="[^"]+",phase="[^"]+"\} \d+/);
  });
});
