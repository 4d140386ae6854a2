/**
 * Input guards (phase `input`): before a chat request leaves for the model, user messages are
 * scored for direct prompt injection, tool messages (documents, tool results) for indirect
 * injection, and both for PII and secrets; the route's policy (guards/policy.ts) blocks, masks,
 * hashes, sanitizes or only records. With `canary: true` a per-request canary is added to the
 * system prompt, for the output guards to look for.
 *
 * The stage keeps what the output stage needs (route policy, canary, system prompt index) per
 * request in a {@link RequestGuardsRegistry}; the runner hands both stages the same context object.
 */
import type { ChatRequest, ContentPart, Message } from '../../canonical/types.js';
import { GatewayError, type ErrorCode } from '../../errors.js';
import { scoreInjection, warmConcepts } from '../../guards/injection/index.js';
import { canaryInstruction, indexPrompt, newCanary, type LeakIndex } from '../../guards/leak.js';
import type { CompiledGuards, RoutePolicy } from '../../guards/policy.js';
import { actedFindings, findingReason, redact } from '../../guards/redact.js';
import { dropPassage } from '../../guards/sanitize.js';
import { mergeActed, ruleFindings, ruleReason } from '../../guards/rules/acted.js';
import type { TextRole } from '../../guards/types.js';
import { structuredChecks, UnsupportedRequestSchema, type StructuredCheck } from '../../guards/schema/structured.js';
import { runDetectors } from '../../guards/judge/run.js';
import type { Stage, StageContext, Verdict } from '../../pipeline/types.js';
import { RequestSlot } from '../../pipeline/slot.js';
import type { CanonicalRequest } from '../../canonical/types.js';
import { conversationScope } from '../../vault/scope.js';
import type { TokenSession } from '../../vault/session.js';
import { escapePlaceholders } from '../../vault/placeholder.js';
import { tokenizeText } from '../../vault/tokenize.js';
import type { TokenVault } from '../../vault/vault.js';

/** What the output guards need to know about a request. */
export interface RequestGuards {
  readonly policy: RoutePolicy;
  /** The canary added to this request's system prompt. Never log it. */
  readonly canary?: string;
  /** The caller's system prompt, indexed for leak detection (when `canary: true` and it is long enough). */
  readonly leak?: LeakIndex;
  /** Structured-output checks of the answer (route schema, request `response_format`); absent: none. */
  readonly structured?: readonly StructuredCheck[];
  /** The last user message, for answer classifiers that read the question (only when one is on). */
  readonly prompt?: string;
  /** Placeholders of this request (when the route tokenises), for de-tokenising the answer. */
  readonly tokens?: TokenSession;
}

export interface RequestGuardsRegistry {
  remember(ctx: StageContext, guards: RequestGuards): void;
  recall(ctx: StageContext): RequestGuards | undefined;
}

/**
 * Per-request guard state, dropped with the request: a slot on its context (`RequestSlot`; a
 * WeakMap keyed by each young context cost ~0.7 µs per request). Made once per gateway.
 */
export function createRequestGuardsRegistry(): RequestGuardsRegistry {
  const slot = new RequestSlot<RequestGuards>();
  return {
    remember: (ctx, guards) => slot.set(ctx, guards),
    recall: (ctx) => slot.get(ctx),
  };
}

export interface GuardStageOptions {
  /** The current runtime's compiled guards (they change on reload). */
  readonly guards: () => CompiledGuards;
  /** Key of `hash` tokens (guards/redact.ts `guardHashKey`). */
  readonly hashKey: Buffer;
  readonly registry: RequestGuardsRegistry;
  /** Conversation-scoped tokenisation mappings; without it, a request's placeholders live only in that request. */
  readonly vault?: TokenVault;
}

/** A documented limit: a document with more injected passages than this is blocked, not sanitized. */
const MAX_SANITIZE_ROUNDS = 8;

