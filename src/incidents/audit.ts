/**
 * Incident lifecycle events in the tamper-evident audit trail: each event (opened with its
 * actions, acknowledged, resolved, enforced or lifted by an operator) is appended as an
 * admin-action record, chained like request records. Its `requestId` is `incident-event:<uuid>`,
 * its principal the operator (or null for automated actions), its status 0 (no HTTP exchange).
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../audit/canonical.js';
import type { AuditLog } from '../audit/log.js';
import type { Logger } from '../log.js';
import type { IncidentEvent } from './engine.js';

export function auditIncidentEvents(audit: Pick<AuditLog, 'write'> | undefined, log: Logger): (event: IncidentEvent) => void {
  return function recordIncidentEvent(event) {
    log.info({ incidentEvent: event.type, incident: event.incidentId, rule: event.rule, by: event.by, enforcement: event.enforcement }, 'incident event');
    if (!audit) return;
    const body = canonicalJson({ kind: 'incident-event', ...event });
    audit
      .write({ requestId: `incident-event:${randomUUID()}`, ts: event.at, principal: event.by ?? null, route: null, outcome: 'allow', status: 0, body }, 'spool')
      .catch((err: unknown) => log.error({ err, incident: event.incidentId }, 'incident event could not be audited'));
  };
}
