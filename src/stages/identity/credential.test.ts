import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sealingKey } from '../../crypto/seal.js';
import { createApiKey, rotateApiKey, withChecksum } from '../../identity/api-keys.js';
import { AttemptLimiter } from '../../identity/operators.js';
import { MemoryReplayCache } from '../../identity/replay.js';
import { SigningKeyring } from '../../identity/signing-keys.js';
import { issueAccessToken } from '../../identity/tokens.js';
import { createLogger } from '../../log.js';
import type { Operation, StageContext, Verdict } from '../../pipeline/types.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { apiKeyStage } from './api-key.js';
import { certificateSubject, credentialStage, requestUrl } from './credential.js';

const NOW = 1_800_000_000_000;
const pepper = Buffer.alloc(32, 5);
const settings = { issuer: 'urn:gw', audience: 'urn:gw', ttlSec: 600 };

async function setup(failures?: AttemptLimiter, clock = { now: NOW }) {
  const store = openSqliteStore(':memory:');
  const keyring = new SigningKeyring({ repo: store.signingKeys, sealing: sealingKey(Buffer.alloc(32, 2)), alg: 'EdDSA', rotationMs: 86_400_000, now: () => NOW });
  await keyring.start();
  const apiKeys = apiKeyStage({ repo: store.apiKeys, pepper, now: () => clock.now });
  const stage = credentialStage({
    apiKeys,
    apiKeyRepo: store.apiKeys,
    tokens: { keyring, settings, replay: new MemoryReplayCache(), dpopMaxAgeSec: 60, dpopClockSkewSec: 5 },
    maxTokenBytes: 4096,
    now: () => clock.now,
    ...(failures ? { failures } : {}),
  });
  const run = (headers: Record<string, string>, operation: Operation = 'chat', sourceIp = '127.0.0.1'): Promise<Verdict> =>
    Promise.resolve(stage.onHeaders(ctx(headers, operation, sourceIp)));
  return { store, keyring, apiKeys, stage, run };
}

function ctx(headers: Record<string, string>, operation: Operation, sourceIp: string): StageContext {
  return {
    requestId: 'r',
    api: 'openai',
    operation,
    sourceIp,
    http: { method: 'GET', path: '/v1/models', scheme: 'http' },
    headers,
    principal: undefined, context: undefined,
    signal: new AbortController().signal,
    log: createLogger({ level: 'silent' }),
    decisions: [],
  };
}

/** A well-formed key (valid checksum) with the given public id and a secret nobody was given. */
function forgeKey(id: string): string {
  return withChecksum(`pc_live_${id}${'Q'.repeat(22)}`);
}

const reasonOf = (v: Verdict): [string, readonly string[] | undefined] => (v.action === 'deny' ? [v.code, v.reasons] : ['pass', v.reasons]);

