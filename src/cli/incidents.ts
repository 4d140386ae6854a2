/**
 * `portcullis incidents list|show|ack|resolve|quarantines|quarantine|lift`, through the admin API
 * (`--admin-url URL`, operator session in PORTCULLIS_ADMIN_TOKEN). Only the admin API: an
 * acknowledgement or a lift must reach the running gateways (and their Redis), be audited and,
 * for lifts, pass the operator's step-up — none of which a direct store write would do.
 */
import { adminApi } from './admin-api.js';
import { CliError, parse, parseDuration } from './util.js';

interface PublicIncident {
  id: string;
  rule: string;
  severity: string;
  status: string;
  signal: string;
  subject_kind: string;
  subject: string;
  opened_at: string;
  acknowledged_by: string | null;
  resolved_by: string | null;
  evidence: unknown;
  actions: { type: string; ok: boolean; detail: string }[];
}

interface PublicEnforcement {
  kind: string;
  subject: string;
  since: string;
  until: string;
  incident_id: string | null;
  per_minute?: number;
}

const USAGE = `usage: portcullis incidents <command> --admin-url URL   (session token in PORTCULLIS_ADMIN_TOKEN)
  list [--status open|acknowledged|resolved] [--limit N] [--json]
  show ID [--json]
  ack ID
  resolve ID
  quarantines [--json]                   live quarantines, blocks, throttles, reauth marks, strict routes
  quarantine --kind KIND --subject S --for 15m [--per-minute N]   (needs step-up)
  lift --kind KIND --subject S                                   (needs step-up)
KIND: quarantine-principal | quarantine-key | block-ip | throttle | reauth | strict-route`;

export async function runIncidents(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parse(
    rest,
    {
      'admin-url': { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      kind: { type: 'string' },
      subject: { type: 'string' },
      for: { type: 'string' },
      'per-minute': { type: 'string' },
    },
    true,
  );
  if (action === undefined || action === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return action === undefined ? 2 : 0;
  }
  const api = adminApi(values['admin-url']);
  if (!api) throw new CliError(`incidents needs --admin-url\n${USAGE}`);
  const out = (text: string): void => void process.stdout.write(`${text}\n`);
  const id = (): string => {
    const value = positionals[0];
    if (!value || !/^inc_[0-9a-f-]{36}$/.test(value)) throw new CliError('an incident id (inc_…) is required');
    return value;
  };
  switch (action) {
    case 'list': {
      const q = new URLSearchParams();
      if (values.status) q.set('status', values.status);
      if (values.limit) q.set('limit', values.limit);
      const { data } = await api.call<{ data: PublicIncident[] }>('GET', `/admin/v1/incidents${q.size > 0 ? `?${q.toString()}` : ''}`);
      if (values.json) out(JSON.stringify(data));
      else if (data.length === 0) out('No incidents.');
      else for (const i of data) out(`${i.id}  ${i.opened_at}  ${i.status.padEnd(12)} ${i.severity.padEnd(8)} ${i.rule}  ${i.subject_kind} ${i.subject}  [${i.actions.map((a) => `${a.type}${a.ok ? '' : '(failed)'}`).join(', ')}]`);
      return 0;
    }
    case 'show': {
      const incident = await api.call<PublicIncident>('GET', `/admin/v1/incidents/${id()}`);
      out(values.json ? JSON.stringify(incident) : JSON.stringify(incident, null, 2));
      return 0;
    }
    case 'ack':
    case 'resolve': {
      const incident = await api.call<PublicIncident>('POST', `/admin/v1/incidents/${id()}/${action}`);
      out(`${incident.id} is now ${incident.status}.`);
      return 0;
    }
    case 'quarantines': {
      const { data } = await api.call<{ data: PublicEnforcement[] }>('GET', '/admin/v1/quarantines');
      if (values.json) out(JSON.stringify(data));
      else if (data.length === 0) out('Nothing is enforced.');
      else for (const e of data) out(`${e.kind.padEnd(21)} ${e.subject}  until ${e.until}${e.per_minute ? `  ${e.per_minute}/min` : ''}${e.incident_id ? `  (${e.incident_id})` : ''}`);
      return 0;
    }
    case 'quarantine': {
      if (!values.kind || !values.subject || !values.for) throw new CliError('quarantine needs --kind, --subject and --for');
      const perMinute = values['per-minute'] === undefined ? undefined : Number(values['per-minute']);
      const set = await api.call<PublicEnforcement>('POST', '/admin/v1/quarantines', {
        kind: values.kind,
        subject: values.subject,
        duration_sec: Math.max(1, Math.round(parseDuration(values.for) / 1000)),
        ...(perMinute !== undefined ? { per_minute: perMinute } : {}),
      });
      out(`${set.kind} ${set.subject} until ${set.until}.`);
      return 0;
    }
    case 'lift': {
      if (!values.kind || !values.subject) throw new CliError('lift needs --kind and --subject');
      await api.call('POST', '/admin/v1/quarantines/lift', { kind: values.kind, subject: values.subject });
      out(`Lifted ${values.kind} ${values.subject}.`);
      return 0;
    }
    default:
      throw new CliError(USAGE);
  }
}
