/**
 * SQLite side of the identity repositories (issue 3): token-signing keys, operators and admin
 * sessions, plus API-key rotation. Kept beside sqlite.ts so the core store file stays small;
 * every method is one statement or one synchronous transaction, hence atomic.
 */
import type Database from 'better-sqlite3';
import type { AdminSessionRecord, AdminSessionRepo, OperatorRecord, OperatorRepo, SigningKeyRecord, SigningKeyRepo } from './types.js';

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

interface SigningKeyRow {
  kid: string;
  alg: 'EdDSA' | 'ES256';
  public_jwk: string;
  sealed_private_jwk: string;
  created_at: number;
}

interface OperatorRow {
  id: string;
  name: string;
  password_hash: string;
  sealed_totp_secret: string;
  totp_last_step: number;
  recovery_hashes: string;
  created_at: number;
  disabled_at: number | null;
}

interface SessionRow {
  token_hash: string;
  operator_id: string;
  created_at: number;
  expires_at: number;
  verified_at: number;
}

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
      return list.all().map((r) => ({ kid: r.kid, alg: r.alg, publicJwk: r.public_jwk, sealedPrivateJwk: r.sealed_private_jwk, createdAt: r.created_at }));
    },
    async rotate(next, keep) {
      rotate.immediate(next, Math.max(1, keep));
    },
  };
}

export function sqliteOperators(db: Database.Database): OperatorRepo {
  const insert = db.prepare(
    `INSERT INTO operators (id, name, password_hash, sealed_totp_secret, totp_last_step, recovery_hashes, created_at, disabled_at)
     VALUES (@id, @name, @password_hash, @sealed_totp_secret, @totp_last_step, @recovery_hashes, @created_at, @disabled_at)`,
  );
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
    const hashes = JSON.parse(row.recovery_hashes) as string[];
    const i = hashes.indexOf(hash);
    if (i === -1) return false;
    hashes.splice(i, 1);
    setRecovery.run(JSON.stringify(hashes), id);
    return true;
  });
  return {
    async insert(r) {
      insert.run({
        id: r.id,
        name: r.name,
        password_hash: r.passwordHash,
        sealed_totp_secret: r.sealedTotpSecret,
        totp_last_step: r.totpLastStep,
        recovery_hashes: JSON.stringify(r.recoveryHashes),
        created_at: r.createdAt,
        disabled_at: r.disabledAt,
      });
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
      return resetMfa.run(sealed, JSON.stringify(hashes), id).changes > 0;
    },
  };
}

function operatorFromRow(r: OperatorRow): OperatorRecord {
  return {
    id: r.id,
    name: r.name,
    passwordHash: r.password_hash,
    sealedTotpSecret: r.sealed_totp_secret,
    totpLastStep: r.totp_last_step,
    recoveryHashes: JSON.parse(r.recovery_hashes) as string[],
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

export function sqliteAdminSessions(db: Database.Database): AdminSessionRepo {
  const insert = db.prepare<[string, string, number, number, number]>(
    'INSERT INTO admin_sessions (token_hash, operator_id, created_at, expires_at, verified_at) VALUES (?, ?, ?, ?, ?)',
  );
  const get = db.prepare<[string], SessionRow>('SELECT * FROM admin_sessions WHERE token_hash = ?');
  const stepUp = db.prepare<[number, string, number]>('UPDATE admin_sessions SET verified_at = ? WHERE token_hash = ? AND verified_at < ?');
  const del = db.prepare<[string]>('DELETE FROM admin_sessions WHERE token_hash = ?');
  const delFor = db.prepare<[string]>('DELETE FROM admin_sessions WHERE operator_id = ?');
  return {
    async insert(r: AdminSessionRecord) {
      insert.run(r.tokenHash, r.operatorId, r.createdAt, r.expiresAt, r.verifiedAt);
    },
    async get(hash) {
      const r = get.get(hash);
      return r && { tokenHash: r.token_hash, operatorId: r.operator_id, createdAt: r.created_at, expiresAt: r.expires_at, verifiedAt: r.verified_at };
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
