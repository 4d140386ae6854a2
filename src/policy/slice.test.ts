/**
 * The sliced engine (policies chosen by scope, inputs pruned to what they read) must decide every
 * request exactly as one plain Cedar call with every policy and every input does: same decision,
 * same policies named, same errors. Random policy sets over the real schema, random requests.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import fc from 'fast-check';
import { compilePolicySet, type AuthorizationQuery, type AuthorizationResult, type CedarValue, type Entity, type EntityRef } from './engine.js';
import { builtinSchema } from './load.js';

const schema = await builtinSchema();

/** Action groups of the schema (config/policies/portcullis.cedarschema). */
const GROUPS: Record<string, readonly string[]> = {
  chat: ['inference'],
  embed: ['inference'],
  stream: [],
  use_tool: [],
  query: ['admin_read'],
  read_audit: ['admin_read'],
  manage_keys: ['admin_write'],
  decrypt_payload: ['admin_write'],
};
const ACTIONS = Object.keys(GROUPS);
const ACTION_SCOPES = [...ACTIONS.map((a) => `action == Action::"${a}"`), 'action in Action::"inference"', 'action in Action::"admin_write"', 'action in [Action::"stream", Action::"query"]', 'action'];
const GROUP_REFS = ['Role::"r1"', 'Role::"admin"', 'Team::"t1"', 'Team::"t2"', 'Tenant::"x"'];
const PRINCIPAL_SCOPES = ['principal', 'principal == User::"a"', 'principal == ServiceAccount::"b"', ...GROUP_REFS.map((g) => `principal in ${g}`), 'principal is Operator', 'principal is ServiceAccount in Team::"t1"'];
const RESOURCE_SCOPES = ['resource', 'resource == Model::"m1"', 'resource is Model', 'resource is Tool', 'resource == AdminResource::"audit"', 'resource is AdminResource'];
/** Conditions that validate whatever the scope; the last ones can fail at run time (overflow). */
const CONDITIONS = [
  'context.risk < 50',
  'context has country && context.country == "DE"',
  'context.ip.isInRange(ip("10.0.0.0/8"))',
  'context.ip.isIpv6() || context.ip == ip("192.0.2.1")',
  'context has ip && context.ip.isLoopback()',
  'context.posture.verified',
  'context has mfaAgeSec && context.mfaAgeSec <= 300',
  'principal in Team::"t2"',
  'principal in Tenant::"x"',
  'principal is ServiceAccount && principal.tenant == "x"',
  'principal has roles && principal.roles.contains("r1")',
  'principal == User::"a"',
  'principal in User::"c"',
  'principal is ServiceAccount && [ServiceAccount::"b"].contains(principal)',
  'resource is Model && resource.regulated',
  'action in Action::"inference"',
  'action == Action::"stream"',
  'context.tools.contains("shell")',
  'context.risk * 9223372036854775807 > 0',
];

const policyArb = fc.record({
  effect: fc.constantFrom('permit', 'forbid'),
  principal: fc.constantFrom(...PRINCIPAL_SCOPES),
  action: fc.constantFrom(...ACTION_SCOPES),
  resource: fc.constantFrom(...RESOURCE_SCOPES),
  when: fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined, freq: 2 }),
  unless: fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined, freq: 2 }),
});

const refArb = fc.constantFrom(...GROUP_REFS).map((r): EntityRef => {
  const [type, id] = r.split('::') as [string, string];
  return { type, id: JSON.parse(id) as string };
});

type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

const principalArb = fc.record({ type: fc.constantFrom('User', 'ServiceAccount', 'Operator'), id: fc.constantFrom('a', 'b', 'c'), parents: fc.uniqueArray(refArb, { selector: (r) => `${r.type}:${r.id}`, maxLength: 4 }), tenant: fc.constantFrom('x', 'y') });
const resourceArb = fc.constantFrom<Entity>(
  { uid: { type: 'Model', id: 'm1' }, attrs: { regulated: true }, parents: [] },
  { uid: { type: 'Model', id: 'm2' }, attrs: { regulated: false }, parents: [] },
  { uid: { type: 'Tool', id: 'shell' }, attrs: {}, parents: [] },
  { uid: { type: 'AdminResource', id: 'audit' }, attrs: {}, parents: [] },
);
const contextArb = fc.record({
  risk: fc.integer({ min: 0, max: 100 }),
  country: fc.option(fc.constantFrom('DE', 'US'), { nil: undefined }),
  // Hexadecimal IPv6 goes to the engine as text; a prefix takes the exact path (ip-text.ts).
  ip: fc.constantFrom('10.1.2.3', '127.0.0.1', '192.0.2.1', '::1', '2001:db8::1', '10.0.0.0/8'),
  verified: fc.boolean(),
  mfaAgeSec: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  tools: fc.subarray(['shell', 'search']),
});

