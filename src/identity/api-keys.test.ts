import { describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../store/sqlite.js';
import type { ApiKeyRepo } from '../store/types.js';
import { apiKeyIdOf, createApiKey, createKeyVerifier, generateApiKey, hashApiKey, parseApiKey, rotateApiKey, verifyApiKey, withChecksum } from './api-keys.js';

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

  it('apiKeyIdOf: the id of any key of the right shape, checksum or not', () => {
    const { key, id } = generateApiKey();
    assert.equal(apiKeyIdOf(key), id);
    assert.equal(apiKeyIdOf(`${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`), id);
    for (const bad of ['', 'garbage', `${key}x`, key.slice(1), key.replace('pc_live_', 'pc_prod_'), `${key.slice(0, -1)}-`]) assert.equal(apiKeyIdOf(bad), undefined, bad);
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

  describe('the verified-key cache', () => {
    /** Counts store lookups, and hides changeMark when asked (a store that cannot tell). */
    function counting(repo: ApiKeyRepo, withMark: boolean): ApiKeyRepo & { gets: number } {
      const counted = {
        gets: 0,
        insert: repo.insert.bind(repo),
        list: repo.list.bind(repo),
        revoke: repo.revoke.bind(repo),
        touch: repo.touch.bind(repo),
        rotate: repo.rotate.bind(repo),
        async get(id: string) {
          counted.gets += 1;
          return repo.get(id);
        },
        ...(withMark && repo.changeMark ? { changeMark: repo.changeMark.bind(repo) } : {}),
      };
      return counted;
    }

    it('reuses a verified key without a lookup, and still checks expiry on every use', async () => {
      const store = openSqliteStore(':memory:');
      const repo = counting(store.apiKeys, true);
      const { key } = await createApiKey(repo, pepper, { name: 'k', expiresAt: 5000 }, 1000);
      const verify = createKeyVerifier(repo, pepper);
      for (let i = 0; i < 5; i++) assert.equal((await verify(key, 2000)).ok, true);
      assert.equal(repo.gets, 1);
      assert.deepEqual(await verify(key, 5000), { ok: false, reason: 'expired' });
      await store.close();
    });

    it('never caches a failure, nor lets another key reach a cached entry', async () => {
      const store = openSqliteStore(':memory:');
      const repo = counting(store.apiKeys, true);
      const { key } = await createApiKey(repo, pepper, { name: 'k' }, 1000);
      const verify = createKeyVerifier(repo, pepper);
      assert.equal((await verify(key, 2000)).ok, true);
      const wrongPepper = createKeyVerifier(repo, Buffer.alloc(32, 8));
      assert.deepEqual(await wrongPepper(key, 2000), { ok: false, reason: 'mismatch' });
      assert.deepEqual(await wrongPepper(key, 2000), { ok: false, reason: 'mismatch' });
      const unknown = generateApiKey().key;
      assert.deepEqual(await verify(unknown, 2000), { ok: false, reason: 'unknown' });
      const before = repo.gets;
      assert.deepEqual(await verify(unknown, 2000), { ok: false, reason: 'unknown' });
      assert.equal(repo.gets, before + 1);
      await store.close();
    });

    it('lets a key with a cached key\'s id but another secret reach neither the entry nor evict it', async () => {
      const store = openSqliteStore(':memory:');
      const repo = counting(store.apiKeys, true);
      const { key, record } = await createApiKey(repo, pepper, { name: 'k' }, 1000);
      const verify = createKeyVerifier(repo, pepper);
      assert.equal((await verify(key, 2000)).ok, true);
      // Same prefix and id, other random characters, a valid checksum: only the secret differs.
      const guess = withChecksum(`${key.slice(0, 20)}${'x'.repeat(22)}`);
      assert.equal(apiKeyIdOf(guess), record.id);
      assert.notEqual(guess, key);
      const before = repo.gets;
      assert.deepEqual(await verify(guess, 2000), { ok: false, reason: 'mismatch' });
      assert.equal(repo.gets, before + 1, 'the guess was checked against the store');
      assert.equal((await verify(key, 2000)).ok, true);
      assert.equal(repo.gets, before + 1, 'the real key is still cached');
      await store.close();
    });

    it('sees a rotation at once: the old key ends with its overlap, the new key verifies', async () => {
      const store = openSqliteStore(':memory:');
      const { key, record } = await createApiKey(store.apiKeys, pepper, { name: 'k' }, 1000);
      const verify = createKeyVerifier(store.apiKeys, pepper, { clock: () => 0 });
      assert.equal((await verify(key, 2000)).ok, true);
      const rotated = await rotateApiKey(store.apiKeys, pepper, record.id, 0, 2000);
      assert.ok(rotated);
      assert.deepEqual(await verify(key, 2000), { ok: false, reason: 'expired' });
      assert.equal((await verify(rotated.key, 2000)).ok, true);
      await store.close();
    });

    it('sees a revocation made in this process at once, and one by another process within 20 ms', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pc-keys-'));
      try {
        const file = join(dir, 'state.db');
        const store = openSqliteStore(file);
        const other = openSqliteStore(file);
        const a = await createApiKey(store.apiKeys, pepper, { name: 'a' }, 1000);
        const b = await createApiKey(store.apiKeys, pepper, { name: 'b' }, 1000);
        const verify = createKeyVerifier(store.apiKeys, pepper, { clock: () => 0 });
        assert.equal((await verify(a.key, 2000)).ok, true);
        assert.equal((await verify(b.key, 2000)).ok, true);
        await store.apiKeys.revoke(a.record.id, 2000);
        assert.deepEqual(await verify(a.key, 2000), { ok: false, reason: 'revoked' });
        await other.apiKeys.revoke(b.record.id, 2000);
        // Another connection's commit is looked for every 20 ms.
        await new Promise((resolve) => setTimeout(resolve, 25));
        assert.deepEqual(await verify(b.key, 2000), { ok: false, reason: 'revoked' });
        await other.close();
        await store.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('without a change mark, asks the store again once the TTL has passed', async () => {
      const store = openSqliteStore(':memory:');
      const repo = counting(store.apiKeys, false);
      const { key, record } = await createApiKey(repo, pepper, { name: 'k' }, 1000);
      let clock = 0;
      const verify = createKeyVerifier(repo, pepper, { ttlMs: 500, clock: () => clock });
      assert.equal((await verify(key, 2000)).ok, true);
      await repo.revoke(record.id, 2000);
      clock = 499;
      assert.equal((await verify(key, 2000)).ok, true, 'within the TTL the revocation elsewhere is not seen yet');
      clock = 500;
      assert.deepEqual(await verify(key, 2000), { ok: false, reason: 'revoked' });
      assert.equal(repo.gets, 2);
      assert.throws(() => createKeyVerifier(repo, pepper, { ttlMs: 1001 }), TypeError);
      await store.close();
    });

    it('forgets the oldest entry when full', async () => {
      const store = openSqliteStore(':memory:');
      const repo = counting(store.apiKeys, true);
      const keys = await Promise.all([1, 2, 3].map((n) => createApiKey(repo, pepper, { name: `k${n}` }, 1000)));
      const verify = createKeyVerifier(repo, pepper, { maxEntries: 2 });
      for (const { key } of keys) assert.equal((await verify(key, 2000)).ok, true);
      const before = repo.gets;
      assert.equal((await verify((keys[2] as { key: string }).key, 2000)).ok, true);
      assert.equal(repo.gets, before);
      assert.equal((await verify((keys[0] as { key: string }).key, 2000)).ok, true);
      assert.equal(repo.gets, before + 1);
      await store.close();
    });
  });
});
