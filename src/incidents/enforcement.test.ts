import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { monitorSchema } from '../config/monitor.js';
import { createLogger, type Logger } from '../log.js';
import { openSqliteStore } from '../store/sqlite.js';
import { IncidentEngine } from './engine.js';
import type { Principal, StageContext, Verdict } from '../pipeline/types.js';
import { enforcementStage } from '../stages/monitor/enforce.js';
import { EnforcementTable, networkOf, parseCidr, parseEnforcement } from './enforcement.js';
import { redisEnforcement } from './redis-enforcement.js';

const REDIS = process.env['PORTCULLIS_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';

type SharedEnforcement = Awaited<ReturnType<typeof redisEnforcement>>;

/**
 * Two instances' enforcement sharing one Redis under a fresh key prefix; closes them and deletes
 * the prefix's keys afterwards. Skips the test when Redis is unreachable, except under CI.
 */
async function withTwoInstances(t: TestContext, body: (a: SharedEnforcement, b: SharedEnforcement, log: Logger, prefix: string) => Promise<void>): Promise<void> {
  const prefix = `pc-test-${randomBytes(6).toString('hex')}:`;
  const log = createLogger({ level: 'silent' });
  let a: SharedEnforcement;
  try {
    a = await redisEnforcement({ url: REDIS, prefix, log, connectTimeoutMs: 2_000 });
  } catch (err) {
    if (process.env['CI']) throw err;
    t.skip(`Redis at ${REDIS} is not reachable`);
    return;
  }
  const b = await redisEnforcement({ url: REDIS, prefix, log });
  try {
    await body(a, b, log, prefix);
  } finally {
    await a.close();
    await b.close();
    const cleanup = new Redis(REDIS);
    const keys = await cleanup.keys(`${prefix}*`);
    if (keys.length > 0) await cleanup.del(...keys);
    cleanup.disconnect();
  }
}

describe('enforcement table', () => {
  it('blocks single addresses and networks, IPv4-mapped included, until they expire', () => {
    const t = new EnforcementTable();
    t.set({ kind: 'block-ip', subject: '203.0.113.7/32', since: 0, until: 1_000 });
    t.set({ kind: 'block-ip', subject: '198.51.100.0/24', since: 0, until: 2_000 });
    t.set({ kind: 'block-ip', subject: '2001:db8::/32', since: 0, until: 2_000 });
    assert.ok(t.blocked('203.0.113.7', 10));
    assert.ok(t.blocked('::ffff:203.0.113.7', 10));
    assert.equal(t.blocked('203.0.113.8', 10), undefined);
    assert.ok(t.blocked('198.51.100.200', 10));
    assert.equal(t.blocked('198.51.101.1', 10), undefined);
    assert.ok(t.blocked('2001:db8:1::5', 10));
    assert.equal(t.blocked('2001:db9::1', 10), undefined);
    assert.equal(t.blocked('203.0.113.7', 1_000), undefined, 'expired');
    assert.equal(t.blocked('not an ip', 10), undefined);
  });

  it('keeps the later expiry when two incidents hit one subject, and lists live entries', () => {
    const t = new EnforcementTable();
    t.set({ kind: 'quarantine-principal', subject: 'p', since: 10, until: 500 });
    t.set({ kind: 'quarantine-principal', subject: 'p', since: 20, until: 300 });
    assert.equal(t.get('quarantine-principal', 'p', 0)?.until, 500);
    const v = t.version;
    assert.equal(t.delete('quarantine-principal', 'p'), true);
    assert.ok(t.version > v);
    assert.equal(t.delete('quarantine-principal', 'p'), false);
    t.set({ kind: 'throttle', subject: 'a', since: 0, until: 50, perMinute: 3 });
    t.set({ kind: 'reauth', subject: 'b', since: 0, until: 40 });
    assert.deepEqual(t.list(45).map((e) => e.subject), ['a']);
  });

  it('computes networks for block_ip prefixes and validates what it reads back', () => {
    assert.equal(networkOf('203.0.113.77', 24, 128), '203.0.113.0/24');
    assert.equal(networkOf('::ffff:10.1.2.3', 16, 128), '10.1.0.0/16');
    assert.equal(networkOf('2001:db8:aa:bb::1', 32, 48), '2001:db8:aa:0:0:0:0:0/48');
    assert.equal(networkOf('garbage', 24, 64), undefined);
    assert.equal(parseCidr('10.0.0.1')?.text, '10.0.0.1/32');
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseEnforcement('{"kind":"block-ip","subject":"nope","since":1,"until":2}'), undefined);
    assert.equal(parseEnforcement('{"kind":"drop-tables","subject":"x","since":1,"until":2}'), undefined);
    assert.equal(parseEnforcement('not json'), undefined);
    assert.deepEqual(parseEnforcement('{"kind":"throttle","subject":"p","since":1,"until":2,"perMinute":5,"extra":"ignored"}'), { kind: 'throttle', subject: 'p', since: 1, until: 2, perMinute: 5 });
  });
});

