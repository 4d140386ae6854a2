/**
 * The network exporters against real local receivers: a TCP syslog server and a TLS one (with a
 * CA made by openssl for this run), and an HTTP server decoding OTLP JSON. Each receiver is first
 * down, then started on the same port: the records arrive after the retries, and `publish` never
 * waited meanwhile.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { createLogger } from '../log.js';
import type { AuditEntry } from './chain.js';
import { otlpLogsExporter } from './export-otlp.js';
import { syslogExporter } from './export-syslog.js';
import { eventually, freePort } from '../lib/testing.js';

const log = createLogger({ level: 'silent' });
const entry = (i: number, outcome: AuditEntry['outcome'] = 'allow'): AuditEntry => ({
  requestId: `req-${i}`,
  ts: 1_700_000_000_000 + i,
  principal: i % 2 === 0 ? 'svc-"a"]' : null,
  route: 'chat',
  outcome,
  status: outcome === 'allow' ? 200 : 403,
  body: `{"i":${i},"kind":"request","text":"é ${i}"}`,
});

/** Splits an RFC 6587 octet-counted stream into messages. */
function octetCounted(onMessage: (msg: string) => void): (chunk: Buffer) => void {
  let buf = Buffer.alloc(0);
  return (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const sp = buf.indexOf(0x20);
      if (sp <= 0) return;
      const len = Number(buf.subarray(0, sp).toString('ascii'));
      assert.ok(Number.isInteger(len) && len > 0, 'frame starts with its octet count');
      if (buf.length < sp + 1 + len) return;
      onMessage(buf.subarray(sp + 1, sp + 1 + len).toString('utf8'));
      buf = buf.subarray(sp + 1 + len);
    }
  };
}

const RFC5424 = /^<(\d+)>1 (\S+) (\S+) (\S+) (\d+) (request|admin) \[portcullis@32473 requestId="([^"]+)" outcome="(\w+)" status="(\d+)"(?: principal="((?:[^"\\\]]|\\["\\\]])*)")?(?: route="([^"]*)")?\] \uFEFF(.*)$/s;

