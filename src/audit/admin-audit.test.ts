import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import Database from 'better-sqlite3';
import { createAdminServer, type AdminServer } from '../admin/server.js';
import type { ChatRequest } from '../canonical/types.js';
import { configSchema } from '../config/schema.js';
import { Keyring } from '../crypto/keyring.js';
import { sealingKey } from '../crypto/seal.js';
import { OperatorService } from '../identity/operators.js';
import { createLogger } from '../log.js';
import type { RequestSummary } from '../server/completion.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import { adminEntry } from './admin-record.js';
import type { AuditRow } from './chain.js';
import { loadSigningKeys } from './signing.js';
import { openAuditTrail, type AuditTrail } from './trail.js';
import { verifyAudit } from './verify.js';

const PASSWORD = 'correct horse battery staple';
const PROMPT = 'the launch code is 0000-SECRET';

describe('admin actions in the audit trail, and decrypt_payload', () => {
  const clock = { now: Date.now() };
  const masterKey = Buffer.alloc(32, 9);
  const pepper = Buffer.alloc(32, 4);
  let dir: string;
  let store: Store;
  let trail: AuditTrail;
  let admin: AdminServer;
  let base: string;
  let secret: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pc-admin-audit-'));
    store = openSqliteStore(join(dir, 'state.db'));
    const config = configSchema.parse({
      dataDir: dir,
      audit: { payloads: 'encrypted' },
      routes: [{ model: 'chat', targets: [{ provider: 'openai', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' }] }],
    });
    const log = createLogger({ level: 'silent' });
    trail = await openAuditTrail({ config, store, secrets: { pepper, masterKey, keyring: new Keyring(masterKey), masterKeySource: 'config' }, log, baseDir: dir, currentConfig: () => config });
    const operators = new OperatorService({ store, pepper, sealing: sealingKey(masterKey), sessionTtlMs: 900_000, stepUpWindowMs: 300_000, now: () => clock.now });
    secret = (await operators.create('ops', PASSWORD)).totpSecret;
    admin = createAdminServer({
      config: { host: '127.0.0.1', port: 0, allowInsecureBind: false, sessionTtlSec: 900, stepUpWindowSec: 300 },
      store,
      pepper,
      operators,
      log,
      now: () => clock.now,
      audit: trail.admin,
    });
    base = `http://127.0.0.1:${(await admin.listen()).port}`;
  });
  after(async () => {
    await admin.close();
    await trail.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const totp = () => generate({ secret, epoch: Math.floor(clock.now / 1000) });
  // Read-your-writes in process: records are acknowledged once journaled, the store follows.
  const rows = async (): Promise<AuditRow[]> => {
    await trail.log.sync();
    return [...(await store.audit.page(0, 10_000))];
  };
  const admins = async () => (await rows()).map((r) => JSON.parse(r.body as string) as { kind: string; action?: string; outcome: string; reasons: string[]; actor: { name: string | null }; target: { id: string } | null; details: Record<string, unknown> }).filter((b) => b.kind === 'admin');

  it('records failed and successful sign-ins, admin actions and audit reads, without secrets, in a chain that verifies', async () => {
    assert.equal((await call('POST', '/admin/v1/session', undefined, { username: 'ops', password: 'wrong password!!', totp: await totp() })).status, 401);
    assert.equal((await call('POST', '/admin/v1/session', undefined, { username: 'Hunter2 Password!', password: PASSWORD, totp: '123456' })).status, 401);
    const signIn = await call('POST', '/admin/v1/session', undefined, { username: 'ops', password: PASSWORD, totp: await totp() });
    assert.equal(signIn.status, 200);
    const { token } = (await signIn.json()) as { token: string };
    const created = await call('POST', '/admin/v1/keys', token, { name: 'k', operations: ['chat'] });
    assert.equal(created.status, 201);
    const { id, key } = (await created.json()) as { id: string; key: string };
    assert.equal((await call('DELETE', `/admin/v1/keys/${id}`, token)).status, 204);
    assert.equal((await call('GET', '/admin/v1/audit?principal=svc-1&limit=5', token)).status, 200);
    assert.equal((await call('GET', '/admin/v1/keys', 'pcs_not-a-session')).status, 401);
    await trail.recordAdminAction({ action: 'incident.open', actor: { kind: 'system' }, outcome: 'allow', target: { kind: 'incident', id: 'inc-1' }, details: { severity: 'high' } });
    await assert.rejects(trail.recordAdminAction({ action: 'Not A Name', actor: { kind: 'system' }, outcome: 'allow' }), TypeError);

    const recorded = await admins();
    const actions = recorded.map((b) => `${b.action}:${b.outcome}`);
    assert.deepEqual(actions, ['operator.sign_in:deny', 'operator.sign_in:deny', 'operator.sign_in:allow', 'key.create:allow', 'key.revoke:allow', 'audit.read:allow', 'key.list:deny', 'incident.open:allow']);
    assert.deepEqual(recorded[0]?.reasons, ['bad-password']);
    assert.equal(recorded[0]?.details.username, 'ops');
    assert.equal(recorded[1]?.details.username, null, 'a user field that is not a name (maybe a password) is not recorded');
    assert.equal(recorded[2]?.actor.name, 'ops');
    assert.equal(recorded[3]?.target?.id, id);
    assert.equal(recorded[5]?.details.filter_principal, 'svc-1');
    const all = (await rows()).map((r) => r.body).join('\n');
    for (const s of [PASSWORD, 'wrong password', 'Hunter2', token, key]) assert.ok(!all.includes(s), 'no secret in any record');
    const principals = (await rows()).map((r) => r.principal);
    assert.ok(principals.includes('operator:ops') && principals.includes(null));

    await trail.log.flush();
    const keys = new Map([...(await loadSigningKeys(store.secrets, sealingKey(masterKey)))].map(([k, v]) => [k, v.publicKey]));
    const report = await verifyAudit(store.audit, { keys });
    assert.ok(report.ok, JSON.stringify(report.problem));
  });

  it('decrypt_payload needs a step-up, is recorded before the plaintext leaves, and refuses an edited record', async () => {
    const request: ChatRequest = { kind: 'chat', model: 'chat', messages: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }], stream: false, includeUsage: false };
    const summary: RequestSummary = {
      requestId: 'req-encrypted', startedAt: clock.now, method: 'POST', path: '/v1/chat/completions', api: 'openai', operation: 'chat', sourceIp: '127.0.0.1',
      principal: undefined, model: 'chat', decisions: [], status: 200, code: undefined, latencyMs: 1, request, response: undefined, chunks: undefined,
    };
    await trail.hook(summary);
    const stored = (await rows()).find((r) => r.requestId === 'req-encrypted') as AuditRow;
    assert.ok(!(stored.body as string).includes('SECRET'), 'the stored payload is sealed');
    await trail.recordAdminAction({ action: 'test.hash_mode', actor: { kind: 'system' }, outcome: 'allow', requestId: 'admin-no-payload' });
    const noPayload = (await rows()).find((r) => r.requestId === 'admin-no-payload') as AuditRow;

    clock.now += 400_000; // past any earlier step-up and onto a fresh TOTP step
    const signIn = await call('POST', '/admin/v1/session', undefined, { username: 'ops', password: PASSWORD, totp: await totp() });
    const { token } = (await signIn.json()) as { token: string };
    clock.now += 301_000; // the sign-in's TOTP proof is now outside the step-up window
    const refused = await call('GET', `/admin/v1/audit/${stored.seq}/payload`, token);
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'PC_ERR_MFA_REQUIRED');
    assert.equal((await call('POST', '/admin/v1/session/step-up', token, { totp: await totp() })).status, 200);

    const before = (await admins()).length;
    const opened = await call('GET', `/admin/v1/audit/${stored.seq}/payload`, token);
    assert.equal(opened.status, 200);
    const body = (await opened.json()) as { request_id: string; payload: { request: ChatRequest } };
    assert.equal(body.request_id, 'req-encrypted');
    assert.equal((body.payload.request.messages[0]?.content as unknown as { text: string }[])[0]?.text, PROMPT);
    const after = await admins();
    assert.equal(after.length, before + 1, 'exactly one record for the decryption');
    assert.equal(after.at(-1)?.action, 'audit.decrypt_payload');
    assert.equal(after.at(-1)?.target?.id, String(stored.seq));
    assert.equal(after.at(-1)?.details.record_request_id, 'req-encrypted');

    assert.equal((await call('GET', `/admin/v1/audit/${noPayload.seq}/payload`, token)).status, 404);
    assert.equal((await call('GET', '/admin/v1/audit/999999/payload', token)).status, 404);

    // An attacker who edits the row (here: its sealed payload swapped for another's) gets nothing decrypted.
    const db = new Database(join(dir, 'state.db'));
    try {
      db.prepare('UPDATE audit_log SET body = ? WHERE seq = ?').run((stored.body as string).replace('"mode":"encrypted"', '"mode":"encrypted" '), stored.seq);
    } finally {
      db.close();
    }
    const tampered = await call('GET', `/admin/v1/audit/${stored.seq}/payload`, token);
    assert.equal(tampered.status, 409);
    // A refusal is answered without waiting for its record; the record follows.
    const until = Date.now() + 5_000;
    const refusal = async () => (await admins()).find((b) => b.reasons.includes('record-hash-mismatch'));
    while (!(await refusal()) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const last = await refusal();
    assert.equal(`${last?.action}:${last?.outcome}`, 'audit.decrypt_payload:deny');
    assert.deepEqual(last?.reasons, ['record-hash-mismatch']);
  });

  it('an admin entry fits the unchanged chain header', () => {
    const e = adminEntry({ action: 'operator.sign_in', actor: { kind: 'operator', id: 'op1', name: 'ops' }, outcome: 'deny', status: 401, code: 'PC_ERR_UNAUTHENTICATED' }, 1_000);
    assert.equal(e.route, null);
    assert.equal(e.principal, 'operator:ops');
    assert.equal(e.status, 401);
    assert.match(e.body, /^\{"action":"operator.sign_in","actor":\{"id":"op1","kind":"operator","name":"ops"\},"code":"PC_ERR_UNAUTHENTICATED"/);
  });
});
