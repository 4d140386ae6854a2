/**
 * Identity end to end, through the real gateway process: every credential type (API key, gateway
 * JWT as Bearer and DPoP-bound, external OIDC token, operator session on the admin listener) works,
 * and every attack of issue 3's "Bad input" list is refused with its stable code. The precise
 * reason is read back from the gateway's log, so each refusal is known to fail for the right cause.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import OpenAI from 'openai';
import { base64url, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { generate } from 'otplib';
import { cli, createKey, eventually, startStack, type Stack } from './harness.js';
import { startLocalIssuer, type LocalIssuer } from './oidc-issuer.js';

const AUDIENCE = 'portcullis-e2e';
const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
`;

interface ErrorBody {
  error: { code: string; message: string; type: string };
}

interface DpopKey {
  privateKey: CryptoKey;
  jwk: JWK;
}

async function dpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { privateKey, jwk: await exportJWK(publicKey) };
}

/** An RFC 9449 proof; `overrides` changes claims to build attacks. */
async function proof(key: DpopKey, htm: string, htu: string, overrides: { ath?: string; iat?: number; jti?: string; token?: string } = {}): Promise<string> {
  const claims: Record<string, unknown> = { htm, htu, jti: overrides.jti ?? randomUUID() };
  const ath = overrides.ath ?? (overrides.token ? createHash('sha256').update(overrides.token).digest('base64url') : undefined);
  if (ath) claims.ath = ath;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: key.jwk })
    .setIssuedAt(overrides.iat ?? Math.floor(Date.now() / 1000))
    .sign(key.privateKey);
}

const unsigned = (header: object, payload: object): string =>
  `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}.`;

