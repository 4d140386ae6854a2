/**
 * The keyring: one current master key (writes) plus earlier master keys (reads only, until
 * `portcullis keys rotate-master` has re-encrypted what they sealed). Nothing is encrypted with a
 * master key directly: each purpose (`store`, `vault`, ...) gets its own data key derived with
 * HKDF-SHA256 (RFC 5869), and every ciphertext names the data key that sealed it, so a record
 * sealed under an earlier master still opens while that master is on the keyring.
 *
 * Ciphertext `v2.<kid>.<iv>.<ciphertext>.<tag>` (base64url parts, AES-256-GCM, the caller's
 * record identity as associated data). `v1` values (the format before the keyring: the raw master
 * key, kid = its fingerprint) still open, so data written by earlier versions stays readable.
 */
import { createHash, hkdfSync } from 'node:crypto';
import type { SealingKey } from './seal.js';

export const MASTER_KEY_BYTES = 32;

export interface MasterKey {
  /** Fingerprint, safe to log: the first 8 base64url characters of SHA-256(key). */
  readonly id: string;
  readonly key: Buffer;
}

export function fingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

export function masterKey(key: Buffer): MasterKey {
  if (key.length !== MASTER_KEY_BYTES) throw new TypeError(`a master key is ${MASTER_KEY_BYTES} bytes`);
  return Object.freeze({ id: fingerprint(key), key });
}

/**
 * Why a key is too weak to protect data, or undefined. A random 32-byte key has ~31 distinct
 * byte values and no long runs; these checks catch placeholders ("0000…", "changeme" repeated,
 * sequences) and keys typed by hand, not a cleverly chosen weak key.
 */
export function weakness(key: Buffer): string | undefined {
  if (key.length !== MASTER_KEY_BYTES) return `must be ${MASTER_KEY_BYTES} bytes (got ${key.length})`;
  if (new Set(key).size < 16) return 'has too few distinct bytes to be random';
  let ascending = 0;
  for (let i = 1; i < key.length; i++) if (((key[i] as number) - (key[i - 1] as number) + 256) % 256 === 1) ascending++;
  if (ascending > key.length / 2) return 'is a byte sequence, not random';
  let printable = 0;
  for (const b of key) if (b >= 0x20 && b < 0x7f) printable++;
  // Random bytes are printable ASCII ~37% of the time; a typed passphrase is 100%.
  if (printable === key.length) return 'is printable text (a passphrase?), not 32 random bytes';
  return undefined;
}

/** Decodes a key written as base64 (44 characters) or hex (64). */
export function decodeKey(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(t)) throw new Error(`a master key is ${MASTER_KEY_BYTES} random bytes, base64- or hex-encoded`);
  return Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

export class Keyring {
  readonly current: MasterKey;
  /** Current first, then earlier masters (read only). */
  readonly masters: readonly MasterKey[];
  private readonly sealers = new Map<string, SealingKey>();

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    this.current = masterKey(current);
    const seen = new Set([this.current.id]);
    const masters = [this.current];
    for (const p of previous) {
      const m = masterKey(p);
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      masters.push(m);
    }
    this.masters = Object.freeze(masters);
  }

  /** The data key of `purpose` under the current master: for keyed hashes and the like. */
  dataKey(purpose: string): Buffer {
    return derive(this.current.key, purpose);
  }

  /**
   * Seals with the current master's data key of `purpose`; opens values of every master on the
   * keyring (and, for `store`, the pre-keyring `v1` values sealed with a raw master key).
   */
  sealer(purpose: string): SealingKey {
    let s = this.sealers.get(purpose);
    if (s) return s;
    const keys = new Map<string, Buffer>();
    let currentKey: Buffer | undefined;
    let currentId = '';
    for (const m of this.masters) {
      const k = derive(m.key, purpose);
      const kid = fingerprint(k);
      keys.set(kid, k);
      if (currentKey === undefined) {
        currentKey = k;
        currentId = kid;
      }
      if (purpose === 'store') keys.set(`v1:${m.id}`, m.key);
    }
    s = Object.freeze({ id: currentId, key: currentKey as Buffer, format: 'v2' as const, keys });
    this.sealers.set(purpose, s);
    return s;
  }

  /** True when `sealed` is under the current master's key of `purpose` (rotate-master skips it). */
  isCurrent(sealed: string, purpose: string): boolean {
    const parts = sealed.split('.');
    return parts[0] === 'v2' && parts[1] === this.sealer(purpose).id;
  }
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `portcullis/keyring/${purpose}/v1`, 32));
}

// Code that only has the master key Buffer (sealingKey(secrets.masterKey)) finds its keyring here,
// so every sealed value goes through the keyring without each call site changing.
const registry = new WeakMap<Buffer, Keyring>();

export function registerKeyring(keyring: Keyring): void {
  registry.set(keyring.current.key, keyring);
}

export function keyringOf(master: Buffer): Keyring | undefined {
  return registry.get(master);
}
