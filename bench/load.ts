/**
 * The benchmark's load generator: one process per measurement, started (and pinned to its own
 * core) by `gateway.ts`. It takes one JSON {@link LoadSpec} as its only argument and prints one
 * JSON {@link LoadResult} line on stdout.
 *
 * It runs in its own process so that its CPU use never competes with the server under test on
 * the same event loop, and it uses undici's keep-alive `Pool` because that is the cheapest HTTP
 * client Node has: the cheaper the client, the less it limits the figures it reports.
 *
 * Every loop is bounded both in time and in count, so a wedged target cannot keep it running.
 */
import { Pool } from 'undici';
import { parseLoadSpec, type ErrorCounts, type LatencySpec, type LoadResult, type LoadSpec, type ThroughputSpec, type TtfbSpec } from './protocol.js';
import { percentile, round, summariseNs } from './stats.js';

/** Hard caps on request counts, far above anything the time limits allow. */
const MAX_REQUESTS = 20_000_000;
const MAX_STREAMS = 200_000;
/** Open loop: requests in flight beyond this are counted as failures instead of piling up. */
const MAX_IN_FLIGHT = 20_000;
/** How long the open loop waits for stragglers after its last dispatch. */
const DRAIN_MS = 15_000;
/** A closed loop against a dead target would spin; after this many failures the run stops. */
const MAX_FAILURES = 200;

const NS_PER_S = 1_000_000_000n;
const now = (): bigint => process.hrtime.bigint();

/** Mutable error tally, frozen into {@link ErrorCounts} at the end. */
class Errors {
  non2xx = 0;
  network = 0;
  badBody = 0;
  unfinished = 0;
  sample: string | undefined;

  note(kind: 'non2xx' | 'network' | 'badBody' | 'unfinished', detail: string, times = 1): void {
    this[kind] += times;
    this.sample ??= `${kind}: ${detail.slice(0, 300)}`;
  }

  get failures(): number {
    return this.non2xx + this.network + this.badBody + this.unfinished;
  }

