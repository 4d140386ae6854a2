/**
 * Anomaly scoring per request, against the principal's own baseline (profile.ts), and per source
 * address for unauthenticated failures (credential stuffing). The score combines feature
 * contributions as independent evidence, 1 − Π(1 − wᵢ·fᵢ), so one strong feature or several weak
 * ones both raise it; the top contributions are the reasons. The current risk (the score, decaying
 * with `riskHalfLifeSec`) is what the context stage hands to authorization ({@link RiskSource}).
 */
import type { AnomalyConfig, SignalName } from '../config/monitor.js';
import type { RiskSource } from '../context/types.js';
import type { Principal } from '../pipeline/types.js';
import { BURST_SLACK, PrincipalProfile, REASONS, type Features, type RequestFacts } from './profile.js';
import type { Signal, SignalSink } from './signals.js';
import { DecayedCounter, Lru, ramp } from './stats.js';

/** How much each feature can add to the score on its own. */
export const WEIGHTS: Readonly<Record<string, number>> = {
  rate_spike: 0.6,
  token_spike: 0.4,
  off_hours: 0.3,
  new_country: 0.7,
  impossible_travel: 0.9,
  many_ips: 0.7,
  denial_burst: 0.7,
  guard_burst: 0.8,
  extraction: 0.9,
  inversion: 0.8,
};

export interface Score {
  /** 0 (normal) to 1. */
  readonly score: number;
  /** Top contributing features as `name:contribution`, strongest first. */
  readonly reasons: readonly string[];
  readonly features: Readonly<Features>;
}

export interface RequestEvent extends RequestFacts {
  readonly requestId: string;
  readonly principal: Principal | undefined;
  readonly route: string | undefined;
}

export interface OutcomeEvent {
  readonly requestId: string;
  readonly at: number;
  readonly principal: Principal | undefined;
  readonly ip: string;
  readonly route: string | undefined;
  readonly status: number;
  /** A stage refused the request (any deny decision). */
  readonly denied: boolean;
  readonly guardHit: boolean;
  readonly outputTokens: number | undefined;
}

interface SourceProfile {
  readonly authFailures: DecayedCounter;
  risk: number;
  riskAt: number;
}

export interface ScorerOptions {
  readonly config: AnomalyConfig;
  readonly maxPrincipals: number;
  readonly maxSources: number;
  readonly onSignal?: SignalSink;
  readonly now?: () => number;
}

const NO_REASONS: readonly string[] = [];
const EMPTY: Score = Object.freeze({ score: 0, reasons: NO_REASONS, features: Object.freeze({}) });

export class AnomalyScorer implements RiskSource {
  private readonly principals: Lru<string, PrincipalProfile>;
  private readonly sources: Lru<string, SourceProfile>;
  private readonly riskHalfLifeMs: number;
  private readonly now: () => number;
  /** Made once: an arrow written at each lookup would be a new closure per request. */
  private readonly newProfile = (): PrincipalProfile => new PrincipalProfile(this.options.config);

  constructor(private readonly options: ScorerOptions) {
    this.principals = new Lru(options.maxPrincipals);
    this.sources = new Lru(options.maxSources);
    this.riskHalfLifeMs = options.config.riskHalfLifeSec * 1000;
    this.now = options.now ?? Date.now;
  }

  get tracked(): { principals: number; sources: number } {
    return { principals: this.principals.size, sources: this.sources.size };
  }

  /** Scores one request (input phase) and updates the principal's baseline. */
  observeRequest(e: RequestEvent): Score {
    const principal = e.principal;
    if (!principal) return EMPTY;
    const profile = this.principals.touch(principal.id, this.newProfile);
    const fresh = profile.observe(e);
    const quiet = isEmpty(fresh);
    // Most requests raise nothing and carry no burst: no combining at all.
    const score = quiet && isEmpty(profile.outcome) ? EMPTY : scoreOf(profile, profile.outcome, fresh);
    this.raise(profile, score.score, e.at);
    const sink = this.options.onSignal;
    if (sink && (!quiet || score.score > 0)) {
      for (const name in fresh) sink(principalSignal(name as SignalName, fresh[name] as number, e, principal, score.features));
      if (score.score > 0) sink(principalSignal('anomaly', score.score, e, principal, score.features));
    }
    return score;
  }

