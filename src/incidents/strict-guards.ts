/**
 * "Switch a route to stricter guards": while a `strict-route` enforcement is live, the guard
 * stages see that route's policy tightened — guards on, nothing fails open, injection in prompts
 * and documents blocked, every finding the route acts on blocked rather than masked, links to
 * other hosts blocked. It works by wrapping the compiled guards the stages already read
 * (`guards: () => …` in app.ts), so the guard stages need no change. The wrapped object is cached
 * per (compiled guards, table version, next expiry), so a request pays one comparison.
 */
import type { CompiledGuards, RoutePolicy } from '../guards/policy.js';
import type { EnforcementTable } from './enforcement.js';

export function strictPolicy(p: RoutePolicy): RoutePolicy {
  const base = p.enabled ? p : { ...p, enabled: true };
  const inAction = base.input.actionFor;
  const outAction = base.output.actionFor;
  return Object.freeze({
    ...base,
    input: Object.freeze({ ...base.input, failOpen: false, injection: 'block' as const, documents: 'block' as const, actionFor: (t: string) => (inAction(t) === undefined ? undefined : ('block' as const)) }),
    output: Object.freeze({
      ...base.output,
      failOpen: false,
      actionFor: (t: string) => (outAction(t) === undefined ? undefined : ('block' as const)),
      links: Object.freeze({ ...base.output.links, action: 'block' as const }),
    }),
  });
}

export function strictGuardsOverlay(table: EnforcementTable, now: () => number = Date.now): (compiled: CompiledGuards) => CompiledGuards {
  let source: CompiledGuards | undefined;
  let version = -1;
  let nextExpiry = Infinity;
  let result: CompiledGuards | undefined;
  return function withStrictRoutes(compiled) {
    const at = now();
    if (compiled === source && table.version === version && at < nextExpiry && result) return result;
    source = compiled;
    version = table.version;
    nextExpiry = Infinity;
    const strict = table.list(at).filter((e) => e.kind === 'strict-route');
    if (strict.length === 0) {
      result = compiled;
      return result;
    }
    const policies = new Map(compiled.policies);
    for (const e of strict) {
      nextExpiry = Math.min(nextExpiry, e.until);
      policies.set(e.subject, strictPolicy(compiled.policies.get(e.subject) ?? compiled.fallback));
    }
    result = Object.freeze({ ...compiled, policies });
    return result;
  };
}
