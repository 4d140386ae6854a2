/** Rule compilation and the arithmetic behind Retry-After and x-ratelimit-* (plan.ts), plus config validation. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { limitsSchema } from '../config/limits.js';
import { configSchema } from '../config/schema.js';
import { limitsIssues } from './assemble.js';
import { compileLimits, formatReset, periodsOf, ruleBase, rulesFor, unpricedModels, windowRetryMs } from './plan.js';
import type { Principal } from '../pipeline/types.js';

const alice: Principal = { id: 'mtls:URI:spiffe://x/a', kind: 'service', tenant: 'team-a', roles: ['batch'], authMethod: 'mtls', credentialId: 'c', models: [] };

describe('limits config', () => {
  it('is off by default', () => {
    const limits = configSchema.parse({}).limits;
    assert.deepEqual(limits.rules, []);
    assert.equal(limits.failOpen, false);
    assert.equal(limits.keyPrefix, 'pc:limits:');
  });

  it('refuses rules without limits, duplicate names and repeated dimensions', () => {
    assert.equal(limitsSchema.safeParse({ rules: [{ name: 'empty' }] }).success, false);
    assert.equal(limitsSchema.safeParse({ rules: [{ name: 'a', concurrent: 1 }, { name: 'a', concurrent: 2 }] }).success, false);
    assert.equal(limitsSchema.safeParse({ rules: [{ name: 'a', per: ['model', 'model'], concurrent: 1 }] }).success, false);
    assert.equal(limitsSchema.safeParse({ rules: [{ name: 'has space', concurrent: 1 }] }).success, false);
  });

  it('names every route a spend rule applies to that has no price', () => {
    const config = configSchema.parse({
      routes: [
        { model: 'priced', targets: [{ provider: 'openai', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' }] },
        { model: 'free', targets: [{ provider: 'openai', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' }] },
      ],
      limits: { rules: [{ name: 'budget', spendPerDay: 5 }], prices: { priced: { input: 1, output: 2 } } },
    });
    assert.deepEqual(limitsIssues(config).map((i) => i.path), ['limits.prices']);
    assert.match(limitsIssues(config)[0]?.message ?? '', /"free"/);
    const star = compileLimits(limitsSchema.parse({ rules: [{ name: 'budget', spendPerDay: 5 }], prices: { '*': { input: 1, output: 2 } } }));
    assert.deepEqual(unpricedModels(star, ['free']), []);
  });
});

describe('limits plan', () => {
  it('matches rules on every listed condition and builds keys per dimension', () => {
    const limits = compileLimits(
      limitsSchema.parse({
        rules: [
          { name: 'batch', match: { roles: ['batch'], models: ['gpt'] }, per: ['tenant', 'model'], concurrent: 2 },
          { name: 'other-team', match: { tenants: ['team-b'] }, concurrent: 1 },
          { name: 'per-ip', per: ['source'], requests: { limit: 10 } },
          { name: 'global', per: [], requests: { limit: 1000 } },
        ],
      }),
    );
    const facts = { principal: alice, model: 'gpt', source: '203.0.113.9' };
    const rules = rulesFor(limits, facts);
    assert.deepEqual(rules.map((r) => r.name), ['batch', 'per-ip', 'global']);
    assert.deepEqual(rules.map((r) => ruleBase(limits, r, facts)), ['pc:limits:batch:team-a|gpt', 'pc:limits:per-ip:203.0.113.9', 'pc:limits:global:*']);
    // Characters outside the plain set are escaped, so a value cannot forge another subject.
    const perPrincipal = compileLimits(limitsSchema.parse({ rules: [{ name: 'p', concurrent: 1 }] }));
    assert.equal(ruleBase(perPrincipal, perPrincipal.rules[0] as never, facts), 'pc:limits:p:mtls%3AURI%3Aspiffe%3A%2F%2Fx%2Fa');
  });

  it('computes when a refused window op fits again', () => {
    // Previous window full (10), current empty, limit 10: a quarter in, 7.5 still count; room for 1
    // more comes when prev × (1 − f) ≤ 9, i.e. at f = 0.1 — already passed, so at once.
    assert.equal(windowRetryMs(10, 1, 0, 10, 60_000, 15_000), 0);
    // Current window holds 10 of 10: wait for the next window, then until 10 × (1 − f) ≤ 9 (f = 0.1).
    assert.equal(windowRetryMs(10, 1, 10, 0, 60_000, 15_000), 45_000 + 6_000);
    // A cost larger than the limit never fits; say one window.
    assert.equal(windowRetryMs(10, 11, 0, 0, 60_000, 0), 60_000);
  });

  it('formats resets like OpenAI and knows UTC periods', () => {
    assert.deepEqual([formatReset(20), formatReset(1500), formatReset(60_000), formatReset(3_723_000)], ['20ms', '1.5s', '1m0s', '1h2m3s']);
    const p = periodsOf(Date.UTC(2026, 11, 31, 23, 59, 0));
    assert.deepEqual([p.day, p.month], ['20261231', '202612']);
    assert.equal(p.dayEnds, Date.UTC(2027, 0, 1));
    assert.equal(p.monthEnds, Date.UTC(2027, 0, 1));
  });
});
