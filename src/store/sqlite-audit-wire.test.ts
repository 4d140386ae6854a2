import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEntry } from '../audit/chain.js';
import { crc32 } from 'node:zlib';
import { FrameEncoder, frameHeader, packEntries, unpackEntries } from './sqlite-audit-wire.js';

describe('audit batch wire format', () => {
  it('round-trips entries, bodies with newlines and non-ASCII included', () => {
    const entries: AuditEntry[] = [
      { requestId: 'r1', ts: 1, principal: null, route: null, outcome: 'deny', status: 401, body: '{"a":"x\\ny"}' },
      { requestId: 'r\n2', ts: 2, principal: 'p"1', route: 'chat', outcome: 'allow', status: 200, body: '{"é":"\u{1F600}\n"}\n' },
      { requestId: 'r3', ts: 3, principal: 'p', route: 'c', outcome: 'error', status: 502, body: '' },
    ];
    assert.deepEqual(unpackEntries(packEntries(entries)), entries);
    assert.deepEqual(unpackEntries(''), []);
  });
  it('refuses a truncated batch', () => {
    const packed = packEntries([{ requestId: 'r1', ts: 1, principal: null, route: null, outcome: 'allow', status: 200, body: '{"a":1}' }]);
    assert.throws(() => unpackEntries(packed.slice(0, -1)));
  });
  it('frames: the encoder writes the packed batch and its header, and reuses its buffer across frames of any size', () => {
    const entries: AuditEntry[] = [
      { requestId: 'r"1', ts: 1.5, principal: null, route: 'r\\1', outcome: 'deny', status: 401, body: '{"a":"x\ny"}' },
      { requestId: 'r2', ts: 2, principal: 'pé\u0001', route: null, outcome: 'allow', status: 200, body: '{"é":"\u{1F600}\n","lone":"\ud800"}' },
      { requestId: 'r3', ts: Number.NaN, principal: 'p', route: 'c', outcome: 'error', status: 502, body: '' },
    ];
    const reference = (list: readonly AuditEntry[]): Buffer => {
      const packed = list.map((e) => JSON.stringify([e.requestId, e.ts, e.principal, e.route, e.outcome, e.status, e.body.length]) + '\n' + e.body).join('');
      const payload = Buffer.from(packed, 'utf8');
      return Buffer.concat([Buffer.from(`PCJ1 ${list.length} ${payload.length} ${crc32(payload).toString(16)}\n`, 'latin1'), payload]);
    };
    const encoder = new FrameEncoder();
    const big = Array.from({ length: 40 }, (_, i): AuditEntry => ({ requestId: `b${i}`, ts: i, principal: 'p', route: 'c', outcome: 'allow', status: 200, body: `{"pad":"${'\u00e9'.repeat(20_000 + i)}"}` }));
    for (const list of [entries, big, entries.slice(1), big.slice(0, 3)]) {
      const frame = Buffer.from(encoder.encode(list));
      assert.deepEqual(frame, reference(list));
      const h = frameHeader(frame, 0);
      assert.ok(typeof h !== 'string');
      const back = unpackEntries(frame.toString('utf8', h.start, h.end));
      assert.deepEqual(back.map((e) => e.body), list.map((e) => Buffer.from(e.body, 'utf8').toString('utf8')));
    }
  });
});
