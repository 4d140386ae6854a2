/**
 * Authorization cost (issue 4, "Benchmark"): what Cedar evaluation adds per request with 100
 * policies loaded, every call timed on its own (median and p99, garbage collection included),
 * in-process on one core. Target: p99 under 100 µs.
 *
 * Cases:
 * - `cedar, no cache`: one evaluation in the WebAssembly engine per request, every time.
 * - `cedar, cached, 1k principals`: the default decision cache, traffic from 1,000 principals
 *   cycling over 4 source addresses each (a warm gateway).
 * - `cedar, cached, new principals`: a never-seen principal per request (of one of 120 shapes of
 *   roles and teams) with the usual context: a hit unless its policies read the address.
 * - `cedar, cached, all misses`: a new principal and a new country per request, so
 *   every call misses the cache and pays for the lookup, the evaluation and an eviction (worst case).
 * - `stages, ...`: the context and authorize stages together, as the gateway runs them (context
 *   facts, the Cedar context record, principal entity, evaluation or cache hit), with the 100
 *   policies, and with only the default templates (which read no address, so no `ipaddr`).
 *
 * Each case also counts the garbage collections inside its timed window, how many of its calls at
 * or above the p99 overlapped one, and the p99 of the calls that overlapped none: whether GC sets
 * the tail.
 *
 * Standalone: `node dist/bench/policy.js [--seconds N] [--clock wall|cpu] [--case TEXT]` (`--help`); `runPolicyBench` is exported so the main
 * benchmark can include it (`npm run bench -- --metrics policy`).
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChatRequest } from '../src/canonical/types.js';
import { configSchema } from '../src/config/schema.js';
import { createLogger } from '../src/log.js';
import { compilePolicySet, type AuthorizationQuery, type CompiledPolicySet, type PolicySource } from '../src/policy/engine.js';
import { builtinSchema, loadPolicy, readPolicySources } from '../src/policy/load.js';
import { cedarContext, principalEntity } from '../src/policy/request.js';
import type { Principal, StageContext } from '../src/pipeline/types.js';
import { AuthorizationRegistry, authorizeStage } from '../src/stages/authorize/policy.js';
import { compileContext } from '../src/stages/context/compile.js';
import { contextStage } from '../src/stages/context/stage.js';
import { percentile, round } from './stats.js';

/** 100 policies of the kinds users write: per-team model grants bound to networks and countries, forbids by hour and risk. */
export function hundredPolicies(): PolicySource {
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    lines.push(`@id("team-${i}") permit (principal in Team::"team-${i}", action in Action::"inference", resource == Model::"model-${i % 10}") when { context.ip.isInRange(ip("10.${i}.0.0/16")) };`);
  }
  for (let i = 0; i < 30; i++) {
    lines.push(`@id("role-${i}") permit (principal in Role::"role-${i}", action in [Action::"chat", Action::"stream"], resource) when { context has country && ["DE", "FR", "NL"].contains(context.country) && context.risk < 50 };`);
  }
  for (let i = 0; i < 20; i++) {
    lines.push(`@id("tool-${i}") forbid (principal in Role::"role-${i}", action == Action::"use_tool", resource == Tool::"tool-${i}") unless { context.posture.verified };`);
  }
  for (let i = 0; i < 10; i++) {
    lines.push(`@id("night-${i}") forbid (principal in Team::"team-${i}", action, resource) when { context.hour < 6 && context.weekday > 5 };`);
  }
  return { origin: 'bench-100.cedar', text: lines.join('\n') };
}

/** Garbage collections that ran inside a timed window, and whether they explain its slow calls. */
export interface GcCount {
  /** Collections that started inside the window, and their total pause. */
  readonly count: number;
  readonly pauseMs: number;
  /** Calls at or above the p99, and how many of them overlapped a collection. */
  readonly slowCalls: number;
  readonly slowInGc: number;
  /** The p99 of the calls that overlapped no collection: what the tail is without GC. */
  readonly p99WithoutGcUs: number;
}

export interface PolicyCase {
  readonly name: string;
  readonly iterations: number;
  readonly medianUs: number;
  readonly p99Us: number;
  readonly perSecond: number;
  readonly gc: GcCount;
}

/**
 * Wall time per call by default. `cpu` times each call by the process's CPU time instead
 * (`process.cpuUsage`, 1 µs resolution): on a shared machine a call descheduled midway then
 * counts what it ran, not how long it waited, so before/after runs compare even under load.
 */
export type Clock = 'wall' | 'cpu';

/** Every call of a timed window: its measured cost and its wall interval (performance.now(), ms). */
interface Calls {
  readonly cost: number[];
  readonly start: number[];
  readonly end: number[];
}

function record(calls: Calls, cost: number, start: number, end: number): void {
  calls.cost.push(cost);
  calls.start.push(start);
  calls.end.push(end);
}

