import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChatChunk, ChatRequest, ChatResponse } from '../../canonical/types.js';
import { configSchema } from '../../config/schema.js';
import { createLogger } from '../../log.js';
import { compilePolicySet } from '../../policy/engine.js';
import { builtinSchema, loadPolicy, type CompiledPolicy } from '../../policy/load.js';
import type { Principal, StageContext, Verdict } from '../../pipeline/types.js';
import { AuthorizationRegistry, authorizeStage, decide, mayUseModelByPolicy, type ShadowStats } from './policy.js';
import { toolCallStage } from './tool-calls.js';

const schema = await builtinSchema();
const log = createLogger({ level: 'silent' });

const RULES = `
@id("all") permit (principal, action, resource);
@id("no-shell") forbid (principal, action == Action::"use_tool", resource == Tool::"shell");
@id("no-stream-for-trial") forbid (principal in Role::"trial", action == Action::"stream", resource);
@id("no-secret") forbid (principal, action, resource == Model::"secret") unless { principal in Role::"research" };
`;

async function policyWith(text: string, settings: Record<string, unknown> = {}, shadowText?: string): Promise<CompiledPolicy> {
  const config = configSchema.parse({ policy: { templates: [], ...settings } });
  const loaded = await loadPolicy(config.policy, [], '.');
  assert.ok(loaded.ok);
  const active = compilePolicySet(schema, [{ origin: 'rules', text }]);
  assert.ok(active.ok, JSON.stringify(!active.ok && active.issues));
  const shadow = shadowText === undefined ? undefined : compilePolicySet(schema, [{ origin: 'shadow', text: shadowText }]);
  if (shadow) assert.ok(shadow.ok);
  return { ...loaded.policy, active: active.set, shadow: shadow?.ok ? shadow.set : undefined };
}

function ctx(principal: Partial<Principal> = {}, withContext = true): StageContext {
  return {
    requestId: 'r1',
    api: 'openai',
    operation: 'chat',
    sourceIp: '127.0.0.1',
    headers: {},
    principal: { id: 'key:1', kind: 'service', tenant: 'acme', roles: ['app'], authMethod: 'api_key', credentialId: 'k1', models: [], ...principal },
    context: withContext ? { clientIp: '127.0.0.1', risk: 0, hour: 12, weekday: 3 } : undefined,
    signal: new AbortController().signal,
    log,
    decisions: [],
  };
}

const tool = (name: string) => ({ name, parameters: { type: 'object' } });
function chat(over: Partial<ChatRequest> = {}): ChatRequest {
  return { kind: 'chat', model: 'gpt', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false, includeUsage: false, ...over };
}

function sync<T>(v: Verdict<T> | Promise<Verdict<T>> | undefined): Verdict<T> {
  assert.ok(v && !(v instanceof Promise));
  return v;
}