/** A refusal found deep in the scan; caught in onRequest and turned into a deny verdict. */
class Denial extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reasons: readonly string[],
  ) {
    super(code);
    this.name = 'Denial';
  }
}

function checkOptions(options: GuardStageOptions): void {
  if (typeof options.guards !== 'function') throw new TypeError('guards must be a function returning the compiled guards');
  if (!Buffer.isBuffer(options.hashKey) || options.hashKey.length < 32) throw new TypeError('hashKey must be at least 32 bytes');
}

/** What the output stage checks on the answer beyond the per-text guards; empty for most routes. */
function answerChecks(policy: RoutePolicy, request: ChatRequest): Pick<RequestGuards, 'structured'> {
  const structured = structuredChecks(policy.output.jsonSchema, policy.output.responseFormat, request);
  return structured !== undefined ? { structured } : {};
}

/** The question, for answer classifiers that read it: as the model got it (masked), only when one is on. */
function promptFor(policy: RoutePolicy, request: ChatRequest): Pick<RequestGuards, 'prompt'> {
  if (policy.output.jailbroken === undefined && policy.output.external.length === 0) return {};
  const prompt = lastUserText(request);
  return prompt === undefined ? {} : { prompt };
}

function lastUserText(request: ChatRequest): string | undefined {
  for (let i = request.messages.length - 1; i >= 0; i--) {
    const m = request.messages[i] as Message;
    if (m.role === 'user') return m.content.map((p) => (p.type === 'text' ? p.text : '')).join('\n');
  }
  return undefined;
}

/** Runs the route's external detectors on the newest user message (as the model will get it: masked). */
async function judgeInput(ctx: StageContext, policy: RoutePolicy, request: ChatRequest, verdict: Verdict<CanonicalRequest>): Promise<Verdict<CanonicalRequest>> {
  const index = request.messages.findLastIndex((m) => m.role === 'user');
  const message = request.messages[index];
  if (message === undefined) return verdict;
  const text = message.content.map((p) => (p.type === 'text' ? p.text : '')).join('\n');
  const outcome = await runDetectors(policy.input.external, { text, role: 'user' }, `m${index}`, ctx.signal, ctx.log);
  const reasons = [...(verdict.reasons ?? []), ...outcome.reasons];
  if (!outcome.ok) return { action: 'deny', code: outcome.code, reasons };
  return reasons.length === 0 ? verdict : { ...verdict, reasons };
}

