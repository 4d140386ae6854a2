/**
 * Continuous verification for long answers (issue 3): a stream whose credential is revoked or
 * expires while it runs is ended with PC_ERR_UNAUTHENTICATED. An output-phase stream inspector,
 * so the server needs no change. Every chunk compares the clock with the credential's known
 * expiry (cheap); the store is asked again only every `intervalMs` of streaming, so a thousand
 * chunks cost a few lookups, and a revocation ends the stream within about one interval (plus
 * the wait for the next chunk). A failed lookup fails closed like any stage error.
 */
import type { Deny, Pass, Stage, StageContext, StreamInspector } from '../../pipeline/types.js';
import type { ApiKeyRepo } from '../../store/types.js';
import type { CredentialLease } from './credential.js';

export interface StreamRecheckOptions {
  /** Where the identity stage left each request's lease (credential.ts). */
  readonly credentials: { leaseOf(ctx: StageContext): CredentialLease | undefined };
  readonly apiKeyRepo: ApiKeyRepo;
  /** How often (of streaming) the API key behind a stream is looked up again; default 2 s. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

const PASS: Pass = { action: 'pass' };
const cut = (reason: string): Deny => ({ action: 'deny', code: 'PC_ERR_UNAUTHENTICATED', reasons: [reason] });

export function credentialRecheckStage(options: StreamRecheckOptions): Stage {
  const intervalMs = options.intervalMs ?? 2_000;
  if (!(intervalMs > 0 && Number.isFinite(intervalMs))) throw new TypeError('intervalMs must be a positive number of milliseconds');
  const now = options.now ?? Date.now;

  return {
    name: 'identity-recheck',
    phase: 'output',
    openStream: function openCredentialRecheck(ctx: StageContext): StreamInspector {
      const lease = options.credentials.leaseOf(ctx);
      let expiresAt = lease?.expiresAt ?? null;
      let nextLookup = now() + intervalMs;

      async function lookUp(apiKeyId: string, at: number): Promise<Pass | Deny> {
        const record = await options.apiKeyRepo.get(apiKeyId);
        if (!record) return cut('stream-key-gone');
        if (record.revokedAt !== null && record.revokedAt <= at) return cut('stream-key-revoked');
        if (record.expiresAt !== null) expiresAt = expiresAt === null ? record.expiresAt : Math.min(expiresAt, record.expiresAt);
        return expiresAt !== null && expiresAt <= at ? cut('stream-credential-expired') : PASS;
      }

      function check(): Pass | Deny | Promise<Pass | Deny> {
        if (lease === undefined) return PASS;
        const at = now();
        if (expiresAt !== null && expiresAt <= at) return cut('stream-credential-expired');
        if (lease.apiKeyId === undefined || at < nextLookup) return PASS;
        nextLookup = at + intervalMs;
        return lookUp(lease.apiKeyId, at);
      }

      return { onChunk: check, onEnd: check };
    },
  };
}
