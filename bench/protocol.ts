/**
 * The contract between the orchestrator (`gateway.ts`) and the load generator (`load.ts`): the
 * orchestrator passes one {@link LoadSpec} as JSON on the command line and reads one
 * {@link LoadResult} JSON line from stdout. Both sides import these types, so a change to one
 * side that the other does not understand fails the type-check instead of the benchmark.
 */

/** Where the load goes: one origin (loopback only), one path, fixed headers. */
export interface LoadTarget {
  readonly origin: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

interface SpecBase {
  readonly target: LoadTarget;
  /** JSON request body, sent verbatim. */
  readonly body: string;
  /** A substring every checked response body must contain (proves the mock answered). */
  readonly expect: string;
  /** Length of the measured window. */
  readonly seconds: number;
  /** Load applied before the window opens, not measured (JIT, connection set-up). */
  readonly warmupSeconds: number;
}

/** Closed loop: `connections` workers, each sending the next request when the last one ends. */
export interface ThroughputSpec extends SpecBase {
  readonly mode: 'throughput';
  readonly connections: number;
}

/** Open loop: requests dispatched on a wall-clock schedule at `rate` per second. */
export interface LatencySpec extends SpecBase {
  readonly mode: 'latency';
  readonly rate: number;
  /** Pool size; large enough that a slow target never makes the client queue. */
  readonly connections: number;
}

/** Sequential streamed requests; time to the first `data:` byte and to the end of the stream. */
export interface TtfbSpec extends SpecBase {
  readonly mode: 'ttfb';
  /** `data:` events (content chunks + role + finish + [DONE]) each stream must carry at least. */
  readonly minEvents: number;
}

/** What the orchestrator asks of one load-generator process. */
export type LoadSpec = ThroughputSpec | LatencySpec | TtfbSpec;

/** Everything that went wrong in one run; any non-zero count invalidates the run. */
export interface ErrorCounts {
  /** Responses with a status outside 200–299. */
  readonly non2xx: number;
  /** Connection failures, resets, client timeouts. */
  readonly network: number;
  /** 2xx responses whose body lacked the expected answer (or a stream too short / without [DONE]). */
  readonly badBody: number;
  /** Requests still unanswered when the drain deadline passed. */
  readonly unfinished: number;
  /** First failure seen, for the error report. */
  readonly sample?: string;
}

/** Millisecond percentiles with 3 decimals. */
export interface LatencyStats {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly count: number;
}

interface ResultBase {
  readonly errors: ErrorCounts;
  /** Every response received, warm-up and tail included: the divisor for CPU time per request. */
  readonly totalResponses: number;
  /** CPU time of the load generator itself (user+system), to show it was not the bottleneck. */
  readonly loadCpuMs: number;
  /** Wall time of the whole load process run, warm-up included. */
  readonly wallMs: number;
}

export interface ThroughputResult extends ResultBase {
  readonly mode: 'throughput';
  /** 2xx responses completed inside the measured window. */
  readonly requests: number;
  readonly seconds: number;
  readonly rps: number;
}

export interface LatencyResult extends ResultBase {
  readonly mode: 'latency';
  readonly sent: number;
  readonly latency: LatencyStats;
  /** How late the generator dispatched versus its schedule: its own jitter, same for every target. */
  readonly lagP99Ms: number;
  readonly achievedRate: number;
}

export interface TtfbResult extends ResultBase {
  readonly mode: 'ttfb';
  readonly ttfb: LatencyStats;
  readonly total: LatencyStats;
  /** Fewest `data:` events seen in one stream. */
  readonly minEvents: number;
}

/** The one JSON line `load.ts` prints. */
export type LoadResult = ThroughputResult | LatencyResult | TtfbResult;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positive(value: unknown, name: string, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new Error(`load spec: ${name} must be a number in (0, ${max}]`);
  }
  return value;
}

function nonNegative(value: unknown, name: string, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`load spec: ${name} must be a number in [0, ${max}]`);
  }
  return value;
}

/**
 * Validates a spec received as JSON. The benchmark only ever loads servers it started itself, so
 * anything but a plain-HTTP 127.0.0.1 origin is refused: a typo must not turn it into a load test
 * of somebody else's host.
 */
export function parseLoadSpec(text: string): LoadSpec {
  const raw: unknown = JSON.parse(text);
  if (!isRecord(raw)) throw new Error('load spec: not an object');
  const target = raw['target'];
  if (!isRecord(target) || typeof target['origin'] !== 'string' || typeof target['path'] !== 'string' || !isRecord(target['headers'])) {
    throw new Error('load spec: target {origin, path, headers} is required');
  }
  const origin = new URL(target['origin']);
  if (origin.protocol !== 'http:' || origin.hostname !== '127.0.0.1' || origin.pathname !== '/') {
    throw new Error(`load spec: only http://127.0.0.1:PORT origins are allowed, got ${target['origin']}`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(target['headers'])) {
    if (typeof value !== 'string') throw new Error(`load spec: header ${name} must be a string`);
    headers[name] = value;
  }
  if (typeof raw['body'] !== 'string' || typeof raw['expect'] !== 'string') throw new Error('load spec: body and expect must be strings');
  const base = {
    target: { origin: origin.origin, path: target['path'], headers },
    body: raw['body'],
    expect: raw['expect'],
    seconds: positive(raw['seconds'], 'seconds', 600),
    warmupSeconds: nonNegative(raw['warmupSeconds'], 'warmupSeconds', 60),
  };
  switch (raw['mode']) {
    case 'throughput':
      return { ...base, mode: 'throughput', connections: Math.floor(positive(raw['connections'], 'connections', 4096)) };
    case 'latency':
      return {
        ...base,
        mode: 'latency',
        rate: positive(raw['rate'], 'rate', 100_000),
        connections: Math.floor(positive(raw['connections'], 'connections', 4096)),
      };
    case 'ttfb':
      return { ...base, mode: 'ttfb', minEvents: Math.floor(positive(raw['minEvents'], 'minEvents', 100_000)) };
    default:
      throw new Error('load spec: mode must be throughput, latency or ttfb');
  }
}
