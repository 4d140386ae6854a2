import type Database from 'better-sqlite3';

/**
 * Sets the connection's automatic WAL checkpoint to ~4 MiB of WAL whatever the page size (SQLite's
 * default is 1,000 pages: 4 MiB at 4 KiB pages, 64 MiB at 64 KiB). The copy costs no more CPU in
 * small pieces, and 64 MiB at once is a burst of disk writes that the audit journal's fdatasyncs
 * would queue behind. Every connection that commits needs it (the audit append thread's too).
 */
export function walCheckpointBytes(db: Database.Database, bytes = 4 << 20): void {
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.pragma(`wal_autocheckpoint = ${Math.max(16, Math.round(bytes / pageSize))}`);
}
