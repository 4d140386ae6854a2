/**
 * Turns the raw per-round results into the summary table, the checks against the issue's targets,
 * and `docs/benchmarks.md`. Pure functions of the data, so the arithmetic can be read in one place.
 */
import { NODE_FLAGS } from '../src/cli/node-flags.js';
import { guardPass, type GuardBenchResult, type GuardCase } from './guards.js';
import type { IdentityCase } from './identity.js';
import type { VerifySpeed } from './verify-speed.js';
import type { LatencyResult, ThroughputResult, TtfbResult } from './protocol.js';
import { median, round } from './stats.js';

/**
 * The things measured: the mock alone, the cheapest Node proxy in front of it (`floor-proxy.ts`,
 * the floor any Node gateway stands on), and each gateway in front of it. Portcullis runs three
 * times in the same interleaved rounds, with the configs of `portcullis-config.ts`: as shipped
 * (audit trail on), with `audit: { enabled: false }` (so the audit's cost is a ratio within one
 * run), and as issue 2's "key check + routing" (audit and monitoring off), which its targets are
 * checked on.
 */
export const TARGETS = ['mock', 'floor', 'portcullis', 'portcullisNoAudit', 'portcullisCore', 'portkey'] as const;
export type TargetName = (typeof TARGETS)[number];
export type GatewayName = Exclude<TargetName, 'mock'>;

export const LABELS: Readonly<Record<TargetName, string>> = {
  mock: 'mock direct',
  floor: 'Node floor proxy',
  portcullis: 'Portcullis',
  portcullisNoAudit: 'Portcullis, audit off',
  portcullisCore: 'Portcullis, core',
  portkey: 'Portkey',
};

/** What a run can measure: three HTTP figures, and the in-process guard, identity, policy and audit-verify micro-benchmarks. */
export const METRICS = ['throughput', 'latency', 'ttfb', 'guards', 'identity', 'policy', 'verify'] as const;
export type Metric = (typeof METRICS)[number];
export type HttpMetric = Exclude<Metric, 'guards' | 'identity' | 'policy' | 'verify'>;
export const HTTP_METRICS: readonly HttpMetric[] = ['throughput', 'latency', 'ttfb'];

/** Whether `m` needs the servers (the in-process micro-benchmarks do not). */
export function isHttpMetric(m: Metric): m is HttpMetric {
  return (HTTP_METRICS as readonly string[]).includes(m);
}

/** Per-round results, in round order, for every target. */
export interface Rounds {
  readonly throughput: Record<TargetName, ThroughputResult[]>;
  readonly latency: Record<TargetName, LatencyResult[]>;
  readonly ttfb: Record<TargetName, TtfbResult[]>;
}

/** CPU time a server process spent while serving its own throughput rounds. */
export interface CpuTally {
  cpuMs: number;
  responses: number;
}

/** Settings the run used, echoed into the report. */
export interface RunSettings {
  readonly rounds: number;
  readonly seconds: number;
  readonly ttfbSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly rate: number;
  readonly chunks: number;
  /** Measured seconds per guard case (each also gets a third of that as warm-up). */
  readonly guardSeconds: number;
  readonly quick: boolean;
  readonly metrics: readonly Metric[];
  /** The servers measured (a subset of {@link TARGETS}, in its order, always with the mock). */
  readonly targets: readonly TargetName[];
  /** The Node options Portcullis ran with: its launcher's (`src/cli/node-flags.ts`), or none with `--v8-defaults`. */
  readonly portcullisNodeFlags: readonly string[];
}

/** Everything the report needs. */
export interface BenchData {
  readonly startedAt: Date;
  readonly durationS: number;
  readonly machine: { cpu: string; cores: number; memoryGiB: number; node: string; os: string; kernel: string };
  readonly versions: { portcullis: string; portkey: string; undici: string };
  readonly pinning: { enabled: boolean; reason: string };
  readonly settings: RunSettings;
  readonly rounds: Rounds;
  readonly cpu: Record<TargetName, CpuTally>;
  /** Share of each core busy during the measurements, and how much of that was ours. */
  readonly cores: readonly { core: number; busyPct: number; oursPct: number }[];
  readonly loadavg: { before: number; after: number };
  readonly warnings: readonly string[];
  /** The guard micro-benchmark, when `guards` was among the metrics. */
  readonly guards: GuardBenchResult | undefined;
  /** The credential-verification micro-benchmark, when `identity` was among the metrics. */
  readonly identity: readonly IdentityCase[] | undefined;
  /** `audit verify` speed on SQLite, when `verify` was among the metrics. */
  readonly verify: VerifySpeed | undefined;
}

/** A target from the issue and how this run fared. */
export interface Check {
  readonly name: string;
  readonly target: string;
  readonly value: string;
  /** Lowest and highest per-round value. */
  readonly range: string;
  readonly pass: boolean;
  /** Per-round values fall on both sides of the goal: the verdict is within this run's noise. */
  readonly noisy: boolean;
  /** The issue whose target this is. */
  readonly issue: 2 | 7;
}

/** Whether the per-round values straddle `goal`. */
function straddles(values: readonly number[], goal: number): boolean {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length > 1 && Math.min(...finite) < goal && Math.max(...finite) >= goal;
}

/** PASS or MISS, starred when the rounds disagree. */
export function verdict(c: Check): string {
  return `${c.pass ? 'PASS' : 'MISS'}${c.noisy ? '*' : ''}`;
}

