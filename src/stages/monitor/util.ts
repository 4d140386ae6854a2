import type { Enforcement } from '../../incidents/enforcement.js';
import type { ErrorCode } from '../../errors.js';
import type { Verdict } from '../../pipeline/types.js';

/** A deny naming the enforcement (and its incident) in the decision, with Retry-After until it lapses. */
export function fail(code: ErrorCode, e: Enforcement, now: number, reason: string): Verdict {
  return {
    action: 'deny',
    code,
    retryAfter: Math.max(1, Math.ceil((e.until - now) / 1000)),
    reasons: e.incidentId ? [reason, `incident:${e.incidentId}`] : [reason],
  };
}
