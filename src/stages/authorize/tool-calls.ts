/**
 * Output phase: a model's tool calls naming a tool the caller may not use (`use_tool` denied)
 * are taken out of the answer before it reaches the client, streamed answers included. A model
 * can name tools it was never offered (a hallucination, an injected instruction), so every name
 * is put to the policy, not just compared with the request.
 *
 * Streams: the first fragment of a call carries its name; later fragments of the same call
 * (same choice and index) carry only arguments and are dropped with it. A fragment of a call
 * whose name was never seen is dropped too (fail closed). A choice left with no tool calls that
 * ends with `tool_calls` ends with `stop` instead, so clients do not wait for calls that never come.
 */
import type { ChatChunk, ChatResponse, ChoiceDelta, CanonicalResponse } from '../../canonical/types.js';
import type { Stage, StageContext, StreamInspector, Verdict } from '../../pipeline/types.js';
import { decide, type AuthorizationRegistry, type ShadowStats } from './policy.js';

export interface ToolCallStageOptions {
  readonly registry: AuthorizationRegistry;
  readonly shadowStats?: ShadowStats;
}

type MayUse = (tool: string) => boolean;

function mayUseFor(ctx: StageContext, options: ToolCallStageOptions): MayUse {
  const auth = options.registry.get(ctx);
  // Without this request's authorization there is nothing to check against: no tool passes.
  if (!auth) return () => false;
  const verdicts = new Map<string, boolean>();
  return (tool) => {
    let ok = verdicts.get(tool);
    if (ok === undefined) {
      ok = decide(auth.policy, { principal: auth.principal, action: 'use_tool', resource: { uid: { type: 'Tool', id: tool }, attrs: {}, parents: [] }, context: auth.context }, ctx, options.shadowStats).allowed;
      verdicts.set(tool, ok);
    }
    return ok;
  };
}

function checkResponse(response: ChatResponse, mayUse: MayUse): Verdict<CanonicalResponse> {
  let removed = 0;
  const choices = response.choices.map((choice) => {
    const calls = choice.message.toolCalls;
    if (!calls || calls.length === 0) return choice;
    const kept = calls.filter((c) => mayUse(c.name));
    if (kept.length === calls.length) return choice;
    removed += calls.length - kept.length;
    const { toolCalls: _dropped, ...message } = choice.message;
    return {
      ...choice,
      message: kept.length > 0 ? { ...message, toolCalls: kept } : { ...message, content: message.content ?? '' },
      finishReason: kept.length === 0 && choice.finishReason === 'tool_calls' ? ('stop' as const) : choice.finishReason,
    };
  });
  if (removed === 0) return { action: 'pass' };
  return { action: 'replace', value: { ...response, choices }, reasons: [`tool-calls-removed:${removed}`] };
}

class ToolCallInspector implements StreamInspector {
  /** `${choice}:${index}` → whether that call may pass. */
  private readonly calls = new Map<string, boolean>();
  /** Choices that lost a call, and whether they kept any. */
  private readonly strippedChoices = new Set<number>();
  private readonly keptChoices = new Set<number>();
  private removed = 0;

  constructor(private readonly mayUse: MayUse) {}

  onChunk(chunk: ChatChunk): Verdict<readonly ChatChunk[]> {
    let touched = false;
    for (const c of chunk.choices) {
      if (c.delta.toolCalls || (c.finishReason === 'tool_calls' && this.strippedChoices.has(c.index))) touched = true;
    }
    if (!touched) return { action: 'pass' };
    const choices: ChoiceDelta[] = [];
    for (const c of chunk.choices) choices.push(this.filter(c));
    const reasons = this.removed > 0 ? [`tool-calls-removed:${this.removed}`] : undefined;
    this.removed = 0;
    return { action: 'replace', value: [{ ...chunk, choices }], ...(reasons ? { reasons } : {}) };
  }

  onEnd(): Verdict<readonly ChatChunk[]> {
    return { action: 'pass' };
  }

  private filter(c: ChoiceDelta): ChoiceDelta {
    let delta = c.delta;
    if (delta.toolCalls) {
      const kept = delta.toolCalls.filter((call) => {
        const key = `${c.index}:${call.index}`;
        let ok = this.calls.get(key);
        if (ok === undefined) {
          ok = call.name !== undefined && this.mayUse(call.name);
          this.calls.set(key, ok);
          if (!ok) this.removed++;
        }
        if (ok) this.keptChoices.add(c.index);
        else this.strippedChoices.add(c.index);
        return ok;
      });
      const { toolCalls: _all, ...rest } = delta;
      delta = kept.length > 0 ? { ...rest, toolCalls: kept } : rest;
    }
    const finish = c.finishReason === 'tool_calls' && this.strippedChoices.has(c.index) && !this.keptChoices.has(c.index) ? 'stop' : c.finishReason;
    return { ...c, delta, ...(finish !== undefined ? { finishReason: finish } : {}) };
  }
}

export function toolCallStage(options: ToolCallStageOptions): Stage {
  return {
    name: 'tool-policy',
    phase: 'output',
    onResponse(ctx, response: CanonicalResponse): Verdict<CanonicalResponse> {
      if (response.kind !== 'chat' || !response.choices.some((c) => c.message.toolCalls && c.message.toolCalls.length > 0)) return { action: 'pass' };
      return checkResponse(response, mayUseFor(ctx, options));
    },
    openStream(ctx): StreamInspector {
      return new ToolCallInspector(mayUseFor(ctx, options));
    },
  };
}
