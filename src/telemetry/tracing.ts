/**
 * OpenTelemetry traces of the request path: one SERVER span per data-plane request, one child
 * span per pipeline stage call, one CLIENT span for the upstream call (covering a stream until
 * its last chunk), exported over OTLP/HTTP (`telemetry.traces`). The upstream request carries
 * the upstream span as a W3C `traceparent`; an incoming `traceparent` is continued only when
 * `trustIncoming` is set.
 *
 * Cost when off: `createTracing` returns undefined and the gateway's only work is a few
 * `undefined` checks — no provider, no span, no context object. When on but a trace is sampled
 * out, the request span is a non-recording span and no child spans are made.
 *
 * Stage spans need no hook in the pipeline runner: the runner pushes one Decision per stage call
 * right after measuring it, so a traced request gets a decisions array whose `push` turns each
 * decision into a span ending now and starting `durationMs` earlier.
 */
import type { IncomingMessage } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import type { TracesConfig } from '../config/telemetry.js';
import type { Decision } from '../pipeline/types.js';

export interface Tracing {
  /** Starts the request span; `startedAt` is the request's `performance.now()`. */
  start(req: IncomingMessage, requestId: string, operation: string, startedAt: number): RequestTrace;
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

export interface UpstreamCall {
  /** Headers for the upstream request (`traceparent`). */
  readonly headers: Readonly<Record<string, string>>;
  end(err?: unknown): void;
}

export interface RequestTrace {
  /** The decisions array to give the pipeline: each decision pushed becomes a stage span. */
  readonly decisions: Decision[];
  upstream(model: string): UpstreamCall;
  end(status: number, code: string | undefined, model: string | undefined): void;
}

/** A W3C trace context header: version 00 exactly, or a later version's first four fields. */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/** The parent context from a `traceparent` header, or ROOT_CONTEXT when absent or malformed. */
export function parentFrom(header: string | string[] | undefined): Context {
  if (typeof header !== 'string' || header.length > 512) return ROOT_CONTEXT;
  const m = TRACEPARENT.exec(header.trim());
  if (!m) return ROOT_CONTEXT;
  const [, version, traceId, spanId, flags, rest] = m as unknown as [string, string, string, string, string, string | undefined];
  if (version === 'ff' || (version === '00' && rest !== undefined) || traceId === ZERO_TRACE || spanId === ZERO_SPAN) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: parseInt(flags, 16) & 1, isRemote: true });
}

export function traceparentOf(span: Span): string {
  const c = span.spanContext();
  return `00-${c.traceId}-${c.spanId}-0${c.traceFlags & 1}`;
}

/** Undefined (tracing off) unless `otlpEndpoint` is set. */
export function createTracing(config: TracesConfig): Tracing | undefined {
  if (!config.otlpEndpoint) return undefined;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.samplingRatio) }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: config.otlpEndpoint, ...(config.headers ? { headers: { ...config.headers } } : {}) }), {
        maxQueueSize: 8192,
        maxExportBatchSize: 512,
        scheduledDelayMillis: 1_000,
      }),
    ],
  });
  const tracer = provider.getTracer('portcullis');
  const trustIncoming = config.trustIncoming;
  return {
    start(req, requestId, operation, startedAt) {
      const parent = trustIncoming ? parentFrom(req.headers.traceparent) : ROOT_CONTEXT;
      const span = tracer.startSpan(
        `${req.method ?? 'GET'} ${operation}`,
        {
          kind: SpanKind.SERVER,
          startTime: startedAt,
          attributes: { 'http.request.method': req.method ?? '', 'url.path': (req.url ?? '/').split('?')[0] ?? '/', 'portcullis.request_id': requestId, 'portcullis.operation': operation },
        },
        parent,
      );
      return span.isRecording() ? new RecordedTrace(tracer, span) : new UnrecordedTrace(span);
    },
    shutdown: () => provider.shutdown(),
  };
}

/** Ends spans at `performance.now()` values: OTel reads numbers below the time origin as such. */
class RecordedTrace implements RequestTrace {
  readonly decisions: Decision[];
  private readonly context: Context;

  constructor(
    private readonly tracer: Tracer,
    private readonly span: Span,
  ) {
    this.context = trace.setSpan(ROOT_CONTEXT, span);
    this.decisions = new StageSpans(this.tracer, this.context);
  }

