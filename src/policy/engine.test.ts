import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema } from '../config/schema.js';
import type { RequestContextFacts } from '../context/types.js';
import type { Principal } from '../pipeline/types.js';
import { compilePolicySet, type AuthorizationQuery, type CompiledPolicySet } from './engine.js';
import { builtinSchema, loadPolicy, readPolicySources } from './load.js';
import { cedarContext, operatorEntity, principalEntity, type RequestAttributes } from './request.js';

const schema = await builtinSchema();

function principal(over: Partial<Principal> = {}): Principal {
  return { id: 'key:abc', kind: 'service', tenant: 'acme', roles: ['app'], authMethod: 'api_key', credentialId: 'abc', models: [], ...over };
}

const baseFacts: RequestContextFacts = { clientIp: '10.1.2.3', risk: 0, hour: 10, weekday: 2 };
const chat: RequestAttributes = { operation: 'chat', model: 'gpt-4o', stream: false, tools: [] };

function query(p: Principal, action: string, facts: Partial<RequestContextFacts> = {}, attrs: Partial<RequestAttributes> = {}): AuthorizationQuery {
  return {
    principal: principalEntity(p),
    action,
    resource: action === 'use_tool' ? { uid: { type: 'Tool', id: 'search' }, attrs: {}, parents: [] } : { uid: { type: 'Model', id: 'gpt-4o' }, attrs: { regulated: false }, parents: [] },
    context: cedarContext({ ...baseFacts, ...facts }, p.authMethod, { ...chat, ...attrs }),
  };
}

function adminQuery(roles: readonly string[], action: string, resource: string, mfaAgeSec?: number): AuthorizationQuery {
  return {
    principal: operatorEntity('olga', roles),
    action,
    resource: { uid: { type: 'AdminResource', id: resource }, attrs: {}, parents: [] },
    context: cedarContext(baseFacts, 'operator_session', { operation: 'admin', model: '', stream: false, tools: [] }, mfaAgeSec),
  };
}

async function templates(names: string[]): Promise<CompiledPolicySet> {
  const config = configSchema.parse({ policy: { templates: names } });
  const { sources } = await readPolicySources(config.policy, '.');
  const compiled = compilePolicySet(schema, sources, { cacheSize: 0 });
  assert.ok(compiled.ok, JSON.stringify(!compiled.ok && compiled.issues));
  return compiled.set;
}

function compile(text: string): CompiledPolicySet {
  const compiled = compilePolicySet(schema, [{ origin: 'test.cedar', text }], { cacheSize: 0 });
  assert.ok(compiled.ok, JSON.stringify(!compiled.ok && compiled.issues));
  return compiled.set;
}

const posture = { source: 'mdm', attributes: { managed: true }, issuedAt: 0 };

