/**
 * SIEM export and traces end to end on the real CLI: the gateway exports every audit record to a
 * syslog receiver over TLS (a CA made for this run) and to an OTLP/HTTP logs collector, both of
 * which are down at first — requests are answered at full speed meanwhile, and every record
 * arrives once the receivers come up. Admin sign-in attempts reach the SIEM too. With
 * `telemetry.traces` set, the OTLP traces receiver gets the request, stage and upstream spans and
 * the mock LLM receives the upstream span's W3C `traceparent`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { eventually, freePort, mockStats, startStack, workDir, type Stack } from './harness.js';

const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
`;

/** Collects HTTP POST bodies (OTLP JSON) on a fixed port. */
function jsonReceiver(onDoc: (doc: unknown) => void): Server {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      onDoc(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
}

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

describe('SIEM export over syslog/TLS and OTLP logs, and OTLP traces (e2e)', () => {
  const certs = workDir();
  let stack: Stack;
  let adminUrl: string;
  let syslogPort: number;
  let otlpPort: number;
  const syslog: string[] = [];
  const logRecords: { body: { stringValue: string } }[] = [];
  const spans: Span[] = [];
  let traces: Server;
  let syslogServer: tls.Server | undefined;
  let otlpServer: Server | undefined;

  before(async () => {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'];
    const ssl = (args: string[]) => execFileSync('openssl', args, { cwd: certs.dir, stdio: 'ignore' });
    ssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=siem-test-ca']);
    ssl(['req', '-x509', ...ec, '-keyout', 'server.key', '-out', 'server.pem', '-subj', '/CN=siem', '-addext', 'subjectAltName=IP:127.0.0.1', '-addext', 'basicConstraints=critical,CA:FALSE', '-CA', 'ca.pem', '-CAkey', 'ca.key']);
    syslogPort = await freePort();
    otlpPort = await freePort();
    traces = jsonReceiver((doc) => {
      for (const rs of (doc as { resourceSpans: { scopeSpans: { spans: Span[] }[] }[] }).resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
    });
    await new Promise<void>((r) => traces.listen(0, '127.0.0.1', r));
    const tracesUrl = `http://127.0.0.1:${(traces.address() as net.AddressInfo).port}/v1/traces`;
    stack = await startStack(
      routes,
      `admin:\n  port: 0\naudit:\n  export:\n    syslog: { host: 127.0.0.1, port: ${syslogPort}, tls: { caFile: "${join(certs.dir, 'ca.pem')}" } }\n    otlp: { url: "http://127.0.0.1:${otlpPort}/v1/logs" }\n` +
        `telemetry:\n  traces: { otlpEndpoint: "${tracesUrl}", trustIncoming: true }\n`,
    );
    const line = stack.gateway.logs.map((l) => JSON.parse(l) as { msg?: string; adminUrl?: string }).find((l) => l.msg === 'admin listening');
    assert.ok(line?.adminUrl);
    adminUrl = line.adminUrl;
  });
  after(async () => {
    await stack.stop();
    for (const s of [traces, syslogServer, otlpServer]) if (s) await new Promise<void>((r) => s.close(() => r()));
    certs.cleanup();
  });

  const chat = (headers: Record<string, string> = {}) =>
    fetch(`${stack.gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.key}`, ...headers },
      body: JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }),
    });

  it('answers at full speed while both SIEM receivers are down, then delivers every record once they are up', async () => {
    const ids: string[] = [];
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      const res = await chat();
      assert.equal(res.status, 200);
      await res.text();
      ids.push(res.headers.get('x-request-id') as string);
    }
    const perRequest = (performance.now() - started) / 20;
    assert.ok(perRequest < 250, `the data plane does not wait on exporters (${perRequest.toFixed(1)} ms per request)`);
    const signIn = await fetch(`${adminUrl}/admin/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'not the password', totp: '000000' }) });
    assert.equal(signIn.status, 401);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(syslog.length + logRecords.length, 0);

    syslogServer = tls.createServer({ cert: readFileSync(join(certs.dir, 'server.pem')), key: readFileSync(join(certs.dir, 'server.key')) }, (socket) => {
      let buf = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        for (let sp = buf.indexOf(0x20); sp > 0; sp = buf.indexOf(0x20)) {
          const len = Number(buf.subarray(0, sp).toString('ascii'));
          if (buf.length < sp + 1 + len) break;
          syslog.push(buf.subarray(sp + 1, sp + 1 + len).toString('utf8'));
          buf = buf.subarray(sp + 1 + len);
        }
      });
    });
    await new Promise<void>((r) => (syslogServer as tls.Server).listen(syslogPort, '127.0.0.1', r));
    otlpServer = jsonReceiver((doc) => {
      for (const rl of (doc as { resourceLogs: { scopeLogs: { logRecords: typeof logRecords }[] }[] }).resourceLogs) for (const sl of rl.scopeLogs) logRecords.push(...sl.logRecords);
    });
    await new Promise<void>((r) => (otlpServer as Server).listen(otlpPort, '127.0.0.1', r));

    const syslogHas = (id: string) => syslog.some((m) => m.includes(`requestId="${id}"`));
    const otlpHas = (id: string) => logRecords.some((r) => r.body.stringValue.includes(`"requestId":"${id}"`));
    await eventually(() => ids.every(syslogHas) && ids.every(otlpHas), 20_000);
    const admin = syslog.find((m) => / admin \[/.test(m));
    assert.ok(admin, 'the refused sign-in reached the SIEM');
    assert.match(admin, /^<108>1 /, 'log audit facility, warning');
    assert.match(admin, /"action":"operator.sign_in"/);
    assert.ok(!syslog.join('\n').includes('not the password'));
  });

  it('traces the request, its stages and the upstream call, and sends traceparent upstream', async () => {
    const res = await chat();
    assert.equal(res.status, 200);
    await res.text();
    const sent = (await mockStats(stack.mock)).last.headers.traceparent;
    assert.match(sent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const [, traceId, upstreamSpan] = (sent as string).split('-') as [string, string, string];
    await eventually(() => spans.some((s) => s.traceId === traceId && s.name.startsWith('POST ')), 20_000);
    const mine = spans.filter((s) => s.traceId === traceId);
    const root = mine.find((s) => s.name === 'POST chat') as Span;
    const upstream = mine.find((s) => s.spanId === upstreamSpan);
    assert.equal(upstream?.name, 'upstream gpt', 'the traceparent names the upstream span');
    assert.equal(upstream.parentSpanId, root.spanId);
    assert.ok(mine.some((s) => s.name.startsWith('stage ') && s.parentSpanId === root.spanId), mine.map((s) => s.name).join());

    // trustIncoming: the caller's trace continues through the gateway to the upstream.
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await (await chat({ traceparent: parent })).text();
    assert.match((await mockStats(stack.mock)).last.headers.traceparent ?? '', /^00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01$/);
  });
});
