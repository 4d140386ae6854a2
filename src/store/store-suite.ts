/**
 * One behavioural suite for every Store backend: `sqlite.test.ts` and `postgres.test.ts` each run
 * it against their own backend, so both keep the same contract. Includes the audit verifier's
 * tampering cases, which need raw SQL access to the backend (`exec`) to play the attacker.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frame } from '../audit/journal.js';
import { AuditLog } from '../audit/log.js';
import { sealingKey } from '../crypto/seal.js';
import { createLogger } from '../log.js';
import { EMPTY_HEAD, type AuditEntry, type AuditRow } from '../audit/chain.js';
import { keyIdOf, loadSigningKeys, signCheckpoint, type SigningKey } from '../audit/signing.js';
import { verifyAudit } from '../audit/verify.js';
import type { ApiKeyRecord, IncidentRecord, Store } from './types.js';

export interface SuiteBackend {
  readonly name: string;
  /** Undefined with a reason when the backend cannot run here (the suite then skips, saying why). */
  readonly unavailable?: () => Promise<string | undefined>;
  /** A fresh, empty store (its own schema or file). */
  open(): Promise<Store>;
  /** Raw SQL against the store opened last, for tampering. */
  exec(sql: string): Promise<void>;
  /** Cleans up after `open`. */
  dispose(): Promise<void>;
}

/** A plain, active service key; backend-specific tests reuse it. */
export const sampleKey: ApiKeyRecord = {
  id: 'abc123def456',
  hash: 'ff'.repeat(32),
  name: 'test',
  principalId: 'svc-1',
  principalKind: 'service',
  tenant: 't1',
  roles: ['app'],
  models: ['chat'],
  createdAt: 1,
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  operations: [],
  cidrs: [],
};
const key = sampleKey;

function entry(i: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    requestId: `req-${String(i).padStart(6, '0')}`,
    ts: 1_700_000_000_000 + i * 1000,
    principal: i % 2 === 0 ? 'svc-1' : null,
    route: i % 3 === 0 ? 'regulated' : 'chat',
    outcome: i % 5 === 0 ? 'deny' : 'allow',
    status: i % 5 === 0 ? 401 : 200,
    body: `{"i":${i},"v":1}`,
    ...overrides,
  };
}

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

const q = (text: string | null): string => (text === null ? 'NULL' : `'${text.replaceAll("'", "''")}'`);

function insertSql(row: AuditRow): string {
  return `INSERT INTO audit_log (seq, ts, request_id, principal, route, outcome, status, prev, body_hash, hash, body) VALUES (${row.seq}, ${row.ts}, ${q(row.requestId)}, ${q(row.principal)}, ${q(row.route)}, ${q(row.outcome)}, ${row.status}, ${q(row.prev)}, ${q(row.bodyHash)}, ${q(row.hash)}, ${q(row.body)})`;
}

