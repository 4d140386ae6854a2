/**
 * Automated incident response. Signals (monitor/signals.ts) are counted per rule and subject over
 * the rule's window; when a rule fires it opens an incident with its evidence (the requests and
 * features that triggered it), takes the rule's actions (enforcement.ts, notify.ts) and records how
 * each went. `onSignal` is synchronous and cheap — it only counts — and everything that does I/O
 * runs in the background and never throws into the request path.
 *
 * With shared windows (Redis, EnforcementStore.windows) the count that fires a rule is the
 * fleet's: signals are queued and sent in one call per event-loop turn, and the instance whose
 * call reaches the count fires (with the evidence it saw itself and the fleet-wide count). If
 * that call fails, this instance decides from its own window, as without Redis.
 */
import { randomUUID } from 'node:crypto';
import type { RuleAction, RuleConfig, SignalName } from '../config/monitor.js';
import type { Logger } from '../log.js';
import type { Signal } from '../monitor/signals.js';
import { Lru } from '../monitor/stats.js';
import type { IncidentRecord, IncidentRepo } from '../store/types.js';
import { networkOf, type Enforcement, type EnforcementKind, type EnforcementStore, type SharedCount } from './enforcement.js';
import type { Notifier, SlackPayload } from './notify.js';

/** What auditing and callers see of the incident lifecycle. */
export interface IncidentEvent {
  readonly type: 'opened' | 'acknowledged' | 'resolved' | 'enforced' | 'lifted';
  readonly at: number;
  readonly incidentId?: string;
  readonly rule?: string;
  readonly subject?: string;
  /** The operator, for operator actions. */
  readonly by?: string;
  /** `enforced` (set by an operator) and `lifted`: which enforcement. */
  readonly enforcement?: { readonly kind: EnforcementKind; readonly subject: string };
  readonly actions?: readonly ActionResult[];
}

export interface ActionResult {
  readonly type: RuleAction['type'];
  readonly ok: boolean;
  /** What was enforced (kind and subject) or why it could not be. */
  readonly detail: string;
  readonly until?: number;
}

export interface EngineOptions {
  readonly rules: readonly RuleConfig[];
  readonly repo: IncidentRepo;
  readonly enforcement: EnforcementStore;
  readonly notifier?: Notifier;
  readonly log: Logger;
  readonly now?: () => number;
  readonly onIncidentEvent?: (event: IncidentEvent) => void;
  /** Rule × subject windows kept at once. */
  readonly maxWindows?: number;
}

const MAX_EVIDENCE = 20;
/** Signals per shared-window call. */
const MAX_BATCH = 256;

interface Window {
  readonly times: number[];
  readonly evidence: Signal[];
}

/** A signal waiting to be counted in the shared window of its rule and subject. */
interface Queued {
  readonly rule: RuleConfig;
  readonly signal: Signal;
  readonly key: string;
}

export class IncidentEngine {
  private readonly bySignal = new Map<SignalName, RuleConfig[]>();
  private readonly windows: Lru<string, Window>;
  private readonly cooldown: Lru<string, number>;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly now: () => number;
  private queued: Queued[] = [];
  /** Incidents opened (counted for metrics and tests). */
  opened = 0;

  constructor(private readonly options: EngineOptions) {
    for (const r of options.rules) {
      const list = this.bySignal.get(r.when.signal) ?? [];
      list.push(r);
      this.bySignal.set(r.when.signal, list);
    }
    this.windows = new Lru(options.maxWindows ?? 100_000);
    this.cooldown = new Lru(options.maxWindows ?? 100_000);
    this.now = options.now ?? Date.now;
  }

  /** Counts a signal against the rules that watch it; fires those that reach their count. */
  onSignal(signal: Signal): void {
    const rules = this.bySignal.get(signal.name);
    if (!rules) return;
    for (const rule of rules) {
      if (signal.strength < rule.when.min) continue;
      const key = `${rule.id}\u0000${signal.subject}`;
      const quietUntil = this.cooldown.peek(key);
      if (quietUntil !== undefined && quietUntil > signal.at) continue;
      const w = this.windows.touch(key, () => ({ times: [], evidence: [] }));
      const from = signal.at - rule.when.windowSec * 1000;
      while (w.times.length > 0 && (w.times[0] as number) <= from) w.times.shift();
      while (w.evidence.length > 0 && (w.evidence[0] as Signal).at <= from) w.evidence.shift();
      w.times.push(signal.at);
      w.evidence.push(signal);
      if (w.evidence.length > MAX_EVIDENCE) w.evidence.shift();
      if (this.options.enforcement.windows) this.enqueue({ rule, signal, key });
      else if (w.times.length >= rule.when.count) this.fireFrom(rule, signal, key, w, w.times.length);
    }
  }

