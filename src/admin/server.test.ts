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
});
