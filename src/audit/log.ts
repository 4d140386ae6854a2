/**
 * The audit writer. Requests hand it entries and wait; it appends them to the store in batches
 * (group commit: one durable transaction, one fsync, for every entry that arrived while the
 * previous batch was being written), signs a checkpoint every N records or T milliseconds, and
 * when the store fails it either spools the entries to a local fsynced file (replayed in order
 * once the store answers again) or rejects them, per route (`onStoreDown`). A rejected entry
 * makes the gateway break off its response: no complete answer without a durable record.
 */
import type { Logger } from '../log.js';
import type { AuditRepo, SecretRepo } from '../store/types.js';
import type { SealingKey } from '../crypto/seal.js';
import type { AuditEntry, ChainHead } from './chain.js';
import { signCheckpoint, signingKey, type AuditCheckpoint, type SigningKey } from './signing.js';
import { Spool } from './spool.js';

export type StoreDownMode = 'spool' | 'fail-closed';

export interface AuditLogOptions {
  readonly repo: AuditRepo;
  readonly secrets: SecretRepo;
  readonly sealing: SealingKey;
  readonly log: Logger;
  readonly spoolFile: string;
  readonly checkpointEveryRecords: number;
  readonly checkpointEveryMs: number;
  readonly maxBatch: number;
  /**
   * Group-commit window: the most the writer lets records gather before a commit (0: commit as
   * soon as the previous one is done). It waits only under load — when records arrive fast
   * enough that at least two more are expected within the window — and only while new records
   * keep arriving (`gather`). Fewer, larger fsynced commits cost less CPU per record; the price
   * is up to this much more latency before an answer completes under load.
   */
  readonly commitDelayMs?: number;
  readonly now?: () => number;
  /**
   * Called with every batch once it is durable (in the store, or in the spool), in order; for
   * exporters. Must not throw or block: it runs on the audit writer's path.
   */
  readonly onDurable?: (entries: readonly AuditEntry[]) => void;
}

export interface AuditStats {
  readonly queued: number;
  readonly spooled: number;
  readonly written: number;
  readonly batches: number;
  readonly degraded: boolean;
  /** Duration of the last store append, in milliseconds. */
  readonly lastAppendMs: number;
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

/** Thrown to a waiting request when its record could not be made durable. */
export class AuditUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the audit store is unavailable', { cause });
    this.name = 'AuditUnavailableError';
  }
}

/** How long a failed store is left alone before the spool is replayed again. */
const RETRY_MS = 1_000;
/** Records per commit the group-commit window aims for: beyond this the fsync's share is small. */
const COMMIT_TARGET = 16;

export class AuditLog {
  private readonly queue: Queued[] = [];
  private running = false;
  private closed = false;
  private sinceCheckpoint = 0;
  private lastCheckpointAt: number;
  private head: ChainHead | undefined;
  private failedAt = 0;
  private written = 0;
  private batches = 0;
  private lastAppendMs = 0;
  private storeDown = false;
  /** When the last record arrived, and the smoothed time between arrivals (ms): the load signal of the commit window. */
  private lastArrival = Number.NEGATIVE_INFINITY;
  private arrivalGap = Number.POSITIVE_INFINITY;
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;

  private constructor(
    private readonly options: AuditLogOptions,
    private readonly key: SigningKey,
    private readonly spool: Spool,
  ) {
    this.now = options.now ?? Date.now;
    this.lastCheckpointAt = this.now();
    // Checkpoints when idle, and spool replay while the store is down.
    this.timer = setInterval(() => this.tick(), Math.min(options.checkpointEveryMs, RETRY_MS));
    this.timer.unref();
  }

  /** Loads (or creates) the checkpoint key and replays whatever a previous run left in the spool. */
  static async open(options: AuditLogOptions): Promise<AuditLog> {
    if (!(options.maxBatch >= 1)) throw new TypeError('maxBatch must be at least 1');
    const key = await signingKey(options.secrets, options.sealing, (options.now ?? Date.now)());
    const log = new AuditLog(options, key, new Spool(options.spoolFile));
    if (log.spool.size > 0) {
      options.log.warn({ spooled: log.spool.size }, 'replaying audit records spooled while the store was down');
      await log.drain();
    }
    return log;
  }