  freeze(): ErrorCounts {
    const counts = { non2xx: this.non2xx, network: this.network, badBody: this.badBody, unfinished: this.unfinished };
    return this.sample === undefined ? counts : { ...counts, sample: this.sample };
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} ${err.message}` : err.message;
  }
  return String(err);
}

function makePool(spec: LoadSpec, connections: number): Pool {
  return new Pool(spec.target.origin, {
    connections,
    pipelining: 1,
    // Longer than any pause inside one run, so sockets are reused and never re-opened mid-measurement.
    keepAliveTimeout: 30_000,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
}

/**
 * Sends one non-streamed request and reads the whole body. Returns true for a 2xx whose body
 * contains the expected answer; every other outcome is counted in `errors`.
 */
async function exchange(pool: Pool, spec: LoadSpec, errors: Errors, counter: { responses: number }): Promise<boolean> {
  try {
    const res = await pool.request({ method: 'POST', path: spec.target.path, headers: spec.target.headers, body: spec.body });
    const text = await res.body.text();
    counter.responses += 1;
    if (res.statusCode < 200 || res.statusCode > 299) {
      errors.note('non2xx', `${res.statusCode} ${text}`);
      return false;
    }
    if (!text.includes(spec.expect)) {
      errors.note('badBody', text);
      return false;
    }
    return true;
  } catch (err) {
    errors.note('network', describe(err));
    return false;
  }
}

async function throughput(spec: ThroughputSpec): Promise<Omit<LoadResult & { mode: 'throughput' }, 'loadCpuMs' | 'wallMs'>> {
  const pool = makePool(spec, spec.connections);
  const errors = new Errors();
  const counter = { responses: 0 };
  const start = now();
  const windowStart = start + BigInt(Math.round(spec.warmupSeconds * 1e9));
  const windowEnd = windowStart + BigInt(Math.round(spec.seconds * 1e9));
  let sent = 0;
  let inWindow = 0;
  const worker = async (): Promise<void> => {
    while (sent < MAX_REQUESTS && errors.failures < MAX_FAILURES && now() < windowEnd) {
      sent += 1;
      const ok = await exchange(pool, spec, errors, counter);
      const done = now();
      // Only completions inside the window count, so warm-up and the tail after it do not.
      if (ok && done >= windowStart && done <= windowEnd) inWindow += 1;
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, worker));
  await pool.close();
  return {
    mode: 'throughput',
    requests: inWindow,
    seconds: spec.seconds,
    rps: round(inWindow / spec.seconds, 1),
    errors: errors.freeze(),
    totalResponses: counter.responses,
  };
}

async function latency(spec: LatencySpec): Promise<Omit<LoadResult & { mode: 'latency' }, 'loadCpuMs' | 'wallMs'>> {
  const pool = makePool(spec, spec.connections);
  const errors = new Errors();
  const counter = { responses: 0 };
  const warmCount = Math.round(spec.rate * spec.warmupSeconds);
  const count = Math.min(MAX_REQUESTS, warmCount + Math.round(spec.rate * spec.seconds));
  const intervalNs = 1e9 / spec.rate;
  const samples: bigint[] = [];
  const lags: number[] = [];
  let inFlight = 0;
  let dispatched = 0;
  let firstMeasured: bigint | undefined;
  let lastMeasured: bigint | undefined;
  let drained: (() => void) | undefined;

  const dispatch = (index: number, scheduled: bigint): void => {
    if (inFlight >= MAX_IN_FLIGHT) {
      errors.note('unfinished', `more than ${MAX_IN_FLIGHT} requests in flight`);
      return;
    }
    const sentAt = now();
    const measured = index >= warmCount;
    if (measured) {
      lags.push(Number(sentAt - scheduled) / 1e6);
      firstMeasured ??= sentAt;
      lastMeasured = sentAt;
    }
    inFlight += 1;
    void exchange(pool, spec, errors, counter).then((ok) => {
      // Latency runs from the actual dispatch: the schedule never waits on responses (open loop),
      // so the only gap between schedule and dispatch is this process's own timer jitter, which
      // is reported separately as lag and is the same for every target.
      if (ok && measured) samples.push(now() - sentAt);
      inFlight -= 1;
      if (inFlight === 0 && drained !== undefined) drained();
    });
  };

  const t0 = now();
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const t = now();
      // Dispatch everything that is due; if the timer fired late, catch up at once.
      while (dispatched < count) {
        const scheduled = t0 + BigInt(Math.round(dispatched * intervalNs));
        if (scheduled > t) break;
        dispatch(dispatched, scheduled);
        dispatched += 1;
      }
      if (dispatched < count) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  if (inFlight > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_MS);
      drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  if (inFlight > 0) errors.note('unfinished', `${inFlight} requests unanswered ${DRAIN_MS} ms after the last dispatch`, inFlight);
  await pool.destroy();
  const measuredCount = count - warmCount;
  const spanS = firstMeasured !== undefined && lastMeasured !== undefined ? Number(lastMeasured - firstMeasured) / 1e9 : 0;
  lags.sort((a, b) => a - b);
  return {
    mode: 'latency',
    sent: measuredCount,
    latency: summariseNs(samples),
    lagP99Ms: round(percentile(lags, 99)),
    achievedRate: spanS > 0 ? round((measuredCount - 1) / spanS, 1) : 0,
    errors: errors.freeze(),
    totalResponses: counter.responses,
  };
}

/** Counts occurrences of `needle` in `tail + chunk` that end inside `chunk` (none are counted twice). */
function countNew(joined: string, tailLength: number, needle: string): number {
  let n = 0;
  for (let i = joined.indexOf(needle); i !== -1; i = joined.indexOf(needle, i + 1)) {
    if (i + needle.length > tailLength) n += 1;
  }
  return n;
}

async function ttfb(spec: TtfbSpec): Promise<Omit<LoadResult & { mode: 'ttfb' }, 'loadCpuMs' | 'wallMs'>> {
  const pool = makePool(spec, 1);
  const errors = new Errors();
  let responses = 0;
  const firstBytes: bigint[] = [];
  const totals: bigint[] = [];
  let minEvents = Number.POSITIVE_INFINITY;
  const start = now();
  const windowStart = start + BigInt(Math.round(spec.warmupSeconds * 1e9));
  const windowEnd = windowStart + BigInt(Math.round(spec.seconds * 1e9));
  for (let n = 0; n < MAX_STREAMS && errors.failures < MAX_FAILURES; n += 1) {
    const t0 = now();
    if (t0 >= windowEnd) break;
    const measured = t0 >= windowStart;
    try {
      const res = await pool.request({ method: 'POST', path: spec.target.path, headers: spec.target.headers, body: spec.body });
      if (res.statusCode < 200 || res.statusCode > 299) {
        const text = await res.body.text();
        responses += 1;
        errors.note('non2xx', `${res.statusCode} ${text}`);
        continue;
      }
      let first: bigint | undefined;
      let tail = '';
      let events = 0;
      let done = false;
      for await (const chunk of res.body) {
        // latin1 maps bytes 1:1, so a multi-byte character split across chunks cannot hide "data:".
        const joined = tail + (chunk as Buffer).toString('latin1');
        const found = countNew(joined, tail.length, 'data:');
        if (found > 0 && first === undefined) first = now();
        events += found;
        if (countNew(joined, tail.length, '[DONE]') > 0) done = true;
        tail = joined.slice(-8);
      }
      const end = now();
      responses += 1;
      if (first === undefined || !done || events < spec.minEvents) {
        errors.note('badBody', `stream with ${events} data events, [DONE]=${String(done)}`);
        continue;
      }
      if (measured) {
        firstBytes.push(first - t0);
        totals.push(end - t0);
        minEvents = Math.min(minEvents, events);
      }
    } catch (err) {
      errors.note('network', describe(err));
    }
  }
  await pool.close();
  return {
    mode: 'ttfb',
    ttfb: summariseNs(firstBytes),
    total: summariseNs(totals),
    minEvents: Number.isFinite(minEvents) ? minEvents : 0,
    errors: errors.freeze(),
    totalResponses: responses,
  };
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg === undefined) throw new Error('usage: node dist/bench/load.js <load spec JSON>');
  const spec = parseLoadSpec(arg);
  // A last resort: whatever happens, this process does not outlive its budget.
  const budgetMs = (spec.warmupSeconds + spec.seconds) * 1000 + DRAIN_MS + 15_000;
  setTimeout(() => {
    console.error(`load generator exceeded its ${budgetMs} ms budget`);
    process.exit(3);
  }, budgetMs).unref();
  const cpu0 = process.cpuUsage();
  const wall0 = now();
  const result = spec.mode === 'throughput' ? await throughput(spec) : spec.mode === 'latency' ? await latency(spec) : await ttfb(spec);
  const cpu = process.cpuUsage(cpu0);
  const full: LoadResult = { ...result, loadCpuMs: round((cpu.user + cpu.system) / 1000, 1), wallMs: round(Number((now() - wall0) / (NS_PER_S / 1000n)), 0) };
  process.stdout.write(`${JSON.stringify(full)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`load generator failed: ${describe(err)}`);
    process.exit(2);
  },
);
