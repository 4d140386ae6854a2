/**
 * Turns a finished request into an audit entry. What goes in: who (principal, auth method,
 * credential id, source IP), what (api, operation, route, model), every stage's decision with its
 * codes and reasons, token usage, status and latency. What never goes in: prompt or answer text.
 * Payloads are recorded per route as nothing, SHA-256 digests (default), or sealed with
 * AES-256-GCM under the master key (crypto/seal.ts), bound to the request id.
 */
import type { CanonicalResponse, ChatChunk, ToolCall, Usage } from '../canonical/types.js';
import { seal, type SealingKey } from '../crypto/seal.js';
import type { Decision, Principal } from '../pipeline/types.js';
import type { RequestSummary, Sha256Hex } from '../server/completion.js';
import { canonicalJson, canonicalJsonOfData, jsonString, verbatim } from './canonical.js';
import type { AuditEntry, AuditOutcome } from './chain.js';

export type PayloadMode = 'none' | 'hash' | 'encrypted';

/** Sealing context of an encrypted payload: a sealed payload only opens for its own record. */
export function payloadContext(requestId: string): string {
  return `audit-payload:${requestId}`;
}

/** The answer reduced to what the caller received, the same whether it was streamed or not. */
export interface AnswerView {
  readonly choices?: readonly { index: number; content: string | null; toolCalls?: readonly ToolCall[]; finishReason: string | null }[];
  readonly embeddings?: number;
}

export function outcomeOf(summary: Pick<RequestSummary, 'status' | 'decisions'>): AuditOutcome {
  if (summary.status < 400) return 'allow';
  if (summary.status < 500 && summary.status !== 499) return 'deny';
  return summary.decisions.some((d) => d.outcome === 'deny') ? 'deny' : 'error';
}

/**
 * The record's details as an object: the reference form of the body. `buildEntry` writes the
 * same bytes without building it (`encodeBody`); `record.test.ts` holds the two together.
 */
export function recordBody(summary: RequestSummary, mode: PayloadMode, sealing?: SealingKey): Record<string, unknown> {
  const principal = summary.principal;
  const answer = answerOf(summary.response, summary.chunks);
  const usage = summary.response?.usage ?? usageOf(summary.chunks);
  return {
    v: 1,
    kind: 'request',
    requestId: summary.requestId,
    time: new Date(summary.startedAt).toISOString(),
    method: summary.method,
    path: summary.path,
    api: summary.api,
    operation: summary.operation,
    sourceIp: summary.sourceIp,
    principal: principal
      ? { id: principal.id, kind: principal.kind, tenant: principal.tenant, authMethod: principal.authMethod, credentialId: principal.credentialId }
      : null,
    model: summary.model ?? null,
    streamed: summary.chunks !== undefined,
    decisions: summary.decisions.map((d) => ({
      stage: d.stage,
      phase: d.phase,
      outcome: d.outcome,
      code: d.code ?? null,
      reasons: d.reasons ? [...d.reasons] : [],
      ms: round(d.durationMs),
    })),
    usage: usage ? { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens } : null,
    status: summary.status,
    code: summary.code ?? null,
    latencyMs: round(summary.latencyMs),
    payload: payload(summary, answer, mode, sealing),
  };
}

/** Builds the entry; `sealing` is needed only for the `encrypted` mode. */
export function buildEntry(summary: RequestSummary, mode: PayloadMode, sealing?: SealingKey): AuditEntry {
  return {
    requestId: summary.requestId,
    ts: summary.startedAt,
    principal: summary.principal?.id ?? null,
    route: summary.model ?? null,
    outcome: outcomeOf(summary),
    status: summary.status,
    body: encodeBody(summary, mode, sealing),
  };
}

/**
 * `canonicalJson(recordBody(...))`, written out in sorted key order by hand: it runs once per
 * request on the event loop, and the generic encoder (sorting keys of every object) was the
 * largest part of the audit trail's cost there. Payloads other than `hash` still go through
 * `canonicalJson`.
 */
