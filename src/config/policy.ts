/**
 * Configuration of authorization (issue 4): which Cedar policies are active (built-in role
 * templates plus the user's own `.cedar` files), a shadow candidate set, tool handling, operator
 * roles; and of the context phase: trusted proxies, GeoIP, device posture, time zone.
 * Imported by schema.ts; compiled by policy/compile.ts and stages/context/compile.ts.
 */
import { z } from 'zod';
import { checkCidrs } from '../identity/scopes.js';
import { ASYMMETRIC_ALGS } from './identity.js';

/** The built-in templates in config/policies/templates (docs/policy.md). */
export const POLICY_TEMPLATES = ['baseline', 'guardrails', 'admin', 'security-analyst', 'developer', 'app'] as const;

const toolMode = z.enum(['refuse', 'strip']);

const policySetSchema = z
  .object({
    /** Built-in templates to load. */
    templates: z.array(z.enum(POLICY_TEMPLATES)).default([...POLICY_TEMPLATES]),
    /** Extra `.cedar` files or directories of them, relative to the config file. */
    files: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const policySchema = z
  .object({
    templates: z.array(z.enum(POLICY_TEMPLATES)).default([...POLICY_TEMPLATES]),
    files: z.array(z.string().min(1)).default([]),
    /** A candidate set evaluated beside the active one on live traffic; differences are logged, never enforced. */
    shadow: policySetSchema.optional(),
    /** Tools in a request the caller may not use: refuse the request, or strip them from it. */
    tools: z
      .object({
        onDenied: toolMode.default('refuse'),
        /** Per public model name. */
        routes: z.record(z.string().min(1), toolMode).default({}),
      })
      .strict()
      .prefault({}),
    /** Operator name → roles on the admin plane; operators not listed get `defaultOperatorRoles`. */
    operators: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
    defaultOperatorRoles: z.array(z.string().min(1)).default(['admin']),
    /** Decisions cached per policy set (they are pure functions of their inputs); 0 turns it off. */
    cacheSize: z.number().int().min(0).max(1_000_000).default(10_000),
  })
  .strict();

const cidrList = z.array(z.string().min(1)).superRefine((cidrs, ctx) => {
  try {
    checkCidrs(cidrs);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

const postureIssuerSchema = z
  .object({
    /** Exact `iss` of the assertions (the MDM/EDR). */
    issuer: z.string().min(1),
    /** Public keys as a JWKS document inline (RFC 7517). */
    jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).optional(),
    /** Or a file holding a JWKS document or one PEM (SPKI) public key, relative to the config file. */
    keyFile: z.string().min(1).optional(),
    /** Or a JWKS URL, fetched and cached. */
    jwksUri: z.url({ protocol: /^https?$/ }).optional(),
    algorithms: z.array(z.enum(ASYMMETRIC_ALGS)).min(1).default(['ES256', 'RS256', 'EdDSA']),
  })
  .strict()
  .refine((i) => [i.jwks, i.keyFile, i.jwksUri].filter((k) => k !== undefined).length === 1, { message: 'give exactly one of jwks, keyFile, jwksUri' });

export const contextSchema = z
  .object({
    /**
     * Peers (CIDR) whose X-Forwarded-For is believed. Empty (the default): never; the client is
     * the socket peer. Otherwise the header is walked from the right, skipping trusted hops.
     */
    trustedProxies: cidrList.default([]),
    /** IANA zone for the hour and weekday policies see. */
    timeZone: z
      .string()
      .min(1)
      .default('UTC')
      .refine(
        (tz) => {
          try {
            new Intl.DateTimeFormat('en-US', { timeZone: tz });
            return true;
          } catch {
            return false;
          }
        },
        { message: 'unknown time zone' },
      ),
    geoip: z
      .object({
        /** A MaxMind-format (.mmdb) country or city database, relative to the config file. */
        database: z.string().min(1).optional(),
        /** A header with the ISO country code set by a trusted edge proxy (believed only from a trusted proxy). */
        header: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    posture: z
      .object({
        /** Header carrying a signed posture assertion (a JWS compact JWT). */
        header: z.string().min(1).default('x-device-posture'),
        /** The `aud` assertions must name: this gateway. */
        audience: z.string().min(1).default('urn:portcullis:gateway'),
        /** Assertions older than this (by `iat`) are expired whatever their `exp`. */
        maxAgeSec: z.number().int().positive().max(7 * 86_400).default(900),
        clockSkewSec: z.number().int().min(0).max(300).default(30),
        issuers: z.array(postureIssuerSchema).default([]),
        /**
         * Posture from the mTLS client certificate: subjectAltName URIs starting with this prefix
         * carry attributes (`<prefix>managed`, `<prefix>os=14.2`).
         */
        clientCertSanPrefix: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type PolicyConfig = z.output<typeof policySchema>;
export type PolicySetConfig = z.output<typeof policySetSchema>;
export type ContextConfig = z.output<typeof contextSchema>;
export type PostureIssuerConfig = z.output<typeof postureIssuerSchema>;