describe('identity end to end', () => {
  let issuer: LocalIssuer;
  let stack: Stack;
  let url: string;
  let adminUrl: string;
  let configFile: string;

  before(async () => {
    issuer = await startLocalIssuer(AUDIENCE);
    const extra = `identity:
  oidc:
    - issuer: "${issuer.url}"
      audience: ${AUDIENCE}
      algorithms: [RS256]
      clockSkewSec: 5
      jwksCacheMaxAgeSec: 3
      jwksCooldownSec: 1
      claims: { roles: roles, team: team }
admin:
  port: 0
`;
    stack = await startStack(routes, extra);
    url = stack.gateway.url;
    configFile = stack.gateway.configFile;
    const line = stack.gateway.logs.map((l) => JSON.parse(l) as { msg?: string; adminUrl?: string }).find((l) => l.msg === 'admin listening');
    assert.ok(line?.adminUrl, 'the admin listener logged its URL');
    adminUrl = line.adminUrl;
  });
  after(async () => {
    await stack?.stop();
    await issuer?.close();
  });

  const call = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) => fetch(`${url}${path}`, { ...init, headers });
  const models = (headers: Record<string, string>) => call('/v1/models', headers);
  /** Checks the refusal and returns its request id. */
  async function expectError(res: Response, status: number, code: string): Promise<string> {
    const body = (await res.json()) as ErrorBody;
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(body.error.code, code);
    return res.headers.get('x-request-id') ?? '';
  }
  /**
   * Runs `act` and returns the reasons of the refusal it caused, from the gateway's log. When `act`
   * returns the request id, only that request's line counts: a line of an earlier request may be
   * written after the mark on a busy machine.
   */
  async function refusedFor(act: () => Promise<string | void>, msg = 'credential refused'): Promise<string[]> {
    const mark = stack.gateway.logs.length;
    const requestId = await act();
    let reasons: string[] | undefined;
    await eventually(async () => {
      for (const line of stack.gateway.logs.slice(mark)) {
        const entry = JSON.parse(line) as { msg?: string; reasons?: string[]; requestId?: string };
        if (entry.msg === msg && (typeof requestId !== 'string' || entry.requestId === requestId)) reasons = entry.reasons;
      }
      return reasons !== undefined;
    });
    return reasons as string[];
  }
  async function exchange(bearer: string, body = 'grant_type=client_credentials', headers: Record<string, string> = {}): Promise<Response> {
    return call('/v1/auth/token', { authorization: `Bearer ${bearer}`, 'content-type': 'application/x-www-form-urlencoded', ...headers }, { method: 'POST', body });
  }
  async function token(bearer: string, headers: Record<string, string> = {}): Promise<{ access_token: string; token_type: string; expires_in: number }> {
    const res = await exchange(bearer, 'grant_type=client_credentials', headers);
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('cache-control'), 'no-store');
    return (await res.json()) as { access_token: string; token_type: string; expires_in: number };
  }

  describe('API keys', () => {
    it('a key works with the official client; a missing or wrong one gets PC_ERR_UNAUTHENTICATED', async () => {
      const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: stack.key, maxRetries: 0 });
      const chat = await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
      assert.ok(chat.choices[0]?.message.content);
      await expectError(await models({}), 401, 'PC_ERR_UNAUTHENTICATED');
      const other = (await createKey(configFile)).key;
      await expectError(await models({ authorization: `Bearer ${other.slice(0, -8)}AAAAAAAA` }), 401, 'PC_ERR_UNAUTHENTICATED');
    });

    it('operation scopes: an embed-only key may not chat or list models (403 PC_ERR_FORBIDDEN)', async () => {
      const { key } = await createKey(configFile, ['--operations', 'embed']);
      const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: key, maxRetries: 0 });
      await assert.rejects(client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] }), (err: unknown) => err instanceof OpenAI.APIError && err.status === 403 && err.code === 'PC_ERR_FORBIDDEN');
      const reasons = await refusedFor(async () => expectError(await models({ authorization: `Bearer ${key}` }), 403, 'PC_ERR_FORBIDDEN'));
      assert.deepEqual(reasons, ['operation-out-of-scope']);
      const bad = await cli(['keys', 'create', '--config', configFile, '--name', 'x', '--operations', 'teleport']);
      assert.equal(bad.code, 2);
    });

    it('CIDR binding: a key bound elsewhere is refused like a wrong key; bound to loopback it works', async () => {
      const away = (await createKey(configFile, ['--cidrs', '10.0.0.0/8,2001:db8::/32'])).key;
      const reasons = await refusedFor(async () => expectError(await models({ authorization: `Bearer ${away}` }), 401, 'PC_ERR_UNAUTHENTICATED'));
      assert.deepEqual(reasons, ['cidr']);
      const home = (await createKey(configFile, ['--cidrs', '127.0.0.0/8,::1/128'])).key;
      assert.equal((await models({ authorization: `Bearer ${home}` })).status, 200);
      // The binding travels into the exchanged token.
      const t = await token(home);
      assert.equal((await models({ authorization: `Bearer ${t.access_token}` })).status, 200);
    });

    it('revoked and expired keys are refused, and so are tokens exchanged from them', async () => {
      const { key, id } = await createKey(configFile);
      const t = await token(key);
      assert.equal((await models({ authorization: `Bearer ${t.access_token}` })).status, 200);
      assert.equal((await cli(['keys', 'revoke', '--config', configFile, id])).code, 0);
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${key}` }), 401, 'PC_ERR_UNAUTHENTICATED')), ['revoked']);
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${t.access_token}` }), 401, 'PC_ERR_TOKEN_INVALID')), ['source-key-inactive']);
      const short = (await createKey(configFile, ['--expires-in', '1s'])).key;
      await new Promise((r) => setTimeout(r, 1_100));
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${short}` }), 401, 'PC_ERR_UNAUTHENTICATED')), ['expired']);
    });

    it('rotation: both keys work during the overlap; with no overlap the old one stops at once', async () => {
      const { key, id } = await createKey(configFile, ['--operations', 'models,chat']);
      const rotated = await cli(['keys', 'rotate', '--config', configFile, id, '--overlap', '1h', '--json']);
      assert.equal(rotated.code, 0, rotated.stderr);
      const next = JSON.parse(rotated.stdout) as { id: string; key: string; previousExpiresAt: number };
      assert.ok(Math.abs(next.previousExpiresAt - (Date.now() + 3_600_000)) < 60_000);
      assert.equal((await models({ authorization: `Bearer ${key}` })).status, 200);
      assert.equal((await models({ authorization: `Bearer ${next.key}` })).status, 200);
      const listed = JSON.parse((await cli(['keys', 'list', '--config', configFile, '--json'])).stdout) as { id: string; operations: string[] }[];
      assert.deepEqual(listed.find((k) => k.id === next.id)?.operations, ['models', 'chat'], 'scopes carry over');
      const again = JSON.parse((await cli(['keys', 'rotate', '--config', configFile, next.id, '--overlap', '0s', '--json'])).stdout) as { key: string };
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${next.key}` }), 401, 'PC_ERR_UNAUTHENTICATED')), ['expired']);
      assert.equal((await models({ authorization: `Bearer ${again.key}` })).status, 200);
    });
  });

  describe('gateway tokens (POST /v1/auth/token)', () => {
    it('exchanges an API key for a short-lived JWT that verifies against the published JWKS', async () => {
      const t = await token(stack.key);
      assert.equal(t.token_type, 'Bearer');
      assert.equal(t.expires_in, 600);
      const jwks = (await (await call('/.well-known/jwks.json')).json()) as { keys: JWK[] };
      assert.ok(jwks.keys.length >= 1 && jwks.keys.every((k) => k.d === undefined), 'public keys only');
      const { payload, protectedHeader } = await jwtVerify(t.access_token, createLocalJWKSet(jwks), { audience: 'urn:portcullis:gateway', issuer: 'urn:portcullis:gateway' });
      assert.equal(protectedHeader.alg, 'EdDSA');
      assert.equal(protectedHeader.typ, 'at+jwt');
      assert.ok(typeof payload.jti === 'string' && typeof payload.sub === 'string');
      assert.equal((payload.exp as number) - (payload.iat as number), 600);
      const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: t.access_token, maxRetries: 0 });
      const chat = await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
      assert.ok(chat.choices[0]?.message.content);
    });

    it('takes a JSON body; refuses other grants, a missing credential, and token-for-token', async () => {
      const json = await exchange(stack.key, JSON.stringify({ grant_type: 'client_credentials' }), { 'content-type': 'application/json' });
      assert.equal(json.status, 200);
      await expectError(await exchange(stack.key, 'grant_type=password'), 400, 'PC_ERR_UNSUPPORTED_GRANT_TYPE');
      await expectError(await call('/v1/auth/token', { 'content-type': 'application/x-www-form-urlencoded' }, { method: 'POST', body: 'grant_type=client_credentials' }), 401, 'PC_ERR_UNAUTHENTICATED');
      const t = await token(stack.key);
      await expectError(await exchange(t.access_token), 403, 'PC_ERR_FORBIDDEN');
    });

    it('refuses forged gateway tokens: alg none, HS256 keyed with the public JWK, tampered, unknown kid, oversized', async () => {
      const t = await token(stack.key);
      const jwks = (await (await call('/.well-known/jwks.json')).json()) as { keys: JWK[] };
      const claims = { iss: 'urn:portcullis:gateway', aud: 'urn:portcullis:gateway', sub: 'mallory', jti: 'x', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600, pc: { kind: 'service', tenant: 'default', roles: [], models: [], ops: [], cidrs: [], cred: 'x', via: 'oidc' } };
      const none = unsigned({ alg: 'none', typ: 'at+jwt' }, claims);
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${none}` }), 401, 'PC_ERR_TOKEN_INVALID')), ['alg-none']);
      const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: jwks.keys[0]!.kid! }).sign(new TextEncoder().encode(JSON.stringify(jwks.keys[0])));
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${hs}` }), 401, 'PC_ERR_TOKEN_INVALID')), ['ERR_JOSE_ALG_NOT_ALLOWED']);
      const [h, p, s] = t.access_token.split('.') as [string, string, string];
      const tampered = `${h}.${base64url.encode(JSON.stringify({ ...claims, sub: 'root' }))}.${s}`;
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${tampered}` }), 401, 'PC_ERR_TOKEN_INVALID')), ['ERR_JWS_SIGNATURE_VERIFICATION_FAILED']);
      const flipped = `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
      await expectError(await models({ authorization: `Bearer ${flipped}` }), 401, 'PC_ERR_TOKEN_INVALID');
      const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as object;
      const unknownKid = `${base64url.encode(JSON.stringify({ ...header, kid: 'no-such-key' }))}.${p}.${s}`;
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${unknownKid}` }), 401, 'PC_ERR_TOKEN_INVALID')), ['unknown-kid']);
      const big = `${h}.${base64url.encode(JSON.stringify({ ...claims, pad: 'x'.repeat(9_000) }))}.${s}`;
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${big}` }), 401, 'PC_ERR_TOKEN_INVALID')), ['oversized']);
    });
  });

  describe('DPoP-bound tokens (RFC 9449)', () => {
    it('binds the token to the proof key and works with the official client signing a proof per request', async () => {
      const key = await dpopKey();
      const t = await token(stack.key, { dpop: await proof(key, 'POST', `${url}/v1/auth/token`) });
      assert.equal(t.token_type, 'DPoP');
      const jwks = createLocalJWKSet((await (await call('/.well-known/jwks.json')).json()) as { keys: JWK[] });
      const { payload } = await jwtVerify(t.access_token, jwks);
      assert.ok(typeof (payload.cnf as { jkt?: string }).jkt === 'string');
      const client = new OpenAI({
        baseURL: `${url}/v1`,
        apiKey: 'unused',
        maxRetries: 0,
        fetch: async (input, init) => {
          const target = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
          const headers = new Headers(init?.headers);
          headers.set('authorization', `DPoP ${t.access_token}`);
          headers.set('dpop', await proof(key, init?.method ?? 'GET', `${target.origin}${target.pathname}`, { token: t.access_token }));
          return fetch(input, { ...init, headers });
        },
      });
      const chat = await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
      assert.ok(chat.choices[0]?.message.content);
      assert.ok((await client.models.list()).data.length > 0);
    });

    it('refuses proofs that are missing, replayed, for another URL or method, too old, by another key, or without ath', async () => {
      const key = await dpopKey();
      const t = await token(stack.key, { dpop: await proof(key, 'POST', `${url}/v1/auth/token`) });
      const htu = `${url}/v1/models`;
      const as = async (headers: Record<string, string>, reason: string, code = 'PC_ERR_DPOP_INVALID') => {
        const reasons = await refusedFor(async () => expectError(await models(headers), 401, code));
        assert.deepEqual(reasons, [reason], `expected ${reason}`);
      };
      const auth = { authorization: `DPoP ${t.access_token}` };
      await as({ authorization: `Bearer ${t.access_token}` }, 'dpop-bound-token-as-bearer');
      await as(auth, 'dpop-missing');
      const once = await proof(key, 'GET', htu, { token: t.access_token });
      assert.equal((await models({ ...auth, dpop: once })).status, 200);
      await as({ ...auth, dpop: once }, 'dpop-replayed');
      await as({ ...auth, dpop: await proof(key, 'GET', `${url}/v1/chat/completions`, { token: t.access_token }) }, 'dpop-htu');
      await as({ ...auth, dpop: await proof(key, 'POST', htu, { token: t.access_token }) }, 'dpop-htm');
      await as({ ...auth, dpop: await proof(key, 'GET', htu, { token: t.access_token, iat: Math.floor(Date.now() / 1000) - 120 }) }, 'dpop-too-old');
      await as({ ...auth, dpop: await proof(await dpopKey(), 'GET', htu, { token: t.access_token }) }, 'dpop-wrong-key');
      await as({ ...auth, dpop: await proof(key, 'GET', htu) }, 'dpop-ath');
      // A query string is not part of htu (RFC 9449 §4.3).
      assert.equal((await call('/v1/models?x=1', { ...auth, dpop: await proof(key, 'GET', htu, { token: t.access_token }) })).status, 200);
      // A bad proof at the token endpoint gets no token.
      await expectError(await exchange(stack.key, 'grant_type=client_credentials', { dpop: await proof(key, 'GET', `${url}/v1/auth/token`) }), 401, 'PC_ERR_DPOP_INVALID');
    });
  });

  describe('external OIDC tokens', () => {
    it('a token from the configured issuer works with the official client and can be exchanged', async () => {
      const oidc = await issuer.mint();
      const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: oidc, maxRetries: 0 });
      const chat = await client.chat.completions.create({ model: 'gpt', messages: [{ role: 'user', content: 'hi' }] });
      assert.ok(chat.choices[0]?.message.content);
      const t = await token(oidc);
      const jwks = createLocalJWKSet((await (await call('/.well-known/jwks.json')).json()) as { keys: JWK[] });
      const { payload } = await jwtVerify(t.access_token, jwks);
      assert.equal(payload.sub, `${issuer.url}#alice`);
      assert.deepEqual((payload.pc as { roles: string[]; tenant: string }).roles, ['analyst']);
      assert.equal((payload.pc as { tenant: string }).tenant, 'research');
    });

    it('refuses alg none, HS256 keyed with the public key, expiry, nbf, wrong aud, unknown iss, tampering, unknown kid, jku/x5u/jwk tricks, oversize', async () => {
      const now = Math.floor(Date.now() / 1000);
      const as = async (tok: string, reason: string) => {
        const reasons = await refusedFor(async () => expectError(await models({ authorization: `Bearer ${tok}` }), 401, 'PC_ERR_TOKEN_INVALID'));
        assert.deepEqual(reasons, [reason], `expected ${reason}`);
      };
      const base = { iss: issuer.url, aud: AUDIENCE, sub: 'mallory', exp: now + 300 };
      await as(unsigned({ alg: 'none' }, base), 'alg-none');
      await as(unsigned({ alg: 'NONE', kid: 'k1' }, base), 'alg-none');
      const pem = await issuer.publicPem();
      await as(await new SignJWT(base).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new TextEncoder().encode(pem)), 'ERR_JOSE_ALG_NOT_ALLOWED');
      await as(await issuer.mint({}, { expiresIn: now - 60 }), 'ERR_JWT_EXPIRED:exp');
      await as(await issuer.mint({ nbf: now + 600 }), 'ERR_JWT_CLAIM_VALIDATION_FAILED:nbf');
      await as(await issuer.mint({ aud: 'someone-else' }), 'ERR_JWT_CLAIM_VALIDATION_FAILED:aud');
      await as(await issuer.mint({ iss: 'https://evil.example' }), 'unknown-issuer');
      const good = await issuer.mint();
      const [h, , s] = good.split('.') as [string, string, string];
      await as(`${h}.${base64url.encode(JSON.stringify({ ...base, sub: 'root' }))}.${s}`, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
      await as(await issuer.mint({}, { kid: 'nope' }), 'ERR_JWKS_NO_MATCHING_KEY');
      const attacker = await generateKeyPair('RS256');
      const attackerJwk = await exportJWK(attacker.publicKey);
      await as(await issuer.mint({}, { key: attacker.privateKey, header: { jku: 'http://127.0.0.1:1/evil-jwks' } }), 'header-key-locator');
      await as(await issuer.mint({}, { key: attacker.privateKey, header: { x5u: 'http://127.0.0.1:1/evil.pem' } }), 'header-key-locator');
      await as(await issuer.mint({}, { key: attacker.privateKey, header: { jwk: attackerJwk } }), 'header-key-locator');
      await as(await issuer.mint({ pad: 'x'.repeat(9_000) }), 'oversized');
      // A kid that the issuer really rotated to is fetched (after the cooldown).
      await new Promise((r) => setTimeout(r, 1_100));
      await issuer.rotate();
      assert.equal((await models({ authorization: `Bearer ${await issuer.mint()}` })).status, 200);
    });

    it('fails closed when the JWKS endpoint is down past the cache age, and recovers when it is back', async () => {
      const tok = await issuer.mint();
      assert.equal((await models({ authorization: `Bearer ${tok}` })).status, 200);
      await new Promise((r) => setTimeout(r, 3_100));
      assert.equal((await models({ authorization: `Bearer ${tok}` })).status, 200, 'refetched after the cache age');
      issuer.setDown(true);
      assert.equal((await models({ authorization: `Bearer ${tok}` })).status, 200, 'keys within their cache age still serve');
      await new Promise((r) => setTimeout(r, 3_100));
      assert.deepEqual(await refusedFor(async () => expectError(await models({ authorization: `Bearer ${tok}` }), 401, 'PC_ERR_TOKEN_INVALID')), ['JWKS_UNAVAILABLE']);
      issuer.setDown(false);
      await new Promise((r) => setTimeout(r, 1_100));
      assert.equal((await models({ authorization: `Bearer ${tok}` })).status, 200);
    });
  });

  describe('operators and the admin listener', () => {
    let secret: string;
    let recovery: string[];
    const admin = (path: string, init: { method?: string; token?: string; body?: unknown } = {}) =>
      fetch(`${adminUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    const totp = (offsetSec = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSec });
    const signIn = (username: string, password: string, code: string) => admin('/admin/v1/session', { method: 'POST', body: { username, password, totp: code } });

    before(async () => {
      const added = await cli(['operators', 'add', '--config', configFile, 'ops', '--json'], 'correct horse battery staple\n');
      assert.equal(added.code, 0, added.stderr);
      const out = JSON.parse(added.stdout) as { otpauthUri: string; recoveryCodes: string[] };
      assert.match(out.otpauthUri, /^otpauth:\/\/totp\//);
      secret = new URL(out.otpauthUri).searchParams.get('secret') as string;
      recovery = out.recoveryCodes;
      assert.equal(recovery.length, 10);
      const pretty = await cli(['operators', 'add', '--config', configFile, 'ops2'], 'another long password\n');
      assert.match(pretty.stdout, /otpauth:\/\/totp\//);
      assert.ok(pretty.stdout.includes('▄') || pretty.stdout.includes('█'), 'a terminal QR code is printed');
    });

    it('signs in with password + TOTP, lists keys, and never accepts a data-plane key', async () => {
      const res = await signIn('ops', 'correct horse battery staple', await totp());
      assert.equal(res.status, 200);
      const { token: session } = (await res.json()) as { token: string };
      const list = await admin('/admin/v1/keys', { token: session });
      assert.equal(list.status, 200);
      const keys = (await list.json()) as { data: { id: string; hash?: string }[] };
      assert.ok(keys.data.length > 0 && keys.data.every((k) => k.hash === undefined));
      await expectError(await admin('/admin/v1/keys', { token: stack.key }), 401, 'PC_ERR_UNAUTHENTICATED');
      await expectError(await admin('/admin/v1/keys'), 401, 'PC_ERR_UNAUTHENTICATED');
      // Fresh TOTP at sign-in counts as step-up: a key can be created now, and it works.
      const created = await admin('/admin/v1/keys', { method: 'POST', token: session, body: { name: 'from-admin', operations: ['models'] } });
      assert.equal(created.status, 201);
      const { key, id } = (await created.json()) as { key: string; id: string };
      assert.equal((await models({ authorization: `Bearer ${key}` })).status, 200);
      assert.equal((await admin(`/admin/v1/keys/${id}`, { method: 'DELETE', token: session })).status, 204);
      await expectError(await models({ authorization: `Bearer ${key}` }), 401, 'PC_ERR_UNAUTHENTICATED');
      assert.equal((await admin('/admin/v1/session', { method: 'DELETE', token: session })).status, 204);
      await expectError(await admin('/admin/v1/keys', { token: session }), 401, 'PC_ERR_UNAUTHENTICATED');
    });

    it('a replayed TOTP code is refused', async () => {
      // The code of the previous test's sign-in step was consumed; the same code again fails.
      await expectError(await signIn('ops', 'correct horse battery staple', await totp()), 401, 'PC_ERR_UNAUTHENTICATED');
    });

    it('sensitive actions need a step-up: a recovery-code session must prove TOTP first', async () => {
      const res = await signIn('ops', 'correct horse battery staple', recovery[0]!);
      assert.equal(res.status, 200);
      const { token: session } = (await res.json()) as { token: string };
      await expectError(await signIn('ops', 'correct horse battery staple', recovery[0]!), 401, 'PC_ERR_UNAUTHENTICATED');
      await expectError(await admin('/admin/v1/keys', { method: 'POST', token: session, body: { name: 'nope' } }), 403, 'PC_ERR_MFA_REQUIRED');
      assert.equal((await admin('/admin/v1/keys', { token: session })).status, 200, 'reading needs no step-up');
      const stepped = await admin('/admin/v1/session/step-up', { method: 'POST', token: session, body: { totp: await totp(30) } });
      assert.equal(stepped.status, 200, await stepped.clone().text());
      assert.equal((await admin('/admin/v1/keys', { method: 'POST', token: session, body: { name: 'after-step-up' } })).status, 201);
    });

    it('failed sign-ins back off and lock out, with the same answers for an unknown user as for a wrong password', async () => {
      const answers = async (username: string): Promise<string[]> => {
        const out: string[] = [];
        for (let i = 0; i < 4; i++) {
          const res = await signIn(username, 'wrong password!!', '000000');
          out.push(`${res.status} ${((await res.json()) as ErrorBody).error.code}`);
        }
        return out;
      };
      const real = await answers('ops2');
      const ghost = await answers('ghost');
      assert.deepEqual(real, ['401 PC_ERR_UNAUTHENTICATED', '401 PC_ERR_UNAUTHENTICATED', '401 PC_ERR_UNAUTHENTICATED', '429 PC_ERR_LOCKED_OUT']);
      assert.deepEqual(ghost, real);
      const locked = await signIn('ops2', 'another long password', '123456');
      assert.equal(locked.status, 429);
      assert.ok(Number(locked.headers.get('retry-after')) >= 1);
    });

    it('keys and operators commands go through the admin API with --admin-url and a session token', async () => {
      // Bootstrap (direct store) makes the operator; everything after goes through the admin API.
      const added = await cli(['operators', 'add', '--config', configFile, 'ops3', '--json'], 'a third long password\n');
      assert.equal(added.code, 0, added.stderr);
      const ops3 = new URL((JSON.parse(added.stdout) as { otpauthUri: string }).otpauthUri).searchParams.get('secret') as string;
      const res = await signIn('ops3', 'a third long password', await generate({ secret: ops3, epoch: Math.floor(Date.now() / 1000) }));
      assert.equal(res.status, 200);
      const { token: session } = (await res.json()) as { token: string };
      const viaApi = async (args: string[], token: string | null = session) => {
        if (token === null) delete process.env['PORTCULLIS_ADMIN_TOKEN'];
        else process.env['PORTCULLIS_ADMIN_TOKEN'] = token;
        try {
          return await cli([...args, '--admin-url', adminUrl]);
        } finally {
          delete process.env['PORTCULLIS_ADMIN_TOKEN'];
        }
      };

      const created = await viaApi(['keys', 'create', '--name', 'via-api', '--operations', 'models', '--expires-in', '1h', '--json']);
      assert.equal(created.code, 0, created.stderr);
      const { id, key, expiresAt } = JSON.parse(created.stdout) as { id: string; key: string; expiresAt: number };
      assert.ok(Math.abs(expiresAt - (Date.now() + 3_600_000)) < 60_000);
      assert.equal((await models({ authorization: `Bearer ${key}` })).status, 200);
      const listed = JSON.parse((await viaApi(['keys', 'list', '--json'])).stdout) as { id: string; operations: string[]; hash?: string }[];
      assert.deepEqual(listed.find((k) => k.id === id)?.operations, ['models']);
      assert.ok(listed.every((k) => k.hash === undefined));
      const rotated = await viaApi(['keys', 'rotate', id, '--overlap', '0s', '--json']);
      assert.equal(rotated.code, 0, rotated.stderr);
      const next = JSON.parse(rotated.stdout) as { id: string; key: string; previous: string };
      assert.equal(next.previous, id);
      await expectError(await models({ authorization: `Bearer ${key}` }), 401, 'PC_ERR_UNAUTHENTICATED');
      assert.equal((await viaApi(['keys', 'revoke', next.id])).code, 0);
      await expectError(await models({ authorization: `Bearer ${next.key}` }), 401, 'PC_ERR_UNAUTHENTICATED');
      const again = await viaApi(['keys', 'revoke', next.id]);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /no active key/);

      const ops = JSON.parse((await viaApi(['operators', 'list', '--json'])).stdout) as { name: string; disabledAt: number | null }[];
      assert.deepEqual(ops.map((o) => o.name), ['ops', 'ops2', 'ops3']);
      assert.equal((await viaApi(['operators', 'disable', 'ops2'])).code, 0);
      assert.notEqual((JSON.parse((await viaApi(['operators', 'list', '--json'])).stdout) as { name: string; disabledAt: number | null }[])[1]?.disabledAt, null);
      assert.equal((await viaApi(['operators', 'enable', 'ops2'])).code, 0);
      const reset = await viaApi(['operators', 'reset-mfa', 'ops2', '--json']);
      assert.equal(reset.code, 0, reset.stderr);
      assert.match((JSON.parse(reset.stdout) as { otpauthUri: string }).otpauthUri, /^otpauth:\/\/totp\/.*ops2/);
      assert.equal((await viaApi(['operators', 'disable', 'ghost'])).code, 2);

      const noToken = await viaApi(['keys', 'list'], null);
      assert.equal(noToken.code, 2);
      assert.match(noToken.stderr, /PORTCULLIS_ADMIN_TOKEN/);
      const dataPlaneKey = await viaApi(['keys', 'list'], stack.key);
      assert.notEqual(dataPlaneKey.code, 0);
      assert.match(dataPlaneKey.stderr, /PC_ERR_UNAUTHENTICATED/);
    });
  });
});
