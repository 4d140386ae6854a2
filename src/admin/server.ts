/**
 * The admin listener (DESIGN.md "Planes and surfaces"): a separate node:http(s) server, by default
 * on 127.0.0.1:8081, authenticated by operator sessions only — a data-plane API key or token is
 * never accepted here. Every call is authenticated (operator vs. nobody until roles arrive);
 * sensitive actions (creating or rotating keys) also need a TOTP step-up within the window.
 * Errors use the one registry and the same body shape as the data plane.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AdminConfig } from '../config/identity.js';
import { GatewayError, toGatewayError } from '../errors.js';
import { createApiKey, rotateApiKey } from '../identity/api-keys.js';
import type { OperatorService } from '../identity/operators.js';
import type { Logger } from '../log.js';
import { parseJsonBody, readBody, sendError, sendJson } from '../server/http.js';
import type { AdminSessionRecord, ApiKeyRecord, OperatorRecord, Store } from '../store/types.js';

export interface AdminDeps {
  readonly config: AdminConfig;
  readonly store: Store;
  readonly pepper: Buffer;
  readonly operators: OperatorService;
  readonly log: Logger;
  readonly now?: () => number;
}

export interface AdminServer {
  readonly server: http.Server;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

interface Caller {
  readonly token: string;
  readonly session: AdminSessionRecord;
  readonly operator: OperatorRecord;
}

interface Call {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: readonly string[];
  readonly caller: Caller | undefined;
  readonly sourceIp: string;
}

interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly pattern: RegExp;
  /** none: sign-in itself; session: any live session; step-up: a recent TOTP too. */
  readonly auth: 'none' | 'session' | 'step-up';
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

  const routes: readonly Route[] = [
    {
      method: 'POST',
      pattern: /^\/admin\/v1\/session$/,
      auth: 'none',
      async run({ req, res, sourceIp }) {
        const b = await body(req);
        const { username, password, totp } = b;
        if (typeof username !== 'string' || typeof password !== 'string' || typeof totp !== 'string' || username.length > 128) throw new GatewayError('PC_ERR_BAD_REQUEST');
        const result = await operators.signIn({ username, password, code: totp, sourceIp });
        if (!result.ok) {
          log.info({ reasons: [result.reason], sourceIp }, 'admin sign-in refused');
          throw new GatewayError(result.code, result.retryAfterSec !== undefined ? { retryAfter: result.retryAfterSec } : {});
        }
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
        log.info({ operator: (caller as Caller).operator.name, key: params[0], next: rotated.record.id }, 'admin rotated an API key');
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 201, { ...publicKey(rotated.record), key: rotated.key, previous: { id: params[0], expires_at: new Date(rotated.oldExpiresAt).toISOString() } });
      },
    },
  ];

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const sourceIp = req.socket.remoteAddress ?? '';
    let status = 200;
    let operator: string | undefined;
    try {
      const matching = routes.filter((r) => r.pattern.test(path));
      if (matching.length === 0) throw new GatewayError('PC_ERR_NOT_FOUND');
      const route = matching.find((r) => r.method === req.method);
      if (!route) {
        res.setHeader('allow', matching.map((r) => r.method).join(', '));
        throw new GatewayError('PC_ERR_METHOD_NOT_ALLOWED');
      }
      let caller: Caller | undefined;
      if (route.auth !== 'none') {
        const token = bearer(req.headers.authorization);
        const found = await operators.session(token);
        if (!found || token === undefined) throw new GatewayError('PC_ERR_UNAUTHENTICATED');
        caller = { token, ...found };
        operator = found.operator.name;
        if (route.auth === 'step-up' && !operators.steppedUp(found.session)) throw new GatewayError('PC_ERR_MFA_REQUIRED');
      }
      const params = (route.pattern.exec(path) as RegExpExecArray).slice(1);
      await route.run({ req, res, params, caller, sourceIp });
      status = res.statusCode;
    } catch (err) {
      const error = toGatewayError(err);
      status = error.status;
      if (error.code === 'PC_ERR_INTERNAL') log.error({ err, requestId }, 'admin internal error');
      sendError(res, 'openai', error, requestId);
    } finally {
      log.info({ requestId, plane: 'admin', method: req.method, path, status, operator, sourceIp }, 'admin request');
    }
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    res.setHeader('cache-control', 'no-store');
    void handle(req, res, requestId).catch((err: unknown) => {
      log.error({ err, requestId }, 'unhandled error on the admin plane');
      res.destroy();
    });
  };

  const options = { headersTimeout: 10_000, requestTimeout: 15_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 };
  const server = config.tls
    ? https.createServer({ ...options, cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile), minVersion: 'TLSv1.3' }, handler)
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