  upstream(model: string): UpstreamCall {
    const span = this.tracer.startSpan(`upstream ${model}`, { kind: SpanKind.CLIENT, attributes: { 'gen_ai.request.model': model } }, this.context);
    let ended = false;
    return {
      headers: { traceparent: traceparentOf(span) },
      end(err) {
        if (ended) return;
        ended = true;
        if (err !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: codeOf(err) });
        span.end();
      },
    };
  }

  end(status: number, code: string | undefined, model: string | undefined): void {
    this.span.setAttribute('http.response.status_code', status);
    if (model !== undefined) this.span.setAttribute('gen_ai.request.model', model);
    if (code !== undefined) {
      this.span.setAttribute('error.type', code);
      if (status >= 500 || status === 499) this.span.setStatus({ code: SpanStatusCode.ERROR, message: code });
    }
    this.span.end();
  }
}

/** Sampled out: the trace id still travels upstream (flags 00), nothing is recorded. */
class UnrecordedTrace implements RequestTrace {
  readonly decisions: Decision[] = [];
  private readonly headers: Readonly<Record<string, string>>;
  constructor(span: Span) {
    this.headers = { traceparent: traceparentOf(span) };
  }
  upstream(): UpstreamCall {
    return { headers: this.headers, end() {} };
  }
  end(): void {}
}

/** A decisions array whose `push` also records each stage call as a span. */
class StageSpans extends Array<Decision> {
  // Derived arrays (`map`, `filter` of the audit record builder) are plain arrays.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  private tracer: Tracer | undefined;
  private context: Context | undefined;

  constructor(tracer: Tracer, context: Context) {
    super();
    this.tracer = tracer;
    this.context = context;
  }

  override push(...items: Decision[]): number {
    const now = performance.now();
    if (this.tracer && this.context) {
      for (const d of items) {
        const span = this.tracer.startSpan(
          `stage ${d.stage}`,
          { startTime: now - d.durationMs, attributes: { 'portcullis.stage': d.stage, 'portcullis.phase': d.phase, 'portcullis.outcome': d.outcome, ...(d.code ? { 'portcullis.code': d.code } : {}), ...(d.reasons ? { 'portcullis.reasons': [...d.reasons] } : {}) } },
          this.context,
        );
        if (d.outcome === 'error' || d.outcome === 'timeout') span.setStatus({ code: SpanStatusCode.ERROR, message: d.code ?? d.outcome });
        span.end(now);
      }
    }
    return super.push(...items);
  }
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

/**
 * Runs an upstream call inside an upstream span when the request is traced; otherwise calls
 * straight through (no span, no headers).
 */
export function traceUpstream<T>(t: RequestTrace | undefined, model: string, call: (headers: Readonly<Record<string, string>> | undefined) => Promise<T>): Promise<T> {
  // Not an async function: untraced, the call's own promise is returned as is, with no wrapper.
  return t ? tracedCall(t, model, call) : call(undefined);
}

async function tracedCall<T>(t: RequestTrace, model: string, call: (headers: Readonly<Record<string, string>> | undefined) => Promise<T>): Promise<T> {
  const up = t.upstream(model);
  try {
    const result = await call(up.headers);
    up.end();
    return result;
  } catch (err) {
    up.end(err);
    throw err;
  }
}

/** Like traceUpstream for a stream: the span lasts until the stream's last chunk (or its failure). */
export function traceUpstreamStream<T>(t: RequestTrace | undefined, model: string, open: (headers: Readonly<Record<string, string>> | undefined) => Promise<AsyncIterable<T>>): Promise<AsyncIterable<T>> {
  return t ? tracedStream(t, model, open) : open(undefined);
}

async function tracedStream<T>(t: RequestTrace, model: string, open: (headers: Readonly<Record<string, string>> | undefined) => Promise<AsyncIterable<T>>): Promise<AsyncIterable<T>> {
  const up = t.upstream(model);
  let stream: AsyncIterable<T>;
  try {
    stream = await open(up.headers);
  } catch (err) {
    up.end(err);
    throw err;
  }
  return (async function* spanned() {
    try {
      yield* stream;
      up.end();
    } catch (err) {
      up.end(err);
      throw err;
    } finally {
      up.end(); // abandoned early (client went away): a no-op when already ended
    }
  })();
}
