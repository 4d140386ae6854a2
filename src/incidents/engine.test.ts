import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEntry } from '../audit/chain.js';
import { adminEntry } from '../audit/admin-record.js';
import { monitorSchema } from '../config/monitor.js';
import { createLogger } from '../log.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { IncidentRepo } from '../store/types.js';
import { auditIncidentEvents } from './audit.js';
import { memoryEnforcement } from './enforcement.js';
import { IncidentEngine, type IncidentEvent } from './engine.js';

const log = createLogger({ level: 'silent' });
const rules = (r: unknown[]) => monitorSchema.parse({ rules: r }).rules;

describe('incident engine', () => {
  it('counts signals per subject within the window, honours min strength and the cooldown', async () => {
    const store = openSqliteStore(':memory:');
    const enforcement = memoryEnforcement();
    let clock = 0;
    const engine = new IncidentEngine({ rules: rules([{ id: 'burst', when: { signal: 'denial_burst', min: 0.5, count: 3, windowSec: 60 }, cooldownSec: 300, actions: [{ type: 'throttle', perMinute: 2 }] }]), repo: store.incidents, enforcement, log, now: () => clock });
    const sig = (subject: string, at: number, strength = 1): void => {
      clock = at;
      engine.onSignal({ name: 'denial_burst', subjectKind: 'principal', subject, principalId: subject, strength, at, requestId: `r${at}` });
    };
    sig('a', 0);
    sig('a', 10_000, 0.4);
    sig('b', 20_000);
    sig('a', 70_000);
    sig('a', 80_000);
    await engine.settled();
    assert.equal(engine.opened, 0, 'weak signals, other subjects and signals outside the window do not add up');
    sig('a', 90_000);
    await engine.settled();
    assert.equal(engine.opened, 1);
    for (let t = 100_000; t < 300_000; t += 10_000) sig('a', t);
    await engine.settled();
    assert.equal(engine.opened, 1, 'cooldown');
    sig('a', 400_000);
    sig('a', 401_000);
    sig('a', 402_000);
    await engine.settled();
    assert.equal(engine.opened, 2, 'after the cooldown the rule can fire again');
    const [latest] = await store.incidents.list({ limit: 1 });
    const evidence = JSON.parse(latest?.evidence ?? '{}') as { count: number; signals: { requestId: string }[] };
    assert.deepEqual(evidence.signals.map((s) => s.requestId), ['r400000', 'r401000', 'r402000']);
    assert.equal(enforcement.table.get('throttle', 'a', clock)?.perMinute, 2);
    await store.close();
  });

  it('acts even when the store is down, and records failed actions', async () => {
    const down: IncidentRepo = {
      insert: () => Promise.reject(new Error('down')),
      get: () => Promise.reject(new Error('down')),
      list: () => Promise.reject(new Error('down')),
      acknowledge: () => Promise.reject(new Error('down')),
      resolve: () => Promise.reject(new Error('down')),
      setActions: () => Promise.reject(new Error('down')),
    };
    const enforcement = memoryEnforcement();
    const events: IncidentEvent[] = [];
    const engine = new IncidentEngine({
      rules: rules([{ id: 'stuffing', when: { signal: 'auth_failures' }, actions: [{ type: 'block_ip', prefixV4: 24 }, { type: 'notify', url: 'http://127.0.0.1:1/hook', secret: '0123456789abcdef' }] }]),
      repo: down,
      enforcement,
      log,
      now: () => 0,
      onIncidentEvent: (e) => events.push(e),
    });
    engine.onSignal({ name: 'auth_failures', subjectKind: 'source', subject: '203.0.113.50', ip: '203.0.113.50', strength: 1, at: 0 });
    await engine.settled();
    assert.ok(enforcement.table.blocked('203.0.113.1', 1), 'the /24 is blocked although the incident could not be stored');
    assert.deepEqual(events[0]?.actions?.map((a) => [a.type, a.ok]), [['block_ip', true], ['notify', false]], 'no notifier configured: recorded as failed');
  });

  it('incident events go to the audit trail as admin-action records', async () => {
    const written: AuditEntry[] = [];
    const record = auditIncidentEvents(async (action) => void written.push(adminEntry(action)), log);
    record({ type: 'lifted', at: 1234, by: 'ops', enforcement: { kind: 'block-ip', subject: '203.0.113.0/24' } });
    record({ type: 'opened', at: 1300, incidentId: 'inc_1', rule: 'stuffing', subject: '203.0.113.50', actions: [{ type: 'block_ip', ok: true, detail: 'block-ip 203.0.113.0/24' }] });
    await new Promise((r) => setImmediate(r));
    assert.equal(written.length, 2);
    assert.deepEqual([written[0]?.principal, written[0]?.ts, written[0]?.status, written[0]?.route], ['operator:ops', 1234, 200, null]);
    const lifted = JSON.parse(written[0]?.body ?? '{}') as Record<string, unknown>;
    assert.deepEqual([lifted['kind'], lifted['action'], lifted['actor'], lifted['target']], ['admin', 'incident.lift', { kind: 'operator', id: null, name: 'ops' }, { kind: 'block-ip', id: '203.0.113.0/24' }]);
    assert.deepEqual(lifted['details'], { enforcement_kind: 'block-ip', enforcement_subject: '203.0.113.0/24' });
    assert.equal(written[1]?.principal, null, 'automated: the system acts, no principal');
    const opened = JSON.parse(written[1]?.body ?? '{}') as Record<string, unknown>;
    assert.deepEqual([opened['action'], opened['target'], opened['details']], [
      'incident.open',
      { kind: 'incident', id: 'inc_1' },
      { rule: 'stuffing', subject: '203.0.113.50', actions: ['block_ip:ok'], action_details: ['block-ip 203.0.113.0/24'] },
    ]);
  });

  it('rejects rules whose actions cannot act on the signal subject', () => {
    const bad = monitorSchema.safeParse({ rules: [{ id: 'x', when: { signal: 'drift' }, actions: [{ type: 'quarantine' }] }] });
    assert.equal(bad.success, false);
    assert.match(JSON.stringify(bad.error?.issues), /quarantine cannot act on a route signal/);
    const dup = monitorSchema.safeParse({ rules: [{ id: 'x', when: { signal: 'anomaly' }, actions: [{ type: 'throttle' }] }, { id: 'x', when: { signal: 'anomaly' }, actions: [{ type: 'throttle' }] }] });
    assert.equal(dup.success, false);
  });
});
