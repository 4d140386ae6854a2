/**
 * DPoP proof verification (RFC 9449). A proof is a JWT signed by the client's own key, carried in
 * the `DPoP` header, with `typ: dpop+jwt` and the public key in its `jwk` header. It must name this
 * request's method (`htm`) and URL without query or fragment (`htu`), be fresh (`iat`), carry a
 * unique `jti` (replays refused), and, when presented with an access token, its hash (`ath`).
 * The key's RFC 7638 thumbprint is what a bound token's `cnf.jkt` names.
 */
import { constants, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { ReplayCache } from './replay.js';

/** Asymmetric only (RFC 9449 §4.2: no MAC algorithms, never `none`). */
export const DPOP_ALGORITHMS = ['ES256', 'ES384', 'EdDSA', 'RS256', 'PS256'] as const;

export interface DpopCheckOptions {
  readonly method: string;
  /** The request URL as the client addressed it, without query and fragment. */
  readonly url: string;
  /** The access token the proof accompanies, when there is one (`ath`). */
  readonly accessToken?: string;
  /** accessTokenHash(accessToken) when the caller has it already (it hashes the token anyway). */
  readonly accessTokenHash?: string;
  readonly now: number;
  readonly maxAgeSec: number;
  readonly clockSkewSec: number;
  readonly maxBytes: number;
  readonly replay: ReplayCache;
}

export type DpopCheck = { readonly ok: true; readonly jkt: string } | { readonly ok: false; readonly reason: string };

/** SHA-256 of the token, base64url: the `ath` claim (RFC 9449 §4.2). */
export function accessTokenHash(token: string): string {
  return createHash('sha256').update(token, 'ascii').digest('base64url');
}

/** Compares URLs as RFC 9449 §4.3 asks: scheme and host case-insensitive, no query or fragment. */
export function normalizeHtu(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return undefined;
  }
}

/**
 * Per request the work is one signature check (node:crypto, synchronous: WebCrypto's verify hops
 * to the libuv thread pool, which costs more than the P-256 arithmetic itself and queues behind
 * any other pool work), one base64url + JSON.parse of the payload, and the replay lookup.
 * Everything about the key is done once per distinct protected header: clients reuse one key, so
 * the header segment repeats byte for byte across their proofs and is the cache key. On a miss
 * the header is decoded and checked (typ, alg allow-list, no crit, a public JWK whose type fits
 * the alg), the key imported and its RFC 7638 thumbprint computed.
 */
interface ProofKey {
  readonly alg: DpopAlgorithm;
  readonly key: KeyObject;
  readonly jkt: string;
  /** Digest for crypto.verify (null: EdDSA hashes internally). */
  readonly digest: string | null;
  /** The exact signature length for ECDSA (IEEE P1363 r||s); undefined for RSA and EdDSA. */
  readonly signatureBytes?: number;
}

type DpopAlgorithm = (typeof DPOP_ALGORITHMS)[number];
type HeaderCheck = { readonly ok: true; readonly key: ProofKey } | { readonly ok: false; readonly reason: string };

const keyCache = new Map<string, ProofKey>();
const KEY_CACHE_MAX = 10_000;
const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const ALGORITHMS: ReadonlySet<string> = new Set(DPOP_ALGORITHMS);
const MIN_RSA_BITS = 2048;

/** Decodes and checks a protected header never seen before; the key it carries, ready to verify. */
async function importHeader(segment: string): Promise<HeaderCheck> {
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'dpop-malformed' };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return { ok: false, reason: 'dpop-malformed' };
  const h = header as Record<string, unknown>;
  // RFC 7515 §4.1.9: a media type, compared case-insensitively, `application/` optional.
  if (typeof h.typ !== 'string' || h.typ.toLowerCase().replace(/^application\//, '') !== 'dpop+jwt') return { ok: false, reason: 'dpop-typ' };
  if (typeof h.alg !== 'string' || !ALGORITHMS.has(h.alg)) return { ok: false, reason: 'dpop-alg' };
  // No extension is understood, so any critical one makes the proof unusable (RFC 7515 §4.1.11).
  if ('crit' in h || 'b64' in h) return { ok: false, reason: 'dpop-crit' };
  const jwk = h.jwk;
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return { ok: false, reason: 'dpop-bad-jwk' };
  const j = jwk as Record<string, unknown>;
  // A private key in the header (RFC 9449 §4.2: the public key only); createPublicKey would
  // otherwise quietly derive the public half from it.
  if ('d' in j || 'p' in j || 'k' in j) return { ok: false, reason: 'dpop-bad-jwk' };
  const alg = h.alg as DpopAlgorithm;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: j, format: 'jwk' });
  } catch {
    return { ok: false, reason: 'dpop-bad-jwk' };
  }
  const fits = keyFitsAlg(alg, j, key);
  if (!fits) return { ok: false, reason: 'dpop-bad-jwk' };
  let jkt: string;
  try {
    jkt = await calculateJwkThumbprint(j, 'sha256');
  } catch {
    return { ok: false, reason: 'dpop-bad-jwk' };
  }
  return { ok: true, key: { alg, key, jkt, ...fits } };
}

