/**
 * PostgreSQL store (`storage.url: postgres://…`), for several gateway instances sharing state.
 * Same interface, same migration ids as sqlite.ts (per-dialect SQL under each id). Every method
 * is one statement or one transaction on one pooled client, hence atomic. The store opens
 * synchronously like the SQLite one; the connection check and migrations run once, before the
 * first query, and their failure is reported by every call (and by `ping` for /readyz).
 *
 * `?schema=NAME` in the URL puts every table in that schema (created if missing).
 */
import { scanAudit } from './postgres-audit-scan.js';
import { keyChangeWatch } from './postgres-key-changes.js';
import { batchEntries } from './sqlite-audit-wire.js';
import pg from 'pg';
import { postgresSealed } from './sealed.js';
import { EMPTY_HEAD, linkEntries, type AuditOutcome, type AuditRow, type ChainHead } from '../audit/chain.js';
import type { AuditCheckpoint } from '../audit/signing.js';
import {
  API_KEY_COLUMNS,
  OPERATOR_COLUMNS,
  adminSessionFromRow,
  apiKeyFromRow,
  apiKeyToRow,
  decodeList,
  encodeList,
  insertSql,
  operatorFromRow,
  operatorToRow,
  positionalPlaceholder,
  rowValues,
  signingKeyFromRow,
  type AdminSessionRow,
  type ApiKeyRow,
  type OperatorRow,
  type SigningKeyRow,
} from './rows.js';
import type {
  AdminSessionRepo,
  ApiKeyRecord,
  ApiKeyRepo,
  AuditRepo,
  OperatorRepo,
  SecretRepo,
  SigningKeyRepo,
  Store,
} from './types.js';
import { POSTGRES_INCIDENT_MIGRATIONS, postgresIncidents } from './postgres-incidents.js';

const MIGRATIONS: readonly { readonly id: string; readonly sql: string }[] = [
  {
    id: '0001-api-keys-and-secrets',
    sql: `CREATE TABLE api_keys (
     id TEXT PRIMARY KEY, hash TEXT NOT NULL, name TEXT NOT NULL, principal_id TEXT NOT NULL,
     principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'service')), tenant TEXT NOT NULL,
     roles TEXT NOT NULL, models TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT,
     revoked_at BIGINT, last_used_at BIGINT);
   CREATE TABLE secrets (name TEXT PRIMARY KEY, sealed TEXT NOT NULL, updated_at BIGINT NOT NULL);`,
  },
  {
    id: '0100-identity-api-key-scopes',
    sql: `ALTER TABLE api_keys ADD COLUMN operations TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE api_keys ADD COLUMN cidrs TEXT NOT NULL DEFAULT '[]';`,
  },
  {
    id: '0101-identity-signing-keys',
    sql: `CREATE TABLE signing_keys (kid TEXT PRIMARY KEY, alg TEXT NOT NULL CHECK (alg IN ('EdDSA', 'ES256')),
     public_jwk TEXT NOT NULL, sealed_private_jwk TEXT NOT NULL, created_at BIGINT NOT NULL);`,
  },
  {
    id: '0102-identity-operators',
    sql: `CREATE TABLE operators (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
     sealed_totp_secret TEXT NOT NULL, totp_last_step BIGINT NOT NULL DEFAULT 0, recovery_hashes TEXT NOT NULL,
     created_at BIGINT NOT NULL, disabled_at BIGINT);
   CREATE TABLE admin_sessions (token_hash TEXT PRIMARY KEY, operator_id TEXT NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
     created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, verified_at BIGINT NOT NULL);
   CREATE INDEX admin_sessions_operator ON admin_sessions(operator_id);`,
  },
  {
    id: '0200-audit-log',
    sql: `CREATE TABLE audit_log (seq BIGINT PRIMARY KEY, ts BIGINT NOT NULL, request_id TEXT NOT NULL UNIQUE,
     principal TEXT, route TEXT, outcome TEXT NOT NULL, status INTEGER NOT NULL, prev TEXT NOT NULL,
     body_hash TEXT NOT NULL, hash TEXT NOT NULL, body TEXT);
   CREATE INDEX audit_log_ts ON audit_log(ts);
   CREATE INDEX audit_log_principal ON audit_log(principal, seq);
   CREATE INDEX audit_log_route ON audit_log(route, ts);
   CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
   INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${EMPTY_HEAD.hash}');
   CREATE TABLE audit_checkpoints (seq BIGINT PRIMARY KEY, hash TEXT NOT NULL, ts BIGINT NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL);`,
  },
  ...POSTGRES_INCIDENT_MIGRATIONS,
  {
    // Parity with sqlite.ts: a counter bumped by every write to api_keys, read by the key
    // cache's change mark (postgres-key-changes.ts).
    id: '0002-api-key-change-counter',
    sql: `CREATE TABLE api_key_changes (id INTEGER PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL);
   INSERT INTO api_key_changes (id, version) VALUES (1, 0);
   CREATE FUNCTION api_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN UPDATE api_key_changes SET version = version + 1 WHERE id = 1; RETURN NULL; END $$;
   CREATE TRIGGER api_keys_changed AFTER INSERT OR UPDATE OR DELETE ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION api_keys_changed();`,
  },
];

