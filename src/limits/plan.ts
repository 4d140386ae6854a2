/**
 * From the limits config to counter operations: rules compiled once per config, then per request
 * the matching rules' ops (one backend call for all of them), and from the backend's readings the
 * Retry-After and OpenAI-style `x-ratelimit-*` values.
 *
 * Key layout (under `limits.keyPrefix`): `<rule>:<subject>:<metric>[:<period>]`, where the subject
 * joins the rule's `per` values with `|`, e.g. `pc:limits:per-key:key_abc:r:29384756` (requests,
 * fixed window number), `…:ti:…` / `…:to:…` (input / output tokens), `…:sd:20261124` /
 * `…:sm:202611` (spend day / month), `…:c` / `…:s` (concurrent requests / streams).
 */
import type { LimitDimension, LimitsConfig } from '../config/limits.js';
import type { Principal } from '../pipeline/types.js';
import type { LimitOp, Reading } from './types.js';

/** Spend is counted in billionths of the price currency, so fractional prices stay integers. */
export const NANOS = 1e9;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export type Metric = 'requests' | 'concurrent' | 'streams' | 'input-tokens' | 'output-tokens' | 'spend-day' | 'spend-month';

export interface Price {
  /** Nanos per token (price per million tokens × 1000). */
  readonly input: number;
  readonly output: number;
}

export interface CompiledRule {
  readonly name: string;
  readonly per: readonly LimitDimension[];
  readonly principals: ReadonlySet<string> | undefined;
  readonly tenants: ReadonlySet<string> | undefined;
  readonly models: ReadonlySet<string> | undefined;
  readonly roles: ReadonlySet<string> | undefined;
  readonly requests: { readonly limit: number; readonly windowMs: number } | undefined;
  readonly concurrent: number | undefined;
  readonly concurrentStreams: number | undefined;
  readonly inputTpm: number | undefined;
  readonly outputTpm: number | undefined;
  /** In nanos. */
  readonly spendDay: number | undefined;
  readonly spendMonth: number | undefined;
  readonly needsTokens: boolean;
  readonly needsPrice: boolean;
}

export interface CompiledLimits {
  readonly rules: readonly CompiledRule[];
  readonly prefix: string;
  readonly prices: ReadonlyMap<string, Price>;
  readonly defaultMaxOutputTokens: number;
  readonly streamReserveStep: number;
  readonly leaseMs: number;
  readonly failOpen: boolean;
  readonly headers: boolean;
}

const setOf = (values: readonly string[] | undefined): ReadonlySet<string> | undefined => (values ? new Set(values) : undefined);

export function compileLimits(config: LimitsConfig): CompiledLimits {
  const rules = config.rules.map((r): CompiledRule => {
    const spendDay = r.spendPerDay === undefined ? undefined : Math.round(r.spendPerDay * NANOS);
    const spendMonth = r.spendPerMonth === undefined ? undefined : Math.round(r.spendPerMonth * NANOS);
    const needsPrice = spendDay !== undefined || spendMonth !== undefined;
    return Object.freeze({
      name: r.name,
      per: Object.freeze([...r.per]),
      principals: setOf(r.match?.principals),
      tenants: setOf(r.match?.tenants),
      models: setOf(r.match?.models),
      roles: setOf(r.match?.roles),
      requests: r.requests ? { limit: r.requests.limit, windowMs: r.requests.windowSec * 1000 } : undefined,
      concurrent: r.concurrent,
      concurrentStreams: r.concurrentStreams,
      inputTpm: r.inputTokensPerMinute,
      outputTpm: r.outputTokensPerMinute,
      spendDay,
      spendMonth,
      needsTokens: r.inputTokensPerMinute !== undefined || r.outputTokensPerMinute !== undefined || needsPrice,
      needsPrice,
    });
  });
  const prices = new Map<string, Price>();
  for (const [model, p] of Object.entries(config.prices)) prices.set(model, { input: p.input * 1000, output: p.output * 1000 });
  return Object.freeze({
    rules: Object.freeze(rules),
    prefix: config.keyPrefix,
    prices,
    defaultMaxOutputTokens: config.defaultMaxOutputTokens,
    streamReserveStep: config.streamReserveStep,
    leaseMs: config.leaseSec * 1000,
    failOpen: config.failOpen,
    headers: config.headers,
  });
}

/** Models a spend rule could apply to that have no price (and no `*` price): a start-up error. */
export function unpricedModels(limits: CompiledLimits, routeModels: Iterable<string>): string[] {
  if (limits.prices.has('*')) return [];
  const missing: string[] = [];
  for (const model of routeModels) {
    if (limits.prices.has(model)) continue;
    if (limits.rules.some((r) => r.needsPrice && (r.models === undefined || r.models.has(model)))) missing.push(model);
  }
  return missing;
}

export interface RequestFacts {
  readonly principal: Principal | undefined;
  readonly model: string;
  readonly source: string;
}

