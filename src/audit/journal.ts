/**
 * The audit journal: the local, append-only, fdatasync'ed file that is the audit log's commit
 * point. A request's record is acknowledged once the frame holding it is durable here; the store
 * is fed from memory in large batches behind it (log.ts), and a journal file is deleted only
 * after the store commit holding all of its records.
 *
 * Each process writes its own files, `<base>.j-<pid>-<token>-<n>` (`base` is `audit.spoolFile`,
 * default `<dataDir>/audit.spool`), so a CLI command or a second gateway on the same data
 * directory never truncates a file another live process is appending to. Files of a process that
 * is gone (its pid no longer runs, or it is this process's pid but not this process's file, as
 * after a restart in a container) are replayed into the store by whoever opens the audit log
 * next (`replayJournals`); the store skips request ids it already holds, so replaying twice is
 * harmless.
 *
 * Frame: `PCJ1 <records> <payload bytes> <crc32 hex>\n<payload>`, the payload being the batch
 * packed as for the append thread (one JSON header line per record, then its body, which is
 * canonical JSON and is copied, not escaped). Writes go through libuv's thread pool (async fs):
 * no fsync on the event loop, no V8 isolate, no structured clone.
 *
 * Recovery: a torn last frame (the process died while writing it, so it was never acknowledged)
 * is ignored; a bad frame with data after it is corruption and is reported, never guessed at —
 * the frames before it are replayed and the file is kept, renamed `*.corrupt`.
 */
import { close, fdatasync, fsync, open, write } from 'node:fs';
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mkdir, rm as rmAsync } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { AuditEntry } from './chain.js';
import type { AuditRepo } from '../store/types.js';
import { encodeFrame, frameHeader, unpackEntries } from '../store/sqlite-audit-wire.js';

/** A file is sealed and a new one started past this size; sealed files go once their records are stored. */
const SEGMENT_BYTES = 16 * 1024 * 1024;
/** Journal files of this process that are open now: never anyone's to replay. */
const LIVE = new Set<string>();

/** One journal file of this process. */
export class Segment {
  /** Records in this file that are not yet in the store. */
  pending = 0;
  bytes = 0;
  sealed = false;
  constructor(
    readonly path: string,
    readonly fd: number,
  ) {}
}

const writeAsync = (fd: number, buf: Buffer, offset: number, length: number, position: number): Promise<number> =>
  new Promise((resolve, reject) => write(fd, buf, offset, length, position, (err, n) => (err ? reject(err) : resolve(n))));
const syncAsync = (fd: number): Promise<void> => new Promise((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve())));
const openAsync = (path: string): Promise<number> => new Promise((resolve, reject) => open(path, 'wx', 0o600, (err, fd) => (err ? reject(err) : resolve(fd))));

let zeros: Buffer | undefined;
/** 1 MiB of zeros, shared by every file being zero-filled. */
function zeroChunk(): Buffer {
  return (zeros ??= Buffer.alloc(1 << 20));
}

