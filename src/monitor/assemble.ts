/**
 * Assembly of the monitoring plane for a running gateway, from the `monitor:` config section:
 * the anomaly scorer (also the {@link RiskSource} for the context stage), the incident engine with
 * its enforcement store (Redis with `state.redis`, else in-process) and notifier, the stages that
 * score and enforce, the completion hook that feeds outcomes back, and the admin surface.
 */
import type { Config } from '../config/schema.js';
import type { RiskSource } from '../context/types.js';
import type { CompiledGuards } from '../guards/policy.js';
import { memoryEnforcement, type EnforcementStore } from '../incidents/enforcement.js';
import { IncidentEngine, type IncidentEvent } from '../incidents/engine.js';
import { Notifier } from '../incidents/notify.js';
import { redisEnforcement } from '../incidents/redis-enforcement.js';
import { strictGuardsOverlay } from '../incidents/strict-guards.js';
import type { Logger } from '../log.js';
import type { Stage } from '../pipeline/types.js';
import type { RequestSummary } from '../server/completion.js';
import { enforcementStage, ipBlockStage } from '../stages/monitor/enforce.js';
import { observeStage } from '../stages/monitor/observe.js';
import type { Store } from '../store/types.js';
import { newMonitorCounts, type MonitorCounts } from './metrics.js';
import { ModelWatch } from './model-watch.js';
import { AnomalyScorer } from './scorer.js';
import type { Signal } from './signals.js';

export interface Monitoring {
  /** For the context stage: the current risk of a principal or source (0–1). */
  readonly risk: RiskSource;
  /** Identity phase, before the identity stage. */
  readonly ipStage: Stage;
  /** Context phase, after identity (and after the context stage when there is one). */
  readonly enforceStage: Stage;
  /** Input phase. */
  readonly observeStage: Stage;
  /** Completion hook: synchronous and cheap; never throws. */
  readonly onComplete: (summary: RequestSummary) => void;
  /** Wraps the compiled guards so routes under `strict_guards` get the strict policy. */
  readonly guards: (compiled: CompiledGuards) => CompiledGuards;
  readonly scorer: AnomalyScorer;
  readonly engine: IncidentEngine;
  readonly enforcement: EnforcementStore;
  readonly models: ModelWatch;
  /** Signals and incident events since start (monitor/metrics.ts reads them for Prometheus). */
  readonly counts: MonitorCounts;
  close(): Promise<void>;
}

export interface MonitoringOptions {
  readonly config: Config;
  readonly store: Store;
  readonly log: Logger;
  readonly now?: () => number;
  /** Every incident lifecycle event (opened, acknowledged, resolved, lifted), e.g. for the audit trail. */
  readonly onIncidentEvent?: (event: IncidentEvent) => void;
  /** Every signal, after the rules saw it (tests, metrics). */
  readonly onSignal?: (signal: Signal) => void;
  /** Replaces the enforcement store (tests). */
  readonly enforcement?: EnforcementStore;
}

const GUARD_STAGES = new Set(['input-guards', 'output-guards']);

export async function createMonitoring(options: MonitoringOptions): Promise<Monitoring> {
  const { config, store } = options;
  const m = config.monitor;
  const log = options.log.child({ component: 'monitor' });
  const now = options.now ?? Date.now;
  const enforcement =
    options.enforcement ??
    (config.state.redis ? await redisEnforcement({ url: config.state.redis, prefix: m.redisPrefix, log, now }) : memoryEnforcement());
  const notifier = new Notifier({ log, now });
  const counts = newMonitorCounts();
  const engine = new IncidentEngine({
    rules: m.rules,
    repo: store.incidents,
    enforcement,
    notifier,
    log,
    now,
    onIncidentEvent: (event) => {
      counts.incidentEvents.set(event.type, (counts.incidentEvents.get(event.type) ?? 0) + 1);
      options.onIncidentEvent?.(event);
    },
  });
  const onSignal = (s: Signal): void => {
    counts.signals.set(s.name, (counts.signals.get(s.name) ?? 0) + 1);
    engine.onSignal(s);
    options.onSignal?.(s);
  };
  const scorer = new AnomalyScorer({ config: m.anomaly, maxPrincipals: m.maxPrincipals, maxSources: m.maxSources, onSignal, now });
  const models = new ModelWatch({ config: m.models, onSignal, now });

  const onComplete = (summary: RequestSummary): void => {
    try {
      let denied = false;
      let guardHit = false;
      for (const d of summary.decisions) {
        if (d.outcome === 'deny') denied = true;
        if (GUARD_STAGES.has(d.stage) && (d.outcome === 'deny' || d.outcome === 'replace' || d.reasons?.some((r) => r.startsWith('injection')))) guardHit = true;
      }
      const at = summary.startedAt + summary.latencyMs;
      const outputTokens = summary.response?.usage?.outputTokens ?? summary.chunks?.findLast((c) => c.usage !== undefined)?.usage?.outputTokens;
      scorer.observeOutcome({
        requestId: summary.requestId,
        at,
        principal: summary.principal,
        ip: summary.sourceIp,
        route: summary.model,
        status: summary.status,
        denied,
        guardHit,
        outputTokens,
      });
      if (summary.status < 400 && summary.model !== undefined) models.observe(summary, guardHit, at);
    } catch (err) {
      log.error({ err }, 'monitor: outcome not recorded');
    }
  };

  return {
    risk: scorer,
    ipStage: ipBlockStage({ table: enforcement.table, now }),
    enforceStage: enforcementStage({ table: enforcement.table, now, ...(enforcement.takeThrottle ? { takeThrottle: enforcement.takeThrottle } : {}) }),
    observeStage: observeStage({ scorer, now }),
    onComplete,
    guards: strictGuardsOverlay(enforcement.table, now),
    scorer,
    engine,
    enforcement,
    models,
    counts,
    async close() {
      await engine.settled();
      notifier.close();
      await enforcement.close();
    },
  };
}
