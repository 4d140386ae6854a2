/**
 * SQLite side of the incident repository (issue 8). Status changes are single conditional
 * UPDATEs, so two operators acknowledging at once cannot both win.
 */
import type Database from 'better-sqlite3';
import type { IncidentRecord, IncidentRepo, IncidentStatus } from './types.js';

/** Appended to the migration list in sqlite.ts; ids in the 0300 range belong to monitoring. */
export const INCIDENT_MIGRATIONS: readonly { readonly id: string; readonly sql: string }[] = [
  {
    id: '0300-monitor-incidents',
    sql: `CREATE TABLE incidents (
     id TEXT PRIMARY KEY,
     rule TEXT NOT NULL,
     severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
     status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
     signal TEXT NOT NULL,
     subject_kind TEXT NOT NULL CHECK (subject_kind IN ('principal', 'source', 'route')),
     subject TEXT NOT NULL,
     opened_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     acknowledged_at INTEGER,
     acknowledged_by TEXT,
     resolved_at INTEGER,
     resolved_by TEXT,
     evidence TEXT NOT NULL,
     actions TEXT NOT NULL
   ) STRICT;
   CREATE INDEX incidents_status ON incidents(status, opened_at);
   CREATE INDEX incidents_opened ON incidents(opened_at);`,
  },
];

export interface IncidentRow {
  id: string;
  rule: string;
  severity: IncidentRecord['severity'];
  status: IncidentStatus;
  signal: string;
  subject_kind: IncidentRecord['subjectKind'];
  subject: string;
  opened_at: number;
  updated_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  evidence: string;
  actions: string;
}

export const INCIDENT_COLUMNS = [
  'id',
  'rule',
  'severity',
  'status',
  'signal',
  'subject_kind',
  'subject',
  'opened_at',
  'updated_at',
  'acknowledged_at',
  'acknowledged_by',
  'resolved_at',
  'resolved_by',
  'evidence',
  'actions',
] as const;

export function incidentToRow(r: IncidentRecord): IncidentRow {
  return {
    id: r.id,
    rule: r.rule,
    severity: r.severity,
    status: r.status,
    signal: r.signal,
    subject_kind: r.subjectKind,
    subject: r.subject,
    opened_at: r.openedAt,
    updated_at: r.updatedAt,
    acknowledged_at: r.acknowledgedAt,
    acknowledged_by: r.acknowledgedBy,
    resolved_at: r.resolvedAt,
    resolved_by: r.resolvedBy,
    evidence: r.evidence,
    actions: r.actions,
  };
}

export function incidentFromRow(r: IncidentRow): IncidentRecord {
  return {
    id: r.id,
    rule: r.rule,
    severity: r.severity,
    status: r.status,
    signal: r.signal,
    subjectKind: r.subject_kind,
    subject: r.subject,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    evidence: r.evidence,
    actions: r.actions,
  };
}

export function sqliteIncidents(db: Database.Database): IncidentRepo {
  const insert = db.prepare<[IncidentRow]>(`INSERT INTO incidents (${INCIDENT_COLUMNS.join(', ')}) VALUES (${INCIDENT_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  const get = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id = ?');
  const listAll = db.prepare<[number], IncidentRow>('SELECT * FROM incidents ORDER BY opened_at DESC, id DESC LIMIT ?');
  const listBy = db.prepare<[string, number], IncidentRow>('SELECT * FROM incidents WHERE status = ? ORDER BY opened_at DESC, id DESC LIMIT ?');
  const ack = db.prepare<[number, string, number, string]>("UPDATE incidents SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?, updated_at = ? WHERE id = ? AND status = 'open'");
  const resolve = db.prepare<[number, string, number, string]>("UPDATE incidents SET status = 'resolved', resolved_at = ?, resolved_by = ?, updated_at = ? WHERE id = ? AND status <> 'resolved'");
  const setActions = db.prepare<[string, number, string]>('UPDATE incidents SET actions = ?, updated_at = ? WHERE id = ?');
  return {
    async insert(r) {
      insert.run(incidentToRow(r));
    },
    async get(id) {
      const row = get.get(id);
      return row && incidentFromRow(row);
    },
    async list(filter) {
      const rows = filter.status ? listBy.all(filter.status, filter.limit) : listAll.all(filter.limit);
      return rows.map(incidentFromRow);
    },
    async acknowledge(id, by, at) {
      return ack.run(at, by, at, id).changes > 0;
    },
    async resolve(id, by, at) {
      return resolve.run(at, by, at, id).changes > 0;
    },
    async setActions(id, actions, at) {
      return setActions.run(actions, at, id).changes > 0;
    },
  };
}
