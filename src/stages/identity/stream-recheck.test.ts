import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatChunk } from '../../canonical/types.js';
import { createApiKey } from '../../identity/api-keys.js';
import type { StageContext, StreamInspector, Verdict } from '../../pipeline/types.js';
import { openSqliteStore } from '../../store/sqlite.js';
import type { ApiKeyRepo } from '../../store/types.js';
import type { CredentialLease } from './credential.js';
import { credentialRecheckStage } from './stream-recheck.js';

const NOW = 1_800_000_000_000;
const pepper = Buffer.alloc(32, 5);
const chunk = {} as ChatChunk;

/** The stage only hands the context to `leaseOf` (stubbed here), so any object will do. */
const ctx = (): StageContext => ({}) as StageContext;

async function setup(lease: (keyId: string) => CredentialLease | undefined) {
  const clock = { now: NOW };
  const store = openSqliteStore(':memory:');
  const { record } = await createApiKey(store.apiKeys, pepper, { name: 'k' }, NOW);
  let lookups = 0;
  const repo = { ...store.apiKeys, get: (id: string) => (lookups++, store.apiKeys.get(id)) };
  const stage = credentialRecheckStage({ credentials: { leaseOf: () => lease(record.id) }, apiKeyRepo: repo, intervalMs: 2_000, now: () => clock.now });
  const stream = (stage.openStream as (c: StageContext) => StreamInspector)(ctx());
  const next = async (): Promise<[string, readonly string[] | undefined]> => {
    const v: Verdict<readonly ChatChunk[]> = await stream.onChunk(chunk);
    return v.action === 'deny' ? [v.code, v.reasons] : [v.action, v.reasons];
  };
  return { clock, store, record, stream, next, lookups: () => lookups };
}

describe('credential re-check on streams', () => {
  it('validates its interval when created', () => {
    const base = { credentials: { leaseOf: () => undefined }, apiKeyRepo: {} as ApiKeyRepo };
    for (const intervalMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => credentialRecheckStage({ ...base, intervalMs }), TypeError);
    assert.equal(credentialRecheckStage(base).phase, 'output');
  });

  it('ends a stream whose API key is revoked, looking it up only once per interval', async () => {
    const { clock, store, record, next, lookups } = await setup((apiKeyId) => ({ expiresAt: null, apiKeyId }));
    for (let i = 0; i < 20; i++) assert.deepEqual(await next(), ['pass', undefined]);
    assert.equal(lookups(), 0, 'no lookup before the first interval has passed');
    await store.apiKeys.revoke(record.id, clock.now);
    clock.now += 1_999;
    assert.deepEqual(await next(), ['pass', undefined], 'revocation is noticed at the next lookup, not per chunk');
    clock.now += 1;
    assert.deepEqual(await next(), ['PC_ERR_UNAUTHENTICATED', ['stream-key-revoked']]);
    assert.equal(lookups(), 1);
    await store.close();
  });

  it('ends a stream at the credential\'s expiry by the clock alone, and on a key that is gone', async () => {
    const token = await setup(() => ({ expiresAt: NOW + 500 }));
    assert.deepEqual(await token.next(), ['pass', undefined]);
    token.clock.now += 500;
    assert.deepEqual(await token.next(), ['PC_ERR_UNAUTHENTICATED', ['stream-credential-expired']]);
    assert.equal(token.lookups(), 0);
    await token.store.close();

    // The key's own expiry, learned at the first lookup, is then checked on every chunk.
    const expiring = await setup(() => ({ expiresAt: null, apiKeyId: 'missing00000' }));
    expiring.clock.now += 2_000;
    assert.deepEqual(await expiring.next(), ['PC_ERR_UNAUTHENTICATED', ['stream-key-gone']]);
    await expiring.store.close();
  });

  it('learns a key\'s expiry at a lookup and then cuts by the clock; checks at the end too', async () => {
    const s = await setup((apiKeyId) => ({ expiresAt: null, apiKeyId }));
    await s.store.apiKeys.rotate(s.record.id, { ...s.record, id: 'rotated00000' }, NOW + 3_000, NOW);
    s.clock.now += 2_000;
    assert.deepEqual(await s.next(), ['pass', undefined]);
    s.clock.now += 1_000;
    assert.deepEqual(await s.next(), ['PC_ERR_UNAUTHENTICATED', ['stream-credential-expired']]);
    const end = await s.stream.onEnd();
    assert.equal(end.action, 'deny');
    assert.equal(s.lookups(), 1);
    await s.store.close();
  });

  it('passes streams without a lease (no credential to re-check)', async () => {
    const s = await setup(() => undefined);
    s.clock.now += 10_000;
    assert.deepEqual(await s.next(), ['pass', undefined]);
    assert.equal((await s.stream.onEnd()).action, 'pass');
    await s.store.close();
  });
});
