/**
 * TLS on the listeners, through the real server process: TLS 1.3 only on both planes, HSTS on
 * every admin-plane answer (errors included) and not on the data plane, and a certificate
 * replaced on disk taken up on SIGHUP without a restart — a broken one refused and the running
 * one kept.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { Agent, fetch as undiciFetch } from 'undici';
import { createCa, issueCertificate, type IssuedPair } from '../../src/tls/x509.js';
import { cli, eventually, startGatewayProcess, workDir, writeConfig, type GatewayProcess } from './harness.js';

async function handshake(url: string, ca: string, options: tls.ConnectionOptions = {}): Promise<{ protocol: string | null; fingerprint: string }> {
  const { hostname, port } = new URL(url);
  const socket = tls.connect({ host: hostname, port: Number(port), ca, ...options });
  try {
    await once(socket, 'secureConnect');
    return { protocol: socket.getProtocol(), fingerprint: socket.getPeerX509Certificate()?.fingerprint256 ?? '' };
  } finally {
    socket.destroy();
  }
}

describe('TLS listeners end to end', () => {
  const ca = createCa('e2e tls CA', 30);
  const issue = (): IssuedPair => issueCertificate(ca, { commonName: 'localhost', altNames: ['localhost', '127.0.0.1'], usage: ['serverAuth'], validDays: 30 });
  const work = workDir();
  const certFile = join(work.dir, 'server.pem');
  const keyFile = join(work.dir, 'server.key');
  const write = (pair: Pick<IssuedPair, 'certPem' | 'keyPem'>): void => {
    writeFileSync(certFile, pair.certPem);
    writeFileSync(keyFile, pair.keyPem, { mode: 0o600 });
  };
  const first = issue();
  let gateway: GatewayProcess;
  let adminUrl: string;
  let agent: Agent;

  before(async () => {
    write(first);
    // Polling off: the SIGHUP path alone must do the reload here.
    const tlsBlock = `  tls:\n    certFile: "${certFile}"\n    keyFile: "${keyFile}"\n    reloadPollMs: 0\n`;
    const configFile = writeConfig(work.dir, `logging:\n  level: info\nserver:\n  port: 0\n${tlsBlock}admin:\n  port: 0\n${tlsBlock}`);
    // `start` never generates a master key; an admin command creates one on first use.
    await cli(['keys', 'list', '--config', configFile]);
    gateway = await startGatewayProcess(configFile);
    const line = gateway.logs.map((l) => JSON.parse(l) as { msg?: string; adminUrl?: string }).find((l) => l.msg === 'admin listening');
    adminUrl = line?.adminUrl ?? '';
    agent = new Agent({ connect: { ca: ca.certPem } });
  });
  after(async () => {
    await agent?.close();
    await gateway?.stop();
    work.cleanup();
  });

  it('negotiates TLS 1.3 on both planes and refuses a TLS 1.2-only client', async () => {
    for (const url of [gateway.url, adminUrl]) {
      assert.match(url, /^https:/);
      assert.equal((await handshake(url, ca.certPem)).protocol, 'TLSv1.3');
      await assert.rejects(handshake(url, ca.certPem, { maxVersion: 'TLSv1.2' }), (err: NodeJS.ErrnoException) => /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|ECONNRESET/.test(String(err.code)));
    }
  });

  it('sends HSTS on every admin-plane answer, errors included, and not on the data plane', async () => {
    for (const [path, status] of [['/admin/v1/keys', 401], ['/nowhere', 404]] as const) {
      const res = await undiciFetch(`${adminUrl}${path}`, { dispatcher: agent });
      await res.arrayBuffer();
      assert.equal(res.status, status);
      assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    }
    const data = await undiciFetch(`${gateway.url}/healthz`, { dispatcher: agent });
    await data.arrayBuffer();
    assert.equal(data.status, 200);
    assert.equal(data.headers.get('strict-transport-security'), null);
  });

  it('takes up a new certificate on SIGHUP without a restart and keeps the old one when the new one is broken', async () => {
    const pid = gateway.child.pid;
    assert.ok(pid);
    assert.equal((await handshake(gateway.url, ca.certPem)).fingerprint, first.certificate.fingerprint256);

    const broken = issue();
    write({ certPem: broken.certPem, keyPem: first.keyPem });
    process.kill(pid, 'SIGHUP');
    await eventually(async () => gateway.logs.some((l) => l.includes('new TLS certificate refused')));
    assert.equal((await handshake(gateway.url, ca.certPem)).fingerprint, first.certificate.fingerprint256);
    assert.equal((await handshake(adminUrl, ca.certPem)).fingerprint, first.certificate.fingerprint256);

    const second = issue();
    write(second);
    process.kill(pid, 'SIGHUP');
    await eventually(async () => (await handshake(gateway.url, ca.certPem)).fingerprint === second.certificate.fingerprint256);
    await eventually(async () => (await handshake(adminUrl, ca.certPem)).fingerprint === second.certificate.fingerprint256);
    // Same process: it was reloaded, not restarted, and still TLS 1.3 only.
    assert.equal(gateway.child.exitCode, null);
    await assert.rejects(handshake(gateway.url, ca.certPem, { maxVersion: 'TLSv1.2' }));
    assert.ok(!gateway.logs.some((l) => l.includes('PRIVATE KEY')), 'no key material in the logs');
  });
});

describe('admin plane with client certificates (admin.tls.clientCa)', () => {
  const ca = createCa('e2e admin CA', 30);
  const clientCa = createCa('e2e operator device CA', 30);
  const server = issueCertificate(ca, { commonName: 'localhost', altNames: ['127.0.0.1'], usage: ['serverAuth'], validDays: 30 });
  const device = issueCertificate(clientCa, { commonName: 'ops-laptop', usage: ['clientAuth'], validDays: 30 });
  const stranger = issueCertificate(createCa('other CA', 30), { commonName: 'ops-laptop', usage: ['clientAuth'], validDays: 30 });
  const work = workDir();
  let gateway: GatewayProcess;
  let adminUrl: string;

  before(async () => {
    writeFileSync(join(work.dir, 'server.pem'), server.certPem);
    writeFileSync(join(work.dir, 'server.key'), server.keyPem, { mode: 0o600 });
    writeFileSync(join(work.dir, 'clients.pem'), clientCa.certPem);
    const adminTls = `  tls:\n    certFile: "${join(work.dir, 'server.pem')}"\n    keyFile: "${join(work.dir, 'server.key')}"\n    clientCa: "${join(work.dir, 'clients.pem')}"\n`;
    const configFile = writeConfig(work.dir, `logging:\n  level: info\nserver:\n  port: 0\nadmin:\n  port: 0\n${adminTls}`);
    await cli(['keys', 'list', '--config', configFile]);
    gateway = await startGatewayProcess(configFile);
    const line = gateway.logs.map((l) => JSON.parse(l) as { msg?: string; adminUrl?: string }).find((l) => l.msg === 'admin listening');
    adminUrl = line?.adminUrl ?? '';
  });
  after(async () => {
    await gateway?.stop();
    work.cleanup();
  });

  it('answers only connections that present a certificate from the configured CA', async () => {
    const call = async (agent: Agent): Promise<number> => {
      try {
        const res = await undiciFetch(`${adminUrl}/admin/v1/keys`, { dispatcher: agent });
        await res.arrayBuffer();
        return res.status;
      } finally {
        await agent.close();
      }
    };
    assert.equal(await call(new Agent({ connect: { ca: ca.certPem, cert: device.certPem, key: device.keyPem } })), 401, 'past TLS, then the usual operator session check');
    await assert.rejects(call(new Agent({ connect: { ca: ca.certPem } })));
    await assert.rejects(call(new Agent({ connect: { ca: ca.certPem, cert: stranger.certPem, key: stranger.keyPem } })));
  });
});
