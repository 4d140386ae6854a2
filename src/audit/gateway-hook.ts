/**
 * Wires the audit log to the data plane: the completion hook that builds and writes one record
 * per request (the gateway waits on it before the answer's final bytes), and the stage that
 * refuses requests on fail-closed routes while the audit store is down, before any upstream call.
 */
import type { Config } from '../config/schema.js';
import type { SealingKey } from '../crypto/seal.js';
import type { CanonicalRequest } from '../canonical/types.js';
import type { Stage, Verdict } from '../pipeline/types.js';
import type { CompletionHook, PayloadDigests } from '../server/completion.js';
import type { AuditLog, StoreDownMode } from './log.js';
import { buildEntry, type PayloadMode } from './record.js';

export interface RouteAuditSettings {
  readonly payloads: PayloadMode;
  readonly onStoreDown: StoreDownMode;
  /** Undefined keeps records forever. */
  readonly retentionDays: number | undefined;
}

/** The effective audit settings of every route, plus the defaults for requests with no route. */
export interface AuditSettings {
  readonly defaults: RouteAuditSettings;
  forRoute(model: string | undefined): RouteAuditSettings;
}

/** Resolves route overrides against the global section once per config. */
export function auditSettings(config: Config): AuditSettings {
  const a = config.audit;
  const defaults: RouteAuditSettings = { payloads: a.payloads, onStoreDown: a.onStoreDown, retentionDays: a.retentionDays };
  const routes = new Map<string, RouteAuditSettings>();
  for (const route of config.routes) {
    routes.set(route.model, {
      payloads: route.audit?.payloads ?? a.payloads,
      onStoreDown: route.audit?.onStoreDown ?? (route.regulated ? 'fail-closed' : a.onStoreDown),
      retentionDays: route.audit?.retentionDays ?? a.retentionDays,
    });
  }
  return {
    defaults,
    forRoute: (model) => (model === undefined ? defaults : (routes.get(model) ?? defaults)),
  };
}

/** Settings follow config reloads; they are compiled once per config object. */
function settingsCache(currentConfig: () => Config): () => AuditSettings {
  let config: Config | undefined;
  let settings: AuditSettings | undefined;
  return () => {
    const now = currentConfig();
    if (now !== config || !settings) {
      config = now;
      settings = auditSettings(now);
    }
    return settings;
  };
}

export function auditCompletionHook(log: AuditLog, currentConfig: () => Config, sealing: SealingKey): CompletionHook {
  const settings = settingsCache(currentConfig);
  return function recordRequest(summary) {
    const s = settings().forRoute(summary.model);
    // Built when its batch is written (log.ts, `EntrySource`); the summary is plain data that
    // nothing changes after completion, and the gateway holds it until this promise settles anyway.
    return log.write(() => buildEntry(summary, s.payloads, sealing), s.onStoreDown);
  };
}

/**
 * Tells the gateway which requests need the digests of their raw request and answer bytes: those
 * whose route records `hash` payloads. Other modes cost no hashing at all.
 */
export function auditPayloadDigests(currentConfig: () => Config): PayloadDigests {
  const settings = settingsCache(currentConfig);
  return function wantsDigests(model) {
    return settings().forRoute(model).payloads === 'hash';
  };
}

/** Runs in the limits phase, after authorisation: an unauthorised caller learns nothing of the audit state. */
export function auditAvailableStage(log: AuditLog, currentConfig: () => Config): Stage {
  const settings = settingsCache(currentConfig);
  return {
    name: 'audit-available',
    phase: 'limits',
    onRequest(_ctx, request: CanonicalRequest): Verdict<CanonicalRequest> {
      if (log.degraded && settings().forRoute(request.model).onStoreDown === 'fail-closed') {
        return { action: 'deny', code: 'PC_ERR_AUDIT_UNAVAILABLE', reasons: ['audit-store-down'] };
      }
      return { action: 'pass' };
    },
  };
}
