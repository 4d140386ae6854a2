/**
 * Hand-rolled readers for wire JSON. The codecs validate and translate in one pass, straight into
 * the canonical form: a schema library would first build a stripped copy of the body and the
 * codec would then copy it again into canonical types. Paths for `detail` are only concatenated
 * when something fails, so the happy path allocates nothing but the canonical result.
 *
 * `null` counts as "absent" for optional fields because common clients send `"temperature": null`
 * for unset parameters and both APIs accept that.
 */
import { GatewayError } from '../errors.js';

/** A parsed JSON object (not an array, not null). */
export type Json = Readonly<Record<string, unknown>>;

/** The codes a reader may fail with: the client's fault inbound, the upstream's outbound. */
export type ReadErrorCode = 'PC_ERR_BAD_REQUEST' | 'PC_ERR_UPSTREAM_BAD_RESPONSE';

/** Removes `readonly` so a codec can assemble a canonical value field by field. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Field readers bound to one error code. `path` is the parent's path; `key` names the field. */
export interface Reader {
  fail(path: string, what: string): never;
  object(v: unknown, path: string): Json;
  array(v: unknown, path: string): readonly unknown[];
  /** A required string field. */
  string(o: Json, key: string, path: string): string;
  optString(o: Json, key: string, path: string): string | undefined;
  optBool(o: Json, key: string, path: string): boolean | undefined;
  /** An optional finite number within [min, max]. */
  optNumber(o: Json, key: string, path: string, min: number, max: number): number | undefined;
  /** An optional safe integer within [min, max]. */
  optInt(o: Json, key: string, path: string, min: number, max: number): number | undefined;
  /** An optional object field. */
  optObject(o: Json, key: string, path: string): Json | undefined;
  optArray(o: Json, key: string, path: string): readonly unknown[] | undefined;
}

/** Creates the readers for one error code (do it once, at module level). */
export function createReader(code: ReadErrorCode): Reader {
  const fail = (path: string, what: string): never => {
    throw new GatewayError(code, { detail: `${path}: ${what}` });
  };
  const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
  return {
    fail,
    object(v, path) {
      if (!isObject(v)) fail(path, 'expected an object');
      return v as Json;
    },
    array(v, path) {
      if (!Array.isArray(v)) fail(path, 'expected an array');
      return v as readonly unknown[];
    },
    string(o, key, path) {
      const v = o[key];
      if (typeof v !== 'string') fail(at(path, key), 'expected a string');
      return v as string;
    },
    optString(o, key, path) {
      const v = o[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string') fail(at(path, key), 'expected a string');
      return v as string;
    },
    optBool(o, key, path) {
      const v = o[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'boolean') fail(at(path, key), 'expected a boolean');
      return v as boolean;
    },
    optNumber(o, key, path, min, max) {
      const v = o[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail(at(path, key), 'expected a number');
      if (v < min || v > max) fail(at(path, key), `expected a number from ${min} to ${max}`);
      return v;
    },
    optInt(o, key, path, min, max) {
      const v = o[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return fail(at(path, key), 'expected an integer');
      if (v < min || v > max) fail(at(path, key), `expected an integer from ${min} to ${max}`);
      return v;
    },
    optObject(o, key, path) {
      const v = o[key];
      if (v === undefined || v === null) return undefined;
      if (!isObject(v)) fail(at(path, key), 'expected an object');
      return v as Json;
    },
    optArray(o, key, path) {
      const v = o[key];
      if (v === undefined || v === null) return undefined;
      if (!Array.isArray(v)) fail(at(path, key), 'expected an array');
      return v as readonly unknown[];
    },
  };
}

/** Readers for request bodies sent by clients. */
export const inbound: Reader = createReader('PC_ERR_BAD_REQUEST');
/** Readers for bodies sent by upstream providers. */
export const upstream: Reader = createReader('PC_ERR_UPSTREAM_BAD_RESPONSE');

/** Parses a JSON string from an upstream, failing with PC_ERR_UPSTREAM_BAD_RESPONSE. */
export function parseUpstreamJson(data: string, what: string): unknown {
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new GatewayError('PC_ERR_UPSTREAM_BAD_RESPONSE', { detail: `${what}: not JSON`, cause });
  }
}

/** Splits `data:<media type>;base64,<payload>`; undefined when the URL is not of that form. */
export function splitBase64DataUrl(url: string): { mediaType: string; data: string } | undefined {
  if (!url.startsWith('data:')) return undefined;
  const marker = url.indexOf(';base64,', 5);
  if (marker < 0) return undefined;
  const mediaType = url.slice(5, marker);
  // Parameters such as `;charset=` before `;base64` are not used for images; reject them.
  if (mediaType.includes(';') || mediaType.length === 0) return undefined;
  return { mediaType, data: url.slice(marker + 8) };
}

/** True for URLs an image part may carry: `https:`, `http:` or `data:`. */
export function isImageUrl(url: string): boolean {
  return url.startsWith('https://') || url.startsWith('http://') || url.startsWith('data:');
}

/** Unix seconds from a millisecond clock. */
export function unixSeconds(now: () => number): number {
  return Math.floor(now() / 1000);
}