describe('identity stage (credential shape → verifier)', () => {
  it('API key as Bearer or x-api-key; missing credential; operation scope', async () => {
    const { store, apiKeys, run } = await setup();
    const { key } = await createApiKey(store.apiKeys, pepper, { name: 'k', operations: ['chat'] }, NOW);
    assert.equal((await run({ authorization: `Bearer ${key}` })).action, 'pass');
    assert.equal((await run({ 'x-api-key': key })).action, 'pass');
    assert.deepEqual(reasonOf(await run({})), ['PC_ERR_UNAUTHENTICATED', ['missing']]);
    assert.deepEqual(reasonOf(await run({ authorization: 'Basic abc' })), ['PC_ERR_UNAUTHENTICATED', ['missing']]);
    assert.deepEqual(reasonOf(await run({ authorization: `Bearer ${key}` }, 'embed')), ['PC_ERR_FORBIDDEN', ['operation-out-of-scope']]);
    assert.equal((await run({ authorization: `Bearer ${key}` }, 'token')).action, 'pass', 'exchange keeps scopes instead');
    await apiKeys.close();
    await store.close();
  });

  it('an API key\'s principal is one frozen object while the key cache trusts its record, and a new one once the keys change', async () => {
    const { store, apiKeys, run } = await setup();
    const { key, record } = await createApiKey(store.apiKeys, pepper, { name: 'k', roles: ['dev'], models: ['m1'] }, NOW);
    const { key: other } = await createApiKey(store.apiKeys, pepper, { name: 'o', roles: ['ops'] }, NOW);
    const principalOf = async (k: string) => {
      const v = await run({ authorization: `Bearer ${k}` });
      assert.equal(v.action, 'pass');
      return v.action === 'pass' ? v.facts?.principal : undefined;
    };
    const first = await principalOf(key);
    assert.ok(first && Object.isFrozen(first));
    assert.deepEqual({ id: first.id, roles: first.roles, models: first.models, credentialId: first.credentialId, authMethod: first.authMethod }, { id: record.principalId, roles: ['dev'], models: ['m1'], credentialId: record.id, authMethod: 'api_key' });
    assert.equal(await principalOf(key), first, 'the cached record gives the same principal');
    const second = await principalOf(other);
    assert.notEqual(second, first);
    assert.deepEqual(second?.roles, ['ops']);
    // Any key write changes the store's mark: the record is read again and the principal made anew.
    assert.ok(await rotateApiKey(store.apiKeys, pepper, record.id, 60_000, NOW));
    const after = await principalOf(key);
    assert.notEqual(after, first);
    assert.deepEqual(after, first);
    await apiKeys.close();
    await store.close();
  });

  it('gateway JWT as Bearer; unknown issuer; a DPoP scheme for an unbound token', async () => {
    const { store, keyring, apiKeys, run } = await setup();
    const { record } = await createApiKey(store.apiKeys, pepper, { name: 'k' }, NOW);
    const principal = { id: record.principalId, kind: 'service' as const, tenant: 't', roles: [], authMethod: 'api_key' as const, credentialId: record.id, models: [] };
    const t = await issueAccessToken(keyring, settings, principal, NOW);
    const pass = await run({ authorization: `Bearer ${t.accessToken}` });
    assert.equal(pass.action, 'pass');
    assert.equal(pass.action === 'pass' && pass.facts?.principal?.authMethod, 'gateway_jwt');
    assert.deepEqual(reasonOf(await run({ authorization: `DPoP ${t.accessToken}` })), ['PC_ERR_TOKEN_INVALID', ['dpop-scheme-for-unbound-token']]);
    const other = await issueAccessToken(keyring, { ...settings, issuer: 'urn:other' }, principal, NOW);
    assert.deepEqual(reasonOf(await run({ authorization: `Bearer ${other.accessToken}` })), ['PC_ERR_TOKEN_INVALID', ['unknown-issuer']]);
    const bound = await issueAccessToken(keyring, settings, principal, NOW, { jkt: 'jkt' });
    assert.deepEqual(reasonOf(await run({ authorization: `Bearer ${bound.accessToken}` })), ['PC_ERR_DPOP_INVALID', ['dpop-bound-token-as-bearer']]);
    assert.deepEqual(reasonOf(await run({ authorization: `DPoP ${bound.accessToken}` })), ['PC_ERR_DPOP_INVALID', ['dpop-no-url']]);
    assert.deepEqual(reasonOf(await run({ authorization: `DPoP ${bound.accessToken}`, host: 'gw' })), ['PC_ERR_DPOP_INVALID', ['dpop-missing']]);
    await apiKeys.close();
    await store.close();
  });

  it('throttles a source after repeated refused credentials, before any verification work', async () => {
    const clock = { now: NOW };
    const { store, apiKeys, run } = await setup(new AttemptLimiter({ freeAttempts: 3, baseMs: 1_000, maxMs: 60_000, windowMs: 600_000 }), clock);
    const { key } = await createApiKey(store.apiKeys, pepper, { name: 'k' }, NOW);
    const wrong = { authorization: `Bearer ${key.slice(0, -6)}AAAAAA` };
    for (let i = 0; i < 2; i++) assert.equal(reasonOf(await run(wrong))[0], 'PC_ERR_UNAUTHENTICATED');
    assert.deepEqual(reasonOf(await run({})), ['PC_ERR_UNAUTHENTICATED', ['missing']], 'no credential is not a guess');
    assert.equal(reasonOf(await run(wrong))[0], 'PC_ERR_UNAUTHENTICATED');
    const throttled = await run({ authorization: `Bearer ${key}` });
    assert.ok(throttled.action === 'deny' && throttled.code === 'PC_ERR_AUTH_THROTTLED' && throttled.retryAfter === 1);
    assert.equal((await run({ authorization: `Bearer ${key}` }, 'chat', '10.9.9.9')).action, 'pass', 'other sources are not affected');
    clock.now += 1_000;
    assert.equal((await run({ authorization: `Bearer ${key}` })).action, 'pass');
    await apiKeys.close();
    await store.close();
  });

  it('throttles a key id after repeated wrong secrets or networks, whichever sources they come from', async () => {
    const clock = { now: NOW };
    const { store, apiKeys, run } = await setup(new AttemptLimiter({ freeAttempts: 3, baseMs: 1_000, maxMs: 60_000, windowMs: 600_000 }), clock);
    const { key, record } = await createApiKey(store.apiKeys, pepper, { name: 'k', cidrs: ['10.0.0.0/8'] }, NOW);
    const other = await createApiKey(store.apiKeys, pepper, { name: 'other' }, NOW);
    // Same id, another secret, a valid checksum: it reaches the store and fails on the hash.
    const guess = forgeKey(record.id);
    assert.deepEqual(reasonOf(await run({ authorization: `Bearer ${guess}` }, 'chat', '10.0.0.1')), ['PC_ERR_UNAUTHENTICATED', ['mismatch']]);
    assert.deepEqual(reasonOf(await run({ authorization: `Bearer ${guess}` }, 'chat', '10.0.0.2')), ['PC_ERR_UNAUTHENTICATED', ['mismatch']]);
    assert.deepEqual(reasonOf(await run({ authorization: `Bearer ${key}` }, 'chat', '192.0.2.1')), ['PC_ERR_UNAUTHENTICATED', ['cidr']]);
    const throttled = await run({ authorization: `Bearer ${key}` }, 'chat', '10.0.0.4');
    assert.deepEqual(reasonOf(throttled), ['PC_ERR_AUTH_THROTTLED', ['throttled-key']]);
    assert.equal(throttled.action === 'deny' && throttled.retryAfter, 1);
    assert.equal((await run({ authorization: `Bearer ${other.key}` }, 'chat', '10.0.0.4')).action, 'pass', 'other keys are not affected');
    clock.now += 1_000;
    assert.equal((await run({ authorization: `Bearer ${key}` }, 'chat', '10.0.0.4')).action, 'pass');
    // An id no key has is counted the same way, so being throttled says nothing about existence.
    const nobody = forgeKey('ZZZZZZZZZZZZ');
    for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3']) assert.deepEqual(reasonOf(await run({ authorization: `Bearer ${nobody}` }, 'chat', ip)), ['PC_ERR_UNAUTHENTICATED', ['unknown']]);
    assert.deepEqual(reasonOf(await run({ authorization: `Bearer ${nobody}` }, 'chat', '10.1.0.4')), ['PC_ERR_AUTH_THROTTLED', ['throttled-key']]);
    await apiKeys.close();
    await store.close();
  });

  it('leaves a lease for the stream re-check: the API key, or a token\'s exp and source key', async () => {
    const { store, keyring, apiKeys, stage } = await setup();
    const { key, record } = await createApiKey(store.apiKeys, pepper, { name: 'k' }, NOW);
    const byKey = ctx({ authorization: `Bearer ${key}` }, 'chat', '127.0.0.1');
    assert.equal((await stage.onHeaders(byKey)).action, 'pass');
    assert.deepEqual(stage.leaseOf(byKey), { expiresAt: null, apiKeyId: record.id });
    const principal = { id: record.principalId, kind: 'service' as const, tenant: 't', roles: [], authMethod: 'api_key' as const, credentialId: record.id, models: [] };
    const t = await issueAccessToken(keyring, settings, principal, NOW);
    const byToken = ctx({ authorization: `Bearer ${t.accessToken}` }, 'chat', '127.0.0.1');
    assert.equal((await stage.onHeaders(byToken)).action, 'pass');
    assert.deepEqual(stage.leaseOf(byToken), { expiresAt: NOW + 600_000, apiKeyId: record.id });
    const refused = ctx({ authorization: 'Bearer nope' }, 'chat', '127.0.0.1');
    assert.equal((await stage.onHeaders(refused)).action, 'deny');
    assert.equal(stage.leaseOf(refused), undefined);
    await apiKeys.close();
    await store.close();
  });

  it('maps a client certificate to a subject: the first configured source present', () => {
    const cert = { authorized: true, subjectCn: 'svc', san: ['DNS:svc.internal', 'URI:spiffe://td/svc'], thumbprint: 't' };
    const all = ['san-uri', 'san-dns', 'san-email', 'cn'] as const;
    assert.equal(certificateSubject(cert, all), 'spiffe://td/svc');
    assert.equal(certificateSubject(cert, ['san-email', 'cn']), 'svc');
    assert.equal(certificateSubject({ ...cert, san: [] }, ['san-dns']), undefined);
    assert.equal(certificateSubject({ ...cert, san: ['DNS:'] }, ['san-dns']), undefined);
  });

  it('the DPoP URL comes from the configured public URL, else scheme + Host', () => {
    const c = ctx({ host: 'gw.local:8080' }, 'chat', '::1');
    assert.equal(requestUrl(c, undefined), 'http://gw.local:8080/v1/models');
    assert.equal(requestUrl(c, 'https://api.example.com/'), 'https://api.example.com/v1/models');
    assert.equal(requestUrl(ctx({}, 'chat', '::1'), undefined), undefined);
  });
});
