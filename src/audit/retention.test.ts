import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { configSchema } from '../config/schema.js';
import { openSqliteStore } from '../store/sqlite.js';
import { pruneAudit } from './retention.js';
import { keyIdOf } from './signing.js';
import { verifyAudit } from './verify.js';

const DAY = 86_400_000;

describe('audit retention', () => {
  it('drops bodies per route, deletes the expired prefix under a checkpoint, and the chain still verifies', async () => {
    const store = openSqliteStore(':memory:');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key = { keyId: keyIdOf(publicKey), privateKey, publicKey };
    const now = 100 * DAY;
    const config = configSchema.parse({
      audit: { retentionDays: 30 },
      routes: [
        { model: 'short', audit: { retentionDays: 7 }, targets: [{ provider: 'openai', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' }] },
        { model: 'long', targets: [{ provider: 'openai', baseUrl: 'http://127.0.0.1:1/v1', model: 'm' }] },
      ],
    });
    // Days 50..99: 'short' records every day, 'long' on even days.
    const entries = [];
    for (let d = 50; d < 100; d++) {
      entries.push({ requestId: `s${d}`, ts: d * DAY, principal: null, route: 'short', outcome: 'allow' as const, status: 200, body: '{}' });
      if (d % 2 === 0) entries.push({ requestId: `l${d}`, ts: d * DAY, principal: null, route: 'long', outcome: 'allow' as const, status: 200, body: '{}' });
    }
    await store.audit.append(entries);
    const result = await pruneAudit(store.audit, config, key, now);
    // short: days 50..92 expire (43); long: even days 50..68 (10).
    assert.equal(result.expiredBodies, 43 + 10);
    // The leading bodiless run ends just before the first long record of day 70.
    assert.ok(result.deletedRecords > 0 && result.checkpointSeq !== undefined);
    const rows = await store.audit.page(0, 1000);
    assert.equal(rows[0]?.requestId, 'l70');
    const report = await verifyAudit(store.audit, { keys: new Map([[key.keyId, publicKey]]) });
    assert.equal(report.ok, true, report.problem?.detail);
    assert.ok(report.expiredBodies > 0, 'bodiless headers inside the kept range still verify');
    await store.close();
  });
});