/** The medians and derived figures printed in the table. */
export interface Summary {
  readonly rps: Record<TargetName, number>;
  readonly cpuUsPerReq: Record<TargetName, number>;
  readonly latency: Record<TargetName, { p50: number; p90: number; p99: number }>;
  readonly addedLatency: Record<GatewayName, { p50: number; p99: number }>;
  readonly ttfb: Record<TargetName, { p50: number; p90: number; p99: number; totalP50: number }>;
  readonly addedTtfb: Record<GatewayName, { p50: number; p99: number }>;
  /** Median over rounds of (Portcullis core req/s ÷ Portkey req/s) in the same round. */
  readonly throughputRatio: number;
  /** What the Node floor proxy says about the reachable ratio; undefined without throughput. */
  readonly floor: FloorSummary | undefined;
  /** What the audit trail costs: Portcullis with it on against the same config with it off. */
  readonly audit: AuditCost | undefined;
  readonly checks: readonly Check[];
}

/** The audit trail's cost, from the same interleaved rounds. */
export interface AuditCost {
  /** 1 − median over rounds of (audit-on req/s ÷ audit-off req/s in the same round). */
  readonly throughputCost: number;
  readonly throughputCosts: readonly number[];
  /** Audit-on CPU per request ÷ audit-off CPU per request, and the difference in µs. */
  readonly cpuRatio: number;
  readonly cpuExtraUs: number;
}

/**
 * Figures derived from the floor proxy. Every server shares one core with the mock, so once that
 * core is saturated each request costs (proxy CPU + mock CPU) of it, and throughput is the inverse
 * of that sum. A Node gateway can cost no less than the floor, so no Node gateway can beat Portkey
 * by more than (Portkey + mock) ÷ (floor + mock) on this machine.
 */
export interface FloorSummary {
  /** The floor's CPU per request (µs). */
  readonly floorUs: number;
  /** Portcullis' CPU per request above the floor: the cost of its own code (µs), as shipped. */
  readonly portcullisOwnUs: number;
  /** The same for the core variant (key check + routing), the one issue 2's targets name. */
  readonly coreOwnUs: number;
  /** (Portkey + mock CPU) ÷ (floor + mock CPU): the best ratio any Node proxy could reach. */
  readonly bound: number;
  /** Measured: median over rounds of floor req/s ÷ Portkey req/s. */
  readonly measuredRatio: number;
  /** Per-round floor ÷ Portkey ratios. */
  readonly measuredRatios: readonly number[];
  /** Measured: median over rounds of Portcullis req/s ÷ floor req/s. */
  readonly portcullisOfFloor: number;
  /** CPU per request above the floor a gateway may spend and still reach 10× (negative: none). */
  readonly budgetFor10xUs: number;
}

function byTarget<T>(make: (t: TargetName) => T): Record<TargetName, T> {
  return { mock: make('mock'), floor: make('floor'), portcullis: make('portcullis'), portcullisNoAudit: make('portcullisNoAudit'), portcullisCore: make('portcullisCore'), portkey: make('portkey') };
}

function byGateway<T>(make: (t: GatewayName) => T): Record<GatewayName, T> {
  return { floor: make('floor'), portcullis: make('portcullis'), portcullisNoAudit: make('portcullisNoAudit'), portcullisCore: make('portcullisCore'), portkey: make('portkey') };
}

/**
 * Median over rounds of a per-round difference or ratio. Pairing each gateway round with the
 * mock-direct round run next to it cancels slow drift (other work on the machine, thermal) far
 * better than comparing two medians taken minutes apart.
 */
function paired<R>(a: readonly R[], b: readonly R[], value: (r: R) => number, combine: (x: number, y: number) => number): number[] {
  const n = Math.min(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const x = a[i];
    const y = b[i];
    if (x !== undefined && y !== undefined) out.push(combine(value(x), value(y)));
  }
  return out;
}

function pairedMedian<R>(a: readonly R[], b: readonly R[], value: (r: R) => number, combine: (x: number, y: number) => number): number {
  return median(paired(a, b, value, combine));
}

/** "lowest … highest" of the per-round values, so a verdict inside the noise is visible as such. */
function spread(values: readonly number[], digits: number, unit: string): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2) return '—';
  return `${fmt(Math.min(...finite), digits)} … ${fmt(Math.max(...finite), digits)}${unit}`;
}

const minus = (x: number, y: number): number => x - y;
const over = (x: number, y: number): number => x / y;