/** Serialises migrations across instances starting at once (any constant; "pcmg" in ASCII). */
const MIGRATION_LOCK = 0x70636d67;

/** BIGINT columns hold epoch milliseconds and sequence numbers, all far below 2^53. */
const parseInt8 = (value: string): number => Number(value);
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown => (oid === 20 ? parseInt8 : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format))) as pg.CustomTypesConfig['getTypeParser'],
};

type Queryable = pg.Pool | pg.PoolClient;

export function openPostgresStore(url: string): Store {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('storage.url: schema must be a lower-case SQL identifier');
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    types,
    max: 10,
    connectionTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client that dies (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  let ready: Promise<void> | undefined;
  const init = (): Promise<void> => {
    ready ??= migrate(pool, schema).catch((err: unknown) => {
      ready = undefined;
      throw err;
    });
    return ready;
  };
  const q = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> => {
    await init();
    return pool.query<R>(text, values);
  };
  const tx = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    await init();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };

  const keyChanges = keyChangeWatch((text) => q<{ version: number }>(text));
  const apiKeys: ApiKeyRepo = {
    async insert(r) {
      await init();
      await insertKey(pool, r);
      keyChanges.bump();
    },
    async get(id) {
      const { rows } = await q<ApiKeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]);
      return rows[0] && apiKeyFromRow(rows[0]);
    },
    async list() {
      return (await q<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).rows.map(apiKeyFromRow);
    },
    async revoke(id, at) {
      const revoked = ((await q('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])).rowCount ?? 0) > 0;
      keyChanges.bump();
      return revoked;
    },
    async touch(lastUsed) {
      if (lastUsed.size === 0) return;
      await q(
        `UPDATE api_keys k SET last_used_at = u.at FROM unnest($1::text[], $2::bigint[]) AS u(id, at)
         WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)`,
        [[...lastUsed.keys()], [...lastUsed.values()]],
      );
    },
    async rotate(oldId, next, oldExpiresAt, at) {
      // Rolling back is how "false, inserting nothing" is kept when the old key is not active.
      try {
        const rotated = await tx(async (c) => {
          const shortened = await c.query(
            'UPDATE api_keys SET expires_at = LEAST(COALESCE(expires_at, $1), $1) WHERE id = $2 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $3)',
            [oldExpiresAt, oldId, at],
          );
          if ((shortened.rowCount ?? 0) === 0) throw NOT_ACTIVE;
          await insertKey(c, next);
          return true;
        });
        keyChanges.bump();
        return rotated;
      } catch (err) {
        if (err === NOT_ACTIVE) return false;
        throw err;
      }
    },
    changeMark: () => keyChanges.mark(),
  };

  const secrets: SecretRepo = {
    async put(name, sealed, at) {
      await q('INSERT INTO secrets (name, sealed, updated_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at', [name, sealed, at]);
    },
    async get(name) {
      return (await q<{ sealed: string }>('SELECT sealed FROM secrets WHERE name = $1', [name])).rows[0]?.sealed;
    },
    async list() {
      return (await q<{ name: string }>('SELECT name FROM secrets ORDER BY name COLLATE "C"')).rows.map((r) => r.name);
    },
    async delete(name) {
      return ((await q('DELETE FROM secrets WHERE name = $1', [name])).rowCount ?? 0) > 0;
    },
  };

  const signingKeys: SigningKeyRepo = {
    async list() {
      return (await q<SigningKeyRow>('SELECT * FROM signing_keys ORDER BY created_at DESC, kid DESC')).rows.map(signingKeyFromRow);
    },
    async rotate(next, keep) {
      await tx(async (c) => {
        await c.query('INSERT INTO signing_keys (kid, alg, public_jwk, sealed_private_jwk, created_at) VALUES ($1, $2, $3, $4, $5)', [next.kid, next.alg, next.publicJwk, next.sealedPrivateJwk, next.createdAt]);
        await c.query('DELETE FROM signing_keys WHERE kid NOT IN (SELECT kid FROM signing_keys ORDER BY created_at DESC, kid DESC LIMIT $1)', [Math.max(1, keep)]);
      });
    },
  };

  const operators: OperatorRepo = {
    async insert(r) {
      await q(INSERT_OPERATOR, rowValues(operatorToRow(r), OPERATOR_COLUMNS));
    },
    async getByName(name) {
      const row = (await q<OperatorRow>('SELECT * FROM operators WHERE name = $1', [name])).rows[0];
      return row && operatorFromRow(row);
    },
    async get(id) {
      const row = (await q<OperatorRow>('SELECT * FROM operators WHERE id = $1', [id])).rows[0];
      return row && operatorFromRow(row);
    },
    async list() {
      return (await q<OperatorRow>('SELECT * FROM operators ORDER BY created_at, name')).rows.map(operatorFromRow);
    },
    async useTotpStep(id, step) {
      return ((await q('UPDATE operators SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1', [step, id])).rowCount ?? 0) > 0;
    },
    async useRecoveryCode(id, hash) {
      return tx(async (c) => {
        const row = (await c.query<{ recovery_hashes: string }>('SELECT recovery_hashes FROM operators WHERE id = $1 FOR UPDATE', [id])).rows[0];
        if (!row) return false;
        const hashes = decodeList(row.recovery_hashes);
        const i = hashes.indexOf(hash);
        if (i === -1) return false;
        hashes.splice(i, 1);
        await c.query('UPDATE operators SET recovery_hashes = $1 WHERE id = $2', [encodeList(hashes), id]);
        return true;
      });
    },
    async setDisabled(id, at) {
      return ((await q('UPDATE operators SET disabled_at = $1 WHERE id = $2', [at, id])).rowCount ?? 0) > 0;
    },
    async resetMfa(id, sealed, hashes) {
      return ((await q('UPDATE operators SET sealed_totp_secret = $1, recovery_hashes = $2, totp_last_step = 0 WHERE id = $3', [sealed, encodeList(hashes), id])).rowCount ?? 0) > 0;
    },
  };

  const adminSessions: AdminSessionRepo = {
    async insert(r) {
      await q('INSERT INTO admin_sessions (token_hash, operator_id, created_at, expires_at, verified_at) VALUES ($1, $2, $3, $4, $5)', [r.tokenHash, r.operatorId, r.createdAt, r.expiresAt, r.verifiedAt]);
    },
    async get(hash) {
      const r = (await q<AdminSessionRow>('SELECT * FROM admin_sessions WHERE token_hash = $1', [hash])).rows[0];
      return r && adminSessionFromRow(r);
    },
    async stepUp(hash, at) {
      return ((await q('UPDATE admin_sessions SET verified_at = $1 WHERE token_hash = $2 AND verified_at < $1', [at, hash])).rowCount ?? 0) > 0;
    },
    async delete(hash) {
      return ((await q('DELETE FROM admin_sessions WHERE token_hash = $1', [hash])).rowCount ?? 0) > 0;
    },
    async deleteForOperator(id) {
      return (await q('DELETE FROM admin_sessions WHERE operator_id = $1', [id])).rowCount ?? 0;
    },
  };

  const audit: AuditRepo = {
    storeBatch: POSTGRES_STORE_BATCH,
    append(batch) {
      const entries = batchEntries(batch);
      if (entries.length === 0) return this.head();
      // COMMIT returns once the WAL is flushed (synchronous_commit = on, the default): durable.
      return tx(async (c) => {
        const head = (await c.query<ChainHead>('SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE')).rows[0] ?? EMPTY_HEAD;
        const known = new Set((await c.query<{ request_id: string }>('SELECT request_id FROM audit_log WHERE request_id = ANY($1::text[])', [entries.map((e) => e.requestId)])).rows.map((r) => r.request_id));
        const fresh = known.size === 0 ? entries : entries.filter((e) => !known.has(e.requestId));
        if (fresh.length === 0) return head;
        const rows = linkEntries(head, fresh);
        await c.query(
          `INSERT INTO audit_log (seq, ts, request_id, principal, route, outcome, status, prev, body_hash, hash, body)
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])`,
          [
            rows.map((r) => r.seq),
            rows.map((r) => r.ts),
            rows.map((r) => r.requestId),
            rows.map((r) => r.principal),
            rows.map((r) => r.route),
            rows.map((r) => r.outcome),
            rows.map((r) => r.status),
            rows.map((r) => r.prev),
            rows.map((r) => r.bodyHash),
            rows.map((r) => r.hash),
            rows.map((r) => r.body),
          ],
        );
        const last = rows[rows.length - 1] as AuditRow;
        await c.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [last.seq, last.hash]);
        return { seq: last.seq, hash: last.hash };
      });
    },
    async head() {
      return (await q<ChainHead>('SELECT seq, hash FROM audit_head WHERE id = 1')).rows[0] ?? EMPTY_HEAD;
    },
    async page(afterSeq, limit, toSeq) {
      await init();
      const text =
        toSeq === undefined
          ? `SELECT ${COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`
          : `SELECT ${COLUMNS} FROM audit_log WHERE seq > $1 AND seq <= $3 ORDER BY seq LIMIT $2`;
      // Array rows: the verifier reads every record, and skipping named rows is measurably faster.
      const { rows } = await pool.query<RawRow>({ text, values: toSeq === undefined ? [afterSeq, limit] : [afterSeq, limit, toSeq], rowMode: 'array' });
      return rows.map(fromRaw);
    },
    scan: (afterSeq, toSeq, batch) => scanAudit(pool, init, afterSeq, toSeq, batch),
    async bounds() {
      const b = (await q<{ first: number | null; last: number | null }>('SELECT MIN(seq) AS first, MAX(seq) AS last FROM audit_log')).rows[0];
      return b && b.first !== null && b.last !== null ? { first: b.first, last: b.last } : null;
    },
    async putCheckpoint(cp: AuditCheckpoint) {
      await q('INSERT INTO audit_checkpoints (seq, hash, ts, key_id, signature) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (seq) DO NOTHING', [cp.seq, cp.hash, cp.ts, cp.keyId, cp.signature]);
    },
    async checkpoints() {
      const { rows } = await q<{ seq: number; hash: string; ts: number; key_id: string; signature: string }>('SELECT * FROM audit_checkpoints ORDER BY seq');
      return rows.map((r) => ({ seq: r.seq, hash: r.hash, ts: r.ts, keyId: r.key_id, signature: r.signature }));
    },
    async expireBodies(route, beforeTs) {
      const res =
        route === null
          ? await q('UPDATE audit_log SET body = NULL WHERE route IS NULL AND ts < $1 AND body IS NOT NULL', [beforeTs])
          : await q('UPDATE audit_log SET body = NULL WHERE route = $1 AND ts < $2 AND body IS NOT NULL', [route, beforeTs]);
      return res.rowCount ?? 0;
    },
    async deletePrefix(uptoSeq) {
      return tx(async (c) => {
        if ((await c.query('SELECT 1 FROM audit_checkpoints WHERE seq = $1', [uptoSeq])).rowCount === 0) {
          throw new Error(`no checkpoint at seq ${uptoSeq}; refusing to delete records it would have to cover`);
        }
        return (await c.query('DELETE FROM audit_log WHERE seq <= $1', [uptoSeq])).rowCount ?? 0;
      });
    },
    async query(f) {
      await init();
      const where: string[] = [];
      const values: unknown[] = [];
      const add = (sql: (n: string) => string, value: unknown): void => {
        if (value === undefined) return;
        values.push(value);
        where.push(sql(`$${values.length}`));
      };
      add((n) => `principal = ${n}`, f.principal);
      add((n) => `route = ${n}`, f.route);
      add((n) => `outcome = ${n}`, f.outcome);
      add((n) => `(body::jsonb ->> 'code') = ${n}`, f.code);
      add((n) => `ts >= ${n}`, f.fromTs);
      add((n) => `ts < ${n}`, f.toTs);
      add((n) => `seq < ${n}`, f.beforeSeq);
      values.push(f.limit);
      const text = `SELECT ${COLUMNS} FROM audit_log${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${values.length}`;
      const { rows } = await pool.query<RawRow>({ text, values, rowMode: 'array' });
      return rows.map(fromRaw);
    },
  };

  return {
    kind: 'postgres',
    apiKeys,
    secrets,
    signingKeys,
    operators,
    adminSessions,
    incidents: postgresIncidents(q),
    sealed: postgresSealed(q),
    audit,
    async ping() {
      await q('SELECT 1');
    },
    async close() {
      keyChanges.stop();
      await pool.end();
    },
  };
}

