/**
 * One principal's behavioural baseline, in constant memory: long- and short-term request rates,
 * prompt and answer sizes, hours of day, countries and source addresses, denial and guard-hit
 * bursts, and prompt fingerprints for extraction and inversion probing. Every update is O(1)
 * (bounded small maps), so it fits on the request path.
 */
import type { AnomalyConfig } from '../config/monitor.js';
import type { Score } from './scorer.js';
import { fingerprint, MINHASH_SIZE, RecentSet, similarity } from './shingles.js';
import { DecayedCounter, EwStats, ramp } from './stats.js';

const MAX_COUNTRIES = 16;
const MAX_IPS = 64;
const RECENT_SIGNATURES = 8;
const PREFIX_RING = 32;
/** How many top contributions a score names as its reasons. */
export const REASONS = 3;
/** A burst of N is reached at 0.9·N decayed events (N events close together). */
export const BURST_SLACK = 0.9;

/** What the input stage knows about a request, reduced to what scoring needs. */
export interface RequestFacts {
  readonly at: number;
  readonly ip: string;
  readonly country: string | undefined;
  /** The text that varies between probes: the last user message (or first embedding input). */
  readonly prompt: string;
  /** Characters of all text in the request. */
  readonly promptChars: number;
  /** logprobs / top_logprobs / several samples were asked for. */
  readonly sampling: boolean;
}

/** Feature name → contribution in [0, 1]. */
export type Features = Record<string, number>;

const NO_FEATURES: Readonly<Features> = Object.freeze({});
/** Scratch for the prompt's MinHash signature; copied into a profile's ring only when kept. */
const promptMinhash = new Uint32Array(MINHASH_SIZE);

export class PrincipalProfile {
  requests = 0;
  private readonly longRate: DecayedCounter;
  private readonly shortRate: DecayedCounter;
  private readonly promptSize = new EwStats(0.05);
  private readonly answerSize = new EwStats(0.05);
  private readonly hours = new Float64Array(24);
  private readonly countries = new Map<string, number>();
  private lastCountry: string | undefined;
  private lastCountryAt = 0;
  private readonly ips = new Map<string, number>();
  private readonly denials: DecayedCounter;
  private readonly guardHits: DecayedCounter;
  private readonly seen = new RecentSet();
  private novelty = 0;
  private readonly prefixes = new Uint32Array(PREFIX_RING);
  private prefixAt = 0;
  /** Ring of the last RECENT_SIGNATURES signatures, overwritten in place once full. */
  private readonly signatures: Uint32Array[] = [];
  private signatureAt = 0;
  private readonly nearDuplicates: DecayedCounter;
  private readonly sampling: DecayedCounter;
  /** Features of the last outcome (bursts), carried into the next request's score. */
  outcome: Readonly<Features> = NO_FEATURES;
  risk = 0;
  riskAt = 0;
  /** The principal's last score, handed out again while its features repeat (scorer.ts). */
  lastScore: Score | undefined;
  /** Hundredths each of the last score's reasons prints, in order (NaN where unsure). */
  readonly lastCents = new Float64Array(REASONS);

  constructor(private readonly cfg: AnomalyConfig) {
    const long = cfg.baselineHalfLifeSec * 1000;
    const short = cfg.burstHalfLifeSec * 1000;
    this.longRate = new DecayedCounter(long);
    this.shortRate = new DecayedCounter(short);
    this.denials = new DecayedCounter(short);
    this.guardHits = new DecayedCounter(short);
    // Probes for one record come slower than a crawl: near-duplicates are remembered longer.
    this.nearDuplicates = new DecayedCounter(short * 3);
    this.sampling = new DecayedCounter(short);
  }

