/**
 * AES-256-GCM sealing for values kept in the store (provider credentials, for now). A sealed value
 * is `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url), and the caller's `context` (the secret's
 * name) is bound as additional authenticated data, so a sealed value copied to another row does
 * not open. The data-protection work adds envelope keys and rotation on top of this format.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SealingKey {
  /** Short fingerprint of the key, stored beside each value to pick the key on open. */
  readonly id: string;
  readonly key: Buffer;
}

export function sealingKey(key: Buffer): SealingKey {
  if (key.length !== 32) throw new TypeError('an AES-256 key is 32 bytes');
  return { id: createHash('sha256').update(key).digest('base64url').slice(0, 8), key };
}

export function seal(key: SealingKey, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', key.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** Throws when the value was sealed under another key, for another context, or was altered. */
export function open(key: SealingKey, sealed: string, context: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') throw new Error('not a sealed value');
  const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
  if (keyId !== key.id) throw new Error(`sealed under key ${keyId}, not ${key.id}`);
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
