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
];

/** How often `apiKeys.changeMark()` looks for commits by other connections. */
const DATA_VERSION_POLL_MS = 20;

/** Opens (creating if needed) the database at `file` and applies pending migrations. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  // Hashes and sealed secrets are for this process only; SQLite gives the -wal and -shm files
  // the database file's mode, so set it before WAL creates them.
  if (file !== ':memory:') chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
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
  const rotateKey = db.transaction((oldId: string, next: ApiKeyRecord, oldExpiresAt: number, at: number): boolean => {
    if (keyShorten.run(oldExpiresAt, oldExpiresAt, oldId, at).changes === 0) return false;
    keyInsert.run(apiKeyToRow(next));
    return true;
  });
  const touchMany = db.transaction((entries: ReadonlyMap<string, number>) => {
    for (const [id, at] of entries) keyTouch.run(at, id, at);
  });
  const secretPut = db.prepare<[string, string, number]>(
    'INSERT INTO secrets (name, sealed, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at',
  );
  const secretGet = db.prepare<[string], { sealed: string }>('SELECT sealed FROM secrets WHERE name = ?');
  const secretList = db.prepare<[], { name: string }>('SELECT name FROM secrets ORDER BY name');
  const secretDelete = db.prepare<[string]>('DELETE FROM secrets WHERE name = ?');
  const ping = db.prepare('SELECT 1');
  // PRAGMA data_version changes when another connection (a CLI, the audit worker) commits; this
  // connection's own key writes bump the mark at once. The pragma costs a few microseconds, so it
  // is read at most every DATA_VERSION_POLL_MS: another process's revocation shows within that.
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let lastDataVersion = dataVersion.get();
  let polledAt = performance.now();
  let mark = 0;
  const keysWritten = (): void => {
    mark += 1;
  };

  const apiKeys: ApiKeyRepo = {
    async insert(record) {
      keyInsert.run(apiKeyToRow(record));
      keysWritten();
    },
    async get(id) {
      const row = keyGet.get(id);
      return row && apiKeyFromRow(row);
    },
    async list() {
      return keyList.all().map(apiKeyFromRow);
    },
    async revoke(id, at) {
      const changed = keyRevoke.run(at, id).changes > 0;
      keysWritten();
      return changed;
    },
    async touch(lastUsed) {
      if (lastUsed.size > 0) touchMany(lastUsed);
    },
    async rotate(oldId, next, oldExpiresAt, at) {
      try {
        return rotateKey.immediate(oldId, next, oldExpiresAt, at);
      } finally {
        keysWritten();
      }
    },
    changeMark() {
      const at = performance.now();
      if (at - polledAt < DATA_VERSION_POLL_MS) return mark;
      polledAt = at;
      const version = dataVersion.get();
      if (version !== lastDataVersion) {
        lastDataVersion = version;
        keysWritten();
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
