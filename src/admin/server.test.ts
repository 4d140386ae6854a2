import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { generate } from 'otplib';
import { sealingKey } from '../crypto/seal.js';
import { OperatorService } from '../identity/operators.js';
import { createLogger } from '../log.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { createAdminServer, type AdminServer } from './server.js';

const PASSWORD = 'correct horse battery staple';

describe('admin listener (in-process, frozen clock)', () => {
  const clock = { now: 1_800_000_000_000 };
  let store: Store;
  let admin: AdminServer;
  let base: string;
  let secret: string;
  const pepper = Buffer.alloc(32, 4);

  before(async () => {
    store = openSqliteStore(':memory:');
    const operators = new OperatorService({ store, pepper, sealing: sealingKey(Buffer.alloc(32, 6)), sessionTtlMs: 900_000, stepUpWindowMs: 300_000, now: () => clock.now });
    secret = (await operators.create('ops', PASSWORD)).totpSecret;
    admin = createAdminServer({
      config: { host: '127.0.0.1', port: 0, allowInsecureBind: false, sessionTtlSec: 900, stepUpWindowSec: 300 },
      store,
      pepper,
      operators,
      log: createLogger({ level: 'silent' }),
      now: () => clock.now,
    });
    const address: AddressInfo = await admin.listen();
    base = `http://127.0.0.1:${address.port}`;
  });
  after(async () => {
    await admin.close();
    await store.close();
  });

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
  const totp = (offsetSec = 0) => generate({ secret, epoch: Math.floor(clock.now / 1000) + offsetSec });

  it('unknown paths, wrong methods and bad bodies get registry errors', async () => {
    assert.equal(await code(await call('GET', '/admin/v1/nope')), 'PC_ERR_NOT_FOUND');
    const wrong = await call('PUT', '/admin/v1/keys');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET, POST');
    assert.equal(await code(await call('POST', '/admin/v1/session', undefined, { username: 'ops' })), 'PC_ERR_BAD_REQUEST');
  });

  it('the step-up window closes; step-up reopens it; revocation never needs it', async () => {
    const signIn = await call('POST', '/admin/v1/session', undefined, { username: 'ops', password: PASSWORD, totp: await totp() });
    assert.equal(signIn.status, 200);
    const { token } = (await signIn.json()) as { token: string };
    const created = await call('POST', '/admin/v1/keys', token, { name: 'k1', operations: ['chat'], cidrs: ['10.0.0.0/8'], expires_in_sec: 3600 });
    assert.equal(created.status, 201);
    const key = (await created.json()) as { id: string; key: string; operations: string[]; expires_at: string };
    assert.deepEqual(key.operations, ['chat']);
    assert.equal(key.expires_at, new Date(clock.now + 3_600_000).toISOString());

    clock.now += 300_001;
    assert.equal(await code(await call('POST', '/admin/v1/keys', token, { name: 'k2' })), 'PC_ERR_MFA_REQUIRED');
    assert.equal(await code(await call('POST', `/admin/v1/keys/${key.id}/rotate`, token, {})), 'PC_ERR_MFA_REQUIRED');
    assert.equal(await code(await call('POST', '/admin/v1/keys', token, { name: 'bad', operations: ['root'] })), 'PC_ERR_MFA_REQUIRED', 'step-up is checked before the body');
    assert.equal(await code(await call('POST', '/admin/v1/session/step-up', token, { totp: '000000' })), 'PC_ERR_UNAUTHENTICATED');
    assert.equal((await call('POST', '/admin/v1/session/step-up', token, { totp: await totp() })).status, 200);
    assert.equal(await code(await call('POST', '/admin/v1/keys', token, { name: 'bad', operations: ['root'] })), 'PC_ERR_BAD_REQUEST');
    const rotated = await call('POST', `/admin/v1/keys/${key.id}/rotate`, token, { overlap_sec: 60 });
    assert.equal(rotated.status, 201);
    const next = (await rotated.json()) as { id: string; previous: { expires_at: string } };
    assert.equal(next.previous.expires_at, new Date(clock.now + 60_000).toISOString());

    clock.now += 300_001;
    assert.equal((await call('DELETE', `/admin/v1/keys/${next.id}`, token)).status, 204);
    assert.notEqual((await store.apiKeys.get(next.id))?.revokedAt, null);
    assert.equal(await code(await call('DELETE', `/admin/v1/keys/${next.id}`, token)), 'PC_ERR_NOT_FOUND', 'already revoked');

    clock.now += 900_000;
    assert.equal(await code(await call('GET', '/admin/v1/keys', token)), 'PC_ERR_UNAUTHENTICATED', 'the session expired');
  });

  it('GET /admin/v1/audit needs a session, filters, and pages newest first with a cursor', async () => {
    const entries = Array.from({ length: 7 }, (_, i) => ({
      requestId: `q${i}`,
      ts: clock.now + i,
      principal: i % 2 === 0 ? 'svc-a' : 'svc-b',
      route: 'chat',
      outcome: i === 3 ? ('deny' as const) : ('allow' as const),
      status: i === 3 ? 403 : 200,
      body: `{"code":${i === 3 ? '"PC_ERR_FORBIDDEN"' : 'null'},"i":${i}}`,
    }));
    await store.audit.append(entries);
    assert.equal(await code(await call('GET', '/admin/v1/audit')), 'PC_ERR_UNAUTHENTICATED');
    clock.now += 60_000; // a fresh TOTP step: the previous test used the current one
    const signIn = await call('POST', '/admin/v1/session', undefined, { username: 'ops', password: PASSWORD, totp: await totp() });
    const { token } = (await signIn.json()) as { token: string };
    type Page = { records: { request_id: string; record: { i: number } }[]; next_cursor: string | null };
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/admin/v1/audit?principal=svc-a&limit=2${cursor ? `&cursor=${cursor}` : ''}`, token);
      assert.equal(res.status, 200);
      const page = (await res.json()) as Page;
      ids.push(...page.records.map((r) => r.request_id));
      cursor = page.next_cursor;
    } while (cursor !== null);
    assert.deepEqual(ids, ['q6', 'q4', 'q2', 'q0']);
    const denied = (await (await call('GET', '/admin/v1/audit?decision=deny&code=PC_ERR_FORBIDDEN', token)).json()) as Page;
    assert.deepEqual(denied.records.map((r) => r.record.i), [3]);
    const from = new Date(entries[5]?.ts ?? 0).toISOString();
    const recent = (await (await call('GET', `/admin/v1/audit?from=${encodeURIComponent(from)}`, token)).json()) as Page;
    assert.deepEqual(recent.records.map((r) => r.request_id), ['q6', 'q5']);
    for (const bad of ['decision=maybe', 'limit=0', 'limit=501', 'cursor=-1', 'from=yesterday']) {
      assert.equal(await code(await call('GET', `/admin/v1/audit?${bad}`, token)), 'PC_ERR_BAD_REQUEST', bad);
    }
    assert.equal(await code(await call('GET', '/metrics', token)), 'PC_ERR_NOT_FOUND', 'no metrics configured on this listener');
  });

  const signIn = async (username: string, totpSecret: string): Promise<string> => {
    const res = await call('POST', '/admin/v1/session', undefined, { username, password: PASSWORD, totp: await generate({ secret: totpSecret, epoch: Math.floor(clock.now / 1000) }) });
    assert.equal(res.status, 200);
    return ((await res.json()) as { token: string }).token;
  };

  it('adds, lists, disables, enables and resets operators; every one needs a step-up', async () => {
    clock.now += 60_000;
    const token = await signIn('ops', secret);
    const added = await call('POST', '/admin/v1/operators', token, { name: 'second', password: PASSWORD });
    assert.equal(added.status, 201);
    const enrolment = (await added.json()) as { name: string; otpauth_uri: string; recovery_codes: string[]; password_hash?: string };
    assert.match(enrolment.otpauth_uri, /^otpauth:\/\/totp\//);
    assert.equal(enrolment.recovery_codes.length, 10);
    assert.equal(enrolment.password_hash, undefined);
    assert.equal(await code(await call('POST', '/admin/v1/operators', token, { name: 'second', password: PASSWORD })), 'PC_ERR_BAD_REQUEST', 'name taken');
    assert.equal(await code(await call('POST', '/admin/v1/operators', token, { name: 'Bad Name', password: PASSWORD })), 'PC_ERR_BAD_REQUEST');

    const listed = (await (await call('GET', '/admin/v1/operators', token)).json()) as { data: { name: string; disabled_at: string | null; sealed_totp_secret?: string }[] };
    assert.deepEqual(listed.data.map((o) => o.name), ['ops', 'second']);
    assert.ok(listed.data.every((o) => o.sealed_totp_secret === undefined));

    const secondSecret = new URL(enrolment.otpauth_uri).searchParams.get('secret') as string;
    const theirs = await signIn('second', secondSecret);
    const disabled = await call('POST', '/admin/v1/operators/second/disable', token);
    assert.equal(disabled.status, 200);
    assert.equal(((await disabled.json()) as { disabled_at: string }).disabled_at, new Date(clock.now).toISOString());
    assert.equal(await code(await call('GET', '/admin/v1/keys', theirs)), 'PC_ERR_UNAUTHENTICATED', 'a disabled operator\'s sessions end at once');
    assert.equal(await code(await call('POST', '/admin/v1/operators/ops/disable', token)), 'PC_ERR_FORBIDDEN', 'not oneself');
    assert.equal(await code(await call('POST', '/admin/v1/operators/ghost/disable', token)), 'PC_ERR_NOT_FOUND');
    assert.equal((await call('POST', '/admin/v1/operators/second/enable', token)).status, 200);

    const reset = await call('POST', '/admin/v1/operators/second/reset-mfa', token);
    assert.equal(reset.status, 200);
    const fresh = (await reset.json()) as { otpauth_uri: string; recovery_codes_left: number };
    assert.notEqual(new URL(fresh.otpauth_uri).searchParams.get('secret'), secondSecret);
    assert.equal(fresh.recovery_codes_left, 10);

    clock.now += 300_001;
    for (const [method, path] of [
      ['GET', '/admin/v1/operators'],
      ['POST', '/admin/v1/operators'],
      ['POST', '/admin/v1/operators/second/disable'],
      ['POST', '/admin/v1/operators/second/enable'],
      ['POST', '/admin/v1/operators/second/reset-mfa'],
    ] as const) {
      assert.equal(await code(await call(method, path, token, method === 'POST' ? {} : undefined)), 'PC_ERR_MFA_REQUIRED', `${method} ${path}`);
    }
    assert.equal(await code(await call('GET', '/admin/v1/operators')), 'PC_ERR_UNAUTHENTICATED');
  });
});
