/**
 * Configuration of identity and the admin plane (issue 3): gateway-issued tokens, external OIDC
 * issuers and the admin listener. Imported by schema.ts.
 */
import { z } from 'zod';

/** Asymmetric JWS algorithms only: never `none`, never HS* (algorithm confusion with a public key). */
export const ASYMMETRIC_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
const secs = (def: number, max: number) => z.number().int().positive().max(max).default(def);

const oidcIssuerSchema = z
  .object({
    /** Exact `iss` value; also the base for discovery when jwksUri is unset. */
    issuer: z.url({ protocol: /^https?$/ }),
    /** Accepted `aud` value(s): this gateway's client id at the issuer. */
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** JWKS location (RFC 7517); otherwise taken from the issuer's OpenID discovery document. */
    jwksUri: z.url({ protocol: /^https?$/ }).optional(),
    algorithms: z.array(z.enum(ASYMMETRIC_ALGS)).min(1).default(['RS256', 'ES256']),
    clockSkewSec: z.number().int().min(0).max(300).default(30),
    /** Keys are served from cache at most this long; past it, a failed refresh fails closed. */
    jwksCacheMaxAgeSec: secs(600, 86_400),
    /** At most one refresh per this interval when a token names an unknown `kid`. */
    jwksCooldownSec: secs(30, 3_600),
    /** Claim paths (dot-separated) that give the principal's id, roles and team (tenant). */
    claims: z
      .object({ subject: z.string().min(1).default('sub'), roles: z.string().min(1).optional(), team: z.string().min(1).optional() })
      .strict()
      .prefault({}),
    /** Scopes for principals of this issuer; empty means all. */
    models: z.array(z.string().min(1)).default([]),
    operations: z.array(z.enum(['chat', 'embed', 'messages', 'models', 'scan'])).default([]),
  })
  .strict();

export const identitySchema = z
  .object({
    /** Gateway-issued JWTs (RFC 7519) from `POST /v1/auth/token`. */
    tokens: z
      .object({
        issuer: z.string().min(1).default('urn:portcullis:gateway'),
        /** `aud` of every token this gateway issues and the only one it accepts for its own tokens. */
        audience: z.string().min(1).default('urn:portcullis:gateway'),
        ttlSec: secs(600, 3_600),
        algorithm: z.enum(['EdDSA', 'ES256']).default('EdDSA'),
        /** A new signing key this often; the previous one stays published for verification. */
        keyRotationSec: secs(86_400, 90 * 86_400),
        /** External base URL (scheme://host[:port]) for DPoP `htu`; otherwise scheme + Host header. */
        publicUrl: z.url({ protocol: /^https?$/ }).optional(),
        /** DPoP (RFC 9449) proof freshness: `iat` at most this many seconds old (plus the skew). */
        dpopMaxAgeSec: secs(60, 600),
        dpopClockSkewSec: z.number().int().min(0).max(60).default(5),
      })
      .strict()
      .prefault({}),
    /**
     * Data-plane brute force: after this many refused credentials from one source address, or
     * against one API key id (wrong secret, wrong network), within the window, each further one
     * doubles a wait (1 s up to maxLockSec) answered with
     * PC_ERR_AUTH_THROTTLED before any verification work.
     */
    failedAuth: z
      .object({
        freeAttempts: z.number().int().min(1).max(1_000_000).default(100),
        windowSec: secs(600, 86_400),
        maxLockSec: secs(900, 86_400),
      })
      .strict()
      .prefault({}),
    /** Larger bearer tokens and proofs are refused before any parsing. */
    maxTokenBytes: z.number().int().min(512).max(65_536).default(8_192),
    oidc: z.array(oidcIssuerSchema).default([]),
    /** Client certificates (server.tls.clientCa) as credentials, RFC 8705. */
    mtls: z
      .object({
        /** Where the principal id comes from, first present wins: SAN URI (SPIFFE), SAN DNS, SAN email, subject CN. */
        subjectFrom: z.array(z.enum(['san-uri', 'san-dns', 'san-email', 'cn'])).min(1).default(['san-uri', 'san-dns', 'san-email', 'cn']),
        tenant: z.string().min(1).default('default'),
        roles: z.array(z.string().min(1)).default([]),
        models: z.array(z.string().min(1)).default([]),
        operations: z.array(z.enum(['chat', 'embed', 'messages', 'models', 'scan'])).default([]),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((identity, ctx) => {
    const issuers = new Set<string>([identity.tokens.issuer]);
    identity.oidc.forEach((o, i) => {
      if (issuers.has(o.issuer)) ctx.addIssue({ code: 'custom', path: ['oidc', i, 'issuer'], message: `issuer "${o.issuer}" is configured twice (or is the gateway's own)` });
      issuers.add(o.issuer);
    });
  });

export const adminSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8081),
    tls: z
      .object({
        certFile: z.string().min(1),
        keyFile: z.string().min(1),
        reloadPollMs: z.number().int().min(0).max(3_600_000).default(5_000),
        /** CA bundle (PEM): operators' connections must present a certificate from it (mTLS on the admin plane). */
        clientCa: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Binding a non-loopback address without TLS is refused unless this says otherwise. */
    allowInsecureBind: z.boolean().default(false),
    /** Admin sessions end this long after sign-in. */
    sessionTtlSec: secs(900, 12 * 3_600),
    /** Sensitive actions need a TOTP proof (sign-in or step-up) at most this old. */
    stepUpWindowSec: secs(300, 3_600),
    /**
     * A read-only bearer token for `GET /metrics` only, so Prometheus needs no operator session
     * (compared in constant time; use `${ENV_VAR}` interpolation). Unset: metrics need a session.
     */
    metricsToken: z.string().min(32).optional(),
  })
  .strict();

export type IdentityConfig = z.output<typeof identitySchema>;
export type OidcIssuerConfig = IdentityConfig['oidc'][number];
export type AdminConfig = z.output<typeof adminSchema>;
