/**
 * The local spool: an append-only JSON-lines file that holds audit entries while the store is
 * down. An append is fsynced before it is acknowledged, so an entry the spool accepted survives a
 * crash as surely as one the store accepted. Replay appends the entries to the store in order and
 * then empties the file; a crash between the two replays them again, which the store absorbs
 * (it skips request ids it already holds).
 */
import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditEntry } from './chain.js';

export class Spool {
  private readonly fd: number;
  private count: number;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    this.fd = openSync(file, 'a+', 0o600);
    this.count = this.read().length;
  }

  /** Entries waiting for replay. */
  get size(): number {
    return this.count;
  }

  get bytes(): number {
    return fstatSync(this.fd).size;
  }

  append(entries: readonly AuditEntry[]): void {
    if (entries.length === 0) return;
    let text = '';
    for (const e of entries) text += JSON.stringify(e) + '\n';
    writeSync(this.fd, text);
    fdatasyncSync(this.fd);
    this.count += entries.length;
  }

  /** Every complete entry in order. A torn last line (a crash mid-write, never acknowledged) is skipped. */
  read(): AuditEntry[] {
    const text = readFileSync(this.file, 'utf8');
    const out: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (line.length === 0) continue;
      try {
        out.push(JSON.parse(line) as AuditEntry);
      } catch {
        // Only the last line can be torn; anything else unreadable is not ours to guess at.
      }
    }
    return out;
  }

  clear(): void {
    ftruncateSync(this.fd, 0);
    fdatasyncSync(this.fd);
    this.count = 0;
  }

  close(): void {
    closeSync(this.fd);
  }
}
