import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EnforcementTable } from '../../incidents/enforcement.js';
import { createLogger } from '../../log.js';
import type { Principal, StageContext, Verdict } from '../../pipeline/types.js';
import { enforcementStage, ipBlockStage, issuedAt } from './enforce.js';

const jwt = (payload: object) => `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

function ctx(principal: Principal | undefined, ip = '10.0.0.1', authorization?: string): StageContext {
  return {
    requestId: 'r',
    api: 'openai',
    operation: 'chat',
    sourceIp: '127.0.0.1',
    headers: authorization ? { authorization } : {},
    principal,
    context: { clientIp: ip, risk: 0 },
    signal: new AbortController().signal,
    log: createLogger({ level: 'silent' }),
    decisions: [],
  };
}

const user = (authMethod: Principal['authMethod']): Principal => ({ id: 'p1', kind: 'user', tenant: 't', roles: [], authMethod, credentialId: 'key1', models: [] });

describe('monitor enforcement stages', () => {
  it('denies blocked addresses, quarantined principals and keys with stable codes and Retry-After', () => {
    let now = 1_000;
    const table = new EnforcementTable();
    const stage = enforcementStage({ table, now: () => now });
    const run = (c: StageContext) => stage.onHeaders?.(c) as Verdict;
    assert.equal(run(ctx(user('api_key'))).action, 'pass');
    table.set({ kind: 'block-ip', subject: '10.9.0.0/16', since: 0, until: 61_000, incidentId: 'inc_1' });
    const blocked = run(ctx(undefined, '10.9.3.4'));
    assert.deepEqual(blocked, { action: 'deny', code: 'PC_ERR_IP_BLOCKED', retryAfter: 60, reasons: ['blocked-ip', 'incident:inc_1'] });
    table.set({ kind: 'quarantine-key', subject: 'key1', since: 0, until: 5_000 });
    assert.equal((run(ctx(user('api_key'))) as { code?: string }).code, 'PC_ERR_QUARANTINED');
    now = 5_000;
    assert.equal(run(ctx(user('api_key'))).action, 'pass', 'the quarantine expired on its own');
    const ipStage = ipBlockStage({ table, now: () => now });
    assert.equal(ipStage.phase, 'identity');
    assert.equal((ipStage.onHeaders?.({ ...ctx(undefined), sourceIp: '10.9.9.9' }) as Verdict).action, 'deny');
  });

  it('reauth refuses tokens issued before the incident, accepts newer ones, and leaves API keys alone', () => {
    const now = 100_000_000;
    const table = new EnforcementTable();
    const stage = enforcementStage({ table, now: () => now });
    table.set({ kind: 'reauth', subject: 'p1', since: 90_000_000, until: now + 1_000 });
    const run = (p: Principal, auth?: string) => stage.onHeaders?.(ctx(p, '10.0.0.1', auth)) as Verdict;
    assert.equal((run(user('gateway_jwt'), `Bearer ${jwt({ iat: 80_000 })}`) as { code?: string }).code, 'PC_ERR_REAUTH_REQUIRED');
    assert.equal(run(user('gateway_jwt'), `DPoP ${jwt({ iat: 95_000 })}`).action, 'pass');
    assert.equal((run(user('oidc'), 'Bearer garbage') as { code?: string }).code, 'PC_ERR_REAUTH_REQUIRED', 'unreadable iat: refused');
    assert.equal(run(user('api_key')).action, 'pass');
    assert.equal(issuedAt(`Bearer ${jwt({ iat: 'x' })}`), undefined);
    assert.equal(issuedAt(undefined), undefined);
  });

  it('throttles to the configured rate per minute with Retry-After', () => {
    let now = 0;
    const table = new EnforcementTable();
    const stage = enforcementStage({ table, now: () => now });
    table.set({ kind: 'throttle', subject: 'p1', since: 0, until: 3_600_000, perMinute: 6 });
    const run = () => stage.onHeaders?.(ctx(user('api_key'))) as Verdict & { retryAfter?: number; code?: string };
    const first = Array.from({ length: 8 }, run);
    assert.equal(first.filter((v) => v.action === 'pass').length, 6);
    assert.equal(first[7]?.code, 'PC_ERR_THROTTLED');
    assert.equal(first[7]?.retryAfter, 10);
    now += 10_000;
    assert.equal(run().action, 'pass', 'one request per 10 s is allowed again');
    assert.equal(run().action, 'deny');
  });
});