function encodeBody(summary: RequestSummary, mode: PayloadMode, sealing: SealingKey | undefined): string {
  const p = summary.principal;
  const usage = summary.response?.usage ?? usageOf(summary.chunks);
  // Each piece of the body is a node of the string's tree, which is walked again when a batch
  // is flattened to be posted to the append thread: the fewer, the cheaper. Constant text
  // between two members is written as one piece with the member before or after it.
  // Between two durations everything is text kept from the last record: two pieces a decision.
  const list = summary.decisions;
  const first = list[0];
  let decisions =
    first === undefined ? headSpan(summary.api, summary.code, false) + DECISIONS_END
    : first.code === undefined ? headSpan(summary.api, summary.code, true)
    : headSpan(summary.api, summary.code, false) + '{"code":' + quoted(first.code) + ',"ms":';
  for (let i = 0; i < list.length; i++) {
    const d = list[i] as Decision;
    decisions += millis(d.durationMs) + between(i, d, list[i + 1]);
  }
  const id = summary.requestId;
  const streamed = summary.chunks !== undefined;
  return (
    decisions +
    millis(summary.latencyMs) +
    routeSpan(summary.method, summary.model, summary.operation, summary.path) +
    (mode === 'hash' ? encodeHashPayload(summary) : canonicalJson(payload(summary, answerOf(summary.response, summary.chunks), mode, sealing)) + ',"principal":') +
    (p ? principalJson(p) : 'null') +
    (verbatim(id) ? ',"requestId":"' + id + peerSpan(summary.sourceIp, summary.status, streamed, true) : ',"requestId":' + JSON.stringify(id) + peerSpan(summary.sourceIp, summary.status, streamed, false)) +
    isoTime(summary.startedAt) +
    (usage ? ',"usage":{"inputTokens":' + num(usage.inputTokens) + ',"outputTokens":' + num(usage.outputTokens) + '},"v":1}' : ',"usage":null,"v":1}')
  );
}

/**
 * The `hash` payload (the default mode) in canonical form, and the key of the member after it;
 * `payload` is its reference. The gateway's digests are hex by construction (`Sha256Hex`), so
 * they are written as they are; their length is checked all the same, their digits not (that cost
 * as much as taking the digest).
 */
function encodeHashPayload(summary: RequestSummary): string {
  const answer = summary.answerSha256;
  const request = summary.requestSha256;
  if (answer !== undefined && request !== undefined && answer.length === 64 && request.length === 64) {
    return '{"alg":"sha256","answer":"' + answer + '","mode":"hash","over":"bytes","request":"' + request + '"},"principal":';
  }
  return '{"alg":"sha256","answer":' + digestOrNull(answer) + ',"mode":"hash","over":"bytes","request":' + digestOrNull(request) + '},"principal":';
}

/** A digest the gateway took, quoted; anything not 64 characters long is refused. */
function digestOrNull(digest: Sha256Hex | undefined): string {
  if (digest === undefined) return 'null';
  if (typeof digest !== 'string' || digest.length !== 64) throw new TypeError('a payload digest is not 64 hex digits');
  return '"' + digest + '"';
}

const str = jsonString;

/**
 * The members from `method` to `payload`'s key, as one string: they are the same in most
 * consecutive records (one route, one API), so the text of the last combination is kept and
 * reused when all four match. A body of one piece there instead of eight also makes it cheaper
 * to flatten when the batch is posted to the append thread.
 */
let routeAt: readonly [string, string | undefined, string, string] | undefined;
let routeText = '';
function routeSpan(method: string, model: string | undefined, operation: string, path: string): string {
  const at = routeAt;
  if (at !== undefined && at[0] === method && at[1] === model && at[2] === operation && at[3] === path) return routeText;
  routeText =
    ',"method":' + quoted(method) +
    ',"model":' + (model === undefined ? 'null' : quoted(model)) +
    ',"operation":' + quoted(operation) +
    ',"path":' + quoted(path) + ',"payload":';
  routeAt = [method, model, operation, path];
  return routeText;
}

/**
 * The members from `sourceIp` to `time`'s key, kept like `routeSpan`'s; `closeQuote` puts the
 * closing quote of the request id before them, so that an id needing no escapes is two pieces.
 */
let peerAt: readonly [string, number, boolean] | undefined;
let peerText = '';
let peerQuoted = '';
function peerSpan(sourceIp: string, status: number, streamed: boolean, closeQuote: boolean): string {
  const at = peerAt;
  if (at === undefined || at[0] !== sourceIp || at[1] !== status || at[2] !== streamed) {
    peerText = ',"sourceIp":' + quoted(sourceIp) + ',"status":' + num(status) + ',"streamed":' + (streamed ? 'true' : 'false') + ',"time":';
    peerQuoted = '"' + peerText;
    peerAt = [sourceIp, status, streamed];
  }
  return closeQuote ? peerQuoted : peerText;
}

/**
 * The start of the body to the opening bracket of `decisions`, kept for the last API and code;
 * `withFirst` adds the first decision's members up to its duration when it has no code.
 */