export function rulesFor(limits: CompiledLimits, facts: RequestFacts): CompiledRule[] {
  const out: CompiledRule[] = [];
  const p = facts.principal;
  for (const r of limits.rules) {
    if (r.models && !r.models.has(facts.model)) continue;
    if (r.principals && !(p && r.principals.has(p.id))) continue;
    if (r.tenants && !(p && r.tenants.has(p.tenant))) continue;
    if (r.roles && !(p && p.roles.some((role) => r.roles?.has(role)))) continue;
    out.push(r);
  }
  return out;
}

const PLAIN = /^[\w.@-]{1,200}$/;

function part(value: string | undefined): string {
  if (value === undefined || value === '') return '-';
  return PLAIN.test(value) ? value : encodeURIComponent(value).slice(0, 600);
}

/** `<prefix><rule>:<subject>` for a rule and a request. */
export function ruleBase(limits: CompiledLimits, rule: CompiledRule, facts: RequestFacts): string {
  let subject = '';
  for (let i = 0; i < rule.per.length; i++) {
    const dim = rule.per[i] as LimitDimension;
    const value = dim === 'principal' ? facts.principal?.id : dim === 'tenant' ? facts.principal?.tenant : dim === 'model' ? facts.model : facts.source;
    subject += (i === 0 ? '' : '|') + part(value);
  }
  return `${limits.prefix}${rule.name}:${subject === '' ? '*' : subject}`;
}

export function windowOp(base: string, now: number, windowMs: number, limit: number, cost: number): LimitOp {
  const idx = Math.floor(now / windowMs);
  return { kind: 'window', curr: `${base}:${idx}`, prev: `${base}:${idx - 1}`, windowMs, elapsedMs: now - idx * windowMs, limit, cost };
}

/** The UTC day and month a moment falls in, with when each ends. */
export function periodsOf(now: number): { day: string; dayEnds: number; month: string; monthEnds: number } {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const mm = String(m + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return { day: `${y}${mm}${dd}`, dayEnds: (Math.floor(now / DAY_MS) + 1) * DAY_MS, month: `${y}${mm}`, monthEnds: Date.UTC(y, m + 1, 1) };
}

/** One op with what it stands for, so a refusal can be explained and headers computed. */
export interface PlannedOp {
  readonly op: LimitOp;
  readonly metric: Metric;
  readonly rule: string;
  /** Fixed periods: when the counter starts again. */
  readonly resetsAt?: number;
}

export interface Charge {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly price: Price | undefined;
}

/** Everything the matching rules ask of one request. */
export function planOps(limits: CompiledLimits, rules: readonly CompiledRule[], facts: RequestFacts, stream: boolean, member: string, charge: Charge, now: number): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const periods = rules.some((r) => r.needsPrice) ? periodsOf(now) : undefined;
  const spend = charge.price ? Math.ceil(charge.inputTokens * charge.price.input + charge.outputTokens * charge.price.output) : 0;
  for (const rule of rules) {
    const base = ruleBase(limits, rule, facts);
    if (rule.requests) ops.push({ op: windowOp(`${base}:r`, now, rule.requests.windowMs, rule.requests.limit, 1), metric: 'requests', rule: rule.name });
    if (rule.concurrent !== undefined) ops.push({ op: { kind: 'slots', key: `${base}:c`, limit: rule.concurrent, ttlMs: limits.leaseMs, member }, metric: 'concurrent', rule: rule.name });
    if (rule.concurrentStreams !== undefined && stream) ops.push({ op: { kind: 'slots', key: `${base}:s`, limit: rule.concurrentStreams, ttlMs: limits.leaseMs, member }, metric: 'streams', rule: rule.name });
    if (rule.inputTpm !== undefined) ops.push({ op: windowOp(`${base}:ti`, now, MINUTE_MS, rule.inputTpm, charge.inputTokens), metric: 'input-tokens', rule: rule.name });
    if (rule.outputTpm !== undefined) ops.push({ op: windowOp(`${base}:to`, now, MINUTE_MS, rule.outputTpm, charge.outputTokens), metric: 'output-tokens', rule: rule.name });
    if (periods) ops.push(...spendOps(base, rule, periods, spend, now));
  }
  return ops;
}

function spendOps(base: string, rule: CompiledRule, periods: ReturnType<typeof periodsOf>, cost: number, now: number): PlannedOp[] {
  const ops: PlannedOp[] = [];
  // Counters outlive their period a little, so a late correction still finds them.
  if (rule.spendDay !== undefined) ops.push({ op: { kind: 'fixed', key: `${base}:sd:${periods.day}`, limit: rule.spendDay, cost, ttlMs: periods.dayEnds - now + 3_600_000 }, metric: 'spend-day', rule: rule.name, resetsAt: periods.dayEnds });
  if (rule.spendMonth !== undefined) ops.push({ op: { kind: 'fixed', key: `${base}:sm:${periods.month}`, limit: rule.spendMonth, cost, ttlMs: periods.monthEnds - now + DAY_MS }, metric: 'spend-month', rule: rule.name, resetsAt: periods.monthEnds });
  return ops;
}

