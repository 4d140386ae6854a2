/**
 * External OIDC access tokens: JWTs (RFC 7519) from configured issuers, verified against the
 * issuer's JWK Set (RFC 7517). Keys are cached and re-fetched when a token names an unknown `kid`
 * (at most once per cooldown, so a flood of made-up kids cannot hammer the issuer), and served
 * from cache only up to a maximum age: when the JWKS endpoint is down past that age, tokens are
 * refused (fail closed). Only the configured asymmetric algorithms are accepted, and symmetric
 * (`oct`) keys in a JWKS are dropped, so a public key can never serve as an HMAC secret.
 */
import { createHash } from 'node:crypto';
import { createLocalJWKSet, errors, jwtVerify, type CryptoKey, type JSONWebKeySet, type JWK, type JWTPayload, type JWSHeaderParameters, type FlattenedJWSInput } from 'jose';
import { request } from 'undici';
import type { OidcIssuerConfig } from '../config/identity.js';
import { isLoopback } from '../config/schema.js';
import type { Principal } from '../pipeline/types.js';
import { joseReason } from './jwt-shape.js';

/** Fetches a JSON document; throws on any transport, status or size problem. */
export type JsonFetcher = (url: string) => Promise<unknown>;

const MAX_JWKS_BYTES = 64 * 1024;
const MAX_KEYS = 32;

/** undici GET with short timeouts, no redirects (undici's default) and a body size cap. */
export function undiciJsonFetcher(timeoutMs = 3_000): JsonFetcher {
  return async (url) => {
    const res = await request(url, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs, headers: { accept: 'application/json' } });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new Error(`GET ${url}: HTTP ${res.statusCode}`);
    }
    let size = 0;
    const parts: Buffer[] = [];
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > MAX_JWKS_BYTES) {
        res.body.destroy();
        throw new Error(`GET ${url}: document larger than ${MAX_JWKS_BYTES} bytes`);
      }
      parts.push(buf);
    }
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
  };
}

/** Issuer URLs must be https, except on loopback (local issuers in tests and development). */
export function checkIssuerTransport(url: string): void {
  const u = new URL(url);
  if (u.protocol === 'https:') return;
  if (u.protocol === 'http:' && isLoopback(u.hostname)) return;
  throw new TypeError(`${url}: OIDC issuers and JWKS must use https (http only on loopback)`);
}

export interface JwksCacheOptions {
  /** The JWKS URL, or a function that finds it (OpenID discovery). */
  readonly jwksUri: string | (() => Promise<string>);
  readonly fetch: JsonFetcher;
  readonly maxAgeMs: number;
  readonly cooldownMs: number;
  readonly now: () => number;
}

