/**
 * A focused JSON Schema validator for structured-output answers: the subset OpenAI structured
 * outputs accept (type, properties, required, additionalProperties, items, enum, const, anyOf,
 * $defs/$ref, string/number/array bounds), plus the few common keywords next to it (allOf, oneOf,
 * not, prefixItems, uniqueItems, multipleOf, min/maxProperties). A schema is compiled once into a
 * tree of closures (at config load for route schemas, once per request for a request's
 * `response_format`), so validating an answer walks the answer, not the schema text.
 *
 * Fail closed: keywords that assert something this validator does not implement (if/then/else,
 * patternProperties, contains, …) are a compile error, never silently ignored; `format` is an
 * annotation (as in JSON Schema 2020-12 by default) and not asserted; remote `$ref`s are refused.
 * Validation has a step budget, so a schema built to branch exponentially cannot stall a request.
 */
import RE2 from 're2';

export class SchemaCompileError extends Error {
  constructor(
    message: string,
    /** JSON pointer of the offending schema node. */
    readonly pointer: string,
  ) {
    super(`${pointer || '#'}: ${message}`);
    this.name = 'SchemaCompileError';
  }
}

/** The first reason an answer does not match, with the JSON path of the value. */
export interface SchemaViolation {
  readonly path: string;
  readonly message: string;
}

export interface CompiledSchema {
  /** undefined when `value` (already parsed JSON) matches. */
  validate(value: unknown): SchemaViolation | undefined;
}

/** Upper bound of node visits per validation; past it the answer is refused. */
export const MAX_VALIDATION_STEPS = 200_000;
/** Upper bound of schema nodes compiled from one schema. */
const MAX_SCHEMA_NODES = 10_000;

const UNSUPPORTED = [
  'if', 'then', 'else', 'patternProperties', 'dependentRequired', 'dependentSchemas', 'dependencies', 'contains', 'minContains', 'maxContains',
  'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', '$dynamicRef', '$recursiveRef', 'contentSchema',
];
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

interface Run {
  steps: number;
}
type Check = (value: unknown, path: string, run: Run) => SchemaViolation | undefined;

class Budget extends Error {}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    default:
      return typeof v === t;
  }
}