/** True when `buf` holds only zeros from `at` on: the zero-filled rest of a journal file. */
function zeroFrom(buf: Buffer, at: number): boolean {
  for (let i = at; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}
const closeAsync = (fd: number): Promise<void> => new Promise((resolve, reject) => close(fd, (err) => (err ? reject(err) : resolve())));

const openDirAsync = (path: string): Promise<number> => new Promise((resolve, reject) => open(path, 'r', (err, fd) => (err ? reject(err) : resolve(fd))));
const fsyncAsync = (fd: number): Promise<void> => new Promise((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));

/** Makes a directory entry durable without blocking the event loop. */
async function syncDirAsync(dir: string): Promise<void> {
  const fd = await openDirAsync(dir);
  try {
    await fsyncAsync(fd);
  } finally {
    await closeAsync(fd);
  }
}

/** Makes a directory entry (a created, renamed or removed file) durable. */
function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of one frame (tests, tools). */
export function frame(entries: readonly AuditEntry[]): Buffer {
  return encodeFrame(entries);
}

/** Where a frame went: the file, and its bytes there. */
export interface Placed {
  readonly segment: Segment;
  readonly start: number;
  readonly end: number;
}

/** The journal files of this process, written in order; not safe for concurrent appends (log.ts serialises them). */
export class Journal {
  private current: Segment | undefined;
  private next = 0;
  /** Files of this journal not yet deleted, the current one included. */
  private readonly open = new Set<Segment>();
  /** The next file, being zero-filled ahead of need. */
  private prepared: Promise<Segment> | undefined;
  private readonly owner = `j-${process.pid}-${randomBytes(4).toString('hex')}`;

  constructor(
    readonly base: string,
    private readonly segmentBytes = SEGMENT_BYTES,
  ) {}

  /** Appends one frame of `count` records and resolves once it is durable; returns where it went. */
  async append(buf: Buffer, count: number): Promise<Placed> {
    let seg = this.current;
    if (!seg || (seg.bytes > 0 && seg.bytes + buf.length > this.segmentBytes)) seg = await this.rotate();
    else if (!this.prepared && seg.bytes + buf.length > this.segmentBytes / 2) {
      // The next file is zero-filled in the background, so rotating does not stall a frame.
      const next = this.create();
      next.catch(() => undefined);
      this.prepared = next;
    }
    const start = seg.bytes;
    try {
      // Both on libuv's pool. A plain write on the event loop (it only copies into the page
      // cache) saved one hand-off per frame but moved the copy, ~20 µs per 100 KB frame, onto
      // the event loop and could stall it under writeback pressure; measured, it was no better
      // (docs/audit.md, session 9).
      let at = 0;
      while (at < buf.length) at += await writeAsync(seg.fd, buf, at, buf.length - at, start + at);
      await syncAsync(seg.fd);
    } catch (err) {
      // A partly written frame must stay the last one in its file (a torn tail, ignored on
      // replay), never become a corrupt middle frame: the next append starts a new file.
      this.current = undefined;
      seg.sealed = true;
      if (seg.pending === 0) await this.remove(seg).catch(() => undefined);
      throw err;
    }
    seg.bytes += buf.length;
    seg.pending += count;
    return { segment: seg, start, end: seg.bytes };
  }

  /** Zero-fills the first file ahead of the first frame, so that frame does not wait for it. */
  prepare(): void {
    if (this.current || this.prepared) return;
    const next = this.create();
    next.catch(() => undefined);
    this.prepared = next;
  }

  /** `n` records of `seg` are now in the store; a sealed file with none left is deleted. */
  async stored(seg: Segment, n: number): Promise<void> {
    seg.pending -= n;
    if (seg.sealed && seg.pending === 0) await this.remove(seg);
  }

  /** Closes every file; deletes those whose records are all in the store (the others wait for replay). */
  async close(): Promise<void> {
    const prepared = this.prepared;
    this.current = undefined;
    this.prepared = undefined;
    if (prepared) await prepared.then((p) => this.remove(p)).catch(() => undefined);
    for (const seg of [...this.open]) {
      seg.sealed = true;
      if (seg.pending === 0) await this.remove(seg);
      else {
        this.open.delete(seg);
        await closeAsync(seg.fd);
        LIVE.delete(seg.path);
      }
    }
  }

  /**
   * A new file, zero-filled to its full size and made durable with its directory entry before
   * anything is written to it. Frames then overwrite blocks that already exist, so the
   * fdatasync of a frame flushes data only, not the file's size and block map as well: half the
   * CPU and a third of the wait of appending to a growing file (ext4, docs/audit.md, session 8).
   * What follows the last frame is zeros, which recovery reads as the end of the journal.
   */
  private async create(): Promise<Segment> {
    const path = `${this.base}.${this.owner}-${this.next++}`;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const fd = await openAsync(path);
    LIVE.add(path);
    const seg = new Segment(path, fd);
    this.open.add(seg);
    try {
      const zeros = zeroChunk();
      for (let at = 0; at < this.segmentBytes; at += zeros.length) await writeAsync(fd, zeros, 0, Math.min(zeros.length, this.segmentBytes - at), at);
      await syncAsync(fd);
      // The new name must survive a power loss before anything in the file is acknowledged.
      await syncDirAsync(dirname(path));
    } catch (err) {
      await this.remove(seg).catch(() => undefined);
      throw err;
    }
    return seg;
  }

  private async rotate(): Promise<Segment> {
    const old = this.current;
    const next = this.prepared ?? this.create();
    this.prepared = undefined;
    this.current = await next;
    if (old) {
      old.sealed = true;
      if (old.pending === 0) await this.remove(old);
    }
    return this.current;
  }

  private async remove(seg: Segment): Promise<void> {
    this.open.delete(seg);
    await closeAsync(seg.fd);
    // Only after the store commit that holds every record of the file; losing the unlink to a
    // power cut only replays records the store already holds (and skips). On the pool: freeing
    // 16 MiB of blocks takes milliseconds, a stall of every request in flight on the event loop.
    // The file stays live (nobody's to replay) until it is gone.
    try {
      await rmAsync(seg.path, { force: true });
    } finally {
      LIVE.delete(seg.path);
    }
  }
}

export interface JournalRead {
  readonly entries: AuditEntry[];
  /** Bytes of a torn last frame that were ignored. */
  readonly tornBytes: number;
  /** Where a corrupt frame with data after it starts, and why it was refused. */
  readonly corrupt?: { readonly offset: number; readonly reason: string };
}

/** Reads a journal file: every complete frame in order, up to a torn tail or the first corrupt frame. */
export function readJournal(file: string): JournalRead {
  const buf = readFileSync(file);
  const entries: AuditEntry[] = [];
  let at = 0;
  while (at < buf.length) {
    // Frames start with a letter; zeros are the zero-filled rest of the file: the end.
    if (buf[at] === 0 && zeroFrom(buf, at)) break;
    const bad = (reason: string, end: number): JournalRead =>
      // A bad frame with nothing but zeros (or nothing) after it is the one being written when
      // the process died, never acknowledged. With data after it, it is corruption.
      end >= buf.length || zeroFrom(buf, end) ? { entries, tornBytes: buf.length - at } : { entries, tornBytes: 0, corrupt: { offset: at, reason } };
    const h = frameHeader(buf, at);
    if (typeof h === 'string') {
      const nl = buf.indexOf(10, at);
      return bad(h, nl < 0 ? buf.length : nl + 1);
    }
    const { count, end } = h;
    if (end > buf.length) return bad('frame runs past the end of the file', end);
    const payload = buf.subarray(h.start, end);
    if (crc32(payload).toString(16) !== h.crc) return bad('checksum mismatch', end);
    let got: AuditEntry[];
    try {
      got = unpackEntries(payload.toString('utf8'));
    } catch {
      return bad('unreadable records', end);
    }
    if (got.length !== count) return bad('record count mismatch', end);
    for (const e of got) entries.push(e);
    at = end;
  }
  return { entries, tornBytes: 0 };
}

/** The spool of earlier versions: JSON lines, a torn last line skipped. */
function readLegacySpool(file: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.length === 0) continue;
    try {
      out.push(JSON.parse(line) as AuditEntry);
    } catch {
      // Only a torn last line can fail to parse here.
    }
  }
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Journal files left by processes that are gone, grouped per process, each group in write order. */
export function orphanJournals(base: string): string[][] {
  const dir = dirname(base);
  const prefix = `${basename(base)}.j-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const groups = new Map<string, { n: number; path: string }[]>();
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-([0-9a-f]+)-(\d+)$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const path = join(dir, name);
    const pid = Number(m[1]);
    if (LIVE.has(path) || (pid !== process.pid && alive(pid))) continue;
    const key = `${m[1]}-${m[2]}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({ n: Number(m[3]), path });
  }
  // Oldest process first (by its first file's change time), then each process's files in order.
  const sorted = [...groups.values()].map((g) => g.sort((a, b) => a.n - b.n).map((f) => f.path));
  const born = (g: string[]): number => statSync(g[0] as string, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return sorted.sort((a, b) => born(a) - born(b));
}

