/**
 * The audit writer. Requests hand it entries and wait; it appends them to a local journal
 * (journal.ts: one fdatasync'ed frame for every entry that arrived while the previous frame was
 * being written — group commit) and acknowledges them once that frame is durable. Behind the
 * journal the store is fed from memory in large batches (every `storeDelayMs` or `storeBatch`
 * records, whichever first), which computes the chain exactly as before; a journal file is
 * deleted only after the store commit holding its records. While the store fails, the backlog
 * simply grows in the journal and is retried every second. Routes with `onStoreDown:
 * fail-closed` keep the stricter rule: their answer waits for the store commit itself (a batch
 * holding one goes to the store at once), and is refused while the store is failing. Checkpoints
 * are signed over the store's head every N records or T milliseconds.
 */
import type { Logger } from '../log.js';
import type { AuditRepo, SecretRepo } from '../store/types.js';
import type { SealingKey } from '../crypto/seal.js';
import type { AuditEntry, ChainHead } from './chain.js';
import { signCheckpoint, signingKey, type AuditCheckpoint, type SigningKey } from './signing.js';
import { Journal, replayJournals, type Placed } from './journal.js';
import { batchSize, FrameEncoder, JournalBatch, type AuditBatch, type JournalRange } from '../store/sqlite-audit-wire.js';

export type StoreDownMode = 'spool' | 'fail-closed';

export interface AuditLogOptions {
  readonly repo: AuditRepo;
  readonly secrets: SecretRepo;
  readonly sealing: SealingKey;
  readonly log: Logger;
  /** Base path of the journal files (`<spoolFile>.j-…`, journal.ts); a file of this name in the old spool format is replayed too. */
  readonly spoolFile: string;
  readonly checkpointEveryRecords: number;
  readonly checkpointEveryMs: number;
  /** Most records in one journal frame. */
  readonly maxBatch: number;
  /**
   * Group-commit window of the journal: the most the writer lets records gather before a frame
   * (0: write as soon as the previous frame is durable). It waits only under load — when records
   * arrive fast enough that at least two more are expected within the window — and only while
   * new records keep arriving (`gather`).
   */
  readonly commitDelayMs?: number;
  /** How long journaled records may wait in memory before they go to the store (default 100 ms). */
  readonly storeDelayMs?: number;
  /** Records per store transaction; this many waiting send a batch at once (default 500). */
  readonly storeBatch?: number;
  /** A journal file is closed and a new one started past this size (default 16 MiB); for tests. */
  readonly journalSegmentBytes?: number;
  readonly now?: () => number;
  /**
   * Called with every batch once it is durable in the journal, in order; for exporters. Must not
   * throw or block: it runs on the audit writer's path.
   */
  readonly onDurable?: (entries: readonly AuditEntry[]) => void;
}

export interface AuditStats {
  /** Records not yet in the store (waiting for the journal, or journaled and waiting for the store). */
  readonly queued: number;
  /** Records durable in the journal and not yet in the store. */
  readonly spooled: number;
  readonly written: number;
  /** Store transactions since start. */
  readonly batches: number;
  readonly degraded: boolean;
  /** Duration of the last store append, in milliseconds. */
  readonly lastAppendMs: number;
  /** Duration of the last journal write + fdatasync, in milliseconds. */
  readonly lastJournalMs: number;
  /** Journal frames (group commits) written since start. */
  readonly frames: number;
}

/**
 * What `write` takes: an entry, or a function that builds it. A builder runs when its batch is
 * taken from the queue, with the rest of the batch: the records of a batch are then encoded in
 * one run, with the encoder's code and data hot in the caches, instead of one at a time between
 * unrelated work on the event loop, where the same encoding measured two to three times as much
 * CPU (docs/audit.md, session 7). A builder that throws rejects its own write with that error
 * and nothing else.
 */
export type EntrySource = AuditEntry | (() => AuditEntry);

interface Waiter {
  readonly mode: StoreDownMode;
  readonly resolve: () => void;
  readonly reject: (err: Error) => void;
}