/** Computes the medians, the paired differences/ratios and the checks against the targets. */
export function summarise(data: BenchData): Summary {
  const { rounds, cpu } = data;
  const rps = byTarget((t) => median(rounds.throughput[t].map((r) => r.rps)));
  const cpuUsPerReq = byTarget((t) => (cpu[t].responses > 0 ? round((cpu[t].cpuMs * 1000) / cpu[t].responses, 1) : Number.NaN));
  const latency = byTarget((t) => ({
    p50: median(rounds.latency[t].map((r) => r.latency.p50)),
    p90: median(rounds.latency[t].map((r) => r.latency.p90)),
    p99: median(rounds.latency[t].map((r) => r.latency.p99)),
  }));
  const addedLatency = byGateway((g) => ({
    p50: pairedMedian(rounds.latency[g], rounds.latency.mock, (r) => r.latency.p50, minus),
    p99: pairedMedian(rounds.latency[g], rounds.latency.mock, (r) => r.latency.p99, minus),
  }));
  const ttfb = byTarget((t) => ({
    p50: median(rounds.ttfb[t].map((r) => r.ttfb.p50)),
    p90: median(rounds.ttfb[t].map((r) => r.ttfb.p90)),
    p99: median(rounds.ttfb[t].map((r) => r.ttfb.p99)),
    totalP50: median(rounds.ttfb[t].map((r) => r.total.p50)),
  }));
  const addedTtfb = byGateway((g) => ({
    p50: pairedMedian(rounds.ttfb[g], rounds.ttfb.mock, (r) => r.ttfb.p50, minus),
    p99: pairedMedian(rounds.ttfb[g], rounds.ttfb.mock, (r) => r.ttfb.p99, minus),
  }));
  // Issue 2's targets are for key check + routing: the core variant; the others are shown beside.
  const ratioOf = (g: GatewayName): number => pairedMedian(rounds.throughput[g], rounds.throughput.portkey, (r) => r.rps, over);
  const throughputRatio = ratioOf('portcullisCore');
  const beside = (f: (g: GatewayName) => string): string => `audit off: ${f('portcullisNoAudit')}, as shipped: ${f('portcullis')}`;
  let floor: FloorSummary | undefined;
  let audit: AuditCost | undefined;
  const checks: Check[] = [];
  // A focused run (--targets) checks only what it measured.
  const measured = (...t: TargetName[]): boolean => t.every((name) => data.settings.targets.includes(name));
  const all = measured(...TARGETS);
  if (data.settings.metrics.includes('throughput') && all) {
    const values = paired(rounds.throughput.portcullisCore, rounds.throughput.portkey, (r) => r.rps, over);
    checks.push({
      name: 'Throughput, Portcullis core ÷ Portkey',
      target: '≥ 10×',
      value: `${fmt(throughputRatio, 2)}× (${beside((g) => `${fmt(ratioOf(g), 2)}×`)})`,
      range: spread(values, 2, '×'),
      pass: throughputRatio >= 10,
      noisy: straddles(values, 10),
      issue: 2,
    });
    const c = cpuUsPerReq;
    const measuredRatios = paired(rounds.throughput.floor, rounds.throughput.portkey, (r) => r.rps, over);
    floor = {
      floorUs: c.floor,
      portcullisOwnUs: round(c.portcullis - c.floor, 1),
      coreOwnUs: round(c.portcullisCore - c.floor, 1),
      bound: (c.portkey + c.mock) / (c.floor + c.mock),
      measuredRatio: median(measuredRatios),
      measuredRatios,
      portcullisOfFloor: pairedMedian(rounds.throughput.portcullis, rounds.throughput.floor, (r) => r.rps, over),
      budgetFor10xUs: round((c.portkey + c.mock) / 10 - c.mock - c.floor, 1),
    };
    // No per-round CPU is kept, so the bound has no range; the measured floor ÷ Portkey ratio beside it does.
    checks.push({
      name: 'Node floor bound: best any Node proxy could do ÷ Portkey = (Portkey + mock CPU) ÷ (floor + mock CPU)',
      target: '≥ 10× for the goal to be reachable in Node',
      value: `${fmt(floor.bound, 2)}× (measured floor ÷ Portkey: ${fmt(floor.measuredRatio, 2)}×)`,
      range: spread(measuredRatios, 2, '×'),
      pass: floor.bound >= 10,
      noisy: false,
      issue: 2,
    });
    const costs = paired(rounds.throughput.portcullis, rounds.throughput.portcullisNoAudit, (r) => r.rps, (on, off) => 1 - on / off);
    audit = {
      throughputCost: median(costs),
      throughputCosts: costs,
      cpuRatio: c.portcullis / c.portcullisNoAudit,
      cpuExtraUs: round(c.portcullis - c.portcullisNoAudit, 1),
    };
    checks.push({
      name: 'Audit cost: throughput lost with the audit trail on (1 − on ÷ off, same round)',
      target: '< 10%',
      value: `${fmt(100 * audit.throughputCost, 1)}% (CPU per request ${fmt(audit.cpuRatio, 3)}× = +${fmt(audit.cpuExtraUs, 1)} µs)`,
      range: spread(costs.map((v) => 100 * v), 1, '%'),
      pass: audit.throughputCost < 0.1,
      noisy: straddles(costs, 0.1),
      issue: 7,
    });
  }
  if (data.settings.metrics.includes('latency') && measured('portcullisCore')) {
    const v = addedLatency.portcullisCore.p99;
    const values = paired(rounds.latency.portcullisCore, rounds.latency.mock, (r) => r.latency.p99, minus);
    checks.push({
      name: `Added p99 latency at ${data.settings.rate} req/s, core`,
      target: '< 2 ms',
      value: `${fmt(v, 3)} ms (${beside((g) => `${fmt(addedLatency[g].p99, 3)} ms`)})`,
      range: spread(values, 3, ' ms'),
      pass: v < 2,
      noisy: straddles(values, 2),
      issue: 2,
    });
  }
  if (data.settings.metrics.includes('ttfb') && measured('portcullisCore')) {
    const v = addedTtfb.portcullisCore.p50;
    const values = paired(rounds.ttfb.portcullisCore, rounds.ttfb.mock, (r) => r.ttfb.p50, minus);
    checks.push({
      name: `Added TTFB, ${data.settings.chunks}-chunk stream (median), core`,
      target: '< 1 ms',
      value: `${fmt(v, 3)} ms (${beside((g) => `${fmt(addedTtfb[g].p50, 3)} ms`)})`,
      range: spread(values, 3, ' ms'),
      pass: v < 1,
      noisy: straddles(values, 1),
      issue: 2,
    });
  }
  const v = data.verify;
  if (v !== undefined) {
    checks.push({
      name: `\`audit verify\` speed, SQLite, ${v.records.toLocaleString('en')} records of ${fmt(v.bodyBytes / 1024, 1)} KB`,
      target: '≥ 100k records/s',
      value: `${Math.round(v.median).toLocaleString('en')} records/s (per CPU-second: ${Math.round(v.cpuMedian).toLocaleString('en')})`,
      range: `${Math.round(Math.min(...v.rates)).toLocaleString('en')} … ${Math.round(Math.max(...v.rates)).toLocaleString('en')}`,
      pass: v.median >= 100_000,
      noisy: straddles(v.rates, 100_000),
      issue: 7,
    });
  }
  return { rps, cpuUsPerReq, latency, addedLatency, ttfb, addedTtfb, throughputRatio, floor, audit, checks };
}