export interface ReplayResult {
  readonly records: number;
  readonly files: number;
  /** Files with a corrupt frame: what came before it was replayed; the file is kept as `<file>.corrupt`. */
  readonly corrupt: readonly { readonly file: string; readonly offset: number; readonly reason: string }[];
}

/**
 * Appends what orphaned journal files (and an old-format spool) hold to the store, in order, in
 * batches of `batch`, deleting each file once its records are committed. Throws if the store
 * fails; nothing is deleted then, so a later call replays it all again.
 */
export async function replayJournals(base: string, repo: AuditRepo, batch: number): Promise<ReplayResult> {
  let records = 0;
  let files = 0;
  const corrupt: { file: string; offset: number; reason: string }[] = [];
  const push = async (entries: readonly AuditEntry[]): Promise<void> => {
    for (let i = 0; i < entries.length; i += batch) await repo.append(entries.slice(i, i + batch));
    records += entries.length;
  };
  if ((statSync(base, { throwIfNoEntry: false })?.size ?? 0) > 0) {
    await push(readLegacySpool(base));
    rmSync(base, { force: true });
    files++;
  }
  for (const group of orphanJournals(base)) {
    for (const file of group) {
      const read = readJournal(file);
      await push(read.entries);
      files++;
      if (read.corrupt) {
        corrupt.push({ file, ...read.corrupt });
        try {
          renameSync(file, `${file}.corrupt`);
        } catch (err) {
          // Another process replaying the same file at the same time renamed it first.
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        }
      } else rmSync(file, { force: true });
    }
  }
  if (files > 0) syncDir(dirname(base));
  return { records, files, corrupt };
}
