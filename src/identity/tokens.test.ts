import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { sealingKey } from '../crypto/seal.js';
import type { Principal } from '../pipeline/types.js';
import { openSqliteStore } from '../store/sqlite.js';
import { SigningKeyring } from './signing-keys.js';
import { issueAccessToken, verifyAccessToken } from './tokens.js';

const settings = { issuer: 'urn:test:gw', audience: 'urn:test:aud', ttlSec: 600 };
const principal: Principal = { id: 'svc-1', kind: 'service', tenant: 't', roles: ['app'], authMethod: 'api_key', credentialId: 'abc123def456', models: ['gpt'], operations: ['chat'], cidrs: [] };

async function setup(alg: 'EdDSA' | 'ES256' = 'EdDSA') {
  let now = 1_800_000_000_000;
  const store = openSqliteStore(':memory:');
  const keyring = new SigningKeyring({ repo: store.signingKeys, sealing: sealingKey(Buffer.alloc(32, 1)), alg, rotationMs: 86_400_000, now: () => now, refreshMs: 1 });
  await keyring.start();
  return { store, keyring, clock: { get: () => now, set: (v: number) => (now = v) } };
}

const kidOf = (token: string): string => decodeProtectedHeader(token).kid as string;

describe('gateway access tokens', () => {
  for (const alg of ['EdDSA', 'ES256'] as const) {
    it(`${alg}: issue and verify round trip, principal and scopes preserved`, async () => {
      const { store, keyring, clock } = await setup(alg);
      const t = await issueAccessToken(keyring, settings, principal, clock.get());
      const check = await verifyAccessToken(t.accessToken, kidOf(t.accessToken), keyring, settings, clock.get() + 1000);
      assert.ok(check.ok);
      assert.equal(check.principal.id, 'svc-1');
      assert.equal(check.principal.authMethod, 'gateway_jwt');
      assert.equal(check.principal.issuedVia, 'api_key');
      assert.deepEqual(check.principal.operations, ['chat']);
      assert.deepEqual(check.sourceCredential, { via: 'api_key', id: 'abc123def456' });
      assert.equal(check.jkt, undefined);
      await store.close();
    });
  }

  it('bind to a DPoP key with cnf.jkt and type DPoP', async () => {
    const { store, keyring, clock } = await setup();
    const t = await issueAccessToken(keyring, settings, principal, clock.get(), { jkt: 'thumb' });
    assert.equal(t.tokenType, 'DPoP');
    assert.deepEqual(decodeJwt(t.accessToken).cnf, { jkt: 'thumb' });
    const check = await verifyAccessToken(t.accessToken, kidOf(t.accessToken), keyring, settings, clock.get());
    assert.ok(check.ok && check.jkt === 'thumb');
    await store.close();
  });

  it('refuse expired, wrong audience or issuer, and unknown kid', async () => {
    const { store, keyring, clock } = await setup();
    const t = await issueAccessToken(keyring, settings, principal, clock.get());
    const kid = kidOf(t.accessToken);
    assert.deepEqual(await verifyAccessToken(t.accessToken, kid, keyring, settings, clock.get() + 600_000), { ok: false, reason: 'ERR_JWT_EXPIRED:exp' });
    assert.deepEqual(await verifyAccessToken(t.accessToken, kid, keyring, { ...settings, audience: 'other' }, clock.get()), { ok: false, reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED:aud' });
    assert.deepEqual(await verifyAccessToken(t.accessToken, kid, keyring, { ...settings, issuer: 'other' }, clock.get()), { ok: false, reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED:iss' });
    assert.deepEqual(await verifyAccessToken(t.accessToken, 'nope', keyring, settings, clock.get() + 10_000), { ok: false, reason: 'unknown-kid' });
    assert.deepEqual(await verifyAccessToken(t.accessToken, undefined, keyring, settings, clock.get()), { ok: false, reason: 'no-kid' });
    await store.close();
  });

  it('refuse a token signed by another key under a known kid, and one without the pc claim', async () => {
    const { store, keyring, clock } = await setup();
    const other = await setup();
    const t = await issueAccessToken(other.keyring, settings, principal, clock.get());
    const ours = kidOf((await issueAccessToken(keyring, settings, principal, clock.get())).accessToken);
    const { key } = await other.keyring.signingKey();
    const forged = await new SignJWT({ pc: { kind: 'service' } })
      .setProtectedHeader({ alg: 'EdDSA', kid: ours, typ: 'at+jwt' })
      .setIssuer(settings.issuer).setAudience(settings.audience).setSubject('x').setJti('j').setIssuedAt(clock.get() / 1000).setExpirationTime(clock.get() / 1000 + 60)
      .sign(key);
    assert.deepEqual(await verifyAccessToken(forged, ours, keyring, settings, clock.get()), { ok: false, reason: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
    assert.deepEqual(await verifyAccessToken(t.accessToken, ours, keyring, settings, clock.get()), { ok: false, reason: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
    await store.close();
    await other.store.close();
  });

  it('rotation keeps the previous key for verification and publishes both; the one before is dropped', async () => {
    const { store, keyring, clock } = await setup();
    clock.set(clock.get() + 86_400_000 - 100_000);
    const first = await issueAccessToken(keyring, settings, principal, clock.get());
    clock.set(clock.get() + 100_000);
    assert.equal(await keyring.rotateIfDue(), true);
    assert.equal(await keyring.rotateIfDue(), false);
    const second = await issueAccessToken(keyring, settings, principal, clock.get());
    assert.notEqual(kidOf(first.accessToken), kidOf(second.accessToken));
    assert.equal(keyring.jwks().keys.length, 2);
    assert.ok(keyring.jwks().keys.every((k) => k.d === undefined), 'no private parts published');
    // A token signed just before the rotation still verifies under the previous key.
    assert.ok((await verifyAccessToken(first.accessToken, kidOf(first.accessToken), keyring, settings, clock.get())).ok);
    await keyring.rotate();
    assert.equal(keyring.jwks().keys.length, 2);
    assert.ok(!keyring.jwks().keys.some((k) => k.kid === kidOf(first.accessToken)));
    assert.equal((await store.signingKeys.list()).length, 2);
    await store.close();
  });

  it('a second instance sharing the store verifies tokens signed after its start', async () => {
    const { store, keyring, clock } = await setup();
    const peer = new SigningKeyring({ repo: store.signingKeys, sealing: sealingKey(Buffer.alloc(32, 1)), alg: 'EdDSA', rotationMs: 86_400_000, now: clock.get, refreshMs: 60_000 });
    await peer.start();
    clock.set(clock.get() + 10_000);
    await keyring.rotate();
    const t = await issueAccessToken(keyring, settings, principal, clock.get());
    assert.ok((await verifyAccessToken(t.accessToken, kidOf(t.accessToken), peer, settings, clock.get())).ok, 'unknown kid → one store re-read');
    await store.close();
  });
});