  /** Adds a finished request's outcome (completion hook). */
  observeOutcome(e: OutcomeEvent): void {
    const sink = this.options.onSignal;
    if (!e.principal) {
      // Unauthenticated: only failed authentication tells anything, counted per source address.
      if (e.status !== 401) return;
      const source = this.sources.touch(e.ip, () => ({ authFailures: new DecayedCounter(this.options.config.burstHalfLifeSec * 1000), risk: 0, riskAt: 0 }));
      const n = source.authFailures.add(e.at);
      const threshold = this.options.config.authFailureBurst;
      if (n >= threshold * BURST_SLACK) {
        const strength = ramp(n, threshold / 2, threshold * BURST_SLACK);
        const decayed = decay(source.risk, e.at - source.riskAt, this.riskHalfLifeMs);
        source.risk = Math.max(decayed, strength);
        source.riskAt = e.at;
        sink?.({ name: 'auth_failures', subjectKind: 'source', subject: e.ip, strength, at: e.at, requestId: e.requestId, ip: e.ip, features: { auth_failures: Math.round(n) } });
      }
      return;
    }
    const profile = this.principals.touch(e.principal.id, this.newProfile);
    const f = profile.outcomeOf(e.at, e.denied, e.guardHit, e.outputTokens);
    if (isEmpty(f)) return;
    const score = combine(f);
    this.raise(profile, score.score, e.at);
    if (!sink) return;
    for (const name in f) sink(principalSignal(name as SignalName, f[name] as number, e, e.principal, score.features));
  }

  /** The current risk of a principal and of the address it calls from, whichever is higher. */
  riskOf(principalId: string | undefined, clientIp: string): number {
    const now = this.now();
    let risk = 0;
    if (principalId !== undefined) {
      const p = this.principals.peek(principalId);
      if (p) risk = decay(p.risk, now - p.riskAt, this.riskHalfLifeMs);
    }
    const s = this.sources.peek(clientIp);
    if (s) risk = Math.max(risk, decay(s.risk, now - s.riskAt, this.riskHalfLifeMs));
    return risk;
  }

  private raise(profile: PrincipalProfile, score: number, at: number): void {
    const current = decay(profile.risk, at - profile.riskAt, this.riskHalfLifeMs);
    profile.risk = Math.max(current, score);
    profile.riskAt = at;
  }
}

function isEmpty(features: Readonly<Features>): boolean {
  for (const _ in features) return false;
  return true;
}

function decay(value: number, elapsedMs: number, halfLifeMs: number): number {
  if (value <= 0) return 0;
  return elapsedMs <= 0 ? value : value * 2 ** (-elapsedMs / halfLifeMs);
}

/**
 * One signal about a principal, built as a single object: at several signals per request on a
 * sustained spike, spreading a shared base into each was most of the scorer's garbage.
 */
function principalSignal(name: SignalName, strength: number, e: Pick<OutcomeEvent, 'at' | 'requestId' | 'ip' | 'route'>, principal: Principal, features: Readonly<Features>): Signal {
  const { at, requestId, ip, route } = e;
  const subject = principal.id;
  return route === undefined
    ? { name, subjectKind: 'principal', subject, strength, at, requestId, principalId: subject, keyId: principal.credentialId, ip, features }
    : { name, subjectKind: 'principal', subject, strength, at, requestId, principalId: subject, keyId: principal.credentialId, ip, route, features };
}

