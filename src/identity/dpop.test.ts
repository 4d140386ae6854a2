import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
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
    ['the wrong typ', {}, { typ: 'JWT' }, 'dpop-typ'],
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

  it('accept EdDSA, ES384, RS256 and PS256 proofs, each with its own thumbprint', async () => {
    for (const alg of ['EdDSA', 'ES384', 'RS256', 'PS256'] as const) {
      const pair = await generateKeyPair(alg, { extractable: true });
      const k = { privateKey: pair.privateKey, jwk: await exportJWK(pair.publicKey) };
      const result = await verifyDpopProof(await proof(k, { jti: `jti-${alg}-1` }, {}, alg), options());
      assert.deepEqual(result, { ok: true, jkt: await calculateJwkThumbprint(k.jwk, 'sha256') }, alg);
    }
  });

  it('refuse tampered signatures, a key that did not sign, a key of the wrong type, crit, and an expired exp', async () => {
    const k = await key();
    const good = await proof(k, { jti: 'jti-tamper-1' });
    const [h, p, sig] = good.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BA' : 'AA'}`;
    assert.deepEqual(await verifyDpopProof(flipped, options()), { ok: false, reason: 'dpop-bad-signature' });
    // Another payload under the same signature.
    const otherPayload = Buffer.from(JSON.stringify({ htm: 'POST', htu: URL_, jti: 'jti-tamper-2', iat: NOW / 1000 })).toString('base64url');
    assert.deepEqual(await verifyDpopProof(`${h}.${otherPayload}.${sig}`, options()), { ok: false, reason: 'dpop-bad-signature' });
    // The header names one key, another key signed.
    const other = await key();
    const mixed = await new SignJWT({ htm: 'POST', htu: URL_, jti: 'jti-tamper-3', iat: NOW / 1000 }).setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: k.jwk }).sign(other.privateKey);
    assert.deepEqual(await verifyDpopProof(mixed, options()), { ok: false, reason: 'dpop-bad-signature' });
    // An Ed25519 key under alg ES256.
    const ed = await key('EdDSA');
    const confused = `${Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'dpop+jwt', jwk: ed.jwk })).toString('base64url')}.${p}.${sig}`;
    assert.deepEqual(await verifyDpopProof(confused, options()), { ok: false, reason: 'dpop-bad-jwk' });
    const hs = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'dpop+jwt', jwk: k.jwk })).toString('base64url')}.${p}.${sig}`;
    assert.deepEqual(await verifyDpopProof(hs, options()), { ok: false, reason: 'dpop-alg' });
    assert.deepEqual(await verifyDpopProof(await proof(k, { jti: 'jti-crit-1', x: 1 }, { crit: ['x'] }).catch(() => `${Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'dpop+jwt', jwk: k.jwk, crit: ['x'], x: 1 })).toString('base64url')}.${p}.${sig}`), options()), { ok: false, reason: 'dpop-crit' });
    assert.deepEqual(await verifyDpopProof(await proof(k, { jti: 'jti-exp-1', exp: NOW / 1000 - 10 }), options()), { ok: false, reason: 'dpop-expired' });
    assert.deepEqual(await verifyDpopProof(await proof(k, { jti: 'jti-iat-1', iat: 'now' }), options()), { ok: false, reason: 'dpop-bad-iat' });
  });

  it('the replay cache answers like a plain map of live entries, whatever the order of expiries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 5 })), { maxLength: 300 }), async (ops) => {
        const cache = new MemoryReplayCache(6);
        const model = new Map<string, number>();
        let now = 0;
        for (const [k, life, step] of ops) {
          now += step;
          const key = `k${k}`;
          const live = [...model.values()].filter((u) => u > now).length;
          const expected = !((model.get(key) ?? 0) > now) && live < 6;
          if (expected) model.set(key, now + life);
          assert.equal(await cache.firstUse(key, now + life, now), expected);
        }
      }),
    );
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
