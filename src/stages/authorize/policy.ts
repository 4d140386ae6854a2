/**
 * Authorize phase: every data-plane request is put to the Cedar policy set — the operation
 * (`chat`, `embed`, `messages`) on the model, `stream` when it streams, `use_tool` for each tool
 * it offers the model. The credential's own scopes stay a ceiling: a key scoped to some models
 * uses only those, whatever the policies grant.
 *
 * A refused model answers PC_ERR_MODEL_NOT_FOUND, exactly like an unknown one, so policies do not
 * reveal which models exist; a refused stream PC_ERR_POLICY_DENIED; refused tools are refused
 * (PC_ERR_TOOL_NOT_ALLOWED) or stripped from the request, by route setting. The decision names
 * the policies that decided. A shadow set, when configured, is asked the same questions and its
 * disagreements are logged and counted, never enforced.
 */
import type { CanonicalRequest, ChatRequest } from '../../canonical/types.js';
import type { Logger } from '../../log.js';
import type { AuthorizationQuery, AuthorizationResult, CedarValue, Entity } from '../../policy/engine.js';
import type { CompiledPolicy } from '../../policy/load.js';
import { cedarContext, principalEntity, type RequestAttributes } from '../../policy/request.js';
import { RequestSlot } from '../../pipeline/slot.js';
import type { Stage, StageContext, Verdict } from '../../pipeline/types.js';
import { mayUseModel } from './model-scope.js';

/** What later stages (the tool-call check on answers) need from this request's authorization. */
export interface RequestAuthorization {
  readonly policy: CompiledPolicy;
  readonly principal: Entity;
  readonly context: Readonly<Record<string, CedarValue>>;
}

/** Per-request authorization state, dropped with the request (a slot on its context, pipeline/slot.ts). */
export class AuthorizationRegistry {
  private readonly slot = new RequestSlot<RequestAuthorization>();
  remember(ctx: StageContext, value: RequestAuthorization): void {
    this.slot.set(ctx, value);
  }
  get(ctx: StageContext): RequestAuthorization | undefined {
    return this.slot.get(ctx);
  }
}

/** Disagreements between the shadow set and the active one since start. */
export interface ShadowStats {
  differences: number;
  evaluations: number;
}

export interface AuthorizeStageOptions {
  /** The current runtime's compiled policy (follows reloads). */
  readonly policy: () => CompiledPolicy;
  readonly registry: AuthorizationRegistry;
  readonly shadowStats?: ShadowStats;
}

/**
 * Where a disagreement is logged: read only when there is one, because a request's `log` makes
 * its pino child logger on first use (docs/performance.md), which most requests never need.
 */
export interface LogSource {
  readonly log: Logger;
}

/** Asks the active set and, when configured, the shadow set; logs shadow disagreements. */
export function decide(policy: CompiledPolicy, query: AuthorizationQuery, logTo: LogSource, stats?: ShadowStats): AuthorizationResult {
  const result = policy.active.authorize(query);
  if (policy.shadow) {
    let candidate: AuthorizationResult;
    try {
      candidate = policy.shadow.authorize(query);
    } catch {
      candidate = { allowed: false, reasons: ['engine-error'] };
    }
    if (stats) stats.evaluations++;
    if (candidate.allowed !== result.allowed) {
      if (stats) stats.differences++;
      logTo.log.warn(
        { shadow: true, action: query.action, resource: `${query.resource.uid.type}::${query.resource.uid.id}`, principal: query.principal.uid.id, active: result.allowed ? 'allow' : 'deny', candidate: candidate.allowed ? 'allow' : 'deny', activeReasons: result.reasons, candidateReasons: candidate.reasons },
        'shadow policy disagrees',
      );
    }
  }
  return result;
}

const NO_TOOLS: readonly string[] = Object.freeze([]);

function toolNames(request: ChatRequest): readonly string[] {
  return request.tools && request.tools.length > 0 ? request.tools.map((t) => t.name) : NO_TOOLS;
}

function requestAttributes(operation: string, model: string, chat: ChatRequest | undefined, tools: readonly string[]): RequestAttributes {
  const stream = chat?.stream ?? false;
  return chat?.maxTokens !== undefined ? { operation, model, maxTokens: chat.maxTokens, stream, tools } : { operation, model, stream, tools };
}

