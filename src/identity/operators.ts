/**
 * Operators: the people who administer the gateway. Password (scrypt) plus mandatory TOTP
 * (RFC 6238) or a one-time recovery code; sign-in gives a short-lived admin session whose bearer
 * token is stored only as a SHA-256; sensitive actions need a TOTP proof within the step-up
 * window. Failed sign-ins back off exponentially per user name and per source address, for
 * unknown names exactly as for real ones, and an unknown name costs the same scrypt work as a
 * wrong password, so neither the answer nor its timing tells whether an operator exists.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { open, seal, type SealingKey } from '../crypto/seal.js';
import type { AdminSessionRecord, OperatorRecord, Store } from '../store/types.js';
import { checkPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { hashRecoveryCode, isRecoveryCodeShape, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from './totp.js';

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export function checkOperatorName(name: string): string {
  if (!NAME.test(name)) throw new TypeError('an operator name is 1-64 lower-case letters, digits, . _ -, starting with a letter or digit');
  return name;
}

/** Backoff state per key (user name, source address). In-process for now; Redis later. */
export class AttemptLimiter {
  private readonly entries = new Map<string, { failures: number; lockedUntil: number; lastAt: number }>();

  constructor(
    private readonly options: {
      readonly freeAttempts: number;
      readonly baseMs: number;
      readonly maxMs: number;
      readonly maxEntries?: number;
      /** A key whose last failure is older than this starts again from zero. */
      readonly windowMs?: number;
    } = { freeAttempts: 3, baseMs: 1_000, maxMs: 15 * 60_000 },
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string, now: number): number {
    const e = this.entries.get(key);
    return e && e.lockedUntil > now ? e.lockedUntil - now : 0;
  }

  /** After `freeAttempts` failures, each further one doubles the wait, up to `maxMs`. */
  fail(key: string, now: number): void {
    const e = this.entries.get(key) ?? { failures: 0, lockedUntil: 0, lastAt: now };
    if (this.options.windowMs !== undefined && now - e.lastAt > this.options.windowMs) e.failures = 0;
    e.failures += 1;
    e.lastAt = now;
    const over = e.failures - this.options.freeAttempts;
    if (over >= 0) e.lockedUntil = now + Math.min(this.options.baseMs * 2 ** Math.min(over, 30), this.options.maxMs);
    this.entries.delete(key);
    this.entries.set(key, e);
    const max = this.options.maxEntries ?? 10_000;
    // Oldest first (Map order); an entry idle past the longest lock has nothing left to enforce.
    for (const [k, v] of this.entries) {
      if (this.entries.size <= max && now - v.lastAt < this.options.maxMs * 4) break;
      this.entries.delete(k);
    }
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}

export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly expiresAt: number; readonly operator: OperatorRecord }
  | { readonly ok: false; readonly code: 'PC_ERR_UNAUTHENTICATED' | 'PC_ERR_LOCKED_OUT'; readonly retryAfterSec?: number; readonly reason: string };

export interface OperatorServiceOptions {
  readonly store: Store;
  readonly pepper: Buffer;
  readonly sealing: SealingKey;
  readonly sessionTtlMs: number;
  readonly stepUpWindowMs: number;
  readonly now?: () => number;
  readonly userLimiter?: AttemptLimiter;
  readonly sourceLimiter?: AttemptLimiter;
}

export interface Enrolment {
  readonly operator: OperatorRecord;
  readonly totpSecret: string;
  readonly otpauthUri: string;
  readonly recoveryCodes: readonly string[];
}

export const SESSION_PREFIX = 'pcs_';

