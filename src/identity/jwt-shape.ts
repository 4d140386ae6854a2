/**
 * Cheap checks on a compact JWS before any key lookup or signature work (RFC 7515, RFC 7519):
 * size bound, three base64url parts, a parsable header without key-locating tricks. Header
 * parameters that would let the token choose its own verification key (`jku`, `x5u`, `jwk`,
 * `x5c`) are refused outright: Portcullis only ever uses keys it fetched from configuration.
 */
import { decodeJwt, decodeProtectedHeader, type JWTPayload, type ProtectedHeaderParameters } from 'jose';

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const KEY_LOCATING = ['jku', 'x5u', 'jwk', 'x5c'] as const;

/** True when the credential looks like a compact JWT (so it is not an API key). */
export function looksLikeJwt(credential: string): boolean {
  return credential.startsWith('ey') && credential.split('.').length === 3;
}

export type ShapeCheck =
  | { readonly ok: true; readonly header: ProtectedHeaderParameters; readonly claims: JWTPayload }
  | { readonly ok: false; readonly reason: 'oversized' | 'malformed' | 'alg-none' | 'header-key-locator' | 'bad-kid' };

/**
 * Parses header and (unverified) claims. The claims only pick the issuer whose keys and
 * algorithm list then verify the token; nothing else may trust them before verification.
 */
export function checkJwtShape(token: string, maxBytes: number): ShapeCheck {
  if (token.length > maxBytes) return { ok: false, reason: 'oversized' };
  if (!COMPACT.test(token)) return { ok: false, reason: 'malformed' };
  let header: ProtectedHeaderParameters;
  let claims: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') return { ok: false, reason: 'alg-none' };
  for (const name of KEY_LOCATING) if (name in header) return { ok: false, reason: 'header-key-locator' };
  if (header.kid !== undefined && (typeof header.kid !== 'string' || header.kid.length === 0 || header.kid.length > 128)) return { ok: false, reason: 'bad-kid' };
  return { ok: true, header, claims };
}

/** A jose error's code, or its name, for decision reasons; never its message. */
export function joseReason(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const { code, claim } = err as { code?: unknown; claim?: unknown };
    if (typeof code === 'string') return typeof claim === 'string' ? `${code}:${claim}` : code;
  }
  return 'verify-failed';
}
