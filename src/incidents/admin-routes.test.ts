/**
 * Incident and quarantine routes on the admin listener, in-process with a frozen clock: lifecycle
 * through the API, operator-set and lifted enforcements, step-up for both, and an audit-style
 * event for every operator action.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import { createAdminServer, type AdminServer } from '../admin/server.js';
import { monitorSchema } from '../config/monitor.js';
import { sealingKey } from '../crypto/seal.js';
import { OperatorService } from '../identity/operators.js';
import { createLogger } from '../log.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { memoryEnforcement } from './enforcement.js';
import { IncidentEngine, type IncidentEvent } from './engine.js';

const PASSWORD = 'correct horse battery staple';

describe('admin API: incidents and quarantines', () => {
  const clock = { now: 1_800_000_000_000 };
  let store: Store;
  let admin: AdminServer;
  let base: string;
  let secret: string;
  let engine: IncidentEngine;
  const events: IncidentEvent[] = [];
  const enforcement = memoryEnforcement();

  before(async () => {
    store = openSqliteStore(':memory:');
    const pepper = Buffer.alloc(32, 4);
    const operators = new OperatorService({ store, pepper, sealing: sealingKey(Buffer.alloc(32, 6)), sessionTtlMs: 3_600_000, stepUpWindowMs: 300_000, now: () => clock.now });
    secret = (await operators.create('ops', PASSWORD)).totpSecret;
    const rules = monitorSchema.parse({ rules: [{ id: 'stolen-key', when: { signal: 'new_country' }, actions: [{ type: 'quarantine', durationSec: 600 }] }] }).rules;
    engine = new IncidentEngine({ rules, repo: store.incidents, enforcement, log: createLogger({ level: 'silent' }), now: () => clock.now, onIncidentEvent: (e) => events.push(e) });
    admin = createAdminServer({
      config: { host: '127.0.0.1', port: 0, allowInsecureBind: false, sessionTtlSec: 3600, stepUpWindowSec: 300 },
      store,
      pepper,
      operators,
      log: createLogger({ level: 'silent' }),
      now: () => clock.now,
      incidents: { repo: store.incidents, engine, enforcement, now: () => clock.now },
    });
    base = `http://127.0.0.1:${(await admin.listen()).port}`;
  });
  after(async () => {
    await admin.close();
    await store.close();
  });

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { error?: { code: string } } };
  };

  it('lists, shows, acknowledges and resolves an incident a rule opened; lifts need step-up', async () => {
    engine.onSignal({ name: 'new_country', subjectKind: 'principal', subject: 'svc-7', principalId: 'svc-7', keyId: 'key7', strength: 1, at: clock.now, requestId: 'req-1', ip: '198.51.100.9', features: { new_country: 0.7 } });
    engine.onSignal({ name: 'new_country', subjectKind: 'principal', subject: 'svc-7', principalId: 'svc-7', strength: 1, at: clock.now + 1, requestId: 'req-2' });
    await engine.settled();
    assert.equal(engine.opened, 1, 'the cooldown keeps a second signal from opening a second incident');
    assert.equal((await call('GET', '/admin/v1/incidents')).json.error?.code, 'PC_ERR_UNAUTHENTICATED');

    const signIn = await call('POST', '/admin/v1/session', undefined, { username: 'ops', password: PASSWORD, totp: await generate({ secret, epoch: Math.floor(clock.now / 1000) }) });
    const token = signIn.json.token as string;
    const list = await call('GET', '/admin/v1/incidents?status=open', token);
    const [incident] = list.json.data as { id: string; rule: string; evidence: { signals: { requestId: string; features: object }[] }; actions: { type: string; ok: boolean; detail: string }[] }[];
    assert.equal(incident?.rule, 'stolen-key');
    assert.deepEqual(incident.evidence.signals.map((s) => s.requestId), ['req-1']);
    assert.deepEqual(incident.actions.map((a) => [a.type, a.ok, a.detail]), [['quarantine', true, 'quarantine-principal svc-7']]);
    assert.equal((await call('GET', `/admin/v1/incidents/${incident.id}`, token)).json.status, 'open');
    assert.equal((await call('GET', '/admin/v1/incidents/inc_00000000-0000-0000-0000-000000000000', token)).status, 404);
    assert.equal((await call('GET', '/admin/v1/incidents?status=bogus', token)).status, 400);

    assert.equal((await call('POST', `/admin/v1/incidents/${incident.id}/ack`, token)).json.status, 'acknowledged');
    assert.equal((await call('POST', `/admin/v1/incidents/${incident.id}/ack`, token)).status, 400, 'acknowledged once');
    const resolved = await call('POST', `/admin/v1/incidents/${incident.id}/resolve`, token);
    assert.deepEqual([resolved.json.status, resolved.json.resolved_by], ['resolved', 'ops']);

    const live = (await call('GET', '/admin/v1/quarantines', token)).json.data as { kind: string; subject: string; incident_id: string }[];
    assert.deepEqual(live.map((q) => [q.kind, q.subject, q.incident_id]), [['quarantine-principal', 'svc-7', incident.id]]);

    clock.now += 300_001;
    const stale = await call('POST', '/admin/v1/quarantines/lift', token, { kind: 'quarantine-principal', subject: 'svc-7' });
    assert.deepEqual([stale.status, stale.json.error?.code], [403, 'PC_ERR_MFA_REQUIRED'], 'lifting needs a recent TOTP');
    const stepped = await call('POST', '/admin/v1/session/step-up', token, { totp: await generate({ secret, epoch: Math.floor(clock.now / 1000) }) });
    assert.equal(stepped.status, 200);
    assert.equal((await call('POST', '/admin/v1/quarantines/lift', token, { kind: 'quarantine-principal', subject: 'svc-7' })).status, 204);
    assert.equal((await call('POST', '/admin/v1/quarantines/lift', token, { kind: 'quarantine-principal', subject: 'svc-7' })).status, 404);
    assert.equal(enforcement.table.get('quarantine-principal', 'svc-7', clock.now), undefined);

    const set = await call('POST', '/admin/v1/quarantines', token, { kind: 'block-ip', subject: '203.0.113.0/24', duration_sec: 60 });
    assert.deepEqual([set.status, set.json.subject], [201, '203.0.113.0/24']);
    assert.ok(enforcement.table.blocked('203.0.113.99', clock.now));
    assert.equal((await call('POST', '/admin/v1/quarantines', token, { kind: 'block-ip', subject: 'nonsense', duration_sec: 60 })).status, 400);
    assert.equal((await call('POST', '/admin/v1/quarantines', token, { kind: 'throttle', subject: 'p', duration_sec: 60 })).status, 400, 'a throttle needs per_minute');

    assert.deepEqual(
      events.map((e) => [e.type, e.by ?? null]),
      [['opened', null], ['acknowledged', 'ops'], ['resolved', 'ops'], ['lifted', 'ops'], ['enforced', 'ops']],
    );
  });
});
