import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { telemetrySchema } from '../config/telemetry.js';
import type { Decision } from '../pipeline/types.js';
import { createTracing, parentFrom, traceUpstream } from './tracing.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** An OTLP/HTTP JSON traces receiver. */
export async function otlpTraceReceiver(): Promise<{ url: string; spans: OtlpSpan[]; close(): Promise<void> }> {
  const spans: OtlpSpan[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const doc = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const rs of doc.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, spans, close: () => new Promise((r) => server.close(() => r())) };
}

const fakeRequest = (headers: Record<string, string> = {}) => ({ method: 'POST', url: '/v1/chat/completions?x=1', headers }) as unknown as IncomingMessage;
const decision = (stage: string, durationMs: number): Decision => ({ stage, phase: 'input', outcome: 'pass', durationMs });
const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('tracing', () => {
  let receiver: Awaited<ReturnType<typeof otlpTraceReceiver>>;
  before(async () => {
    receiver = await otlpTraceReceiver();
  });
  after(() => receiver.close());

  it('is off (undefined) without an endpoint', () => {
    assert.equal(createTracing(telemetrySchema.parse({}).traces), undefined);
  });

  it('parses W3C traceparent strictly', () => {
    assert.equal(trace.getSpanContext(parentFrom(PARENT))?.traceId, '0af7651916cd43dd8448eb211c80319c');
    for (const bad of [undefined, '', 'garbage', PARENT.replace('00-', 'ff-'), `${PARENT}-extra`, '00-00000000000000000000000000000000-b7ad6b7169203331-01', PARENT.toUpperCase()]) {
      assert.equal(trace.getSpanContext(parentFrom(bad)), undefined, String(bad));
    }
    assert.ok(trace.getSpanContext(parentFrom('01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-future')), 'a later version may carry more fields');
  });

  it('exports a request span, a span per stage call and an upstream span whose id travels as traceparent', async () => {
    const tracing = createTracing(telemetrySchema.parse({ traces: { otlpEndpoint: receiver.url } }).traces);
    assert.ok(tracing);
    const t = tracing.start(fakeRequest({ traceparent: PARENT }), 'req-1', 'chat', performance.now());
    t.decisions.push(decision('api-key', 0.2));
    t.decisions.push(decision('input-guards', 1.5));
    let sent: Readonly<Record<string, string>> | undefined;
    await traceUpstream(t, 'gpt', (headers) => {
      sent = headers;
      return Promise.resolve('answer');
    });
    assert.equal(t.decisions.map((d) => d.stage).join(), 'api-key,input-guards', 'the decisions stay a usable array');
    assert.ok(Array.isArray(t.decisions.map((d) => d)) && t.decisions.map((d) => d).constructor === Array);
    t.end(200, undefined, 'gpt');
    await tracing.shutdown();
    const byName = new Map(receiver.spans.map((s) => [s.name, s]));
    const root = byName.get('POST chat');
    assert.ok(root, receiver.spans.map((s) => s.name).join());
    assert.notEqual(root.traceId, '0af7651916cd43dd8448eb211c80319c', 'an untrusted incoming parent is ignored');
    assert.equal(root.parentSpanId ?? '', '');
    for (const name of ['stage api-key', 'stage input-guards', 'upstream gpt']) {
      const s = byName.get(name);
      assert.equal(s?.parentSpanId, root.spanId, name);
      assert.equal(s?.traceId, root.traceId);
    }
    const stage = byName.get('stage input-guards') as OtlpSpan;
    const ns = BigInt(stage.endTimeUnixNano) - BigInt(stage.startTimeUnixNano);
    assert.ok(ns >= 1_400_000n && ns <= 1_600_000n, `a stage span lasts its duration (${ns} ns)`);
    assert.equal(sent?.traceparent, `00-${root.traceId}-${byName.get('upstream gpt')?.spanId}-01`);
    const attrs = Object.fromEntries(root.attributes.map((a) => [a.key, Object.values(a.value)[0]]));
    assert.equal(attrs['url.path'], '/v1/chat/completions');
    assert.equal(attrs['http.response.status_code'], 200);
  });

  it('continues a trusted caller trace; a sampling ratio of 0 records nothing but still propagates', async () => {
    receiver.spans.length = 0;
    const trusted = createTracing(telemetrySchema.parse({ traces: { otlpEndpoint: receiver.url, trustIncoming: true, samplingRatio: 0 } }).traces);
    assert.ok(trusted);
    const t = trusted.start(fakeRequest({ traceparent: PARENT }), 'req-2', 'chat', performance.now());
    t.decisions.push(decision('api-key', 0.1));
    t.end(200, undefined, undefined);
    const unsampled = trusted.start(fakeRequest({ traceparent: PARENT.replace(/01$/, '00') }), 'req-3', 'chat', performance.now());
    const headers = unsampled.upstream('gpt').headers;
    assert.match(headers.traceparent as string, /^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-00$/);
    unsampled.end(200, undefined, undefined);
    await trusted.shutdown();
    const root = receiver.spans.find((s) => s.name === 'POST chat');
    assert.equal(root?.traceId, '0af7651916cd43dd8448eb211c80319c', 'the sampled parent wins over ratio 0');
    assert.equal(root?.parentSpanId, 'b7ad6b7169203331');
    assert.equal(receiver.spans.filter((s) => s.traceId === '0af7651916cd43dd8448eb211c80319c').length, 2, 'request + one stage; nothing of the unsampled request');
  });
});
