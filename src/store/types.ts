/**
 * The store interface. Every method is atomic on its own; there is deliberately no open-ended
 * `transaction(fn)`, because an async callback on the embedded SQLite connection would let other
 * requests' statements slip into the transaction. Operations that must change several rows
 * together (rotation, say) are single methods that each backend implements atomically.
 */

export interface ApiKeyRecord {
  /** Public, non-secret part of the key (shown in listings and logs). */
  readonly id: string;
  /** HMAC-SHA256(pepper, full key), hex. The key itself is never stored. */
  readonly hash: string;
  readonly name: string;
  readonly principalId: string;
  readonly principalKind: 'user' | 'service';
  readonly tenant: string;
  readonly roles: readonly string[];
  /** Public model names this key may use; empty means all. */
  readonly models: readonly string[];
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  readonly lastUsedAt: number | null;
}

export interface ApiKeyRepo {
  insert(record: ApiKeyRecord): Promise<void>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  list(): Promise<readonly ApiKeyRecord[]>;
  /** Returns false when no such key exists or it was already revoked. */
  revoke(id: string, at: number): Promise<boolean>;
  /** Records last use of many keys in one write. */
  touch(lastUsed: ReadonlyMap<string, number>): Promise<void>;
}

export interface SecretRepo {
  /** Stores an already-encrypted value (see crypto/keyring.ts); replaces an existing one. */
  put(name: string, sealed: string, at: number): Promise<void>;
  get(name: string): Promise<string | undefined>;
  list(): Promise<readonly string[]>;
  delete(name: string): Promise<boolean>;
}

export interface Store {
  readonly kind: 'sqlite';
  readonly apiKeys: ApiKeyRepo;
  readonly secrets: SecretRepo;
  /** Cheap liveness check for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
