/**
 * Identity stage: every data-plane request must present a Portcullis API key, as
 * `Authorization: Bearer <key>` or `x-api-key: <key>`, loopback included. Any failure is the same
 * PC_ERR_UNAUTHENTICATED to the client; the precise reason goes to the decision record.
 */
import type { Principal, Stage, StageContext, Verdict } from '../../pipeline/types.js';
import { createKeyVerifier, type KeyCheck } from '../../identity/api-keys.js';
import { sourceAllowed } from '../../identity/scopes.js';
import type { ApiKeyRecord, ApiKeyRepo } from '../../store/types.js';

export interface ApiKeyStageOptions {
  readonly repo: ApiKeyRepo;
  readonly pepper: Buffer;
  readonly now?: () => number;
  /** last_used_at is written in batches this often, off the request path. */
  readonly touchIntervalMs?: number;
}

export interface ApiKeyStage extends Stage {
  onHeaders(ctx: StageContext): Promise<Verdict>;
  /**
   * The same check for a key already taken from the headers (by the identity stage); synchronous
   * when the key was verified recently.
   */
  check(ctx: StageContext, presented: string): Verdict | Promise<Verdict>;
  /** Writes pending last-used times now (called on shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function apiKeyStage(options: ApiKeyStageOptions): ApiKeyStage {
  if (options.pepper.length < 16) throw new TypeError('the API-key pepper must be at least 16 bytes');
  const now = options.now ?? Date.now;
  const verify = createKeyVerifier(options.repo, options.pepper);
  let pending = new Map<string, number>();
  const flush = async (): Promise<void> => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    await options.repo.touch(batch);
  };
  const timer = setInterval(() => void flush().catch(() => undefined), options.touchIntervalMs ?? 5_000);
  timer.unref();

  return {
    name: 'api-key',
    phase: 'identity',
    async onHeaders(ctx: StageContext): Promise<Verdict> {
      const presented = presentedKey(ctx.headers);
      if (presented === undefined) return { action: 'deny', code: 'PC_ERR_UNAUTHENTICATED', reasons: ['missing'] };
      return await check(ctx, presented);
    },
    check,
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };

  function check(ctx: StageContext, presented: string): Verdict | Promise<Verdict> {
    const at = now();
    const verified = verify(presented, at);
    return verified instanceof Promise ? verified.then((v) => verdictFor(ctx, v, at)) : verdictFor(ctx, verified, at);
  }

  function verdictFor(ctx: StageContext, verified: KeyCheck, at: number): Verdict {
    if (!verified.ok) return { action: 'deny', code: 'PC_ERR_UNAUTHENTICATED', reasons: [verified.reason] };
    const r = verified.record;
    // A key bound to networks is refused elsewhere with the same answer as a wrong key, so a
    // leaked key does not even confirm that it exists.
    if (!sourceAllowed(r.cidrs, ctx.sourceIp)) return { action: 'deny', code: 'PC_ERR_UNAUTHENTICATED', reasons: ['cidr'] };
    pending.set(r.id, at);
    return {
      action: 'pass',
      reasons: [`key:${r.id}`],
      facts: { principal: principalOf(r) },
    };
  }
}

/**
 * One frozen principal per verified key record. The key cache hands back the same record for as
 * long as it trusts it (identity/api-keys.ts: at most its TTL, and never past a change to the
 * keys), so requests with that key share the principal, and authorization finds the principal's
 * Cedar entity already made (policy/request.ts) instead of building it per request. A record read
 * again from the store is a new object and gets a new principal.
 */
const principals = new WeakMap<ApiKeyRecord, Principal>();

function principalOf(r: ApiKeyRecord): Principal {
  let principal = principals.get(r);
  if (principal === undefined) {
    principal = Object.freeze({
      id: r.principalId,
      kind: r.principalKind,
      tenant: r.tenant,
      roles: r.roles,
      authMethod: 'api_key',
      credentialId: r.id,
      models: r.models,
      operations: r.operations,
      cidrs: r.cidrs,
    });
    principals.set(r, principal);
  }
  return principal;
}

function presentedKey(headers: StageContext['headers']): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(auth);
    return match ? match[1] : undefined;
  }
  const xKey = headers['x-api-key'];
  return typeof xKey === 'string' && xKey.length > 0 ? xKey : undefined;
}