function run(ms: number, clock: Clock, call: (i: number) => void, calls?: Calls): void {
  const until = performance.now() + ms;
  let i = 0;
  while (performance.now() < until) {
    if (clock === 'cpu') {
      const start = performance.now();
      const c = process.cpuUsage();
      call(i++);
      const d = process.cpuUsage(c);
      if (calls) record(calls, d.user + d.system, start, performance.now());
      continue;
    }
    const start = performance.now();
    call(i++);
    const end = performance.now();
    if (calls) record(calls, (end - start) * 1000, start, end);
  }
}

/** Collections in the window, and which calls (by index) overlapped one. */
function gcCount(calls: Calls, gcs: readonly PerformanceEntry[], from: number, to: number): GcCount {
  const inWindow = gcs.filter((g) => g.startTime + g.duration >= from && g.startTime <= to);
  const sorted = [...calls.cost].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  // Calls and collections are both in time order: one pass over each.
  const clean: number[] = [];
  let slowCalls = 0;
  let slowInGc = 0;
  let g = 0;
  for (let n = 0; n < calls.cost.length; n++) {
    const start = calls.start[n] as number;
    const end = calls.end[n] as number;
    let gc = inWindow[g];
    while (gc !== undefined && gc.startTime + gc.duration < start) gc = inWindow[++g];
    const overlaps = gc !== undefined && gc.startTime <= end;
    const cost = calls.cost[n] as number;
    if (!overlaps) clean.push(cost);
    if (cost >= p99) {
      slowCalls++;
      if (overlaps) slowInGc++;
    }
  }
  clean.sort((a, b) => a - b);
  const pauseMs = inWindow.reduce((sum, e) => sum + e.duration, 0);
  return { count: inWindow.length, pauseMs: round(pauseMs, 2), slowCalls, slowInGc, p99WithoutGcUs: round(percentile(clean, 99), 1) };
}

async function time(name: string, seconds: number, warmupSeconds: number, clock: Clock, call: (i: number) => void): Promise<PolicyCase> {
  if (process.env['POLICY_BENCH_DEBUG']) console.error(`running ${name}`);
  run(warmupSeconds * 1000, clock, call);
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const calls: Calls = { cost: [], start: [], end: [] };
  const started = performance.now();
  run(seconds * 1000, clock, call, calls);
  const elapsed = performance.now() - started;
  // The observer is told of collections asynchronously: let the event loop deliver them.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const gc = gcCount(calls, gcs, started, started + elapsed);
  const sorted = calls.cost.sort((a, b) => a - b);
  return { name, iterations: sorted.length, medianUs: round(percentile(sorted, 50), 1), p99Us: round(percentile(sorted, 99), 1), perSecond: Math.round(sorted.length / (elapsed / 1000)), gc };
}

function principal(n: number): Principal {
  return { id: `key:${n}`, kind: 'service', tenant: 'acme', roles: ['app', `role-${n % 30}`], teams: [`team-${n % 40}`], authMethod: 'api_key', credentialId: `k${n}`, models: [] };
}

export interface PolicyBenchOptions {
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly clock?: Clock;
  /** Only the cases whose name contains this. */
  readonly only?: string;
}

