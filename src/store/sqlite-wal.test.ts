import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { walCheckpointBytes } from './sqlite-wal.js';

describe('WAL checkpoint size', () => {
  it('is ~4 MiB of WAL whatever the page size', () => {
    for (const [pageSize, pages] of [[4096, 1024], [16_384, 256], [65_536, 64]] as const) {
      const db = new Database(':memory:');
      try {
        db.pragma(`page_size = ${pageSize}`);
        walCheckpointBytes(db);
        assert.equal(Number(db.pragma('wal_autocheckpoint', { simple: true })), pages, `${pageSize}-byte pages`);
      } finally {
        db.close();
      }
    }
  });
});
