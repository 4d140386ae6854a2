import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../store/sqlite.js';
import { decodeKey, fingerprint, Keyring, weakness } from './keyring.js';
import { reencryptStore } from './rotate.js';
import { open, seal, sealingKey } from './seal.js';
import { loadServerSecrets, MasterKeyError } from './server-secrets.js';

function tmp(): { dir: string; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pc-keyring-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('keyring', () => {
  it('seals v2 values naming their data key, one key per purpose', () => {
    const ring = new Keyring(randomBytes(32));
    const sealed = seal(ring.sealer('store'), 'value', 'row-1');
    const [version, kid] = sealed.split('.');
    assert.equal(version, 'v2');
    assert.equal(kid, ring.sealer('store').id);
    assert.notEqual(ring.sealer('store').id, ring.sealer('vault').id);
    assert.throws(() => open(ring.sealer('vault'), sealed, 'row-1'), /sealed under key/);
    assert.throws(() => open(ring.sealer('store'), sealed, 'row-2'));
    assert.equal(open(ring.sealer('store'), sealed, 'row-1'), 'value');
  });

  it('opens values of a previous master and legacy v1 values, until the key is dropped', () => {
    const old = randomBytes(32);
    const before = seal(new Keyring(old).sealer('store'), 'old secret', 'a');
    const legacy = seal({ id: fingerprint(old), key: old }, 'legacy secret', 'b');
    assert.match(legacy, /^v1\./);
    const rotated = new Keyring(randomBytes(32), [old]);
    assert.equal(open(rotated.sealer('store'), before, 'a'), 'old secret');
    assert.equal(open(rotated.sealer('store'), legacy, 'b'), 'legacy secret');
    assert.equal(rotated.isCurrent(before, 'store'), false);
    const dropped = new Keyring(rotated.current.key);
    assert.throws(() => open(dropped.sealer('store'), before, 'a'), /sealed under key/);
  });

  it('refuses weak keys and reads base64 and hex', () => {
    assert.match(weakness(Buffer.alloc(32)) ?? '', /distinct/);
    assert.match(weakness(Buffer.from(Array.from({ length: 32 }, (_, i) => i))) ?? '', /sequence/);
    assert.match(weakness(Buffer.from('correct horse battery staple 123')) ?? '', /printable/);
    assert.equal(weakness(Buffer.alloc(16, 1)), 'must be 32 bytes (got 16)');
    const k = randomBytes(32);
    assert.equal(weakness(k), undefined);
    assert.deepEqual(decodeKey(k.toString('base64')), k);
    assert.deepEqual(decodeKey(k.toString('hex')), k);
    assert.deepEqual(decodeKey(k.toString('base64url')), k);
    assert.throws(() => decodeKey('short'));
  });
});

describe('master key sources', () => {
  it('env first; a key file must be owner-only; a command is a KMS hook', () => {
    const t = tmp();
    try {
      const k = randomBytes(32);
      const fromEnv = loadServerSecrets({ dataDir: t.dir, env: { PORTCULLIS_MASTER_KEY: k.toString('base64') } });
      assert.equal(fromEnv.masterKeySource, 'env');
      assert.deepEqual(fromEnv.masterKey, k);

      const file = join(t.dir, 'm.key');
      writeFileSync(file, k.toString('hex') + '\n');
      chmodSync(file, 0o644);
      assert.throws(() => loadServerSecrets({ dataDir: t.dir, masterKeyFile: file, env: {} }), /group or others/);
      chmodSync(file, 0o600);
      assert.equal(loadServerSecrets({ dataDir: t.dir, masterKeyFile: file, env: {} }).masterKeySource, 'file');

      const cmd = loadServerSecrets({ dataDir: t.dir, masterKeyCommand: [process.execPath, '-e', `console.log(${JSON.stringify(k.toString('base64'))})`], env: {} });
      assert.equal(cmd.masterKeySource, 'command');
      assert.deepEqual(cmd.masterKey, k);
      assert.throws(() => loadServerSecrets({ dataDir: t.dir, masterKeyCommand: [process.execPath, '-e', 'process.exit(3)'], env: {} }), /failed \(exit 3\)/);
      assert.throws(() => loadServerSecrets({ dataDir: t.dir, masterKey: Buffer.alloc(32, 7).toString('base64'), env: {} }), /distinct bytes/);
      assert.throws(() => loadServerSecrets({ dataDir: t.dir, masterKey: k.toString('base64'), masterKeyFile: file, env: {} }), /only one/);
    } finally {
      t.done();
    }
  });

  it('refuses to generate a key for the server; keeps a generated key readable as previous', () => {
    const t = tmp();
    try {
      assert.throws(() => loadServerSecrets({ dataDir: t.dir, requireMasterKey: true, env: {} }), (e: unknown) => e instanceof MasterKeyError && /no master key/.test(e.message));
      const generated = loadServerSecrets({ dataDir: t.dir, env: {} });
      assert.equal(generated.masterKeySource, 'generated');
      const sealed = seal(sealingKey(generated.masterKey), 'provider-key', 'openai');
      const managed = loadServerSecrets({ dataDir: t.dir, env: { PORTCULLIS_MASTER_KEY: randomBytes(32).toString('base64') } });
      assert.equal(managed.keyring.masters.length, 2);
      // sealingKey() of the registered master key is the whole keyring: old values still open.
      assert.equal(open(sealingKey(managed.masterKey), sealed, 'openai'), 'provider-key');
    } finally {
      t.done();
    }
  });
});

describe('rotate-master re-encryption', () => {
  it('moves every sealed value to the current key, leaving current ones alone', async () => {
    const old = randomBytes(32);
    const store = openSqliteStore(':memory:');
    try {
      const oldRing = new Keyring(old);
      await store.secrets.put('openai', seal(oldRing.sealer('store'), 'sk-1', 'openai'), 1);
      await store.secrets.put('legacy', seal({ id: fingerprint(old), key: old }, 'sk-2', 'legacy'), 1);
      await store.secrets.put('garbage', 'v2.zzzz.a.b.c', 1);
      await store.operators.insert({ id: 'op', name: 'ann', passwordHash: 'x', sealedTotpSecret: seal(oldRing.sealer('store'), 'JBSWY3DP', 'operator-totp:op'), totpLastStep: 0, recoveryHashes: [], createdAt: 1, disabledAt: null });
      const ring = new Keyring(randomBytes(32), [old]);
      const dry = await reencryptStore(store, ring, { dryRun: true });
      assert.equal(dry.rewrapped.secret, 2);
      assert.equal(ring.isCurrent((await store.secrets.get('openai')) as string, 'store'), false, 'a dry run writes nothing');
      const report = await reencryptStore(store, ring);
      assert.deepEqual(report.rewrapped, { secret: 2, 'signing-key': 0, 'operator-totp': 1 });
      assert.deepEqual(report.unreadable, ['secret:garbage']);
      const onlyNew = new Keyring(ring.current.key).sealer('store');
      assert.equal(open(onlyNew, (await store.secrets.get('openai')) as string, 'openai'), 'sk-1');
      assert.equal(open(onlyNew, (await store.secrets.get('legacy')) as string, 'legacy'), 'sk-2');
      assert.equal(open(onlyNew, (await store.operators.get('op'))?.sealedTotpSecret as string, 'operator-totp:op'), 'JBSWY3DP');
      const again = await reencryptStore(store, ring);
      assert.deepEqual(again.current, { secret: 2, 'signing-key': 0, 'operator-totp': 1 });
    } finally {
      await store.close();
    }
  });
});
