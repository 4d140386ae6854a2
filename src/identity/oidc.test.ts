import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { identitySchema } from '../config/identity.js';
import { checkIssuerTransport, claimAt, OidcIssuer, type JsonFetcher } from './oidc.js';

const ISS = 'https://idp.example';
const AUD = 'gw';

interface Fixture {
  issuer: OidcIssuer;
  clock: { now: number };
  fetches: string[];
  state: { down: boolean; keys: JWK[] };
  sign(claims?: JWTPayload, header?: Record<string, unknown>, key?: CryptoKey): Promise<string>;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

async function fixture(overrides: Record<string, unknown> = {}): Promise<Fixture> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const state = { down: false, keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] as JWK[] };
  const clock = { now: 1_800_000_000_000 };
  const fetches: string[] = [];
  const fetch: JsonFetcher = async (url) => {
    fetches.push(url);
    if (state.down) throw new Error('down');
    if (url.endsWith('/.well-known/openid-configuration')) return { issuer: ISS, jwks_uri: `${ISS}/jwks` };
    return { keys: state.keys };
  };
  const config = identitySchema.parse({
    oidc: [{ issuer: ISS, audience: AUD, algorithms: ['RS256'], jwksCacheMaxAgeSec: 600, jwksCooldownSec: 30, claims: { roles: 'realm.roles', team: 'org' }, ...overrides }],
  }).oidc[0]!;
  const issuer = new OidcIssuer(config, fetch, () => clock.now);
  const sign = (claims: JWTPayload = {}, header: Record<string, unknown> = {}, key: CryptoKey = privateKey) =>
    new SignJWT({ sub: 'alice', realm: { roles: ['admin', 'dev'] }, org: 'blue', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header })
      .setIssuer(ISS)
      .setAudience(AUD)
      .setIssuedAt(clock.now / 1000)
      .setExpirationTime(clock.now / 1000 + 300)
      .sign(key);
  return { issuer, clock, fetches, state, sign, privateKey, publicKey };
}

describe('OIDC issuers', () => {
  it('verify a token via discovery + JWKS and map claims to a principal', async () => {
    const f = await fixture();
    const check = await f.issuer.verify(await f.sign());
    assert.ok(check.ok);
    assert.equal(check.principal.id, `${ISS}#alice`);
    assert.deepEqual(check.principal.roles, ['admin', 'dev']);
    assert.equal(check.principal.tenant, 'blue');
    assert.equal(check.principal.authMethod, 'oidc');
    assert.deepEqual(f.fetches, [`${ISS}/.well-known/openid-configuration`, `${ISS}/jwks`]);
  });

  it('refuse HS256 signed with the public key (algorithm confusion) and tokens without exp', async () => {
    const f = await fixture();
    const pem = await exportSPKI(f.publicKey);
    const hs = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setIssuer(ISS).setAudience(AUD).setExpirationTime('5m').sign(new TextEncoder().encode(pem));
    assert.deepEqual(await f.issuer.verify(hs), { ok: false, reason: 'ERR_JOSE_ALG_NOT_ALLOWED' });
    const noExp = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(ISS).setAudience(AUD).sign(f.privateKey);
    assert.deepEqual(await f.issuer.verify(noExp), { ok: false, reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED:exp' });
  });

  it('never use a symmetric (oct) key from the JWKS', async () => {
    const f = await fixture({ algorithms: ['RS256'] });
    f.state.keys = [{ kty: 'oct', k: Buffer.from('secret').toString('base64url'), kid: 'k1', alg: 'HS256' }];
    assert.equal((await f.issuer.verify(await f.sign())).ok, false);
  });

  it('honour the clock skew for exp', async () => {
    const f = await fixture({ clockSkewSec: 30 });
    const t = await f.sign();
    f.clock.now += 320_000;
    assert.equal((await f.issuer.verify(t)).ok, true, 'within skew');
    f.clock.now += 20_000;
    assert.deepEqual(await f.issuer.verify(t), { ok: false, reason: 'ERR_JWT_EXPIRED:exp' });
  });

  it('refresh on an unknown kid at most once per cooldown', async () => {
    const f = await fixture();
    assert.ok((await f.issuer.verify(await f.sign())).ok);
    const second = await generateKeyPair('RS256', { extractable: true });
    f.state.keys.push({ ...(await exportJWK(second.publicKey)), kid: 'k2', alg: 'RS256' });
    const t2 = await f.sign({}, { kid: 'k2' }, second.privateKey);
    assert.deepEqual(await f.issuer.verify(t2), { ok: false, reason: 'ERR_JWKS_NO_MATCHING_KEY' }, 'within cooldown: no fetch');
    assert.equal(f.fetches.length, 2);
    f.clock.now += 30_000;
    assert.ok((await f.issuer.verify(t2)).ok, 'after cooldown: refetched');
    assert.equal(f.fetches.length, 3);
    for (let i = 0; i < 5; i++) await f.issuer.verify(await f.sign({}, { kid: `made-up-${i}` }));
    assert.equal(f.fetches.length, 3, 'a flood of unknown kids does not hammer the issuer');
  });

  it('fail closed when the JWKS cannot be refreshed past its max age; keys within it still serve', async () => {
    const f = await fixture();
    assert.ok((await f.issuer.verify(await f.sign())).ok);
    f.state.down = true;
    f.clock.now += 599_000;
    assert.ok((await f.issuer.verify(await f.sign())).ok, 'cached keys within max age');
    f.clock.now += 2_000;
    assert.deepEqual(await f.issuer.verify(await f.sign()), { ok: false, reason: 'JWKS_UNAVAILABLE' });
    f.state.down = false;
    f.clock.now += 1_000;
    assert.ok((await f.issuer.verify(await f.sign())).ok, 'recovers when the endpoint is back');
  });

  it('allow http only on loopback, and refuse a discovery document naming another issuer', async () => {
    assert.throws(() => checkIssuerTransport('http://idp.example'), TypeError);
    checkIssuerTransport('http://127.0.0.1:9999');
    checkIssuerTransport('https://idp.example');
    const config = identitySchema.parse({ oidc: [{ issuer: ISS, audience: AUD }] }).oidc[0]!;
    const issuer = new OidcIssuer(config, async () => ({ issuer: 'https://evil.example', jwks_uri: 'https://evil.example/jwks' }), () => 0);
    const f = await fixture();
    assert.deepEqual(await issuer.verify(await f.sign()), { ok: false, reason: 'JWKS_UNAVAILABLE' });
  });

  it('the config refuses none and HS* algorithms', () => {
    for (const alg of ['none', 'HS256']) assert.equal(identitySchema.safeParse({ oidc: [{ issuer: ISS, audience: AUD, algorithms: [alg] }] }).success, false, alg);
  });

  it('claimAt reads own nested properties only', () => {
    assert.equal(claimAt({ a: { b: 'c' } }, 'a.b'), 'c');
    assert.equal(claimAt({ a: {} }, 'a.toString'), undefined);
    assert.equal(claimAt({}, '__proto__.polluted'), undefined);
  });
});