/**
 * Principals with the same parents share one frozen parents array, as request.ts builds them, so
 * the engine's memo per parents array is exercised across principals of different ids and types.
 */
const sharedParents = new Map<string, readonly EntityRef[]>();

function entityOf(p: Of<typeof principalArb>): Entity {
  const attrs: Record<string, CedarValue> =
    p.type === 'Operator' ? { name: p.id, roles: ['r1'] } : { tenant: p.tenant, roles: p.parents.filter((r) => r.type === 'Role').map((r) => r.id), teams: [], credential: 'c' };
  // Operators are only `in` roles (schema); other parents would not validate as data.
  const own = p.type === 'Operator' ? p.parents.filter((r) => r.type === 'Role') : p.parents;
  const key = JSON.stringify(own);
  let parents = sharedParents.get(key);
  if (!parents) sharedParents.set(key, (parents = Object.freeze(own.map((r) => Object.freeze({ ...r })))));
  return Object.freeze({ uid: Object.freeze({ type: p.type, id: p.id }), attrs, parents });
}

function contextOf(c: Of<typeof contextArb>): Record<string, CedarValue> {
  const posture = { verified: c.verified, error: '', source: '', managed: false, diskEncrypted: false, osPatched: false, compliant: false, tags: [] };
  return {
    ip: { __extn: { fn: 'ip', arg: c.ip } },
    ...(c.country !== undefined ? { country: c.country } : {}),
    posture,
    hour: 12,
    weekday: 3,
    authMethod: 'api_key',
    ...(c.mfaAgeSec !== undefined ? { mfaAgeSec: c.mfaAgeSec } : {}),
    risk: c.risk,
    operation: 'chat',
    model: 'm1',
    stream: false,
    tools: c.tools,
  };
}

/** One plain Cedar call: every policy, every input, our rule that an error denies. */
function reference(policies: Record<string, string>, q: AuthorizationQuery): { allowed: boolean; reasons: string[] } {
  const groups = GROUPS[q.action] ?? [];
  const answer = cedar.isAuthorized({
    principal: q.principal.uid,
    action: { type: 'Action', id: q.action },
    resource: q.resource.uid,
    context: q.context,
    policies: { staticPolicies: policies },
    validateRequest: false,
    entities: [
      { uid: q.principal.uid, attrs: { ...q.principal.attrs }, parents: [...q.principal.parents] },
      { uid: q.resource.uid, attrs: { ...q.resource.attrs }, parents: [...q.resource.parents] },
      { uid: { type: 'Action', id: q.action }, attrs: {}, parents: groups.map((id) => ({ type: 'Action', id })) },
      ...groups.map((id) => ({ uid: { type: 'Action', id }, attrs: {}, parents: [] })),
    ],
  });
  assert.equal(answer.type, 'success');
  if (answer.type !== 'success') throw new Error('unreachable');
  const { decision, diagnostics } = answer.response;
  if (diagnostics.errors.length > 0) return { allowed: false, reasons: diagnostics.errors.map((e) => `error:${e.policyId}`).sort() };
  if (decision === 'allow') return { allowed: true, reasons: [...diagnostics.reason].sort() };
  return { allowed: false, reasons: diagnostics.reason.length > 0 ? [...diagnostics.reason].sort() : ['default-deny'] };
}

