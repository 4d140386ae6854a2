/**
 * Portcullis API keys: `pc_live_` + 34 random base62 characters + a 6-character base62 CRC-32 of
 * everything before it. The prefix and checksum let secret scanners (ours included) recognise a
 * key and reject a mistyped one without a lookup. The first 12 random characters are the key's
 * public id; only HMAC-SHA256(pepper, key) is stored, and hashes are compared in constant time.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ApiKeyRecord, ApiKeyRepo } from '../store/types.js';
import { checkCidrs, checkOperations } from './scopes.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 34;
const CHECK_LENGTH = 6;
const ID_LENGTH = 12;
const KEY_PATTERN = /^pc_(?:live|test)_[0-9A-Za-z]{40}$/;

export type KeyEnvironment = 'live' | 'test';

function base62(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = ALPHABET[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

function checksum(body: string): string {
  return base62(crc32(body), CHECK_LENGTH);
}

/** A new random key; show it once, store only `hashApiKey(key)`. */
export function generateApiKey(environment: KeyEnvironment = 'live'): { key: string; id: string } {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[randomInt(62)];
  return { key: withChecksum(`pc_${environment}_${random}`), id: random.slice(0, ID_LENGTH) };
}

/** A key's prefix and random part with its checksum appended: the key. Exported for tests that need a well-formed key with a chosen id. */
export function withChecksum(body: string): string {
  return body + checksum(body);
}

/** Where the random part (and so the public id) starts: after `pc_live_` or `pc_test_`. */
const RANDOM_START = 8;

/**
 * The public id of a key of the right shape, without checking its checksum: enough to find the
 * key's record or cache entry, which the full key must then match. Undefined for any other string.
 */
export function apiKeyIdOf(key: string): string | undefined {
  return KEY_PATTERN.test(key) ? key.slice(RANDOM_START, RANDOM_START + ID_LENGTH) : undefined;
}

/** The public id of a well-formed key with a valid checksum, or undefined. */
export function parseApiKey(key: string): { id: string } | undefined {
  const id = apiKeyIdOf(key);
  if (id === undefined) return undefined;
  const body = key.slice(0, key.length - CHECK_LENGTH);
  if (checksum(body) !== key.slice(key.length - CHECK_LENGTH)) return undefined;
  return { id };
}

export function hashApiKey(pepper: Buffer, key: string): string {
  return createHmac('sha256', pepper).update(key, 'utf8').digest('hex');
}

export type KeyCheck =
  | { readonly ok: true; readonly record: ApiKeyRecord }
  | { readonly ok: false; readonly reason: 'malformed' | 'unknown' | 'mismatch' | 'revoked' | 'expired' };

/**
 * Checks a presented key against the store. The reason is for logs and audit only: the client
 * gets the same answer whether the key exists or not.
 */
export async function verifyApiKey(repo: ApiKeyRepo, pepper: Buffer, key: string, now: number): Promise<KeyCheck> {
  const parsed = parseApiKey(key);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const record = await repo.get(parsed.id);
  const presented = Buffer.from(hashApiKey(pepper, key), 'hex');
  if (!record) return { ok: false, reason: 'unknown' };
  const stored = Buffer.from(record.hash, 'hex');
  if (stored.length !== presented.length || !timingSafeEqual(stored, presented)) return { ok: false, reason: 'mismatch' };
  return usable(record, now);
}

export interface KeyVerifierOptions {
  /**
   * How long a verified key may be reused without asking the store, when the store cannot say
   * whether keys changed (no `changeMark`, e.g. PostgreSQL shared by several instances): the bound
   * on how late a revocation made elsewhere takes effect. Default 500 ms.
   */
  readonly ttlMs?: number;
  /** Verified keys remembered at most; beyond it the oldest is forgotten. Default 10,000. */
  readonly maxEntries?: number;
  /** A monotonic clock in milliseconds for the TTL (default `performance.now`). */
  readonly clock?: () => number;
}

interface VerifiedKey {
  /** The very key that verified: a hit needs the presented key to equal it. */
  readonly key: string;
  readonly record: ApiKeyRecord;
  readonly mark: number | undefined;
  readonly checkedAt: number;
}

/**
 * {@link verifyApiKey} with a cache of keys that verified, so a busy key costs neither a store
 * lookup nor an HMAC on every request. A cached key is reused only while the store's
 * `changeMark` is unchanged (SQLite: any key write, here or in another process, clears the way at
 * once) and for at most `ttlMs`; revocation and expiry are still checked against `now` on every
 * call. Failures are never cached.
 *
 * The cache is keyed by the key's public id and holds the full key that verified; a hit needs the
 * presented key to equal it, compared in constant time. Hashing the presented key instead (so the
 * cache held no secret) cost a SHA-256 per request; the process holds every presented key in
 * memory anyway while it handles the request, and an entry lives no longer than the cache.
 * A presented key that differs from the cached one with the same id (a guess, or the old secret
 * of a key) is checked against the store as if nothing were cached, and leaves the entry alone.
 */
