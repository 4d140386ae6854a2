/**
 * Retention in two steps that keep the chain verifiable:
 * 1. per route, the bodies of records older than the route's `retentionDays` are dropped; their
 *    headers (with the body's hash) stay, so the chain still verifies across them;
 * 2. the leading run of records that have no body left is deleted outright, after a signed
 *    checkpoint at its last record: the verifier starts from that checkpoint (docs/audit.md).
 */
import type { Config } from '../config/schema.js';
import type { AuditRepo } from '../store/types.js';
import type { AuditRow } from './chain.js';
import { auditSettings } from './gateway-hook.js';
import { signCheckpoint, type SigningKey } from './signing.js';

const DAY_MS = 86_400_000;

export interface PruneResult {
  readonly expiredBodies: number;
  readonly deletedRecords: number;
  /** The checkpoint the deleted prefix ends at. */
  readonly checkpointSeq: number | undefined;
}

export async function pruneAudit(repo: AuditRepo, config: Config, key: SigningKey, now: number): Promise<PruneResult> {
  const settings = auditSettings(config);
  let expiredBodies = 0;
  const days = settings.defaults.retentionDays;
  if (days !== undefined) expiredBodies += await repo.expireBodies(null, now - days * DAY_MS);
  for (const route of config.routes) {
    const d = settings.forRoute(route.model).retentionDays;
    if (d !== undefined) expiredBodies += await repo.expireBodies(route.model, now - d * DAY_MS);
  }
  // Routes that left the config fall back to the default retention (their records still exist).
  // They are not known here without a scan; `audit prune` documents that they keep their bodies.

  let last: AuditRow | undefined;
  let after = 0;
  outer: for (;;) {
    const page = await repo.page(after, 5_000);
    for (const row of page) {
      if (row.body !== null) break outer;
      last = row;
    }
    if (page.length < 5_000) break;
    after = (page[page.length - 1] as AuditRow).seq;
  }
  if (!last) return { expiredBodies, deletedRecords: 0, checkpointSeq: undefined };
  await repo.putCheckpoint(signCheckpoint(key, last, now));
  const deletedRecords = await repo.deletePrefix(last.seq);
  return { expiredBodies, deletedRecords, checkpointSeq: last.seq };
}
