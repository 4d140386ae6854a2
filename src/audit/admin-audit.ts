/**
 * The admin listener's side of the audit trail: which admin call is which action, the record
 * each call leaves (success or failure, sign-in attempts included), and the `decrypt_payload`
 * action that opens a record's encrypted payload.
 *
 * Every admin call but `GET /metrics` (a scraper every few seconds would drown the trail) is
 * recorded after it is answered; a call this file does not name (a route added by another
 * module) is still recorded, as `admin.request` with its method and path. The one exception to
 * "after" is `decrypt_payload`: its record is made durable *before* the plaintext is sent, and
 * when that fails nothing is sent.
 */
import type { IncomingMessage } from 'node:http';
import { GatewayError } from '../errors.js';
import type { Logger } from '../log.js';
import { sendJson } from '../server/http.js';
import type { AuditRepo } from '../store/types.js';
import type { Route } from '../admin/server.js';
import type { AdminAction, AdminActor, AdminDetail } from './admin-record.js';
import { encodeHeader, sha256Hex, type AuditOutcome, type AuditRow } from './chain.js';

/** What the admin listener needs from the audit trail. */
export interface AdminAuditSink {
  /** Appends an admin record; resolves once it is durable (journal, log.ts). */
  record(action: AdminAction): Promise<void>;
  /** Opens the sealed payload of a stored record (AES-256-GCM, master key, bound to its request id). */
  openPayload(row: AuditRow, sealed: string): unknown;
  /** Resolves once every record acknowledged so far is in the store (log.ts `sync`); readers call it first. */
  sync?(): Promise<void>;
}

/** Filled in by a route while it runs, read when its record is written. Never a secret. */
export interface AdminCallNote {
  actor?: AdminActor;
  target?: { kind: string; id: string };
  reasons?: string[];
  details?: Record<string, AdminDetail>;
  /** The route wrote its own record (decrypt_payload): the generic one is skipped. */
  recorded?: boolean;
}

interface Classified {
  readonly action: string;
  readonly target?: { kind: string; id: string };
}

const KEY = /^\/admin\/v1\/keys\/([0-9A-Za-z]{12})(\/rotate)?$/;
const OPERATOR = /^\/admin\/v1\/operators\/([a-z0-9][a-z0-9._-]{0,63})\/(disable|enable|reset-mfa)$/;
const PAYLOAD = /^\/admin\/v1\/audit\/(\d{1,16})\/payload$/;

/** The action an admin call performs; undefined for calls that are not recorded (`/metrics`). */
export function classifyAdminCall(method: string, path: string): Classified | undefined {
  if (path === '/metrics') return undefined;
  const fixed = FIXED.get(`${method} ${path}`);
  if (fixed) return { action: fixed };
  let m = KEY.exec(path);
  if (m) {
    const target = { kind: 'api_key', id: m[1] as string };
    if (m[2] && method === 'POST') return { action: 'key.rotate', target };
    if (!m[2] && method === 'DELETE') return { action: 'key.revoke', target };
  }
  m = OPERATOR.exec(path);
  if (m && method === 'POST') return { action: `operator.${(m[2] as string).replace('-', '_')}`, target: { kind: 'operator', id: m[1] as string } };
  m = PAYLOAD.exec(path);
  if (m && method === 'GET') return { action: 'audit.decrypt_payload', target: { kind: 'audit_record', id: m[1] as string } };
  return { action: 'admin.request' };
}

const FIXED: ReadonlyMap<string, string> = new Map([
  ['POST /admin/v1/session', 'operator.sign_in'],
  ['DELETE /admin/v1/session', 'operator.sign_out'],
  ['POST /admin/v1/session/step-up', 'operator.step_up'],
  ['GET /admin/v1/keys', 'key.list'],
  ['POST /admin/v1/keys', 'key.create'],
  ['GET /admin/v1/operators', 'operator.list'],
  ['POST /admin/v1/operators', 'operator.add'],
  ['GET /admin/v1/audit', 'audit.read'],
]);

export interface AdminCallFacts {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  /** The query string without the `?`; only `GET /admin/v1/audit` filters are recorded from it. */
  readonly query: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly operator: { readonly id: string; readonly name: string } | undefined;
  readonly sourceIp: string;
  readonly note: AdminCallNote;
  readonly ts: number;
}