function contribution(name: string, value: number): number {
  return (WEIGHTS[name] ?? 0.5) * Math.min(1, Math.max(0, value));
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * What `c.toFixed(2)` prints, in hundredths; NaN when c·100 lies so close to a half that the
 * rounded float product might land on the other side of it than the exact decimal toFixed uses.
 */
function hundredths(c: number): number {
  const x = c * 100;
  return Math.abs(x - Math.floor(x) - 0.5) < 1e-9 ? Number.NaN : Math.round(x);
}

/** Where a principal keeps its last score (PrincipalProfile). */
export type ScoreMemo = Pick<PrincipalProfile, 'lastScore' | 'lastCents'>;

/**
 * The score of `{ ...base, ...over }`: the principal's previous score object when it is exactly
 * what {@link combine} would build again, else a new one. A sustained spike (the same features,
 * nearly the same values, request after request) then makes no objects at all; a score built per
 * request lives as long as its request and was a large share of what survives young collections.
 */
export function scoreOf(memo: ScoreMemo, base: Readonly<Features>, over: Readonly<Features>): Score {
  const last = memo.lastScore;
  if (last !== undefined && sameScore(last, memo.lastCents, base, over)) return last;
  const score = combine(isEmpty(base) ? over : isEmpty(over) ? base : { ...base, ...over });
  let i = 0;
  for (const name in score.features) {
    if (i === REASONS) break;
    memo.lastCents[i++] = hundredths(contribution(name, valueIn(name, base, over)));
  }
  memo.lastScore = score;
  return score;
}

/** The value `{ ...base, ...over }` holds for `name` (NaN when neither has it). */
function valueIn(name: string, base: Readonly<Features>, over: Readonly<Features>): number {
  return (name in over ? over[name] : name in base ? base[name] : Number.NaN) as number;
}

/**
 * Whether `last` is exactly what combine() builds from `{ ...base, ...over }`, read without
 * allocating: the same contributing features with the same rounded contributions, the same
 * rounded score (the product runs in the merged object's key order, as in combine, since float
 * rounding depends on it), the same strongest-first order — strictly decreasing, as a tie could
 * sort either way — and reasons printing the same hundredths. Rounding to three decimals hides
 * a value crossing a hundredths boundary, which would change a reason's text: `cents` checks it.
 */
function sameScore(last: Score, cents: Float64Array, base: Readonly<Features>, over: Readonly<Features>): boolean {
  let keep = 1;
  let parts = 0;
  for (const name in base) {
    const c = contribution(name, valueIn(name, base, over));
    if (c <= 0) continue;
    if (last.features[name] !== round3(c)) return false;
    keep *= 1 - c;
    parts++;
  }
  for (const name in over) {
    if (name in base) continue;
    const c = contribution(name, over[name] as number);
    if (c <= 0) continue;
    if (last.features[name] !== round3(c)) return false;
    keep *= 1 - c;
    parts++;
  }
  if (round3(1 - keep) !== last.score) return false;
  // last.features holds the contributions strongest first.
  let i = 0;
  let previous = Number.POSITIVE_INFINITY;
  for (const name in last.features) {
    const c = contribution(name, valueIn(name, base, over));
    if (!(c < previous)) return false;
    if (i < REASONS && hundredths(c) !== cents[i]) return false;
    previous = c;
    i++;
  }
  return i === parts;
}

/** Combines features as independent evidence; reasons are the top three contributions. */
export function combine(features: Readonly<Features>): Score {
  let keep = 1;
  const parts: [string, number][] = [];
  for (const name in features) {
    const c = contribution(name, features[name] as number);
    if (c <= 0) continue;
    keep *= 1 - c;
    parts.push([name, c]);
  }
  if (parts.length === 0) return EMPTY;
  parts.sort((a, b) => b[1] - a[1]);
  const rounded: Features = {};
  const reasons: string[] = [];
  for (const [name, c] of parts) {
    rounded[name] = round3(c);
    if (reasons.length < REASONS) reasons.push(`${name}:${c.toFixed(2)}`);
  }
  // Frozen: the same score object may be handed out for many requests.
  return Object.freeze({ score: round3(1 - keep), reasons: Object.freeze(reasons), features: Object.freeze(rounded) });
}
