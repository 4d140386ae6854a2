/**
 * Signed checkpoints. A checkpoint commits to the chain up to `seq` (which is also the number of
 * records ever written up to it, since `seq` has no gaps) and the hash of record `seq`. It is
 * signed with Ed25519 (RFC 8032) over the canonical JSON of
 *
 *   {hash, keyId, seq, ts, type: "portcullis.audit.checkpoint", v: 1}
 *
 * The private key is generated on first use and kept in the store sealed with the master key
 * (AES-256-GCM, crypto/seal.ts), under the secret name `audit-signing-key:<keyId>`; `keyId` is the
 * first 16 hex digits of SHA-256 over the public key (SPKI DER). An attacker who can write the
 * database but does not hold the master key can neither read the key nor plant one of their own:
 * a sealed value only opens under the master key and under its own name.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { open, seal, type SealingKey } from '../crypto/seal.js';
import type { SecretRepo } from '../store/types.js';
import { canonicalJson } from './canonical.js';

/** A stored checkpoint. */
export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
  /** Epoch milliseconds. */
  readonly ts: number;
  readonly keyId: string;
  /** base64url Ed25519 signature over `checkpointMessage`. */
  readonly signature: string;
}

export interface SigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

const SECRET_PREFIX = 'audit-signing-key:';

export function checkpointMessage(cp: Omit<AuditCheckpoint, 'signature'>): string {
  return canonicalJson({ hash: cp.hash, keyId: cp.keyId, seq: cp.seq, ts: cp.ts, type: 'portcullis.audit.checkpoint', v: 1 });
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signCheckpoint(key: SigningKey, head: { seq: number; hash: string }, ts: number): AuditCheckpoint {
  const unsigned = { seq: head.seq, hash: head.hash, ts, keyId: key.keyId };
  const signature = sign(null, Buffer.from(checkpointMessage(unsigned), 'utf8'), key.privateKey).toString('base64url');
  return { ...unsigned, signature };
}

/** True when `cp` carries a valid signature by `publicKey`. */
export function checkpointSignatureValid(cp: AuditCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(checkpointMessage(cp), 'utf8'), publicKey, Buffer.from(cp.signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * Every signing key in the store that opens under the master key, by key id. Entries that do
 * not open (planted or damaged) are skipped: they are exactly the keys that must not be trusted.
 */
export async function loadSigningKeys(secrets: SecretRepo, sealing: SealingKey): Promise<Map<string, SigningKey>> {
  const keys = new Map<string, SigningKey>();
  for (const name of await secrets.list()) {
    if (!name.startsWith(SECRET_PREFIX)) continue;
    const sealed = await secrets.get(name);
    if (sealed === undefined) continue;
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(open(sealing, sealed, name));
    } catch {
      continue;
    }
    const publicKey = createPublicKey(privateKey);
    const keyId = keyIdOf(publicKey);
    if (name !== SECRET_PREFIX + keyId) continue;
    keys.set(keyId, { keyId, privateKey, publicKey });
  }
  return keys;
}

/**
 * The key to sign with: the first stored key (by id), or a new one. Several instances starting
 * at once may each create one; all of them stay valid because verification trusts every key
 * that opens under the master key.
 */
export async function signingKey(secrets: SecretRepo, sealing: SealingKey, now: number): Promise<SigningKey> {
  const existing = await loadSigningKeys(secrets, sealing);
  const first = [...existing.keys()].sort()[0];
  if (first !== undefined) return existing.get(first) as SigningKey;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  const name = SECRET_PREFIX + keyId;
  await secrets.put(name, seal(sealing, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), name), now);
  return { keyId, privateKey, publicKey };
}

/** The public key as PEM, for auditors who verify without the master key (`audit verify --public-key`). */
export function publicKeyPem(key: SigningKey): string {
  return key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
}