describe('authorize stage', async () => {
  const policy = await policyWith(RULES, { tools: { onDenied: 'refuse', routes: { 'gpt-strip': 'strip' } } });
  const stage = authorizeStage({ policy: () => policy, registry: new AuthorizationRegistry() });

  const cases: { name: string; c: StageContext; req: ChatRequest; action: Verdict['action']; code?: string }[] = [
    { name: 'plain chat passes', c: ctx(), req: chat(), action: 'pass' },
    { name: 'a model out of the credential scope is not found', c: ctx({ models: ['other'] }), req: chat(), action: 'deny', code: 'PC_ERR_MODEL_NOT_FOUND' },
    { name: 'a model the policy forbids is not found either', c: ctx(), req: chat({ model: 'secret' }), action: 'deny', code: 'PC_ERR_MODEL_NOT_FOUND' },
    { name: 'the research role may use it', c: ctx({ roles: ['research'] }), req: chat({ model: 'secret' }), action: 'pass' },
    { name: 'no context facts: deny', c: ctx({}, false), req: chat(), action: 'deny', code: 'PC_ERR_POLICY_DENIED' },
    { name: 'no principal: deny', c: { ...ctx(), principal: undefined }, req: chat(), action: 'deny', code: 'PC_ERR_MODEL_NOT_FOUND' },
    { name: 'streaming forbidden for trial keys', c: ctx({ roles: ['trial'] }), req: chat({ stream: true }), action: 'deny', code: 'PC_ERR_POLICY_DENIED' },
    { name: 'a forbidden tool is refused', c: ctx(), req: chat({ tools: [tool('search'), tool('shell')] }), action: 'deny', code: 'PC_ERR_TOOL_NOT_ALLOWED' },
    { name: 'allowed tools pass', c: ctx(), req: chat({ tools: [tool('search')] }), action: 'pass' },
    { name: 'a forbidden tool is stripped on a stripping route', c: ctx(), req: chat({ model: 'gpt-strip', tools: [tool('search'), tool('shell')] }), action: 'replace' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const v = sync(stage.onRequest?.(c.c, c.req));
      assert.equal(v.action, c.action, JSON.stringify(v));
      if (c.code) assert.equal(v.action === 'deny' && v.code, c.code);
    });
  }

  it('stripping removes only the forbidden tools and a tool choice naming one', () => {
    const v = sync(stage.onRequest?.(ctx(), chat({ model: 'gpt-strip', tools: [tool('search'), tool('shell')], toolChoice: { type: 'tool', name: 'shell' } })));
    assert.equal(v.action, 'replace');
    const req = v.action === 'replace' ? (v.value as ChatRequest) : undefined;
    assert.deepEqual(req?.tools?.map((t) => t.name), ['search']);
    assert.deepEqual(req?.toolChoice, { type: 'auto' });
    const only = sync(stage.onRequest?.(ctx(), chat({ model: 'gpt-strip', tools: [tool('shell')], toolChoice: { type: 'required' } })));
    const bare = only.action === 'replace' ? (only.value as ChatRequest) : undefined;
    assert.equal(bare?.tools, undefined);
    assert.equal(bare?.toolChoice, undefined);
  });

  it('decisions name the deciding policies', () => {
    const v = sync(stage.onRequest?.(ctx(), chat({ model: 'secret' })));
    assert.deepEqual(v.reasons, ['chat:no-secret']);
  });

  it('/v1/models: only usable models', () => {
    assert.equal(mayUseModelByPolicy(policy, ctx(), 'gpt'), true);
    assert.equal(mayUseModelByPolicy(policy, ctx(), 'secret'), false);
    assert.equal(mayUseModelByPolicy(policy, ctx({ models: ['gpt'] }), 'other'), false);
  });
});

describe('shadow mode', async () => {
  const policy = await policyWith(RULES, {}, `@id("strict") permit (principal in Role::"research", action, resource);`);
  it('evaluates the candidate, counts and logs disagreements, and never enforces them', () => {
    const stats: ShadowStats = { differences: 0, evaluations: 0 };
    const lines: string[] = [];
    const captured = createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } });
    const q = (roles: string[]) => ({
      principal: { uid: { type: 'ServiceAccount', id: 'k' }, attrs: {}, parents: roles.map((id) => ({ type: 'Role', id })) },
      action: 'chat',
      resource: { uid: { type: 'Model', id: 'gpt' }, attrs: {}, parents: [] },
      context: {},
    });
    assert.equal(decide(policy, q(['app']), { log: captured }, stats).allowed, true, 'the active set decides');
    assert.equal(decide(policy, q(['research']), { log: captured }, stats).allowed, true);
    assert.deepEqual(stats, { differences: 1, evaluations: 2 });
    assert.ok(lines.some((l) => l.includes('shadow policy disagrees') && l.includes('"candidate":"deny"')), lines.join('\n'));
  });
});

