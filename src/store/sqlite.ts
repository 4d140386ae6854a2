/**
 * Embedded SQLite store (better-sqlite3): one file, WAL journal, versioned migrations. Statements
 * are prepared once. better-sqlite3 is synchronous, which is what makes each method atomic on the
 * single connection; the async interface is for parity with the server backends.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AUDIT_MIGRATIONS, sqliteAudit } from './sqlite-audit.js';
import { API_KEY_COLUMNS, apiKeyFromRow, apiKeyToRow, insertSql, namedPlaceholder, type ApiKeyRow } from './rows.js';
import { IDENTITY_MIGRATIONS, sqliteAdminSessions, sqliteOperators, sqliteSigningKeys } from './sqlite-identity.js';
import { INCIDENT_MIGRATIONS, sqliteIncidents } from './sqlite-incidents.js';
import type { ApiKeyRecord, ApiKeyRepo, SecretRepo, Store } from './types.js';
import { sqliteSealed } from './sealed.js';
import { walCheckpointBytes } from './sqlite-wal.js';

/**
 * Append only: a released migration is never edited; a new one is added at the end with a new id.
 * Ids (not positions) are recorded, so work on separate branches cannot collide on a number.
 */
const MIGRATIONS: readonly { readonly id: string; readonly sql: string }[] = [
  {
    id: '0001-api-keys-and-secrets',
    sql: `CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     hash TEXT NOT NULL,
     name TEXT NOT NULL,
     principal_id TEXT NOT NULL,
     principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'service')),
     tenant TEXT NOT NULL,
     roles TEXT NOT NULL,
     models TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     revoked_at INTEGER,
     last_used_at INTEGER
   ) STRICT;
   CREATE TABLE secrets (
     name TEXT PRIMARY KEY,
     sealed TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   ) STRICT;`,
  },
  ...IDENTITY_MIGRATIONS,
  ...AUDIT_MIGRATIONS,
  ...INCIDENT_MIGRATIONS,
  {
    // One counter row that every write to api_keys bumps, in the writer's own transaction: the
    // key cache polls it (see changeMark) instead of taking any commit to the file as a key change.
    id: '0002-api-key-change-counter',
    sql: `CREATE TABLE api_key_changes (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL) STRICT;
   INSERT INTO api_key_changes (id, version) VALUES (1, 0);
   CREATE TRIGGER api_keys_changed_insert AFTER INSERT ON api_keys BEGIN UPDATE api_key_changes SET version = version + 1 WHERE id = 1; END;
   CREATE TRIGGER api_keys_changed_update AFTER UPDATE ON api_keys BEGIN UPDATE api_key_changes SET version = version + 1 WHERE id = 1; END;
   CREATE TRIGGER api_keys_changed_delete AFTER DELETE ON api_keys BEGIN UPDATE api_key_changes SET version = version + 1 WHERE id = 1; END;`,
  },
];

/** Page size of a new database file (SQLite's largest). */
const PAGE_SIZE = 65_536;

/** How often `apiKeys.changeMark()` looks for commits by other connections. */
const DATA_VERSION_POLL_MS = 20;

