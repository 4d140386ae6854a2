/**
 * Authorization end to end (issue 4), through the real gateway process: the same key allowed from
 * one network and denied from another (X-Forwarded-For believed from the trusted loopback proxy,
 * ignored from anyone else), a device without valid posture denied, tools refused or stripped by
 * route setting, a tool call the caller may not use taken out of a streamed answer, `/v1/models`
 * filtered, an operator without `read_audit` kept out of the audit trail, and an invalid policy
 * set rejected on reload while the running one stays.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import OpenAI from 'openai';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { generate } from 'otplib';
import { cli, createKey, eventually, startStack, workDir, type Stack } from './harness.js';

const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
  - model: gpt-strip
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
  - model: secret-model
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
`;

const POLICIES = `
// Keys of the "office" role work only from the office network.
@id("office-network")
forbid (principal in Role::"office", action in Action::"inference", resource)
unless { context.ip.isInRange(ip("203.0.113.0/24")) };

// Developers need a managed device.
@id("developer-posture")
forbid (principal in Role::"developer", action, resource)
unless { context.posture.verified && context.posture.managed };

// Nobody runs shell commands through a model.
@id("no-shell")
forbid (principal, action == Action::"use_tool", resource == Tool::"shell");

// The secret model is for the "research" role only.
@id("secret-model")
forbid (principal, action, resource == Model::"secret-model")
unless { principal in Role::"research" };
`;

interface ErrorBody {
  error: { code: string; message: string };
}

describe('policy end to end', () => {
  let stack: Stack;
  let url: string;
  let adminUrl: string;
  let officeKey: string;
  let devKey: string;
  let signPosture: (managed: boolean) => Promise<string>;
  // The user's own policies, in a directory of .cedar files (read at start and on reload).
  const policyDir = mkdtempSync(join(tmpdir(), 'pc-policies-'));

  before(async () => {
    writeFileSync(join(policyDir, 'company.cedar'), POLICIES);
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'mdm-1', alg: 'ES256' };
    signPosture = (managed) =>
      new SignJWT({ posture: { managed } })
        .setProtectedHeader({ alg: 'ES256', kid: 'mdm-1' })
        .setIssuer('https://mdm.test')
        .setAudience('urn:portcullis:gateway')
        .setSubject('laptop-1')
        .setIssuedAt()
        .sign(privateKey);
    const extra = `context:
  trustedProxies: ["127.0.0.1/32"]
  posture:
    issuers:
      - issuer: https://mdm.test
        jwks: { keys: [${JSON.stringify(jwk)}] }
policy:
  files: ["${policyDir}"]
  tools:
    onDenied: refuse
    routes: { gpt-strip: strip }
  operators: { auditor: [developer] }
admin:
  port: 0
`;
    stack = await startStack(routes, extra);
    url = stack.gateway.url;
    const line = stack.gateway.logs.map((l) => JSON.parse(l) as { msg?: string; adminUrl?: string }).find((l) => l.msg === 'admin listening');
    assert.ok(line?.adminUrl);
    adminUrl = line.adminUrl;
    officeKey = (await createKey(stack.gateway.configFile, ['--roles', 'office'])).key;
    devKey = (await createKey(stack.gateway.configFile, ['--roles', 'developer'])).key;
  });
  after(async () => {
    await stack?.stop();
    rmSync(policyDir, { recursive: true, force: true });
  });

  const chat = (key: string, headers: Record<string, string> = {}, body: Record<string, unknown> = {}) =>
    fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'hello' }], ...body }),
    });
  const expectCode = async (res: Response, status: number, code: string) => {
    const body = (await res.json()) as ErrorBody;
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(body.error.code, code);
  };

  it('the default key (role app) works as before', async () => {
    const client = new OpenAI({ apiKey: stack.key, baseURL: `${url}/v1` });
    const answer = await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
    assert.match(answer.choices[0]?.message.content ?? '', /Mock answer/);
  });

  it('the same key is allowed from one network and denied from another', async () => {
    const inside = await chat(officeKey, { 'x-forwarded-for': '203.0.113.20' });
    assert.equal(inside.status, 200);
    // Outside: the refusal looks like an unknown model, so policies do not reveal which exist.
    await expectCode(await chat(officeKey, { 'x-forwarded-for': '198.51.100.20' }), 404, 'PC_ERR_MODEL_NOT_FOUND');
    // No header: the client is the loopback peer itself, not in the office network.
    await expectCode(await chat(officeKey), 404, 'PC_ERR_MODEL_NOT_FOUND');
    // A client-supplied entry left of the first untrusted hop is ignored.
    await expectCode(await chat(officeKey, { 'x-forwarded-for': '203.0.113.20, 198.51.100.20' }), 404, 'PC_ERR_MODEL_NOT_FOUND');
  });

  it('a spoofed X-Forwarded-For from an untrusted peer changes nothing', async () => {
    // Linux answers for all of 127.0.0.0/8: connecting from 127.0.0.2 makes an untrusted peer.
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${url}/v1/chat/completions`, {
        method: 'POST',
        localAddress: '127.0.0.2',
        headers: { authorization: `Bearer ${officeKey}`, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.20' },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'hello' }] }));
    });
    assert.equal(status.status, 404);
    assert.equal((JSON.parse(status.body) as ErrorBody).error.code, 'PC_ERR_MODEL_NOT_FOUND');
  });

  it('a device without valid posture is denied; a managed one is allowed', async () => {
    await expectCode(await chat(devKey), 404, 'PC_ERR_MODEL_NOT_FOUND');
    await expectCode(await chat(devKey, { 'x-device-posture': await signPosture(false) }), 404, 'PC_ERR_MODEL_NOT_FOUND');
    await expectCode(await chat(devKey, { 'x-device-posture': 'not.a.jwt' }), 404, 'PC_ERR_MODEL_NOT_FOUND');
    const ok = await chat(devKey, { 'x-device-posture': await signPosture(true) });
    assert.equal(ok.status, 200);
  });

  it('/v1/models lists only what the caller may use', async () => {
    const list = async (key: string, headers: Record<string, string> = {}) =>
      ((await (await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}`, ...headers } })).json()) as { data: { id: string }[] }).data.map((m) => m.id).sort();
    assert.deepEqual(await list(stack.key), ['gpt', 'gpt-strip']);
    assert.deepEqual(await list(officeKey, { 'x-forwarded-for': '203.0.113.9' }), ['gpt', 'gpt-strip']);
    assert.deepEqual(await list(officeKey, { 'x-forwarded-for': '198.51.100.9' }), []);
    await expectCode(await chat(stack.key, {}, { model: 'secret-model' }), 404, 'PC_ERR_MODEL_NOT_FOUND');
  });

  const tools = [
    { type: 'function', function: { name: 'search', parameters: { type: 'object', properties: {} } } },
    { type: 'function', function: { name: 'shell', parameters: { type: 'object', properties: {} } } },
  ];

  it('a request offering a forbidden tool is refused (route default)', async () => {
    await expectCode(await chat(stack.key, {}, { tools }), 403, 'PC_ERR_TOOL_NOT_ALLOWED');
  });

  it('on a stripping route the forbidden tool is removed before the model sees it', async () => {
    const res = await chat(stack.key, {}, { model: 'gpt-strip', tools, tool_choice: { type: 'function', function: { name: 'shell' } } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { choices: { message: { tool_calls?: { function: { name: string } }[] } }[] };
    // The mock calls the first offered tool: only `search` is left.
    assert.deepEqual(body.choices[0]?.message.tool_calls?.map((c) => c.function.name), ['search']);
  });

  it('a tool call the caller may not use is taken out of a streamed answer', async () => {
    const client = new OpenAI({ apiKey: stack.key, baseURL: `${url}/v1` });
    const stream = await client.chat.completions.create({ model: 'gpt', stream: true, messages: [{ role: 'user', content: 'do it mock:call-tool:shell' }] });
    const names: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      for (const choice of chunk.choices) {
        for (const call of choice.delta.tool_calls ?? []) if (call.function?.name) names.push(call.function.name);
        if (choice.finish_reason) finish = choice.finish_reason;
      }
    }
    assert.deepEqual(names, []);
    assert.equal(finish, 'stop');
    // An allowed tool the model was never offered still comes through.
    const allowed = await client.chat.completions.create({ model: 'gpt', stream: true, messages: [{ role: 'user', content: 'mock:call-tool:lookup' }] });
    const seen: string[] = [];
    for await (const chunk of allowed) for (const c of chunk.choices) for (const call of c.delta.tool_calls ?? []) if (call.function?.name) seen.push(call.function.name);
    assert.deepEqual(seen, ['lookup']);
  });

  it('a forbidden tool call is taken out of a whole answer too', async () => {
    const res = await chat(stack.key, {}, { messages: [{ role: 'user', content: 'mock:call-tool:shell' }] });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { choices: { finish_reason: string; message: { tool_calls?: unknown[] } }[] };
    assert.equal(body.choices[0]?.message.tool_calls, undefined);
    assert.equal(body.choices[0]?.finish_reason, 'stop');
  });

  describe('admin plane', () => {
    const admin = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
      fetch(`${adminUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    const signIn = async (name: string, password: string): Promise<string> => {
      const added = await cli(['operators', 'add', '--config', stack.gateway.configFile, name, '--json'], `${password}\n`);
      assert.equal(added.code, 0, added.stderr);
      const secret = new URL((JSON.parse(added.stdout) as { otpauthUri: string }).otpauthUri).searchParams.get('secret') as string;
      const res = await admin('/admin/v1/session', { method: 'POST', body: { username: name, password, totp: await generate({ secret }) } });
      assert.equal(res.status, 200);
      return ((await res.json()) as { token: string }).token;
    };

    it('an operator without read_audit cannot read the audit trail; an admin can get past policy', async () => {
      const auditor = await signIn('auditor', 'a long enough password here');
      await expectCode(await admin('/admin/v1/audit', { token: auditor }), 403, 'PC_ERR_POLICY_DENIED');
      await expectCode(await admin('/admin/v1/keys', { token: auditor }), 403, 'PC_ERR_POLICY_DENIED');
      const boss = await signIn('boss', 'another long enough password');
      // Every decision is recorded with the policies that decided it; the client saw only a code.
      await eventually(async () => {
        const audit = await admin('/admin/v1/audit?decision=deny&limit=500', { token: boss });
        assert.equal(audit.status, 200);
        const text = await audit.text();
        return text.includes('office-network') && text.includes('developer-posture') && text.includes('no-shell');
      });
      assert.equal(stack.gateway.logs.filter((l) => l.includes(officeKey)).length, 0, 'the key never appears in the log');
      assert.equal((await admin('/admin/v1/keys', { token: boss })).status, 200);
    });
  });

  it('an invalid policy set is rejected on reload and the running one stays', async () => {
    writeFileSync(join(policyDir, 'broken.cedar'), '@id("broken") permit (principal, action, resource) when { context.nope };');
    stack.gateway.child.kill('SIGHUP');
    await eventually(async () => stack.gateway.logs.some((l) => l.includes('config reload rejected')));
    await expectCode(await chat(officeKey, { 'x-forwarded-for': '198.51.100.20' }), 404, 'PC_ERR_MODEL_NOT_FOUND');
    assert.equal((await chat(officeKey, { 'x-forwarded-for': '203.0.113.20' })).status, 200);
  });
});

describe('policy CLI', () => {
  const CASES = `cases:
  - name: app key may chat
    principal: { kind: service, id: "key:1", roles: [app] }
    action: chat
    resource: { model: gpt-4o }
    expect: allow
  - name: office key outside the office
    principal: { kind: service, id: "key:2", roles: [office] }
    action: chat
    resource: { model: gpt-4o }
    context: { ip: 198.51.100.1 }
    expect: deny
  - name: analyst may not manage keys
    principal: { kind: operator, id: alice, roles: [security-analyst] }
    action: manage_keys
    resource: { admin: keys }
    expect: deny
`;

  it('validate accepts a good set and rejects a bad one, naming the policy', async () => {
    const { dir, cleanup } = workDir();
    try {
      writeFileSync(join(dir, 'company.cedar'), POLICIES);
      writeFileSync(join(dir, 'good.yaml'), 'policy:\n  files: [company.cedar]\n');
      const good = await cli(['policy', 'validate', '--config', join(dir, 'good.yaml')]);
      assert.equal(good.code, 0, good.stderr);
      assert.match(good.stdout, /valid: \d+ policies/);
      writeFileSync(join(dir, 'bad.cedar'), '@id("typo") forbid (principal, action, resource) when { context.contry == "DE" };');
      writeFileSync(join(dir, 'bad.yaml'), 'policy:\n  files: [company.cedar, bad.cedar]\n');
      const bad = await cli(['policy', 'validate', '--config', join(dir, 'bad.yaml')]);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /typo.*contry/);
    } finally {
      cleanup();
    }
  });

  it('test runs the cases, one line each, and fails on a mismatch', async () => {
    const { dir, cleanup } = workDir();
    try {
      writeFileSync(join(dir, 'company.cedar'), POLICIES);
      writeFileSync(join(dir, 'portcullis.yaml'), 'policy:\n  files: [company.cedar]\n');
      writeFileSync(join(dir, 'cases.yaml'), CASES);
      const pass = await cli(['policy', 'test', join(dir, 'cases.yaml'), '--config', join(dir, 'portcullis.yaml')]);
      assert.equal(pass.code, 0, pass.stdout + pass.stderr);
      assert.match(pass.stdout, /ok {4}office key outside the office {2}\(deny: office-network\)/);
      assert.match(pass.stdout, /3 passed, 0 failed/);
      // Without the company policies the office key is allowed: that case must fail.
      const fail = await cli(['policy', 'test', join(dir, 'cases.yaml')]);
      assert.equal(fail.code, 1);
      assert.match(fail.stdout, /FAIL {2}office key outside the office {2}expected deny, got allow/);
      assert.match(fail.stdout, /2 passed, 1 failed/);
    } finally {
      cleanup();
    }
  });
});