/** The input guard stage. */
export function inputGuardStage(options: GuardStageOptions): Stage {
  checkOptions(options);
  // The concept lexicon compiles on first use (about 220 ms): at start-up, not on the first request
  // in another language (a reload may turn the detectors on, so whatever the configuration says now).
  warmConcepts();
  const { registry, hashKey } = options;

  function inspect(compiled: CompiledGuards, policy: RoutePolicy, request: ChatRequest, reasons: string[], tokens: TokenSession | undefined): ChatRequest | undefined {
    const cfg = compiled.config;
    const injectionRoles: readonly string[] = cfg.injection.enabled ? cfg.injection.roles : [];
    let changed = false;

    const scanText = (text: string, role: TextRole, where: string): string => {
      let current = text;
      if (injectionRoles.includes(role)) {
        if (role !== 'tool') {
          // Prompts, and system / earlier assistant turns when the route scans them, each at its role's threshold.
          const s = scoreInjection(current, role);
          if (s.score >= cfg.injection.thresholds[role]) {
            reasons.push(`injection:${role === 'user' ? '' : `${role}:`}${s.score}:${policy.input.injection}@${where}`);
            if (policy.input.injection === 'block') throw new Denial('PC_ERR_PROMPT_INJECTION', reasons);
          }
        } else {
          for (let round = 0; ; round++) {
            const s = scoreInjection(current, 'tool');
            if (s.score < cfg.injection.thresholds.tool) break;
            const action = policy.input.documents;
            const span = s.span;
            if (action !== 'sanitize' || span === undefined || span.end <= span.start || round >= MAX_SANITIZE_ROUNDS) {
              reasons.push(`injection:tool:${s.score}:${action === 'log-only' ? action : 'block'}@${where}${span ? `:${span.start}-${span.end}` : ''}`);
              if (action === 'log-only') break;
              throw new Denial('PC_ERR_PROMPT_INJECTION', reasons);
            }
            // Offsets are into the document as it was at this round (earlier passages already dropped).
            const result = dropPassage(current, span, cfg.injection.thresholds.tool);
            reasons.push(`injection:tool:${s.score}:sanitize@${where}:${result.dropped.map((d) => `${d.start}-${d.end}`).join(',')}`);
            current = result.text;
          }
        }
      }
      let acted = actedFindings(compiled.scanner, current, role, policy.input.actionFor);
      for (const a of acted) {
        reasons.push(findingReason(a.finding, a.action, where));
        if (a.action === 'block') throw new Denial('PC_ERR_SENSITIVE_DATA', reasons);
      }
      const rules = policy.input.rules;
      if (rules !== undefined) {
        const matched = ruleFindings(rules, current);
        for (const a of matched) {
          reasons.push(ruleReason(a.finding.type, a.action, where, a.finding.start, a.finding.end));
          if (a.action === 'block') throw new Denial('PC_ERR_CONTENT_RULE', reasons);
        }
        acted = mergeActed(acted, matched);
      }
      return tokens ? tokenizeText(current, acted, hashKey, tokens) : redact(current, acted, hashKey);
    };

    // With tokenisation on, every text the model reads is escaped, and earlier answers (which the
    // caller got de-tokenised) are tokenised again, so the model sees the same placeholders. This
    // is for texts of roles the route does not scan (scanned ones go through scanText).
    const otherText = (text: string, role: TextRole, where: string): string => {
      if (!tokens) return text;
      if (role !== 'assistant') return escapePlaceholders(text);
      const acted = actedFindings(compiled.scanner, text, 'assistant', policy.input.actionFor).filter((a) => a.action === 'tokenize');
      for (const a of acted) reasons.push(findingReason(a.finding, a.action, where));
      return tokenizeText(text, acted, hashKey, tokens);
    };

    const messages = request.messages.map((m, mi): Message => {
      const scanned = policy.input.roles.has(m.role);
      if (!scanned && !tokens) return m;
      const role = m.role;
      let touched = false;
      const content = m.content.map((part, pi): ContentPart => {
        if (part.type !== 'text') return part;
        const where = m.content.length > 1 ? `m${mi}.${pi}` : `m${mi}`;
        const text = scanned ? scanText(part.text, role, where) : otherText(part.text, role, where);
        if (text === part.text) return part;
        touched = true;
        return { type: 'text', text };
      });
      const toolCalls =
        tokens && m.toolCalls
          ? m.toolCalls.map((tc, ti) => {
              const args = otherText(tc.arguments, 'assistant', `m${mi}.tool${ti}`);
              if (args === tc.arguments) return tc;
              touched = true;
              return { ...tc, arguments: args };
            })
          : m.toolCalls;
      if (!touched) return m;
      changed = true;
      return { ...m, content, ...(toolCalls ? { toolCalls } : {}) };
    });
    return changed ? { ...request, messages } : undefined;
  }

  function addCanary(policy: RoutePolicy, request: ChatRequest, reasons: string[]): { request: ChatRequest; guards: RequestGuards } {
    const canary = newCanary();
    const line = canaryInstruction(canary);
    const system = request.messages.filter((m) => m.role === 'system');
    const systemText = system.map((m) => m.content.map((p) => (p.type === 'text' ? p.text : '')).join('')).join('\n');
    const first = request.messages.findIndex((m) => m.role === 'system');
    let messages: Message[];
    if (first === -1) {
      messages = [{ role: 'system', content: [{ type: 'text', text: line }] }, ...request.messages];
    } else {
      messages = request.messages.map((m, i) => {
        if (i !== first) return m;
        // One text part, so upstreams that only take a string system prompt still get it whole.
        const onlyText = m.content.every((p) => p.type === 'text');
        const text = m.content.map((p) => (p.type === 'text' ? p.text : '')).join('');
        return { ...m, content: onlyText ? [{ type: 'text', text: `${text}\n\n${line}` }] : [...m.content, { type: 'text', text: `\n\n${line}` }] };
      });
    }
    reasons.push('canary:added');
    const leak = indexPrompt(systemText, policy.output.leakMinChars);
    return { request: { ...request, messages }, guards: { policy, canary, ...(leak ? { leak } : {}) } };
  }

  return {
    name: 'input-guards',
    phase: 'input',
    onRequest(ctx: StageContext, request: CanonicalRequest): Verdict<CanonicalRequest> | Promise<Verdict<CanonicalRequest>> {
      const compiled = options.guards();
      const policy = compiled.policies.get(request.model) ?? compiled.fallback;
      registry.remember(ctx, { policy });
      if (request.kind !== 'chat') return { action: 'pass' };
      if (!policy.enabled) return { action: 'pass', reasons: ['guards:off'] };
      const reasons: string[] = [];
      let tokens: TokenSession | undefined;
      if (policy.input.tokenizes) {
        const scope = conversationScope(ctx, options.vault);
        if (!scope.ok) return { action: 'deny', code: 'PC_ERR_BAD_REQUEST', reasons: [scope.reason] };
        tokens = scope.session;
        registry.remember(ctx, { policy, tokens });
      }
      let replaced: ChatRequest | undefined;
      // Every later registry entry carries the token session, so the answer is de-tokenised.
      let extra: Pick<RequestGuards, 'structured' | 'prompt' | 'tokens'> = tokens ? { tokens } : {};
      try {
        extra = { ...extra, ...answerChecks(policy, request) };
        if (extra.structured !== undefined) registry.remember(ctx, { policy, ...extra });
        replaced = inspect(compiled, policy, request, reasons, tokens);
      } catch (err) {
        // A response_format schema the gateway cannot enforce is refused, not passed unchecked.
        if (err instanceof UnsupportedRequestSchema) return { action: 'deny', code: 'PC_ERR_BAD_REQUEST', reasons: [`response-format:unsupported-schema:${err.detail.slice(0, 200)}`] };
        if (err instanceof Denial) return { action: 'deny', code: err.code, reasons: err.reasons };
        // Text over guards.maxInputBytes is refused as such, not as a guard failure.
        if (err instanceof GatewayError && err.code === 'PC_ERR_BODY_TOO_LARGE') return { action: 'deny', code: err.code, reasons: ['input-too-large'] };
        if (!policy.input.failOpen) throw err;
        ctx.log.warn({ err, stage: 'input-guards' }, 'input guard failed; route is failOpen');
        return { action: 'pass', reasons: [...reasons, 'fail-open:error'] };
      }
      let out = replaced ?? request;
      extra = { ...extra, ...promptFor(policy, out) };
      if (extra.prompt !== undefined && !policy.canary) registry.remember(ctx, { policy, ...extra });
      if (policy.canary) {
        const withCanary = addCanary(policy, out, reasons);
        out = withCanary.request;
        registry.remember(ctx, { ...withCanary.guards, ...extra });
      }
      const verdict: Verdict<CanonicalRequest> = out === request ? (reasons.length > 0 ? { action: 'pass', reasons } : { action: 'pass' }) : { action: 'replace', value: out, reasons };
      // Only routes that turn on an external detector (LLM judge, ONNX) wait for one.
      if (policy.input.external.length === 0 || out.kind !== 'chat') return verdict;
      return judgeInput(ctx, policy, out, verdict);
    },
  };
}
