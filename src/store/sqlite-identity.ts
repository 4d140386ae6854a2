/**
 * SQLite side of the identity repositories (issue 3): token-signing keys, operators and admin
 * sessions, plus API-key rotation. Kept beside sqlite.ts so the core store file stays small;
 * every method is one statement or one synchronous transaction, hence atomic.
 */
import type Database from 'better-sqlite3';
import {
  OPERATOR_COLUMNS,
  adminSessionFromRow,
  decodeList,
  encodeList,
  insertSql,
  namedPlaceholder,
  operatorFromRow,
  operatorToRow,
  signingKeyFromRow,
  type AdminSessionRow,
  type OperatorRow,
  type SigningKeyRow,
} from './rows.js';
import type { AdminSessionRecord, AdminSessionRepo, OperatorRepo, SigningKeyRecord, SigningKeyRepo } from './types.js';

/** Appended to the migration list in sqlite.ts; ids in the 0100 range belong to identity. */
export const IDENTITY_MIGRATIONS: readonly { readonly id: string; readonly sql: string }[] = [
  {
    id: '0100-identity-api-key-scopes',
    sql: `ALTER TABLE api_keys ADD COLUMN operations TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE api_keys ADD COLUMN cidrs TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    id: '0101-identity-signing-keys',
    sql: `CREATE TABLE signing_keys (
     kid TEXT PRIMARY KEY,
     alg TEXT NOT NULL CHECK (alg IN ('EdDSA', 'ES256')),
     public_jwk TEXT NOT NULL,
     sealed_private_jwk TEXT NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;`,
  },
  {
    id: '0102-identity-operators',
    sql: `CREATE TABLE operators (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     sealed_totp_secret TEXT NOT NULL,
     totp_last_step INTEGER NOT NULL DEFAULT 0,
     recovery_hashes TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     disabled_at INTEGER
   ) STRICT;
   CREATE TABLE admin_sessions (
     token_hash TEXT PRIMARY KEY,
     operator_id TEXT NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     verified_at INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX admin_sessions_operator ON admin_sessions(operator_id);`,
  },
];

export function sqliteSigningKeys(db: Database.Database): SigningKeyRepo {
  const list = db.prepare<[], SigningKeyRow>('SELECT * FROM signing_keys ORDER BY created_at DESC, kid DESC');
  const insert = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO signing_keys (kid, alg, public_jwk, sealed_private_jwk, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const prune = db.prepare<[number]>('DELETE FROM signing_keys WHERE kid NOT IN (SELECT kid FROM signing_keys ORDER BY created_at DESC, kid DESC LIMIT ?)');
  const rotate = db.transaction((next: SigningKeyRecord, keep: number) => {
    insert.run(next.kid, next.alg, next.publicJwk, next.sealedPrivateJwk, next.createdAt);
    prune.run(keep);
  });
  return {
    async list() {
      return list.all().map(signingKeyFromRow);
    },
    async rotate(next, keep) {
      rotate.immediate(next, Math.max(1, keep));
    },
  };
}

export function sqliteOperators(db: Database.Database): OperatorRepo {
  const insert = db.prepare<[OperatorRow]>(insertSql('operators', OPERATOR_COLUMNS, namedPlaceholder));
  const byName = db.prepare<[string], OperatorRow>('SELECT * FROM operators WHERE name = ?');
  const byId = db.prepare<[string], OperatorRow>('SELECT * FROM operators WHERE id = ?');
  const list = db.prepare<[], OperatorRow>('SELECT * FROM operators ORDER BY created_at, name');
  const useStep = db.prepare<[number, string, number]>('UPDATE operators SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?');
  const setRecovery = db.prepare<[string, string]>('UPDATE operators SET recovery_hashes = ? WHERE id = ?');
  const setDisabled = db.prepare<[number | null, string]>('UPDATE operators SET disabled_at = ? WHERE id = ?');
  const resetMfa = db.prepare<[string, string, string]>('UPDATE operators SET sealed_totp_secret = ?, recovery_hashes = ?, totp_last_step = 0 WHERE id = ?');
  const useRecovery = db.transaction((id: string, hash: string): boolean => {
    const row = byId.get(id);
    if (!row) return false;
    const hashes = decodeList(row.recovery_hashes);
    const i = hashes.indexOf(hash);
    if (i === -1) return false;
    hashes.splice(i, 1);
    setRecovery.run(encodeList(hashes), id);
    return true;
  });
  return {
    async insert(r) {
      insert.run(operatorToRow(r));
    },
    async getByName(name) {
      const row = byName.get(name);
      return row && operatorFromRow(row);
    },
    async get(id) {
      const row = byId.get(id);
      return row && operatorFromRow(row);
    },
    async list() {
      return list.all().map(operatorFromRow);
    },
    async useTotpStep(id, step) {
      return useStep.run(step, id, step).changes > 0;
    },
    async useRecoveryCode(id, hash) {
      return useRecovery.immediate(id, hash);
    },
    async setDisabled(id, at) {
      return setDisabled.run(at, id).changes > 0;
    },
    async resetMfa(id, sealed, hashes) {
      return resetMfa.run(sealed, encodeList(hashes), id).changes > 0;
    },
  };
}

export function sqliteAdminSessions(db: Database.Database): AdminSessionRepo {
  const insert = db.prepare<[string, string, number, number, number]>(
    'INSERT INTO admin_sessions (token_hash, operator_id, created_at, expires_at, verified_at) VALUES (?, ?, ?, ?, ?)',
  );
  const get = db.prepare<[string], AdminSessionRow>('SELECT * FROM admin_sessions WHERE token_hash = ?');
  const stepUp = db.prepare<[number, string, number]>('UPDATE admin_sessions SET verified_at = ? WHERE token_hash = ? AND verified_at < ?');
  const del = db.prepare<[string]>('DELETE FROM admin_sessions WHERE token_hash = ?');
  const delFor = db.prepare<[string]>('DELETE FROM admin_sessions WHERE operator_id = ?');
  return {
    async insert(r: AdminSessionRecord) {
      insert.run(r.tokenHash, r.operatorId, r.createdAt, r.expiresAt, r.verifiedAt);
    },
    async get(hash) {
      const r = get.get(hash);
      return r && adminSessionFromRow(r);
    },
    async stepUp(hash, at) {
      return stepUp.run(at, hash, at).changes > 0;
    },
    async delete(hash) {
      return del.run(hash).changes > 0;
    },
    async deleteForOperator(id) {
      return delFor.run(id).changes;
    },
  };
}
