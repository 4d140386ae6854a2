/**
 * The admin listener (DESIGN.md "Planes and surfaces"): a separate node:http(s) server, by default
 * on 127.0.0.1:8081, authenticated by operator sessions only — a data-plane API key or token is
 * never accepted here. Every call is authenticated (operator vs. nobody until roles arrive);
 * sensitive actions (creating or rotating keys, managing operators: operators.ts) also need a TOTP
 * step-up within the window.
 * Errors use the one registry and the same body shape as the data plane.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdminConfig } from '../config/identity.js';
import { GatewayError, toGatewayError } from '../errors.js';
import { createApiKey, rotateApiKey } from '../identity/api-keys.js';
import type { OperatorService } from '../identity/operators.js';
import { operatorRoutes } from './operators.js';
import type { Logger } from '../log.js';
import { parseJsonBody, readBody, sendError, sendJson } from '../server/http.js';
import { holdEnd } from '../server/completion.js';
import type { AdminSessionRecord, ApiKeyRecord, AuditQuery, OperatorRecord, Store } from '../store/types.js';
import type { AuditRow } from '../audit/chain.js';
import type { GatewayMetrics } from './metrics.js';
import type { AdminAuthorizer } from '../policy/admin.js';
import { createTlsServer, HSTS } from '../tls/listener.js';
import { adminCallAction, attachNote, attemptedUsername, auditPayloadRoute, noteOf, type AdminAuditSink } from '../audit/admin-audit.js';
import { incidentRoutes, type IncidentAdmin } from '../incidents/admin-routes.js';
import { timeOrderedId } from '../lib/request-id.js';

export interface AdminDeps {
  readonly config: AdminConfig;
  readonly store: Store;
  readonly pepper: Buffer;
  readonly operators: OperatorService;
  readonly log: Logger;
  readonly now?: () => number;
  /** Served as `GET /metrics` when given. */
  readonly metrics?: GatewayMetrics;
  /** Cedar authorization of every operator call (policy/admin.ts). */
  readonly authorize?: AdminAuthorizer;
  /** Records every admin call and sign-in attempt, and serves `decrypt_payload` (audit/admin-audit.ts). */
  readonly audit?: AdminAuditSink;
  /** Incidents and quarantines (issue 8), when monitoring is on. */
  readonly incidents?: IncidentAdmin;
}

export interface AdminServer {
  readonly server: http.Server;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export interface Caller {
  readonly token: string;
  readonly session: AdminSessionRecord;
  readonly operator: OperatorRecord;
}

export interface Call {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: readonly string[];
  readonly caller: Caller | undefined;
  readonly sourceIp: string;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly pattern: RegExp;
  /**
   * none: sign-in itself; session: any live session; step-up: a recent TOTP too; metrics: a
   * session, or the read-only `admin.metricsToken` (good for nothing else).
   */
  readonly auth: 'none' | 'session' | 'step-up' | 'metrics';
  readonly run: (call: Call) => Promise<void>;
}

const BODY_LIMIT = 16 * 1024;
const KEY_ID = '([0-9A-Za-z]{12})';

export function createAdminServer(deps: AdminDeps): AdminServer {
  const { store, operators, log, config } = deps;
  const now = deps.now ?? Date.now;

  const body = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const parsed = parseJsonBody(req, await readBody(req, BODY_LIMIT, 10_000));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new GatewayError('PC_ERR_BAD_REQUEST');
    return parsed as Record<string, unknown>;
  };

  // Hashing both sides first gives equal-length inputs, so timingSafeEqual never leaks the length.
  const metricsTokenHash = config.metricsToken === undefined ? undefined : createHash('sha256').update(config.metricsToken).digest();
  const isMetricsToken = (token: string | undefined): boolean =>
    metricsTokenHash !== undefined && token !== undefined && timingSafeEqual(createHash('sha256').update(token).digest(), metricsTokenHash);

