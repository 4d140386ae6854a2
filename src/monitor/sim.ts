/**
 * A traffic simulator for the monitoring plane: drives the real monitoring assembly (stages,
 * scorer, incident engine, enforcement, SQLite store) with synthetic requests on a controlled
 * clock, without HTTP. Used by the scenario tests and by `bench/monitor.ts`; deterministic for a
 * given seed. Normal traffic has realistic variety: per-principal home country and addresses,
 * working hours in its own time zone, bursts of activity, prompts of varied length and topic,
 * occasional denials, guard hits, embeddings calls and logprobs.
 */
import { parseConfigText } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { ChatRequest } from '../canonical/types.js';
import type { IncidentEvent } from '../incidents/engine.js';
import { createLogger } from '../log.js';
import { mulberry32 } from '../lib/random.js';
import type { Decision, Principal, StageContext, Verdict } from '../pipeline/types.js';
import type { RequestSummary } from '../server/completion.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { createMonitoring, type Monitoring } from './assemble.js';
import type { Signal } from './signals.js';

export interface SimRequest {
  readonly principal?: Principal;
  readonly ip: string;
  readonly country?: string;
  readonly prompt?: string;
  readonly sampling?: boolean;
  readonly route?: string;
  /** The credential was wrong: identity answers 401. */
  readonly authFails?: boolean;
  /** A later stage denies with this code (e.g. a guard). */
  readonly deniedBy?: { readonly stage: string; readonly code: Decision['code'] };
  /** A guard acted on the request or answer (masked, replaced) without refusing it. */
  readonly guardHit?: boolean;
  readonly outputTokens?: number;
}

export interface SimResult {
  readonly status: number;
  readonly code?: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

export function principal(id: string, keyId = `k${id.replace(/[^0-9a-z]/gi, '').slice(0, 11).padEnd(11, '0')}`): Principal {
  return { id, kind: 'service', tenant: 't', roles: ['app'], authMethod: 'api_key', credentialId: keyId, models: [] };
}

const QUIET = createLogger({ level: 'silent' });
const NEVER = new AbortController().signal;

export class Sim {
  clock: number;
  readonly signals: Signal[] = [];
  readonly events: IncidentEvent[] = [];
  private seq = 0;

  private constructor(
    readonly monitoring: Monitoring,
    readonly store: Store,
    start: number,
  ) {
    this.clock = start;
  }

  /** `monitorYaml` is the `monitor:` section body (indented by two spaces), e.g. rules. */
  static async open(monitorYaml: string, start = Date.UTC(2026, 0, 5, 0, 0, 0)): Promise<Sim> {
    const loaded = parseConfigText(`monitor:\n${monitorYaml}\n`);
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    const store = openSqliteStore(':memory:');
    // The monitoring assembly needs the clock before the Sim that owns it exists.
    const holder: { sim?: Sim } = {};
    const config: Config = loaded.config;
    const monitoring = await createMonitoring({
      config,
      store,
      log: QUIET,
      now: () => holder.sim?.clock ?? start,
      onSignal: (s) => holder.sim?.signals.push(s),
      onIncidentEvent: (e) => holder.sim?.events.push(e),
    });
    holder.sim = new Sim(monitoring, store, start);
    return holder.sim;
  }

  async close(): Promise<void> {
    await this.monitoring.close();
    await this.store.close();
  }

