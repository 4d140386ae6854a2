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
  return encode(value, false);
}

/**
 * The canonical JSON of parsed JSON data, exactly `canonicalJson(JSON.parse(JSON.stringify(value)))`
 * for the values the gateway holds (requests and answers decoded from JSON): `-0` is written as
 * `0`, `undefined` array items as `null` and non-finite numbers as `null`, as `JSON.stringify`
 * would, but without the round trip through a string and a second object graph. Payload digests
 * are computed over this, so their meaning did not change when the round trip was dropped.
 * Throws a TypeError on anything that is not plain data.
 */
export function canonicalJsonOfData(value: unknown): string {
  return encode(value, true);
}

/** One encoder for both: `asData` applies JSON.stringify's coercions instead of refusing. */
function encode(value: unknown, asData: boolean): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) {
        if (asData) return 'null';
        throw new TypeError('canonical JSON has no form for a non-finite number');
      }
      // String(-0) is "0", as JSON.stringify writes it.
      if (!asData && Object.is(value, -0)) throw new TypeError('canonical JSON refuses -0');
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (i > 0) out += ',';
          if (item === undefined || typeof item === 'function') {
            if (!asData) throw new TypeError('canonical JSON refuses undefined array items');
            out += 'null';
          } else out += encode(item, asData);
        }
        return out + ']';
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError('canonical JSON takes plain objects only');
      const record = value as Record<string, unknown>;
      const keys = sortedKeys(record);
      let out = '{';
      let first = true;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as string;
        const member = record[key];
        if (member === undefined || (asData && typeof member === 'function')) continue;
        out += (first ? '"' : ',"') + (verbatim(key) ? key : JSON.stringify(key).slice(1, -1)) + '":' + encode(member, asData);
        first = false;
      }
      return out + '}';
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}

/**
 * The own enumerable keys in UTF-16 code-unit order, exactly the order RFC 8785 §3.2.3 asks for
 * (and `Array.prototype.sort`'s default). Objects in requests, answers and records have a handful
 * of keys, often already in order: an insertion sort with `<` (which compares code units) costs
 * far less there than the generic sort; larger objects use the generic one.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  const n = keys.length;
  if (n > 16) return keys.sort();
  for (let i = 1; i < n; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    if (!(key < (keys[j] as string))) continue;
    do {
      keys[j + 1] = keys[j] as string;
      j--;
    } while (j >= 0 && key < (keys[j] as string));
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * Characters `JSON.stringify` writes as themselves inside a string: no quote, backslash or
 * control character, and no surrogate (a lone one is escaped; pairs are rare enough to leave to
 * the slow path).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON must escape
const VERBATIM = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** Up to this length a loop over the code units is cheaper than the regular expression. */
const SHORT = 48;

/** Whether `JSON.stringify` writes `s` unchanged between its quotes ({@link VERBATIM}). */
export function verbatim(s: string): boolean {
  if (s.length > SHORT) return VERBATIM.test(s);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/**
 * `JSON.stringify(s)` for a string, byte for byte. Most strings in a record (stage names, codes,
 * ids, paths) need no escaping, and quoting them directly costs about half of what
 * `JSON.stringify` does for a short string; the record encoder calls this ~30 times per request.
 */
export function jsonString(s: string): string {
  return verbatim(s) ? '"' + s + '"' : JSON.stringify(s);
}