  /** Starts the cooldown, empties the window and opens the incident in the background. */
  private fireFrom(rule: RuleConfig, signal: Signal, key: string, w: Window, count: number): void {
    this.cooldown.set(key, signal.at + rule.cooldownSec * 1000);
    const evidence = w.evidence.splice(0);
    w.times.length = 0;
    this.track(this.fire(rule, signal, evidence, count));
  }

  /**
   * Shared windows: signals of one event-loop turn go to Redis in one call (sooner when
   * MAX_BATCH are waiting, so one script run stays short: Redis runs nothing else meanwhile).
   */
  private enqueue(q: Queued): void {
    this.queued.push(q);
    const flushed = (p: Promise<void>): Promise<void> => p.catch((err: unknown) => this.options.log.error({ err }, 'counting signals in the shared windows failed'));
    if (this.queued.length === 1) this.track(flushed(new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush())));
    else if (this.queued.length >= MAX_BATCH) this.track(flushed(this.flush()));
  }

  private async flush(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    const windows = this.options.enforcement.windows;
    if (!windows || batch.length === 0) return;
    const entries: SharedCount[] = batch.map(({ rule, signal, key }) => ({ key, at: signal.at, windowMs: rule.when.windowSec * 1000, count: rule.when.count, cooldownMs: rule.cooldownSec * 1000 }));
    let fired: number[] | undefined;
    try {
      fired = await windows.count(entries);
    } catch (err) {
      this.options.log.warn({ err, signals: batch.length }, 'shared rule windows unreachable; deciding from this instance\'s windows');
    }
    for (const [i, { rule, signal, key }] of batch.entries()) {
      const w = this.windows.peek(key);
      if (!w) continue;
      const quietUntil = this.cooldown.peek(key);
      if (quietUntil !== undefined && quietUntil > signal.at) continue;
      const count = fired ? (fired[i] ?? 0) : w.times.length >= rule.when.count ? w.times.length : 0;
      if (count > 0) this.fireFrom(rule, signal, key, w, count);
    }
  }

  /** Resolves when every background incident operation started so far has finished. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async acknowledge(id: string, by: string): Promise<boolean> {
    const at = this.now();
    const ok = await this.options.repo.acknowledge(id, by, at);
    if (ok) this.emit({ type: 'acknowledged', at, incidentId: id, by });
    return ok;
  }

  async resolve(id: string, by: string): Promise<boolean> {
    const at = this.now();
    const ok = await this.options.repo.resolve(id, by, at);
    if (ok) this.emit({ type: 'resolved', at, incidentId: id, by });
    return ok;
  }

  /** An enforcement an operator sets by hand (admin API). */
  async enforce(e: Enforcement, by: string): Promise<void> {
    await this.options.enforcement.apply(e);
    this.emit({ type: 'enforced', at: this.now(), by, enforcement: { kind: e.kind, subject: e.subject } });
  }

  async lift(kind: EnforcementKind, subject: string, by: string): Promise<boolean> {
    const ok = await this.options.enforcement.lift(kind, subject);
    if (ok) this.emit({ type: 'lifted', at: this.now(), by, enforcement: { kind, subject } });
    return ok;
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async fire(rule: RuleConfig, signal: Signal, evidence: readonly Signal[], count: number): Promise<void> {
    const { repo, log } = this.options;
    const at = this.now();
    const record: IncidentRecord = {
      id: `inc_${randomUUID()}`,
      rule: rule.id,
      severity: rule.severity,
      status: 'open',
      signal: signal.name,
      subjectKind: signal.subjectKind,
      subject: signal.subject,
      openedAt: at,
      updatedAt: at,
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      resolvedBy: null,
      evidence: JSON.stringify({ count, windowSec: rule.when.windowSec, signals: evidence.map(evidenceOf) }),
      actions: '[]',
    };
    try {
      await repo.insert(record);
    } catch (err) {
      // The actions still run: containing an attack must not depend on the store being up.
      log.error({ err, rule: rule.id }, 'incident could not be stored; acting anyway');
    }
    this.opened++;
    const results: ActionResult[] = [];
    for (const action of rule.actions) results.push(await this.act(action, rule, record, signal, at));
    try {
      await repo.setActions(record.id, JSON.stringify(results), this.now());
    } catch (err) {
      log.error({ err, incident: record.id }, 'incident actions could not be recorded');
    }
    log.warn({ incident: record.id, rule: rule.id, subjectKind: record.subjectKind, subject: record.subject, actions: results.map((r) => `${r.type}:${r.ok ? 'ok' : 'failed'}`) }, 'incident opened');
    this.emit({ type: 'opened', at, incidentId: record.id, rule: rule.id, subject: record.subject, actions: results });
  }

  private async act(action: RuleAction, rule: RuleConfig, incident: IncidentRecord, signal: Signal, at: number): Promise<ActionResult> {
    const enforce = async (kind: EnforcementKind, subject: string | undefined, durationSec: number, extra: Partial<Enforcement> = {}): Promise<ActionResult> => {
      if (subject === undefined) return { type: action.type, ok: false, detail: `no ${kind} subject in the evidence` };
      const e: Enforcement = { kind, subject, since: at, until: at + durationSec * 1000, incidentId: incident.id, ...extra };
      try {
        await this.options.enforcement.apply(e);
        return { type: action.type, ok: true, detail: `${kind} ${subject}`, until: e.until };
      } catch (err) {
        this.options.log.error({ err, incident: incident.id, kind }, 'incident action failed');
        return { type: action.type, ok: false, detail: `${kind} ${subject}: shared state unavailable` };
      }
    };
    switch (action.type) {
      case 'quarantine':
        return action.target === 'key' ? enforce('quarantine-key', signal.keyId, action.durationSec) : enforce('quarantine-principal', signal.principalId, action.durationSec);
      case 'block_ip':
        return enforce('block-ip', signal.ip === undefined ? undefined : networkOf(signal.ip, action.prefixV4, action.prefixV6), action.durationSec);
      case 'throttle':
        return enforce('throttle', signal.principalId, action.durationSec, { perMinute: action.perMinute });
      case 'reauth':
        return enforce('reauth', signal.principalId, action.durationSec);
      case 'strict_guards':
        return enforce('strict-route', signal.route ?? (signal.subjectKind === 'route' ? signal.subject : undefined), action.durationSec);
      case 'notify':
        if (!this.options.notifier) return { type: 'notify', ok: false, detail: 'no notifier' };
        this.options.notifier.send({ url: action.url, secret: action.secret }, slackPayload(rule, incident));
        return { type: 'notify', ok: true, detail: `queued for ${new URL(action.url).host}` };
    }
  }

  private emit(event: IncidentEvent): void {
    try {
      this.options.onIncidentEvent?.(event);
    } catch (err) {
      this.options.log.error({ err }, 'onIncidentEvent callback failed');
    }
  }
}