/** The request without the tools it may not offer; a tool choice naming one of them falls back to `auto` or goes. */
function stripTools(request: ChatRequest, denied: ReadonlySet<string>): ChatRequest {
  const tools = (request.tools ?? []).filter((t) => !denied.has(t.name));
  const { tools: _tools, toolChoice, parallelToolCalls, ...rest } = request;
  if (tools.length === 0) return { ...rest };
  const choice = toolChoice?.type === 'tool' && denied.has(toolChoice.name) ? { type: 'auto' as const } : toolChoice;
  return { ...rest, tools, ...(choice ? { toolChoice: choice } : {}), ...(parallelToolCalls !== undefined ? { parallelToolCalls } : {}) };
}

export function authorizeStage(options: AuthorizeStageOptions): Stage {
  const { registry } = options;
  return {
    name: 'policy',
    phase: 'authorize',
    onRequest(ctx, request: CanonicalRequest): Verdict<CanonicalRequest> {
      const principal = ctx.principal;
      // The credential's scopes are a ceiling the policies cannot lift.
      if (!principal || !mayUseModel(principal, request.model)) return { action: 'deny', code: 'PC_ERR_MODEL_NOT_FOUND', reasons: ['model-out-of-scope'] };
      // No context facts means the context phase did not run: nothing to decide on, so deny.
      if (!ctx.context) return { action: 'deny', code: 'PC_ERR_POLICY_DENIED', reasons: ['no-context'] };
      const policy = options.policy();
      const chat = request.kind === 'chat' ? request : undefined;
      const operation = request.kind === 'embed' ? 'embed' : ctx.operation === 'messages' ? 'messages' : 'chat';
      const tools = chat ? toolNames(chat) : NO_TOOLS;
      const context = cedarContext(ctx.context, principal.authMethod, requestAttributes(operation, request.model, chat, tools));
      const subject = principalEntity(principal);
      const model = policy.modelEntity(request.model);
      const { shadowStats } = options;

      const reasons: string[] = [];
      const main = decide(policy, { principal: subject, action: operation, resource: model, context }, ctx, shadowStats);
      for (const r of main.reasons) reasons.push(`${operation}:${r}`);
      if (!main.allowed) return { action: 'deny', code: 'PC_ERR_MODEL_NOT_FOUND', reasons };
      if (chat?.stream) {
        const s = decide(policy, { principal: subject, action: 'stream', resource: model, context }, ctx, shadowStats);
        for (const r of s.reasons) reasons.push(`stream:${r}`);
        if (!s.allowed) return { action: 'deny', code: 'PC_ERR_POLICY_DENIED', reasons };
      }
      registry.remember(ctx, { policy, principal: subject, context });
      if (!chat || tools.length === 0) return { action: 'pass', reasons };
      const denied = new Set<string>();
      for (const name of new Set(tools)) {
        const t = decide(policy, { principal: subject, action: 'use_tool', resource: { uid: { type: 'Tool', id: name }, attrs: {}, parents: [] }, context }, ctx, shadowStats);
        if (!t.allowed) {
          denied.add(name);
          // Tool names are the caller's text: recorded as a count, not verbatim.
          reasons.push(`use_tool:denied:${t.reasons.join('+')}`);
        }
      }
      if (denied.size === 0) return { action: 'pass', reasons };
      if (policy.toolMode(request.model) === 'refuse') return { action: 'deny', code: 'PC_ERR_TOOL_NOT_ALLOWED', reasons };
      reasons.push(`tools-stripped:${denied.size}`);
      return { action: 'replace', value: stripTools(chat, denied), reasons };
    },
  };
}

const MODEL_OPERATIONS = ['chat', 'messages', 'embed'] as const;

/**
 * For `GET /v1/models`: whether the caller may use the model for anything (any of the model
 * operations), under its credential's scopes and the policies. Decisions are cached, so a listing
 * repeated by the same caller costs a few lookups per model.
 */
export function mayUseModelByPolicy(policy: CompiledPolicy, ctx: StageContext, model: string): boolean {
  const principal = ctx.principal;
  if (!principal || !ctx.context || !mayUseModel(principal, model)) return false;
  const subject = principalEntity(principal);
  const resource = policy.modelEntity(model);
  for (const operation of MODEL_OPERATIONS) {
    const context = cedarContext(ctx.context, principal.authMethod, { operation, model, stream: false, tools: [] });
    if (policy.active.authorize({ principal: subject, action: operation, resource, context }).allowed) return true;
  }
  return false;
}