/** Opens (creating if needed) the database at `file` and applies pending migrations. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  // Hashes and sealed secrets are for this process only; SQLite gives the -wal and -shm files
  // the database file's mode, so set it before WAL creates them.
  if (file !== ':memory:') chmodSync(file, 0o600);
  // A new database gets large pages before its first table (the size is fixed from then on,
  // short of a VACUUM). The audit log is nearly all the data and all the writes: ~2 KB records
  // appended in batches, each 4 KiB page a separate WAL write and checkpoint write, so at 4 KiB
  // SQLite made about one pwrite per record; 64 KiB pages cut its per-record CPU by a third
  // (docs/audit.md, session 9). The other tables are small and rarely written.
  if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  walCheckpointBytes(db);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const keyInsert = db.prepare<[ApiKeyRow]>(insertSql('api_keys', API_KEY_COLUMNS, namedPlaceholder));
  const keyGet = db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE id = ?');
  const keyList = db.prepare<[], ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, id');
  const keyRevoke = db.prepare<[number, string]>('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const keyTouch = db.prepare<[number, string, number]>(
    'UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)',
  );
  // Rotation: the old key must still be usable at `at`; its expiry only ever moves earlier.
  const keyShorten = db.prepare<[number, number, string, number]>(
    'UPDATE api_keys SET expires_at = MIN(COALESCE(expires_at, ?), ?) WHERE id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)',
  );
  // api_key_changes.version as last seen by changeMark (undefined: unreadable, i.e. changed).
  const keyVersion = db.prepare<[], number>('SELECT version FROM api_key_changes WHERE id = 1').pluck();
  let lastKeyVersion: number | undefined = keyVersion.get();
  let mark = 0;
  /**
   * A key write through this connection, in an immediate transaction that ends by reading the
   * counter: that value covers every commit before ours, and the mark moves anyway, so the next
   * poll need not take our own trigger's bump for another process's write. The counter is only
   * taken once the transaction has committed; the mark moves even when it failed.
   */
  function keyWrite<A extends unknown[], R>(write: (...args: A) => R): (...args: A) => R {
    const txn = db.transaction((...args: A): [R, number | undefined] => [write(...args), keyVersion.get()]);
    return (...args: A): R => {
      try {
        const [result, version] = txn.immediate(...args);
        lastKeyVersion = version;
        return result;
      } finally {
        mark += 1;
      }
    };
  }
  const insertKey = keyWrite((row: ApiKeyRow): void => {
    keyInsert.run(row);
  });
  const revokeKey = keyWrite((at: number, id: string): boolean => keyRevoke.run(at, id).changes > 0);
  const rotateKey = keyWrite((oldId: string, next: ApiKeyRecord, oldExpiresAt: number, at: number): boolean => {
    if (keyShorten.run(oldExpiresAt, oldExpiresAt, oldId, at).changes === 0) return false;
    keyInsert.run(apiKeyToRow(next));
    return true;
  });
  // Last-used times change nothing a verification reads, so they leave the mark alone; if nobody
  // else wrote keys since the last poll (the counter is as last seen when our write lock is
  // taken), the bumps of our own triggers are absorbed too.
  const touchMany = db.transaction((entries: ReadonlyMap<string, number>): [number | undefined, number | undefined] => {
    const before = keyVersion.get();
    for (const [id, at] of entries) keyTouch.run(at, id, at);
    return [before, keyVersion.get()];
  });
  const secretPut = db.prepare<[string, string, number]>(
    'INSERT INTO secrets (name, sealed, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at',
  );
  const secretGet = db.prepare<[string], { sealed: string }>('SELECT sealed FROM secrets WHERE name = ?');
  const secretList = db.prepare<[], { name: string }>('SELECT name FROM secrets ORDER BY name');
  const secretDelete = db.prepare<[string]>('DELETE FROM secrets WHERE name = ?');
  const ping = db.prepare('SELECT 1');
  // Key writes through this connection bump the mark at once. Another connection's key write
  // (a CLI, another gateway on the same file) bumps api_key_changes.version, by trigger, in its
  // own transaction. Reading that row on every request would cost a read transaction, so the mark
  // first looks at PRAGMA data_version (which changes when *any* other connection commits,
  // including this process's audit append thread ~hundreds of times a second), at most every
  // DATA_VERSION_POLL_MS, and only then at the counter: an audit commit costs one small read every
  // 20 ms and no longer empties the key cache; another process's revocation shows within 20 ms.
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let lastDataVersion = dataVersion.get();
  let polledAt = performance.now();

  const apiKeys: ApiKeyRepo = {
    async insert(record) {
      insertKey(apiKeyToRow(record));
    },
    async get(id) {
      const row = keyGet.get(id);
      return row && apiKeyFromRow(row);
    },
    async list() {
      return keyList.all().map(apiKeyFromRow);
    },
    async revoke(id, at) {
      return revokeKey(at, id);
    },
    async touch(lastUsed) {
      if (lastUsed.size === 0) return;
      const [before, after] = touchMany.immediate(lastUsed);
      if (before !== undefined && before === lastKeyVersion) lastKeyVersion = after;
    },
    async rotate(oldId, next, oldExpiresAt, at) {
      return rotateKey(oldId, next, oldExpiresAt, at);
    },
    changeMark() {
      const at = performance.now();
      if (at - polledAt < DATA_VERSION_POLL_MS) return mark;
      polledAt = at;
      const version = dataVersion.get();
      if (version === lastDataVersion) return mark;
      lastDataVersion = version;
      // Fails closed: a counter that cannot be read counts as a change.
      let keys: number | undefined;
      try {
        keys = keyVersion.get();
      } catch {
        keys = undefined;
      }
      if (keys === undefined || keys !== lastKeyVersion) {
        lastKeyVersion = keys;
        mark += 1;
      }
      return mark;
    },
  };

  const secrets: SecretRepo = {
    async put(name, sealed, at) {
      secretPut.run(name, sealed, at);
    },
    async get(name) {
      return secretGet.get(name)?.sealed;
    },
    async list() {
      return secretList.all().map((r) => r.name);
    },
    async delete(name) {
      return secretDelete.run(name).changes > 0;
    },
  };

  const audit = sqliteAudit(db, file);

  return {
    kind: 'sqlite',
    apiKeys,
    secrets,
    signingKeys: sqliteSigningKeys(db),
    operators: sqliteOperators(db),
    adminSessions: sqliteAdminSessions(db),
    incidents: sqliteIncidents(db),
    sealed: sqliteSealed(db),
    audit,
    async ping() {
      ping.get();
    },
    async close() {
      await audit.close();
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT');
  const applied = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id));
  const known = new Set(MIGRATIONS.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`the database has migrations this build does not know (${unknown.join(', ')}); it was written by a newer version`);
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, Date.now());
    }).immediate();
  }
}