function evidenceOf(s: Signal): object {
  return {
    requestId: s.requestId ?? null,
    at: s.at,
    signal: s.name,
    strength: Math.round(s.strength * 1000) / 1000,
    ...(s.principalId ? { principal: s.principalId } : {}),
    ...(s.keyId ? { key: s.keyId } : {}),
    ...(s.ip ? { ip: s.ip } : {}),
    ...(s.route ? { route: s.route } : {}),
    ...(s.features ? { features: s.features } : {}),
  };
}

/** Slack `{text, blocks}`; names the incident and subject, never request content. */
export function slackPayload(rule: RuleConfig, incident: IncidentRecord): SlackPayload {
  const text = `Portcullis incident ${incident.id}: rule ${rule.id} (${incident.severity}) fired on ${incident.subjectKind} ${incident.subject} (signal ${incident.signal})`;
  return {
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: `Portcullis incident: ${rule.id}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Severity:* ${incident.severity}\n*Subject:* ${incident.subjectKind} \`${incident.subject}\`\n*Signal:* ${incident.signal}\n*Incident:* \`${incident.id}\`` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${rule.description ?? 'Automated response taken; acknowledge with `portcullis incidents ack`.'} · ${new Date(incident.openedAt).toISOString()}` }] },
    ],
  };
}