/** The record of one admin call, or undefined when it is not recorded. */
export function adminCallAction(f: AdminCallFacts): AdminAction | undefined {
  if (f.note.recorded) return undefined;
  const c = classifyAdminCall(f.method, f.path);
  if (!c) return undefined;
  const outcome: AuditOutcome = f.status < 400 ? 'allow' : f.status >= 500 ? 'error' : 'deny';
  const actor: AdminActor = f.note.actor ?? (f.operator ? { kind: 'operator', id: f.operator.id, name: f.operator.name } : { kind: 'anonymous' });
  const details: Record<string, AdminDetail> = { ...f.note.details };
  if (c.action === 'admin.request') {
    details.method = f.method;
    details.path = f.path.slice(0, 256);
  }
  if (c.action === 'audit.read') Object.assign(details, auditFilters(f.query));
  const target = f.note.target ?? c.target;
  return {
    action: c.action,
    actor,
    outcome,
    status: f.status,
    ...(f.code !== undefined ? { code: f.code } : {}),
    ...(f.note.reasons ? { reasons: f.note.reasons } : {}),
    ...(target ? { target } : {}),
    sourceIp: f.sourceIp,
    details,
    requestId: f.requestId,
    ts: f.ts,
  };
}

const FILTERS = ['principal', 'route', 'decision', 'outcome', 'code', 'from', 'to', 'cursor', 'limit'];

/** The filters an operator read the trail with: who looked at what is part of the record. */
function auditFilters(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  const q = new URLSearchParams(query);
  for (const name of FILTERS) {
    const v = q.get(name);
    if (v !== null) out[`filter_${name}`] = v.slice(0, 256);
  }
  return out;
}

/** Operator names follow this rule; anything else typed into the user field is not recorded (it may be a password). */
const OPERATOR_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** The sign-in attempt's user name as recorded: only when it has the shape of an operator name. */
export function attemptedUsername(username: unknown): AdminDetail {
  return typeof username === 'string' && OPERATOR_NAME.test(username) ? username : null;
}

export interface PayloadRouteDeps {
  readonly repo: AuditRepo;
  readonly audit: AdminAuditSink;
  readonly log: Logger;
}

/**
 * `GET /admin/v1/audit/{seq}/payload`, the `decrypt_payload` action: needs a session with a TOTP
 * step-up within the window. The record is checked against its own hashes first (an edited row
 * is refused, not decrypted), the action is recorded durably, and only then the payload opened.
 */
export function auditPayloadRoute(deps: PayloadRouteDeps): Route {
  return {
    method: 'GET',
    pattern: PAYLOAD,
    auth: 'step-up',
    async run({ res, params, caller, sourceIp, req }) {
      const note = noteOf(req);
      const seq = Number(params[0]);
      const [row] = await deps.repo.page(seq - 1, 1, seq);
      if (!row || row.seq !== seq || row.body === null) throw new GatewayError('PC_ERR_NOT_FOUND', { detail: 'no such audit record, or its body expired' });
      if (sha256Hex(row.body) !== row.bodyHash || sha256Hex(encodeHeader(row)) !== row.hash) {
        note.reasons = ['record-hash-mismatch'];
        throw new GatewayError('PC_ERR_AUDIT_RECORD_INVALID');
      }
      const payload = (JSON.parse(row.body) as { payload?: { mode?: unknown; sealed?: unknown } }).payload;
      if (payload?.mode !== 'encrypted' || typeof payload.sealed !== 'string') {
        note.reasons = ['payload-not-encrypted'];
        throw new GatewayError('PC_ERR_NOT_FOUND', { detail: 'this record holds no encrypted payload' });
      }
      const operator = caller?.operator;
      try {
        await deps.audit.record({
          action: 'audit.decrypt_payload',
          actor: operator ? { kind: 'operator', id: operator.id, name: operator.name } : { kind: 'anonymous' },
          outcome: 'allow',
          status: 200,
          target: { kind: 'audit_record', id: String(seq) },
          sourceIp,
          details: { record_request_id: row.requestId },
        });
      } catch (err) {
        deps.log.error({ err }, 'could not record decrypt_payload; refusing it');
        throw new GatewayError('PC_ERR_AUDIT_UNAVAILABLE');
      }
      note.recorded = true;
      let opened: unknown;
      try {
        opened = deps.audit.openPayload(row, payload.sealed);
      } catch (err) {
        // Recorded as allowed already; this second record says it failed.
        note.recorded = false;
        note.reasons = ['payload-does-not-open'];
        deps.log.error({ err, seq }, 'an encrypted audit payload did not open');
        throw new GatewayError('PC_ERR_AUDIT_RECORD_INVALID');
      }
      res.setHeader('cache-control', 'no-store');
      sendJson(res, 200, { seq, request_id: row.requestId, payload: opened });
    },
  };
}

/**
 * The note of the call `req` belongs to. The admin server attaches it when the call starts;
 * routes in other files reach it through the request so `Call` needs no new member.
 */
const NOTES = new WeakMap<IncomingMessage, AdminCallNote>();

export function attachNote(req: IncomingMessage): AdminCallNote {
  const note: AdminCallNote = {};
  NOTES.set(req, note);
  return note;
}

export function noteOf(req: IncomingMessage): AdminCallNote {
  let note = NOTES.get(req);
  if (!note) NOTES.set(req, (note = {}));
  return note;
}
