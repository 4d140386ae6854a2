/**
 * Enforcement of incident response on the data plane (headers only, no I/O): blocked addresses,
 * quarantined principals and keys, principals that must re-authenticate, and throttled principals.
 * Two stages from one table: `ipBlockStage` runs first in the identity phase on the socket
 * address (a blocked source costs no credential check); `enforcementStage` runs in the context
 * phase, after identity and the context stage, on the client address and the principal.
 *
 * A throttled principal takes from a bucket shared by every instance when the store has one
 * (Redis): that request waits for one round trip; if Redis fails it falls back to this
 * instance's own bucket, which still throttles (per instance) rather than letting it through.
 */
import { fail } from './util.js';
import type { Enforcement, EnforcementStore, EnforcementTable } from '../../incidents/enforcement.js';
import type { Stage, StageContext, Verdict } from '../../pipeline/types.js';
import { Lru } from '../../monitor/stats.js';

export interface EnforcementStageOptions {
  readonly table: EnforcementTable;
  readonly now?: () => number;
  /** Throttled principals tracked at once. */
  readonly maxThrottled?: number;
  /** Shared throttle buckets (EnforcementStore.takeThrottle); without it each instance has its own. */
  readonly takeThrottle?: EnforcementStore['takeThrottle'];
}

const PASS: Verdict = { action: 'pass' };

/** Identity phase, before the credential is checked: the socket peer against blocks. */
export function ipBlockStage(options: EnforcementStageOptions): Stage {
  const now = options.now ?? Date.now;
  const { table } = options;
  return {
    name: 'monitor-ip-block',
    phase: 'identity',
    onHeaders(ctx: StageContext): Verdict {
      const block = table.blocked(ctx.sourceIp, now());
      return block ? fail('PC_ERR_IP_BLOCKED', block, now(), 'blocked-ip') : PASS;
    },
  };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Context phase: the client address (after trusted proxies) and the authenticated principal. */
export function enforcementStage(options: EnforcementStageOptions): Stage {
  const now = options.now ?? Date.now;
  const { table } = options;
  const buckets = new Lru<string, Bucket>(options.maxThrottled ?? 100_000);
  const shared = options.takeThrottle;
  return {
    name: 'monitor-enforce',
    phase: 'context',
    onHeaders(ctx: StageContext): Verdict | Promise<Verdict> {
      const at = now();
      const ip = ctx.context?.clientIp ?? ctx.sourceIp;
      const block = table.blocked(ip, at);
      if (block) return fail('PC_ERR_IP_BLOCKED', block, at, 'blocked-ip');
      const p = ctx.principal;
      if (!p) return PASS;
      const q = table.get('quarantine-principal', p.id, at) ?? table.get('quarantine-key', p.credentialId, at);
      if (q) return fail('PC_ERR_QUARANTINED', q, at, q.kind);
      const reauth = table.get('reauth', p.id, at);
      if (reauth && (p.authMethod === 'gateway_jwt' || p.authMethod === 'oidc')) {
        // The identity stage verified this token already; only its iat is read here.
        const iat = issuedAt(ctx.headers.authorization);
        if (iat === undefined || iat * 1000 < reauth.since) return fail('PC_ERR_REAUTH_REQUIRED', reauth, at, 'reauth');
      }
      const throttle = table.get('throttle', p.id, at);
      if (throttle?.perMinute === undefined) return PASS;
      const perMinute = throttle.perMinute;
      if (!shared) return local(p.id, throttle, perMinute, at);
      return shared(p.id, perMinute, at).then(
        (taken) => (taken.ok ? PASS : throttled(throttle, taken.retryAfterMs)),
        (err: unknown) => {
          ctx.log.warn({ err, stage: 'monitor-enforce' }, 'shared throttle unreachable; throttling with this instance\'s bucket');
          return local(p.id, throttle, perMinute, at);
        },
      );
    },
  };

  function local(id: string, throttle: Enforcement, perMinute: number, at: number): Verdict {
    const rate = perMinute / 60_000;
    const b = buckets.touch(id, () => ({ tokens: perMinute, at }));
    b.tokens = Math.min(perMinute, b.tokens + (at - b.at) * rate);
    b.at = at;
    if (b.tokens < 1) return throttled(throttle, (1 - b.tokens) / rate);
    b.tokens -= 1;
    return PASS;
  }
}

function throttled(throttle: Enforcement, waitMs: number): Verdict {
  return { action: 'deny', code: 'PC_ERR_THROTTLED', retryAfter: Math.max(1, Math.ceil(waitMs / 1000)), reasons: ['throttle', ...incidentReason(throttle.incidentId)] };
}

function incidentReason(id: string | undefined): string[] {
  return id ? [`incident:${id}`] : [];
}

/** `iat` of the bearer (or DPoP) JWT in an Authorization header; undefined when unreadable. */
export function issuedAt(header: string | string[] | undefined): number | undefined {
  if (typeof header !== 'string') return undefined;
  const space = header.indexOf(' ');
  const token = space === -1 ? '' : header.slice(space + 1).trim();
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  if (first <= 0 || second <= first || second - first > 8_192) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(token.slice(first + 1, second), 'base64url').toString('utf8')) as { iat?: unknown };
    return typeof payload.iat === 'number' && Number.isFinite(payload.iat) ? payload.iat : undefined;
  } catch {
    return undefined;
  }
}
