/**
 * How a batch of audit entries crosses to the append thread: one string per batch. Structured
 * cloning an array of entry objects walks and re-creates every object and property name on both
 * threads; a single string is copied in one piece. Each entry is a one-line JSON header (its
 * short fields and the body's length in UTF-16 code units) followed by the body itself, which is
 * already canonical JSON and is therefore never escaped or re-parsed in transit.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { AuditEntry, AuditOutcome } from '../audit/chain.js';
import { verbatim } from '../audit/canonical.js';

type Header = [requestId: string, ts: number, principal: string | null, route: string | null, outcome: AuditOutcome, status: number, bodyLength: number];

/** `JSON.stringify` of the entry's `Header`, with its strings written as they are when they need no escaping (the usual case). */
function headerLine(e: AuditEntry): string {
  return '[' + str(e.requestId) + ',' + num(e.ts) + ',' + strOrNull(e.principal) + ',' + strOrNull(e.route) + ',' + str(e.outcome) + ',' + num(e.status) + ',' + e.body.length + ']';
}
// As JSON.stringify: a number that is not finite is null (the frame must stay readable whatever a record holds).
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');
const str = (s: string): string => (verbatim(s) ? '"' + s + '"' : JSON.stringify(s));
const strOrNull = (s: string | null): string => (s === null ? 'null' : str(s));

export function packEntries(entries: readonly AuditEntry[]): string {
  let out = '';
  for (const e of entries) out += headerLine(e) + '\n' + e.body;
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
 * Audit journal frames (audit/journal.ts): `PCJ1 <records> <payload bytes> <crc32 hex>\n` and the
 * packed batch in UTF-8. Defined here, beside the packing, because the append thread reads the
 * frames straight from the journal files.
 */
export const FRAME_MAGIC = 'PCJ1';

export function encodeFrame(entries: readonly AuditEntry[]): Buffer {
  return Buffer.from(new FrameEncoder().encode(entries));
}

/** Room kept in front of the payload for the frame header (`PCJ1 <count> <bytes> <crc>\n`, at most 64 bytes). */
const HEADROOM = 64;
/** The encoder's buffer to start with, and the most it keeps between frames. */
const START_BYTES = 1 << 20;
const KEEP_BYTES = 8 << 20;

/**
 * Writes frames into one buffer it reuses: each record's header line and body go straight in as
 * UTF-8, with no packed string in between and no copy after. Building the packed string and
 * `Buffer.from` + `Buffer.concat` of it cost the event loop ~2.5 µs per ~1.7 KB record, mostly
 * the allocation of a new buffer per frame and flattening one string of the whole batch; this
 * ~1 µs (docs/audit.md, session 9). The bytes are the same.
 */
export class FrameEncoder {
  private buf = Buffer.allocUnsafe(START_BYTES);

  /** The frame of `entries`: a view of the encoder's buffer, valid until the next `encode`. */
  encode(entries: readonly AuditEntry[]): Buffer {
    let at = HEADROOM;
    for (const e of entries) {
      const head = headerLine(e);
      // A UTF-16 code unit never takes more than three bytes of UTF-8.
      const need = at + 3 * (head.length + 1 + e.body.length);
      if (need > this.buf.length) this.grow(need, at);
      at += this.buf.write(head, at, 'utf8');
      this.buf[at++] = 10;
      at += this.buf.write(e.body, at, 'utf8');
    }
    const payload = this.buf.subarray(HEADROOM, at);
    const header = `${FRAME_MAGIC} ${entries.length} ${payload.length} ${crc32(payload).toString(16)}\n`;
    const start = HEADROOM - header.length;
    this.buf.write(header, start, 'latin1');
    const frame = this.buf.subarray(start, at);
    // One frame of large records must not pin a large buffer for the life of the process.
    if (this.buf.length > KEEP_BYTES) this.buf = Buffer.allocUnsafe(START_BYTES);
    return frame;
  }

  private grow(need: number, used: number): void {
    const next = Buffer.allocUnsafe(Math.max(need, 2 * this.buf.length));
    this.buf.copy(next, 0, 0, used);
    this.buf = next;
  }
}

export interface FrameHeader {
  readonly count: number;
  readonly crc: string;
  /** Where the payload starts and ends in the buffer. */
  readonly start: number;
  readonly end: number;
}

/** The header of the frame at `at`, or why it cannot be one. */
export function frameHeader(buf: Buffer, at: number): FrameHeader | string {
  const nl = buf.indexOf(10, at);
  if (nl < 0) return 'no frame header';
  const parts = buf.toString('latin1', at, Math.min(nl, at + 64)).split(' ');
  const count = Number(parts[1]);
  const size = Number(parts[2]);
  if (nl - at > 63 || parts.length !== 4 || parts[0] !== FRAME_MAGIC || !Number.isSafeInteger(count) || !Number.isSafeInteger(size) || count < 1 || size < 0) return 'malformed frame header';
  return { count, crc: parts[3] as string, start: nl + 1, end: nl + 1 + size };
}

/** A run of whole frames in one journal file: bytes `start` to `end`. */
export interface JournalRange {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The packed text of the frames in `ranges`, read back from the journal files (which the
 * kernel's page cache still holds: they were just written). Only frames this process wrote and
 * fdatasync'ed are named here, so they are taken as they are; recovery (journal.ts) is where
 * frames are checked.
 */
export function readRanges(ranges: readonly JournalRange[]): string {
  let text = '';
  for (const r of ranges) {
    const buf = Buffer.allocUnsafe(r.end - r.start);
    const fd = openSync(r.file, 'r');
    try {
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, r.start + got);
        if (n === 0) throw new Error(`audit journal ${r.file} is shorter than its frames`);
        got += n;
      }
    } finally {
      closeSync(fd);
    }
    for (let at = 0; at < buf.length; ) {
      const h = frameHeader(buf, at);
      if (typeof h === 'string' || h.end > buf.length) throw new Error(`audit journal ${r.file}: ${typeof h === 'string' ? h : 'frame runs past its range'} at byte ${r.start + at}`);
      text += buf.toString('utf8', h.start, h.end);
      at = h.end;
    }
  }
  return text;
}

/**
 * Journaled records handed to the store by where they are in the journal, not as objects: the
 * records waiting for the store then hold no memory at all (neither on the V8 heap, where they
 * would be promoted and marked, nor outside it, where their buffers would push V8 to collect),
 * and a backlog of any size while the store is down costs a few bytes per frame.
 */
export class JournalBatch {
  constructor(
    readonly ranges: readonly JournalRange[],
    readonly count: number,
  ) {}

  entries(): AuditEntry[] {
    return unpackEntries(readRanges(this.ranges));
  }
}

/** What `AuditRepo.append` takes: entries, or journaled records by their place in the journal. */
export type AuditBatch = readonly AuditEntry[] | JournalBatch;

export function batchEntries(batch: AuditBatch): readonly AuditEntry[] {
  return batch instanceof JournalBatch ? batch.entries() : batch;
}

export function batchSize(batch: AuditBatch): number {
  return batch instanceof JournalBatch ? batch.count : batch.length;
}
