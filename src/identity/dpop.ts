/**
 * DPoP proof verification (RFC 9449). A proof is a JWT signed by the client's own key, carried in
 * the `DPoP` header, with `typ: dpop+jwt` and the public key in its `jwk` header. It must name this
 * request's method (`htm`) and URL without query or fragment (`htu`), be fresh (`iat`), carry a
 * unique `jti` (replays refused), and, when presented with an access token, its hash (`ath`).
 * The key's RFC 7638 thumbprint is what a bound token's `cnf.jkt` names.
 */
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify, type CryptoKey, type FlattenedJWSInput, type JWSHeaderParameters, type JWTPayload } from 'jose';
import { joseReason } from './jwt-shape.js';
import type { ReplayCache } from './replay.js';

/** Asymmetric only (RFC 9449 §4.2: no MAC algorithms, never `none`). */
export const DPOP_ALGORITHMS = ['ES256', 'ES384', 'EdDSA', 'RS256', 'PS256'] as const;

export interface DpopCheckOptions {
  readonly method: string;
  /** The request URL as the client addressed it, without query and fragment. */
  readonly url: string;
  /** The access token the proof accompanies, when there is one (`ath`). */
  readonly accessToken?: string;
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
 * Clients reuse one key for many proofs; importing it (and hashing it for `jkt`) once saves most
 * of a proof check. Keyed by the exact header JWK text and algorithm, so a different key or
 * algorithm is simply a miss; validation stays jose's (EmbeddedJWK refuses private keys).
 */
const keyCache = new Map<string, { key: CryptoKey; jkt?: string }>();
const KEY_CACHE_MAX = 10_000;

function keyCacheId(header: JWSHeaderParameters): string {
  return `${String(header.alg)}|${JSON.stringify(header.jwk)}`;
}

async function embeddedKey(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> {
  const id = keyCacheId(header);
  const hit = keyCache.get(id);
  if (hit) return hit.key;
  const key = await EmbeddedJWK(header, token);
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(id, { key });
  return key;
}

export async function verifyDpopProof(proof: string | string[] | undefined, options: DpopCheckOptions): Promise<DpopCheck> {
  if (proof === undefined) return { ok: false, reason: 'dpop-missing' };
  // Exactly one proof per request (RFC 9449 §4.3 check 1).
  if (Array.isArray(proof) || proof.includes(',')) return { ok: false, reason: 'dpop-multiple' };
  if (proof.length > options.maxBytes) return { ok: false, reason: 'dpop-oversized' };
  let payload: JWTPayload;
  let jkt: string;
  try {
    const result = await jwtVerify(proof, embeddedKey, {
      typ: 'dpop+jwt',
      algorithms: [...DPOP_ALGORITHMS],
      currentDate: new Date(options.now),
      requiredClaims: ['jti', 'iat', 'htm', 'htu'],
    });
    payload = result.payload;
    const jwk = result.protectedHeader.jwk;
    if (!jwk || 'd' in jwk) return { ok: false, reason: 'dpop-bad-jwk' };
    const entry = keyCache.get(keyCacheId(result.protectedHeader));
    jkt = entry?.jkt ?? (await calculateJwkThumbprint(jwk, 'sha256'));
    if (entry) entry.jkt = jkt;
  } catch (err) {
    return { ok: false, reason: `dpop-${joseReason(err)}` };
  }
  if (typeof payload.jti !== 'string' || payload.jti.length < 8 || payload.jti.length > 256) return { ok: false, reason: 'dpop-bad-jti' };
  if (payload.htm !== options.method) return { ok: false, reason: 'dpop-htm' };
  const expected = normalizeHtu(options.url);
  if (typeof payload.htu !== 'string' || expected === undefined || normalizeHtu(payload.htu) !== expected) return { ok: false, reason: 'dpop-htu' };
  const nowSec = options.now / 1000;
  const iat = payload.iat as number;
  if (iat > nowSec + options.clockSkewSec) return { ok: false, reason: 'dpop-iat-future' };
  if (iat < nowSec - options.maxAgeSec - options.clockSkewSec) return { ok: false, reason: 'dpop-too-old' };
  if (options.accessToken !== undefined) {
    if (payload.ath !== accessTokenHash(options.accessToken)) return { ok: false, reason: 'dpop-ath' };
  }
  // Remembered for as long as the proof could still pass the iat check.
  const until = (iat + options.maxAgeSec + options.clockSkewSec) * 1000 + 1;
  if (!(await options.replay.firstUse(`${jkt}:${payload.jti}`, until, options.now))) return { ok: false, reason: 'dpop-replayed' };
  return { ok: true, jkt };
}
