/**
 * The canonical JSON encoding every audit hash and signature is computed over, after RFC 8785
 * (JSON Canonicalization Scheme): object members sorted by the UTF-16 code units of their names,
 * no insignificant whitespace, strings escaped the way `JSON.stringify` escapes them, numbers in
 * ECMAScript `Number.prototype.toString` form (which is what RFC 8785 §3.2.2.3 prescribes).
 *
 * Deliberate narrowings, so two writers can never disagree on the bytes:
 * - non-finite numbers and `-0` are refused rather than silently turned into `null` / `0`;
 * - `undefined` members are left out (as `JSON.stringify` does), `undefined` array items refused;
 * - only plain data: objects, arrays, strings, finite numbers, booleans, null.
 */

/** Encodes `value` canonically. Throws a TypeError on anything that has no canonical form. */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for a non-finite number');
      if (Object.is(value, -0)) throw new TypeError('canonical JSON refuses -0');
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) throw new TypeError('canonical JSON refuses undefined array items');
          out += (i > 0 ? ',' : '') + canonicalJson(item);
        }
        return out + ']';
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError('canonical JSON takes plain objects only');
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 asks for.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(member);
        first = false;
      }
      return out + '}';
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}
