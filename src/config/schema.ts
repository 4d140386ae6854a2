/**
 * The configuration schema (YAML on disk). Validated once with zod; every error carries its path.
 * Defaults are chosen to be safe: loopback only, fail closed, 4 MiB bodies, short header timeouts.
 */
import { z } from 'zod';
import { auditSchema, routeAuditSchema } from './audit.js';
import { telemetrySchema } from './telemetry.js';
import { guardsSchema } from './guards.js';
import { routeGuardsSchema } from '../guards/policy.js';
import { adminSchema, identitySchema } from './identity.js';
import { contextSchema, policySchema } from './policy.js';
import { limitsSchema } from './limits.js';
import { monitorSchema } from './monitor.js';

const ms = (def: number) => z.number().int().positive().max(24 * 3600 * 1000).default(def);

const retrySchema = z
  .object({
    /** Tries per target, the first included. */
    attempts: z.number().int().min(1).max(10).default(2),
    initialBackoffMs: z.number().int().min(0).max(60_000).default(100),
    maxBackoffMs: z.number().int().min(0).max(300_000).default(2_000),
  })
  .strict();

const breakerSchema = z
  .object({
    /** Consecutive failures that open the circuit of a target. */
    failureThreshold: z.number().int().min(1).max(1000).default(5),
    /** How long an open circuit refuses calls before one trial call is let through. */
    cooldownMs: ms(30_000),
  })
  .strict();

const upstreamTlsSchema = z
  .object({
    /** PEM CA bundle that replaces the system roots for this target. */
    caFile: z.string().min(1).optional(),
    /** Client certificate and key (PEM) for upstream mTLS; both or neither. */
    certFile: z.string().min(1).optional(),
    keyFile: z.string().min(1).optional(),
    /** Public-key pins: base64 SHA-256 of a SubjectPublicKeyInfo in the upstream's chain. */
    pins: z
      .array(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a pin is the base64 SHA-256 of a SubjectPublicKeyInfo (44 characters)'))
      .min(1)
      .optional(),
  })
  .strict()
  .refine((t) => (t.certFile === undefined) === (t.keyFile === undefined), { message: 'certFile and keyFile go together', path: ['certFile'] });

const targetSchema = z
  .object({
    provider: z.enum(['openai', 'anthropic', 'azure-openai']),
    baseUrl: z.url({ protocol: /^https?$/ }),
    /** Upstream model id; for azure-openai, the deployment name. */
    model: z.string().min(1),
    /** `${ENV_VAR}` (interpolated at load) or `secret:NAME` (from the encrypted store). */
    apiKey: z.string().min(1).optional(),
    /** azure-openai `api-version` query parameter. */
    apiVersion: z.string().min(1).default('2024-10-21'),
    /** anthropic: `anthropic-version` header. */
    anthropicVersion: z.string().min(1).default('2023-06-01'),
    /**
     * openai / azure-openai: the field that carries the caller's token limit. OpenAI's own API
     * wants max_completion_tokens (reasoning models refuse max_tokens); many compatible servers
     * know only max_tokens. Default: max_completion_tokens for api.openai.com and Azure, else max_tokens.
     */
    maxTokensField: z.enum(['max_tokens', 'max_completion_tokens']).optional(),
    /** anthropic requires max_tokens; used when the caller sent none. */
    defaultMaxTokens: z.number().int().positive().default(4096),
    connectTimeoutMs: ms(5_000).optional(),
    /** Time until the upstream's response headers arrive. */
    firstByteTimeoutMs: ms(60_000).optional(),
    /** Longest silence between two pieces of the upstream body. */
    idleTimeoutMs: ms(60_000).optional(),
    /** TLS towards this target (tls/upstream.ts); certificates are verified whatever is set here. */
    tls: upstreamTlsSchema.optional(),
  })
  .strict()
  .refine((t) => !t.tls || t.baseUrl.startsWith('https:'), { message: 'tls settings need an https baseUrl', path: ['tls'] });

const routeSchema = z
  .object({
    /** The public model name callers use. */
    model: z.string().min(1).max(256),
    targets: z.array(targetSchema).min(1),
    retry: retrySchema.default({ attempts: 2, initialBackoffMs: 100, maxBackoffMs: 2_000 }),
    circuitBreaker: breakerSchema.default({ failureThreshold: 5, cooldownMs: 30_000 }),
    /** Regulated routes keep a stricter audit default: traffic is refused while the audit store is down. */
    regulated: z.boolean().default(false),
    /** Overrides of the `audit:` defaults for this route (config/audit.ts). */
    audit: routeAuditSchema.optional(),
    /** Inline guards of this route (guards/policy.ts); defaults from the top-level `guards:`. */
    guards: routeGuardsSchema.optional(),
  })
  .strict();

const tlsSchema = z
  .object({
    certFile: z.string().min(1),
    keyFile: z.string().min(1),
    /** mTLS (issue 3): CA bundle (PEM) that client certificates must chain to. */
    clientCa: z.string().min(1).optional(),
    /** Refuse the TLS handshake without a valid client certificate (needs clientCa). */
    requireClientCert: z.boolean().default(false),
    /** How often (ms) the certificate files are checked for a replacement; 0: only on SIGHUP (tls/listener.ts). */
    reloadPollMs: z.number().int().min(0).max(3_600_000).default(5_000),
  })
  .strict()
  .refine((tls) => !tls.requireClientCert || tls.clientCa !== undefined, { message: 'requireClientCert needs clientCa', path: ['requireClientCert'] });

const serverSchema = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8080),
    tls: tlsSchema.optional(),
    /** Binding a non-loopback address without TLS is refused unless this says otherwise. */
    allowInsecureBind: z.boolean().default(false),
    bodyLimitBytes: z.number().int().positive().max(512 * 1024 * 1024).default(4 * 1024 * 1024),
    /** A client must send its headers within this. */
    headersTimeoutMs: ms(10_000),
    /** A client must send its whole request within this. */
    requestTimeoutMs: ms(30_000),
    keepAliveTimeoutMs: ms(5_000),
  })
  .strict();

