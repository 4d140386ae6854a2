/**
 * PostgreSQL side of the incident repository (issue 8): same migration id and semantics as
 * sqlite-incidents.ts; status changes are single conditional UPDATEs.
 */
import type pg from 'pg';
import { INCIDENT_COLUMNS, incidentFromRow, incidentToRow, type IncidentRow } from './sqlite-incidents.js';
import type { IncidentRepo } from './types.js';

export const POSTGRES_INCIDENT_MIGRATIONS: readonly { readonly id: string; readonly sql: string }[] = [
  {
    id: '0300-monitor-incidents',
    sql: `CREATE TABLE incidents (id TEXT PRIMARY KEY, rule TEXT NOT NULL,
     severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
     status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
     signal TEXT NOT NULL, subject_kind TEXT NOT NULL CHECK (subject_kind IN ('principal', 'source', 'route')),
     subject TEXT NOT NULL, opened_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, acknowledged_at BIGINT,
     acknowledged_by TEXT, resolved_at BIGINT, resolved_by TEXT, evidence TEXT NOT NULL, actions TEXT NOT NULL);
   CREATE INDEX incidents_status ON incidents(status, opened_at);
   CREATE INDEX incidents_opened ON incidents(opened_at);`,
  },
];

type Query = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

const INSERT = `INSERT INTO incidents (${INCIDENT_COLUMNS.join(', ')}) VALUES (${INCIDENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

export function postgresIncidents(q: Query): IncidentRepo {
  return {
    async insert(r) {
      const row = incidentToRow(r);
      await q(INSERT, INCIDENT_COLUMNS.map((c) => row[c]));
    },
    async get(id) {
      const row = (await q<IncidentRow>('SELECT * FROM incidents WHERE id = $1', [id])).rows[0];
      return row && incidentFromRow(row);
    },
    async list(filter) {
      const rows = filter.status
        ? (await q<IncidentRow>('SELECT * FROM incidents WHERE status = $1 ORDER BY opened_at DESC, id DESC LIMIT $2', [filter.status, filter.limit])).rows
        : (await q<IncidentRow>('SELECT * FROM incidents ORDER BY opened_at DESC, id DESC LIMIT $1', [filter.limit])).rows;
      return rows.map(incidentFromRow);
    },
    async acknowledge(id, by, at) {
      const r = await q("UPDATE incidents SET status = 'acknowledged', acknowledged_at = $1, acknowledged_by = $2, updated_at = $1 WHERE id = $3 AND status = 'open'", [at, by, id]);
      return (r.rowCount ?? 0) > 0;
    },
    async resolve(id, by, at) {
      const r = await q("UPDATE incidents SET status = 'resolved', resolved_at = $1, resolved_by = $2, updated_at = $1 WHERE id = $3 AND status <> 'resolved'", [at, by, id]);
      return (r.rowCount ?? 0) > 0;
    },
    async setActions(id, actions, at) {
      return ((await q('UPDATE incidents SET actions = $1, updated_at = $2 WHERE id = $3', [actions, at, id])).rowCount ?? 0) > 0;
    },
  };
}
