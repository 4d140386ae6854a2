import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../store/sqlite.js';
import { createApiKey, generateApiKey, hashApiKey, parseApiKey, rotateApiKey, verifyApiKey } from './api-keys.js';

const pepper = Buffer.alloc(32, 7);

describe('API keys', () => {
  it('have the pc_live_ prefix, 40 base62 characters and a valid checksum', () => {
    const { key, id } = generateApiKey();
    assert.match(key, /^pc_live_[0-9A-Za-z]{40}$/);
    assert.deepEqual(parseApiKey(key), { id });
    assert.match(generateApiKey('test').key, /^pc_test_/);
  });

  it('reject a key with one character changed (checksum)', () => {
    const { key } = generateApiKey();
    const last = key.at(-10) === 'a' ? 'b' : 'a';
    const typo = key.slice(0, -10) + last + key.slice(-9);
    assert.equal(parseApiKey(typo), undefined);
    assert.equal(parseApiKey('sk-not-ours'), undefined);
  });

  it('are stored only as a keyed hash', async () => {
    const store = openSqliteStore(':memory:');
    const { key, record } = await createApiKey(store.apiKeys, pepper, { name: 'k' }, 1000);
    const stored = await store.apiKeys.get(record.id);
    assert.equal(stored?.hash, hashApiKey(pepper, key));
    assert.ok(!JSON.stringify(stored).includes(key.slice(8)));
    await store.close();
  });

  it('verify: ok, unknown, mismatch, revoked, expired', async () => {
    const store = openSqliteStore(':memory:');
    const { key, record } = await createApiKey(store.apiKeys, pepper, { name: 'k', expiresAt: 5000 }, 1000);
    assert.equal((await verifyApiKey(store.apiKeys, pepper, key, 2000)).ok, true);
    assert.deepEqual(await verifyApiKey(store.apiKeys, Buffer.alloc(32, 8), key, 2000), { ok: false, reason: 'mismatch' });
    assert.deepEqual(await verifyApiKey(store.apiKeys, pepper, generateApiKey().key, 2000), { ok: false, reason: 'unknown' });
    assert.deepEqual(await verifyApiKey(store.apiKeys, pepper, 'garbage', 2000), { ok: false, reason: 'malformed' });
    assert.deepEqual(await verifyApiKey(store.apiKeys, pepper, key, 5000), { ok: false, reason: 'expired' });
    await store.apiKeys.revoke(record.id, 3000);
    assert.deepEqual(await verifyApiKey(store.apiKeys, pepper, key, 3000), { ok: false, reason: 'revoked' });
    await store.close();
  });

  it('store operation and CIDR scopes, and refuse bad ones at creation', async () => {
    const store = openSqliteStore(':memory:');
    const { record } = await createApiKey(store.apiKeys, pepper, { name: 'k', operations: ['chat', 'embed'], cidrs: ['10.0.0.0/8'] }, 1000);
    const stored = await store.apiKeys.get(record.id);
    assert.deepEqual(stored?.operations, ['chat', 'embed']);
    assert.deepEqual(stored?.cidrs, ['10.0.0.0/8']);
    await assert.rejects(createApiKey(store.apiKeys, pepper, { name: 'k', operations: ['root'] }, 1000), TypeError);
    await assert.rejects(createApiKey(store.apiKeys, pepper, { name: 'k', cidrs: ['10.0.0.0/99'] }, 1000), TypeError);
    await store.close();
  });

  it('rotate: new key with the same principal and scopes; the old one works until the overlap ends', async () => {
    const store = openSqliteStore(':memory:');
    const old = await createApiKey(store.apiKeys, pepper, { name: 'svc', principalId: 'svc-1', models: ['gpt'], operations: ['chat'], cidrs: ['127.0.0.0/8'] }, 1000);
    const rotated = await rotateApiKey(store.apiKeys, pepper, old.record.id, 60_000, 2000);
    assert.ok(rotated);
    assert.equal(rotated.oldExpiresAt, 62_000);
    assert.notEqual(rotated.key, old.key);
    assert.equal(rotated.record.principalId, 'svc-1');
    assert.deepEqual([rotated.record.models, rotated.record.operations, rotated.record.cidrs], [['gpt'], ['chat'], ['127.0.0.0/8']]);
    assert.equal((await verifyApiKey(store.apiKeys, pepper, old.key, 61_999)).ok, true);
    assert.deepEqual(await verifyApiKey(store.apiKeys, pepper, old.key, 62_000), { ok: false, reason: 'expired' });
    assert.equal((await verifyApiKey(store.apiKeys, pepper, rotated.key, 62_000)).ok, true);
    // An earlier expiry is never extended by a longer overlap.
    const short = await createApiKey(store.apiKeys, pepper, { name: 's', expiresAt: 5000 }, 1000);
    assert.equal((await rotateApiKey(store.apiKeys, pepper, short.record.id, 3_600_000, 2000))?.oldExpiresAt, 5000);
    assert.equal((await store.apiKeys.get(short.record.id))?.expiresAt, 5000);
    // Revoked, expired and unknown keys cannot be rotated, and nothing is inserted.
    const before = (await store.apiKeys.list()).length;
    await store.apiKeys.revoke(old.record.id, 3000);
    assert.equal(await rotateApiKey(store.apiKeys, pepper, old.record.id, 0, 3000), undefined);
    assert.equal(await rotateApiKey(store.apiKeys, pepper, short.record.id, 0, 6000), undefined);
    assert.equal(await rotateApiKey(store.apiKeys, pepper, 'nosuchkey000', 0, 3000), undefined);
    assert.equal((await store.apiKeys.list()).length, before);
    await store.close();
  });
});