describe('policy slicing is exact', () => {
  it('decides like one Cedar call with every policy and every input', () => {
    let compiled = 0;
    fc.assert(
      fc.property(
        fc.array(policyArb, { minLength: 1, maxLength: 12 }),
        fc.array(principalArb, { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ principal: fc.nat(), action: fc.constantFrom(...ACTIONS), resource: resourceArb, context: contextArb }), { minLength: 1, maxLength: 16 }),
        fc.constantFrom(0, 100),
        (policyList, principalList, requests, cacheSize) => {
          // Few principal objects, each in several requests: the engine remembers per object.
          const principals = principalList.map(entityOf);
          const policies: Record<string, string> = {};
          policyList.forEach((p, n) => {
            policies[`p${n}`] = `@id("p${n}") ${p.effect} (${p.principal}, ${p.action}, ${p.resource})${p.when ? ` when { ${p.when} }` : ''}${p.unless ? ` unless { ${p.unless} }` : ''};`;
          });
          const result = compilePolicySet(schema, [{ origin: 'prop.cedar', text: Object.values(policies).join('\n') }], { cacheSize });
          // A combination strict validation refuses says nothing about slicing.
          fc.pre(result.ok);
          if (!result.ok) return;
          compiled++;
          for (const r of requests) {
            const q: AuthorizationQuery = { principal: principals[r.principal % principals.length] as Entity, action: r.action, resource: r.resource, context: contextOf(r.context) };
            // Twice: the second answer may come from the decision cache.
            for (let round = 0; round < 2; round++) {
              const got: AuthorizationResult = result.set.authorize(q);
              assert.deepEqual({ allowed: got.allowed, reasons: [...got.reasons].sort() }, reference(policies, q), JSON.stringify({ policies, q }));
            }
          }
        },
      ),
      { numRuns: 120, seed: 4 },
    );
    // Most generated sets must validate, or the property says little.
    assert.ok(compiled > 60, `only ${compiled} of 120 generated sets validated`);
  });
});

/**
 * The places where requests share work they might not share: principals with the same parents
 * share what their scopes select (unless a scope names one of them) and their cached decisions
 * (unless a condition names one of them), and policies read the address as text (ip-text.ts). Few policies, concentrated on exactly those.
 */
describe('shared selections and the address as text are exact', () => {
  it('decides like one Cedar call', () => {
    // The last two tell principals of one shape apart by id: their decisions must not be shared.
    const IP_CONDITIONS = ['context.ip.isInRange(ip("10.0.0.0/8"))', 'context has ip && context.ip.isLoopback()', 'context.ip.isIpv6() || context.ip == ip("192.0.2.1")', 'context.risk < 50', 'principal == User::"a"', 'principal is User && [User::"b"].contains(principal)'];
    const focused = fc.record({
      effect: fc.constantFrom('permit', 'forbid'),
      principal: fc.constantFrom('principal == User::"a"', 'principal == User::"c"', 'principal in Role::"r1"', 'principal', 'principal is User'),
      when: fc.option(fc.constantFrom(...IP_CONDITIONS), { nil: undefined, freq: 4 }),
      unless: fc.option(fc.constantFrom(...IP_CONDITIONS), { nil: undefined, freq: 2 }),
    });
    const roles = Object.freeze([Object.freeze({ type: 'Role', id: 'r1' })]);
    const user = (id: string): Entity => Object.freeze({ uid: Object.freeze({ type: 'User', id }), attrs: { tenant: 'x', roles: ['r1'], teams: [], credential: 'c' }, parents: roles });
    const users = ['a', 'b', 'c'].map(user);
    fc.assert(
      fc.property(
        fc.array(focused, { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ user: fc.nat(2), ip: fc.constantFrom('10.1.2.3', '127.0.0.1', '192.0.2.1', '::1', '2001:db8::1', '10.0.0.0/8'), risk: fc.constantFrom(0, 70) }), { minLength: 1, maxLength: 12 }),
        (policyList, requests) => {
          const policies: Record<string, string> = {};
          policyList.forEach((p, n) => {
            policies[`f${n}`] = `@id("f${n}") ${p.effect} (${p.principal}, action == Action::"chat", resource)${p.when ? ` when { ${p.when} }` : ''}${p.unless ? ` unless { ${p.unless} }` : ''};`;
          });
          const result = compilePolicySet(schema, [{ origin: 'focused.cedar', text: Object.values(policies).join('\n') }], { cacheSize: 100 });
          assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
          if (!result.ok) return;
          for (const r of requests) {
            const context = { ...contextOf({ risk: r.risk, country: undefined, ip: r.ip, verified: false, mfaAgeSec: undefined, tools: [] }) };
            const q: AuthorizationQuery = { principal: users[r.user] as Entity, action: 'chat', resource: { uid: { type: 'Model', id: 'm1' }, attrs: { regulated: false }, parents: [] }, context };
            const got = result.set.authorize(q);
            assert.deepEqual({ allowed: got.allowed, reasons: [...got.reasons].sort() }, reference(policies, q), JSON.stringify({ policies, q }));
          }
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