/** A stream that outran its output reservation asks for `tokens` more on its output counters. */
export function extensionOps(limits: CompiledLimits, rules: readonly CompiledRule[], facts: RequestFacts, tokens: number, price: Price | undefined, now: number): PlannedOp[] {
  const ops: PlannedOp[] = [];
  const periods = price && rules.some((r) => r.needsPrice) ? periodsOf(now) : undefined;
  const spend = price ? Math.ceil(tokens * price.output) : 0;
  for (const rule of rules) {
    const base = ruleBase(limits, rule, facts);
    if (rule.outputTpm !== undefined) ops.push({ op: windowOp(`${base}:to`, now, MINUTE_MS, rule.outputTpm, tokens), metric: 'output-tokens', rule: rule.name });
    if (periods) ops.push(...spendOps(base, rule, periods, spend, now));
  }
  return ops;
}

/** What is left of a limit after this request, and in how many milliseconds it starts refilling. */
export interface Standing {
  readonly limit: number;
  readonly remaining: number;
  readonly resetMs: number;
}

export function standingOf(planned: PlannedOp, reading: Reading, applied: boolean, now: number): Standing {
  const op = planned.op;
  switch (op.kind) {
    case 'window': {
      const [curr, prev] = reading;
      const used = (prev * (op.windowMs - op.elapsedMs)) / op.windowMs + curr + (applied ? op.cost : 0);
      const remaining = Math.max(0, Math.floor(op.limit - used));
      return { limit: op.limit, remaining, resetMs: remaining > 0 ? op.windowMs - op.elapsedMs : windowRetryMs(op.limit, 1, curr + (applied ? op.cost : 0), prev, op.windowMs, op.elapsedMs) };
    }
    case 'slots':
      return { limit: op.limit, remaining: Math.max(0, op.limit - reading[0] - (applied ? 1 : 0)), resetMs: 1_000 };
    case 'fixed':
      return { limit: op.limit, remaining: Math.max(0, op.limit - reading[0] - (applied ? op.cost : 0)), resetMs: Math.max(0, (planned.resetsAt ?? now) - now) };
  }
}

/** Milliseconds until a refused op would fit. */
export function retryAfterMs(planned: PlannedOp, reading: Reading, now: number): number {
  const op = planned.op;
  switch (op.kind) {
    case 'window':
      return windowRetryMs(op.limit, op.cost, reading[0], reading[1], op.windowMs, op.elapsedMs);
    case 'slots':
      // A slot frees when some request ends; there is no schedule to read. One second is a polite poll.
      return 1_000;
    case 'fixed':
      return Math.max(1_000, (planned.resetsAt ?? now) - now);
  }
}

/**
 * When `cost` fits under `limit` given a window's counts: either the previous window's weight
 * decays enough within this window, or it takes the next window (where this one becomes `prev`).
 */
export function windowRetryMs(limit: number, cost: number, curr: number, prev: number, windowMs: number, elapsedMs: number): number {
  if (cost > limit) return windowMs;
  const room = limit - curr - cost;
  if (room >= 0 && prev > 0) return Math.max(0, windowMs - (room * windowMs) / prev - elapsedMs);
  if (room >= 0) return 0;
  const nextElapsed = curr > 0 ? Math.max(0, windowMs - ((limit - cost) * windowMs) / curr) : 0;
  return windowMs - elapsedMs + nextElapsed;
}

/** OpenAI's reset format: `20ms`, `1.5s`, `6m0s`, `1h2m3s`. */
export function formatReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const totalSec = ms / 1000;
  if (totalSec < 60) return `${Math.ceil(totalSec * 100) / 100}s`;
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = Math.ceil(totalSec % 60);
  return h > 0 ? `${h}h${m}m${s}s` : `${m}m${s}s`;
}

/**
 * `x-ratelimit-*` headers: the tightest request limit as `-requests`, the tightest token limit
 * (input or output) as `-tokens`. Empty when no request or token limit applies.
 */
export function rateLimitHeaders(planned: readonly PlannedOp[], readings: readonly Reading[], applied: boolean, now: number): Record<string, string> {
  let requests: Standing | undefined;
  let tokens: Standing | undefined;
  for (let i = 0; i < planned.length; i++) {
    const p = planned[i] as PlannedOp;
    if (p.metric !== 'requests' && p.metric !== 'input-tokens' && p.metric !== 'output-tokens') continue;
    const s = standingOf(p, readings[i] as Reading, applied, now);
    if (p.metric === 'requests') {
      if (!requests || s.remaining < requests.remaining) requests = s;
    } else if (!tokens || s.remaining < tokens.remaining) tokens = s;
  }
  const headers: Record<string, string> = {};
  if (requests) {
    headers['x-ratelimit-limit-requests'] = String(requests.limit);
    headers['x-ratelimit-remaining-requests'] = String(requests.remaining);
    headers['x-ratelimit-reset-requests'] = formatReset(requests.resetMs);
  }
  if (tokens) {
    headers['x-ratelimit-limit-tokens'] = String(tokens.limit);
    headers['x-ratelimit-remaining-tokens'] = String(tokens.remaining);
    headers['x-ratelimit-reset-tokens'] = formatReset(tokens.resetMs);
  }
  return headers;
}