function keyFitsAlg(alg: DpopAlgorithm, jwk: Record<string, unknown>, key: KeyObject): { digest: string | null; signatureBytes?: number } | undefined {
  switch (alg) {
    case 'ES256':
      return jwk.kty === 'EC' && jwk.crv === 'P-256' ? { digest: 'sha256', signatureBytes: 64 } : undefined;
    case 'ES384':
      return jwk.kty === 'EC' && jwk.crv === 'P-384' ? { digest: 'sha384', signatureBytes: 96 } : undefined;
    case 'EdDSA':
      return jwk.kty === 'OKP' && jwk.crv === 'Ed25519' ? { digest: null } : undefined;
    case 'RS256':
    case 'PS256':
      return jwk.kty === 'RSA' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS ? { digest: 'sha256' } : undefined;
  }
}

function signatureValid(k: ProofKey, signingInput: Buffer, signature: Buffer): boolean {
  if (k.signatureBytes !== undefined) {
    if (signature.length !== k.signatureBytes) return false;
    return verify(k.digest, signingInput, { key: k.key, dsaEncoding: 'ieee-p1363' }, signature);
  }
  if (k.alg === 'PS256') return verify(k.digest, signingInput, { key: k.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, signature);
  return verify(k.digest, signingInput, k.key, signature);
}

/** normalizeHtu of the URLs requests arrive on; few distinct ones, so parsed once each. */
const htuCache = new Map<string, string | undefined>();
function normalizedHtu(url: string): string | undefined {
  if (htuCache.has(url)) return htuCache.get(url);
  const normalized = normalizeHtu(url);
  // The Host header is the client's, so the set is bounded; a clear only costs re-parsing.
  if (htuCache.size >= 1_000) htuCache.clear();
  htuCache.set(url, normalized);
  return normalized;
}

export async function verifyDpopProof(proof: string | string[] | undefined, options: DpopCheckOptions): Promise<DpopCheck> {
  if (proof === undefined) return { ok: false, reason: 'dpop-missing' };
  // Exactly one proof per request (RFC 9449 §4.3 check 1).
  if (Array.isArray(proof) || proof.includes(',')) return { ok: false, reason: 'dpop-multiple' };
  if (proof.length > options.maxBytes) return { ok: false, reason: 'dpop-oversized' };
  // Three non-empty base64url segments: no `alg: none` (empty signature), nothing Buffer's
  // lenient base64 decoder would skip over.
  if (!COMPACT.test(proof)) return { ok: false, reason: 'dpop-malformed' };
  const firstDot = proof.indexOf('.');
  const secondDot = proof.indexOf('.', firstDot + 1);
  const headerSegment = proof.slice(0, firstDot);
  let k = keyCache.get(headerSegment);
  if (!k) {
    const imported = await importHeader(headerSegment);
    if (!imported.ok) return imported;
    k = imported.key;
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    keyCache.set(headerSegment, k);
  }
  let valid: boolean;
  try {
    valid = signatureValid(k, Buffer.from(proof.slice(0, secondDot), 'latin1'), Buffer.from(proof.slice(secondDot + 1), 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'dpop-bad-signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(proof.slice(firstDot + 1, secondDot), 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'dpop-malformed' };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, reason: 'dpop-malformed' };
  const claims = payload as Record<string, unknown>;
  const { jti, htm, htu, iat } = claims;
  if (typeof jti !== 'string' || jti.length < 8 || jti.length > 256) return { ok: false, reason: 'dpop-bad-jti' };
  if (typeof iat !== 'number' || !Number.isFinite(iat)) return { ok: false, reason: 'dpop-bad-iat' };
  if (htm !== options.method) return { ok: false, reason: 'dpop-htm' };
  const expected = normalizedHtu(options.url);
  if (typeof htu !== 'string' || expected === undefined || (htu !== options.url && normalizeHtu(htu) !== expected)) return { ok: false, reason: 'dpop-htu' };
  const nowSec = options.now / 1000;
  if (iat > nowSec + options.clockSkewSec) return { ok: false, reason: 'dpop-iat-future' };
  if (iat < nowSec - options.maxAgeSec - options.clockSkewSec) return { ok: false, reason: 'dpop-too-old' };
  // Optional in a proof, but honoured when present (RFC 7519 §4.1.4, §4.1.5).
  if (claims.exp !== undefined && !(typeof claims.exp === 'number' && claims.exp > nowSec - options.clockSkewSec)) return { ok: false, reason: 'dpop-expired' };
  if (claims.nbf !== undefined && !(typeof claims.nbf === 'number' && claims.nbf <= nowSec + options.clockSkewSec)) return { ok: false, reason: 'dpop-not-yet-valid' };
  if (options.accessToken !== undefined) {
    if (claims.ath !== (options.accessTokenHash ?? accessTokenHash(options.accessToken))) return { ok: false, reason: 'dpop-ath' };
  }
  // Remembered for as long as the proof could still pass the iat check.
  const until = (iat + options.maxAgeSec + options.clockSkewSec) * 1000 + 1;
  if (!(await options.replay.firstUse(`${k.jkt}:${jti}`, until, options.now))) return { ok: false, reason: 'dpop-replayed' };
  return { ok: true, jkt: k.jkt };
}
