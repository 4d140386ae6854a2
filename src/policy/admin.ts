/**
 * Admin-plane authorization: every admin call by an operator is put to the same Cedar policy set
 * as the data plane, as an action on an admin resource, with the request's context (address,
 * country, posture, time, MFA age from the session's last TOTP proof). Operator roles come from
 * `policy.operators` (operators not listed get `policy.defaultOperatorRoles`, `admin` unless
 * changed, so existing operators keep their powers).
 *
 * Routes map to actions by path, so an admin route added later is still authorised (`query` for
 * reads, `modify` for writes on `gateway`) rather than skipped.
 */
import type { RiskSource } from '../context/types.js';
import { noRisk } from '../context/types.js';
import type { Logger } from '../log.js';
import type { ClientCertificate } from '../pipeline/types.js';
import type { CompiledContext } from '../stages/context/compile.js';
import { contextFacts } from '../stages/context/stage.js';
import { decide, type ShadowStats } from '../stages/authorize/policy.js';
import type { CompiledPolicy } from './load.js';
import { cedarContext, operatorEntity } from './request.js';

export interface AdminAction {
  readonly action: string;
  readonly resource: string;
}

/** The action an admin call stands for; undefined for an operator's own session (sign-out, step-up). */
export function adminActionOf(method: string, path: string): AdminAction | undefined {
  const read = method === 'GET' || method === 'HEAD';
  if (path === '/metrics') return { action: 'query', resource: 'metrics' };
  const segment = /^\/admin\/v1\/([a-z-]+)/.exec(path)?.[1];
  switch (segment) {
    case 'session':
      return undefined;
    case 'audit':
      if (path.includes('/decrypt')) return { action: 'decrypt_payload', resource: 'audit' };
      if (path.includes('/export')) return { action: 'export_audit', resource: 'audit' };
      return { action: 'read_audit', resource: 'audit' };
    case 'keys':
      return { action: read ? 'query' : 'manage_keys', resource: 'keys' };
    case 'operators':
      // Reading the list names who can administer the gateway: as sensitive as changing it.
      return { action: 'manage_operators', resource: 'operators' };
    case 'incidents':
      return { action: read ? 'query' : 'manage_incidents', resource: 'incidents' };
    case 'policies':
      return { action: read ? 'query' : 'deploy', resource: 'policies' };
    case 'routes':
    case 'models':
      return { action: read ? 'query' : 'deploy', resource: 'routes' };
    default:
      return { action: read ? 'query' : 'modify', resource: 'gateway' };
  }
}

export interface AdminRequest {
  readonly operator: string;
  /** When the session last proved a TOTP (ms since epoch); 0 when never. */
  readonly verifiedAt: number;
  readonly method: string;
  readonly path: string;
  readonly sourceIp: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly clientCert?: ClientCertificate;
}

export interface AdminDecision {
  readonly allowed: boolean;
  readonly action?: string;
  readonly reasons: readonly string[];
}

export type AdminAuthorizer = (request: AdminRequest) => Promise<AdminDecision>;

export interface AdminAuthorizerOptions {
  readonly policy: () => CompiledPolicy;
  readonly context: () => CompiledContext;
  readonly risk?: RiskSource;
  readonly log: Logger;
  readonly shadowStats?: ShadowStats;
  readonly now?: () => number;
}

export function adminAuthorizer(options: AdminAuthorizerOptions): AdminAuthorizer {
  const now = options.now ?? Date.now;
  const risk = options.risk ?? noRisk;
  return async function authorizeAdmin(request) {
    const what = adminActionOf(request.method, request.path);
    if (!what) return { allowed: true, reasons: ['own-session'] };
    const at = now();
    const facts = await contextFacts(options.context(), { sourceIp: request.sourceIp, headers: request.headers, clientCert: request.clientCert, principalId: `operator:${request.operator}` }, risk, at);
    const policy = options.policy();
    const mfaAgeSec = request.verifiedAt > 0 ? (at - request.verifiedAt) / 1000 : undefined;
    const context = cedarContext(facts, 'operator_session', { operation: 'admin', model: '', stream: false, tools: [] }, mfaAgeSec);
    const principal = operatorEntity(request.operator, policy.operatorRoles(request.operator));
    const result = decide(policy, { principal, action: what.action, resource: { uid: { type: 'AdminResource', id: what.resource }, attrs: {}, parents: [] }, context }, options, options.shadowStats);
    return { allowed: result.allowed, action: what.action, reasons: result.reasons };
  };
}
