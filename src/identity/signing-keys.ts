/**
 * The gateway's token-signing keys (RFC 7517 JWKs). The newest key signs; the previous one stays
 * published and accepted, so tokens issued just before a rotation keep verifying until they
 * expire. Private keys are stored sealed with the master key (crypto/seal.ts); public keys are
 * served at `/.well-known/jwks.json`. Other instances pick up a rotation on their next refresh.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { open, seal, type SealingKey } from '../crypto/seal.js';
import type { SigningKeyRecord, SigningKeyRepo } from '../store/types.js';

export type SigningAlg = 'EdDSA' | 'ES256';

interface LoadedKey {
  readonly kid: string;
  readonly alg: SigningAlg;
  readonly createdAt: number;
  readonly publicJwk: JWK;
  readonly publicKey: CryptoKey;
  /** Only the current key's private half is opened. */
  readonly privateKey?: CryptoKey;
}

export interface KeyringOptions {
  readonly repo: SigningKeyRepo;
  readonly sealing: SealingKey;
  readonly alg: SigningAlg;
  readonly rotationMs: number;
  readonly now?: () => number;
  /** How often the key list is re-read from the store (other instances may have rotated). */
  readonly refreshMs?: number;
}

/** Current + previous: a token signed just before a rotation still verifies. */
const KEEP = 2;

export class SigningKeyring {
  private keys: readonly LoadedKey[] = [];
  private loadedAt = -Infinity;
  private refreshing: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly refreshMs: number;

  constructor(private readonly options: KeyringOptions) {
    if (!(options.rotationMs > 0)) throw new TypeError('rotationMs must be positive');
    this.now = options.now ?? Date.now;
    this.refreshMs = options.refreshMs ?? 60_000;
  }

  /** Loads the keys, creating or rotating one when none exists or the current one is due. */
  async start(): Promise<void> {
    await this.load();
    await this.rotateIfDue();
  }

  /** Creates a new current key if the newest one is older than the rotation interval. */
  async rotateIfDue(): Promise<boolean> {
    const current = this.keys[0];
    if (current && this.now() - current.createdAt < this.options.rotationMs) return false;
    await this.rotate();
    return true;
  }

  /** Generates and stores a new signing key; the oldest beyond current + previous is dropped. */
  async rotate(): Promise<void> {
    const { alg } = this.options;
    const pair = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519', extractable: true } : { extractable: true });
    const kid = randomUUID();
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' };
    const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg };
    const record: SigningKeyRecord = {
      kid,
      alg,
      publicJwk: JSON.stringify(publicJwk),
      sealedPrivateJwk: seal(this.options.sealing, JSON.stringify(privateJwk), `signing-key:${kid}`),
      createdAt: this.now(),
    };
    await this.options.repo.rotate(record, KEEP);
    await this.load();
  }

  /** The key that signs new tokens. */
  async signingKey(): Promise<{ kid: string; alg: SigningAlg; key: CryptoKey }> {
    await this.refreshIfStale();
    const current = this.keys[0];
    if (!current?.privateKey) throw new Error('no signing key loaded');
    return { kid: current.kid, alg: current.alg, key: current.privateKey };
  }

  /** A verification key by `kid`; an unknown kid triggers one store re-read (rate-limited). */
  async verificationKey(kid: string): Promise<{ alg: SigningAlg; key: CryptoKey } | undefined> {
    await this.refreshIfStale();
    let found = this.keys.find((k) => k.kid === kid);
    if (!found && this.now() - this.loadedAt > 5_000) {
      await this.reload();
      found = this.keys.find((k) => k.kid === kid);
    }
    return found && { alg: found.alg, key: found.publicKey };
  }

  /** The public JWK Set (RFC 7517 §5). */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }

  private async refreshIfStale(): Promise<void> {
    if (this.now() - this.loadedAt > this.refreshMs) await this.reload();
  }

  private async reload(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    await this.refreshing;
  }

  private async load(): Promise<void> {
    const records = await this.options.repo.list();
    const loaded: LoadedKey[] = [];
    for (const [i, r] of records.slice(0, KEEP).entries()) {
      const publicJwk = JSON.parse(r.publicJwk) as JWK;
      const publicKey = (await importJWK(publicJwk, r.alg)) as CryptoKey;
      const privateKey = i === 0 ? ((await importJWK(JSON.parse(open(this.options.sealing, r.sealedPrivateJwk, `signing-key:${r.kid}`)) as JWK, r.alg)) as CryptoKey) : undefined;
      loaded.push({ kid: r.kid, alg: r.alg, createdAt: r.createdAt, publicJwk, publicKey, ...(privateKey ? { privateKey } : {}) });
    }
    this.keys = loaded;
    this.loadedAt = this.now();
  }
}
