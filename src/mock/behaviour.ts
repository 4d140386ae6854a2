/**
 * Behaviour controls: how tests make the mock upstream slow, broken or odd. The same controls
 * arrive three ways — `mock:` directives in the last user message, a `mock-…` model name, and the
 * `/_mock/config` endpoint — and all three are parsed into one {@link BehaviourOverrides} shape.
 */

/** Everything that decides how one request is answered. */
export interface Behaviour {
  /** HTTP error status to answer with; 0 answers normally. */
  readonly status: number;
  /** Seconds for a `Retry-After` header on an error answer; -1 sends none. */
  readonly retryAfter: number;
  /** Accept the request and never answer. */
  readonly stall: boolean;
  /** Send this many content chunks, then go silent; -1 is off. */
  readonly stallAfter: number;
  /** Send this many content chunks, then destroy the socket; -1 is off. */
  readonly breakAfter: number;
  readonly chunks: number;
  readonly chunkDelayMs: number;
  readonly latencyMs: number;
  /** Answer 200 with a body that is not JSON. */
  readonly garbage: boolean;
  /** Append the names (never values) of the auth headers that arrived to the answer text. */
  readonly echoHeaders: boolean;
}

/** A partial {@link Behaviour}; later sources override earlier ones key by key. */
export type BehaviourOverrides = { -readonly [K in keyof Behaviour]?: Behaviour[K] };

/** Upper bounds keep a typo (`mock:chunks=9999999`) from turning a test into a denial of service. */
export const LIMITS = {
  chunks: 10_000,
  delayMs: 600_000,
  retryAfter: 86_400,
} as const;

type Setter = (out: BehaviourOverrides, value: number | undefined) => boolean;

function intIn(value: number | undefined, min: number, max: number): value is number {
  return value !== undefined && Number.isInteger(value) && value >= min && value <= max;
}

type NumericKey = 'status' | 'retryAfter' | 'stallAfter' | 'breakAfter' | 'chunks' | 'chunkDelayMs' | 'latencyMs';
type FlagKey = 'stall' | 'garbage' | 'echoHeaders';

function numeric(key: NumericKey, min: number, max: number): Setter {
  return function setNumeric(out, value) {
    if (!intIn(value, min, max)) return false;
    out[key] = value;
    return true;
  };
}

function flag(key: FlagKey): Setter {
  return function setFlag(out) {
    out[key] = true;
    return true;
  };
}

// One table drives directive, model-name and config parsing so the three stay in step.
const SETTERS: ReadonlyMap<string, Setter> = new Map<string, Setter>([
  ['status', numeric('status', 400, 599)],
  ['retry-after', numeric('retryAfter', 0, LIMITS.retryAfter)],
  ['stall-after', numeric('stallAfter', 0, LIMITS.chunks)],
  ['break-after', numeric('breakAfter', 0, LIMITS.chunks)],
  ['chunks', numeric('chunks', 1, LIMITS.chunks)],
  ['chunk-delay-ms', numeric('chunkDelayMs', 0, LIMITS.delayMs)],
  ['latency-ms', numeric('latencyMs', 0, LIMITS.delayMs)],
  ['stall', flag('stall')],
  ['garbage', flag('garbage')],
  ['echo-headers', flag('echoHeaders')],
]);

/** The directive names the mock understands, for documentation and tests. */
export const CONTROL_NAMES: readonly string[] = [...SETTERS.keys()];

const DIRECTIVE = /mock:([a-z-]+)(?:=(\d{1,9}))?/g;

/**
 * Reads `mock:name[=value]` directives from free text. Unknown names and out-of-range values are
 * ignored: the text is a user prompt, and the word "mock:" may appear in it for other reasons.
 */
export function parseDirectives(text: string): BehaviourOverrides | undefined {
  // The cheap scan first: almost no prompt contains a directive.
  if (!text.includes('mock:')) return undefined;
  let out: BehaviourOverrides | undefined;
  for (const match of text.matchAll(DIRECTIVE)) {
    const setter = SETTERS.get(match[1] ?? '');
    if (setter === undefined) continue;
    const candidate: BehaviourOverrides = out ?? {};
    if (setter(candidate, match[2] === undefined ? undefined : Number(match[2]))) out = candidate;
  }
  return out;
}

// Names with a value come first so `stall-after-2` is not read as `stall`.
const MODEL_CONTROL =
  /(?<=^|-)(?:(status|retry-after|stall-after|break-after|chunks|chunk-delay-ms|latency-ms)-(\d{1,9})|(stall|garbage|echo-headers))(?=-|$)/g;

const MODEL_CACHE_LIMIT = 256;
const modelCache = new Map<string, BehaviourOverrides | null>();

/**
 * Reads controls from a model name such as `mock-status-503`, `mock-break-after-2` or
 * `mock-status-429-retry-after-1`, so a gateway route can point a target at a failing "model".
 * Only names starting with `mock-` are considered. Results are cached: the benchmark sends the
 * same few names thousands of times per second.
 */
