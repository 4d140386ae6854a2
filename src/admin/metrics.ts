/**
 * Prometheus metrics of the data plane and the audit trail, served on the admin listener as
 * `GET /metrics` (docs/audit.md, "Metrics"). Everything is collected from the RequestSummary the
 * gateway already hands its completion observers — nothing runs on the request path itself —
 * and queue depths are read from the audit log only when Prometheus scrapes.
 *
 * Label values are bounded: routes are the configured public model names (an unknown model is
 * recorded as `unknown`, so a caller cannot grow the series set), statuses are HTTP codes,
 * decisions are allow/deny/error, codes come from the error registry.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { outcomeOf } from '../audit/record.js';
import type { AuditStats } from '../audit/log.js';
import type { RequestSummary } from '../server/completion.js';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const STAGE_BUCKETS = [0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1];

/** What the metrics read from the audit trail at scrape time (absent when audit is off). */
export interface AuditGauges {
  stats(): AuditStats;
  /** Events dropped by exporters whose queue was full. */
  exportDrops(): Record<string, number>;
}

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'operation' | 'status' | 'decision'>;
  private readonly latency: Histogram<'route' | 'operation'>;
  private readonly stage: Histogram<'stage' | 'phase'>;
  private readonly tokens: Counter<'route' | 'direction'>;
  private readonly findings: Counter<'stage' | 'category'>;
  private readonly denials: Counter<'code'>;

  /** `knownRoute` bounds the route label to configured routes. */
  constructor(private readonly knownRoute: (model: string) => boolean, audit?: AuditGauges) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'portcullis_requests_total', help: 'Data-plane requests by route, operation, HTTP status and decision.', labelNames: ['route', 'operation', 'status', 'decision'], registers });
    this.latency = new Histogram({ name: 'portcullis_request_duration_seconds', help: 'End-to-end time to the answer being ready (excluding the audit wait).', labelNames: ['route', 'operation'], buckets: LATENCY_BUCKETS, registers });
    this.stage = new Histogram({ name: 'portcullis_stage_duration_seconds', help: 'Time spent in each pipeline stage.', labelNames: ['stage', 'phase'], buckets: STAGE_BUCKETS, registers });
    this.tokens = new Counter({ name: 'portcullis_tokens_total', help: 'Tokens by route and direction (input, output).', labelNames: ['route', 'direction'], registers });
    this.findings = new Counter({ name: 'portcullis_guard_findings_total', help: 'Findings (reasons) reported by guard stages, by stage and category.', labelNames: ['stage', 'category'], registers });
    this.denials = new Counter({ name: 'portcullis_denials_total', help: 'Refused or failed requests by error code.', labelNames: ['code'], registers });
    if (audit) {
      const stats = (): AuditStats => audit.stats();
      new Gauge({ name: 'portcullis_audit_queue_depth', help: 'Audit records not yet in the store (waiting for the journal, or journaled and waiting for the store).', registers, collect() { this.set(stats().queued); } });
      new Gauge({ name: 'portcullis_audit_spool_records', help: 'Audit records durable in the local journal and not yet in the store.', registers, collect() { this.set(stats().spooled); } });
      new Gauge({ name: 'portcullis_audit_last_write_seconds', help: 'Duration of the last store append (a batch of journaled records).', registers, collect() { this.set(stats().lastAppendMs / 1000); } });
      new Gauge({ name: 'portcullis_audit_last_journal_seconds', help: 'Duration of the last journal frame write and fdatasync (group commit: what a request waits for).', registers, collect() { this.set(stats().lastJournalMs / 1000); } });
      new Gauge({ name: 'portcullis_audit_records_written', help: 'Audit records made durable in the store since start.', registers, collect() { this.set(stats().written); } });
      new Gauge({ name: 'portcullis_audit_batches', help: 'Store transactions since start.', registers, collect() { this.set(stats().batches); } });
      new Gauge({ name: 'portcullis_audit_journal_frames', help: 'Journal frames (group commits, one fdatasync each) since start; records written ÷ frames is the records per fdatasync.', registers, collect() { this.set(stats().frames); } });
      new Gauge({
        name: 'portcullis_audit_export_dropped',
        help: 'Audit events an exporter dropped because its queue was full, since start.',
        labelNames: ['exporter'],
        registers,
        collect() {
          for (const [exporter, n] of Object.entries(audit.exportDrops())) this.set({ exporter }, n);
        },
      });
    }
  }

  /** A completion observer: a handful of counter and histogram updates per request. */
  observe(summary: RequestSummary): void {
    const route = summary.model === undefined ? 'none' : this.knownRoute(summary.model) ? summary.model : 'unknown';
    const decision = outcomeOf(summary);
    this.requests.inc({ route, operation: summary.operation, status: String(summary.status), decision });
    this.latency.observe({ route, operation: summary.operation }, summary.latencyMs / 1000);
    for (const d of summary.decisions) {
      this.stage.observe({ stage: d.stage, phase: d.phase }, d.durationMs / 1000);
      if ((d.phase === 'input' || d.phase === 'output' || d.phase === 'stream') && d.reasons) {
        for (const category of d.reasons) this.findings.inc({ stage: d.stage, category });
      }
    }
    if (decision !== 'allow') this.denials.inc({ code: summary.code ?? 'unknown' });
    const usage = summary.response?.usage ?? summary.chunks?.at(-1)?.usage;
    if (usage) {
      this.tokens.inc({ route, direction: 'input' }, usage.inputTokens);
      this.tokens.inc({ route, direction: 'output' }, usage.outputTokens);
    }
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
