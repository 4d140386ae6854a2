/**
 * Upstream TLS against a real HTTPS upstream: the mock LLM behind a TLS terminator whose
 * certificate comes from a test CA, called through the compiled runtime (config → agent →
 * sendChat), as the gateway does.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { compileConfig } from '../config/compile.js';
import { configSchema } from '../config/schema.js';
import { GatewayError } from '../errors.js';
import * as openai from '../formats/openai.js';
import { createLogger } from '../log.js';
import { startMockServer, type MockServer } from '../mock/server.js';
import { sendChat } from '../providers/upstream.js';
import { spkiPin, upstreamTlsOptions } from './upstream.js';
import { createCa, issueCertificate } from './x509.js';

describe('upstream TLS', () => {
  const ca = createCa('upstream test CA', 30);
  const server = issueCertificate(ca, { commonName: 'localhost', altNames: ['localhost', '127.0.0.1'], usage: ['serverAuth'], validDays: 30 });
  const clientCa = createCa('client test CA', 30);
  const client = issueCertificate(clientCa, { commonName: 'portcullis-gateway', usage: ['clientAuth'], validDays: 30 });
  const otherCa = createCa('unrelated CA', 30);
  let dir: string;
  let mock: MockServer;
  let terminator: tls.Server;
  let baseUrl: string;
  /** Subject CN of the client certificate each accepted connection presented (null: none). */
  const presented: (string | null)[] = [];
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pc-upstream-tls-'));
    mock = await startMockServer();
    const mockPort = Number(new URL(mock.url).port);
    // Asks for (but does not require) a client certificate from clientCa, so both cases connect.
    terminator = tls.createServer({ cert: server.certPem, key: server.keyPem, ca: clientCa.certPem, requestCert: true, rejectUnauthorized: false }, (socket) => {
      const peer = socket.getPeerCertificate();
      presented.push(socket.authorized && typeof peer.subject?.CN === 'string' ? peer.subject.CN : null);
      const upstream = net.connect(mockPort, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    terminator.listen(0, '127.0.0.1');
    await once(terminator, 'listening');
    baseUrl = `https://localhost:${(terminator.address() as AddressInfo).port}/v1`;
  });
  after(async () => {
    terminator.close();
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Compiles a one-route config whose target has these tls settings and sends one chat. */
  async function chat(targetTls: Record<string, unknown> | undefined): Promise<{ content: string | null; logs: Record<string, unknown>[] }> {
    const logs: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _e, done) {
        for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const config = configSchema.parse({
      routes: [{ model: 'm', retry: { attempts: 1 }, targets: [{ provider: 'openai', baseUrl, model: 'mock-model', ...(targetTls ? { tls: targetTls } : {}) }] }],
    });
    const compiled = await compileConfig(config, async () => undefined);
    assert.ok(compiled.ok, JSON.stringify(!compiled.ok && compiled.issues));
    try {
      const route = compiled.runtime.routes.get('m');
      assert.ok(route);
      const request = openai.decodeChatRequest({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      const answer = await sendChat(route, request, { signal: new AbortController().signal, log: createLogger({ level: 'info', destination }) });
      return { content: answer.choices[0]?.message.content ?? null, logs };
    } catch (err) {
      (err as { logs?: unknown }).logs = logs;
      throw err;
    } finally {
      await compiled.runtime.close();
    }
  }

  const unavailable = (check: (logs: Record<string, unknown>[]) => void) => (err: unknown) => {
    assert.ok(err instanceof GatewayError);
    assert.equal(err.code, 'PC_ERR_UPSTREAM_UNAVAILABLE');
    check((err as unknown as { logs: Record<string, unknown>[] }).logs);
    return true;
  };

  it('refuses an upstream whose certificate chains to an unknown CA', async () => {
    await assert.rejects(
      chat(undefined),
      unavailable((logs) => assert.match(String(logs.find((l) => l.msg === 'upstream attempt failed')?.tlsError), /UNABLE_TO_GET_ISSUER|SELF_SIGNED|UNABLE_TO_VERIFY/)),
    );
    await assert.rejects(chat({ caFile: file('other.pem', otherCa.certPem) }), unavailable(() => undefined));
  });

  it('accepts the upstream through a custom CA bundle', async () => {
    const { content } = await chat({ caFile: file('ca.pem', ca.certPem) });
    assert.ok(content);
  });

  it('accepts a matching pin (leaf or CA key) and refuses a mismatch with a clear log line', async () => {
    const caFile = file('ca.pem', ca.certPem);
    assert.ok((await chat({ caFile, pins: [spkiPin(server.certificate)] })).content);
    assert.ok((await chat({ caFile, pins: [spkiPin(otherCa.certificate), spkiPin(ca.certificate)] })).content);
    await assert.rejects(
      chat({ caFile, pins: [spkiPin(otherCa.certificate)] }),
      unavailable((logs) => {
        const line = logs.find((l) => l.msg === 'upstream attempt failed');
        assert.equal(line?.tlsError, 'PC_TLS_PIN_MISMATCH');
        assert.match(String(line?.detail), new RegExp(`pin mismatch for localhost: .*sha256/${spkiPin(server.certificate).replace(/[+/]/g, '\\$&')}`));
      }),
    );
  });

  it('presents the client certificate when one is configured, and none otherwise', async () => {
    const caFile = file('ca.pem', ca.certPem);
    presented.length = 0;
    assert.ok((await chat({ caFile })).content);
    assert.ok((await chat({ caFile, certFile: file('client.pem', client.certPem), keyFile: file('client.key', client.keyPem) })).content);
    assert.deepEqual(presented, [null, 'portcullis-gateway']);
  });

  it('always verifies, never offers less than TLS 1.2, and reports unreadable files at compile time', async () => {
    for (const settings of [undefined, { pins: [spkiPin(ca.certificate)] }]) {
      const options = upstreamTlsOptions(settings);
      assert.equal(options.rejectUnauthorized, true);
      assert.equal(options.minVersion, 'TLSv1.2');
    }
    // The schema has no switch for verification: an unknown key is an error, not ignored.
    assert.throws(() => configSchema.parse({ routes: [{ model: 'm', targets: [{ provider: 'openai', baseUrl, model: 'x', tls: { rejectUnauthorized: false } }] }] }));
    assert.throws(() => configSchema.parse({ routes: [{ model: 'm', targets: [{ provider: 'openai', baseUrl, model: 'x', tls: { pins: ['not-a-pin'] } }] }] }));
    assert.throws(() => configSchema.parse({ routes: [{ model: 'm', targets: [{ provider: 'openai', baseUrl: 'http://127.0.0.1:1/v1', model: 'x', tls: { caFile: 'a.pem' } }] }] }));
    const config = configSchema.parse({ routes: [{ model: 'm', targets: [{ provider: 'openai', baseUrl, model: 'x', tls: { caFile: join(dir, 'missing.pem') } }] }] });
    const compiled = await compileConfig(config, async () => undefined);
    assert.equal(compiled.ok, false);
    assert.match(JSON.stringify(!compiled.ok && compiled.issues), /routes\.0\.targets\.0\.tls.*cannot read/);
  });
});