interface Queued extends Waiter {
  readonly source: EntrySource;
}

interface Pending extends Waiter {
  readonly entry: AuditEntry;
}

/**
 * A journaled frame waiting for the store: where it is in the journal (the store reads it there:
 * the records take no memory while they wait), and the fail-closed waiters among its records,
 * which wait for the store.
 */
interface Journaled {
  readonly at: Placed;
  readonly count: number;
  waiters: Waiter[];
}

/** Thrown to a waiting request when its record could not be made durable. */
export class AuditUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the audit store is unavailable', { cause });
    this.name = 'AuditUnavailableError';
  }
}

/** How long a failed store is left alone before it is tried again. */
const RETRY_MS = 1_000;
/** Records per journal frame the group-commit window aims for: beyond this the fdatasync's share is small. */
const COMMIT_TARGET = 16;
const STORE_DELAY_MS = 100;
const STORE_BATCH = 500;

export class AuditLog {
  private readonly queue: Queued[] = [];
  /** Journaled frames not yet in the store, in journal order, and how many records they hold. */
  private readonly backlog: Journaled[] = [];
  private backlogRecords = 0;
  /** Fail-closed records in the backlog: while there are any, the backlog goes to the store at once. */
  private urgent = 0;
  /** Records journaled / stored by this log since it opened: `sync` waits for the second to reach the first. */
  private journaled = 0;
  private stored = 0;
  private running = false;
  private closed = false;
  private sinceCheckpoint = 0;
  private lastCheckpointAt: number;
  private head: ChainHead | undefined;
  private failedAt = Number.NEGATIVE_INFINITY;
  private lastError: unknown;
  private written = 0;
  private batches = 0;
  private lastAppendMs = 0;
  private lastJournalMs = 0;
  private frames = 0;
  private storeDown = false;
  /** Journal files of earlier processes that could not be replayed yet (the store was down). */
  private orphans = false;
  private storing: Promise<void> | undefined;
  private storeTimer: NodeJS.Timeout | undefined;
  /** When the last record arrived, and the smoothed time between arrivals (ms): the load signal of the commit window. */
  private lastArrival = Number.NEGATIVE_INFINITY;
  private arrivalGap = Number.POSITIVE_INFINITY;
  private readonly timer: NodeJS.Timeout;
  private readonly encoder = new FrameEncoder();
  private readonly now: () => number;
  private readonly storeDelayMs: number;
  private readonly storeBatch: number;

  private constructor(
    private readonly options: AuditLogOptions,
    private readonly key: SigningKey,
    private readonly journal: Journal,
  ) {
    this.now = options.now ?? Date.now;
    this.storeDelayMs = options.storeDelayMs ?? STORE_DELAY_MS;
    this.storeBatch = options.storeBatch ?? STORE_BATCH;
    this.lastCheckpointAt = this.now();
    // Checkpoints when idle, and store retries while it is down.
    this.timer = setInterval(() => this.tick(), Math.min(options.checkpointEveryMs, RETRY_MS));
    this.timer.unref();
  }

  /** Loads (or creates) the checkpoint key and replays whatever earlier processes left in their journals. */
  static async open(options: AuditLogOptions): Promise<AuditLog> {
    if (!(options.maxBatch >= 1)) throw new TypeError('maxBatch must be at least 1');
    if (options.storeBatch !== undefined && !(options.storeBatch >= 1)) throw new TypeError('storeBatch must be at least 1');
    if (options.storeDelayMs !== undefined && !(options.storeDelayMs >= 0)) throw new TypeError('storeDelayMs must not be negative');
    const key = await signingKey(options.secrets, options.sealing, (options.now ?? Date.now)());
    const log = new AuditLog(options, key, new Journal(options.spoolFile, options.journalSegmentBytes));
    await log.replayOrphans();
    log.journal.prepare();
    return log;
  }

  get keyId(): string {
    return this.key.keyId;
  }

  /** True while the store is failing (or earlier journals are not yet replayed): fail-closed routes refuse traffic then. */
  get degraded(): boolean {
    return this.storeDown;
  }