  get keyId(): string {
    return this.key.keyId;
  }

  /** True while the store is failing or the spool holds records: fail-closed routes refuse traffic then. */
  get degraded(): boolean {
    return this.storeDown || this.spool.size > 0;
  }

  get stats(): AuditStats {
    return { queued: this.queue.length, spooled: this.spool.size, written: this.written, batches: this.batches, degraded: this.degraded, lastAppendMs: this.lastAppendMs };
  }

  /** Resolves once the entry is durable in the store (or, by `mode`, in the spool). */
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

  /** Writes everything queued, then signs a checkpoint over the head if records were added since the last. */
  async flush(): Promise<void> {
    await this.drain();
    if (this.sinceCheckpoint > 0 && !this.storeDown) await this.checkpoint();
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
    try {
      await this.flush();
    } catch (err) {
      this.options.log.error({ err }, 'final audit flush failed; records stay in the spool');
    }
    this.spool.close();
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    // One turn of the event loop lets every request finishing now join the same batch.
    setImmediate(() => {
      void this.drain().finally(() => {
        this.running = false;
        if (this.queue.length > 0) this.kick();
      });
    });
  }

  private tick(): void {
    if (this.running) return;
    if (this.spool.size > 0) {
      this.kick();
      return;
    }
    if (this.sinceCheckpoint > 0 && this.now() - this.lastCheckpointAt >= this.options.checkpointEveryMs) {
      this.checkpoint().catch((err: unknown) => this.options.log.warn({ err }, 'audit checkpoint failed'));
    }
  }

  private drainChain: Promise<void> = Promise.resolve();
  /** Empties the queue; serialised, since close() and the scheduled run may both call it. Never rejects a caller's promise twice. */
  private drain(): Promise<void> {
    const next = this.drainChain.then(() => this.drainNow());
    this.drainChain = next;
    return next;
  }

  private async drainNow(): Promise<void> {
    for (;;) {
      if (this.spool.size > 0 && this.now() - this.failedAt >= RETRY_MS) await this.replay();
      await this.gather();
      const taken = this.queue.splice(0, this.options.maxBatch);
      if (taken.length === 0) return;
      const batch = built(taken);
      if (batch.length === 0) continue;
      if (this.spool.size === 0) {
        try {
          const entries = batch.map((p) => p.entry);
          await this.append(entries);
          for (const p of batch) p.resolve();
          this.notify(entries);
          continue;
        } catch (err) {
          this.markDown(err);
        }
      }
      this.degrade(batch);
    }
  }

  /**
   * Lets the next batch gather while that pays: only under load, in steps of about one arrival
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

  /** The store is down (or the spool is not yet replayed): spool what may be spooled, refuse the rest. */
  private degrade(batch: readonly Pending[]): void {
    const spoolable = batch.filter((p) => p.mode === 'spool');
    try {
      const entries = spoolable.map((p) => p.entry);
      this.spool.append(entries);
      for (const p of spoolable) p.resolve();
      this.notify(entries);
    } catch (err) {
      this.options.log.error({ err, file: this.spool.file }, 'audit spool write failed');
      for (const p of spoolable) p.reject(new AuditUnavailableError(err));
    }
    for (const p of batch) if (p.mode === 'fail-closed') p.reject(new AuditUnavailableError(new Error('the audit store is down')));
  }

  private async replay(): Promise<void> {
    const entries = this.spool.read();
    try {
      for (let i = 0; i < entries.length; i += this.options.maxBatch) await this.append(entries.slice(i, i + this.options.maxBatch));
      this.spool.clear();
      this.options.log.info({ replayed: entries.length }, 'audit spool replayed into the store');
    } catch (err) {
      this.markDown(err);
    }
  }

  private async append(entries: readonly AuditEntry[]): Promise<void> {
    const started = performance.now();
    this.head = await this.options.repo.append(entries);
    this.lastAppendMs = performance.now() - started;
    if (this.storeDown) this.options.log.info('audit store reachable again');
    this.storeDown = false;
    this.written += entries.length;
    this.batches++;
    this.sinceCheckpoint += entries.length;
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
