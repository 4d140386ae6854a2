/**
 * The `audit:` section of the configuration and the per-route `audit:` block (see docs/audit.md).
 * Defaults: payloads recorded as SHA-256 digests, records spooled locally while the store is
 * down — except on routes marked `regulated: true`, which refuse traffic instead (fail closed).
 */
import { z } from 'zod';

const payloads = z.enum(['none', 'hash', 'encrypted']);
const onStoreDown = z.enum(['spool', 'fail-closed']);
const retentionDays = z.number().int().positive().max(100 * 366);

/** Per-route overrides of the global audit settings. */
export const routeAuditSchema = z
  .object({
    payloads: payloads.optional(),
    onStoreDown: onStoreDown.optional(),
    /** Bodies of this route's records older than this are dropped by `audit prune` (headers stay in the chain). */
    retentionDays: retentionDays.optional(),
  })
  .strict();

const exportSchema = z
  .object({
    /** Append one JSON line per record to this file. */
    jsonl: z.object({ file: z.string().min(1) }).strict().optional(),
    /** POST signed batches of JSON lines (HMAC-SHA256 over the body, header `x-portcullis-signature`). */
    webhook: z
      .object({
        url: z.url({ protocol: /^https?$/ }),
        /** HMAC key; use `${ENV_VAR}` interpolation rather than writing it into the file. */
        secret: z.string().min(16),
        maxQueue: z.number().int().min(1).max(1_000_000).default(10_000),
      })
      .strict()
      .optional(),
    /** RFC 5424 syslog over TCP (RFC 6587 octet counting), or over TLS (RFC 5425) when `tls` is set. */
    syslog: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65_535),
        /** `{}` for TLS with the system CAs; `caFile` to trust a private CA. */
        tls: z
          .object({ caFile: z.string().min(1).optional(), certFile: z.string().min(1).optional(), keyFile: z.string().min(1).optional(), serverName: z.string().min(1).optional() })
          .strict()
          .optional(),
        /** RFC 5424 facility code; 13 = log audit, 10 = security/authorization. */
        facility: z.number().int().min(0).max(23).default(13),
        appName: z.string().min(1).max(48).default('portcullis'),
        /** Structured-data id, `name@<private enterprise number>`; 32473 is the documentation PEN. */
        sdId: z.string().regex(/^[^= "\]]{1,32}$/).default('portcullis@32473'),
        maxQueue: z.number().int().min(1).max(1_000_000).default(10_000),
      })
      .strict()
      .optional(),
    /** OpenTelemetry logs over OTLP/HTTP JSON, e.g. `url: http://collector:4318/v1/logs`. */
    otlp: z
      .object({
        url: z.url({ protocol: /^https?$/ }),
        /** Extra headers (a collector API key: use `${ENV_VAR}` interpolation). */
        headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(4096)).optional(),
        serviceName: z.string().min(1).max(128).default('portcullis'),
        maxQueue: z.number().int().min(1).max(1_000_000).default(10_000),
      })
      .strict()
      .optional(),
  })
  .strict();

export const auditSchema = z
  .object({
    /** Turning the audit trail off is for benchmarks; the posture report flags it. */
    enabled: z.boolean().default(true),
    payloads: payloads.default('hash'),
    /** Default for routes that are not `regulated` (those default to fail-closed). */
    onStoreDown: onStoreDown.default('spool'),
    /** Default retention; unset keeps records forever. */
    retentionDays: retentionDays.optional(),
    /** Spool file for records while the store is down; default `<dataDir>/audit.spool`. */
    spoolFile: z.string().min(1).optional(),
    /** Sign a checkpoint after this many records… */
    checkpointEveryRecords: z.number().int().min(1).max(10_000_000).default(1000),
    /** …or after this long, whichever comes first. */
    checkpointEveryMs: z.number().int().min(100).max(24 * 3600 * 1000).default(60_000),
    /** Most records in one group commit. */
    maxBatch: z.number().int().min(1).max(100_000).default(1000),
    /**
     * Group-commit window in ms: under load (records arriving faster than two per window) records
     * gather up to this long before a durable commit, so one fsync covers more of them; when
     * traffic is light, commits start at once. 0 always commits at once (docs/audit.md).
     */
    commitDelayMs: z.number().min(0).max(100).default(2),
    /** SIEM export of every durable record as it happens (audit/export.ts); never blocks the data plane. */
    export: exportSchema.prefault({}),
  })
  .strict();

export type AuditConfig = z.output<typeof auditSchema>;
export type RouteAuditConfig = z.output<typeof routeAuditSchema>;