export function createKeyVerifier(repo: ApiKeyRepo, pepper: Buffer, options: KeyVerifierOptions = {}): (key: string, now: number) => KeyCheck | Promise<KeyCheck> {
  const ttlMs = options.ttlMs ?? 500;
  const maxEntries = options.maxEntries ?? 10_000;
  const clock = options.clock ?? (() => performance.now());
  if (!(ttlMs >= 0 && ttlMs <= 1_000)) throw new TypeError('the key cache TTL must be between 0 and 1000 ms');
  if (!(Number.isInteger(maxEntries) && maxEntries > 0)) throw new TypeError('maxEntries must be a positive integer');
  const verified = new Map<string, VerifiedKey>();

  async function lookUp(key: string, mark: number | undefined, at: number, now: number): Promise<KeyCheck> {
    const check = await verifyApiKey(repo, pepper, key, now);
    if (check.ok) {
      const id = check.record.id;
      // Map iteration is in insertion order: the first key is the oldest entry.
      if (!verified.delete(id) && verified.size >= maxEntries) verified.delete(verified.keys().next().value as string);
      verified.set(id, { key, record: check.record, mark, checkedAt: at });
    }
    return check;
  }

  // Synchronous on a hit, so the caller need not wait for anything.
  return function verifyCachedApiKey(key: string, now: number): KeyCheck | Promise<KeyCheck> {
    const mark = repo.changeMark?.();
    const at = clock();
    const id = apiKeyIdOf(key);
    const hit = id === undefined ? undefined : verified.get(id);
    if (hit !== undefined && sameKey(hit.key, key)) {
      if (hit.mark === mark && at - hit.checkedAt < ttlMs) return usable(hit.record, now);
      verified.delete(id as string);
    }
    return lookUp(key, mark, at, now);
  };
}

/**
 * Constant-time equality of two keys: the time depends on the length only, never on where they
 * differ. Keys of the right shape all have the same length; `timingSafeEqual` would first need
 * both copied into buffers, on every request.
 */
function sameKey(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function usable(record: ApiKeyRecord, now: number): KeyCheck {
  if (record.revokedAt !== null && record.revokedAt <= now) return { ok: false, reason: 'revoked' };
  if (record.expiresAt !== null && record.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, record };
}

export interface NewKeyOptions {
  readonly name: string;
  readonly principalId?: string;
  readonly principalKind?: 'user' | 'service';
  readonly tenant?: string;
  readonly roles?: readonly string[];
  readonly models?: readonly string[];
  readonly expiresAt?: number | null;
  readonly environment?: KeyEnvironment;
  /** Operations the key may call (see scopes.ts); empty means all. */
  readonly operations?: readonly string[];
  /** Source networks the key may be used from; empty means any. */
  readonly cidrs?: readonly string[];
}

/** Creates and stores a key; returns the only copy of the secret. */
export async function createApiKey(repo: ApiKeyRepo, pepper: Buffer, options: NewKeyOptions, now: number): Promise<{ key: string; record: ApiKeyRecord }> {
  const { key, record } = newKeyRecord(pepper, options, now);
  await repo.insert(record);
  return { key, record };
}

function newKeyRecord(pepper: Buffer, options: NewKeyOptions, now: number): { key: string; record: ApiKeyRecord } {
  const operations = checkOperations(options.operations ?? []);
  const cidrs = checkCidrs(options.cidrs ?? []);
  const { key, id } = generateApiKey(options.environment);
  const record: ApiKeyRecord = {
    id,
    hash: hashApiKey(pepper, key),
    name: options.name,
    principalId: options.principalId ?? `key:${id}`,
    principalKind: options.principalKind ?? 'service',
    tenant: options.tenant ?? 'default',
    roles: options.roles ?? ['app'],
    models: options.models ?? [],
    createdAt: now,
    expiresAt: options.expiresAt ?? null,
    revokedAt: null,
    lastUsedAt: null,
    operations,
    cidrs,
  };
  return { key, record };
}

/**
 * Rotation with an overlap window: a new key with the same principal and scopes, while the old
 * one keeps working until `now + overlapMs` (never later than it would have anyway), so callers
 * can roll the secret out without an outage. Returns undefined when the old key is not active.
 */
export async function rotateApiKey(
  repo: ApiKeyRepo,
  pepper: Buffer,
  oldId: string,
  overlapMs: number,
  now: number,
  changes: { readonly expiresAt?: number | null } = {},
): Promise<{ key: string; record: ApiKeyRecord; oldExpiresAt: number } | undefined> {
  if (!(overlapMs >= 0)) throw new TypeError('the overlap must be zero or more milliseconds');
  const old = await repo.get(oldId);
  if (!old) return undefined;
  const { key, record } = newKeyRecord(
    pepper,
    {
      name: old.name,
      principalId: old.principalId,
      principalKind: old.principalKind,
      tenant: old.tenant,
      roles: old.roles,
      models: old.models,
      operations: old.operations,
      cidrs: old.cidrs,
      expiresAt: changes.expiresAt !== undefined ? changes.expiresAt : old.expiresAt,
      environment: 'live',
    },
    now,
  );
  const oldExpiresAt = Math.min(now + overlapMs, old.expiresAt ?? Number.MAX_SAFE_INTEGER);
  if (!(await repo.rotate(oldId, record, oldExpiresAt, now))) return undefined;
  return { key, record, oldExpiresAt };
}