  get stats(): AuditStats {
    return {
      queued: this.queue.length + this.backlogRecords,
      spooled: this.backlogRecords,
      written: this.written,
      batches: this.batches,
      degraded: this.degraded,
      lastAppendMs: this.lastAppendMs,
      lastJournalMs: this.lastJournalMs,
      frames: this.frames,
    };
  }

  /**
   * Resolves once the entry is durable in the journal (`spool`), or in the store (`fail-closed`,
   * refused while the store is failing — its record still reaches the store later, as the record
   * of an attempt whose answer was broken off).
   */
  write(entry: EntrySource, mode: StoreDownMode): Promise<void> {
    if (this.closed) return Promise.reject(new AuditUnavailableError(new Error('the audit log is closed')));
    const t = performance.now();
    // Gaps are capped at twice the window (anything slower is simply light load), so a burst
    // after an idle spell is recognised within a few records.
    const gap = Math.min(t - this.lastArrival, 2 * (this.options.commitDelayMs ?? 0));
    this.arrivalGap = this.arrivalGap === Number.POSITIVE_INFINITY ? gap : this.arrivalGap + (gap - this.arrivalGap) / 4;
    this.lastArrival = t;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ source: entry, mode, resolve, reject });
      this.kick();
    });
  }

  /**
   * Read-your-writes: resolves once every record written before the call is in the store (and
   * earlier processes' journals are replayed). Rejects with `AuditUnavailableError` when the
   * store fails. For readers in this process: the query API, checkpoints, retention.
   */
  async sync(): Promise<void> {
    await this.drain();
    const target = this.journaled;
    while (this.stored < target || this.orphans) {
      await this.storeNow();
      if (this.storeDown) throw new AuditUnavailableError(this.lastError);
    }
  }

  /** Stores everything written so far, then signs a checkpoint over the head if records were added since the last. */
  async flush(): Promise<void> {
    await this.sync();
    if (this.sinceCheckpoint > 0) await this.checkpoint();
  }

  /** Signs and stores a checkpoint over the current head. */
  async checkpoint(): Promise<AuditCheckpoint | undefined> {
    const head = this.head ?? (await this.options.repo.head());
    if (head.seq === 0) return undefined;
    const cp = signCheckpoint(this.key, head, this.now());
    await this.options.repo.putCheckpoint(cp);
    this.sinceCheckpoint = 0;
    this.lastCheckpointAt = this.now();
    return cp;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearTimeout(this.storeTimer);
    try {
      await this.flush();
    } catch (err) {
      this.options.log.error({ err, records: this.backlogRecords }, 'final audit flush failed; the records stay in the journal and are replayed when the log is next opened');
    }
    await this.journal.close();
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    // One turn of the event loop lets every request finishing now join the same frame.
    setImmediate(() => {
      void this.drain().finally(() => {
        this.running = false;
        if (this.queue.length > 0) this.kick();
      });
    });
  }

  private tick(): void {
    this.scheduleStore();
    if (this.storing || this.storeDown) return;
    if (this.sinceCheckpoint > 0 && this.now() - this.lastCheckpointAt >= this.options.checkpointEveryMs) {
      this.checkpoint().catch((err: unknown) => this.options.log.warn({ err }, 'audit checkpoint failed'));
    }
  }

  private drainChain: Promise<void> = Promise.resolve();
  /** Empties the queue into the journal; serialised, since sync() and the scheduled run may both call it. Never rejects. */
  private drain(): Promise<void> {
    const next = this.drainChain.then(() => this.drainNow());
    this.drainChain = next;
    return next;
  }

  private async drainNow(): Promise<void> {
    for (;;) {
      await this.gather();
      const taken = this.queue.splice(0, this.options.maxBatch);
      if (taken.length === 0) return;
      const batch = built(taken);
      if (batch.length === 0) continue;
      const entries = batch.map((p) => p.entry);
      const started = performance.now();
      let at: Placed;
      try {
        // The frame is a view of the encoder's buffer: the journal writes it before this loop,
        // the only caller, encodes the next one (drains are serialised).
        at = await this.journal.append(this.encoder.encode(entries), entries.length);
      } catch (err) {
        await this.journalFailed(batch, err);
        continue;
      }
      this.lastJournalMs = performance.now() - started;
      this.frames++;
      const waiters: Waiter[] = [];
      for (const p of batch) {
        if (p.mode === 'fail-closed') waiters.push(p);
        else p.resolve();
      }
      this.backlog.push({ at, count: batch.length, waiters });
      this.backlogRecords += batch.length;
      this.urgent += waiters.length;
      this.journaled += batch.length;
      this.notify(entries);
      this.scheduleStore();
    }
  }

  /** The local disk refused the frame: the store itself is the next durable place; failing that, the writes are refused. */
  private async journalFailed(batch: readonly Pending[], err: unknown): Promise<void> {
    this.options.log.error({ err, file: this.options.spoolFile }, 'audit journal write failed; writing to the store directly');
    const entries = batch.map((p) => p.entry);
    try {
      await this.append(entries);
    } catch (storeErr) {
      this.markDown(storeErr);
      for (const p of batch) p.reject(new AuditUnavailableError(err));
      return;
    }
    for (const p of batch) p.resolve();
    this.notify(entries);
  }

  /**
   * Lets the next frame gather while that pays: only under load, in steps of about one arrival
   * gap (at least a timer tick), stopping at the first step that brought no new record (every
   * caller that could join is already waiting, e.g. a few clients in lock step), at
   * `COMMIT_TARGET` records, or when the window is used up.
   */
  private async gather(): Promise<void> {
    const window = this.options.commitDelayMs ?? 0;
    const enough = Math.min(COMMIT_TARGET, this.options.maxBatch);
    // Light load: fewer than two more records expected within the window, so waiting would add
    // latency and save nothing.
    if (window <= 0 || window < 2 * this.arrivalGap) return;
    const deadline = performance.now() + window;
    for (;;) {
      const queued = this.queue.length;
      const left = deadline - performance.now();
      if (queued === 0 || queued >= enough || this.closed || left <= 0) return;
      await new Promise((r) => setTimeout(r, Math.min(left, Math.max(1, this.arrivalGap))));
      if (this.queue.length === queued) return;
    }
  }

  /**
   * Decides when the backlog goes to the store: at once when a fail-closed record waits or a
   * full batch is there, otherwise `storeDelayMs` after the first record; while the store is
   * failing, every `RETRY_MS`, and fail-closed records are refused meanwhile.
   */
  private scheduleStore(): void {
    if (this.storing || (this.backlogRecords === 0 && !this.orphans)) return;
    if (this.storeDown) {
      if (this.now() - this.failedAt >= RETRY_MS) void this.storeNow();
      else this.refuseUrgent(new Error('the audit store is down'));
      return;
    }
    if (this.urgent > 0 || this.backlogRecords >= this.storeBatch || this.closed) {
      void this.storeNow();
      return;
    }
    if (this.storeTimer) return;
    this.storeTimer = setTimeout(() => {
      this.storeTimer = undefined;
      if (!this.storing) void this.storeNow();
    }, this.storeDelayMs);
    // The journal holds every record: nothing is lost if the process exits before the timer.
    this.storeTimer.unref();
  }

  /** Runs one store batch, or joins the one running. Never rejects. */
  private storeNow(): Promise<void> {
    if (!this.storing) {
      clearTimeout(this.storeTimer);
      this.storeTimer = undefined;
      this.storing = this.storeBatchNow().finally(() => {
        this.storing = undefined;
        this.scheduleStore();
      });
    }
    return this.storing;
  }

  private async storeBatchNow(): Promise<void> {
    if (this.orphans) {
      await this.replayOrphans();
      if (this.orphans) return;
    }
    // Whole frames, up to `storeBatch` records (at least one frame); frames that follow each
    // other in a file are read as one range.
    let frames = 0;
    let records = 0;
    const ranges: JournalRange[] = [];
    while (frames < this.backlog.length) {
      const j = this.backlog[frames] as Journaled;
      if (frames > 0 && records + j.count > this.storeBatch) break;
      const last = ranges[ranges.length - 1];
      if (last && last.file === j.at.segment.path && last.end === j.at.start) ranges[ranges.length - 1] = { file: last.file, start: last.start, end: j.at.end };
      else ranges.push({ file: j.at.segment.path, start: j.at.start, end: j.at.end });
      records += j.count;
      frames++;
    }
    if (frames === 0) return;
    const chunk = this.backlog.slice(0, frames);
    const batch = new JournalBatch(ranges, records);
    try {
      await this.append(batch);
    } catch (err) {
      this.markDown(err);
      this.refuseUrgent(new Error('the audit store is down', { cause: err }));
      return;
    }
    this.backlog.splice(0, frames);
    this.backlogRecords -= records;
    // Journal files whose every record is now in the store can go.
    for (const j of chunk) {
      try {
        await this.journal.stored(j.at.segment, j.count);
      } catch (err) {
        this.options.log.warn({ err, file: j.at.segment.path }, 'could not remove a stored audit journal file');
      }
    }
    this.stored += records;
    for (const j of chunk) {
      this.urgent -= j.waiters.length;
      for (const w of j.waiters) w.resolve();
    }
  }

  /** Fail-closed records in the backlog are refused now (they stay in the journal and reach the store later). */
  private refuseUrgent(cause: Error): void {
    if (this.urgent === 0) return;
    for (const j of this.backlog) {
      for (const w of j.waiters) w.reject(new AuditUnavailableError(cause));
      j.waiters = [];
    }
    this.urgent = 0;
  }

  private async replayOrphans(): Promise<void> {
    try {
      const result = await replayJournals(this.options.spoolFile, this.options.repo, this.storeBatch);
      this.orphans = false;
      for (const c of result.corrupt) this.options.log.error({ file: c.file, offset: c.offset, reason: c.reason }, 'corrupt audit journal frame: the records before it were replayed, the file is kept as .corrupt');
      if (result.records > 0) {
        this.options.log.warn({ records: result.records, files: result.files }, 'replayed audit records left in the journal by an earlier process');
        this.head = undefined;
        this.sinceCheckpoint += result.records;
        this.written += result.records;
      }
      if (this.storeDown) this.options.log.info('audit store reachable again');
      this.storeDown = false;
    } catch (err) {
      this.orphans = true;
      this.markDown(err);
    }
  }

  private async append(batch: AuditBatch): Promise<void> {
    const count = batchSize(batch);
    const started = performance.now();
    this.head = await this.options.repo.append(batch);
    this.lastAppendMs = performance.now() - started;
    if (this.storeDown) this.options.log.info('audit store reachable again');
    this.storeDown = false;
    this.written += count;
    this.batches++;
    this.sinceCheckpoint += count;
    if (this.sinceCheckpoint >= this.options.checkpointEveryRecords) {
      try {
        await this.checkpoint();
      } catch (err) {
        this.options.log.warn({ err }, 'audit checkpoint failed');
      }
    }
  }

  private notify(entries: readonly AuditEntry[]): void {
    if (!this.options.onDurable || entries.length === 0) return;
    try {
      this.options.onDurable(entries);
    } catch (err) {
      this.options.log.warn({ err }, 'audit export hook failed');
    }
  }

  private markDown(err: unknown): void {
    if (!this.storeDown) this.options.log.error({ err }, 'audit store append failed');
    this.storeDown = true;
    this.lastError = err;
    this.failedAt = this.now();
  }
}

/** Builds the entries of a batch in one run; a builder that throws fails its own write only. */
function built(taken: readonly Queued[]): Pending[] {
  const batch: Pending[] = [];
  for (const q of taken) {
    let entry: AuditEntry;
    try {
      entry = typeof q.source === 'function' ? q.source() : q.source;
    } catch (err) {
      q.reject(err instanceof Error ? err : new Error(String(err)));
      continue;
    }
    batch.push({ entry, mode: q.mode, resolve: q.resolve, reject: q.reject });
  }
  return batch;
}