export function storeSuite(backend: SuiteBackend): void {
  describe(`${backend.name} store`, async () => {
    const reason = backend.unavailable ? await backend.unavailable() : undefined;
    const test = (name: string, fn: (store: Store) => Promise<void>): void => {
      it(name, { skip: reason ? `${backend.name} unavailable: ${reason}` : false }, async () => {
        const store = await backend.open();
        try {
          await fn(store);
        } finally {
          await store.close();
          await backend.dispose();
        }
      });
    };

    test('stores, lists, touches and revokes keys', async (store) => {
      await store.apiKeys.insert(key);
      await assert.rejects(store.apiKeys.insert(key));
      await store.apiKeys.touch(new Map([[key.id, 50]]));
      await store.apiKeys.touch(new Map([[key.id, 40]]));
      assert.equal((await store.apiKeys.get(key.id))?.lastUsedAt, 50, 'last use never goes backwards');
      assert.equal(await store.apiKeys.revoke(key.id, 60), true);
      assert.equal(await store.apiKeys.revoke(key.id, 70), false);
      assert.deepEqual((await store.apiKeys.list())[0], { ...key, lastUsedAt: 50, revokedAt: 60 });
      assert.equal(await store.apiKeys.get('missing'), undefined);
    });

    test('stores secrets by name', async (store) => {
      await store.secrets.put('a', 'sealed-1', 1);
      await store.secrets.put('a', 'sealed-2', 2);
      assert.equal(await store.secrets.get('a'), 'sealed-2');
      assert.deepEqual(await store.secrets.list(), ['a']);
      assert.equal(await store.secrets.delete('a'), true);
      assert.equal(await store.secrets.delete('a'), false);
      assert.equal(await store.secrets.get('a'), undefined);
      await store.ping();
    });

    test('incidents: insert, list by status, acknowledge once, resolve once, record actions', async (store) => {
      const base: IncidentRecord = {
        id: 'inc-1',
        rule: 'stolen-key',
        severity: 'high',
        status: 'open',
        signal: 'new_country',
        subjectKind: 'principal',
        subject: 'svc-1',
        openedAt: 100,
        updatedAt: 100,
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        resolvedBy: null,
        evidence: '{"requests":["r1"]}',
        actions: '[]',
      };
      await store.incidents.insert(base);
      await store.incidents.insert({ ...base, id: 'inc-2', openedAt: 200, updatedAt: 200 });
      await assert.rejects(store.incidents.insert(base));
      assert.deepEqual(await store.incidents.get('inc-1'), base);
      assert.deepEqual((await store.incidents.list({ limit: 10 })).map((i) => i.id), ['inc-2', 'inc-1'], 'newest first');
      assert.equal(await store.incidents.acknowledge('inc-1', 'ops', 300), true);
      assert.equal(await store.incidents.acknowledge('inc-1', 'ops2', 310), false, 'only an open incident is acknowledged');
      assert.deepEqual((await store.incidents.list({ status: 'open', limit: 10 })).map((i) => i.id), ['inc-2']);
      assert.equal(await store.incidents.resolve('inc-1', 'ops', 400), true);
      assert.equal(await store.incidents.resolve('inc-1', 'ops', 410), false);
      assert.equal(await store.incidents.acknowledge('inc-1', 'ops', 420), false, 'a resolved incident stays resolved');
      assert.equal(await store.incidents.setActions('inc-2', '[{"type":"quarantine","ok":true}]', 500), true);
      assert.equal(await store.incidents.setActions('missing', '[]', 500), false);
      const one = await store.incidents.get('inc-1');
      assert.deepEqual([one?.status, one?.acknowledgedBy, one?.acknowledgedAt, one?.resolvedAt, one?.updatedAt], ['resolved', 'ops', 300, 400, 400]);
      assert.equal((await store.incidents.get('inc-2'))?.actions, '[{"type":"quarantine","ok":true}]');
      assert.equal(await store.incidents.get('missing'), undefined);
    });

    test('sealed columns: lists every kind and replaces only an unchanged value', async (store) => {
      await store.secrets.put('provider', 'v1.a.b.c.d', 1);
      await store.signingKeys.rotate({ kid: 'k1', alg: 'EdDSA', publicJwk: '{}', sealedPrivateJwk: 'v1.s.k.1.x', createdAt: 1 }, 2);
      await store.operators.insert({ id: 'op1', name: 'ann', passwordHash: 'scrypt$x', sealedTotpSecret: 'v1.t.o.t.p', totpLastStep: 0, recoveryHashes: [], createdAt: 1, disabledAt: null });
      assert.deepEqual(await store.sealed.list('secret'), [{ id: 'provider', sealed: 'v1.a.b.c.d' }]);
      assert.deepEqual(await store.sealed.list('signing-key'), [{ id: 'k1', sealed: 'v1.s.k.1.x' }]);
      assert.deepEqual(await store.sealed.list('operator-totp'), [{ id: 'op1', sealed: 'v1.t.o.t.p' }]);
      assert.equal(await store.sealed.replace('secret', 'provider', 'stale', 'v2.new'), false);
      assert.equal(await store.sealed.replace('secret', 'provider', 'v1.a.b.c.d', 'v2.new'), true);
      assert.equal(await store.secrets.get('provider'), 'v2.new');
      assert.equal(await store.sealed.replace('operator-totp', 'op1', 'v1.t.o.t.p', 'v2.totp'), true);
      assert.equal((await store.operators.get('op1'))?.sealedTotpSecret, 'v2.totp');
      assert.equal(await store.sealed.replace('signing-key', 'k1', 'v1.s.k.1.x', 'v2.sk'), true);
      assert.equal((await store.signingKeys.list())[0]?.sealedPrivateJwk, 'v2.sk');
      assert.equal(await store.sealed.replace('secret', 'missing', 'x', 'y'), false);
    });

    test('audit: appends in chain order, skips replayed request ids, pages and bounds', async (store) => {
      assert.deepEqual(await store.audit.head(), EMPTY_HEAD);
      assert.equal(await store.audit.bounds(), null);
      const head = await store.audit.append([entry(1), entry(2), entry(3)]);
      assert.equal(head.seq, 3);
      const again = await store.audit.append([entry(3), entry(4)]);
      assert.equal(again.seq, 4, 'entry 3 was already stored and is skipped');
      assert.deepEqual(await store.audit.head(), again);
      const rows = await store.audit.page(0, 10);
      assert.deepEqual(rows.map((r) => r.requestId), ['req-000001', 'req-000002', 'req-000003', 'req-000004']);
      assert.equal(rows[1]?.prev, rows[0]?.hash);
      assert.deepEqual((await store.audit.page(1, 2)).map((r) => r.seq), [2, 3]);
      assert.deepEqual((await store.audit.page(1, 10, 2)).map((r) => r.seq), [2]);
      assert.deepEqual(await store.audit.bounds(), { first: 1, last: 4 });
      assert.equal(rows[0]?.body, entry(1).body);
    });

    test('audit log: journaled records reach the store in large batches; an orphaned journal is replayed once', async (store) => {
      const dir = mkdtempSync(join(tmpdir(), 'pc-suite-journal-'));
      try {
        const sealing = sealingKey(randomBytes(32));
        const open = (): Promise<AuditLog> =>
          AuditLog.open({ repo: store.audit, secrets: store.secrets, sealing, log: createLogger({ level: 'silent' }), spoolFile: join(dir, 'audit.spool'), checkpointEveryRecords: 10_000, checkpointEveryMs: 60_000, maxBatch: 100, storeDelayMs: 60_000, storeBatch: 500 });
        const log = await open();
        await Promise.all(Array.from({ length: 1234 }, (_, i) => log.write(entry(i + 1), 'spool')));
        await log.sync();
        assert.equal((await store.audit.head()).seq, 1234);
        // Frames of at most 100 records (maxBatch), whole frames per store transaction up to 500 records.
        assert.ok(log.stats.batches >= 3 && log.stats.batches <= 4, `1,234 records took ${log.stats.batches} store transactions`);
        await log.close();
        // A journal left by a process that is gone (this pid, a file this process does not hold).
        writeFileSync(join(dir, `audit.spool.j-${process.pid}-0badf00d-0`), Buffer.concat([frame([entry(1234), entry(1235)]), frame([entry(1236)])]));
        await (await open()).close();
        await (await open()).close();
        const rows = await store.audit.page(1230, 100);
        assert.deepEqual(rows.map((r) => r.requestId), [entry(1231), entry(1232), entry(1233), entry(1234), entry(1235), entry(1236)].map((e) => e.requestId));
        const keys = new Map([...(await loadSigningKeys(store.secrets, sealing))].map(([k, v]) => [k, v.publicKey]));
        assert.equal((await verifyAudit(store.audit, { keys })).ok, true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('audit: retention drops bodies per route and deletes a checkpointed prefix; the chain still verifies', async (store) => {
      const k = newKey();
      await store.audit.append(Array.from({ length: 30 }, (_, i) => entry(i + 1)));
      const expired = await store.audit.expireBodies('chat', entry(11).ts);
      assert.ok(expired > 0);
      assert.equal((await store.audit.page(0, 1))[0]?.body, null);
      await assert.rejects(store.audit.deletePrefix(10), /no checkpoint/);
      const tenth = (await store.audit.page(9, 1))[0] as AuditRow;
      await store.audit.putCheckpoint(signCheckpoint(k, tenth, 5));
      assert.equal(await store.audit.deletePrefix(10), 10);
      const report = await verifyAudit(store.audit, { keys: new Map([[k.keyId, k.publicKey]]) });
      assert.equal(report.ok, true, report.problem?.detail);
      assert.equal(report.records, 20);
      assert.ok(report.expiredBodies >= 0);
      // The head survives even when every row is gone.
      await store.audit.putCheckpoint(signCheckpoint(k, await store.audit.head(), 6));
      await store.audit.deletePrefix(30);
      assert.equal((await store.audit.append([entry(31)])).seq, 31);
      assert.equal((await verifyAudit(store.audit, { keys: new Map([[k.keyId, k.publicKey]]) })).ok, true);
    });

    describe('audit verify detects tampering', () => {
      const signer = newKey();
      const keys = new Map<string, KeyObject>([[signer.keyId, signer.publicKey]]);
      /** 40 records with a checkpoint at 20 and at 40. */
      const seed = async (store: Store): Promise<void> => {
        await store.audit.append(Array.from({ length: 20 }, (_, i) => entry(i + 1)));
        await store.audit.putCheckpoint(signCheckpoint(signer, await store.audit.head(), 1));
        await store.audit.append(Array.from({ length: 20 }, (_, i) => entry(i + 21)));
        await store.audit.putCheckpoint(signCheckpoint(signer, await store.audit.head(), 2));
        const clean = await verifyAudit(store.audit, { keys, pageSize: 7 });
        assert.equal(clean.ok, true, clean.problem?.detail);
        assert.equal(clean.records, 40);
        assert.equal(clean.lastCheckpoint, 40);
        assert.equal(clean.uncovered, 0);
      };
      const expectProblem = async (store: Store, kind: string, seq: number): Promise<void> => {
        const report = await verifyAudit(store.audit, { keys, pageSize: 7 });
        assert.equal(report.ok, false);
        assert.equal(report.problem?.kind, kind, report.problem?.detail);
        assert.equal(report.problem?.seq, seq, report.problem?.detail);
      };

      test('an edited header field', async (store) => {
        await seed(store);
        await backend.exec('UPDATE audit_log SET status = 200 WHERE seq = 15');
        await expectProblem(store, 'modified', 15);
      });

      test('an edited body', async (store) => {
        await seed(store);
        await backend.exec(`UPDATE audit_log SET body = '{"i":999,"v":1}' WHERE seq = 12`);
        await expectProblem(store, 'modified', 12);
      });

      test('a deleted row', async (store) => {
        await seed(store);
        await backend.exec('DELETE FROM audit_log WHERE seq = 9');
        await expectProblem(store, 'deleted', 9);
      });

      test('a deleted row with the rest renumbered', async (store) => {
        await seed(store);
        await backend.exec('DELETE FROM audit_log WHERE seq = 25');
        for (let s = 26; s <= 40; s++) await backend.exec(`UPDATE audit_log SET seq = ${s - 1} WHERE seq = ${s}`);
        await expectProblem(store, 'deleted', 25);
      });

      test('two rows swapped', async (store) => {
        await seed(store);
        const [a, b] = (await store.audit.page(4, 2)) as [AuditRow, AuditRow];
        await backend.exec('DELETE FROM audit_log WHERE seq IN (5, 6)');
        await backend.exec(insertSql({ ...b, seq: 5 }));
        await backend.exec(insertSql({ ...a, seq: 6 }));
        await expectProblem(store, 'reordered', 5);
      });

      test('an inserted row (the chain recomputed after it, up to the checkpoint)', async (store) => {
        await seed(store);
        // A forged record chained onto 29 and placed at 30: the attacker recomputes hashes, but
        // the record that was at 30 is lost and 31 no longer chains.
        const [r29] = (await store.audit.page(28, 1)) as [AuditRow];
        const { linkEntries } = await import('../audit/chain.js');
        const [forged] = linkEntries({ seq: 29, hash: r29.hash }, [entry(999)]) as [AuditRow];
        await backend.exec('DELETE FROM audit_log WHERE seq = 30');
        await backend.exec(insertSql(forged));
        await expectProblem(store, 'inserted', 31);
      });

      test('a truncated tail after the last checkpoint', async (store) => {
        await seed(store);
        await backend.exec('DELETE FROM audit_log WHERE seq > 33');
        await expectProblem(store, 'truncated', 34);
      });

      test('a chain recomputed from an edit onwards (caught by the signed checkpoint)', async (store) => {
        await seed(store);
        const rows = [...(await store.audit.page(0, 100))];
        const { linkEntries } = await import('../audit/chain.js');
        const edited = rows.slice(2).map((r) => ({ ...r, status: r.seq === 3 ? 500 : r.status, body: r.body as string }));
        const relinked = linkEntries(rows[1] as AuditRow, edited);
        await backend.exec('DELETE FROM audit_log WHERE seq > 2');
        for (const r of relinked) await backend.exec(insertSql(r));
        await expectProblem(store, 'checkpoint', 20);
      });

      test('a forged checkpoint', async (store) => {
        await seed(store);
        const mallory = newKey();
        await store.audit.putCheckpoint(signCheckpoint(mallory, { seq: 10, hash: 'ab'.repeat(32) }, 3));
        await expectProblem(store, 'checkpoint', 10);
      });

      test('an altered checkpoint', async (store) => {
        await seed(store);
        await backend.exec(`UPDATE audit_checkpoints SET hash = '${'cd'.repeat(32)}' WHERE seq = 20`);
        await expectProblem(store, 'checkpoint', 20);
      });

      test('an unanchored prefix deletion', async (store) => {
        await seed(store);
        await backend.exec('DELETE FROM audit_log WHERE seq <= 5');
        await expectProblem(store, 'unanchored', 6);
      });
    });
  });
}