const NOT_ACTIVE = new Error('the old key is not active');
/**
 * Audit records per PostgreSQL transaction. The records go as 11 array parameters, which pg
 * serialises into one text literal per array (every quote of a JSON body escaped): at the
 * journal's default of 500 records per transaction those megabyte strings cost the gateway
 * ×1.24–1.26 of the CPU per request of the pre-journal build, at 48 ×0.98 (docs/audit.md,
 * session 8, `compare.js ... dist@postgres`).
 */
const POSTGRES_STORE_BATCH = 48;
const INSERT_KEY = insertSql('api_keys', API_KEY_COLUMNS, positionalPlaceholder);
const INSERT_OPERATOR = insertSql('operators', OPERATOR_COLUMNS, positionalPlaceholder);

async function migrate(pool: pg.Pool, schema: string | null): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const applied = new Set((await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
      const known = new Set(MIGRATIONS.map((m) => m.id));
      const unknown = [...applied].filter((id) => !known.has(id));
      if (unknown.length > 0) throw new Error(`the database has migrations this build does not know (${unknown.join(', ')}); it was written by a newer version`);
      for (const m of MIGRATIONS) {
        if (applied.has(m.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [m.id, Date.now()]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

async function insertKey(c: Queryable, r: ApiKeyRecord): Promise<void> {
  await c.query(INSERT_KEY, rowValues(apiKeyToRow(r), API_KEY_COLUMNS));
}

const COLUMNS = 'seq, ts, request_id, principal, route, outcome, status, prev, body_hash, hash, body';
type RawRow = [number, number, string, string | null, string | null, AuditOutcome, number, string, string, string, string | null];

function fromRaw(r: RawRow): AuditRow {
  return { seq: r[0], ts: r[1], requestId: r[2], principal: r[3], route: r[4], outcome: r[5], status: r[6], prev: r[7], bodyHash: r[8], hash: r[9], body: r[10] };
}
