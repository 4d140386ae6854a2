/**
 * Incidents and enforcements on the admin listener. Reading, acknowledging and resolving need an
 * operator session; setting or lifting a quarantine or block changes who may use the gateway, so
 * it needs a TOTP step-up within the window, like key creation.
 *
 *   GET  /admin/v1/incidents[?status=open|acknowledged|resolved&limit=N]
 *   GET  /admin/v1/incidents/{id}
 *   POST /admin/v1/incidents/{id}/ack
 *   POST /admin/v1/incidents/{id}/resolve
 *   GET  /admin/v1/quarantines                 live quarantines, blocks, throttles, reauth marks, strict routes
 *   POST /admin/v1/quarantines                 {kind, subject, duration_sec}  (step-up)
 *   POST /admin/v1/quarantines/lift            {kind, subject}                (step-up)
 */
import type { IncomingMessage } from 'node:http';
import type { Caller, Route } from '../admin/server.js';
import { GatewayError } from '../errors.js';
import type { Logger } from '../log.js';
import { sendJson } from '../server/http.js';
import type { IncidentRecord, IncidentRepo, IncidentStatus } from '../store/types.js';
import { ENFORCEMENT_KINDS, parseCidr, type Enforcement, type EnforcementKind, type EnforcementStore } from './enforcement.js';
import type { IncidentEngine } from './engine.js';

export interface IncidentAdmin {
  readonly repo: IncidentRepo;
  readonly engine: IncidentEngine;
  readonly enforcement: EnforcementStore;
  readonly now: () => number;
}

export interface IncidentRoutesDeps extends IncidentAdmin {
  readonly log: Logger;
  readonly body: (req: IncomingMessage) => Promise<Record<string, unknown>>;
}

const ID = '(inc_[0-9a-f-]{36})';
const STATUSES = new Set<IncidentStatus>(['open', 'acknowledged', 'resolved']);
const MAX_DURATION_SEC = 30 * 86_400;

export function incidentRoutes(deps: IncidentRoutesDeps): Route[] {
  const { repo, engine, enforcement, log, now } = deps;
  const who = (caller: Caller | undefined): string => (caller as Caller).operator.name;
  const found = async (id: string): Promise<IncidentRecord> => {
    const incident = await repo.get(id);
    if (!incident) throw new GatewayError('PC_ERR_NOT_FOUND');
    return incident;
  };

  return [
    {
      method: 'GET',
      pattern: /^\/admin\/v1\/incidents$/,
      auth: 'session',
      async run({ req, res }) {
        const q = new URL(req.url ?? '/', 'http://admin').searchParams;
        const status = q.get('status');
        if (status !== null && !STATUSES.has(status as IncidentStatus)) throw new GatewayError('PC_ERR_BAD_REQUEST');
        const limitText = q.get('limit') ?? '100';
        const limit = Number(limitText);
        if (!/^\d{1,3}$/.test(limitText) || limit < 1 || limit > 500) throw new GatewayError('PC_ERR_BAD_REQUEST');
        const list = await repo.list({ limit, ...(status ? { status: status as IncidentStatus } : {}) });
        sendJson(res, 200, { data: list.map(publicIncident) });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/admin/v1/incidents/${ID}$`),
      auth: 'session',
      async run({ res, params }) {
        sendJson(res, 200, publicIncident(await found(params[0] as string)));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/admin/v1/incidents/${ID}/ack$`),
      auth: 'session',
      async run({ res, params, caller }) {
        const id = params[0] as string;
        await found(id);
        if (!(await engine.acknowledge(id, who(caller)))) throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: 'incident is not open' });
        log.info({ operator: who(caller), incident: id }, 'admin acknowledged an incident');
        sendJson(res, 200, publicIncident(await found(id)));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/admin/v1/incidents/${ID}/resolve$`),
      auth: 'session',
      async run({ res, params, caller }) {
        const id = params[0] as string;
        await found(id);
        if (!(await engine.resolve(id, who(caller)))) throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: 'incident is already resolved' });
        log.info({ operator: who(caller), incident: id }, 'admin resolved an incident');
        sendJson(res, 200, publicIncident(await found(id)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/admin\/v1\/quarantines$/,
      auth: 'session',
      async run({ res }) {
        sendJson(res, 200, { data: enforcement.table.list(now()).map(publicEnforcement) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/v1\/quarantines$/,
      auth: 'step-up',
      async run({ req, res, caller }) {
        const b = await deps.body(req);
        const { kind, subject } = target(b);
        const duration = b.duration_sec;
        if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1 || duration > MAX_DURATION_SEC) throw new GatewayError('PC_ERR_BAD_REQUEST');
        if (kind === 'throttle' && (typeof b.per_minute !== 'number' || !Number.isInteger(b.per_minute) || b.per_minute < 1)) throw new GatewayError('PC_ERR_BAD_REQUEST');
        const at = now();
        const e: Enforcement = { kind, subject, since: at, until: at + duration * 1000, ...(kind === 'throttle' ? { perMinute: b.per_minute as number } : {}) };
        await engine.enforce(e, who(caller));
        log.info({ operator: who(caller), kind, subject }, 'admin set an enforcement');
        sendJson(res, 201, publicEnforcement(enforcement.table.get(kind, subject, at) ?? e));
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/v1\/quarantines\/lift$/,
      auth: 'step-up',
      async run({ req, res, caller }) {
        const { kind, subject } = target(await deps.body(req));
        if (!(await engine.lift(kind, subject, who(caller)))) throw new GatewayError('PC_ERR_NOT_FOUND');
        log.info({ operator: who(caller), kind, subject }, 'admin lifted an enforcement');
        res.writeHead(204).end();
      },
    },
  ];
}

function target(b: Record<string, unknown>): { kind: EnforcementKind; subject: string } {
  const { kind, subject } = b;
  if (!(ENFORCEMENT_KINDS as readonly unknown[]).includes(kind) || typeof subject !== 'string' || subject.length === 0 || subject.length > 256) throw new GatewayError('PC_ERR_BAD_REQUEST');
  if (kind === 'block-ip') {
    const cidr = parseCidr(subject);
    if (!cidr) throw new GatewayError('PC_ERR_BAD_REQUEST');
    return { kind, subject: cidr.text };
  }
  return { kind: kind as EnforcementKind, subject };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function publicIncident(i: IncidentRecord): object {
  return {
    id: i.id,
    rule: i.rule,
    severity: i.severity,
    status: i.status,
    signal: i.signal,
    subject_kind: i.subjectKind,
    subject: i.subject,
    opened_at: iso(i.openedAt),
    updated_at: iso(i.updatedAt),
    acknowledged_at: iso(i.acknowledgedAt),
    acknowledged_by: i.acknowledgedBy,
    resolved_at: iso(i.resolvedAt),
    resolved_by: i.resolvedBy,
    evidence: JSON.parse(i.evidence) as unknown,
    actions: JSON.parse(i.actions) as unknown,
  };
}

function publicEnforcement(e: Enforcement): object {
  return {
    kind: e.kind,
    subject: e.subject,
    since: iso(e.since),
    until: iso(e.until),
    incident_id: e.incidentId ?? null,
    ...(e.perMinute !== undefined ? { per_minute: e.perMinute } : {}),
  };
}
