/**
 * A request's logger that costs nothing until something is logged. Most requests log nothing at
 * the usual levels, yet code on the request path hands `ctx.log` on (to a policy decision, an
 * upstream call) in case it needs it; making a pino child with the request id for every request
 * was about 1% of the gateway's CPU. The returned logger makes that child on the first use of
 * anything but the level checks, and from then on forwards to it.
 */
import type { Logger } from '../log.js';

/** Read from the parent without making the child: a child has its parent's level. */
const LEVEL_READS: ReadonlySet<PropertyKey> = new Set(['isLevelEnabled', 'level', 'levelVal']);

export function lazyChild(parent: Logger, bindings: Readonly<Record<string, unknown>>): Logger {
  let child: Logger | undefined;
  return new Proxy(parent, {
    get(target, property) {
      const from = child ?? (LEVEL_READS.has(property) ? target : (child = target.child(bindings)));
      const value: unknown = Reflect.get(from, property, from);
      // pino's methods read their state from `this`: bind them to the real logger, not the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(from) : value;
    },
    set(target, property, value) {
      child ??= target.child(bindings);
      return Reflect.set(child, property, value, child);
    },
  });
}
