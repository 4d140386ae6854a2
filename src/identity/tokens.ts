/**
 * Gateway access tokens: short-lived JWTs (RFC 7519) in the RFC 9068 profile (`typ: at+jwt`),
 * issued by `POST /v1/auth/token` in exchange for an API key or an external OIDC token (an
 * OAuth 2.0 client-credentials style grant, RFC 6749 §4.4). `aud` is this gateway; the principal
 * travels in the `pc` claim; a DPoP-bound token names its key in `cnf.jkt` (RFC 9449 §6).
 */
import { randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { AuthMethod, Principal } from '../pipeline/types.js';
import { joseReason } from './jwt-shape.js';
import type { SigningKeyring } from './signing-keys.js';

export interface TokenSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSec: number;
}

/** The `pc` claim: what the gateway needs of the principal, nothing more. */
interface PrincipalClaim {
  readonly kind: Principal['kind'];
  readonly tenant: string;
  readonly roles: readonly string[];
  readonly models: readonly string[];
  readonly ops: readonly string[];
  readonly cidrs: readonly string[];
  /** Public id of the credential that was exchanged (never a secret). */
  readonly cred: string;
  readonly via: AuthMethod;
}

/** Sender constraints for a new token: a DPoP key (RFC 9449) and/or a client certificate (RFC 8705). */
export interface TokenBinding {
  readonly jkt?: string;
  readonly x5t?: string;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer' | 'DPoP';
  readonly expiresIn: number;
  readonly jti: string;
}

/** Signs a token for `principal`; a binding puts `cnf.jkt` and/or `cnf.x5t#S256` in it. */
export async function issueAccessToken(keyring: SigningKeyring, settings: TokenSettings, principal: Principal, now: number, binding: TokenBinding = {}): Promise<IssuedToken> {
  const { jkt, x5t } = binding;
  const { kid, alg, key } = await keyring.signingKey();
  const jti = randomUUID();
  const pc: PrincipalClaim = {
    kind: principal.kind,
    tenant: principal.tenant,
    roles: principal.roles,
    models: principal.models,
    ops: principal.operations ?? [],
    cidrs: principal.cidrs ?? [],
    cred: principal.credentialId,
    via: principal.authMethod,
  };
  const iat = Math.floor(now / 1000);
  const cnf = { ...(jkt ? { jkt } : {}), ...(x5t ? { 'x5t#S256': x5t } : {}) };
  const payload: JWTPayload = { pc, ...(jkt || x5t ? { cnf } : {}) };
  const accessToken = await new SignJWT(payload)
    .setProtectedHeader({ alg, kid, typ: 'at+jwt' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(principal.id)
    .setJti(jti)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + settings.ttlSec)
    .sign(key);
  return { accessToken, tokenType: jkt ? 'DPoP' : 'Bearer', expiresIn: settings.ttlSec, jti };
}

export type GatewayTokenCheck =
  | {
      readonly ok: true;
      readonly principal: Principal;
      readonly jkt: string | undefined;
      readonly x5t: string | undefined;
      /** `exp`, seconds since the epoch. */
      readonly expiresAt: number;
      readonly sourceCredential: { readonly via: AuthMethod; readonly id: string };
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Verifies one of this gateway's own tokens: signature with a current or previous key named by
 * `kid` (and only that key's algorithm), `typ`, `iss`, `aud`, `exp`, `nbf`, and the `pc` claim.
 * The caller has already refused oversized tokens and key-locating header tricks (jwt-shape.ts).
 */
export async function verifyAccessToken(token: string, kid: string | undefined, keyring: SigningKeyring, settings: TokenSettings, now: number): Promise<GatewayTokenCheck> {
  if (kid === undefined) return { ok: false, reason: 'no-kid' };
  const key = await keyring.verificationKey(kid);
  if (!key) return { ok: false, reason: 'unknown-kid' };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key.key, {
      algorithms: [key.alg],
      typ: 'at+jwt',
      issuer: settings.issuer,
      audience: settings.audience,
      currentDate: new Date(now),
      requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      // A token claiming to live longer than this gateway ever issues is not one of ours.
      maxTokenAge: settings.ttlSec + 60,
    }));
  } catch (err) {
    return { ok: false, reason: joseReason(err) };
  }
  const pc = readPrincipalClaim(payload.pc);
  if (!pc || typeof payload.sub !== 'string') return { ok: false, reason: 'bad-claims' };
  const cnf = payload.cnf as { jkt?: unknown; 'x5t#S256'?: unknown } | undefined;
  const confirmation = typeof cnf === 'object' && cnf !== null ? cnf : undefined;
  const jkt = typeof confirmation?.jkt === 'string' ? confirmation.jkt : undefined;
  const x5t = typeof confirmation?.['x5t#S256'] === 'string' ? confirmation['x5t#S256'] : undefined;
  // A confirmation this gateway cannot check must not be ignored.
  if (cnf !== undefined) {
    const entries = confirmation === undefined ? [] : Object.entries(confirmation);
    if (entries.length === 0 || !entries.every(([k, v]) => (k === 'jkt' || k === 'x5t#S256') && typeof v === 'string')) return { ok: false, reason: 'bad-cnf' };
  }
  const principal: Principal = {
    id: payload.sub,
    kind: pc.kind,
    tenant: pc.tenant,
    roles: pc.roles,
    authMethod: 'gateway_jwt',
    credentialId: `jwt:${payload.jti as string}`,
    models: pc.models,
    operations: pc.ops,
    cidrs: pc.cidrs,
    issuedVia: pc.via,
    ...(jkt ? { dpopJkt: jkt } : {}),
    ...(x5t ? { certThumbprint: x5t } : {}),
  };
  return { ok: true, principal, jkt, x5t, expiresAt: payload.exp as number, sourceCredential: { via: pc.via, id: pc.cred } };
}

function strings(value: unknown): readonly string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value) : undefined;
}

function readPrincipalClaim(value: unknown): PrincipalClaim | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const roles = strings(v.roles);
  const models = strings(v.models);
  const ops = strings(v.ops);
  const cidrs = strings(v.cidrs);
  const kind = v.kind;
  if (kind !== 'user' && kind !== 'service' && kind !== 'operator') return undefined;
  if (typeof v.tenant !== 'string' || typeof v.cred !== 'string' || (v.via !== 'api_key' && v.via !== 'oidc' && v.via !== 'mtls')) return undefined;
  if (!roles || !models || !ops || !cidrs) return undefined;
  return { kind, tenant: v.tenant, roles, models, ops, cidrs, cred: v.cred, via: v.via };
}
