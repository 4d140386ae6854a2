/**
 * The `telemetry:` section: OpenTelemetry traces of the request path (src/telemetry). Off unless
 * `traces.otlpEndpoint` is set; when off the gateway creates no span objects at all.
 */
import { z } from 'zod';

export const telemetrySchema = z
  .object({
    traces: z
      .object({
        /** Full OTLP/HTTP traces URL, e.g. `http://collector:4318/v1/traces`. Unset: tracing off. */
        otlpEndpoint: z.url({ protocol: /^https?$/ }).optional(),
        /** Extra export headers (a collector API key: use `${ENV_VAR}` interpolation). */
        headers: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), z.string().max(4096)).optional(),
        /** Share of new traces recorded (0–1); a trusted incoming parent's sampled flag wins. */
        samplingRatio: z.number().min(0).max(1).default(1),
        /**
         * Continue the caller's trace from its W3C `traceparent` header. Off by default: an
         * untrusted caller could otherwise pick trace ids or force sampling on.
         */
        trustIncoming: z.boolean().default(false),
        serviceName: z.string().min(1).max(128).default('portcullis'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type TelemetryConfig = z.output<typeof telemetrySchema>;
export type TracesConfig = TelemetryConfig['traces'];