describe('role templates (least privilege: no baseline)', async () => {
  const set = await templates(['guardrails', 'admin', 'security-analyst', 'developer', 'app']);
  const cases: { name: string; q: AuthorizationQuery; allowed: boolean; reason?: string }[] = [
    { name: 'app key may chat', q: query(principal(), 'chat'), allowed: true, reason: 'app.inference' },
    { name: 'app key may stream', q: query(principal(), 'stream', {}, { stream: true }), allowed: true, reason: 'app.inference' },
    { name: 'app key may use a tool', q: query(principal(), 'use_tool'), allowed: true, reason: 'app.tools' },
    { name: 'a user with the app role may not (app is for service accounts)', q: query(principal({ kind: 'user' }), 'chat'), allowed: false, reason: 'default-deny' },
    { name: 'no role, no access', q: query(principal({ roles: [] }), 'chat'), allowed: false, reason: 'default-deny' },
    { name: 'developer without posture is denied', q: query(principal({ kind: 'user', roles: ['developer'] }), 'chat'), allowed: false },
    { name: 'developer on a managed device may chat', q: query(principal({ kind: 'user', roles: ['developer'] }), 'chat', { posture }), allowed: true, reason: 'developer.inference' },
    { name: 'developer over mTLS may chat', q: query(principal({ kind: 'user', roles: ['developer'], authMethod: 'mtls' }), 'chat'), allowed: true },
    { name: 'high risk: forbid beats permit', q: query(principal(), 'chat', { risk: 0.95 }), allowed: false, reason: 'guardrails.high-risk' },
    { name: 'risk below the line passes', q: query(principal(), 'chat', { risk: 0.5 }), allowed: true },
    { name: 'admin reads audit', q: adminQuery(['admin'], 'read_audit', 'audit'), allowed: true, reason: 'admin.all' },
    { name: 'admin manages keys', q: adminQuery(['admin'], 'manage_keys', 'keys'), allowed: true },
    { name: 'admin decrypts with fresh MFA', q: adminQuery(['admin'], 'decrypt_payload', 'audit', 60), allowed: true },
    { name: 'admin may not decrypt with stale MFA', q: adminQuery(['admin'], 'decrypt_payload', 'audit', 3600), allowed: false, reason: 'guardrails.decrypt-needs-fresh-mfa' },
    { name: 'admin may not decrypt without MFA', q: adminQuery(['admin'], 'decrypt_payload', 'audit'), allowed: false },
    { name: 'analyst reads audit', q: adminQuery(['security-analyst'], 'read_audit', 'audit'), allowed: true, reason: 'security-analyst.audit' },
    { name: 'analyst exports audit', q: adminQuery(['security-analyst'], 'export_audit', 'audit'), allowed: true },
    { name: 'analyst queries incidents', q: adminQuery(['security-analyst'], 'query', 'incidents'), allowed: true, reason: 'security-analyst.query' },
    { name: 'analyst may not query keys', q: adminQuery(['security-analyst'], 'query', 'keys'), allowed: false },
    { name: 'analyst may not manage keys', q: adminQuery(['security-analyst'], 'manage_keys', 'keys'), allowed: false },
    { name: 'analyst may not decrypt payloads', q: adminQuery(['security-analyst'], 'decrypt_payload', 'audit', 10), allowed: false },
    { name: 'developer operator may not read audit', q: adminQuery(['developer'], 'read_audit', 'audit'), allowed: false, reason: 'default-deny' },
    { name: 'unknown action', q: { ...query(principal(), 'chat'), action: 'launch_missiles' }, allowed: false, reason: 'unknown-action' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = set.authorize(c.q);
      assert.equal(r.allowed, c.allowed, JSON.stringify(r.reasons));
      if (c.reason) assert.ok(r.reasons.includes(c.reason), `${c.reason} in ${JSON.stringify(r.reasons)}`);
    });
  }
});

describe('baseline template keeps pre-policy behaviour', async () => {
  const set = await templates(['baseline', 'guardrails']);
  for (const roles of [[], ['analyst'], ['workload']]) {
    it(`a key with roles ${JSON.stringify(roles)} may chat, stream and use tools`, () => {
      for (const action of ['chat', 'embed', 'messages', 'stream', 'use_tool']) assert.equal(set.authorize(query(principal({ roles }), action)).allowed, true, action);
    });
  }
  it('operators get nothing from the baseline', () => {
    assert.equal(set.authorize(adminQuery(['admin'], 'query', 'keys')).allowed, false);
  });
});