export const configSchema = z
  .object({
    server: serverSchema.default(() => serverSchema.parse({})),
    /** Where state lives: the embedded SQLite file by default. */
    storage: z
      .object({ url: z.string().min(1).default('sqlite:.portcullis/portcullis.db') })
      .strict()
      .default({ url: 'sqlite:.portcullis/portcullis.db' }),
    /** Directory for generated secrets (pepper, master key) when they are not given. */
    dataDir: z.string().min(1).default('.portcullis'),
    /** Shared state across instances (limits, quarantines, pub/sub); in-process when `redis` is unset. */
    state: z
      .object({ redis: z.url({ protocol: /^rediss?$/ }).optional() })
      .strict()
      .default({}),
    secrets: z
      .object({
        /** HMAC key for stored API-key hashes; generated into dataDir when unset. */
        pepper: z.string().min(32).optional(),
        /** 32-byte master key (base64 or hex) of the keyring (crypto/server-secrets.ts: sources, and when one is generated). */
        masterKey: z.string().min(40).optional(),
        /** File holding the master key (base64 or hex); refused when group or others may read it. */
        masterKeyFile: z.string().min(1).optional(),
        /** KMS hook: a command (argv, no shell) printing the master key on standard output. */
        masterKeyCommand: z.array(z.string().min(1)).min(1).optional(),
        /** Earlier master keys, read only until `portcullis keys rotate-master` re-encrypts their data. */
        previousMasterKeyFiles: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .default({}),
    logging: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
      .strict()
      .default({ level: 'info' }),
    pipeline: z
      .object({ stageTimeoutMs: ms(2_000) })
      .strict()
      .default({ stageTimeoutMs: 2_000 }),
    upstream: z
      .object({
        connectTimeoutMs: ms(5_000),
        firstByteTimeoutMs: ms(60_000),
        idleTimeoutMs: ms(60_000),
        /** Keep-alive connections per upstream origin. */
        connections: z.number().int().min(1).max(10_000).default(256),
      })
      .strict()
      .default({ connectTimeoutMs: 5_000, firstByteTimeoutMs: 60_000, idleTimeoutMs: 60_000, connections: 256 }),
    routes: z.array(routeSchema).default([]),
    /** The tamper-evident audit trail (config/audit.ts, docs/audit.md). */
    audit: auditSchema.prefault({}),
    guards: guardsSchema.prefault({}),
    /** API keys, gateway tokens, OIDC issuers (config/identity.ts). */
    identity: identitySchema.prefault({}),
    /** Rate limits and quotas (config/limits.ts, docs/limits.md); off unless rules are set. */
    limits: limitsSchema.prefault({}),
    /** The admin listener; off unless this section is present. */
    admin: adminSchema.optional(),
    /** Cedar authorization: templates, policy files, shadow set, tools, operator roles (config/policy.ts). */
    policy: policySchema.prefault({}),
    /** The context phase: trusted proxies, GeoIP, device posture, time zone (config/policy.ts). */
    context: contextSchema.prefault({}),
    /** OpenTelemetry traces (config/telemetry.ts); off unless `traces.otlpEndpoint` is set. */
    telemetry: telemetrySchema.prefault({}),
    /** Anomaly scoring, model monitoring and incident rules (config/monitor.ts, docs/monitoring.md). */
    monitor: monitorSchema.prefault({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.routes.forEach((route, i) => {
      if (seen.has(route.model)) ctx.addIssue({ code: 'custom', path: ['routes', i, 'model'], message: `duplicate route for model "${route.model}"` });
      seen.add(route.model);
    });
    if (!config.server.tls && !config.server.allowInsecureBind && !isLoopback(config.server.host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['server', 'host'],
        message: `binding ${config.server.host} without TLS is refused; configure server.tls or set server.allowInsecureBind: true`,
      });
    }
    if (config.admin && !config.admin.tls && !config.admin.allowInsecureBind && !isLoopback(config.admin.host)) {
      ctx.addIssue({ code: 'custom', path: ['admin', 'host'], message: `binding ${config.admin.host} without TLS is refused; configure admin.tls or set admin.allowInsecureBind: true` });
    }
  });

export type Config = z.output<typeof configSchema>;
export type RouteConfig = Config['routes'][number];
export type TargetConfig = RouteConfig['targets'][number];

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