describe('tool calls in answers', async () => {
  const policy = await policyWith(RULES);
  const registry = new AuthorizationRegistry();
  const authorize = authorizeStage({ policy: () => policy, registry });
  const stage = toolCallStage({ registry });

  const chunk = (choices: ChatChunk['choices']): ChatChunk => ({ kind: 'chunk', id: 'c', model: 'gpt', created: 0, choices });

  it('strips a forbidden call from a streamed answer, fragments and finish reason included', () => {
    const c = ctx();
    sync(authorize.onRequest?.(c, chat({ stream: true })));
    const inspector = stage.openStream?.(c);
    assert.ok(inspector);
    const out: ChatChunk[] = [];
    const feed = (k: ChatChunk) => {
      const v = sync(inspector.onChunk(k));
      out.push(...(v.action === 'replace' ? v.value : [k]));
    };
    feed(chunk([{ index: 0, delta: { role: 'assistant' } }]));
    feed(chunk([{ index: 0, delta: { toolCalls: [{ index: 0, id: 'a', name: 'shell', arguments: '' }, { index: 1, id: 'b', name: 'search', arguments: '' }] } }]));
    feed(chunk([{ index: 0, delta: { toolCalls: [{ index: 0, arguments: '{"cmd":"rm -rf /"}' }] } }]));
    feed(chunk([{ index: 0, delta: { toolCalls: [{ index: 1, arguments: '{"q":"x"}' }] } }]));
    feed(chunk([{ index: 0, delta: { toolCalls: [{ index: 7, arguments: 'orphan' }] } }]));
    feed(chunk([{ index: 0, delta: {}, finishReason: 'tool_calls' }]));
    const calls = out.flatMap((k) => k.choices.flatMap((ch) => ch.delta.toolCalls ?? []));
    assert.deepEqual(calls.map((t) => t.index), [1, 1]);
    assert.ok(!JSON.stringify(out).includes('rm -rf'));
    assert.ok(!JSON.stringify(out).includes('orphan'), 'a fragment of a call never named is dropped');
    assert.equal(out.at(-1)?.choices[0]?.finishReason, 'tool_calls', 'an allowed call remains, so the finish reason stays');
  });

  it('a stream whose only call is forbidden ends with stop', () => {
    const c = ctx();
    sync(authorize.onRequest?.(c, chat({ stream: true })));
    const inspector = stage.openStream?.(c);
    assert.ok(inspector);
    const a = sync(inspector.onChunk(chunk([{ index: 0, delta: { toolCalls: [{ index: 0, id: 'a', name: 'shell', arguments: '{}' }] } }])));
    assert.ok(a.action === 'replace' && a.value[0]?.choices[0]?.delta.toolCalls === undefined);
    const end = sync(inspector.onChunk(chunk([{ index: 0, delta: {}, finishReason: 'tool_calls' }])));
    assert.ok(end.action === 'replace' && end.value[0]?.choices[0]?.finishReason === 'stop');
    const text = sync(inspector.onChunk(chunk([{ index: 0, delta: { content: 'hello' } }])));
    assert.equal(text.action, 'pass', 'text chunks pass untouched');
  });

  it('whole answers: forbidden calls removed; without an authorization record no call passes', () => {
    const c = ctx();
    sync(authorize.onRequest?.(c, chat()));
    const answer: ChatResponse = {
      kind: 'chat',
      id: 'x',
      model: 'gpt',
      created: 0,
      choices: [{ index: 0, message: { role: 'assistant', content: null, toolCalls: [{ id: 'a', name: 'shell', arguments: '{}' }, { id: 'b', name: 'search', arguments: '{}' }] }, finishReason: 'tool_calls' }],
    };
    const v = sync(stage.onResponse?.(c, answer));
    assert.ok(v.action === 'replace' && v.value.kind === 'chat');
    assert.deepEqual(v.value.choices[0]?.message.toolCalls?.map((t) => t.name), ['search']);
    const orphan = sync(stage.onResponse?.(ctx(), answer));
    assert.ok(orphan.action === 'replace' && orphan.value.kind === 'chat');
    assert.equal(orphan.value.choices[0]?.message.toolCalls, undefined);
    assert.equal(orphan.value.choices[0]?.finishReason, 'stop');
  });
});