  const routes: readonly Route[] = [
    {
      method: 'GET',
      pattern: /^\/metrics$/,
      auth: 'metrics',
      async run({ res }) {
        if (!deps.metrics) throw new GatewayError('PC_ERR_NOT_FOUND');
        const text = await deps.metrics.metrics();
        res.writeHead(200, { 'content-type': deps.metrics.contentType }).end(text);
      },
    },
    {
      // The `read_audit` action: any operator session for now (roles arrive later); decrypting
      // payloads is a separate action that will need step-up.
      method: 'GET',
      pattern: /^\/admin\/v1\/audit$/,
      auth: 'session',
      async run({ req, res }) {
        if (!store.audit.query) throw new GatewayError('PC_ERR_NOT_FOUND');
        const filter = auditFilter(new URL(req.url ?? '/', 'http://admin').searchParams);
        // Read-your-writes: records acknowledged (journaled) before this call are in the store first.
        if (deps.audit?.sync) await deps.audit.sync().catch(() => Promise.reject(new GatewayError('PC_ERR_AUDIT_UNAVAILABLE')));
        const rows = await store.audit.query({ ...filter, limit: filter.limit + 1 });
        const page = rows.slice(0, filter.limit);
        const last = page.at(-1);
        sendJson(res, 200, { records: page.map(publicRecord), next_cursor: rows.length > filter.limit && last ? String(last.seq) : null });
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/v1\/session$/,
      auth: 'none',
      async run({ req, res, sourceIp }) {
        const b = await body(req);
        const { username, password, totp } = b;
        noteOf(req).details = { username: attemptedUsername(username) };
        if (typeof username !== 'string' || typeof password !== 'string' || typeof totp !== 'string' || username.length > 128) throw new GatewayError('PC_ERR_BAD_REQUEST');
        const result = await operators.signIn({ username, password, code: totp, sourceIp });
        if (!result.ok) {
          noteOf(req).reasons = [result.reason];
          log.info({ reasons: [result.reason], sourceIp }, 'admin sign-in refused');
          throw new GatewayError(result.code, result.retryAfterSec !== undefined ? { retryAfter: result.retryAfterSec } : {});
        }
        noteOf(req).actor = { kind: 'operator', id: result.operator.id, name: result.operator.name };
        log.info({ operator: result.operator.name, sourceIp }, 'admin sign-in');
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 200, { token: result.token, token_type: 'Bearer', expires_in: Math.round((result.expiresAt - now()) / 1000) });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/admin\/v1\/session$/,
      auth: 'session',
      async run({ res, caller }) {
        await operators.signOut((caller as Caller).token);
        res.writeHead(204).end();
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/v1\/session\/step-up$/,
      auth: 'session',
      async run({ req, res, caller, sourceIp }) {
        const { totp } = await body(req);
        if (typeof totp !== 'string') throw new GatewayError('PC_ERR_BAD_REQUEST');
        const c = caller as Caller;
        const result = await operators.stepUp(c.session, c.operator, totp, sourceIp);
        if (!result.ok) {
          noteOf(req).reasons = [result.reason];
          log.info({ operator: c.operator.name, reasons: [result.reason] }, 'admin step-up refused');
          throw new GatewayError(result.code, result.retryAfterSec !== undefined ? { retryAfter: result.retryAfterSec } : {});
        }
        sendJson(res, 200, { stepped_up_at: new Date(result.verifiedAt).toISOString() });
      },
    },
    {
      method: 'GET',
      pattern: /^\/admin\/v1\/keys$/,
      auth: 'session',
      async run({ res }) {
        sendJson(res, 200, { data: (await store.apiKeys.list()).map(publicKey) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/v1\/keys$/,
      auth: 'step-up',
      async run({ req, res, caller }) {
        const b = await body(req);
        const at = now();
        let created;
        try {
          created = await createApiKey(
            store.apiKeys,
            deps.pepper,
            {
              name: requireString(b.name),
              models: optionalStrings(b.models),
              operations: optionalStrings(b.operations),
              cidrs: optionalStrings(b.cidrs),
              ...(b.roles !== undefined ? { roles: optionalStrings(b.roles) } : {}),
              ...(b.tenant !== undefined ? { tenant: requireString(b.tenant) } : {}),
              expiresAt: b.expires_in_sec === undefined ? null : at + positiveSeconds(b.expires_in_sec) * 1000,
            },
            at,
          );
        } catch (err) {
          if (err instanceof TypeError) throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: err.message });
          throw err;
        }
        noteOf(req).target = { kind: 'api_key', id: created.record.id };
        log.info({ operator: (caller as Caller).operator.name, key: created.record.id }, 'admin created an API key');
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 201, { ...publicKey(created.record), key: created.key });
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/admin/v1/keys/${KEY_ID}$`),
      auth: 'session',
      async run({ res, params, caller }) {
        const id = params[0] as string;
        // Revocation needs no step-up: stopping a leaked key must never wait for a second factor.
        if (!(await store.apiKeys.revoke(id, now()))) throw new GatewayError('PC_ERR_NOT_FOUND');
        log.info({ operator: (caller as Caller).operator.name, key: id }, 'admin revoked an API key');
        res.writeHead(204).end();
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/admin/v1/keys/${KEY_ID}/rotate$`),
      auth: 'step-up',
      async run({ req, res, params, caller }) {
        const b = await body(req);
        const overlap = b.overlap_sec === undefined ? 3_600 : nonNegativeSeconds(b.overlap_sec);
        const rotated = await rotateApiKey(store.apiKeys, deps.pepper, params[0] as string, overlap * 1000, now());
        if (!rotated) throw new GatewayError('PC_ERR_NOT_FOUND');
        noteOf(req).details = { next_key: rotated.record.id };
        log.info({ operator: (caller as Caller).operator.name, key: params[0], next: rotated.record.id }, 'admin rotated an API key');
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 201, { ...publicKey(rotated.record), key: rotated.key, previous: { id: params[0], expires_at: new Date(rotated.oldExpiresAt).toISOString() } });
      },
    },
    ...(deps.audit ? [auditPayloadRoute({ repo: store.audit, audit: deps.audit, log })] : []),
    ...operatorRoutes({ store, operators, log, body }),
    ...(deps.incidents ? incidentRoutes({ ...deps.incidents, log, body }) : []),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const sourceIp = req.socket.remoteAddress ?? '';
    let status = 200;
    let operator: string | undefined;
    let errorCode: string | undefined;
    let operatorId: string | undefined;
    const note = attachNote(req);
    // The answer waits for the call's audit record, as a data-plane answer does.
    const hold = deps.audit ? holdEnd(res) : undefined;
    let released = false;
    const release = (): void => {
      if (hold && !released) hold(true);
      released = true;
    };
    try {
      const matching = routes.filter((r) => r.pattern.test(path));
      if (matching.length === 0) throw new GatewayError('PC_ERR_NOT_FOUND');
      const route = matching.find((r) => r.method === req.method);
      if (!route) {
        res.setHeader('allow', matching.map((r) => r.method).join(', '));
        throw new GatewayError('PC_ERR_METHOD_NOT_ALLOWED');
      }
      let caller: Caller | undefined;
      if (route.auth === 'metrics' && isMetricsToken(bearer(req.headers.authorization))) {
        // The metrics token: no session, no operator; it opens this route only.
      } else if (route.auth !== 'none') {
        const token = bearer(req.headers.authorization);
        const found = await operators.session(token);
        if (!found || token === undefined) throw new GatewayError('PC_ERR_UNAUTHENTICATED');
        caller = { token, ...found };
        operator = found.operator.name;
        operatorId = found.operator.id;
        if (route.auth === 'step-up' && !operators.steppedUp(found.session)) throw new GatewayError('PC_ERR_MFA_REQUIRED');
        if (deps.authorize) {
          const decision = await deps.authorize({ operator: found.operator.name, verifiedAt: found.session.verifiedAt, method: req.method ?? '', path, sourceIp, headers: req.headers });
          if (!decision.allowed) {
            log.info({ requestId, operator, action: decision.action, reasons: decision.reasons }, 'admin call denied by policy');
            throw new GatewayError('PC_ERR_POLICY_DENIED');
          }
        }
      }
      const params = (route.pattern.exec(path) as RegExpExecArray).slice(1);
      await route.run({ req, res, params, caller, sourceIp });
      status = res.statusCode;
    } catch (err) {
      const error = toGatewayError(err);
      status = error.status;
      errorCode = error.code;
      if (error.code === 'PC_ERR_INTERNAL') log.error({ err, requestId }, 'admin internal error');
      sendError(res, 'openai', error, requestId);
    } finally {
      log.info({ requestId, plane: 'admin', method: req.method, path, status, operator, sourceIp }, 'admin request');
      if (deps.audit) {
        const operatorRef = operator !== undefined && operatorId !== undefined ? { id: operatorId, name: operator } : undefined;
        const action = adminCallAction({ requestId, method: req.method ?? '', path, query: q === -1 ? '' : url.slice(q + 1), status, code: errorCode, operator: operatorRef, sourceIp, note, ts: now() });
        // A refused call changed nothing, so its answer need not wait (nor be slowed by a flood of
        // refusals); its record is still written. A call that did something is answered once its
        // record is durable; if that fails the answer still goes out: the action has happened, and
        // withholding its answer would not undo it.
        if (status >= 400) release();
        if (action) await deps.audit.record(action).catch((err: unknown) => log.error({ err, requestId }, 'admin action not recorded in the audit trail'));
      }
      release();
    }
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = timeOrderedId();
    res.setHeader('x-request-id', requestId);
    res.setHeader('cache-control', 'no-store');
    // Browsers (the console) must never fall back to plain HTTP for this host once they saw TLS.
    if (config.tls) res.setHeader('strict-transport-security', HSTS);
    void handle(req, res, requestId).catch((err: unknown) => {
      log.error({ err, requestId }, 'unhandled error on the admin plane');
      res.destroy();
    });
  };

  const options = { headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 };
  const server = config.tls
    ? createTlsServer(config.tls, { ...options, reloadPollMs: config.tls.reloadPollMs, ...(config.tls.clientCa !== undefined ? { requestCert: true, rejectUnauthorized: true } : {}) }, handler, log)
    : http.createServer(options, handler);

  return {
    server,
    async listen() {
      server.listen(config.port, config.host);
      await once(server, 'listening');
      return server.address() as AddressInfo;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 2_000);
      await closed;
      clearTimeout(force);
    },
  };
}