/** JSON equality (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  return keys.every((k) => Object.hasOwn(bo, k) && jsonEqual(ao[k], bo[k]));
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(path: string, message: string): SchemaViolation {
  return { path, message };
}

const prop = (path: string, key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

/** Compiles `schema` (a JSON Schema object or boolean). Throws SchemaCompileError. */
export function compileSchema(schema: unknown): CompiledSchema {
  const root = schema;
  const byPointer = new Map<string, { check: Check | undefined }>();
  let nodes = 0;

  function resolve(ref: string, at: string): Check {
    if (!ref.startsWith('#')) throw new SchemaCompileError(`only local $ref ("#/…") is supported, not "${ref}"`, at);
    const pointer = ref.slice(1);
    const existing = byPointer.get(pointer);
    if (existing !== undefined) {
      // A reference to a node still being compiled (recursion): look it up at validation time.
      return (v, p, run) => (existing.check as Check)(v, p, run);
    }
    let node: unknown = root;
    if (pointer !== '') {
      if (!pointer.startsWith('/')) throw new SchemaCompileError(`$ref "${ref}" is not a JSON pointer`, at);
      for (const raw of pointer.slice(1).split('/')) {
        const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
        if (!isRecord(node) && !Array.isArray(node)) throw new SchemaCompileError(`$ref "${ref}" does not resolve`, at);
        node = (node as Record<string, unknown>)[key];
        if (node === undefined) throw new SchemaCompileError(`$ref "${ref}" does not resolve`, at);
      }
    }
    return compileNode(node, pointer);
  }

  function compileNode(s: unknown, at: string): Check {
    if (++nodes > MAX_SCHEMA_NODES) throw new SchemaCompileError(`schema has more than ${MAX_SCHEMA_NODES} nodes`, at);
    if (s === true) return () => undefined;
    if (s === false) return (_v, p) => fail(p, 'no value is allowed here');
    if (!isRecord(s)) throw new SchemaCompileError('a schema must be an object or a boolean', at);
    const slot: { check: Check | undefined } = { check: undefined };
    byPointer.set(at, slot);
    for (const k of UNSUPPORTED) if (k in s) throw new SchemaCompileError(`keyword "${k}" is not supported by the gateway's validator`, at);

    const checks: Check[] = [];
    const num = (k: string): number | undefined => {
      const v = s[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new SchemaCompileError(`"${k}" must be a number`, at);
      return v;
    };
    const count = (k: string): number | undefined => {
      const v = num(k);
      if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new SchemaCompileError(`"${k}" must be a non-negative integer`, at);
      return v;
    };
    const sub = (k: string, v: unknown): Check => compileNode(v, `${at}/${k}`);
    const list = (k: string): Check[] | undefined => {
      const v = s[k];
      if (v === undefined) return undefined;
      if (!Array.isArray(v) || v.length === 0) throw new SchemaCompileError(`"${k}" must be a non-empty array of schemas`, at);
      return v.map((x, i) => sub(`${k}/${i}`, x));
    };

    if (s.$ref !== undefined) {
      if (typeof s.$ref !== 'string') throw new SchemaCompileError('"$ref" must be a string', at);
      const target = resolve(s.$ref, at);
      checks.push(target);
    }

    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? s.type : [s.type];
      if (types.length === 0 || !types.every((t) => typeof t === 'string' && TYPES.has(t))) throw new SchemaCompileError(`"type" must be one of ${[...TYPES].join(', ')} or a list of them`, at);
      const names = types as string[];
      checks.push((v, p) => (names.some((t) => matchesType(v, t)) ? undefined : fail(p, `expected ${names.join(' or ')}, got ${typeOf(v)}`)));
    }
    if (s.enum !== undefined) {
      if (!Array.isArray(s.enum)) throw new SchemaCompileError('"enum" must be an array', at);
      const values = s.enum as unknown[];
      checks.push((v, p) => (values.some((e) => jsonEqual(e, v)) ? undefined : fail(p, 'not one of the allowed values')));
    }
    if ('const' in s) {
      const c = s.const;
      checks.push((v, p) => (jsonEqual(c, v) ? undefined : fail(p, 'not the required constant')));
    }

    // Strings.
    const minLength = count('minLength');
    const maxLength = count('maxLength');
    let pattern: RE2 | undefined;
    if (s.pattern !== undefined) {
      if (typeof s.pattern !== 'string') throw new SchemaCompileError('"pattern" must be a string', at);
      try {
        // RE2: linear time whatever the pattern and the answer (no look-around, no back-references).
        pattern = new RE2(s.pattern, 'u');
      } catch (err) {
        throw new SchemaCompileError(`"pattern" is not a supported (RE2) expression: ${(err as Error).message}`, at);
      }
    }
    if (minLength !== undefined || maxLength !== undefined || pattern !== undefined) {
      checks.push((v, p) => {
        if (typeof v !== 'string') return undefined;
        if (minLength !== undefined || maxLength !== undefined) {
          const n = codePoints(v);
          if (minLength !== undefined && n < minLength) return fail(p, `shorter than ${minLength} characters`);
          if (maxLength !== undefined && n > maxLength) return fail(p, `longer than ${maxLength} characters`);
        }
        if (pattern !== undefined && !pattern.test(v)) return fail(p, 'does not match the pattern');
        return undefined;
      });
    }

    // Numbers (draft-4 boolean exclusiveMinimum/Maximum too).
    const minimum = num('minimum');
    const maximum = num('maximum');
    const exMin = typeof s.exclusiveMinimum === 'boolean' ? (s.exclusiveMinimum ? minimum : undefined) : num('exclusiveMinimum');
    const exMax = typeof s.exclusiveMaximum === 'boolean' ? (s.exclusiveMaximum ? maximum : undefined) : num('exclusiveMaximum');
    const multipleOf = num('multipleOf');
    if (multipleOf !== undefined && !(multipleOf > 0)) throw new SchemaCompileError('"multipleOf" must be greater than 0', at);
    if ([minimum, maximum, exMin, exMax, multipleOf].some((x) => x !== undefined)) {
      const incMin = typeof s.exclusiveMinimum === 'boolean' && s.exclusiveMinimum ? undefined : minimum;
      const incMax = typeof s.exclusiveMaximum === 'boolean' && s.exclusiveMaximum ? undefined : maximum;
      checks.push((v, p) => {
        if (typeof v !== 'number') return undefined;
        if (incMin !== undefined && v < incMin) return fail(p, `less than ${incMin}`);
        if (incMax !== undefined && v > incMax) return fail(p, `greater than ${incMax}`);
        if (exMin !== undefined && v <= exMin) return fail(p, `not greater than ${exMin}`);
        if (exMax !== undefined && v >= exMax) return fail(p, `not less than ${exMax}`);
        if (multipleOf !== undefined) {
          const q = v / multipleOf;
          if (Math.abs(q - Math.round(q)) > 1e-9 * Math.max(1, Math.abs(q))) return fail(p, `not a multiple of ${multipleOf}`);
        }
        return undefined;
      });
    }

    // Objects.
    let properties: Map<string, Check> | undefined;
    if (s.properties !== undefined) {
      if (!isRecord(s.properties)) throw new SchemaCompileError('"properties" must be an object', at);
      properties = new Map(Object.entries(s.properties).map(([k, v]) => [k, sub(`properties/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`, v)]));
    }
    let required: string[] | undefined;
    if (s.required !== undefined) {
      if (!Array.isArray(s.required) || !s.required.every((r) => typeof r === 'string')) throw new SchemaCompileError('"required" must be an array of strings', at);
      required = s.required;
    }
    let additional: Check | undefined;
    if (s.additionalProperties !== undefined) additional = sub('additionalProperties', s.additionalProperties);
    const minProps = count('minProperties');
    const maxProps = count('maxProperties');
    if (properties || required || additional || minProps !== undefined || maxProps !== undefined) {
      checks.push((v, p, run) => {
        if (!isRecord(v)) return undefined;
        if (required) for (const r of required) if (!Object.hasOwn(v, r)) return fail(p, `missing required property "${r}"`);
        const keys = Object.keys(v);
        if (minProps !== undefined && keys.length < minProps) return fail(p, `fewer than ${minProps} properties`);
        if (maxProps !== undefined && keys.length > maxProps) return fail(p, `more than ${maxProps} properties`);
        for (const k of keys) {
          const check = properties?.get(k);
          const at2 = prop(p, k);
          if (check !== undefined) {
            const r = check(v[k], at2, run);
            if (r) return r;
          } else if (additional !== undefined) {
            const r = additional(v[k], at2, run);
            if (r) return r.message === 'no value is allowed here' ? fail(at2, 'property not allowed') : r;
          }
        }
        return undefined;
      });
    }

    // Arrays: `items` as an array is the draft-4 tuple form, the same as `prefixItems`.
    let prefix: Check[] | undefined;
    let items: Check | undefined;
    if (Array.isArray(s.items)) prefix = s.items.map((x, i) => sub(`items/${i}`, x));
    else if (s.items !== undefined) items = sub('items', s.items);
    if (s.prefixItems !== undefined) {
      if (!Array.isArray(s.prefixItems)) throw new SchemaCompileError('"prefixItems" must be an array', at);
      prefix = s.prefixItems.map((x, i) => sub(`prefixItems/${i}`, x));
    }
    const minItems = count('minItems');
    const maxItems = count('maxItems');
    const unique = s.uniqueItems === true;
    if (prefix || items || minItems !== undefined || maxItems !== undefined || unique) {
      checks.push((v, p, run) => {
        if (!Array.isArray(v)) return undefined;
        if (minItems !== undefined && v.length < minItems) return fail(p, `fewer than ${minItems} items`);
        if (maxItems !== undefined && v.length > maxItems) return fail(p, `more than ${maxItems} items`);
        for (let i = 0; i < v.length; i++) {
          const check = prefix !== undefined && i < prefix.length ? prefix[i] : items;
          if (check === undefined) continue;
          const r = check(v[i], `${p}[${i}]`, run);
          if (r) return r;
        }
        if (unique) {
          for (let i = 0; i < v.length; i++) {
            for (let j = i + 1; j < v.length; j++) {
              if (++run.steps > MAX_VALIDATION_STEPS) throw new Budget();
              if (jsonEqual(v[i], v[j])) return fail(p, `items ${i} and ${j} are equal`);
            }
          }
        }
        return undefined;
      });
    }

    // Combinators.
    const anyOf = list('anyOf');
    if (anyOf) checks.push((v, p, run) => (anyOf.some((c) => c(v, p, run) === undefined) ? undefined : fail(p, 'matches none of the allowed alternatives (anyOf)')));
    const oneOf = list('oneOf');
    if (oneOf) {
      checks.push((v, p, run) => {
        const n = oneOf.filter((c) => c(v, p, run) === undefined).length;
        return n === 1 ? undefined : fail(p, `matches ${n} of the alternatives, not exactly one (oneOf)`);
      });
    }
    const allOf = list('allOf');
    if (allOf) {
      checks.push((v, p, run) => {
        for (const c of allOf) {
          const r = c(v, p, run);
          if (r) return r;
        }
        return undefined;
      });
    }
    if (s.not !== undefined) {
      const not = sub('not', s.not);
      checks.push((v, p, run) => (not(v, p, run) === undefined ? fail(p, 'matches a forbidden schema (not)') : undefined));
    }
    // $defs / definitions are compiled when a $ref reaches them, and checked for errors here.
    for (const k of ['$defs', 'definitions']) {
      const defs = s[k];
      if (defs === undefined) continue;
      if (!isRecord(defs)) throw new SchemaCompileError(`"${k}" must be an object`, at);
      for (const name of Object.keys(defs)) {
        const pointer = `${at}/${k}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
        if (!byPointer.has(pointer)) compileNode(defs[name], pointer);
      }
    }

    const check: Check = (v, p, run) => {
      if (++run.steps > MAX_VALIDATION_STEPS) throw new Budget();
      for (const c of checks) {
        const r = c(v, p, run);
        if (r) return r;
      }
      return undefined;
    };
    slot.check = check;
    return check;
  }

  const top = compileNode(schema, '');
  return Object.freeze({
    validate(value: unknown): SchemaViolation | undefined {
      try {
        return top(value, '$', { steps: 0 });
      } catch (err) {
        // Too much work or too deep a value: refused, never passed.
        if (err instanceof Budget) return fail('$', 'validation exceeded its step budget');
        if (err instanceof RangeError) return fail('$', 'the value is nested too deeply');
        throw err;
      }
    },
  });
}

/** Parses an answer and validates it; the violation when it is not JSON or does not match. */
export function checkAnswer(schema: CompiledSchema | undefined, text: string): SchemaViolation | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('$', 'the answer is not valid JSON');
  }
  if (schema === undefined) return isRecord(value) ? undefined : fail('$', 'the answer is not a JSON object');
  return schema.validate(value);
}