export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class OperatorService {
  private readonly now: () => number;
  private readonly users: AttemptLimiter;
  private readonly sources: AttemptLimiter;

  constructor(private readonly options: OperatorServiceOptions) {
    this.now = options.now ?? Date.now;
    this.users = options.userLimiter ?? new AttemptLimiter();
    this.sources = options.sourceLimiter ?? new AttemptLimiter({ freeAttempts: 10, baseMs: 1_000, maxMs: 15 * 60_000 });
    // Made now, so the first unknown-name sign-in does not pay for creating it (a timing tell).
    void dummyPasswordHash().catch(() => undefined);
  }

  /** Creates an operator with a new TOTP secret and recovery codes; all shown once. */
  async create(name: string, password: string): Promise<Enrolment> {
    checkOperatorName(name);
    checkPasswordPolicy(password);
    const id = randomUUID();
    const { totpSecret, sealed, codes, hashes } = this.newMfa(id);
    const operator: OperatorRecord = {
      id,
      name,
      passwordHash: await hashPassword(password),
      sealedTotpSecret: sealed,
      totpLastStep: 0,
      recoveryHashes: hashes,
      createdAt: this.now(),
      disabledAt: null,
    };
    await this.options.store.operators.insert(operator);
    return { operator, totpSecret, otpauthUri: totpUri(totpSecret, name), recoveryCodes: codes };
  }

  /** New TOTP secret and recovery codes (lost device); ends the operator's sessions. */
  async resetMfa(name: string): Promise<Enrolment | undefined> {
    const operator = await this.options.store.operators.getByName(name);
    if (!operator) return undefined;
    const { totpSecret, sealed, codes, hashes } = this.newMfa(operator.id);
    await this.options.store.operators.resetMfa(operator.id, sealed, hashes);
    await this.options.store.adminSessions.deleteForOperator(operator.id);
    return { operator, totpSecret, otpauthUri: totpUri(totpSecret, name), recoveryCodes: codes };
  }

  /** Disables (ending every session at once) or re-enables an operator; undefined when unknown. */
  async setDisabled(name: string, disabled: boolean): Promise<OperatorRecord | undefined> {
    const operator = await this.options.store.operators.getByName(name);
    if (!operator) return undefined;
    const at = disabled ? this.now() : null;
    await this.options.store.operators.setDisabled(operator.id, at);
    if (disabled) await this.options.store.adminSessions.deleteForOperator(operator.id);
    return { ...operator, disabledAt: at };
  }

  private newMfa(id: string): { totpSecret: string; sealed: string; codes: string[]; hashes: string[] } {
    const totpSecret = newTotpSecret();
    const codes = newRecoveryCodes();
    return {
      totpSecret,
      sealed: seal(this.options.sealing, totpSecret, `operator-totp:${id}`),
      codes,
      hashes: codes.map((c) => hashRecoveryCode(this.options.pepper, c)),
    };
  }

  /** Password + TOTP (or a recovery code) → session. One answer for every kind of failure. */
  async signIn(input: { readonly username: string; readonly password: string; readonly code: string; readonly sourceIp: string }): Promise<SignInResult> {
    const now = this.now();
    const userKey = `user:${input.username.toLowerCase()}`;
    const sourceKey = `ip:${input.sourceIp}`;
    const wait = Math.max(this.users.retryAfter(userKey, now), this.sources.retryAfter(sourceKey, now));
    if (wait > 0) return { ok: false, code: 'PC_ERR_LOCKED_OUT', retryAfterSec: Math.ceil(wait / 1000), reason: 'locked' };
    const fail = (reason: string): SignInResult => {
      // The backoff runs from the answer, not from the arrival: scrypt takes tens of milliseconds
      // (more under load), and a lock started before it could be mostly spent when the caller hears of it.
      const at = this.now();
      this.users.fail(userKey, at);
      this.sources.fail(sourceKey, at);
      return { ok: false, code: 'PC_ERR_UNAUTHENTICATED', reason };
    };
    const operator = NAME.test(input.username) ? await this.options.store.operators.getByName(input.username) : undefined;
    // Always one scrypt, so an unknown name takes as long as a wrong password.
    const passwordOk = await verifyPassword(input.password, operator?.passwordHash ?? (await dummyPasswordHash()));
    if (!operator) return fail('unknown-operator');
    if (!passwordOk) return fail('bad-password');
    if (operator.disabledAt !== null) return fail('disabled');
    const factor = await this.secondFactor(operator, input.code, now);
    if (factor === undefined) return fail('bad-second-factor');
    this.users.reset(userKey);
    const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = now + this.options.sessionTtlMs;
    await this.options.store.adminSessions.insert({ tokenHash: sessionTokenHash(token), operatorId: operator.id, createdAt: now, expiresAt, verifiedAt: factor === 'totp' ? now : 0 });
    return { ok: true, token, expiresAt, operator };
  }

  /** Which factor matched; a recovery-code session must step up with TOTP before sensitive actions. */
  private async secondFactor(operator: OperatorRecord, code: string, now: number): Promise<'totp' | 'recovery' | undefined> {
    if (isRecoveryCodeShape(code)) {
      return (await this.options.store.operators.useRecoveryCode(operator.id, hashRecoveryCode(this.options.pepper, code))) ? 'recovery' : undefined;
    }
    const secret = open(this.options.sealing, operator.sealedTotpSecret, `operator-totp:${operator.id}`);
    const step = await verifyTotp(secret, code, now, operator.totpLastStep);
    // The store advances the step atomically, so two concurrent sign-ins cannot share one code.
    return step !== undefined && (await this.options.store.operators.useTotpStep(operator.id, step)) ? 'totp' : undefined;
  }

  /** The live session and its operator for a bearer token, or undefined. */
  async session(token: string | undefined): Promise<{ session: AdminSessionRecord; operator: OperatorRecord } | undefined> {
    if (token === undefined || !token.startsWith(SESSION_PREFIX) || token.length > 128) return undefined;
    const session = await this.options.store.adminSessions.get(sessionTokenHash(token));
    if (!session || session.expiresAt <= this.now()) return undefined;
    const operator = await this.options.store.operators.get(session.operatorId);
    if (!operator || operator.disabledAt !== null) return undefined;
    return { session, operator };
  }

  /** Whether the session's last TOTP proof is recent enough for a sensitive action. */
  steppedUp(session: AdminSessionRecord): boolean {
    return this.now() - session.verifiedAt <= this.options.stepUpWindowMs;
  }

  /** A fresh TOTP for a live session; failures count toward the user's backoff. */
  async stepUp(session: AdminSessionRecord, operator: OperatorRecord, code: string, sourceIp: string): Promise<Extract<SignInResult, { ok: false }> | { readonly ok: true; readonly verifiedAt: number }> {
    const now = this.now();
    const userKey = `user:${operator.name}`;
    const wait = this.users.retryAfter(userKey, now);
    if (wait > 0) return { ok: false, code: 'PC_ERR_LOCKED_OUT', retryAfterSec: Math.ceil(wait / 1000), reason: 'locked' };
    const fresh = await this.options.store.operators.get(operator.id);
    // Step-up is TOTP only: a recovery code signs in but does not authorise sensitive actions.
    if (!fresh || isRecoveryCodeShape(code) || (await this.secondFactor(fresh, code, now)) !== 'totp') {
      const at = this.now();
      this.users.fail(userKey, at);
      this.sources.fail(`ip:${sourceIp}`, at);
      return { ok: false, code: 'PC_ERR_UNAUTHENTICATED', reason: 'bad-step-up' };
    }
    await this.options.store.adminSessions.stepUp(session.tokenHash, now);
    return { ok: true, verifiedAt: now };
  }

  async signOut(token: string): Promise<void> {
    await this.options.store.adminSessions.delete(sessionTokenHash(token));
  }
}
