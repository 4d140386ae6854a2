/**
 * The client address reaches the engine as text, not as an `ipaddr` value.
 *
 * Cedar converts an `ipaddr` in the context (`{"__extn": {"fn": "ip", "arg": "10.1.2.3"}}`) at a
 * cost of about 15 µs per call, on top of the ~3 µs every context field costs (measured with
 * cedar-wasm 4.13 on the 2-core box), while calling `ip("10.1.2.3")` inside a policy costs about
 * 1.5 µs. So a policy's every use of `context.ip` is rewritten, at load, to
 * `ip(context["ip:text"])`, and the request passes the address string under that name: the same
 * extension function applied to the same string gives the same value.
 *
 * What keeps this exact:
 * - Cedar refuses a whole request whose context holds an invalid address, wherever a policy
 *   would read it; the rewritten form would error only where evaluation reaches it (and a
 *   short-circuit could skip it). So the text is passed alone only for addresses Cedar certainly
 *   accepts (`certainIp`); for any other the real `ip` value is passed as well, and Cedar
 *   refuses the request exactly as before.
 * - `context has ip` becomes `context has "ip:text"`, present exactly when `ip` is.
 * - A policy that uses `context` whole (compared, or `context has` of a computed name) is never
 *   rewritten, and a subset holding one loads every policy unrewritten (slice.ts, engine.ts).
 * - `ip:text` cannot be named by a user's policy: it is not in the schema, which strict validation
 *   enforces, and the colon is not allowed in a Cedar identifier.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { CedarValue } from './engine.js';

/** The context field that carries the address text for rewritten policies. */
export const IP_TEXT = 'ip:text';

const isContext = (node: unknown): boolean => typeof node === 'object' && node !== null && (node as { Var?: unknown }).Var === 'context';

/**
 * Cedar's JSON conditions with every `context.ip` replaced by `ip(context["ip:text"])`, or
 * undefined when the policy uses `context` in a way this does not rewrite (it is then loaded
 * as it is). Returns the input itself when nothing reads `ip`.
 */
export function rewriteIpReads(conditions: unknown): unknown {
  let unsure = false;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const record = node as Record<string, unknown>;
    if (isContext(record)) {
      // `context` itself, not one field of it: whatever it is compared with would see the rename.
      unsure = true;
      return node;
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) {
      if ((key === '.' || key === 'has') && typeof value === 'object' && value !== null && isContext((value as { left?: unknown }).left)) {
        const attr = (value as { attr?: unknown }).attr;
        // `context has ip.x` and other shapes: left alone, and the policy stays unrewritten.
        if (typeof attr !== 'string') unsure = true;
        if (attr !== 'ip') {
          out[key] = value;
          continue;
        }
        const text = { left: { Var: 'context' }, attr: IP_TEXT };
        if (key === 'has') out[key] = text;
        else return { ip: [{ '.': text }] };
        continue;
      }
      out[key] = visit(value);
    }
    return out;
  };
  const rewritten = visit(conditions);
  return unsure ? undefined : rewritten;
}

/**
 * Addresses Cedar's `ip()` accepts for certain: dotted-quad IPv4 (Node's check refuses leading
 * zeros, as Cedar does) and IPv6 written in hexadecimal only. Cedar refuses IPv4-embedded IPv6
 * (`::ffff:1.2.3.4`) and zone ids (`fe80::1%eth0`), so those, and prefixes, take the exact path.
 */
export function certainIp(text: string): boolean {
  return isIPv4(text) || (isIPv6(text) && !text.includes('.') && !text.includes('%'));
}

/** The address text of a context's `ip` when it is an `ip(...)` value, else undefined. */
export function ipText(value: CedarValue | undefined): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const extn = (value as { __extn?: unknown }).__extn;
  if (typeof extn !== 'object' || extn === null) return undefined;
  const { fn, arg } = extn as { fn?: unknown; arg?: unknown };
  return fn === 'ip' && typeof arg === 'string' ? arg : undefined;
}
