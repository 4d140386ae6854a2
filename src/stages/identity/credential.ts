/**
 * The identity stage the gateway runs: one stage that picks the verifier by the credential's
 * shape, so an API key never reaches JWT parsing and a JWT never reaches the key store.
 *
 * - `pc_live_…` / `pc_test_…` as `Authorization: Bearer` or `x-api-key` → API key (api-key.ts);
 * - a JWT whose `iss` is this gateway → gateway access token (RFC 9068 profile), and when it is
 *   DPoP-bound (`cnf.jkt`) it must come as `Authorization: DPoP` with a fresh proof (RFC 9449 §7);
 * - a JWT whose `iss` is a configured OIDC issuer → verified against that issuer's JWKS;
 * - no credential header but a client certificate from the configured CA → mTLS principal
 *   (RFC 8705); a token bound to a certificate (`cnf.x5t#S256`) needs that same certificate.
 *
 * Then, whatever the credential: its operation scope. Token failures answer PC_ERR_TOKEN_INVALID
 * (proof failures PC_ERR_DPOP_INVALID) whatever the precise reason, which goes to the decision
 * record and the log only.
 */
import { createHash } from 'node:crypto';
import { RequestSlot } from '../../pipeline/slot.js';
import type { ClientCertificate, Deny, Principal, Stage, StageContext, Verdict } from '../../pipeline/types.js';
import { apiKeyIdOf } from '../../identity/api-keys.js';
import { verifyDpopProof } from '../../identity/dpop.js';
import { checkJwtShape, looksLikeJwt } from '../../identity/jwt-shape.js';
import type { OidcIssuer } from '../../identity/oidc.js';
import type { ReplayCache } from '../../identity/replay.js';
import type { AttemptLimiter } from '../../identity/operators.js';
import { operationAllowed, sourceAllowed } from '../../identity/scopes.js';
import type { SigningKeyring } from '../../identity/signing-keys.js';
import { verifyAccessToken, type GatewayTokenCheck, type TokenSettings } from '../../identity/tokens.js';
import type { ApiKeyRepo } from '../../store/types.js';
import type { ApiKeyStage } from './api-key.js';

export interface GatewayTokenOptions {
  readonly keyring: SigningKeyring;
  readonly settings: TokenSettings;
  readonly replay: ReplayCache;
  /** External base URL for DPoP `htu`; otherwise the request's scheme and Host header. */
  readonly publicUrl?: string;
  readonly dpopMaxAgeSec: number;
  readonly dpopClockSkewSec: number;
}

export interface MtlsOptions {
  readonly subjectFrom: readonly ('san-uri' | 'san-dns' | 'san-email' | 'cn')[];
  readonly tenant: string;
  readonly roles: readonly string[];
  readonly models: readonly string[];
  readonly operations: readonly string[];
}

export interface CredentialStageOptions {
  /** Client certificates as credentials; without it a certificate only serves token binding. */
  readonly mtls?: MtlsOptions;
  readonly apiKeys: ApiKeyStage;
  /** For checking that the API key a gateway token came from is still valid. */
  readonly apiKeyRepo: ApiKeyRepo;
  readonly tokens?: GatewayTokenOptions;
  readonly oidc?: readonly OidcIssuer[];
  readonly maxTokenBytes: number;
  readonly now?: () => number;
  /** Backoff after refused credentials (brute force), per source address and per API key id; none without it. */
  readonly failures?: AttemptLimiter;
}

/**
 * How long the credential that admitted a request stays good, for checking it again while the
 * answer streams (stream-recheck.ts): a token's `exp`, and the API key to look up again — the key
 * itself, or the key a gateway token was exchanged from (revoking it ends the token's streams).
 */
export interface CredentialLease {
  /** Epoch milliseconds; null when only a lookup can tell (an API key) or nothing expires (mTLS). */
  readonly expiresAt: number | null;
  readonly apiKeyId?: string;
}

export interface CredentialStage extends Stage {
  /** Synchronous when nothing needs waiting for (a recently verified API key, a certificate). */
  onHeaders(ctx: StageContext): Verdict | Promise<Verdict>;
  /** The lease of the credential that admitted this request; undefined when none did. */
  leaseOf(ctx: StageContext): CredentialLease | undefined;
}

interface Presented {
  readonly scheme: 'bearer' | 'dpop' | 'x-api-key';
  readonly credential: string;
}