describe('context conditions', () => {
  const set = compile(`
    @id("office") permit (principal, action == Action::"chat", resource) when { context.ip.isInRange(ip("10.0.0.0/8")) };
    @id("eu") permit (principal, action == Action::"embed", resource) when { context has country && ["DE", "FR"].contains(context.country) };
    @id("hours") permit (principal, action == Action::"messages", resource) when { context.hour >= 8 && context.hour < 18 && context.weekday <= 5 };
    @id("tokens") forbid (principal, action, resource) when { context has maxTokens && context.maxTokens > 4096 };
    @id("no-tool-x") forbid (principal, action == Action::"chat", resource) when { context.tools.contains("shell") };
    @id("mdm") permit (principal, action == Action::"stream", resource) when { context.posture.verified && context.posture.managed };
  `);
  const p = principal();
  const cases: { name: string; q: AuthorizationQuery; allowed: boolean }[] = [
    { name: 'chat from inside the CIDR', q: query(p, 'chat', { clientIp: '10.200.1.1' }), allowed: true },
    { name: 'chat from outside the CIDR', q: query(p, 'chat', { clientIp: '192.168.1.1' }), allowed: false },
    { name: 'chat from IPv6', q: query(p, 'chat', { clientIp: '2001:db8::1' }), allowed: false },
    { name: 'embed from DE', q: query(p, 'embed', { country: 'DE' }), allowed: true },
    { name: 'embed from US', q: query(p, 'embed', { country: 'US' }), allowed: false },
    { name: 'embed with unknown country', q: query(p, 'embed'), allowed: false },
    { name: 'messages in office hours', q: query(p, 'messages', { hour: 9, weekday: 3 }), allowed: true },
    { name: 'messages at night', q: query(p, 'messages', { hour: 22, weekday: 3 }), allowed: false },
    { name: 'messages on Sunday', q: query(p, 'messages', { hour: 10, weekday: 7 }), allowed: false },
    { name: 'too many tokens', q: query(p, 'chat', {}, { maxTokens: 10_000 }), allowed: false },
    { name: 'few tokens', q: query(p, 'chat', {}, { maxTokens: 100 }), allowed: true },
    { name: 'requesting a forbidden tool', q: query(p, 'chat', {}, { tools: ['search', 'shell'] }), allowed: false },
    { name: 'stream from a managed device', q: query(p, 'stream', { posture }), allowed: true },
    { name: 'stream without posture', q: query(p, 'stream', { postureError: 'expired' }), allowed: false },
  ];
  for (const c of cases) it(c.name, () => assert.equal(set.authorize(c.q).allowed, c.allowed));
});

describe('engine semantics', () => {
  it('an evaluation error denies, even when another policy permits', () => {
    const set = compile(`
      @id("all") permit (principal, action, resource);
      @id("overflow") forbid (principal, action, resource) when { context.hour * 9223372036854775807 > 1 };
    `);
    const r = set.authorize(query(principal(), 'chat'));
    assert.equal(r.allowed, false);
    assert.deepEqual(r.reasons, ['error:overflow']);
  });

  it('an unparsable client address denies when a policy reads it, and does not matter when none does', () => {
    const reads = compile(`@id("net") permit (principal, action, resource) when { context.ip.isInRange(ip("0.0.0.0/0")) };`);
    assert.equal(reads.authorize(query(principal(), 'chat', { clientIp: 'not-an-ip' })).allowed, false);
    const ignores = compile(`@id("all") permit (principal, action, resource);`);
    assert.equal(ignores.authorize(query(principal(), 'chat', { clientIp: 'not-an-ip' })).allowed, true);
  });

  it('names every policy that decided', () => {
    const set = compile(`@id("a") permit (principal, action, resource); @id("b") permit (principal in Role::"app", action, resource);`);
    assert.deepEqual([...set.authorize(query(principal(), 'chat')).reasons].sort(), ['a', 'b']);
  });

  it('action groups from the schema apply', () => {
    const set = compile(`@id("inf") permit (principal, action in Action::"inference", resource);`);
    assert.equal(set.authorize(query(principal(), 'embed')).allowed, true);
    assert.equal(set.authorize(query(principal(), 'stream')).allowed, false);
  });

  it('teams and tenants are groups', () => {
    const set = compile(`@id("t") permit (principal in Team::"research", action, resource) when { principal in Tenant::"acme" };`);
    assert.equal(set.authorize(query(principal({ teams: ['research'] }), 'chat')).allowed, true);
    assert.equal(set.authorize(query(principal({ teams: ['research'], tenant: 'other' }), 'chat')).allowed, false);
    assert.equal(set.authorize(query(principal({ teams: ['sales'] }), 'chat')).allowed, false);
  });

  it('an unchanged set is compiled once and reused (reloads that change only routes)', () => {
    const text = '@id("same") permit (principal, action, resource);';
    const a = compilePolicySet(schema, [{ origin: 'same.cedar', text }]);
    const b = compilePolicySet(schema, [{ origin: 'same.cedar', text }]);
    const c = compilePolicySet(schema, [{ origin: 'same.cedar', text: `${text} ` }]);
    assert.ok(a.ok && b.ok && c.ok);
    assert.equal(a.set, b.set);
    assert.notEqual(a.set, c.set);
  });

  it('a set released from the engine (evicted from the compiled sets) still decides right', () => {
    const text = '@id("team") permit (principal in Team::"research", action, resource) when { context.risk < 50 };';
    const first = compilePolicySet(schema, [{ origin: 'release.cedar', text }], { cacheSize: 0 });
    assert.ok(first.ok);
    const q = query(principal({ teams: ['research'] }), 'chat');
    assert.equal(first.set.authorize(q).allowed, true);
    // Enough other sets to push the first out of the compiled-set cache, which empties its engine copies.
    for (let n = 0; n < 5; n++) assert.ok(compilePolicySet(schema, [{ origin: `other-${n}.cedar`, text: `${text}${' '.repeat(n + 1)}` }], { cacheSize: 0 }).ok);
    assert.deepEqual(first.set.authorize(q), { allowed: true, reasons: ['team'] });
    assert.equal(first.set.authorize(query(principal({ teams: ['research'] }), 'chat', { risk: 0.9 })).allowed, false);
  });

  it('the decision cache gives the same answers as the engine', () => {
    const text = `@id("office") permit (principal, action, resource) when { context.ip.isInRange(ip("10.0.0.0/8")) };`;
    const cached = compilePolicySet(schema, [{ origin: 't', text }], { cacheSize: 2 });
    assert.ok(cached.ok);
    for (const ip of ['10.0.0.1', '11.0.0.1', '10.0.0.1', '10.9.9.9', '11.0.0.1', '10.0.0.1']) {
      assert.equal(cached.set.authorize(query(principal(), 'chat', { clientIp: ip })).allowed, ip.startsWith('10.'), ip);
    }
  });
});