function bearer(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1] : undefined;
}

/** A key as admins see it: never the hash. */
function publicKey(k: ApiKeyRecord): object {
  return {
    id: k.id,
    name: k.name,
    principal_id: k.principalId,
    tenant: k.tenant,
    roles: k.roles,
    models: k.models,
    operations: k.operations,
    cidrs: k.cidrs,
    created_at: new Date(k.createdAt).toISOString(),
    expires_at: k.expiresAt === null ? null : new Date(k.expiresAt).toISOString(),
    revoked_at: k.revokedAt === null ? null : new Date(k.revokedAt).toISOString(),
    last_used_at: k.lastUsedAt === null ? null : new Date(k.lastUsedAt).toISOString(),
  };
}

const OUTCOMES = new Set(['allow', 'deny', 'error']);
const MAX_PAGE = 500;

/** Query parameters of `GET /admin/v1/audit`; anything malformed is a 400, never ignored. */
function auditFilter(q: URLSearchParams): Omit<AuditQuery, 'limit'> & { limit: number } {
  const text = (name: string): string | undefined => {
    const v = q.get(name);
    if (v === null) return undefined;
    if (v.length === 0 || v.length > 256) throw new GatewayError('PC_ERR_BAD_REQUEST');
    return v;
  };
  const time = (name: string): number | undefined => {
    const v = text(name);
    if (v === undefined) return undefined;
    const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
    if (!Number.isSafeInteger(ms)) throw new GatewayError('PC_ERR_BAD_REQUEST');
    return ms;
  };
  const int = (name: string, min: number, max: number): number | undefined => {
    const v = text(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) throw new GatewayError('PC_ERR_BAD_REQUEST');
    return n;
  };
  const outcome = text('decision') ?? text('outcome');
  if (outcome !== undefined && !OUTCOMES.has(outcome)) throw new GatewayError('PC_ERR_BAD_REQUEST');
  const filter: Record<string, unknown> = {
    principal: text('principal'),
    route: text('route'),
    outcome,
    code: text('code'),
    fromTs: time('from'),
    toTs: time('to'),
    beforeSeq: int('cursor', 1, Number.MAX_SAFE_INTEGER),
    limit: int('limit', 1, MAX_PAGE) ?? 100,
  };
  for (const k of Object.keys(filter)) if (filter[k] === undefined) delete filter[k];
  return filter as Omit<AuditQuery, 'limit'> & { limit: number };
}

/** A record as operators see it: the chained header and the body (null once expired). */
function publicRecord(r: AuditRow): object {
  return {
    seq: r.seq,
    request_id: r.requestId,
    time: new Date(r.ts).toISOString(),
    principal: r.principal,
    route: r.route,
    outcome: r.outcome,
    status: r.status,
    hash: r.hash,
    prev: r.prev,
    record: r.body === null ? null : (JSON.parse(r.body) as unknown),
  };
}

function requireString(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 256) throw new GatewayError('PC_ERR_BAD_REQUEST');
  return value;
}

function optionalStrings(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 256 || !value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 256)) throw new GatewayError('PC_ERR_BAD_REQUEST');
  return value as string[];
}

function positiveSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > 10 * 365 * 86_400) throw new GatewayError('PC_ERR_BAD_REQUEST');
  return value;
}

function nonNegativeSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 30 * 86_400) throw new GatewayError('PC_ERR_BAD_REQUEST');
  return value;
}
