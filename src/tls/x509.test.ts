import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { describe, it } from 'node:test';
import { createCa, issueCertificate } from './x509.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('x509 builder', () => {
  const ca = createCa('test root', 30);
  const server = issueCertificate(ca, { commonName: 'localhost', altNames: ['localhost', '127.0.0.1', '::1'], usage: ['serverAuth'], validDays: 10 });

  it('builds a self-signed CA that node parses as one', () => {
    assert.equal(ca.certificate.ca, true);
    assert.equal(ca.certificate.subject, 'O=Portcullis local CA\nCN=test root');
    assert.ok(ca.certificate.verify(ca.certificate.publicKey));
    assert.ok(ca.certificate.checkIssued(ca.certificate));
  });

  it('issues a server certificate signed by the CA, for the given names and addresses', () => {
    const cert = server.certificate;
    assert.equal(cert.ca, false);
    assert.ok(cert.checkIssued(ca.certificate));
    assert.ok(cert.verify(ca.certificate.publicKey));
    assert.equal(cert.checkHost('localhost'), 'localhost');
    assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(cert.checkIP('::1'), '::1');
    assert.equal(cert.checkHost('example.com'), undefined);
    assert.ok(cert.checkPrivateKey(server.privateKey));
    const days = (Date.parse(cert.validTo) - Date.now()) / 86_400_000;
    assert.ok(days > 9.9 && days < 10.1, `valid for ${days} days`);
  });

  it('completes a real TLS 1.3 handshake verified against the CA', async () => {
    const srv = tls.createServer({ cert: server.certPem, key: server.keyPem, minVersion: 'TLSv1.3' }, (s) => s.end('ok'));
    srv.listen(0, '127.0.0.1');
    await once(srv, 'listening');
    const { port } = srv.address() as AddressInfo;
    try {
      for (const host of ['localhost', '127.0.0.1']) {
        const socket = tls.connect({ host: '127.0.0.1', port, servername: host === 'localhost' ? host : undefined, ca: ca.certPem });
        await once(socket, 'secureConnect');
        assert.equal(socket.authorized, true);
        assert.equal(socket.getProtocol(), 'TLSv1.3');
        socket.destroy();
      }
      const other = createCa('other root', 30);
      const socket = tls.connect({ host: '127.0.0.1', port, ca: other.certPem });
      const [err] = (await once(socket, 'error')) as [NodeJS.ErrnoException];
      assert.match(String(err.code), /UNABLE_TO_VERIFY|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
    } finally {
      srv.close();
    }
  });

  it('passes openssl verify (purpose sslserver) where openssl exists', { skip: !hasOpenssl() && 'no openssl binary' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-x509-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), ca.certPem);
      writeFileSync(join(dir, 'server.pem'), server.certPem);
      const out = execFileSync('openssl', ['verify', '-x509_strict', '-purpose', 'sslserver', '-CAfile', 'ca.pem', 'server.pem'], { cwd: dir, encoding: 'utf8' });
      assert.match(out, /server\.pem: OK/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('encodes dates from 2050 on as GeneralizedTime', () => {
    const late = createCa('late root', 1, new Date('2060-01-01T00:00:00Z'));
    assert.equal(new Date(late.certificate.validTo).toISOString(), '2060-01-02T00:00:00.000Z');
  });
});
