/**
 * `audit verify`: walks the chain in seq order and checks every link and every signed
 * checkpoint. It stops at the first problem and names it:
 *
 * - `modified`   a record's header or body no longer matches its hash;
 * - `deleted`    seq numbers are missing (or later records were renumbered to hide a gap);
 * - `inserted`   a record that does not chain onto its predecessor;
 * - `reordered`  a record that chains onto a record other than the one before it;
 * - `truncated`  a signed checkpoint covers records that are no longer there;
 * - `checkpoint` a checkpoint whose signature is invalid or by an unknown key (forged), or
 *                which disagrees with the chain (the chain was recomputed after an edit);
 * - `unanchored` the oldest records are gone and no checkpoint covers the deleted prefix.
 *
 * Records after the last checkpoint are only as safe as the chain itself (anyone who can write
 * the database can also recompute hashes from there on); the report says how many there are.
 */
import { hash, type KeyObject } from 'node:crypto';
import type { AuditRepo } from '../store/types.js';
import { GENESIS, encodeHeader, type AuditRow } from './chain.js';
import { checkpointSignatureValid, type AuditCheckpoint } from './signing.js';

export type ProblemKind = 'modified' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'checkpoint' | 'unanchored';

export interface Problem {
  readonly kind: ProblemKind;
  /** The seq where the problem shows. */
  readonly seq: number;
  readonly detail: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly problem: Problem | undefined;
  /** Records whose hashes were checked. */
  readonly records: number;
  /** Records whose bodies were dropped by retention (headers still checked). */
  readonly expiredBodies: number;
  readonly checkpoints: number;
  readonly firstSeq: number | undefined;
  readonly lastSeq: number | undefined;
  /** Seq of the last valid checkpoint inside the checked range. */
  readonly lastCheckpoint: number | undefined;
  /** Records after the last checkpoint: not yet covered by a signature. */
  readonly uncovered: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
}

