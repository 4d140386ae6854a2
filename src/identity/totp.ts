/**
 * Operator second factor: TOTP (RFC 6238, via otplib: SHA-1, 6 digits, 30 s steps, which every
 * authenticator app supports) and one-time recovery codes. A code is accepted for the previous,
 * current or next step (clock drift) but never twice: the caller stores the last accepted step
 * and passes it back (RFC 6238 §5.2).
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_PERIOD_SEC = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** `otpauth://totp/Portcullis:NAME?secret=…&issuer=Portcullis` for authenticator apps. */
export function totpUri(secret: string, name: string, issuer = 'Portcullis'): string {
  return generateURI({ issuer, label: name, secret, period: TOTP_PERIOD_SEC, digits: 6, algorithm: 'sha1' });
}

/** The accepted time step, or undefined for a wrong, malformed or replayed code. */
export async function verifyTotp(secret: string, code: string, nowMs: number, lastStep: number): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    period: TOTP_PERIOD_SEC,
    epochTolerance: TOTP_PERIOD_SEC,
    afterTimeStep: lastStep,
  });
  return result.valid ? Math.floor(nowMs / 1000 / TOTP_PERIOD_SEC) + result.delta : undefined;
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like `k7mwq-3rtz9`: about 50 bits each, shown once. */
export function newRecoveryCodes(count = 10): string[] {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    let code = '';
    for (let j = 0; j < 10; j++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.push(`${code.slice(0, 5)}-${code.slice(5)}`);
  }
  return codes;
}

export function isRecoveryCodeShape(code: string): boolean {
  return /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(code);
}

/** Stored as HMAC-SHA256 under the server pepper, like API keys. */
export function hashRecoveryCode(pepper: Buffer, code: string): string {
  return createHmac('sha256', pepper).update(`recovery:${code}`, 'utf8').digest('hex');
}

/** Constant-time equality of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