/**
 * API-key refusals counted against the key id: wrong secret, wrong network — and an id no key has,
 * so that being throttled does not tell an attacker the id exists (the per-source limit bounds
 * how many ids one address can spray).
 */
const KEY_GUESS_REASONS: ReadonlySet<string> = new Set(['mismatch', 'cidr', 'unknown']);

const deny = (code: Deny['code'], reason: string): Deny => ({ action: 'deny', code, reasons: [reason] });

export function credentialStage(options: CredentialStageOptions): CredentialStage {
  if (!(options.maxTokenBytes > 0)) throw new TypeError('maxTokenBytes must be positive');
  const now = options.now ?? Date.now;
  const issuers = new Map((options.oidc ?? []).map((i) => [i.issuer, i]));
  const tokens = options.tokens;
  // On the request's context object, so a lease lives exactly as long as its request.
  const leases = new RequestSlot<CredentialLease>();
  // A gateway token's signature and claims verify the same way every time, so a verified token is
  // remembered (by its SHA-256) for up to a minute, never past its exp. Everything that can change
  // between requests — the source key's revocation, the DPoP proof, the certificate, the source
  // address, the operation — is still checked on every request.
  const verified = new Map<string, { check: Extract<GatewayTokenCheck, { ok: true }>; until: number }>();
  const VERIFIED_MAX = 10_000;
  const VERIFIED_TTL_MS = 60_000;
  // The SHA-256 of the token is also its DPoP `ath` (RFC 9449 §4.2), so it is computed once.
  const tokenId = (token: string): string => createHash('sha256').update(token).digest('base64url');
  async function verifyCached(token: string, id: string, kid: string | undefined, t: GatewayTokenOptions, at: number): Promise<GatewayTokenCheck> {
    const hit = verified.get(id);
    if (hit && hit.until > at) return hit.check;
    const check = await verifyAccessToken(token, kid, t.keyring, t.settings, at);
    if (check.ok) {
      const exp = check.expiresAt * 1000;
      if (verified.size >= VERIFIED_MAX) verified.clear();
      verified.set(id, { check, until: Math.min(exp, at + VERIFIED_TTL_MS) });
    }
    return check;
  }

  async function verifyJwt(ctx: StageContext, presented: Presented): Promise<Verdict> {
    const at = now();
    let id: string | undefined;
    if (tokens && presented.credential.length <= options.maxTokenBytes) {
      // A gateway token verified in the last minute is not parsed again: straight to the checks
      // that can change between requests.
      id = tokenId(presented.credential);
      const hit = verified.get(id);
      if (hit && hit.until > at) return verifyGatewayToken(ctx, presented, undefined, tokens, id, at);
    }
    const shape = checkJwtShape(presented.credential, options.maxTokenBytes);
    if (!shape.ok) return deny('PC_ERR_TOKEN_INVALID', shape.reason);
    const iss = shape.claims.iss;
    if (tokens && iss === tokens.settings.issuer) return verifyGatewayToken(ctx, presented, shape.header.kid, tokens, id ?? tokenId(presented.credential), at);
    const issuer = typeof iss === 'string' ? issuers.get(iss) : undefined;
    if (!issuer) return deny('PC_ERR_TOKEN_INVALID', 'unknown-issuer');
    if (presented.scheme === 'dpop') return deny('PC_ERR_TOKEN_INVALID', 'dpop-scheme-for-unbound-token');
    const check = await issuer.verify(presented.credential);
    if (!check.ok) return deny('PC_ERR_TOKEN_INVALID', check.reason);
    leases.set(ctx, { expiresAt: check.expiresAt * 1000 });
    return pass(check.principal, `oidc:${issuer.issuer}`);
  }

  async function verifyGatewayToken(ctx: StageContext, presented: Presented, kid: string | undefined, t: GatewayTokenOptions, id: string, at: number): Promise<Verdict> {
    const check = await verifyCached(presented.credential, id, kid, t, at);
    if (!check.ok) return deny('PC_ERR_TOKEN_INVALID', check.reason);
    if (check.jkt !== undefined) {
      // RFC 9449 §7.1: a bound token is only good with the DPoP scheme and a proof from its key.
      if (presented.scheme !== 'dpop') return deny('PC_ERR_DPOP_INVALID', 'dpop-bound-token-as-bearer');
      const url = requestUrl(ctx, t.publicUrl);
      if (url === undefined) return deny('PC_ERR_DPOP_INVALID', 'dpop-no-url');
      const proof = await verifyDpopProof(ctx.headers.dpop, {
        method: ctx.http?.method ?? '',
        url,
        accessToken: presented.credential,
        accessTokenHash: id,
        now: at,
        maxAgeSec: t.dpopMaxAgeSec,
        clockSkewSec: t.dpopClockSkewSec,
        maxBytes: options.maxTokenBytes,
        replay: t.replay,
      });
      if (!proof.ok) return deny('PC_ERR_DPOP_INVALID', proof.reason);
      if (proof.jkt !== check.jkt) return deny('PC_ERR_DPOP_INVALID', 'dpop-wrong-key');
    } else if (presented.scheme === 'dpop') {
      return deny('PC_ERR_TOKEN_INVALID', 'dpop-scheme-for-unbound-token');
    }
    // RFC 8705 §3: a certificate-bound token is only good over a connection with that certificate.
    if (check.x5t !== undefined && !(ctx.clientCert?.authorized && ctx.clientCert.thumbprint === check.x5t)) {
      return deny('PC_ERR_TOKEN_INVALID', 'x5t-mismatch');
    }
    // The exchanged credential is checked again now: revoking a key ends its tokens too.
    if (check.sourceCredential.via === 'api_key') {
      const source = await options.apiKeyRepo.get(check.sourceCredential.id);
      if (!source || (source.revokedAt !== null && source.revokedAt <= at) || (source.expiresAt !== null && source.expiresAt <= at)) {
        return deny('PC_ERR_TOKEN_INVALID', 'source-key-inactive');
      }
    }
    if (!sourceAllowed(check.principal.cidrs, ctx.sourceIp)) return deny('PC_ERR_TOKEN_INVALID', 'cidr');
    const sourceKey = check.sourceCredential.via === 'api_key' ? { apiKeyId: check.sourceCredential.id } : {};
    leases.set(ctx, { expiresAt: check.expiresAt * 1000, ...sourceKey });
    return pass(check.principal, check.jkt ? 'gateway-jwt:dpop' : 'gateway-jwt');
  }

  function certificate(cert: ClientCertificate | undefined): Verdict {
    if (cert === undefined || options.mtls === undefined) return deny('PC_ERR_UNAUTHENTICATED', 'missing');
    if (!cert.authorized) return deny('PC_ERR_UNAUTHENTICATED', 'client-cert-untrusted');
    const subject = certificateSubject(cert, options.mtls.subjectFrom);
    if (subject === undefined) return deny('PC_ERR_UNAUTHENTICATED', 'client-cert-no-subject');
    return pass(
      {
        id: `mtls:${subject}`,
        kind: 'service',
        tenant: options.mtls.tenant,
        roles: options.mtls.roles,
        authMethod: 'mtls',
        credentialId: `x5t:${cert.thumbprint.slice(0, 16)}`,
        models: options.mtls.models,
        operations: options.mtls.operations,
        certThumbprint: cert.thumbprint,
      },
      'mtls',
    );
  }

  return {
    name: 'identity',
    phase: 'identity',
    leaseOf(ctx) {
      return leases.get(ctx);
    },
    // Not async: with a recently verified API key nothing here waits, and the runner then needs
    // no timer or promise for this stage.
    onHeaders(ctx: StageContext): Verdict | Promise<Verdict> {
      const presented = presentedCredential(ctx.headers);
      const isApiKey = presented !== undefined && presented.scheme !== 'dpop' && !looksLikeJwt(presented.credential);
      // Backoff per source address, and per API key id: a known key probed with wrong secrets or
      // from outside its networks is throttled whichever addresses the attempts come from.
      const sourceKey = `ip:${ctx.sourceIp}`;
      // The id alone (no checksum): a key with a wrong checksum is refused as malformed, which
      // does not count against the id, and throttling it anyway refuses nothing that would pass.
      const keyId = isApiKey ? apiKeyIdOf(presented.credential) : undefined;
      const principalKey = keyId === undefined ? undefined : `key:${keyId}`;
      const at = now();
      const bySource = options.failures?.retryAfter(sourceKey, at) ?? 0;
      const byKey = principalKey === undefined ? 0 : (options.failures?.retryAfter(principalKey, at) ?? 0);
      if (bySource > 0 || byKey > 0) {
        const reasons = [bySource > 0 ? 'throttled' : 'throttled-key'];
        ctx.log.info({ stage: 'identity', code: 'PC_ERR_AUTH_THROTTLED', reasons }, 'credential refused');
        return { action: 'deny', code: 'PC_ERR_AUTH_THROTTLED', reasons, retryAfter: Math.ceil(Math.max(bySource, byKey) / 1000) };
      }
      const checked = presented === undefined ? certificate(ctx.clientCert) : isApiKey ? options.apiKeys.check(ctx, presented.credential) : verifyJwt(ctx, presented);
      return checked instanceof Promise ? checked.then((v) => settle(ctx, v, sourceKey, principalKey)) : settle(ctx, checked, sourceKey, principalKey);
    },
  };

  /** Scope check, lease and failure accounting, whichever credential was checked. */
  function settle(ctx: StageContext, checked: Verdict, sourceKey: string, principalKey: string | undefined): Verdict {
    let verdict = checked;
    if (verdict.action === 'pass') {
      const principal = verdict.facts?.principal;
      // The token endpoint exchanges a credential; the new token carries the same scopes.
      if (principal && ctx.operation !== 'token' && !operationAllowed(principal.operations, ctx.operation)) {
        verdict = deny('PC_ERR_FORBIDDEN', 'operation-out-of-scope');
      }
    }
    if (verdict.action === 'pass') {
      const principal = verdict.facts?.principal;
      if (principal?.authMethod === 'api_key') leases.set(ctx, { expiresAt: null, apiKeyId: principal.credentialId });
      else if (principal?.authMethod === 'mtls') leases.set(ctx, { expiresAt: null });
    } else if (verdict.action === 'deny') {
      leases.delete(ctx);
      ctx.log.info({ stage: 'identity', code: verdict.code, reasons: verdict.reasons }, 'credential refused');
      // A missing credential is not a guess; a wrong one is, and so is a forged token.
      if (verdict.code !== 'PC_ERR_FORBIDDEN' && verdict.reasons?.[0] !== 'missing') options.failures?.fail(sourceKey, now());
      if (principalKey !== undefined && KEY_GUESS_REASONS.has(verdict.reasons?.[0] ?? '')) options.failures?.fail(principalKey, now());
    }
    return verdict;
  }
}