describe('invalid policy sets are rejected', () => {
  const cases: { name: string; text: string; match: RegExp }[] = [
    { name: 'syntax error', text: 'permit (principal, action resource);', match: /./ },
    { name: 'unknown attribute', text: '@id("x") permit (principal, action, resource) when { context.nope == 1 };', match: /nope|attribute/ },
    { name: 'optional attribute without has', text: '@id("x") permit (principal, action, resource) when { context.country == "DE" };', match: /country/ },
    { name: 'unknown entity type', text: '@id("x") permit (principal in Group::"a", action, resource);', match: /Group/ },
    { name: 'unknown action', text: '@id("x") permit (principal, action == Action::"fly", resource);', match: /fly/ },
    { name: 'type error', text: '@id("x") permit (principal, action, resource) when { context.hour == "ten" };', match: /./ },
    { name: 'duplicate id', text: '@id("x") permit (principal, action, resource); @id("x") forbid (principal, action, resource);', match: /duplicate/ },
    { name: 'template with slots', text: 'permit (principal == ?principal, action, resource);', match: /template/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = compilePolicySet(schema, [{ origin: 'bad.cedar', text: c.text }]);
      assert.equal(r.ok, false);
      assert.match(JSON.stringify(!r.ok && r.issues), c.match);
    });
  }

  it('loadPolicy reports a missing file and a bad shadow set', async () => {
    const config = configSchema.parse({ policy: { files: ['/nonexistent/x.cedar'] } });
    const r = await loadPolicy(config.policy, [], '.');
    assert.equal(r.ok, false);
    const shadow = configSchema.parse({ policy: { shadow: { templates: [], files: ['/nonexistent/y.cedar'] } } });
    const s = await loadPolicy(shadow.policy, [], '.');
    assert.equal(s.ok, false);
    assert.match(JSON.stringify(!s.ok && s.issues), /shadow/);
  });
});