export interface VerifyOptions {
  /** Trusted checkpoint keys by key id. */
  readonly keys: ReadonlyMap<string, KeyObject>;
  readonly from?: number;
  readonly to?: number;
  readonly pageSize?: number;
  /** Called after each page with the number of records checked so far and the total expected. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A hash of the previous `WINDOW` records, to tell a reordered record from an inserted one. */
const WINDOW = 4096;
/**
 * Records read per page. A page of 10,000 gateway records (~1.6 KB bodies) is 16 MB of strings,
 * more than V8's young generation holds, so every page was promoted and collected as old objects;
 * at 2,000 they die young, and SQLite verifies ~1.4× faster (docs/audit.md, session 9).
 */
const PAGE_SIZE = 2_000;

export async function verifyAudit(repo: AuditRepo, options: VerifyOptions): Promise<VerifyReport> {
  const started = performance.now();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const allCheckpoints = await repo.checkpoints();
  const bounds = await repo.bounds();
  let records = 0;
  let expiredBodies = 0;
  let lastCheckpoint: number | undefined;
  const from = Math.max(options.from ?? 1, bounds?.first ?? 1);
  const to = Math.min(options.to ?? Number.MAX_SAFE_INTEGER, bounds?.last ?? 0);

  const finish = (problem: Problem | undefined): VerifyReport => {
    const seconds = (performance.now() - started) / 1000;
    return {
      ok: problem === undefined,
      problem,
      records,
      expiredBodies,
      checkpoints: allCheckpoints.length,
      firstSeq: bounds ? from : undefined,
      lastSeq: bounds ? to : undefined,
      lastCheckpoint,
      uncovered: bounds ? Math.max(0, to - (lastCheckpoint ?? from - 1)) : 0,
      seconds,
      recordsPerSecond: seconds > 0 ? Math.round(records / seconds) : records,
    };
  };

  // Signatures first: a forged checkpoint is a problem wherever it sits.
  const checkpoints = new Map<number, AuditCheckpoint>();
  for (const cp of allCheckpoints) {
    const key = options.keys.get(cp.keyId);
    if (!key) return finish({ kind: 'checkpoint', seq: cp.seq, detail: `checkpoint at ${cp.seq} is signed by unknown key ${cp.keyId} (forged)` });
    if (!checkpointSignatureValid(cp, key)) return finish({ kind: 'checkpoint', seq: cp.seq, detail: `checkpoint at ${cp.seq} has an invalid signature (forged or altered)` });
    checkpoints.set(cp.seq, cp);
  }
  const lastSigned = allCheckpoints.at(-1);

  if (!bounds) {
    if (lastSigned && lastSigned.seq > 0 && options.from === undefined) {
      return finish({ kind: 'truncated', seq: 1, detail: `no records left, but checkpoint at ${lastSigned.seq} covers ${lastSigned.seq} records` });
    }
    return finish(undefined);
  }

  // Where the chain must start: genesis, a checkpoint just before the first kept record, or
  // (for a range) whatever the first record in the range says, checked against the rest.
  let expectedPrev: string | undefined;
  if (from === 1) expectedPrev = GENESIS;
  else if (checkpoints.has(from - 1)) expectedPrev = (checkpoints.get(from - 1) as AuditCheckpoint).hash;
  else if (options.from === undefined) {
    return finish({ kind: 'unanchored', seq: from, detail: `records 1..${from - 1} are gone and no checkpoint at ${from - 1} covers them` });
  }

  // Hashes of the last WINDOW records (a ring), only searched once something is already wrong.
  const recent: { hash: string; seq: number }[] = [];
  let ring = 0;
  let expectedSeq = from;
  const after = from - 1;
  const total = to - from + 1;
  for await (const page of inOrder(repo, after, to, pageSize)) {
    for (const row of page) {
      const problem = checkRow(row, expectedSeq, expectedPrev, (hash) => recent.find((r) => r.hash === hash)?.seq ?? page.find((r) => r.hash === hash)?.seq);
      if (problem) return finish(problem);
      if (row.body === null) expiredBodies++;
      const cp = checkpoints.get(row.seq);
      if (cp) {
        if (cp.hash !== row.hash) {
          return finish({ kind: 'checkpoint', seq: row.seq, detail: `record ${row.seq} does not match the signed checkpoint: the chain up to ${row.seq} was rewritten` });
        }
        lastCheckpoint = row.seq;
      }
      recent[ring] = { hash: row.hash, seq: row.seq };
      ring = (ring + 1) % WINDOW;
      expectedPrev = row.hash;
      expectedSeq = row.seq + 1;
      records++;
    }
    options.onProgress?.(records, total);
  }

  // A checkpoint beyond the last record proves records were cut off the end.
  if (options.to === undefined && lastSigned && lastSigned.seq > to) {
    return finish({ kind: 'truncated', seq: to + 1, detail: `records ${to + 1}..${lastSigned.seq} are missing: the checkpoint at ${lastSigned.seq} covers them` });
  }
  return finish(undefined);
}

/** The rows `after < seq <= to` in order: the store's snapshot scan when it has one, else pages. */
async function* inOrder(repo: AuditRepo, after: number, to: number, pageSize: number): AsyncGenerator<readonly AuditRow[]> {
  if (repo.scan) {
    yield* repo.scan(after, to, pageSize);
    return;
  }
  for (;;) {
    const page = await repo.page(after, pageSize, to);
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = (page[page.length - 1] as AuditRow).seq;
  }
}

function checkRow(row: AuditRow, expectedSeq: number, expectedPrev: string | undefined, seqOf: (hash: string) => number | undefined): Problem | undefined {
  if (row.seq !== expectedSeq) {
    return { kind: 'deleted', seq: expectedSeq, detail: `records ${expectedSeq}..${row.seq - 1} are missing` };
  }
  const header = encodeHeader(row);
  const selfValid = sha(header) === row.hash;
  const linked = expectedPrev === undefined || row.prev === expectedPrev;
  if (selfValid && linked) {
    if (row.body !== null && sha(row.body) !== row.bodyHash) return { kind: 'modified', seq: row.seq, detail: `record ${row.seq}: the body does not match its hash` };
    return undefined;
  }
  if (!linked) {
    const predecessor = seqOf(row.prev);
    if (predecessor !== undefined && predecessor !== row.seq - 1) {
      return { kind: 'reordered', seq: row.seq, detail: `record ${row.seq} chains onto record ${predecessor}: records were reordered` };
    }
  }
  if (!selfValid) {
    // Renumbered to hide a deletion: the header hashes correctly under a higher seq.
    for (let d = 1; d <= 8; d++) {
      if (sha(encodeHeader({ ...row, seq: row.seq + d })) === row.hash) {
        return { kind: 'deleted', seq: row.seq, detail: `record ${row.seq} was written as ${row.seq + d}: ${d} record(s) before it were deleted and the rest renumbered` };
      }
    }
    return { kind: 'modified', seq: row.seq, detail: `record ${row.seq} was changed after it was written` };
  }
  return { kind: 'inserted', seq: row.seq, detail: `record ${row.seq} does not chain onto record ${row.seq - 1}: it was inserted or its predecessor replaced` };
}

/** One-shot `crypto.hash` is several times cheaper than a Hash object for inputs this small. */
function sha(text: string): string {
  return hash('sha256', text, 'hex');
}