  /** Runs one request through the monitoring stages and completion hook at the current clock. */
  request(r: SimRequest): SimResult {
    const m = this.monitoring;
    const requestId = `sim-${++this.seq}`;
    const decisions: Decision[] = [];
    const base = {
      requestId,
      api: 'openai' as const,
      operation: 'chat' as const,
      sourceIp: r.ip,
      headers: {},
      signal: NEVER,
      log: QUIET,
      decisions,
    };
    const route = r.route ?? 'gpt';
    const finish = (status: number, code: string | undefined, p: Principal | undefined, score = 0, reasons: readonly string[] = []): SimResult => {
      const summary: RequestSummary = {
        requestId,
        startedAt: this.clock,
        method: 'POST',
        path: '/v1/chat/completions',
        api: 'openai',
        operation: 'chat',
        sourceIp: r.ip,
        principal: p,
        model: p ? route : undefined,
        decisions,
        status,
        code,
        latencyMs: 0,
        request: undefined,
        response:
          status === 200
            ? { kind: 'chat', id: 'x', model: route, created: 0, choices: [{ index: 0, message: { role: 'assistant', content: 'An answer.' }, finishReason: 'stop' }], usage: { inputTokens: 10, outputTokens: r.outputTokens ?? 50 } }
            : undefined,
        chunks: undefined,
      };
      m.onComplete(summary);
      return { status, ...(code ? { code } : {}), score, reasons };
    };
    const deny = (stage: string, v: Verdict, phase: Decision['phase']): string | undefined => {
      if (v.action !== 'deny') return undefined;
      decisions.push({ stage, phase, outcome: 'deny', code: v.code, durationMs: 0 });
      return v.code;
    };

    const blocked = deny('monitor-ip-block', m.ipStage.onHeaders?.({ ...base, principal: undefined, context: undefined }) as Verdict, 'identity');
    if (blocked) return finish(403, blocked, undefined);
    if (r.authFails || !r.principal) {
      decisions.push({ stage: 'identity', phase: 'identity', outcome: 'deny', code: 'PC_ERR_UNAUTHENTICATED', durationMs: 0 });
      return finish(401, 'PC_ERR_UNAUTHENTICATED', undefined);
    }
    const ctx: StageContext = { ...base, principal: r.principal, context: { clientIp: r.ip, ...(r.country ? { country: r.country } : {}), risk: m.risk.riskOf(r.principal.id, r.ip) } };
    const enforced = deny('monitor-enforce', m.enforceStage.onHeaders?.(ctx) as Verdict, 'context');
    if (enforced) return finish(enforced === 'PC_ERR_THROTTLED' ? 429 : 403, enforced, r.principal);
    const request: ChatRequest = {
      kind: 'chat',
      model: route,
      messages: [{ role: 'user', content: [{ type: 'text', text: r.prompt ?? 'hello' }] }],
      stream: false,
      includeUsage: false,
      ...(r.sampling ? { logprobs: true, topLogprobs: 5 } : {}),
    };
    const v = m.observeStage.onRequest?.(ctx, request) as Verdict;
    const reasons = v.reasons ?? [];
    const score = Number(/^risk:([\d.]+)$/.exec(reasons[0] ?? '')?.[1] ?? 0);
    if (r.deniedBy) {
      decisions.push({ stage: r.deniedBy.stage, phase: 'input', outcome: 'deny', ...(r.deniedBy.code ? { code: r.deniedBy.code } : {}), durationMs: 0 });
      return finish(400, r.deniedBy.code, r.principal, score, reasons.slice(1));
    }
    if (r.guardHit) decisions.push({ stage: 'input-guards', phase: 'input', outcome: 'replace', reasons: ['pii:EMAIL_ADDRESS:mask@m0:0-5'], durationMs: 0 });
    return finish(200, undefined, r.principal, score, reasons.slice(1));
  }

  /** The risk the context stage would hand to authorization now. */
  risk(principalId: string | undefined, ip: string): number {
    return this.monitoring.risk.riskOf(principalId, ip);
  }

