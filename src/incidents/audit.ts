/**
 * Incident lifecycle events in the tamper-evident audit trail. Each event (opened with its
 * actions, acknowledged, resolved, enforced or lifted by an operator) goes through the trail's
 * one path for admin actions (`AuditTrail.recordAdminAction`), so it is an ordinary admin record:
 * the same body shape, found by `GET /admin/v1/audit?principal=operator:<name>`, exported to SIEMs
 * as `portcullis.audit.admin`.
 */
import type { AdminAction, AdminDetail } from '../audit/admin-record.js';
import type { Logger } from '../log.js';
import type { IncidentEvent } from './engine.js';

const ACTION: Readonly<Record<IncidentEvent['type'], string>> = {
  opened: 'incident.open',
  acknowledged: 'incident.acknowledge',
  resolved: 'incident.resolve',
  enforced: 'incident.enforce',
  lifted: 'incident.lift',
};

/** The admin action an incident event is recorded as. */
export function incidentAction(event: IncidentEvent): AdminAction {
  const details: Record<string, AdminDetail> = {};
  if (event.rule !== undefined) details['rule'] = event.rule;
  if (event.subject !== undefined) details['subject'] = event.subject;
  if (event.enforcement) {
    details['enforcement_kind'] = event.enforcement.kind;
    details['enforcement_subject'] = event.enforcement.subject;
  }
  if (event.actions) {
    // `type:ok` / `type:failed`, and beside it what each did or why it could not.
    details['actions'] = event.actions.map((a) => `${a.type}:${a.ok ? 'ok' : 'failed'}`);
    details['action_details'] = event.actions.map((a) => a.detail);
  }
  const target = event.incidentId !== undefined ? { kind: 'incident', id: event.incidentId } : event.enforcement ? { kind: event.enforcement.kind, id: event.enforcement.subject } : undefined;
  return {
    action: ACTION[event.type],
    actor: event.by !== undefined ? { kind: 'operator', name: event.by } : { kind: 'system' },
    outcome: 'allow',
    ts: event.at,
    details,
    ...(target ? { target } : {}),
  };
}

export function auditIncidentEvents(record: ((action: AdminAction) => Promise<void>) | undefined, log: Logger): (event: IncidentEvent) => void {
  return function recordIncidentEvent(event) {
    log.info({ incidentEvent: event.type, incident: event.incidentId, rule: event.rule, by: event.by, enforcement: event.enforcement }, 'incident event');
    if (!record) return;
    record(incidentAction(event)).catch((err: unknown) => log.error({ err, incident: event.incidentId }, 'incident event could not be audited'));
  };
}
