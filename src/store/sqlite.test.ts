import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEntry } from '../audit/chain.js';
import { verifyAudit } from '../audit/verify.js';
import { createApiKey, createKeyVerifier } from '../identity/api-keys.js';
import { openSqliteStore } from './sqlite.js';
import { sampleKey, storeSuite } from './store-suite.js';

const record = sampleKey;

describe('SQLite store', () => {
  it('migrates a new file and reopens it without re-applying migrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
    try {
      const file = join(dir, 'nested', 'state.db');
      const first = openSqliteStore(file);
      assert.equal(statSync(file).mode & 0o777, 0o600, 'only the owner may read the database');
      await first.apiKeys.insert(record);
      await first.close();
      const second = openSqliteStore(file);
      assert.deepEqual(await second.apiKeys.get(record.id), record);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes a new file with 64 KiB pages and a ~4 MiB WAL checkpoint; an older file keeps its page size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
    try {
      const fresh = join(dir, 'new.db');
      const a = openSqliteStore(fresh);
      await a.apiKeys.insert(record);
      await a.close();
      const older = join(dir, 'old.db');
      const made = new Database(older);
      made.pragma('page_size = 4096');
      made.exec('CREATE TABLE made_by_an_older_version (x INTEGER)');
      made.close();
      const b = openSqliteStore(older);
      await b.close();
      const read = (file: string): [number, number] => {
        const db = new Database(file);
        try {
          return [Number(db.pragma('page_size', { simple: true })), Number(db.pragma('page_count', { simple: true }))];
        } finally {
          db.close();
        }
      };
      assert.equal(read(fresh)[0], 65_536);
      assert.equal(read(older)[0], 4096);
      assert.ok(read(older)[1] > 1, 'the older file was migrated in place');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the file append thread skips request ids it already holds, even within a batch, and keeps the chain whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
    const store = openSqliteStore(join(dir, 'state.db'));
    try {
      const e = (id: string): AuditEntry => ({ requestId: id, ts: 1, principal: null, route: 'r', outcome: 'allow', status: 200, body: `{"id":"${id}"}` });
      await store.audit.append([e('a'), e('b'), e('c')]);
      const head = await store.audit.append([e('b'), e('d'), e('c'), e('e'), e('d')]);
      assert.equal(head.seq, 5);
      const rows = await store.audit.page(0, 10);
      assert.deepEqual(rows.map((r) => [r.seq, r.requestId]), [[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd'], [5, 'e']]);
      assert.deepEqual(head, { seq: 5, hash: rows[4]?.hash });
      const report = await verifyAudit(store.audit, { keys: new Map() });
      assert.equal(report.ok, true, JSON.stringify(report.problem));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores, lists, touches and revokes keys', async () => {
    const store = openSqliteStore(':memory:');
    await store.apiKeys.insert(record);
    await assert.rejects(store.apiKeys.insert(record), /UNIQUE/);
    await store.apiKeys.touch(new Map([[record.id, 50]]));
    await store.apiKeys.touch(new Map([[record.id, 40]]));
    assert.equal((await store.apiKeys.get(record.id))?.lastUsedAt, 50, 'last use never goes backwards');
    assert.equal(await store.apiKeys.revoke(record.id, 60), true);
    assert.equal(await store.apiKeys.revoke(record.id, 70), false);
    assert.equal((await store.apiKeys.list())[0]?.revokedAt, 60);
    assert.equal(await store.apiKeys.get('missing'), undefined);
    await store.close();
  });

  it('keeps verified keys cached across another connection\'s audit commits, but not its key writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
    const file = join(dir, 'state.db');
    const store = openSqliteStore(file);
    const other = openSqliteStore(file);
    try {
      const pepper = Buffer.alloc(32, 3);
      let gets = 0;
      const repo = { ...store.apiKeys, changeMark: store.apiKeys.changeMark, get: (id: string) => ((gets += 1), store.apiKeys.get(id)) };
      const { key, record: made } = await createApiKey(store.apiKeys, pepper, { name: 'k' }, 1000);
      const verify = createKeyVerifier(repo, pepper, { clock: () => 0 });
      assert.equal((await verify(key, 2000)).ok, true);
      const probe = new Database(file, { readonly: true });
      const before = probe.pragma('data_version', { simple: true });
      const e = (id: string): AuditEntry => ({ requestId: id, ts: 1, principal: null, route: 'r', outcome: 'allow', status: 200, body: `{"id":"${id}"}` });
      for (let i = 0; i < 3; i++) {
        await other.audit.append([e(`a${i}`)]);
        await new Promise((resolve) => setTimeout(resolve, 25));
        assert.equal((await verify(key, 2000)).ok, true);
      }
      assert.notEqual(probe.pragma('data_version', { simple: true }), before, 'the audit commits did move data_version');
      probe.close();
      assert.equal(gets, 1, 'no look-up after audit commits');
      await other.apiKeys.revoke(made.id, 2000);
      await new Promise((resolve) => setTimeout(resolve, 25));
      assert.deepEqual(await verify(key, 2000), { ok: false, reason: 'revoked' });
      assert.equal(gets, 2);
    } finally {
      await other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores secrets by name', async () => {
    const store = openSqliteStore(':memory:');
    await store.secrets.put('a', 'sealed-1', 1);
    await store.secrets.put('a', 'sealed-2', 2);
    assert.equal(await store.secrets.get('a'), 'sealed-2');
    assert.deepEqual(await store.secrets.list(), ['a']);
    assert.equal(await store.secrets.delete('a'), true);
    assert.equal(await store.secrets.get('a'), undefined);
    await store.ping();
    await store.close();
  });
});

{
  // The shared suite (store-suite.ts) on a file, so the separate append connection is exercised.
  let dir: string | undefined;
  let db: Database.Database | undefined;
  storeSuite({
    name: 'SQLite',
    async open() {
      dir = mkdtempSync(join(tmpdir(), 'pc-suite-'));
      const file = join(dir, 'state.db');
      const store = openSqliteStore(file);
      db = new Database(file);
      return store;
    },
    async exec(sql) {
      db?.exec(sql);
    },
    async dispose() {
      db?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  });
}