let headAt: readonly [string, string | undefined] | undefined;
let headText = '';
let headFirst = '';
function headSpan(api: string, code: string | undefined, withFirst: boolean): string {
  const at = headAt;
  if (at === undefined || at[0] !== api || at[1] !== code) {
    headText = '{"api":' + quoted(api) + ',"code":' + (code === undefined ? 'null' : quoted(code)) + ',"decisions":[';
    headFirst = headText + FIRST_NO_CODE;
    headAt = [api, code];
  }
  return withFirst ? headFirst : headText;
}

/**
 * The text between a decision's duration and the next one's (or the record's latency): the
 * decision's remaining members, then the next decision's `code` and `ms` keys. Kept per position
 * from the last record and reused while the decision at that position has the same stage, phase,
 * outcome and reasons (by value) and the next one the same code — most requests pass through the
 * same stages with the same outcome. Short lists of short reasons only, and the first 64 positions.
 */
interface Between {
  readonly stage: string;
  readonly phase: string;
  readonly outcome: string;
  readonly reasons: readonly string[];
  /** The next decision's code; `null` when this is the last decision. */
  readonly nextCode: string | undefined | null;
  readonly text: string;
}
const betweens: (Between | undefined)[] = [];
const BETWEEN_POSITIONS = 64;
const DECISIONS_END = '],"kind":"request","latencyMs":';
function between(i: number, d: Decision, next: Decision | undefined): string {
  const nextCode = next === undefined ? null : next.code;
  const reasons = d.reasons ?? NO_REASONS;
  const kept = betweens[i];
  if (kept !== undefined && kept.stage === d.stage && kept.phase === d.phase && kept.outcome === d.outcome && kept.nextCode === nextCode && sameReasons(kept.reasons, reasons)) {
    return kept.text;
  }
  const text = decisionTail(d) + (nextCode === null ? DECISIONS_END : nextCode === undefined ? NEXT_NO_CODE : ',{"code":' + quoted(nextCode) + ',"ms":');
  if (i < BETWEEN_POSITIONS && cacheableTail(d.stage, reasons)) {
    betweens[i] = { stage: d.stage, phase: d.phase, outcome: d.outcome, reasons: reasons.length === 0 ? NO_REASONS : [...reasons], nextCode, text };
  }
  return text;
}

/**
 * The principal's members as canonical JSON. The API-key stage hands every request with the same
 * key one frozen principal (stages/identity/api-key.ts), so a frozen principal's text is written
 * once and kept beside it; a principal that could still change is written each time.
 */
const principalCache = new WeakMap<Principal, string>();
function principalJson(p: Principal): string {
  const frozen = Object.isFrozen(p);
  if (frozen) {
    const cached = principalCache.get(p);
    if (cached !== undefined) return cached;
  }
  const text =
    '{"authMethod":' + quoted(p.authMethod) + ',"credentialId":' + quoted(p.credentialId) + ',"id":' + quoted(p.id) + ',"kind":' + quoted(p.kind) + ',"tenant":' + quoted(p.tenant) + '}';
  if (frozen) principalCache.set(p, text);
  return text;
}

/** `canonicalJson(reasons)` for the usual array of strings, without the generic encoder. */
function reasonsJson(reasons: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < reasons.length; i++) {
    const r: unknown = reasons[i];
    if (typeof r !== 'string') return canonicalJson(reasons);
    out += (i > 0 ? ',' : '') + quoted(r);
  }
  return out + ']';
}

/**
 * `str` for the fields that repeat from record to record (stage names, phases, outcomes, codes,
 * the method, path, API, model and the caller's ids): quoted once and looked up after that. Some
 * of them come from the caller (path, model), so only short strings are kept, and the table is
 * dropped whole when it fills: at most `QUOTED_MAX` strings of `QUOTED_LENGTH` characters.
 */
const quotedCache = new Map<string, string>();
const QUOTED_MAX = 4096;
const QUOTED_LENGTH = 64;
function quoted(s: string): string {
  if (s.length > QUOTED_LENGTH) return jsonString(s);
  let q = quotedCache.get(s);
  if (q === undefined) {
    if (quotedCache.size >= QUOTED_MAX) quotedCache.clear();
    quotedCache.set(s, (q = jsonString(s)));
  }
  return q;
}

