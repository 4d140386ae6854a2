/**
 * mTLS end to end (RFC 8705): the gateway listens with TLS and a client CA; a client certificate
 * from that CA is a credential of its own (subject/SAN → principal), a certificate from any other
 * CA proves nothing, and a token issued over mTLS is bound to the certificate (`cnf.x5t#S256`):
 * it works only over a connection presenting that same certificate. Certificates are made with
 * the openssl command line for each run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import OpenAI from 'openai';
import { Agent, fetch as undiciFetch } from 'undici';
import { eventually, startStack, type Stack } from './harness.js';

const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
`;

function openssl(dir: string, args: readonly string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** A CA, a server certificate for 127.0.0.1, and client certificates. */
function makeCertificates(dir: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=portcullis-test-ca']);
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'rogue-ca.key', '-out', 'rogue-ca.pem', '-subj', '/CN=rogue-ca']);
  const leaf = (name: string, subject: string, ca: string, ext: readonly string[]) =>
    openssl(dir, ['req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', subject, ...ext.flatMap((e) => ['-addext', e]), '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`]);
  leaf('server', '/CN=localhost', 'ca', ['subjectAltName=IP:127.0.0.1', 'basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=serverAuth']);
  leaf('a', '/CN=svc-a', 'ca', ['subjectAltName=URI:spiffe://example.org/svc-a', 'basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=clientAuth']);
  leaf('b', '/CN=svc-b', 'ca', ['basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=clientAuth']);
  leaf('rogue', '/CN=svc-a', 'rogue-ca', ['subjectAltName=URI:spiffe://example.org/svc-a', 'basicConstraints=critical,CA:FALSE', 'extendedKeyUsage=clientAuth']);
}

interface ErrorBody {
  error: { code: string };
}

describe('mTLS end to end (RFC 8705)', () => {
  let certDir: string;
  let stack: Stack;
  let url: string;
  const agents: Record<string, Agent> = {};
  const file = (name: string) => join(certDir, name);

  before(async () => {
    certDir = mkdtempSync(join(tmpdir(), 'portcullis-mtls-'));
    makeCertificates(certDir);
    const extra = `  tls:\n    certFile: "${file('server.pem')}"\n    keyFile: "${file('server.key')}"\n    clientCa: "${file('ca.pem')}"\nidentity:\n  mtls:\n    roles: [workload]\n`;
    stack = await startStack(routes, extra);
    url = stack.gateway.url;
    const ca = readFileSync(file('ca.pem'));
    agents.none = new Agent({ connect: { ca } });
    for (const name of ['a', 'b', 'rogue']) agents[name] = new Agent({ connect: { ca, cert: readFileSync(file(`${name}.pem`)), key: readFileSync(file(`${name}.key`)) } });
  });
  after(async () => {
    await Promise.all(Object.values(agents).map((a) => a.close()));
    await stack?.stop();
    rmSync(certDir, { recursive: true, force: true });
  });

  const call = (as: string, path: string, headers: Record<string, string> = {}, init: { method?: string; body?: string } = {}) =>
    undiciFetch(`${url}${path}`, { ...init, headers, dispatcher: agents[as] });
  async function expectError(res: Awaited<ReturnType<typeof call>>, status: number, code: string): Promise<void> {
    const body = (await res.json()) as ErrorBody;
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(body.error.code, code);
  }
  /** The reasons logged for refused credentials since `mark`. */
  async function reasonsSince(mark: number, count: number): Promise<string[]> {
    let found: string[] = [];
    await eventually(async () => {
      found = stack.gateway.logs
        .slice(mark)
        .map((l) => JSON.parse(l) as { msg?: string; reasons?: string[] })
        .filter((l) => l.msg === 'credential refused')
        .flatMap((l) => l.reasons ?? []);
      return found.length >= count;
    });
    return found;
  }
  const thumbprint = (name: string) => createHash('sha256').update(new X509Certificate(readFileSync(file(`${name}.pem`))).raw).digest('base64url');
  const exchange = async (as: string, headers: Record<string, string> = {}) => {
    const res = await call(as, '/v1/auth/token', { 'content-type': 'application/x-www-form-urlencoded', ...headers }, { method: 'POST', body: 'grant_type=client_credentials' });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { access_token: string }).access_token;
  };

  it('a client certificate from the configured CA is a credential: SAN URI, else CN, becomes the principal', async () => {
    assert.equal((await call('a', '/v1/models')).status, 200);
    const tokenA = await exchange('a');
    const claims = decodeJwt(tokenA);
    assert.equal(claims.sub, 'mtls:spiffe://example.org/svc-a');
    assert.deepEqual((claims.pc as { roles: string[] }).roles, ['workload']);
    assert.deepEqual(claims.cnf, { 'x5t#S256': thumbprint('a') });
    assert.equal(decodeJwt(await exchange('b')).sub, 'mtls:svc-b');
  });

  it('no certificate and no key, or a certificate from another CA, proves nothing', async () => {
    const mark = stack.gateway.logs.length;
    await expectError(await call('none', '/v1/models'), 401, 'PC_ERR_UNAUTHENTICATED');
    await expectError(await call('rogue', '/v1/models'), 401, 'PC_ERR_UNAUTHENTICATED');
    assert.deepEqual(await reasonsSince(mark, 2), ['missing', 'client-cert-untrusted']);
  });

  it('a certificate-bound token works only with that certificate', async () => {
    const tokenA = await exchange('a');
    const bearer = { authorization: `Bearer ${tokenA}` };
    assert.equal((await call('a', '/v1/models', bearer)).status, 200);
    const mark = stack.gateway.logs.length;
    await expectError(await call('none', '/v1/models', bearer), 401, 'PC_ERR_TOKEN_INVALID');
    await expectError(await call('b', '/v1/models', bearer), 401, 'PC_ERR_TOKEN_INVALID');
    await expectError(await call('rogue', '/v1/models', bearer), 401, 'PC_ERR_TOKEN_INVALID');
    assert.deepEqual(await reasonsSince(mark, 3), ['x5t-mismatch', 'x5t-mismatch', 'x5t-mismatch']);
  });

  it('API keys still work over TLS without a certificate; a key exchanged over mTLS binds its token too', async () => {
    const key = { authorization: `Bearer ${stack.key}` };
    assert.equal((await call('none', '/v1/models', key)).status, 200);
    const bound = await exchange('a', key);
    assert.deepEqual(decodeJwt(bound).cnf, { 'x5t#S256': thumbprint('a') });
    await expectError(await call('none', '/v1/models', { authorization: `Bearer ${bound}` }), 401, 'PC_ERR_TOKEN_INVALID');
    // The official client over mTLS with the bound token.
    const client = new OpenAI({
      baseURL: `${url}/v1`,
      apiKey: bound,
      maxRetries: 0,
      fetch: ((input: string | URL | Request, init?: RequestInit) => undiciFetch(input as string, { ...(init as object), dispatcher: agents.a })) as unknown as typeof fetch,
    });
    const chat = await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
    assert.ok(chat.choices[0]?.message.content);
  });
});
