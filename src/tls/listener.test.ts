import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../log.js';
import { createTlsServer, type ReloadingServer } from './listener.js';
import { createCa, issueCertificate, type IssuedPair } from './x509.js';

/** Log lines as parsed objects, to assert on what was said (never on secrets). */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ level: 'info', destination }), lines };
}

/** The SHA-256 fingerprint of the certificate a fresh handshake gets. */
async function servedFingerprint(port: number, ca: string, options: tls.ConnectionOptions = {}): Promise<string> {
  const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca, ...options });
  try {
    await once(socket, 'secureConnect');
    return socket.getPeerX509Certificate()?.fingerprint256 ?? '';
  } finally {
    socket.destroy();
  }
}

describe('TLS listener', () => {
  const ca = createCa('listener test CA', 30);
  const issue = (): IssuedPair => issueCertificate(ca, { commonName: 'localhost', altNames: ['localhost', '127.0.0.1'], usage: ['serverAuth'], validDays: 5 });
  const first = issue();
  let dir: string;
  let server: ReloadingServer;
  let port: number;
  const { log, lines } = capturingLogger();
  const write = (pair: Pick<IssuedPair, 'certPem' | 'keyPem'>): void => {
    writeFileSync(join(dir, 'server.pem'), pair.certPem);
    writeFileSync(join(dir, 'server.key'), pair.keyPem);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pc-tls-'));
    write(first);
    server = createTlsServer({ certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server.key') }, { reloadPollMs: 50 }, (_req, res) => res.end('ok'), log);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('speaks TLS 1.3 and refuses a client limited to TLS 1.2', async () => {
    assert.equal(await servedFingerprint(port, ca.certPem), first.certificate.fingerprint256);
    const old = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: ca.certPem, maxVersion: 'TLSv1.2' });
    const [err] = (await once(old, 'error')) as [NodeJS.ErrnoException];
    assert.match(String(err.code), /ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION|ERR_SSL_UNSUPPORTED_PROTOCOL|ECONNRESET/);
  });

  it('takes up a replaced certificate without a restart (file polling), keeping TLS 1.3 only', async () => {
    const second = issue();
    write(second);
    for (let i = 0; i < 60 && (await servedFingerprint(port, ca.certPem)) !== second.certificate.fingerprint256; i++) await sleep(50);
    assert.equal(await servedFingerprint(port, ca.certPem), second.certificate.fingerprint256);
    assert.ok(lines.some((l) => l.msg === 'TLS certificate reloaded' && l.fingerprint === second.certificate.fingerprint256));
    await assert.rejects(servedFingerprint(port, ca.certPem, { maxVersion: 'TLSv1.2' }));
  });

  it('keeps the running certificate when the new one is broken, and says why', async () => {
    const running = await servedFingerprint(port, ca.certPem);
    const other = issue();
    // A certificate with somebody else's key: the pair does not match.
    write({ certPem: other.certPem, keyPem: first.keyPem });
    assert.equal(server.reloadCertificate(), false);
    assert.equal(await servedFingerprint(port, ca.certPem), running);
    const refusal = lines.find((l) => l.msg === 'new TLS certificate refused; keeping the running one');
    assert.ok(refusal);
    assert.match(String(refusal.reason), /does not match/);
    assert.ok(!JSON.stringify(lines).includes('PRIVATE KEY'), 'no key material in the log');

    writeFileSync(join(dir, 'server.pem'), 'not a certificate');
    assert.equal(server.reloadCertificate(), false);
    const expired = issueCertificate(ca, { commonName: 'localhost', altNames: ['localhost'], usage: ['serverAuth'], validDays: 1, now: new Date(Date.now() - 3 * 86_400_000) });
    write(expired);
    assert.equal(server.reloadCertificate(), false);
    assert.match(String(lines.at(-1)?.reason), /expired/);
    assert.equal(await servedFingerprint(port, ca.certPem), running);
  });

  it('warns when the certificate in use expires within two weeks', () => {
    const before = lines.length;
    // `first` is valid for 5 days.
    write(first);
    assert.equal(server.reloadCertificate(), true);
    assert.ok(lines.slice(before).some((l) => l.msg === 'TLS certificate expires soon' && l.daysLeft === 4));
  });

  it('reloads on SIGHUP', async () => {
    const third = issue();
    // No await between the write and the signal: the poller cannot have run, so this is the signal's doing.
    write(third);
    process.emit('SIGHUP', 'SIGHUP');
    assert.equal(await servedFingerprint(port, ca.certPem), third.certificate.fingerprint256);
  });

  it('refuses to start on a certificate that does not load', () => {
    writeFileSync(join(dir, 'bad.pem'), 'garbage');
    assert.throws(() => createTlsServer({ certFile: join(dir, 'bad.pem'), keyFile: join(dir, 'server.key') }, {}, () => undefined, log), /no readable PEM certificate/);
  });
});
