import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import { open, sealingKey } from '../crypto/seal.js';
import { openSqliteStore } from '../store/sqlite.js';
import { AttemptLimiter, OperatorService, sessionTokenHash } from './operators.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { verifyTotp } from './totp.js';

const T0 = 1_800_000_000_000;
const PASSWORD = 'correct horse battery staple';
const sealing = sealingKey(Buffer.alloc(32, 3));

async function setup() {
  const clock = { now: T0 };
  const store = openSqliteStore(':memory:');
  const service = new OperatorService({ store, pepper: Buffer.alloc(32, 9), sealing, sessionTtlMs: 900_000, stepUpWindowMs: 300_000, now: () => clock.now });
  const enrolment = await service.create('ops', PASSWORD);
  const code = (offsetSec = 0) => generate({ secret: enrolment.totpSecret, epoch: Math.floor(clock.now / 1000) + offsetSec });
  return { clock, store, service, enrolment, code };
}

describe('operators', () => {
  it('scrypt: verifies the right password only, in constant-time comparison, with parameters in the hash', async () => {
    const hash = await hashPassword('a long password here', { N: 1024, r: 8, p: 1 });
    assert.match(hash, /^scrypt\$1024\$8\$1\$/);
    assert.equal(await verifyPassword('a long password here', hash), true);
    assert.equal(await verifyPassword('a long password herE', hash), false);
    assert.equal(await verifyPassword('x', 'garbage'), false);
    assert.equal(await verifyPassword('x', 'scrypt$99999999$8$1$AA$AA'), false, 'absurd parameters are refused, not run');
  });

  it('TOTP (RFC 6238): accepts ±1 step, never the same step twice', async () => {
    const { enrolment } = await setup();
    const secret = enrolment.totpSecret;
    const now = T0;
    const code = await generate({ secret, epoch: now / 1000 });
    const step = await verifyTotp(secret, code, now, 0);
    assert.equal(step, Math.floor(now / 30_000));
    assert.equal(await verifyTotp(secret, code, now, step), undefined, 'replayed');
    assert.equal(await verifyTotp(secret, await generate({ secret, epoch: now / 1000 + 30 }), now, step), (step) + 1);
    assert.equal(await verifyTotp(secret, await generate({ secret, epoch: now / 1000 + 90 }), now, 0), undefined, 'too far ahead');
    assert.equal(await verifyTotp(secret, 'abcdef', now, 0), undefined);
  });

  it('enrolment: otpauth URI, ten recovery codes, secret sealed and codes hashed at rest', async () => {
    const { store, enrolment } = await setup();
    assert.match(enrolment.otpauthUri, /^otpauth:\/\/totp\/Portcullis:ops\?/);
    assert.equal(enrolment.recoveryCodes.length, 10);
    const stored = await store.operators.getByName('ops');
    assert.ok(stored && !stored.sealedTotpSecret.includes(enrolment.totpSecret));
    assert.equal(open(sealing, stored.sealedTotpSecret, `operator-totp:${stored.id}`), enrolment.totpSecret);
    assert.ok(!JSON.stringify(stored).includes(enrolment.recoveryCodes[0] as string));
    await assert.rejects(Promise.resolve().then(async () => (await setup()).service.create('Bad Name', PASSWORD)), TypeError);
  });

  it('sign-in: password + TOTP gives a session stored only as a hash; the code cannot be reused', async () => {
    const { store, service, code } = await setup();
    const c = await code();
    const ok = await service.signIn({ username: 'ops', password: PASSWORD, code: c, sourceIp: '10.0.0.1' });
    assert.ok(ok.ok);
    assert.ok(await store.adminSessions.get(sessionTokenHash(ok.token)));
    const live = await service.session(ok.token);
    assert.ok(live && service.steppedUp(live.session));
    const again = await service.signIn({ username: 'ops', password: PASSWORD, code: c, sourceIp: '10.0.0.1' });
    assert.deepEqual(again, { ok: false, code: 'PC_ERR_UNAUTHENTICATED', reason: 'bad-second-factor' });
  });

  it('same answer for unknown user, wrong password, wrong TOTP; backoff then lockout per user name', async () => {
    const { service, clock, code } = await setup();
    const attempt = (username: string, password: string, c: string, sourceIp = '10.0.0.2') => service.signIn({ username, password, code: c, sourceIp });
    const results = [await attempt('ghost', PASSWORD, '123456'), await attempt('ops', 'wrong password', await code()), await attempt('ops', PASSWORD, '000000', '10.0.0.3')];
    assert.deepEqual(results.map((r) => !r.ok && r.code), ['PC_ERR_UNAUTHENTICATED', 'PC_ERR_UNAUTHENTICATED', 'PC_ERR_UNAUTHENTICATED']);
    // ops has 2 failures; a third locks for 1 s, a fourth (after waiting) for 2 s.
    assert.equal((await attempt('ops', 'wrong', '1')).ok, false);
    const locked = await attempt('ops', PASSWORD, await code());
    assert.deepEqual(locked, { ok: false, code: 'PC_ERR_LOCKED_OUT', retryAfterSec: 1, reason: 'locked' });
    clock.now += 1_000;
    assert.equal((await attempt('ops', 'wrong', '1')).ok, false);
    const locked2 = await attempt('ops', PASSWORD, await code());
    assert.ok(!locked2.ok && locked2.code === 'PC_ERR_LOCKED_OUT' && locked2.retryAfterSec === 2);
    clock.now += 2_000;
    assert.ok((await attempt('ops', PASSWORD, await code())).ok, 'correct credentials after the wait');
  });

  it('unknown users are locked out exactly like real ones', async () => {
    const { service } = await setup();
    const answers = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await service.signIn({ username, password: 'nope nope nope', code: '000000', sourceIp: `10.1.0.${username.length}` });
        out.push(r.ok ? 'ok' : `${r.code}:${r.retryAfterSec ?? ''}`);
      }
      return out;
    };
    assert.deepEqual(await answers('ghost'), await answers('ops'));
  });

  it('per-source limit: many names from one address are throttled too', async () => {
    const { service } = await setup();
    for (let i = 0; i < 10; i++) await service.signIn({ username: `user${i}`, password: 'x', code: '0', sourceIp: '192.0.2.1' });
    const r = await service.signIn({ username: 'ops', password: PASSWORD, code: '0', sourceIp: '192.0.2.1' });
    assert.ok(!r.ok && r.code === 'PC_ERR_LOCKED_OUT');
  });

  it('recovery codes work once and need a TOTP step-up for sensitive actions', async () => {
    const { service, enrolment, clock, code } = await setup();
    const rc = enrolment.recoveryCodes[0] as string;
    const ok = await service.signIn({ username: 'ops', password: PASSWORD, code: rc, sourceIp: '10.0.0.9' });
    assert.ok(ok.ok);
    assert.equal((await service.signIn({ username: 'ops', password: PASSWORD, code: rc, sourceIp: '10.0.0.9' })).ok, false, 'used up');
    const live = await service.session(ok.token);
    assert.ok(live && !service.steppedUp(live.session));
    assert.equal((await service.stepUp(live.session, live.operator, enrolment.recoveryCodes[1] as string, '10.0.0.9')).ok, false, 'step-up is TOTP only');
    assert.equal((await service.stepUp(live.session, live.operator, await code(), '10.0.0.9')).ok, true);
    const after = await service.session(ok.token);
    assert.ok(after && service.steppedUp(after.session));
    clock.now += 300_001;
    const later = await service.session(ok.token);
    assert.ok(later && !service.steppedUp(later.session), 'the step-up window passes');
    clock.now += 600_000;
    assert.equal(await service.session(ok.token), undefined, 'the session expires');
  });

  it('disabled operators cannot sign in and lose their sessions; MFA reset ends sessions', async () => {
    const { store, service, clock, code } = await setup();
    const ok = await service.signIn({ username: 'ops', password: PASSWORD, code: await code(), sourceIp: '10.0.0.5' });
    assert.ok(ok.ok);
    const reset = await service.resetMfa('ops');
    assert.ok(reset);
    assert.equal(await service.session(ok.token), undefined);
    const op = (await store.operators.getByName('ops'))!;
    await store.operators.setDisabled(op.id, clock.now);
    clock.now += 30_000;
    const r = await service.signIn({ username: 'ops', password: PASSWORD, code: await generate({ secret: reset.totpSecret, epoch: clock.now / 1000 }), sourceIp: '10.0.0.5' });
    assert.deepEqual(r, { ok: false, code: 'PC_ERR_UNAUTHENTICATED', reason: 'disabled' });
  });

  it('setDisabled ends the sessions at once; enabling lets the operator sign in again', async () => {
    const { service, clock, code } = await setup();
    const ok = await service.signIn({ username: 'ops', password: PASSWORD, code: await code(), sourceIp: '10.0.0.5' });
    assert.ok(ok.ok);
    assert.equal((await service.setDisabled('ops', true))?.disabledAt, clock.now);
    assert.equal(await service.session(ok.token), undefined);
    assert.equal(await service.setDisabled('ghost', true), undefined);
    assert.equal((await service.setDisabled('ops', false))?.disabledAt, null);
    clock.now += 30_000;
    assert.ok((await service.signIn({ username: 'ops', password: PASSWORD, code: await code(), sourceIp: '10.0.0.5' })).ok);
  });

  it('the limiter bounds its memory', () => {
    const limiter = new AttemptLimiter({ freeAttempts: 1, baseMs: 1000, maxMs: 10_000, maxEntries: 3 });
    for (let i = 0; i < 10; i++) limiter.fail(`k${i}`, 0);
    assert.equal(limiter.retryAfter('k0', 0), 0, 'oldest evicted');
    assert.ok(limiter.retryAfter('k9', 0) > 0);
  });
});
