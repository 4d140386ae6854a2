/**
 * Every sealed (encrypted) column of the store, for `portcullis keys rotate-master`, which
 * re-encrypts values still under an earlier master key. Audit payloads are not here: they are
 * inside hash-chained records, so they stay under the key that sealed them (keep that master on
 * the keyring as a previous key while such records are retained).
 *
 * `replace` is compare-and-swap on the sealed value, so a value changed meanwhile (a secret set
 * again, an MFA reset) is never overwritten with the re-encryption of its older content.
 */
import type Database from 'better-sqlite3';

export const SEALED_KINDS = ['secret', 'signing-key', 'operator-totp'] as const;
export type SealedKind = (typeof SEALED_KINDS)[number];

export interface SealedValue {
  readonly id: string;
  readonly sealed: string;
}

export interface SealedRepo {
  list(kind: SealedKind): Promise<readonly SealedValue[]>;
  /** Stores `next` when the value is still `expected`; false when it changed or is gone. */
  replace(kind: SealedKind, id: string, expected: string, next: string): Promise<boolean>;
}

/** The associated data each kind was sealed with (the record's identity). */
export function sealedContext(kind: SealedKind, id: string): string {
  switch (kind) {
    case 'secret':
      return id;
    case 'signing-key':
      return `signing-key:${id}`;
    case 'operator-totp':
      return `operator-totp:${id}`;
  }
}

/** Table, key column and sealed column of each kind (constants, never user input). */
const COLUMNS: Record<SealedKind, readonly [table: string, id: string, sealed: string]> = {
  secret: ['secrets', 'name', 'sealed'],
  'signing-key': ['signing_keys', 'kid', 'sealed_private_jwk'],
  'operator-totp': ['operators', 'id', 'sealed_totp_secret'],
};

export function sqliteSealed(db: Database.Database): SealedRepo {
  const statements = new Map(
    SEALED_KINDS.map((kind) => {
      const [table, id, sealed] = COLUMNS[kind];
      return [
        kind,
        {
          list: db.prepare<[], SealedValue>(`SELECT ${id} AS id, ${sealed} AS sealed FROM ${table} ORDER BY ${id}`),
          replace: db.prepare<[string, string, string]>(`UPDATE ${table} SET ${sealed} = ? WHERE ${id} = ? AND ${sealed} = ?`),
        },
      ] as const;
    }),
  );
  const of = (kind: SealedKind) => {
    const s = statements.get(kind);
    if (!s) throw new TypeError(`unknown sealed kind ${String(kind)}`);
    return s;
  };
  return {
    async list(kind) {
      return of(kind).list.all();
    },
    async replace(kind, id, expected, next) {
      return of(kind).replace.run(next, id, expected).changes > 0;
    },
  };
}

type Query = (text: string, values?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }>;

export function postgresSealed(q: Query): SealedRepo {
  const columns = (kind: SealedKind) => {
    const c = COLUMNS[kind];
    if (!c) throw new TypeError(`unknown sealed kind ${String(kind)}`);
    return c;
  };
  return {
    async list(kind) {
      const [table, id, sealed] = columns(kind);
      return (await q(`SELECT ${id} AS id, ${sealed} AS sealed FROM ${table} ORDER BY ${id} COLLATE "C"`)).rows as SealedValue[];
    },
    async replace(kind, id, expected, next) {
      const [table, idCol, sealed] = columns(kind);
      return ((await q(`UPDATE ${table} SET ${sealed} = $1 WHERE ${idCol} = $2 AND ${sealed} = $3`, [next, id, expected])).rowCount ?? 0) > 0;
    },
  };
}