  /** Waits for incident operations in the background (store writes, actions). */
  async settle(): Promise<void> {
    await this.monitoring.engine.settled();
  }
}

const VOCABULARY = (
  'report summary customer invoice contract meeting schedule project budget forecast email draft policy ' +
  'security review incident database query performance latency cluster deployment release notes feature ' +
  'request design document architecture migration backup storage network firewall access token password ' +
  'onboarding training manual translation french german spanish recipe travel flight hotel booking refund ' +
  'complaint product launch marketing campaign social media post blog article headline outline bullet ' +
  'points code function class error exception stack trace python typescript java sql regex test coverage ' +
  'benchmark dataset model evaluation accuracy precision recall chart graph table spreadsheet formula ' +
  'quarterly annual revenue growth churn retention pricing discount subscription license compliance audit ' +
  'privacy regulation contract clause negotiation vendor supplier logistics shipment inventory warehouse'
).split(' ');
const OPENERS = ['Can you', 'Please', 'Write', 'Summarise', 'Explain', 'Help me with', 'What is', 'How do I', 'Draft', 'Review', 'Fix', 'Translate', 'List', 'Compare', 'Why does'];

export interface NormalUser {
  readonly principal: Principal;
  readonly country: string;
  readonly ips: readonly string[];
  /** UTC hour the working day starts. */
  readonly startHour: number;
  /** Mean seconds between requests while active. */
  readonly meanGapSec: number;
}

/** A deterministic population of ordinary users. */
export function population(count: number, seed: number): NormalUser[] {
  const rnd = mulberry32(seed);
  const countries = ['DE', 'FR', 'US', 'GB', 'NL', 'JP', 'BR', 'IN'];
  return Array.from({ length: count }, (_, i) => ({
    principal: principal(`user-${i}`),
    country: countries[Math.floor(rnd() * countries.length)] as string,
    ips: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `10.${Math.floor(rnd() * 250)}.${Math.floor(rnd() * 250)}.${1 + Math.floor(rnd() * 250)}`),
    startHour: 6 + Math.floor(rnd() * 5),
    meanGapSec: 60 + Math.floor(rnd() * 400),
  }));
}

/** A prompt of realistic variety: an opener, 4–60 topic words, sometimes a pasted paragraph. */
export function normalPrompt(rnd: () => number): string {
  const words: string[] = [OPENERS[Math.floor(rnd() * OPENERS.length)] as string];
  const n = 4 + Math.floor(rnd() ** 2 * 56);
  for (let i = 0; i < n; i++) words.push(VOCABULARY[Math.floor(rnd() * VOCABULARY.length)] as string);
  if (rnd() < 0.1) for (let i = 0; i < 150; i++) words.push(VOCABULARY[Math.floor(rnd() * VOCABULARY.length)] as string);
  return words.join(' ');
}

export interface TrafficEvent {
  readonly at: number;
  readonly user: NormalUser;
  readonly request: SimRequest;
}

/**
 * Normal traffic for `days` from `start`: each user works ~9 hours a day on weekdays with
 * exponential gaps between requests and occasional coffee-break pauses.
 */
export function normalTraffic(users: readonly NormalUser[], start: number, days: number, seed: number): TrafficEvent[] {
  const rnd = mulberry32(seed);
  const out: TrafficEvent[] = [];
  for (const user of users) {
    for (let d = 0; d < days; d++) {
      const dayStart = start + d * 86_400_000;
      const weekday = new Date(dayStart).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      let t = dayStart + user.startHour * 3_600_000 + Math.floor(rnd() * 3_600_000);
      const end = t + 9 * 3_600_000;
      while (t < end) {
        t += Math.floor(-Math.log(1 - rnd()) * user.meanGapSec * 1000);
        if (rnd() < 0.02) t += 30 * 60_000;
        if (t >= end) break;
        const roll = rnd();
        out.push({
          at: t,
          user,
          request: {
            principal: user.principal,
            ip: user.ips[Math.floor(rnd() * user.ips.length)] as string,
            country: user.country,
            prompt: normalPrompt(rnd),
            sampling: rnd() < 0.01,
            outputTokens: 20 + Math.floor(rnd() * 600),
            ...(roll < 0.01 ? { deniedBy: { stage: 'input-guards', code: 'PC_ERR_SENSITIVE_DATA' as const } } : roll < 0.015 ? { guardHit: true } : {}),
          },
        });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
