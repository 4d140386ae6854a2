import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEntry } from '../audit/chain.js';
import { packEntries, unpackEntries } from './sqlite-audit-wire.js';

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
});