  /** Adds one request to the baseline and returns the features in which it deviates from it. */
  observe(r: RequestFacts): Features {
    const cfg = this.cfg;
    const f: Features = {};
    const warm = this.requests >= cfg.warmupRequests;
    const now = r.at;

    // Rate: the short-term count against what the long-term rate predicts for the same span.
    const long = this.longRate.add(now);
    const short = this.shortRate.add(now);
    if (warm) {
      const expected = (long * cfg.burstHalfLifeSec) / cfg.baselineHalfLifeSec;
      const ratio = short / Math.max(expected, 4);
      const v = ramp(ratio, 3, 8);
      if (v > 0) f.rate_spike = v;
    }

    const z = this.promptSize.push(Math.log1p(r.promptChars));
    if (warm && z > 3) f.token_spike = ramp(z, 3, 6);

    const hour = hourOf(now, cfg.workHours.utcOffsetMin);
    if (warm) {
      const share = (this.hours[hour] as number) / Math.max(1, this.requests);
      const inHours = cfg.workHours.start <= hour && hour < cfg.workHours.end;
      if (!inHours && share < 0.02) f.off_hours = 0.5;
    }
    this.hours[hour] = (this.hours[hour] as number) + 1;

    if (r.country !== undefined) {
      if (warm && this.countries.size > 0 && !this.countries.has(r.country)) f.new_country = 1;
      if (this.lastCountry !== undefined && this.lastCountry !== r.country && now - this.lastCountryAt < cfg.travelWindowSec * 1000) f.impossible_travel = 1;
      this.countries.delete(r.country);
      this.countries.set(r.country, now);
      if (this.countries.size > MAX_COUNTRIES) this.countries.delete(this.countries.keys().next().value as string);
      this.lastCountry = r.country;
      this.lastCountryAt = now;
    }

    if (!this.ips.has(r.ip)) {
      this.ips.set(r.ip, now);
      if (this.ips.size > MAX_IPS) this.ips.delete(this.ips.keys().next().value as string);
      // Counted only when a new address appears, so the loop runs rarely.
      let recent = 0;
      for (const at of this.ips.values()) if (now - at < cfg.ipWindowSec * 1000) recent++;
      if (recent > cfg.maxIps) f.many_ips = Math.min(1, 0.5 + (recent - cfg.maxIps) / (2 * cfg.maxIps));
    } else {
      this.ips.delete(r.ip);
      this.ips.set(r.ip, now);
    }

    this.probing(r, short, f);
    this.requests++;
    return f;
  }

  /** Extraction (volume × novelty × template or sampling) and inversion (near-duplicates). */
  private probing(r: RequestFacts, short: number, f: Features): void {
    const fp = fingerprint(r.prompt, promptMinhash);
    const fresh = this.seen.novelty(fp.shingles);
    this.novelty += 0.1 * (fresh - this.novelty);
    let template = 0;
    for (const p of this.prefixes) if (p === fp.prefix) template++;
    this.prefixes[this.prefixAt] = fp.prefix;
    this.prefixAt = (this.prefixAt + 1) % PREFIX_RING;
    const sampled = r.sampling ? this.sampling.add(r.at) : this.sampling.read(r.at);
    const volume = short / this.cfg.extractionMinRequests;
    if (volume >= 1 && this.novelty >= 0.5) {
      const systematic = Math.max(template / PREFIX_RING, sampled / Math.max(short, 1));
      f.extraction = Math.min(1, 0.3 + 0.3 * this.novelty + 0.4 * systematic) * Math.min(1, volume / 2 + 0.5);
    }

    if (fp.words >= 6) {
      let best = 0;
      for (const s of this.signatures) {
        const sim = similarity(s, fp.minhash);
        if (sim > best) best = sim;
      }
      // Near-identical but not the same: one attribute varied. Exact repeats are retries.
      const near = best >= 0.4 && best < 1 ? this.nearDuplicates.add(r.at) : this.nearDuplicates.read(r.at);
      if (near >= 4) f.inversion = ramp(near, 3, 8);
      if (this.signatures.length < RECENT_SIGNATURES) this.signatures.push(fp.minhash.slice());
      else {
        (this.signatures[this.signatureAt] as Uint32Array).set(fp.minhash);
        this.signatureAt = (this.signatureAt + 1) % RECENT_SIGNATURES;
      }
    }
  }

  /** Adds a finished request's outcome; returns burst features (also kept for the next request). */
  outcomeOf(at: number, denied: boolean, guardHit: boolean, outputTokens: number | undefined): Readonly<Features> {
    // Most outcomes carry no burst: they share one empty object instead of allocating their own.
    let f: Features | undefined;
    const d = denied ? this.denials.add(at) : this.denials.read(at);
    const g = guardHit ? this.guardHits.add(at) : this.guardHits.read(at);
    // Counts decay between events, so N events in quick succession sum to a little under N.
    if (d >= this.cfg.denialBurst * BURST_SLACK) (f ??= {}).denial_burst = ramp(d, this.cfg.denialBurst / 2, this.cfg.denialBurst * BURST_SLACK);
    if (g >= this.cfg.guardBurst * BURST_SLACK) (f ??= {}).guard_burst = ramp(g, this.cfg.guardBurst / 2, this.cfg.guardBurst * BURST_SLACK);
    if (outputTokens !== undefined && outputTokens > 0) {
      const z = this.answerSize.push(Math.log1p(outputTokens));
      if (this.requests >= this.cfg.warmupRequests && z > 3) (f ??= {}).token_spike = ramp(z, 3, 6);
    }
    this.outcome = f ?? NO_FEATURES;
    return this.outcome;
  }
}

/** Hour of day (0–23) at a UTC offset, without allocating a Date. */
export function hourOf(epochMs: number, utcOffsetMin: number): number {
  const h = Math.floor((epochMs + utcOffsetMin * 60_000) / 3_600_000) % 24;
  return h < 0 ? h + 24 : h;
}
