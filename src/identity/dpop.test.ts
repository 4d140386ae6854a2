import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { accessTokenHash, verifyDpopProof, type DpopCheckOptions } from './dpop.js';
import { MemoryReplayCache } from './replay.js';

const NOW = 1_800_000_000_000;
const URL_ = 'https://gw.example/v1/chat/completions';

async function key(alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const pair = await generateKeyPair(alg, { extractable: true });
  return { privateKey: pair.privateKey, jwk: await exportJWK(pair.publicKey) };
}

async function proof(k: { privateKey: CryptoKey; jwk: JWK }, claims: Record<string, unknown>, header: Record<string, unknown> = {}, alg = 'ES256'): Promise<string> {
  return new SignJWT({ htm: 'POST', htu: URL_, jti: 'jti-0001', iat: NOW / 1000, ...claims })
    .setProtectedHeader({ alg, typ: 'dpop+jwt', jwk: k.jwk, ...header })
    .sign(k.privateKey);
}

const options = (extra: Partial<DpopCheckOptions> = {}): DpopCheckOptions => ({
  method: 'POST',
  url: URL_,
  now: NOW,
  maxAgeSec: 60,
  clockSkewSec: 5,
  maxBytes: 8192,
  replay: new MemoryReplayCache(),
  ...extra,
});

describe('DPoP proofs (RFC 9449)', () => {
  it('accept a fresh proof and give the key thumbprint; the same jti is refused after', async () => {
    const k = await key();
    const p = await proof(k, {});
    const opts = options();
    assert.deepEqual(await verifyDpopProof(p, opts), { ok: true, jkt: await calculateJwkThumbprint(k.jwk, 'sha256') });
    assert.deepEqual(await verifyDpopProof(p, opts), { ok: false, reason: 'dpop-replayed' });
  });

  it('compare htu without query and with case-insensitive scheme and host', async () => {
    const k = await key();
    assert.equal((await verifyDpopProof(await proof(k, { htu: 'HTTPS://GW.example/v1/chat/completions' }), options({ url: `${URL_}?a=1` }))).ok, true);
  });

  it('check ath against the access token', async () => {
    const k = await key();
    const ok = await proof(k, { ath: accessTokenHash('tok') });
    assert.equal((await verifyDpopProof(ok, options({ accessToken: 'tok' }))).ok, true);
    assert.deepEqual(await verifyDpopProof(await proof(k, { ath: accessTokenHash('other'), jti: 'jti-0002' }), options({ accessToken: 'tok' })), { ok: false, reason: 'dpop-ath' });
  });

  const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
    ['another method', { htm: 'GET' }, {}, 'dpop-htm'],
    ['another URL', { htu: 'https://gw.example/v1/embeddings' }, {}, 'dpop-htu'],
    ['too old', { iat: NOW / 1000 - 66 }, {}, 'dpop-too-old'],
    ['from the future', { iat: NOW / 1000 + 6 }, {}, 'dpop-iat-future'],
    ['a short jti', { jti: 'x' }, {}, 'dpop-bad-jti'],
    ['the wrong typ', {}, { typ: 'JWT' }, 'dpop-ERR_JWT_CLAIM_VALIDATION_FAILED:typ'],
  ];
  for (const [name, claims, header, reason] of cases) {
    it(`refuse a proof with ${name}`, async () => {
      assert.deepEqual(await verifyDpopProof(await proof(await key(), claims, header), options()), { ok: false, reason });
    });
  }

  it('refuse missing, multiple, oversized and unsigned proofs, and a private key in the header', async () => {
    assert.deepEqual(await verifyDpopProof(undefined, options()), { ok: false, reason: 'dpop-missing' });
    assert.deepEqual(await verifyDpopProof(['a', 'b'], options()), { ok: false, reason: 'dpop-multiple' });
    assert.deepEqual(await verifyDpopProof('x'.repeat(9000), options()), { ok: false, reason: 'dpop-oversized' });
    const k = await key();
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'dpop+jwt', jwk: k.jwk })).toString('base64url')}.${Buffer.from(JSON.stringify({ htm: 'POST', htu: URL_, jti: 'jti-0003', iat: NOW / 1000 })).toString('base64url')}.`;
    assert.equal((await verifyDpopProof(none, options())).ok, false);
    const priv = await exportJWK(k.privateKey);
    const withPrivate = await new SignJWT({ htm: 'POST', htu: URL_, jti: 'jti-0004', iat: NOW / 1000 }).setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: priv }).sign(k.privateKey);
    assert.equal((await verifyDpopProof(withPrivate, options())).ok, false);
  });

  it('the replay cache forgets expired entries and refuses when full of live ones', async () => {
    const cache = new MemoryReplayCache(2);
    assert.equal(await cache.firstUse('a', 100, 0), true);
    assert.equal(await cache.firstUse('b', 100, 0), true);
    assert.equal(await cache.firstUse('c', 100, 0), false, 'full: fail closed');
    assert.equal(await cache.firstUse('a', 200, 50), false, 'replay');
    assert.equal(await cache.firstUse('c', 300, 150), true, 'expired entries were swept');
  });
});
