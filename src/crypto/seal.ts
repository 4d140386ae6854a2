/**
 * AES-256-GCM sealing for values kept in the store (provider credentials, TOTP secrets, signing
 * keys, audit payloads) and in the tokenisation vault. A sealed value is
 * `v2.<kid>.<iv>.<ciphertext>.<tag>` (base64url); the caller's `context` (the record's identity:
 * a secret's name, `operator-totp:<id>`, ...) is bound as additional authenticated data, so a
 * sealed value copied to another row does not open. Keys come from the keyring (keyring.ts);
 * `v1` values (raw master key, written before the keyring existed) still open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Keyring, keyringOf } from './keyring.js';

export interface SealingKey {
  /** Key id written beside each value, to pick the key on open (never secret). */
  readonly id: string;
  readonly key: Buffer;
  /** `v2` (keyring data key); absent: the legacy `v1` raw-key format. */
  readonly format?: 'v2';
  /** Every key this sealer opens with, by kid (`v1:<id>` for legacy raw master keys). */
  readonly keys?: ReadonlyMap<string, Buffer>;
}

/**
 * The `store` sealer of a master key: its keyring's (with the earlier masters) when the server
 * secrets registered one, else a keyring of this key alone.
 */
export function sealingKey(key: Buffer): SealingKey {
  if (key.length !== 32) throw new TypeError('an AES-256 key is 32 bytes');
  return (keyringOf(key) ?? new Keyring(key)).sealer('store');
}

export function seal(key: SealingKey, plaintext: string, context: string): string {
  return sealBytes(key, Buffer.from(plaintext, 'utf8'), context);
}

export function sealBytes(key: SealingKey, plaintext: Buffer, context: string): string {
  const iv = randomIv();
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [key.format ?? 'v1', key.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** Throws when the value was sealed under a key not on the keyring, for another context, or was altered. */
export function open(key: SealingKey, sealed: string, context: string): string {
  return openBytes(key, sealed, context).toString('utf8');
}

export function openBytes(key: SealingKey, sealed: string, context: string): Buffer {
  const parts = sealed.split('.');
  if (parts.length !== 5 || (parts[0] !== 'v1' && parts[0] !== 'v2')) throw new Error('not a sealed value');
  const [version, keyId, iv, body, tag] = parts as [string, string, string, string, string];
  const k = keyFor(key, version, keyId);
  if (k === undefined) throw new Error(`sealed under key ${keyId}, not ${key.id}`);
  const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

function keyFor(key: SealingKey, version: string, keyId: string): Buffer | undefined {
  if (key.keys) return key.keys.get(version === 'v1' ? `v1:${keyId}` : keyId);
  return version === (key.format ?? 'v1') && keyId === key.id ? key.key : undefined;
}

// 96-bit random IVs: AES-GCM stays within its bounds for 2^32 messages per key (NIST SP 800-38D 8.3).
function randomIv(): Buffer {
  return randomBytes(12);
}
