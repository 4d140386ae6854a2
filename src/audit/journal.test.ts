import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { sealingKey } from '../crypto/seal.js';
import { createLogger } from '../log.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';
import type { AuditEntry } from './chain.js';
import { frame, readJournal, replayJournals } from './journal.js';
import { AuditLog } from './log.js';
import { loadSigningKeys } from './signing.js';
import { verifyAudit } from './verify.js';

const entry = (i: number): AuditEntry => ({ requestId: `r${i}`, ts: i, principal: 'p', route: 'chat', outcome: 'allow', status: 200, body: `{"i":${i},"text":"caf\u00e9 \u{1F600} \\n"}` });
const ids = (entries: readonly { requestId: string }[]): string[] => entries.map((e) => e.requestId);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pc-journal-'));
}

/** A fresh directory with a SQLite store in it, both gone afterwards. */
async function withStore(fn: (dir: string, store: Store) => Promise<void>): Promise<void> {
  const dir = tempDir();
  const store = openSqliteStore(join(dir, 'state.db'));
  try {
    await fn(dir, store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('audit journal', () => {
  const one = frame([entry(1), entry(2)]);
  const two = frame([entry(3)]);
  const cases: { name: string; bytes: Buffer; ids: string[]; torn: boolean; corrupt?: RegExp }[] = [
    { name: 'two whole frames', bytes: Buffer.concat([one, two]), ids: ['r1', 'r2', 'r3'], torn: false },
    { name: 'torn in the last header', bytes: Buffer.concat([one, two.subarray(0, 6)]), ids: ['r1', 'r2'], torn: true },
    { name: 'torn in the last payload', bytes: Buffer.concat([one, two.subarray(0, two.length - 5)]), ids: ['r1', 'r2'], torn: true },
    { name: 'frames and the zero-filled rest of the file', bytes: Buffer.concat([one, two, Buffer.alloc(4096)]), ids: ['r1', 'r2', 'r3'], torn: false },
    { name: 'a torn frame and the zero-filled rest of the file', bytes: Buffer.concat([one, two.subarray(0, two.length - 5), Buffer.alloc(4096)]), ids: ['r1', 'r2'], torn: true },
    { name: 'a frame whose payload never reached the disk (zeros)', bytes: Buffer.concat([one, two.subarray(0, 20), Buffer.alloc(two.length - 20), Buffer.alloc(100)]), ids: ['r1', 'r2'], torn: true },
    { name: 'a corrupt frame with a good one after it, then zeros', bytes: Buffer.concat([Buffer.from(one.toString('latin1').replace('"i":1', '"i":7'), 'latin1'), two, Buffer.alloc(100)]), ids: [], torn: false, corrupt: /checksum/ },
    { name: 'a last frame with a flipped byte', bytes: Buffer.concat([one, two.subarray(0, two.length - 1), Buffer.from('X')]), ids: ['r1', 'r2'], torn: true },
    { name: 'a corrupt first frame with a good one after it', bytes: Buffer.concat([Buffer.from(one.toString('latin1').replace('"i":1', '"i":7'), 'latin1'), two]), ids: [], torn: false, corrupt: /checksum/ },
    { name: 'garbage between frames', bytes: Buffer.concat([one, Buffer.from('oops\n'), two]), ids: ['r1', 'r2'], torn: false, corrupt: /header/ },
  ];
  for (const c of cases) {
    it(`reads ${c.name}`, () => {
      const dir = tempDir();
      try {
        const file = join(dir, 'j');
        writeFileSync(file, c.bytes);
        const read = readJournal(file);
        assert.deepEqual(ids(read.entries), c.ids);
        assert.equal(read.tornBytes > 0, c.torn);
        if (c.corrupt) {
          assert.match(read.corrupt?.reason ?? '', c.corrupt);
          assert.equal(read.corrupt?.offset, c.ids.length === 0 ? 0 : one.length);
        } else assert.equal(read.corrupt, undefined);
        if (c.ids.length > 0) assert.deepEqual(read.entries[0], entry(1), 'records come back byte for byte (non-ASCII bodies included)');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('replay keeps the good prefix of a corrupt file, reports it and keeps the file; a torn file is replayed and removed', () =>
    withStore(async (dir, store) => {
      const base = join(dir, 'audit.spool');
      // Files of a process that is gone: this process's pid, but not files this process has open.
      writeFileSync(`${base}.j-${process.pid}-00000001-0`, Buffer.concat([one, Buffer.from('oops\n'), two]));
      writeFileSync(`${base}.j-${process.pid}-00000002-0`, Buffer.concat([frame([entry(4)]), frame([entry(5)]).subarray(0, 9)]));
      const result = await replayJournals(base, store.audit, 500);
      assert.equal(result.records, 3);
      assert.equal(result.corrupt.length, 1);
      assert.match(result.corrupt[0]?.reason ?? '', /header/);
      assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('audit.spool')), [`audit.spool.j-${process.pid}-00000001-0.corrupt`]);
      assert.deepEqual(ids(await store.audit.page(0, 10)), ['r1', 'r2', 'r4']);
    }));

  it('replays an old-format spool (JSON lines, torn last line skipped)', () =>
    withStore(async (dir, store) => {
      const base = join(dir, 'audit.spool');
      writeFileSync(base, `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n{"requestId":"r3","ts`);
      assert.equal((await replayJournals(base, store.audit, 500)).records, 2);
      assert.deepEqual(ids(await store.audit.page(0, 10)), ['r1', 'r2']);
      assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('audit.spool')), []);
    }));

  it('SIGKILL mid-batch: every acknowledged record is in the journal, replay stores each exactly once', async () => {
    const dir = tempDir();
    const master = randomBytes(32).toString('hex');
    const dist = (p: string): string => pathToFileURL(join(import.meta.dirname, '..', p)).href;
    // The child writes records 64 at a time and prints each id once its write resolved
    // (acknowledged), until it is killed. A short store interval, so that the kill lands with
    // some records in the store, some only in the journal, and a store batch possibly in flight.
    const script = join(dir, 'child.mjs');
    writeFileSync(
      script,
      `import { AuditLog } from ${JSON.stringify(dist('audit/log.js'))};
import { openSqliteStore } from ${JSON.stringify(dist('store/sqlite.js'))};
import { sealingKey } from ${JSON.stringify(dist('crypto/seal.js'))};
import { createLogger } from ${JSON.stringify(dist('log.js'))};
const store = openSqliteStore(${JSON.stringify(join(dir, 'state.db'))});
const log = await AuditLog.open({ repo: store.audit, secrets: store.secrets, sealing: sealingKey(Buffer.from(${JSON.stringify(master)}, 'hex')), log: createLogger({ level: 'silent' }),
  spoolFile: ${JSON.stringify(join(dir, 'audit.spool'))}, checkpointEveryRecords: 1000, checkpointEveryMs: 60000, maxBatch: 1000, commitDelayMs: 2, storeDelayMs: 20, storeBatch: 300 });
const body = JSON.stringify({ pad: 'x'.repeat(1500) });
for (let n = 0; ; n += 64) {
  await Promise.all(Array.from({ length: 64 }, (_, i) => log.write({ requestId: 'k' + (n + i), ts: n + i, principal: null, route: 'chat', outcome: 'allow', status: 200, body }, 'spool')
    .then(() => process.stdout.write('k' + (n + i) + '\\n'))));
}
`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acked: string[] = [];
    const target = 3000 + Math.floor(Math.random() * 1000);
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', () => resolve());
      createInterface({ input: child.stdout }).on('line', (line) => {
        acked.push(line);
        if (acked.length === target) child.kill('SIGKILL');
      });
    });
    assert.equal(child.signalCode, 'SIGKILL', 'the child ran until it was killed');
    const journals = (): string[] => readdirSync(dir).filter((f) => f.startsWith('audit.spool.j-'));
    assert.ok(journals().length > 0, 'the killed process left its journal');
    const store = openSqliteStore(join(dir, 'state.db'));
    try {
      const inStoreBefore = (await store.audit.head()).seq;
      // A crash after the store commit but before the journal files are deleted: replay twice.
      mkdirSync(join(dir, 'copies'));
      const copies = journals().map((f) => {
        copyFileSync(join(dir, f), join(dir, 'copies', f));
        return f;
      });
      const open = (): Promise<AuditLog> =>
        AuditLog.open({ repo: store.audit, secrets: store.secrets, sealing: sealingKey(Buffer.from(master, 'hex')), log: createLogger({ level: 'silent' }), spoolFile: join(dir, 'audit.spool'), checkpointEveryRecords: 1000, checkpointEveryMs: 60_000, maxBatch: 1000 });
      await (await open()).close();
      const afterFirst = (await store.audit.head()).seq;
      assert.deepEqual(journals(), []);
      for (const f of copies) copyFileSync(join(dir, 'copies', f), join(dir, f));
      await (await open()).close();
      assert.equal((await store.audit.head()).seq, afterFirst, 'a second replay of the same journal adds nothing');
      const rows = await store.audit.page(0, 1_000_000);
      const stored = new Set(rows.map((r) => r.requestId));
      assert.equal(stored.size, rows.length, 'each record once');
      const lost = acked.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged records lost`);
      assert.ok(afterFirst > inStoreBefore, 'some acknowledged records were only in the journal at the kill');
      const keys = new Map([...(await loadSigningKeys(store.secrets, sealingKey(Buffer.from(master, 'hex'))))].map(([k, v]) => [k, v.publicKey]));
      const report = await verifyAudit(store.audit, { keys });
      assert.ok(report.ok, JSON.stringify(report.problem));
      process.stdout.write(`# killed after ${acked.length} acknowledged; ${inStoreBefore} in the store, ${afterFirst - inStoreBefore} replayed from the journal\n`);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('acknowledges before the store has the records; journal files go once the store holds theirs, rotated ones first', () =>
    withStore(async (dir, store) => {
      const files = (): string[] => readdirSync(dir).filter((f) => f.startsWith('audit.spool'));
      const log = await AuditLog.open({ repo: store.audit, secrets: store.secrets, sealing: sealingKey(randomBytes(32)), log: createLogger({ level: 'silent' }), spoolFile: join(dir, 'audit.spool'), checkpointEveryRecords: 1000, checkpointEveryMs: 60_000, maxBatch: 1000, storeDelayMs: 60_000, journalSegmentBytes: 1024 });
      for (let i = 0; i < 40; i++) await log.write(entry(i), 'spool');
      assert.equal((await store.audit.head()).seq, 0, 'acknowledged before the store has them (store interval 60 s)');
      const before = files();
      assert.ok(before.length >= 3, `frames of ~120 bytes rotate 1 KiB files (${before.length} files)`);
      assert.deepEqual(before.flatMap((f) => ids(readJournal(join(dir, f)).entries)), Array.from({ length: 40 }, (_, i) => `r${i}`));
      // A fail-closed record does not wait for the interval: it waits for the store, with everything before it.
      await log.write(entry(100), 'fail-closed');
      assert.equal((await store.audit.head()).seq, 41);
      assert.ok(files().length <= 2, `only the file being written (and the next, zero-filled ahead) remain: ${files().length}`);
      await log.close();
      assert.deepEqual(files(), []);
    }));

  it('a log closed while the store is down leaves every file, rotated ones too, and the next open replays them all in order', () =>
    withStore(async (dir, store) => {
      const sealing = sealingKey(randomBytes(32));
      const down = { ...store.audit, append: () => Promise.reject(new Error('connection refused')) };
      const options = { secrets: store.secrets, sealing, log: createLogger({ level: 'silent' }), spoolFile: join(dir, 'audit.spool'), checkpointEveryRecords: 1000, checkpointEveryMs: 60_000, maxBatch: 1000, journalSegmentBytes: 1024 };
      const log = await AuditLog.open({ ...options, repo: down });
      for (let i = 0; i < 40; i++) await log.write(entry(i), 'spool');
      await log.close();
      assert.ok(readdirSync(dir).filter((f) => f.startsWith('audit.spool.j-')).length >= 3);
      await (await AuditLog.open({ ...options, repo: store.audit })).close();
      assert.deepEqual(ids(await store.audit.page(0, 100)), Array.from({ length: 40 }, (_, i) => `r${i}`));
    }));
});