type KeyLookup = (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>;

/** A bounded, fail-closed cache of one issuer's JWKS. */
export class JwksCache {
  private lookup: KeyLookup | undefined;
  private fetchedAt = -Infinity;
  private attemptedAt = -Infinity;
  private inflight: Promise<void> | undefined;

  constructor(private readonly options: JwksCacheOptions) {}

  /** The verification key for a token header; throws when none can be found (fail closed). */
  async getKey(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> {
    const now = this.options.now();
    if (!this.lookup || now - this.fetchedAt > this.options.maxAgeMs) {
      // Stale: only a successful refresh may serve keys again. While the endpoint is down, try
      // at most once a second rather than once per request.
      if (this.inflight) await this.inflight.catch(() => undefined);
      else if (now - this.attemptedAt >= Math.min(this.options.cooldownMs, 1_000)) await this.refresh().catch(() => undefined);
      if (!this.lookup || this.options.now() - this.fetchedAt > this.options.maxAgeMs) throw new JwksUnavailable();
    }
    try {
      return await this.lookup(header, token);
    } catch (err) {
      if (!(err instanceof errors.JWKSNoMatchingKey)) throw err;
      // An unknown kid may be a rotation at the issuer: look again, but not more than once per cooldown.
      if (this.options.now() - this.attemptedAt < this.options.cooldownMs) throw err;
      await this.refresh().catch(() => undefined);
      return this.lookup(header, token);
    }
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async load(): Promise<void> {
    this.attemptedAt = this.options.now();
    const uri = typeof this.options.jwksUri === 'string' ? this.options.jwksUri : await this.options.jwksUri();
    const doc = await this.options.fetch(uri);
    const keys = (doc as { keys?: unknown }).keys;
    if (!Array.isArray(keys)) throw new Error('not a JWK Set');
    // Signature keys only, asymmetric only, and a bounded number of them.
    const usable = (keys as JWK[])
      .filter((k) => typeof k === 'object' && k !== null && typeof k.kty === 'string' && k.kty !== 'oct' && (k.use === undefined || k.use === 'sig'))
      .slice(0, MAX_KEYS);
    const set: JSONWebKeySet = { keys: usable };
    this.lookup = createLocalJWKSet(set);
    this.fetchedAt = this.options.now();
  }
}

class JwksUnavailable extends Error {
  readonly code = 'JWKS_UNAVAILABLE';
}

/** `expiresAt`: the token's `exp` (epoch seconds), required by `verify`. */
export type OidcCheck = { readonly ok: true; readonly principal: Principal; readonly expiresAt: number } | { readonly ok: false; readonly reason: string };

/** Verifies tokens of one configured issuer and maps their claims to a principal. */
export class OidcIssuer {
  readonly issuer: string;
  private readonly jwks: JwksCache;

  constructor(
    private readonly config: OidcIssuerConfig,
    fetch: JsonFetcher,
    private readonly now: () => number = Date.now,
  ) {
    checkIssuerTransport(config.issuer);
    if (config.jwksUri) checkIssuerTransport(config.jwksUri);
    this.issuer = config.issuer;
    let discovered: string | undefined;
    const discover = async (): Promise<string> => {
      if (discovered) return discovered;
      const doc = (await fetch(`${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`)) as { issuer?: unknown; jwks_uri?: unknown };
      // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
      if (doc.issuer !== config.issuer || typeof doc.jwks_uri !== 'string') throw new Error('discovery document does not match the issuer');
      checkIssuerTransport(doc.jwks_uri);
      discovered = doc.jwks_uri;
      return discovered;
    };
    this.jwks = new JwksCache({
      jwksUri: config.jwksUri ?? discover,
      fetch,
      maxAgeMs: config.jwksCacheMaxAgeSec * 1000,
      cooldownMs: config.jwksCooldownSec * 1000,
      now,
    });
  }

  async verify(token: string): Promise<OidcCheck> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, (header, input) => this.jwks.getKey(header, input), {
        algorithms: [...this.config.algorithms],
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockSkewSec,
        currentDate: new Date(this.now()),
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      return { ok: false, reason: joseReason(err) };
    }
    const subject = claimAt(payload, this.config.claims.subject);
    if (typeof subject !== 'string' || subject.length === 0 || subject.length > 256) return { ok: false, reason: 'no-subject' };
    const roles = this.config.claims.roles ? toStrings(claimAt(payload, this.config.claims.roles)) : [];
    const team = this.config.claims.team ? claimAt(payload, this.config.claims.team) : undefined;
    const jti = typeof payload.jti === 'string' ? payload.jti.slice(0, 64) : createHash('sha256').update(token).digest('base64url').slice(0, 22);
    return {
      ok: true,
      principal: {
        id: `${this.config.issuer}#${subject}`,
        kind: 'user',
        tenant: typeof team === 'string' && team.length > 0 ? team : 'default',
        roles,
        authMethod: 'oidc',
        credentialId: `oidc:${jti}`,
        models: this.config.models,
        operations: this.config.operations,
      },
      expiresAt: payload.exp as number,
    };
  }
}

/** `a.b.c` into nested claims; own properties only. */
export function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Roles as an array of strings, or a space-separated string (like OAuth `scope`). */
function toStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter((s) => s.length > 0).slice(0, 64);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string').slice(0, 64);
  return [];
}