export async function runPolicyBench(opts: PolicyBenchOptions): Promise<PolicyCase[]> {
  const clock = opts.clock ?? 'wall';
  const only = opts.only ?? process.env['POLICY_BENCH_ONLY'];
  const wanted = (name: string): boolean => only === undefined || name.includes(only);
  const schema = await builtinSchema();
  const defaults = configSchema.parse({}).policy;
  const { sources: templates } = await readPolicySources(defaults, '.');
  const sources = [...templates, hundredPolicies()];
  const build = (cacheSize: number): CompiledPolicySet => {
    const r = compilePolicySet(schema, sources, { cacheSize });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.set;
  };
  const uncached = build(0);
  const cached = build(10_000);
  const missing = build(10_000);
  const seen = build(10_001);
  const loaded = uncached.policyIds.length;

  const principals = Array.from({ length: 1000 }, (_, n) => principal(n));
  const query = (p: Principal, ip: string): AuthorizationQuery => ({
    principal: principalEntity(p),
    action: 'chat',
    resource: { uid: { type: 'Model', id: 'model-3' }, attrs: { regulated: false }, parents: [] },
    context: cedarContext({ clientIp: ip, country: 'DE', risk: 0, hour: 11, weekday: 3 }, 'api_key', { operation: 'chat', model: 'model-3', stream: false, tools: [] }),
  });
  const cases: PolicyCase[] = [];
  const noCache = `cedar, no cache (${loaded} policies)`;
  if (wanted(noCache)) cases.push(await time(noCache, opts.seconds, opts.warmupSeconds, clock, (i) => uncached.authorize(query(principals[i % 1000] as Principal, `10.${i % 40}.${(i >> 8) % 256}.${i % 256}`))));
  if (wanted('cedar, cached, 1k principals')) {
    const warm = (i: number) => cached.authorize(query(principals[i % 1000] as Principal, `10.${i % 40}.1.${(i >> 10) % 4}`));
    // Every principal × address pair once, so the timed run sees a warm gateway's cache.
    for (let i = 0; i < 4096; i++) warm(i);
    cases.push(await time(`cedar, cached, 1k principals`, opts.seconds, opts.warmupSeconds, clock, warm));
  }
  // A principal never seen before on every call, with the context the others send: its decision
  // is shared with the principals of its shape (roles, teams, tenant) unless a policy reads the
  // address, which is new on every call too.
  if (wanted('cedar, cached, new principals')) cases.push(await time(`cedar, cached, new principals`, opts.seconds, opts.warmupSeconds, clock, (i) => seen.authorize(query(principal(1_000_000 + i), `10.${(i >> 16) % 256}.${(i >> 8) % 256}.${i % 256}`))));
  // Every call a miss: a new principal and a country no call before it sent (every chat subset
  // reads the country), so its decision cannot be in the cache. Outside DE, FR and NL the role
  // grants do not hold (the app template's grant still allows); the same policies are evaluated.
  if (wanted('cedar, cached, all misses')) {
    cases.push(
      await time(`cedar, cached, all misses`, opts.seconds, opts.warmupSeconds, clock, (i) => {
        const q = query(principal(1_000_000 + i), `10.${(i >> 16) % 256}.${(i >> 8) % 256}.${i % 256}`);
        return missing.authorize({ ...q, context: { ...q.context, country: `X${i}` } });
      }),
    );
  }

  // The two stages as the gateway runs them, with the default templates plus the 100 policies.
  const config = configSchema.parse({ context: { trustedProxies: ['127.0.0.1'] } });
  const log = createLogger({ level: 'silent' });
  const context = await compileContext(config.context, '.');
  if (!context.ok) throw new Error('context');
  const stagesFor = async (cacheSize: number, hundred: boolean) => {
    const policy = await loadPolicy({ ...config.policy, cacheSize }, [{ model: 'model-3', regulated: false } as never], '.');
    if (!policy.ok) throw new Error(JSON.stringify(policy.issues));
    // The bench's own 100 policies join the templates through a compiled set swapped in.
    const set = compilePolicySet(schema, hundred ? sources : templates, { cacheSize });
    if (!set.ok) throw new Error('set');
    const compiled = { ...policy.policy, active: set.set };
    const ctxCompiled = context.context;
    return {
      context: contextStage({ context: () => ctxCompiled }),
      authorize: authorizeStage({ policy: () => compiled, registry: new AuthorizationRegistry() }),
    };
  };
  const request: ChatRequest = { kind: 'chat', model: 'model-3', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false, includeUsage: false };
  const stageCases = [
    ['stages, cached', 10_000, true],
    ['stages, no cache', 0, true],
    [`stages, default templates, no cache`, 0, false],
  ] as const;
  for (const [label, cacheSize, hundred] of stageCases) {
    if (!wanted(label)) continue;
    const { context: cs, authorize } = await stagesFor(cacheSize, hundred);
    const controller = new AbortController();
    const states = principals.slice(0, 100).map((p, n) => ({
      requestId: 'r',
      api: 'openai' as const,
      operation: 'chat' as const,
      sourceIp: '127.0.0.1',
      headers: { 'x-forwarded-for': `10.${n % 40}.1.${n % 4}` },
      principal: p,
      context: undefined as StageContext['context'],
      signal: controller.signal,
      log,
      decisions: [],
    }));
    cases.push(
      await time(label, opts.seconds, opts.warmupSeconds, clock, (i) => {
        const state = states[i % 100] as (typeof states)[number];
        const v = cs.onHeaders?.(state);
        if (v && !(v instanceof Promise) && v.action === 'pass') state.context = v.facts?.context;
        // Both stages are synchronous here (no posture header to verify); a promise would be a bug.
        const verdict = authorize.onRequest?.(state, request);
        if (verdict instanceof Promise || verdict?.action === 'deny') throw new Error('the bench request must be allowed synchronously');
      }),
    );
  }
  return cases;
}

const USAGE = `node dist/bench/policy.js [--seconds N] [--clock wall|cpu] [--case TEXT]

  --seconds N    timed seconds per case (default 3), after a warm-up of a third of that (at most 1 s)
  --clock cpu    time each call by process CPU time instead of wall time (for a shared machine)
  --case TEXT    only the cases whose name contains TEXT (e.g. "all misses", "stages, no cache")`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, clock: { type: 'string', default: 'wall' }, case: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seconds = Number(values.seconds);
  if (!(seconds > 0 && seconds <= 60)) throw new Error('--seconds: 0 < N <= 60');
  if (values.clock !== 'wall' && values.clock !== 'cpu') throw new Error('--clock: wall or cpu');
  for (const c of await runPolicyBench({ seconds, warmupSeconds: Math.min(1, seconds / 3), clock: values.clock, ...(values.case !== undefined ? { only: values.case } : {}) })) {
    const gc = `${c.gc.count} GCs ${c.gc.pauseMs} ms, ${c.gc.slowInGc}/${c.gc.slowCalls} slow calls in a GC, p99 without them ${c.gc.p99WithoutGcUs} µs`;
    console.log(`[policy] ${c.name.padEnd(40)} median ${c.medianUs} µs, p99 ${c.p99Us} µs, ${c.perSecond}/s (${c.iterations} calls; ${gc})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