/**
 * The members of a decision after `ms` (outcome, phase, reasons, stage), closing brace included.
 * A stage's decision is the same but for its time in nearly every request — its reasons too
 * (the key that matched, the policies that permitted, "guards:off") — so this part is written
 * once per stage and reused while the stage's phase, outcome and reasons match, compared by
 * value: the entry keeps its own copy of the reasons. Stage names come from the gateway's own
 * stages; the table is bounded all the same, and only short lists of short strings are kept.
 */
interface DecisionTail {
  readonly phase: string;
  readonly outcome: string;
  readonly reasons: readonly string[];
  readonly text: string;
}
const tailCache = new Map<string, DecisionTail>();
const NO_REASONS: readonly string[] = [];
const TAIL_REASONS_MAX = 8;
function decisionTail(d: Decision): string {
  const reasons = d.reasons ?? NO_REASONS;
  const cached = tailCache.get(d.stage);
  if (cached !== undefined && cached.phase === d.phase && cached.outcome === d.outcome && sameReasons(cached.reasons, reasons)) return cached.text;
  const text =
    ',"outcome":' + quoted(d.outcome) +
    ',"phase":' + quoted(d.phase) +
    ',"reasons":' + (reasons.length > 0 ? reasonsJson(reasons) : '[]') +
    ',"stage":' + quoted(d.stage) + '}';
  if (cacheableTail(d.stage, reasons)) {
    if (tailCache.size >= QUOTED_MAX) tailCache.clear();
    tailCache.set(d.stage, { phase: d.phase, outcome: d.outcome, reasons: reasons.length === 0 ? NO_REASONS : [...reasons], text });
  }
  return text;
}

/** Whether a decision's text may be kept: a short stage name and a short list of short strings. */
function cacheableTail(stage: string, reasons: readonly string[]): boolean {
  return stage.length <= QUOTED_LENGTH && reasons.length <= TAIL_REASONS_MAX && reasons.every((r: unknown) => typeof r === 'string' && r.length <= QUOTED_LENGTH);
}

/** Equal lists of reasons; `kept` holds strings only, so a reason of another type never matches. */
function sameReasons(kept: readonly string[], reasons: readonly string[]): boolean {
  if (kept.length !== reasons.length) return false;
  for (let i = 0; i < kept.length; i++) if (kept[i] !== reasons[i]) return false;
  return true;
}

/**
 * `toISOString`, quoted, of a record's start. The last millisecond's text is kept (records of a
 * batch often share it), and within the UTC day of the last full conversion only the time of
 * day is written, from tables, without a `Date`. Anything else (another day, a fractional or
 * non-finite time) takes the full conversion, which also throws on what `Date` cannot represent.
 */
let isoAt = Number.NaN;
let isoText = '';
const DAY_MS = 86_400_000;
/** The last millisecond a `Date` can hold (ECMA-262 §21.4.1.31). */
const MAX_TIME = 8.64e15;
let dayStart = Number.NaN;
let dayPrefix = '';
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** The milliseconds, the zone and the closing quote: `123Z"`. */
const MILLIS_Z = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0') + 'Z"');
/** The second of `dayStart`'s day whose text up to the milliseconds is `secondPrefix`; -1 for none. */
let secondOfDay = -1;
let secondPrefix = '';
function isoTime(ms: number): string {
  if (ms === isoAt) return isoText;
  const t = ms - dayStart;
  if (t >= 0 && t < DAY_MS && Number.isInteger(ms) && ms <= MAX_TIME) {
    const seconds = Math.floor(t / 1000);
    if (seconds !== secondOfDay) {
      // Within one second only the milliseconds change: the rest is one kept piece.
      const minutes = Math.floor(seconds / 60);
      secondPrefix = dayPrefix + TWO_DIGITS[Math.floor(minutes / 60)] + ':' + TWO_DIGITS[minutes % 60] + ':' + TWO_DIGITS[seconds % 60] + '.';
      secondOfDay = seconds;
    }
    isoText = secondPrefix + (MILLIS_Z[t % 1000] as string);
  } else {
    const iso = new Date(ms).toISOString();
    isoText = str(iso);
    if (Number.isInteger(ms)) {
      dayStart = ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
      dayPrefix = '"' + iso.slice(0, iso.indexOf('T') + 1);
      secondOfDay = -1;
    }
  }
  isoAt = ms;
  return isoText;
}
/**
 * `num(round(ms))` without converting a double to text, which costs ~70 ns and runs eleven times
 * per record: for 0 <= ms < 10^6 the rounded value is k / 1000 for an integer k below 10^9, and
 * the shortest decimal that reads back as that double (what `Number.prototype.toString` writes)
 * is k's digits with the point three places from the right and trailing zeros dropped, since two
 * decimals of at most 15 significant digits never share a double. Anything else takes `num`.
 */
