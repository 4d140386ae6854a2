/**
 * Audit records of admin actions and sign-in attempts, in the same hash chain as data-plane
 * requests. The chained header is unchanged (requestId, ts, principal, route, outcome, status), so
 * older records and the verifier need nothing new: an admin record differs only in its body,
 * `kind: "admin"` instead of `kind: "request"`, and has no route (`route: null`).
 *
 * Body (canonical JSON):
 *   {action, actor: {kind, id, name}, code, details, kind: "admin", outcome, reasons,
 *    requestId, sourceIp, status, target, time, v: 1}
 *
 * Never put a secret into `details` (passwords, TOTP codes, session tokens, API keys, payload
 * text): it is exported to SIEMs as it happens. Callers pass identifiers and machine codes only.
 */
import { userInfo } from 'node:os';
import { timeOrderedId } from '../lib/request-id.js';
import type { AuditRepo } from '../store/types.js';
import { canonicalJson } from './canonical.js';
import type { AuditEntry, AuditOutcome } from './chain.js';

/** Who did it. `operator`: a signed-in admin; `cli`: a command run against the store; `system`: the gateway itself. */
export interface AdminActor {
  readonly kind: 'operator' | 'cli' | 'system' | 'anonymous';
  /** Stable id (operator id), when known. */
  readonly id?: string | null;
  /** Display name (operator name, OS user of a CLI run), when known. */
  readonly name?: string | null;
}

/** Plain values only: a detail is an identifier, a count or a flag, never free text from a request. */
export type AdminDetail = string | number | boolean | null | readonly string[];

/** What another module hands `AuditTrail.recordAdminAction` (the incidents module, the admin API, the CLI). */
export interface AdminAction {
  /** Dotted, lower-case: `operator.sign_in`, `key.create`, `audit.decrypt_payload`, `incident.open`… */
  readonly action: string;
  readonly actor: AdminActor;
  readonly outcome: AuditOutcome;
  /** HTTP status of the admin call, or 200 / 500 for actions without one. */
  readonly status?: number;
  /** `PC_ERR_*` when refused or failed. */
  readonly code?: string;
  /** Machine reasons (`bad-password`, `locked`, …). */
  readonly reasons?: readonly string[];
  /** What was acted on: `{kind: 'api_key', id}`, `{kind: 'operator', id: name}`, `{kind: 'audit_record', id: seq}`. */
  readonly target?: { readonly kind: string; readonly id: string };
  readonly sourceIp?: string;
  readonly details?: Readonly<Record<string, AdminDetail>>;
  /** The admin request's id; a fresh UUID when absent. Must be unique across the whole log. */
  readonly requestId?: string;
  /** Epoch ms; now when absent. */
  readonly ts?: number;
}

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** The principal column of an admin record: what `GET /admin/v1/audit?principal=` filters on. */
export function adminPrincipal(actor: AdminActor): string | null {
  if (actor.kind === 'anonymous' || !actor.name) return null;
  return `${actor.kind}:${actor.name}`;
}

/** Builds the chain entry of an admin action. Throws a TypeError on a malformed action. */
export function adminEntry(a: AdminAction, now: number = Date.now()): AuditEntry {
  if (!ACTION.test(a.action) || a.action.length > 64) throw new TypeError(`not an admin action name: ${a.action}`);
  const ts = a.ts ?? now;
  const status = a.status ?? (a.outcome === 'error' ? 500 : a.outcome === 'deny' ? 403 : 200);
  const requestId = a.requestId ?? timeOrderedId();
  const body = canonicalJson({
    v: 1,
    kind: 'admin',
    action: a.action,
    time: new Date(ts).toISOString(),
    requestId,
    actor: { kind: a.actor.kind, id: a.actor.id ?? null, name: a.actor.name ?? null },
    sourceIp: a.sourceIp ?? null,
    outcome: a.outcome,
    status,
    code: a.code ?? null,
    reasons: a.reasons ? [...a.reasons] : [],
    target: a.target ? { kind: a.target.kind, id: a.target.id } : null,
    details: a.details ? plainDetails(a.details) : {},
  });
  return { requestId, ts, principal: adminPrincipal(a.actor), route: null, outcome: a.outcome, status, body };
}

function plainDetails(details: Readonly<Record<string, AdminDetail>>): Record<string, AdminDetail> {
  const out: Record<string, AdminDetail> = {};
  for (const [k, v] of Object.entries(details)) {
    if (v === undefined) continue;
    if (typeof v === 'string' && v.length > 512) throw new TypeError(`admin detail ${k} is too long`);
    out[k] = Array.isArray(v) ? [...(v as readonly string[])] : v;
  }
  return out;
}

/**
 * Records an action taken by a CLI command directly on the store (no gateway in between), e.g.
 * `audit export`. The actor is the OS user running it. Appends in its own durable transaction,
 * which extends the same chain as a running gateway (the store serialises appends).
 */
export async function recordCliAction(repo: AuditRepo, action: Omit<AdminAction, 'actor'>): Promise<void> {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = `uid-${process.getuid?.() ?? 'unknown'}`;
  }
  await repo.append([adminEntry({ ...action, actor: { kind: 'cli', name } })]);
}
