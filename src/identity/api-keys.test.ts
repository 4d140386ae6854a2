import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../store/sqlite.js';
import { createApiKey, generateApiKey, hashApiKey, parseApiKey, verifyApiKey } from './api-keys.js';

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
});
