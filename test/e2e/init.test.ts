/**
 * `portcullis init --self-signed` end to end: a fresh directory becomes a running gateway on TLS
 * (data and admin planes) that the official openai client reaches through the generated CA, and
 * the first operator signs in with a TOTP code computed from the enrolment URI.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { generate } from 'otplib';
import { Agent, fetch as undiciFetch } from 'undici';
import { spawnMock, type MockProcess } from '../../src/cli/mock-process.js';
import { cli, createKey, startGatewayProcess, type GatewayProcess } from './harness.js';

const PASSWORD = 'correct horse battery staple';

interface Enrolment {
  name: string;
  otpauthUri: string;
  recoveryCodes: string[];
}

describe('portcullis init --self-signed', () => {
  let dir: string;
  let mock: MockProcess;
  let gateway: GatewayProcess | undefined;
  let enrolment: Enrolment;
  let files: { config: string; dataDir: string; caFile: string; certFile: string; keyFile: string };
  let agent: Agent;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-init-'));
    mock = await spawnMock();
    const out = await cli(['init', '--dir', dir, '--self-signed', '--operator', 'ops', '--password-stdin', '--port', '0', '--admin-port', '0', '--json'], `${PASSWORD}\n`);
    assert.equal(out.code, 0, out.stderr);
    const [first, second] = out.stdout.trim().split('\n');
    enrolment = JSON.parse(first ?? '') as Enrolment;
    files = JSON.parse(second ?? '') as typeof files;
    agent = new Agent({ connect: { ca: readFileSync(files.caFile) } });
  });
  after(async () => {
    await gateway?.stop();
    await mock?.stop();
    await agent?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the master key, pepper and TLS key owner-only, and a config validate accepts', async () => {
    for (const file of [join(files.dataDir, 'master.key'), join(files.dataDir, 'pepper.key'), files.keyFile]) {
      assert.equal(statSync(file).mode & 0o777, 0o600, file);
    }
    assert.equal(Buffer.from(readFileSync(join(files.dataDir, 'master.key'), 'utf8').trim(), 'base64').length, 32);
    assert.match(enrolment.otpauthUri, /^otpauth:\/\/totp\/[^?]*ops\?/);
    assert.equal(enrolment.recoveryCodes.length, 10);
    const validated = await cli(['validate', '--config', files.config]);
    assert.equal(validated.code, 0, validated.stdout);
  });

  it('prints the QR code and recovery codes on a terminal-style run', async () => {
    const other = mkdtempSync(join(tmpdir(), 'portcullis-init-'));
    try {
      const out = await cli(['init', '--dir', other, '--password-stdin'], `${PASSWORD}\n`);
      assert.equal(out.code, 0, out.stderr);
      assert.match(out.stdout, /otpauth:\/\/totp\//);
      assert.match(out.stdout, /▄/, 'a terminal QR code');
      assert.match(out.stdout, /Recovery codes/);
      assert.doesNotMatch(readFileSync(join(other, 'portcullis.yaml'), 'utf8'), /tls:/, 'no TLS without --self-signed');
      // A weak password is refused before anything is written.
      const weak = mkdtempSync(join(tmpdir(), 'portcullis-init-'));
      const refused = await cli(['init', '--dir', weak, '--password-stdin'], 'short\n');
      assert.equal(refused.code, 2);
      assert.throws(() => statSync(join(weak, 'portcullis.yaml')));
      rmSync(weak, { recursive: true, force: true });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses to overwrite an existing setup without --force, and --force keeps the master key', async () => {
    const before = readFileSync(files.config, 'utf8');
    const masterKey = readFileSync(join(files.dataDir, 'master.key'), 'utf8');
    const again = await cli(['init', '--dir', dir, '--self-signed', '--operator', 'ops', '--password-stdin'], `${PASSWORD}\n`);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already set up/);
    assert.equal(readFileSync(files.config, 'utf8'), before);

    const forced = await cli(['init', '--dir', dir, '--self-signed', '--operator', 'ops', '--password-stdin', '--port', '0', '--admin-port', '0', '--force', '--json'], `${PASSWORD}\n`);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /operator ops exists already and is kept/);
    assert.equal(readFileSync(join(files.dataDir, 'master.key'), 'utf8'), masterKey);
    // New certificates: the agent must trust the new CA.
    await agent.close();
    agent = new Agent({ connect: { ca: readFileSync(files.caFile) } });
  });

  it('starts on the generated config and serves the openai client over TLS with the generated CA', async () => {
    appendFileSync(files.config, `routes:\n  - model: mock-model\n    targets:\n      - provider: openai\n        baseUrl: ${mock.url}/v1\n        model: mock-model\n`);
    const { key } = await createKey(files.config);
    gateway = await startGatewayProcess(files.config);
    assert.match(gateway.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const client = new OpenAI({
      baseURL: `${gateway.url}/v1`,
      apiKey: key,
      maxRetries: 0,
      fetch: ((input: string | URL | Request, init?: RequestInit) => undiciFetch(input as string, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
    });
    const answer = await client.chat.completions.create({ model: 'mock-model', messages: [{ role: 'user', content: 'hello over TLS' }] });
    assert.ok(answer.choices[0]?.message.content);
    // Without the CA the certificate is not trusted: the client fails, no plaintext fallback.
    const untrusting = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
    await assert.rejects(untrusting.models.list(), (err: Error) => err.constructor.name === 'APIConnectionError');
  });

  it('lets the operator sign in on the TLS admin plane with the enrolled TOTP', async () => {
    assert.ok(gateway);
    const line = gateway.logs.map((l) => JSON.parse(l) as { msg?: string; adminUrl?: string }).find((l) => l.msg === 'admin listening');
    const adminUrl = line?.adminUrl ?? '';
    assert.match(adminUrl, /^https:\/\//);
    const secret = new URL(enrolment.otpauthUri).searchParams.get('secret') ?? '';
    const signIn = (totp: string) =>
      undiciFetch(`${adminUrl}/admin/v1/session`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ops', password: PASSWORD, totp }) });
    const res = await signIn(await generate({ secret }));
    const body = (await res.json()) as { token?: string };
    assert.equal(res.status, 200, JSON.stringify(body));
    assert.ok(body.token);
    assert.equal(res.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    const list = await undiciFetch(`${adminUrl}/admin/v1/operators`, { dispatcher: agent, headers: { authorization: `Bearer ${body.token}` } });
    assert.equal(list.status, 200);
  });
});
