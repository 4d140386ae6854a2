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
import { BURST_SLACK, PrincipalProfile, type Features, type RequestFacts } from './profile.js';
import type { SignalSink } from './signals.js';
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
    const profile = this.principals.touch(principal.id, () => new PrincipalProfile(this.options.config));
    const fresh = profile.observe(e);
    const quiet = isEmpty(fresh);
    // Most requests raise nothing and carry no burst: no merged copy, no combining.
    const score = quiet && isEmpty(profile.outcome) ? EMPTY : combine(quiet ? profile.outcome : { ...profile.outcome, ...fresh });
    this.raise(profile, score.score, e.at);
    const sink = this.options.onSignal;
    if (sink && (!quiet || score.score > 0)) {
      const base = { subjectKind: 'principal' as const, subject: principal.id, at: e.at, requestId: e.requestId, principalId: principal.id, keyId: principal.credentialId, ip: e.ip, ...(e.route ? { route: e.route } : {}) };
      for (const [name, v] of Object.entries(fresh)) sink({ ...base, name: name as SignalName, strength: v, features: score.features });
      if (score.score > 0) sink({ ...base, name: 'anomaly', strength: score.score, features: score.features });
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
    const profile = this.principals.touch(e.principal.id, () => new PrincipalProfile(this.options.config));
    const f = profile.outcomeOf(e.at, e.denied, e.guardHit, e.outputTokens);
    if (isEmpty(f)) return;
    const names = Object.keys(f);
    const score = combine(f);
    this.raise(profile, score.score, e.at);
    if (!sink) return;
    for (const name of names) {
      sink({
        name: name as SignalName,
        subjectKind: 'principal',
        subject: e.principal.id,
        strength: f[name] as number,
        at: e.at,
        requestId: e.requestId,
        principalId: e.principal.id,
        keyId: e.principal.credentialId,
        ip: e.ip,
        ...(e.route ? { route: e.route } : {}),
        features: score.features,
      });
    }
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

/** Combines features as independent evidence; reasons are the top three contributions. */
export function combine(features: Readonly<Features>): Score {
  let keep = 1;
  const parts: [string, number][] = [];
  for (const [name, v] of Object.entries(features)) {
    const c = (WEIGHTS[name] ?? 0.5) * Math.min(1, Math.max(0, v));
    if (c <= 0) continue;
    keep *= 1 - c;
    parts.push([name, c]);
  }
  if (parts.length === 0) return EMPTY;
  parts.sort((a, b) => b[1] - a[1]);
  const rounded: Features = {};
  for (const [name, c] of parts) rounded[name] = Math.round(c * 1000) / 1000;
  return { score: Math.round((1 - keep) * 1000) / 1000, reasons: parts.slice(0, 3).map(([n, c]) => `${n}:${c.toFixed(2)}`), features: rounded };
}