describe('enforcement shared through Redis', () => {
  it('a quarantine set on one instance reaches another within a second; lifting reaches it too', async (t) => {
    await withTwoInstances(t, async (a, b, log, prefix) => {
      const now = Date.now();
      const started = performance.now();
      await a.apply({ kind: 'quarantine-principal', subject: 'svc-9', since: now, until: now + 60_000, incidentId: 'inc_x' });
      while (!b.table.get('quarantine-principal', 'svc-9', Date.now()) && performance.now() - started < 1_000) await new Promise((r) => setTimeout(r, 5));
      const took = performance.now() - started;
      assert.ok(b.table.get('quarantine-principal', 'svc-9', Date.now()), `propagated (${took.toFixed(1)} ms)`);
      t.diagnostic(`quarantine propagated to the second instance in ${took.toFixed(1)} ms`);
      // A third instance starting later reads it from the hash.
      const c = await redisEnforcement({ url: REDIS, prefix, log });
      assert.equal(c.table.get('quarantine-principal', 'svc-9', Date.now())?.incidentId, 'inc_x');
      await c.close();
      assert.equal(await b.lift('quarantine-principal', 'svc-9'), true);
      const lifted = performance.now();
      while (a.table.get('quarantine-principal', 'svc-9', Date.now()) && performance.now() - lifted < 1_000) await new Promise((r) => setTimeout(r, 5));
      assert.equal(a.table.get('quarantine-principal', 'svc-9', Date.now()), undefined, 'the lift reached the first instance');
      assert.equal(await a.lift('quarantine-principal', 'svc-9'), false);
    });
  });

  it('two instances throttle a principal to one shared rate, and each falls back to its own bucket without Redis', async (t) => {
    await withTwoInstances(t, async (a, b, log) => {
      const now = Date.now();
      await a.apply({ kind: 'throttle', subject: 'svc-3', since: now, until: now + 60_000, perMinute: 4, incidentId: 'inc_t' });
      const started = performance.now();
      while (!b.table.get('throttle', 'svc-3', now) && performance.now() - started < 1_000) await new Promise((r) => setTimeout(r, 5));
      const principal: Principal = { id: 'svc-3', kind: 'service', tenant: 't', roles: [], authMethod: 'api_key', credentialId: 'k3', models: [] };
      const ctx = { requestId: 'r', api: 'openai', operation: 'chat', sourceIp: '192.0.2.1', headers: {}, principal, context: undefined, signal: new AbortController().signal, log, decisions: [] } satisfies StageContext;
      const stages = [a, b].map((store) => enforcementStage({ table: store.table, now: () => now, ...(store.takeThrottle ? { takeThrottle: store.takeThrottle } : {}) }));
      const verdicts: Verdict[] = [];
      for (let i = 0; i < 10; i++) verdicts.push(await (stages[i % 2]?.onHeaders?.(ctx) as Promise<Verdict>));
      assert.equal(verdicts.filter((v) => v.action === 'pass').length, 4, 'four requests a minute between both instances, not four each');
      const refused = verdicts.find((v) => v.action === 'deny');
      assert.equal(refused?.action === 'deny' && refused.code, 'PC_ERR_THROTTLED');
      assert.deepEqual(refused?.reasons, ['throttle', 'incident:inc_t']);
      assert.equal(refused?.action === 'deny' && refused.retryAfter, 15, 'one request every 15 s');

      // Without Redis an instance still throttles, with its own bucket.
      const down = enforcementStage({ table: b.table, now: () => now, takeThrottle: () => Promise.reject(new Error('redis down')) });
      const alone: Verdict[] = [];
      for (let i = 0; i < 6; i++) alone.push(await down.onHeaders?.(ctx) as Verdict);
      assert.equal(alone.filter((v) => v.action === 'pass').length, 4);
    });
  });

  it('two instances count one signal stream: the rule fires once, on the instance that reaches the count', async (t) => {
    await withTwoInstances(t, async (a, b, log) => {
      const store = openSqliteStore(':memory:');
      try {
        const rules = monitorSchema.parse({ rules: [{ id: 'denials', when: { signal: 'denial_burst', count: 3, windowSec: 60 }, cooldownSec: 300, actions: [{ type: 'throttle', perMinute: 2 }] }] }).rules;
        const clock = Date.now();
        const engines = [a, b].map((enforcement) => new IncidentEngine({ rules, repo: store.incidents, enforcement, log, now: () => clock }));
        const signal = (i: number) => ({ name: 'denial_burst' as const, subjectKind: 'principal' as const, subject: 'svc-5', principalId: 'svc-5', strength: 1, at: clock + i, requestId: `r${i}` });
        // A, B, A: no instance saw three, the fleet did.
        for (let i = 0; i < 3; i++) {
          engines[i % 2]?.onSignal(signal(i));
          await Promise.all(engines.map((e) => e.settled()));
        }
        assert.deepEqual(engines.map((e) => e.opened), [1, 0], 'fired once, on A, which saw the third');
        const [incident] = await store.incidents.list({ limit: 10 });
        assert.equal((JSON.parse(incident?.evidence ?? '{}') as { count?: number }).count, 3, 'the fleet-wide count is recorded');
        // The cooldown is shared: three more on B do not fire again.
        for (let i = 3; i < 6; i++) engines[1]?.onSignal(signal(i));
        await Promise.all(engines.map((e) => e.settled()));
        assert.deepEqual(engines.map((e) => e.opened), [1, 0]);
        // More signals in one turn than one call carries: every subject is still counted once.
        for (let i = 0; i < 600; i++) engines[i % 2]?.onSignal({ ...signal(10), subject: `bulk-${i % 300}`, principalId: `bulk-${i % 300}`, requestId: `bulk${i}` });
        assert.equal(engines[0]?.opened, 1, 'nothing fires before the batch reaches Redis');
        await Promise.all(engines.map((e) => e.settled()));
        assert.equal(engines.reduce((n, e) => n + e.opened, 0), 1 + 0, 'two signals per subject stay under a count of three');
        for (let i = 0; i < 300; i++) engines[i % 2]?.onSignal({ ...signal(11), subject: `bulk-${i}`, principalId: `bulk-${i}`, requestId: `bulk-third-${i}` });
        await Promise.all(engines.map((e) => e.settled()));
        assert.equal(engines.reduce((n, e) => n + e.opened, 0), 1 + 300, 'the third signal fires each subject once');
      } finally {
        await store.close();
      }
    });
  });
});
