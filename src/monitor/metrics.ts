/**
 * Prometheus metrics of the monitoring plane and of the policy shadow set, registered on the
 * gateway's metrics registry (admin/metrics.ts, served as `GET /metrics`). Every value is read
 * when Prometheus scrapes, from counts the monitoring plane keeps anyway (one Map increment per
 * signal and per incident event), so nothing is added to the request path.
 *
 * Label values are bounded: signal names and incident event types are fixed lists, enforcement
 * kinds come from ENFORCEMENT_KINDS.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import { SIGNALS } from '../config/monitor.js';
import { ENFORCEMENT_KINDS } from '../incidents/enforcement.js';
import type { IncidentEvent } from '../incidents/engine.js';
import type { Monitoring } from './assemble.js';

/** Signals and incident events since start, by name / type. */
export interface MonitorCounts {
  readonly signals: Map<string, number>;
  readonly incidentEvents: Map<IncidentEvent['type'], number>;
}

export function newMonitorCounts(): MonitorCounts {
  return { signals: new Map(), incidentEvents: new Map() };
}

const INCIDENT_EVENTS: readonly IncidentEvent['type'][] = ['opened', 'acknowledged', 'resolved', 'enforced', 'lifted'];

export interface MonitorMetricSources {
  readonly monitoring?: Pick<Monitoring, 'counts' | 'enforcement' | 'scorer'> | undefined;
  /** Evaluations of the policy shadow set and its disagreements with the active set, since start. */
  readonly shadow?: { readonly evaluations: number; readonly differences: number } | undefined;
  readonly now?: () => number;
}

/** A counter whose value is read at scrape time from a running total kept elsewhere. */
function totalCounter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[], read: (set: (labels: Record<L, string>, value: number) => void) => void): void {
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      // The source holds the total since start; a counter has no set(), so rebuild it from zero.
      this.reset();
      read((labels, value) => {
        if (value > 0) this.inc(labels, value);
      });
    },
  });
}

export function registerMonitorMetrics(registry: Registry, sources: MonitorMetricSources): void {
  const now = sources.now ?? Date.now;
  const m = sources.monitoring;
  if (m) {
    totalCounter(registry, 'portcullis_monitor_signals_total', 'Monitoring signals raised since start, by signal.', ['signal'], (set) => {
      for (const signal of SIGNALS) set({ signal }, m.counts.signals.get(signal) ?? 0);
    });
    totalCounter(registry, 'portcullis_monitor_incident_events_total', 'Incident lifecycle events since start (opened, acknowledged, resolved, enforced, lifted).', ['event'], (set) => {
      for (const event of INCIDENT_EVENTS) set({ event }, m.counts.incidentEvents.get(event) ?? 0);
    });
    new Gauge({
      name: 'portcullis_monitor_enforcements',
      help: 'Live enforcements (quarantines, blocks, throttles, re-authentication marks, strict routes), by kind.',
      labelNames: ['kind'],
      registers: [registry],
      collect() {
        const counts = new Map<string, number>();
        for (const e of m.enforcement.table.list(now())) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
        for (const kind of ENFORCEMENT_KINDS) this.set({ kind }, counts.get(kind) ?? 0);
      },
    });
    new Gauge({
      name: 'portcullis_monitor_tracked',
      help: 'Baselines held in memory, by subject (principal, source).',
      labelNames: ['subject'],
      registers: [registry],
      collect() {
        const t = m.scorer.tracked;
        this.set({ subject: 'principal' }, t.principals);
        this.set({ subject: 'source' }, t.sources);
      },
    });
  }
  const shadow = sources.shadow;
  if (shadow) {
    totalCounter(registry, 'portcullis_policy_shadow_evaluations_total', 'Authorization decisions also evaluated by the shadow policy set, since start.', [], (set) => set({}, shadow.evaluations));
    totalCounter(registry, 'portcullis_policy_shadow_differences_total', 'Decisions where the shadow policy set disagreed with the active one, since start.', [], (set) => set({}, shadow.differences));
  }
}