/** Formats a number, or an em dash when it was not measured. */
function fmt(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** A label and one cell per target, in {@link TARGETS} order. */
type Row = readonly string[];

function rows(data: BenchData, s: Summary): Row[] {
  const out: Row[] = [];
  const m = data.settings.metrics;
  const row = (name: string, f: (t: TargetName) => string): void => {
    out.push([name, ...data.settings.targets.map(f)]);
  };
  if (m.includes('throughput')) {
    row(`Max throughput, ${data.settings.connections} connections (req/s)`, (t) => fmt(s.rps[t], 0));
    row('Server CPU per request (µs)', (t) => fmt(s.cpuUsPerReq[t], 1));
  }
  if (m.includes('latency')) {
    const r = data.settings.rate;
    row(`Latency p50 at ${r} req/s (ms)`, (t) => fmt(s.latency[t].p50, 3));
    row(`Latency p90 at ${r} req/s (ms)`, (t) => fmt(s.latency[t].p90, 3));
    row(`Latency p99 at ${r} req/s (ms)`, (t) => fmt(s.latency[t].p99, 3));
    row('**Added** p50 latency (ms)', (t) => (t === 'mock' ? '—' : fmt(s.addedLatency[t].p50, 3)));
    row('**Added** p99 latency (ms)', (t) => (t === 'mock' ? '—' : fmt(s.addedLatency[t].p99, 3)));
  }
  if (m.includes('ttfb')) {
    const c = data.settings.chunks;
    row(`Stream TTFB median, ${c} chunks (ms)`, (t) => fmt(s.ttfb[t].p50, 3));
    row('Stream TTFB p90 (ms)', (t) => fmt(s.ttfb[t].p90, 3));
    row('Stream TTFB p99 (ms)', (t) => fmt(s.ttfb[t].p99, 3));
    row('**Added** TTFB median (ms)', (t) => (t === 'mock' ? '—' : fmt(s.addedTtfb[t].p50, 3)));
    row('**Added** TTFB p99 (ms)', (t) => (t === 'mock' ? '—' : fmt(s.addedTtfb[t].p99, 3)));
    row('Whole stream median (ms)', (t) => fmt(s.ttfb[t].totalP50, 3));
  }
  return out;
}

/** A plain-text table for the terminal. */
export function textTable(data: BenchData, s: Summary): string {
  const out: string[] = [];
  if (hasHttp(data)) {
    const header: Row = ['', ...data.settings.targets.map((t) => LABELS[t])];
    const plain = (c: string): string => c.replaceAll('**', '');
    const body = rows(data, s).map((r): Row => r.map(plain));
    const all = [header, ...body];
    const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
    const line = (r: Row): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
    const checks = s.checks.map((c) => `${verdict(c).padEnd(5)} ${c.name}: ${c.value} (target ${c.target}; rounds ${c.range})`);
    const note = s.checks.some((c) => c.noisy) ? ['* rounds fell on both sides of the goal: within this run\'s noise'] : [];
    out.push(line(header), ...body.map(line), '', ...floorLines(s).map((l) => l.replaceAll('**', '')), '', ...checks, ...note);
  }
  else {
    // Without HTTP rounds the only check is `audit verify`'s.
    for (const c of s.checks) out.push(`${verdict(c).padEnd(5)} ${c.name}: ${c.value} (target ${c.target}; runs ${c.range})`);
  }
  if (data.guards !== undefined) {
    if (out.length > 0) out.push('');
    out.push('Guard latency (one core, in-process):');
    for (const c of data.guards.cases) {
      const pass = guardPass(c);
      const v = pass === undefined ? '     ' : (pass ? 'PASS' : 'MISS').padEnd(5);
      out.push(`${v} ${c.name.padEnd(40)} ${`${fmt(c.bytes, 0)} B`.padStart(7)}  median ${fmt(c.medianUs, 1).padStart(8)} µs  p99 ${fmt(c.p99Us, 1).padStart(8)} µs${c.targetText ? `  (target ${c.targetText})` : ''}`);
    }
    for (const k of data.guards.skipped) out.push(`      ${k.name}: not measured (${k.reason})`);
  }
  if (data.identity !== undefined) {
    if (out.length > 0) out.push('');
    out.push('Credential verification (one core, in-process):');
    for (const c of data.identity) {
      out.push(`${(c.medianUs < 50 ? 'PASS' : 'MISS').padEnd(5)} ${c.name.padEnd(28)} median ${fmt(c.medianUs, 1).padStart(7)} µs  p99 ${fmt(c.p99Us, 1).padStart(7)} µs  ${String(c.perSecond).padStart(7)}/s  (target median < 50 µs)`);
    }
  }
  return out.join('\n');
}

function hasHttp(data: BenchData): boolean {
  return data.settings.metrics.some(isHttpMetric);
}

/** The derived floor figures, as sentences (Markdown bold; stripped for the terminal). */
function floorLines(s: Summary): string[] {
  const f = s.floor;
  if (f === undefined) return [];
  const mock = s.cpuUsPerReq.mock;
  const pk = s.cpuUsPerReq.portkey;
  const pc = s.cpuUsPerReq.portcullis;
  const share = pc > 0 ? (100 * f.portcullisOwnUs) / pc : Number.NaN;
  const off = s.cpuUsPerReq.portcullisNoAudit;
  const core = s.cpuUsPerReq.portcullisCore;
  const lines = [
    `Node floor proxy CPU per request: **${fmt(f.floorUs, 1)} µs** (node:http + undici Pool, nothing else); mock ${fmt(mock, 1)} µs.`,
    `Portcullis core (key check, authorization, routing) above the floor: **${fmt(f.coreOwnUs, 1)} µs** per request (${fmt(core, 1)} µs in all).`,
    `Portcullis as shipped above the floor (its own work): **${fmt(f.portcullisOwnUs, 1)} µs** per request, ${fmt(share, 0)}% of its ${fmt(pc, 1)} µs; it reaches ${fmt(100 * f.portcullisOfFloor, 0)}% of the floor's throughput.`,
    `With the audit trail off: **${fmt(off - f.floorUs, 1)} µs** above the floor (${fmt(off, 1)} µs in all); the audit trail adds ${fmt(pc - off, 1)} µs per request, monitoring ${fmt(off - core, 1)} µs.`,
    `Best throughput ratio over Portkey any Node proxy could reach here = (Portkey ${fmt(pk, 1)} + mock ${fmt(mock, 1)}) ÷ (floor ${fmt(f.floorUs, 1)} + mock ${fmt(mock, 1)}) = **${fmt(f.bound, 2)}×** (measured floor ÷ Portkey: ${fmt(f.measuredRatio, 2)}×).`,
  ];
  if (!Number.isFinite(f.bound)) lines.push('The bound could not be computed (a CPU figure is missing).');
  else if (f.bound >= 10) {
    lines.push(
      `**The 10× target is below that bound**: reachable in Node in principle, but only by a gateway whose own work costs at most ${fmt(f.budgetFor10xUs, 1)} µs of CPU per request above the floor (Portcullis core spends ${fmt(f.coreOwnUs, 1)} µs, as shipped ${fmt(f.portcullisOwnUs, 1)} µs).`,
    );
  } else {
    lines.push(
      `**The 10× target is above that bound**: no Node proxy — not even one that only forwards bytes — reaches 10× Portkey's throughput on this machine in this setup (it would need ${fmt((pk + mock) / 10 - mock, 1)} µs of CPU per request including Node's HTTP work, and the floor alone costs ${fmt(f.floorUs, 1)} µs).`,
    );
  }
  return lines;
}

/** The guard section of the Markdown report. */
function guardMarkdown(data: BenchData): string {
  const g = data.guards;
  if (g === undefined) return '';
  const o = data.settings;
  const cell = (c: GuardCase): string => {
    const pass = guardPass(c);
    return pass === undefined ? '—' : `**${pass ? 'PASS' : 'MISS'}**`;
  };
  const table = g.cases
    .map((c) => `| ${c.name} | ${c.input} (${fmt(c.bytes, 0)} B) | ${fmt(c.medianUs, 1)} | ${fmt(c.p99Us, 1)} | ${fmt(c.meanUs, 1)} | ${c.iterations} | ${c.outcome} | ${c.targetText ?? '—'} | ${cell(c)} |`)
    .join('\n');
  const skipped = g.skipped.map((k) => `- \`${k.name}\` was not measured: ${k.reason}.`).join('\n');
  return `## Guard latency (issues 5 and 6)

The detectors called in-process, one call at a time, on one ${data.pinning.enabled ? 'pinned core (the load generator\'s, after the HTTP rounds, with nothing else of the benchmark running)' : 'core (unpinned)'}.
Each case is warmed up for ${fmt(o.guardSeconds / 3, 2)} s, then called back to back for ${fmt(o.guardSeconds, 2)} s with every call timed by
\`process.hrtime.bigint()\`; garbage collection falls inside the calls that trigger it, so it shows in the p99. The inputs
are built by \`bench/guards.ts\` (prose with test emails, phone and card numbers, a code snippet with AWS's example key; a
plain request; a document with one planted instruction; a helpful answer), so the figures do not depend on the datasets.

| Call | Input | Median (µs) | p99 (µs) | Mean (µs) | Calls | What it found | Target | |
|---|---|---:|---:|---:|---:|---|---|---|
${table}
${skipped ? `\n${skipped}\n` : ''}
`;
}

function perRoundTable(data: BenchData): string {
  const lines: string[] = [];
  const { rounds, settings } = data;
  const m = settings.metrics;
  const targets = settings.targets;
  lines.push(`| Round | Metric | ${targets.map((t) => LABELS[t]).join(' | ')} |`, `|---|---|${targets.map(() => '---:').join('|')}|`);
  for (let i = 0; i < settings.rounds; i += 1) {
    const cell = <R>(list: Record<TargetName, R[]>, t: TargetName, f: (r: R) => string): string => {
      const r = list[t][i];
      return r === undefined ? '—' : f(r);
    };
    if (m.includes('throughput')) {
      lines.push(`| ${i + 1} | req/s | ${targets.map((t) => cell(rounds.throughput, t, (r) => fmt(r.rps, 0))).join(' | ')} |`);
    }
    if (m.includes('latency')) {
      lines.push(`| ${i + 1} | p50 / p99 ms | ${targets.map((t) => cell(rounds.latency, t, (r) => `${fmt(r.latency.p50, 3)} / ${fmt(r.latency.p99, 3)}`)).join(' | ')} |`);
    }
    if (m.includes('ttfb')) {
      lines.push(`| ${i + 1} | TTFB p50 / p99 ms | ${targets.map((t) => cell(rounds.ttfb, t, (r) => `${fmt(r.ttfb.p50, 3)} / ${fmt(r.ttfb.p99, 3)}`)).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** The load generator's own CPU use per target, to show whether it could have been the limit. */
function loadGeneratorLine(data: BenchData): string {
  const parts = data.settings.targets.map((t) => {
    const runs = data.rounds.throughput[t];
    const cpu = runs.reduce((a, r) => a + r.loadCpuMs, 0);
    const wall = runs.reduce((a, r) => a + r.wallMs, 0);
    return `${LABELS[t]} ${wall > 0 ? fmt((100 * cpu) / wall, 0) : '—'}%`;
  });
  return parts.join(', ');
}

/**
 * The open-loop generator's own dispatch jitter: when it is late by milliseconds, the cause is
 * other work on the load core, and p99 latencies of that round carry the same noise.
 */
function lagLine(data: BenchData): string {
  if (!data.settings.metrics.includes('latency')) return '';
  const lags = data.settings.targets.flatMap((t) => data.rounds.latency[t].map((r) => r.lagP99Ms));
  if (lags.length === 0) return '';
  return `The open-loop generator dispatched with a p99 lateness of ${fmt(median(lags), 3)} ms (median over runs; worst run ${fmt(Math.max(...lags), 3)} ms): tail latencies below a few milliseconds are within this machine's noise, so read the added p99 together with its per-round range.`;
}

/** The Markdown written to `docs/benchmarks.md`. */
export function markdown(data: BenchData, s: Summary): string {
  const { settings: o, machine, versions } = data;
  const date = data.startedAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const http = hasHttp(data);
  const header = `# Benchmarks

Portcullis in front of the built-in mock LLM, compared with calling the mock directly, with the cheapest
possible Node proxy in front of the same mock (the "Node floor"), and with Portkey's open-source gateway;
then the latency of the guard detectors. Generated by \`npm run bench\`; do not edit by hand — rerun it.

${o.quick ? '> **Smoke run (`--quick`)**: one short round per figure. These numbers show that the benchmark works, not how fast anything is.\n\n' : ''}${http ? '' : '> **Micro-benchmarks only (`--metrics guards,identity`)**: no HTTP figures in this run.\n\n'}- **Date:** ${date} (the run took ${Math.round(data.durationS)} s)
- **Machine:** ${machine.cpu}, ${machine.cores} cores, ${fmt(machine.memoryGiB, 1)} GiB RAM, ${machine.os} (Linux ${machine.kernel}), Node ${machine.node}
- **Versions:** portcullis ${versions.portcullis}, @portkey-ai/gateway ${versions.portkey}, load generator on undici ${versions.undici}
- **Node options:** ${o.portcullisNodeFlags.length > 0 ? `Portcullis ran with its launcher's \`${o.portcullisNodeFlags.join(' ')}\` (the \`portcullis\` bin and \`npm start\` pass them; \`src/cli/node-flags.ts\`)` : 'Portcullis ran on V8 defaults (`--v8-defaults`: without its launcher\'s options)'}, every other process on V8 defaults${process.env['NODE_OPTIONS'] ? `; \`NODE_OPTIONS=${process.env['NODE_OPTIONS']}\` for every process of the run` : ''}

`;
  const warnings = data.warnings.length > 0 ? `## Warnings\n\n${data.warnings.map((w) => `- ${w}`).join('\n')}\n\n` : '';
  return `${header}${http ? httpMarkdown(data, s) : warnings + auditMarkdown(s)}${guardMarkdown(data)}${identityMarkdown(data)}${reproduce()}`;
}

function checkRows(s: Summary, issue: 2 | 7): string {
  return s.checks
    .filter((c) => c.issue === issue)
    .map((c) => `| ${c.name} | ${c.target} | ${c.value} | ${c.range} | **${verdict(c)}** |`)
    .join('\n');
}

/** Issue 7's audit-cost target, with how it is measured. */
function auditMarkdown(s: Summary): string {
  if (!s.checks.some((c) => c.issue === 7)) return '';
  return `
### Against the targets of issue 7 (audit trail)

The same Portcullis config with \`audit: { enabled: false }\`, measured in the same interleaved rounds as the default
(audit on: every record SHA-256-chained and fsynced in a group commit before the answer's final bytes). The throughput
cost is 1 − (audit-on req/s ÷ audit-off req/s) per round, median over rounds; the CPU ratio divides the two servers'
CPU per request over all their throughput rounds. \`audit verify\` runs in this process after the HTTP rounds (every
server stopped): a fresh SQLite store filled with chained records shaped like the gateway's, verified three times
(\`bench/verify-speed.ts\`; \`node dist/bench/audit-verify.js --store postgres\` does PostgreSQL).

| Target | Goal | This run (median) | Per-round range | |
|---|---|---:|---:|---|
${checkRows(s, 7)}
`;
}

/** The credential-verification section (issue 3), when measured. */
function identityMarkdown(data: BenchData): string {
  if (data.identity === undefined) return '';
  const table = data.identity
    .map((c) => `| ${c.name} | ${fmt(c.medianUs, 1)} | ${fmt(c.p99Us, 1)} | ${c.perSecond} | ${c.iterations} | < 50 µs median | **${c.medianUs < 50 ? 'PASS' : 'MISS'}** |`)
    .join('\n');
  return `## Credential verification (issue 3)

The identity stage's per-request work (\`bench/identity.ts\`), called in-process after the HTTP rounds on ${data.pinning.enabled ? 'the load generator\'s pinned core' : 'an unpinned core'}:
an API key (peppered hash lookup), a gateway-issued JWT, and a DPoP-bound JWT with a fresh proof per call (proofs made
before the clock starts). Every call timed on its own; ${fmt(data.settings.guardSeconds, 2)} s per case after a warm-up.

| Credential | Median (µs) | p99 (µs) | Verifications/s (1 core) | Calls | Target | |
|---|---:|---:|---:|---:|---|---|
${table}

`;
}

function httpMarkdown(data: BenchData, s: Summary): string {
  const { settings: o } = data;
  const table = rows(data, s);
  const coreLine = data.cores.map((c) => `core ${c.core}: ${fmt(c.busyPct, 0)}% busy, of which ${fmt(c.oursPct, 0)} points were the benchmark's own processes`).join('; ');
  const others = data.cores.map((c) => c.busyPct - c.oursPct).filter((v) => Number.isFinite(v));
  const noisy = others.some((v) => v > 10) || data.loadavg.before > 1.5;
  const floor = floorLines(s);
  return `## Results

Medians over ${o.rounds} interleaved round${o.rounds === 1 ? '' : 's'}. "Added" figures are the median over rounds of
(proxy − mock direct) in the same round; the throughput ratio is the median of the per-round ratios.

| | ${o.targets.map((t) => LABELS[t]).join(' | ')} |
|---|${o.targets.map(() => '---:').join('|')}|
${table.map((r) => `| ${r.join(' | ')} |`).join('\n')}
${
  floor.length > 0
    ? `
### How far Node can go: the floor

The Node floor proxy (\`bench/floor-proxy.ts\`) does only the HTTP work every gateway must do — a \`node:http\` server
reads the request body, undici's keep-alive \`Pool.request()\` sends it to the mock, the answer is read whole and sent
back with a content-length (streams are piped through) — with no authentication, no JSON parsing and no logging. All
servers share one core with the mock, so at saturation each request costs (proxy CPU + mock CPU) of that core and
throughput is its inverse; no Node gateway costs less than the floor.

${floor.map((l) => `- ${l}`).join('\n')}
`
    : ''
}
### Against the targets of issue 2 (key check + routing, no guards)

Measured on **Portcullis core**: the same gateway with the per-request work of later issues switched off by ordinary
config settings (\`audit: { enabled: false }\`, \`monitor: { enabled: false }\`, the route's \`guards: { enabled: false }\`);
the API-key check, the context facts and the Cedar authorization stay on (there is no switch for them, by design), and
so does routing. The audit-off and as-shipped figures are shown beside each.

| Target | Goal | This run (median) | Per-round range | |
|---|---|---:|---:|---|
${checkRows(s, 2)}
${auditMarkdown(s)}${s.checks.some((c) => c.noisy) ? '\n\\* Rounds fell on both sides of the goal: the verdict is within this run\'s noise; rerun on a quieter machine before relying on it.\n' : ''}

For reference, issue 2 measured Portkey on this kind of machine at about 820 req/s (about 1.1 ms of CPU per request),
about 50 ms added p99 at 500 req/s and 27 ms added stream TTFB; the Portkey column above is the check that this run
reproduces that setup.

${data.warnings.length > 0 ? `### Warnings\n\n${data.warnings.map((w) => `- ${w}`).join('\n')}\n\n` : ''}## Method

- **Processes.** The mock LLM (\`dist/src/mock/main.js\`), the Node floor proxy (\`dist/bench/floor-proxy.js\`, pointed at the
  mock), Portcullis (\`portcullis start\`, one route \`bench\` → the \`openai\` provider at the mock, logging at \`warn\`, one
  API key) and Portkey (\`start-server.js --headless\`, \`NODE_ENV=production\`, headers \`x-portkey-provider: openai\` and
  \`x-portkey-custom-host\` pointing at the same mock) each run as their own process. Every measurement is a fresh
  load-generator process (\`dist/bench/load.js\`, undici keep-alive \`Pool\`).
- **Pinning.** ${data.pinning.enabled ? 'With `taskset`: all servers share core 0 and the load generator runs on core 1, so a proxy and the mock compete for one core, as in the reference figures of issue 2.' : `**Unpinned** (${data.pinning.reason}): client and servers share all cores, so figures are less comparable.`}
- **Interleaving.** For each metric, ${o.rounds} round${o.rounds === 1 ? '' : 's'}; in each round every target is measured one after another, and the order
  rotates every round, so drift in the machine's load hits all of them alike.
- **Throughput.** Closed loop: ${o.connections} keep-alive connections each send the next non-streamed chat completion as soon
  as the previous one is answered; ${o.warmupSeconds} s warm-up, then ${o.seconds} s measured; completed 2xx responses ÷ seconds.
- **CPU per request.** utime+stime of the server process from \`/proc/<pid>/stat\` before and after each of its throughput
  runs, summed and divided by all responses it served (warm-up included). Less sensitive to other load on the
  machine than req/s, because time the process spends waiting for a core is not counted.
- **Latency.** Open loop: requests dispatched by the wall clock at ${o.rate} req/s, never waiting on responses; ${o.warmupSeconds} s warm-up,
  then ${o.seconds} s measured; each latency from dispatch to the last body byte with \`process.hrtime.bigint()\`.
- **Streaming TTFB.** Sequential streamed requests (\`stream: true\`, \`mock:chunks=${o.chunks}\`); time from sending to the first body
  byte containing \`data:\`, and to the end of the stream; ${o.warmupSeconds} s warm-up, then ${o.ttfbSeconds} s of streams per round.
- **Correctness.** Before measuring, one plain and one streamed request through each target must return 200 with the
  mock's answer. During the runs every response is checked (status 2xx, body contains the mock's answer; streams carry
  at least ${o.chunks + 1} \`data:\` events and end with \`[DONE]\`). Any failure aborts the run as invalid.
- **Profiling.** Where Portcullis's CPU goes, and how to compare two builds: \`docs/performance.md\`.
- **Load generator CPU** during the throughput rounds (share of its wall time; near 100% would mean the client, not the
  server, was the limit): ${loadGeneratorLine(data)}.

## Noise

${noisy ? 'This machine was shared with other work while the benchmark ran, so absolute figures are noisy; the ratios within the run and the CPU time per request are the more trustworthy figures.' : 'The machine was mostly idle during the run.'}
Load average before / after: ${fmt(data.loadavg.before, 2)} / ${fmt(data.loadavg.after, 2)}. ${coreLine ? `During the measurements, ${coreLine}.` : ''}
${lagLine(data)}

### Per round

${perRoundTable(data)}

`;
}

function reproduce(): string {
  return `## Reproduce

\`\`\`sh
npm run bench                       # full run (about ${Math.round(estimateSeconds(FULL_DEFAULTS) / 60)} min with the defaults) → docs/benchmarks.md
npm run bench -- --quick            # smoke run: one short round, prints the tables, writes no doc
npm run bench -- --metrics guards   # guard latency only (a few seconds), prints it, writes no doc
npm run bench -- --metrics identity # credential verification only, prints it, writes no doc
npm run bench -- --metrics verify   # \`audit verify\` speed on SQLite only, prints it, writes no doc
npm run bench -- --rounds 7 --seconds 5 --ttfb-seconds 3 --warmup 1 --connections 64 --rate 500
npm run bench -- --metrics throughput --profile /tmp/prof   # CPU profile of Portcullis (node --cpu-prof)
node dist/bench/profile-summary.js /tmp/prof/core/CPU.*.cpuprofile   # where that CPU went, by function and source
npm run bench -- --metrics latency --targets floor,portcullisCore   # a focused run: some servers, some figures
npm run bench -- --v8-defaults --out /tmp/v8.md   # Portcullis without its launcher's Node options (src/cli/node-flags.ts)
node dist/bench/compare.js floor /tmp/before/dist@core dist@core   # CPU per request of two builds, interleaved (see bench/compare.ts)
\`\`\`

Every flag also reads an environment variable: \`BENCH_ROUNDS\`, \`BENCH_SECONDS\`, \`BENCH_TTFB_SECONDS\`, \`BENCH_WARMUP\`,
\`BENCH_CONNECTIONS\`, \`BENCH_RATE\`, \`BENCH_CHUNKS\`, \`BENCH_GUARD_SECONDS\`, \`BENCH_METRICS\`, \`BENCH_TARGETS\`, \`BENCH_OUT\`, \`BENCH_QUICK=1\`,
\`BENCH_NO_PIN=1\`. \`--out FILE\` writes the report elsewhere. The process exits non-zero when any request failed (the run is
then invalid).
`;
}

/** Settings of a full run when no flag or variable changes them. */
export const FULL_DEFAULTS: RunSettings = {
  rounds: 5,
  // 3 s rather than 4 since the floor proxy became a fourth target; TTFB 2 s since the audit-off
  // Portcullis became a fifth; with the core Portcullis as a sixth a full run takes about 7 minutes.
  seconds: 3,
  ttfbSeconds: 2,
  warmupSeconds: 1,
  connections: 64,
  rate: 500,
  chunks: 50,
  guardSeconds: 1.5,
  quick: false,
  metrics: [...METRICS],
  targets: [...TARGETS],
  portcullisNodeFlags: NODE_FLAGS,
};

/** Guard and credential cases measured; used only for the time estimate. */
const GUARD_CASES = 7;
const IDENTITY_CASES = 3;

/** Rough wall time of a run with these settings: every load process pays ~0.3 s to start. */
export function estimateSeconds(o: RunSettings): number {
  const n = o.targets.length;
  let perRound = 0;
  if (o.metrics.includes('throughput')) perRound += n * (o.warmupSeconds + o.seconds + 0.3);
  if (o.metrics.includes('latency')) perRound += n * (o.warmupSeconds + o.seconds + 0.3);
  if (o.metrics.includes('ttfb')) perRound += n * (o.warmupSeconds + o.ttfbSeconds + 0.3);
  const guards = o.metrics.includes('guards') ? GUARD_CASES * ((4 / 3) * o.guardSeconds + 0.2) : 0;
  // Three credential cases (warm-up capped at 1 s each), plus ~2 s making DPoP proofs.
  const identity = o.metrics.includes('identity') ? IDENTITY_CASES * (Math.min(1, o.guardSeconds) + o.guardSeconds) + 2 : 0;
  // Plus start-up and the unmeasured warm-up run per target.
  const http = perRound > 0 ? perRound * o.rounds + 5 + n * ((o.quick ? 0.5 : 2) + 0.3) : 0;
  // Six authorization cases (bench/policy.ts), warm-up capped at 1 s each.
  const policy = o.metrics.includes('policy') ? 6 * (Math.min(1, o.guardSeconds) + o.guardSeconds) + 1 : 0;
  // Filling 100k records and verifying them three times.
  const verify = o.metrics.includes('verify') ? (o.quick ? 3 : 10) : 0;
  return http + guards + identity + policy + verify;
}
