/**
 * How a batch of audit entries crosses to the append thread: one string per batch. Structured
 * cloning an array of entry objects walks and re-creates every object and property name on both
 * threads; a single string is copied in one piece. Each entry is a one-line JSON header (its
 * short fields and the body's length in UTF-16 code units) followed by the body itself, which is
 * already canonical JSON and is therefore never escaped or re-parsed in transit.
 */
import type { AuditEntry, AuditOutcome } from '../audit/chain.js';

type Header = [requestId: string, ts: number, principal: string | null, route: string | null, outcome: AuditOutcome, status: number, bodyLength: number];

export function packEntries(entries: readonly AuditEntry[]): string {
  let out = '';
  for (const e of entries) out += JSON.stringify([e.requestId, e.ts, e.principal, e.route, e.outcome, e.status, e.body.length]) + '\n' + e.body;
  return out;
}

export function unpackEntries(text: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) throw new Error('truncated audit batch');
    const h = JSON.parse(text.slice(at, nl)) as Header;
    const end = nl + 1 + h[6];
    if (end > text.length) throw new Error('truncated audit batch');
    out.push({ requestId: h[0], ts: h[1], principal: h[2], route: h[3], outcome: h[4], status: h[5], body: text.slice(nl + 1, end) });
    at = end;
  }
  return out;
}

/**
 * A batch already packed and UTF-8 encoded, as the audit journal wrote it (audit/journal.ts):
 * handed to the store as bytes, so the records are neither re-encoded nor kept on the V8 heap
 * while they wait for the store (bytes live outside it: nothing for the garbage collector to
 * copy or mark).
 */
export class PackedBatch {
  constructor(
    readonly bytes: Uint8Array,
    readonly count: number,
  ) {}

  static of(entries: readonly AuditEntry[]): PackedBatch {
    return new PackedBatch(Buffer.from(packEntries(entries), 'utf8'), entries.length);
  }

  entries(): AuditEntry[] {
    return unpackEntries(Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('utf8'));
  }
}

/** What `AuditRepo.append` takes: entries, or a packed batch of them. */
export type AuditBatch = readonly AuditEntry[] | PackedBatch;

export function batchEntries(batch: AuditBatch): readonly AuditEntry[] {
  return batch instanceof PackedBatch ? batch.entries() : batch;
}