export function parseModelControls(model: string): BehaviourOverrides | undefined {
  if (!model.startsWith('mock-')) return undefined;
  const cached = modelCache.get(model);
  if (cached !== undefined) return cached ?? undefined;
  let out: BehaviourOverrides | undefined;
  for (const match of model.slice(5).matchAll(MODEL_CONTROL)) {
    const name = match[1] ?? match[3] ?? '';
    const setter = SETTERS.get(name);
    if (setter === undefined) continue;
    const candidate: BehaviourOverrides = out ?? {};
    if (setter(candidate, match[2] === undefined ? undefined : Number(match[2]))) out = candidate;
  }
  // A bounded cache: a client inventing model names must not grow memory without limit.
  if (modelCache.size >= MODEL_CACHE_LIMIT) modelCache.clear();
  modelCache.set(model, out ?? null);
  return out;
}

/**
 * Layers overrides over a base behaviour, later ones winning. Returns `base` itself when nothing
 * overrides it, which is the common case and costs no allocation. A `Retry-After` without a status
 * implies 429, the only status for which it is the usual companion.
 */
export function resolveBehaviour(
  base: Behaviour,
  ...layers: ReadonlyArray<BehaviourOverrides | undefined>
): Behaviour {
  let merged: BehaviourOverrides | undefined;
  for (const layer of layers) {
    if (layer !== undefined) merged = merged === undefined ? { ...base, ...layer } : Object.assign(merged, layer);
  }
  if (merged === undefined) return base;
  const full = merged as Behaviour;
  if (full.retryAfter >= 0 && full.status === 0) return { ...full, status: 429 };
  return full;
}

/** The configuration keys `/_mock/config` accepts besides `failNext`. */
export interface GlobalConfig {
  chunks: number;
  chunkDelayMs: number;
  latencyMs: number;
}

/** A validated `/_mock/config` body. */
export interface ConfigPatch {
  readonly global: Partial<GlobalConfig>;
  readonly failNext: BehaviourOverrides[] | undefined;
}

/** Keys of a `failNext` entry mapped to the directive names whose setters validate them. */
const FAIL_KEYS: ReadonlyMap<string, string> = new Map([
  ['status', 'status'],
  ['retryAfter', 'retry-after'],
  ['stallAfter', 'stall-after'],
  ['breakAfter', 'break-after'],
  ['chunks', 'chunks'],
  ['chunkDelayMs', 'chunk-delay-ms'],
  ['latencyMs', 'latency-ms'],
  ['stall', 'stall'],
  ['garbage', 'garbage'],
  ['echoHeaders', 'echo-headers'],
]);

const FLAG_KEYS = new Set(['stall', 'garbage', 'echoHeaders']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFailEntry(entry: unknown, index: number): BehaviourOverrides | string {
  if (!isRecord(entry)) return `failNext[${index}] must be an object`;
  const out: BehaviourOverrides = {};
  for (const [key, value] of Object.entries(entry)) {
    const name = FAIL_KEYS.get(key);
    const setter = name === undefined ? undefined : SETTERS.get(name);
    if (setter === undefined) return `failNext[${index}].${key} is not a known control`;
    if (FLAG_KEYS.has(key)) {
      if (typeof value !== 'boolean') return `failNext[${index}].${key} must be a boolean`;
      if (value) setter(out, undefined);
    } else if (typeof value !== 'number' || !setter(out, value)) {
      return `failNext[${index}].${key} is out of range`;
    }
  }
  return out;
}

/**
 * Validates a `/_mock/config` body. Unknown keys are rejected rather than ignored so a typo in a
 * test fails loudly instead of silently testing the happy path.
 */
export function parseConfigPatch(body: unknown): ConfigPatch | string {
  if (!isRecord(body)) return 'config must be a JSON object';
  const global: Partial<GlobalConfig> = {};
  let failNext: BehaviourOverrides[] | undefined;
  const scratch: BehaviourOverrides = {};
  for (const [key, value] of Object.entries(body)) {
    switch (key) {
      case 'failNext': {
        if (!Array.isArray(value)) return 'failNext must be an array';
        failNext = [];
        for (const [index, entry] of value.entries()) {
          const parsed = parseFailEntry(entry, index);
          if (typeof parsed === 'string') return parsed;
          failNext.push(parsed);
        }
        break;
      }
      case 'chunks':
        if (typeof value !== 'number' || !SETTERS.get('chunks')?.(scratch, value)) return 'chunks is out of range';
        global.chunks = value;
        break;
      case 'chunkDelayMs':
        if (typeof value !== 'number' || !SETTERS.get('chunk-delay-ms')?.(scratch, value)) {
          return 'chunkDelayMs is out of range';
        }
        global.chunkDelayMs = value;
        break;
      case 'latencyMs':
        if (typeof value !== 'number' || !SETTERS.get('latency-ms')?.(scratch, value)) return 'latencyMs is out of range';
        global.latencyMs = value;
        break;
      default:
        return `${key} is not a known config key`;
    }
  }
  return { global, failNext };
}
