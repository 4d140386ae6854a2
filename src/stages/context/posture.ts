/**
 * Device posture from a verified claim. A caller's MDM/EDR signs a short-lived assertion (a JWT,
 * RFC 7519, sent in a header) about the device: `iss` a configured issuer, `aud` this gateway,
 * `iat` recent, `sub` the device id, and a `posture` object of attributes
 * (`{"managed": true, "diskEncrypted": true, "os": "14.2"}`). Only asymmetric algorithms of that
 * issuer's allow-list are accepted. Anything missing, expired or badly signed gives no posture
 * and a reason; policies that require posture then deny.
 *
 * Verified assertions are cached by their exact text until they expire, so a device sending the
 * same assertion on every request pays for one signature check.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, importSPKI, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { ContextConfig } from '../../config/policy.js';
import type { DevicePosture } from '../../context/types.js';

export type PostureResult = { readonly posture: DevicePosture } | { readonly error: string };

export interface PostureVerifier {
  readonly header: string;
  verify(token: string, nowMs: number): Promise<PostureResult>;
}

interface IssuerKeys {
  readonly algorithms: string[];
  readonly key: JWTVerifyGetKey | ReturnType<typeof importSPKI>;
}

/** Longest assertion accepted; anything bigger is not a posture assertion. */
const MAX_ASSERTION_BYTES = 8 * 1024;
const CACHE_MAX = 10_000;

function keysOf(issuer: ContextConfig['posture']['issuers'][number], baseDir: string): IssuerKeys {
  const algorithms = [...issuer.algorithms];
  if (issuer.jwks) return { algorithms, key: createLocalJWKSet(issuer.jwks) };
  if (issuer.jwksUri) return { algorithms, key: createRemoteJWKSet(new URL(issuer.jwksUri), { timeoutDuration: 2_000, cooldownDuration: 30_000 }) };
  const text = readFileSync(resolve(baseDir, issuer.keyFile as string), 'utf8');
  if (text.trimStart().startsWith('{')) return { algorithms, key: createLocalJWKSet(JSON.parse(text) as Parameters<typeof createLocalJWKSet>[0]) };
  // A PEM key carries no algorithm; the first allowed one is the one it is imported for.
  return { algorithms: algorithms.slice(0, 1), key: importSPKI(text, algorithms[0] as string) };
}

function attributesOf(value: unknown): Record<string, string | number | boolean> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (k.length > 64) continue;
    if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 256)) out[k] = v;
  }
  return out;
}

/** Throws on a key file that cannot be read (at compile time, so a bad config fails to load). */
export function createPostureVerifier(config: ContextConfig['posture'], baseDir: string): PostureVerifier | undefined {
  if (config.issuers.length === 0) return undefined;
  const issuers = new Map(config.issuers.map((i) => [i.issuer, keysOf(i, baseDir)]));
  const cache = new Map<string, { result: PostureResult; until: number }>();

  async function check(token: string, nowMs: number): Promise<PostureResult & { until?: number }> {
    if (token.length > MAX_ASSERTION_BYTES) return { error: 'malformed' };
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      return { error: 'malformed' };
    }
    const keys = typeof iss === 'string' ? issuers.get(iss) : undefined;
    if (!keys) return { error: 'unknown-issuer' };
    try {
      const options = {
        issuer: iss as string,
        audience: config.audience,
        algorithms: keys.algorithms,
        maxTokenAge: config.maxAgeSec,
        clockTolerance: config.clockSkewSec,
        requiredClaims: ['iat'],
        currentDate: new Date(nowMs),
      };
      const key = keys.key;
      const { payload } =
        typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, await key, options);
      const attributes = attributesOf(payload['posture']);
      if (!attributes) return { error: 'no-posture-claim' };
      const issuedAt = payload.iat as number;
      const until = Math.min((issuedAt + config.maxAgeSec) * 1000, payload.exp !== undefined ? payload.exp * 1000 : Infinity);
      const posture: DevicePosture = { source: iss as string, ...(typeof payload.sub === 'string' ? { deviceId: payload.sub } : {}), attributes, issuedAt };
      return { posture, until };
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { error: 'expired' };
      if (err instanceof errors.JWSSignatureVerificationFailed) return { error: 'bad-signature' };
      if (err instanceof errors.JWTClaimValidationFailed) return { error: `bad-claim:${err.claim}` };
      if (err instanceof errors.JOSEAlgNotAllowed) return { error: 'algorithm-not-allowed' };
      if (err instanceof errors.JWKSNoMatchingKey) return { error: 'unknown-key' };
      if (err instanceof errors.JWKSTimeout) return { error: 'keys-unavailable' };
      return { error: 'invalid' };
    }
  }

  return {
    header: config.header,
    async verify(token, nowMs) {
      const cached = cache.get(token);
      if (cached && cached.until > nowMs) return cached.result;
      const { until, ...result } = await check(token, nowMs);
      if ('posture' in result && until !== undefined) {
        if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
        cache.set(token, { result, until });
      }
      return result;
    },
  };
}
