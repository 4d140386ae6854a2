/**
 * Acting on PII and secret findings in the request path: which findings the route's policy acts
 * on, and the text with masked (`[EMAIL_ADDRESS]`) or keyed-hash (`[EMAIL_ADDRESS:1f2e3d4c5b6a]`)
 * replacements. Reasons name the type, the position and the action — never the value.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import type { EntityAction } from './policy.js';
import type { Scanner } from './scan.js';
import type { Finding, TextRole } from './types.js';

export interface ActedFinding {
  readonly finding: Finding;
  readonly action: EntityAction;
}

/** Derives the key of hash tokens from the master key (HKDF, RFC 5869), so tokens are stable across restarts. */
export function guardHashKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'portcullis/guards/hash-token/v1', 32));
}

/** `[TYPE:12 hex]`: HMAC-SHA256 of the value; the same value gives the same token, the value cannot be read back. */
export function hashToken(key: Buffer, type: string, value: string): string {
  return `[${type}:${createHmac('sha256', key).update(type).update('\0').update(value).digest('hex').slice(0, 12)}]`;
}

/**
 * Findings of `text` the policy acts on (its type has an action and the finding reaches the
 * configured threshold), non-overlapping, sorted by start. `allow` findings are dropped here.
 */
export function actedFindings(scanner: Scanner, text: string, role: TextRole, actionFor: (type: string) => EntityAction | undefined): ActedFinding[] {
  const { pii, secrets } = scanner.config;
  const out: ActedFinding[] = [];
  let end = -1;
  for (const f of scanner.scan({ text, role }).findings) {
    const action = actionFor(f.type);
    if (action === undefined || action === 'allow') continue;
    const threshold = f.type.startsWith('SECRET_') ? secrets.threshold : pii.threshold;
    if (f.score < threshold) continue;
    // Findings come sorted by start; a PII span inside a secret (a URL with credentials) goes
    // with the secret, which is the stricter of the two.
    if (f.start < end) {
      const prev = out.at(-1);
      if (prev && f.type.startsWith('SECRET_') && !prev.finding.type.startsWith('SECRET_')) {
        out[out.length - 1] = { finding: { ...f, start: Math.min(f.start, prev.finding.start), end: Math.max(f.end, prev.finding.end) }, action };
        end = Math.max(end, f.end);
      }
      continue;
    }
    out.push({ finding: f, action });
    end = f.end;
  }
  return out;
}

/** The reason string of a finding: `pii:EMAIL_ADDRESS:mask@m1:10-27`. */
export function findingReason(f: Finding, action: string, where: string, offset = 0): string {
  const kind = f.type.startsWith('SECRET_') ? 'secret' : 'pii';
  return `${kind}:${f.type}:${action}@${where}:${f.start + offset}-${f.end + offset}`;
}

/** Replaces the mask/hash findings of `text` (sorted, non-overlapping); other actions leave the text alone. */
export function redact(text: string, acted: readonly ActedFinding[], hashKey: Buffer): string {
  let out = '';
  let at = 0;
  for (const { finding: f, action } of acted) {
    // `tokenize` without a token session (src/vault/tokenize.ts does it with one) masks: the value never passes.
    if (action !== 'mask' && action !== 'hash' && action !== 'tokenize') continue;
    out += text.slice(at, f.start) + (action === 'hash' ? hashToken(hashKey, f.type, text.slice(f.start, f.end)) : `[${f.type}]`);
    at = f.end;
  }
  return at === 0 ? text : out + text.slice(at);
}