const FRACTIONS = Array.from({ length: 1000 }, (_, i) => (i === 0 ? '' : '.' + String(i).padStart(3, '0').replace(/0+$/, '')));
/** Below a millisecond, where most stages are, the whole text from a table: one piece, not two. */
const SUB_MS = FRACTIONS.map((f) => '0' + f);
export function millis(ms: number): string {
  const k = Math.round(ms * 1000);
  if (!(k >= 0 && k < 1e9)) return num(round(ms));
  if (k < 1000) return SUB_MS[k] as string;
  const frac = k % 1000;
  return String((k - frac) / 1000) + (FRACTIONS[frac] as string);
}
const FIRST_NO_CODE = '{"code":null,"ms":';
const NEXT_NO_CODE = ',{"code":null,"ms":';

/** Numbers as canonical JSON writes them, refusing what it refuses. */
function num(n: number): string {
  if (!Number.isFinite(n) || Object.is(n, -0)) return canonicalJson(n);
  return String(n);
}

function payload(summary: RequestSummary, answer: AnswerView | undefined, mode: PayloadMode, sealing: SealingKey | undefined): object {
  switch (mode) {
    case 'none':
      return { mode };
    case 'hash':
      // What the digests cover (docs/audit.md, "Payloads"): SHA-256 of the request body's bytes
      // as the client sent them and of the answer's bytes as written to it, taken by the gateway
      // where it reads and writes them (`requestSha256`, `answerSha256`). Records written before
      // `over` existed hashed the canonical JSON of the decoded request and answer instead.
      return {
        mode,
        alg: 'sha256',
        over: 'bytes',
        request: summary.requestSha256 ?? null,
        answer: summary.answerSha256 ?? null,
      };
    case 'encrypted': {
      if (!sealing) throw new Error('the encrypted payload mode needs the master key');
      const plaintext = canonicalJsonOfData({ request: summary.request ?? null, answer: answer ?? null });
      return { mode, alg: 'aes-256-gcm', sealed: seal(sealing, plaintext, payloadContext(summary.requestId)) };
    }
  }
}

/** The caller-visible answer: non-streamed responses and merged stream deltas give the same view. */
export function answerOf(response: CanonicalResponse | undefined, chunks: readonly ChatChunk[] | undefined): AnswerView | undefined {
  if (response?.kind === 'embed') return { embeddings: response.data.length };
  if (response?.kind === 'chat') {
    return {
      choices: response.choices.map((c) => ({
        index: c.index,
        content: c.message.content,
        ...(c.message.toolCalls && c.message.toolCalls.length > 0 ? { toolCalls: c.message.toolCalls } : {}),
        finishReason: c.finishReason,
      })),
    };
  }
  if (!chunks) return undefined;
  const merged = new Map<number, { content: string | null; calls: Map<number, { id: string; name: string; arguments: string }>; finishReason: string | null }>();
  for (const chunk of chunks) {
    for (const choice of chunk.choices) {
      let m = merged.get(choice.index);
      if (!m) merged.set(choice.index, (m = { content: null, calls: new Map(), finishReason: null }));
      if (choice.delta.content !== undefined) m.content = (m.content ?? '') + choice.delta.content;
      for (const tc of choice.delta.toolCalls ?? []) {
        const call = m.calls.get(tc.index) ?? { id: '', name: '', arguments: '' };
        m.calls.set(tc.index, { id: tc.id ?? call.id, name: tc.name ?? call.name, arguments: call.arguments + (tc.arguments ?? '') });
      }
      if (choice.finishReason) m.finishReason = choice.finishReason;
    }
  }
  return {
    choices: [...merged.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, m]) => ({
        index,
        content: m.content,
        ...(m.calls.size > 0 ? { toolCalls: [...m.calls.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c) } : {}),
        finishReason: m.finishReason,
      })),
  };
}

function usageOf(chunks: readonly ChatChunk[] | undefined): Usage | undefined {
  if (!chunks) return undefined;
  for (let i = chunks.length - 1; i >= 0; i--) {
    const usage = chunks[i]?.usage;
    if (usage) return usage;
  }
  return undefined;
}

function round(ms: number): number {
  // Three decimals keep sub-millisecond stages visible; `+ 0` turns a -0 into 0 for canonical JSON.
  return Math.round(ms * 1000) / 1000 + 0;
}