describe('syslog exporter', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pc-syslog-'));
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'];
    const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    ssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=syslog-test-ca']);
    ssl(['req', '-x509', ...ec, '-keyout', 'rogue.key', '-out', 'rogue.pem', '-subj', '/CN=rogue-ca']);
    ssl(['req', '-x509', ...ec, '-keyout', 'server.key', '-out', 'server.pem', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1', '-addext', 'basicConstraints=critical,CA:FALSE', '-CA', 'ca.pem', '-CAkey', 'ca.key']);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const secure of [false, true]) {
    it(`${secure ? 'TLS (RFC 5425)' : 'TCP (RFC 6587)'}: RFC 5424 frames arrive in order after the receiver comes up`, async () => {
      const port = await freePort();
      const messages: string[] = [];
      const exporter = syslogExporter({
        host: '127.0.0.1',
        port,
        ...(secure ? { tls: { caFile: join(dir, 'ca.pem') } } : {}),
        minBackoffMs: 20,
        maxBackoffMs: 100,
        log,
      });
      const started = performance.now();
      exporter.publish([entry(0), entry(1, 'deny')]);
      exporter.publish([entry(2, 'error')]);
      assert.ok(performance.now() - started < 20, 'publish does not wait on the receiver');
      await new Promise((r) => setTimeout(r, 300)); // several failed attempts
      assert.equal(exporter.queued, 3);
      const onConnection = (socket: net.Socket) => socket.on('data', octetCounted((m) => messages.push(m)));
      const server = secure
        ? tls.createServer({ cert: readFileSync(join(dir, 'server.pem')), key: readFileSync(join(dir, 'server.key')) }, onConnection)
        : net.createServer(onConnection);
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
      try {
        await eventually(() => messages.length === 3, 8_000);
        exporter.publish([entry(3)]);
        await eventually(() => messages.length === 4, 8_000);
        const parsed = messages.map((m) => RFC5424.exec(m));
        assert.ok(parsed.every((p) => p !== null), messages.join('\n'));
        const [first, second, third] = parsed as [RegExpExecArray, RegExpExecArray, RegExpExecArray];
        assert.equal(first[1], String(13 * 8 + 6), 'log audit facility, informational');
        assert.equal(second[1], String(13 * 8 + 4), 'a denial is a warning');
        assert.equal(third[1], String(13 * 8 + 3), 'an error is an error');
        assert.equal(first[2], new Date(1_700_000_000_000).toISOString());
        assert.equal(first[10], 'svc-\\"a\\"\\]', 'SD param values are escaped');
        assert.deepEqual(parsed.map((p) => p?.[7]), ['req-0', 'req-1', 'req-2', 'req-3']);
        const event = JSON.parse(first[12] as string) as { requestId: string; record: { text: string } };
        assert.equal(event.record.text, 'é 0', 'the MSG is the JSON event, UTF-8, octet count in bytes');
        assert.equal(exporter.dropped, 0);
      } finally {
        await exporter.close();
        await new Promise<void>((r) => server.close(() => r()));
      }
    });
  }

  it('TLS refuses a receiver whose certificate is not from the configured CA, and keeps the records', async () => {
    const port = await freePort();
    let received = 0;
    const server = tls.createServer({ cert: readFileSync(join(dir, 'server.pem')), key: readFileSync(join(dir, 'server.key')) }, (s) => s.on('data', () => received++));
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    const exporter = syslogExporter({ host: '127.0.0.1', port, tls: { caFile: join(dir, 'rogue.pem') }, minBackoffMs: 20, maxBackoffMs: 50, log });
    try {
      exporter.publish([entry(1)]);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(received, 0);
      assert.equal(exporter.queued, 1, 'still queued, not delivered');
    } finally {
      await exporter.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('drops and counts beyond maxQueue while the receiver is down', async () => {
    const exporter = syslogExporter({ host: '127.0.0.1', port: await freePort(), maxQueue: 5, minBackoffMs: 1_000, log });
    exporter.publish(Array.from({ length: 8 }, (_, i) => entry(i)));
    assert.equal(exporter.queued, 5);
    assert.equal(exporter.dropped, 3);
    await exporter.close();
  });
});

describe('OTLP logs exporter', () => {
  let server: HttpServer | undefined;
  after(async () => {
    if (server) await new Promise<void>((r) => (server as HttpServer).close(() => r()));
  });

  it('POSTs ExportLogsServiceRequest JSON; retries a collector that is down, then answering 503', async () => {
    const port = await freePort();
    const exporter = otlpLogsExporter({ url: `http://127.0.0.1:${port}/v1/logs`, headers: { 'x-api-key': 'collector-key' }, minBackoffMs: 20, maxBackoffMs: 100, log });
    exporter.publish([entry(0), entry(1, 'deny')]);
    await new Promise((r) => setTimeout(r, 200));
    let unavailable = 2;
    const records: { timeUnixNano: string; severityNumber: number; body: { stringValue: string }; attributes: { key: string; value: Record<string, string> }[] }[] = [];
    let service: string | undefined;
    let apiKey: string | undefined;
    server = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (unavailable-- > 0) return void res.writeHead(503).end();
        assert.equal(req.url, '/v1/logs');
        assert.equal(req.headers['content-type'], 'application/json');
        apiKey = req.headers['x-api-key'] as string;
        const doc = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceLogs: { resource: { attributes: { key: string; value: { stringValue: string } }[] }; scopeLogs: { scope: { name: string }; logRecords: typeof records }[] }[];
        };
        const rl = doc.resourceLogs[0];
        service = rl?.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
        assert.equal(rl?.scopeLogs[0]?.scope.name, 'portcullis.audit');
        records.push(...(rl?.scopeLogs[0]?.logRecords ?? []));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => (server as HttpServer).listen(port, '127.0.0.1', r));
    await eventually(() => records.length === 2, 8_000);
    assert.equal(service, 'portcullis');
    assert.equal(apiKey, 'collector-key');
    const [a, b] = records;
    assert.equal(a?.timeUnixNano, '1700000000000000000');
    assert.equal(a?.severityNumber, 9);
    assert.equal(b?.severityNumber, 13);
    assert.equal(a?.body.stringValue, entry(0).body, 'the body is the exact canonical bytes that were hashed');
    const attrs = Object.fromEntries((a?.attributes ?? []).map((x) => [x.key, Object.values(x.value)[0]]));
    assert.deepEqual(attrs, { 'event.name': 'portcullis.audit.request', 'portcullis.request_id': 'req-0', 'portcullis.outcome': 'allow', 'portcullis.status': '200', 'portcullis.principal': 'svc-"a"]', 'portcullis.route': 'chat' });
    assert.equal(exporter.dropped, 0);
    await exporter.close();
  });

  it('drops (and counts) a batch the collector refuses with a 400 instead of retrying it forever', async () => {
    const bad = createHttpServer((req, res) => req.resume().on('end', () => res.writeHead(400).end()));
    await new Promise<void>((r) => bad.listen(0, '127.0.0.1', r));
    const exporter = otlpLogsExporter({ url: `http://127.0.0.1:${(bad.address() as net.AddressInfo).port}/v1/logs`, minBackoffMs: 20, log });
    exporter.publish([entry(0), entry(1)]);
    await eventually(() => exporter.dropped === 2, 8_000);
    assert.equal(exporter.queued, 0);
    await exporter.close();
    await new Promise<void>((r) => bad.close(() => r()));
  });
});
