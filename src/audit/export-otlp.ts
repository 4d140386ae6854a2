/**
 * OpenTelemetry logs export: batches of audit records POSTed as OTLP/HTTP JSON
 * (`ExportLogsServiceRequest`, content type `application/json`) to a collector's `/v1/logs`.
 *
 * Why not @opentelemetry/sdk-logs with its OTLP exporter: its batch processor drops a batch
 * after a handful of retries and cannot tell us how many it dropped, while an audit exporter must
 * keep retrying for as long as its queue has room and count exactly what it lost — the same
 * contract as the syslog and webhook exporters (export-queue.ts). The SDK would add a second
 * queue and a timer per record on top of ours and nothing we need: the wire format is a small
 * JSON document, written here by hand from the already canonical body.
 *
 * Each record becomes one LogRecord: time = the record's time, severity INFO/WARN/ERROR by
 * outcome, body = the canonical JSON of the record (a string, so the SIEM gets the exact bytes
 * that were hashed), attributes = the chained header fields, `event.name` =
 * `portcullis.audit.request` or `portcullis.audit.admin`. Retried: network errors, 429 and 5xx;
 * any other answer drops the batch (and counts it) — sending the same bytes again cannot help.
 */
import { hostname } from 'node:os';
import { request } from 'undici';
import type { Logger } from '../log.js';
import type { AuditEntry } from './chain.js';
import { PermanentExportError, queuedExporter, type QueuedExporter } from './export-queue.js';

export interface OtlpLogsOptions {
  /** Full URL of the logs endpoint, e.g. `http://collector:4318/v1/logs`. */
  readonly url: string;
  /** Extra request headers (a collector's API key); values are never logged. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly serviceName?: string;
  readonly maxQueue?: number;
  readonly maxBatch?: number;
  readonly timeoutMs?: number;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly log: Logger;
}

const SEVERITY = {
  allow: '"severityNumber":9,"severityText":"INFO"',
  deny: '"severityNumber":13,"severityText":"WARN"',
  error: '"severityNumber":17,"severityText":"ERROR"',
} as const;

const attr = (key: string, value: string): string => `{"key":"${key}","value":{"stringValue":${JSON.stringify(value)}}}`;

/** One LogRecord in OTLP JSON (int64 as decimal strings, as the proto3 JSON mapping asks). */
export function otlpLogRecord(e: AuditEntry, observedNs: string): string {
  const kind = e.route === null && e.body.startsWith('{"action":') ? 'admin' : 'request';
  const attrs = [
    attr('event.name', `portcullis.audit.${kind}`),
    attr('portcullis.request_id', e.requestId),
    attr('portcullis.outcome', e.outcome),
    `{"key":"portcullis.status","value":{"intValue":"${e.status}"}}`,
    ...(e.principal !== null ? [attr('portcullis.principal', e.principal)] : []),
    ...(e.route !== null ? [attr('portcullis.route', e.route)] : []),
  ];
  return `{"timeUnixNano":"${e.ts}000000","observedTimeUnixNano":"${observedNs}",${SEVERITY[e.outcome]},"body":{"stringValue":${JSON.stringify(e.body)}},"attributes":[${attrs.join(',')}]}`;
}

export function otlpLogsExporter(options: OtlpLogsOptions): QueuedExporter {
  const resource = `{"attributes":[${attr('service.name', options.serviceName ?? 'portcullis')},${attr('host.name', hostname())}]}`;
  const scope = '{"name":"portcullis.audit","version":"1"}';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = new URL(options.url);

  const send = async (records: readonly string[]): Promise<number> => {
    const body = `{"resourceLogs":[{"resource":${resource},"scopeLogs":[{"scope":${scope},"logRecords":[${records.join(',')}]}]}]}`;
    const res = await request(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-type': 'application/json' },
      body,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await res.body.text();
    if (res.statusCode === 429 || res.statusCode >= 500) throw new Error(`OTLP collector answered ${res.statusCode}`);
    if (res.statusCode < 200 || res.statusCode >= 300) throw new PermanentExportError(`OTLP collector answered ${res.statusCode}`);
    const rejected = rejectedCount(text);
    if (rejected > 0) options.log.warn({ exporter: 'otlp', rejected }, 'the OTLP collector rejected some audit log records');
    return rejected;
  };

  return queuedExporter({
    name: 'otlp',
    target: url.origin + url.pathname,
    // The observed time is when the record was handed to the exporter (it is durable by then).
    encode: (e) => otlpLogRecord(e, `${Date.now()}000000`),
    send,
    maxQueue: options.maxQueue ?? 10_000,
    maxBatch: options.maxBatch ?? 512,
    ...(options.minBackoffMs !== undefined ? { minBackoffMs: options.minBackoffMs } : {}),
    ...(options.maxBackoffMs !== undefined ? { maxBackoffMs: options.maxBackoffMs } : {}),
    log: options.log,
  });
}

/** `partialSuccess.rejectedLogRecords` of an ExportLogsServiceResponse, 0 when absent or unreadable. */
function rejectedCount(text: string): number {
  if (text.length === 0) return 0;
  try {
    const parsed = JSON.parse(text) as { partialSuccess?: { rejectedLogRecords?: string | number } };
    const n = Number(parsed.partialSuccess?.rejectedLogRecords ?? 0);
    return Number.isFinite(n) ? n : 0;
  } catch {
    return 0;
  }
}