const SAN_PREFIX = { 'san-uri': 'URI:', 'san-dns': 'DNS:', 'san-email': 'email:' } as const;

/** The first configured source present on the certificate (SAN entries, then maybe the CN). */
export function certificateSubject(cert: ClientCertificate, from: MtlsOptions['subjectFrom']): string | undefined {
  for (const source of from) {
    if (source === 'cn') {
      if (cert.subjectCn) return cert.subjectCn;
      continue;
    }
    const entry = cert.san.find((s) => s.startsWith(SAN_PREFIX[source]));
    if (entry && entry.length > SAN_PREFIX[source].length) return entry.slice(SAN_PREFIX[source].length);
  }
  return undefined;
}

function pass(principal: Principal, reason: string): Verdict {
  return { action: 'pass', reasons: [reason], facts: { principal } };
}

function presentedCredential(headers: StageContext['headers']): Presented | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const match = /^(Bearer|DPoP)[ \t]+(\S+)[ \t]*$/i.exec(auth);
    if (!match) return undefined;
    return { scheme: (match[1] as string).toLowerCase() === 'dpop' ? 'dpop' : 'bearer', credential: match[2] as string };
  }
  const xKey = headers['x-api-key'];
  return typeof xKey === 'string' && xKey.length > 0 ? { scheme: 'x-api-key', credential: xKey } : undefined;
}

/** The URL the client addressed, for DPoP `htu`: the configured public URL or scheme + Host. */
export function requestUrl(ctx: StageContext, publicUrl: string | undefined): string | undefined {
  if (!ctx.http) return undefined;
  if (publicUrl !== undefined) return `${publicUrl.replace(/\/+$/, '')}${ctx.http.path}`;
  const host = ctx.headers.host;
  if (typeof host !== 'string' || host.length === 0 || host.length > 255) return undefined;
  return `${ctx.http.scheme}://${host}${ctx.http.path}`;
}
