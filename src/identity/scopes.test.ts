import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCidrs, checkOperations, operationAllowed, sourceAllowed } from './scopes.js';

describe('credential scopes', () => {
  it('operations: empty allows all; unknown names are refused at creation', () => {
    assert.equal(operationAllowed([], 'chat'), true);
    assert.equal(operationAllowed(undefined, 'scan'), true);
    assert.equal(operationAllowed(['embed'], 'chat'), false);
    assert.equal(operationAllowed(['embed', 'chat'], 'chat'), true);
    assert.throws(() => checkOperations(['chat', 'teleport']), /teleport/);
  });

  const table: [string[], string, boolean][] = [
    [[], '203.0.113.9', true],
    [['10.0.0.0/8'], '10.1.2.3', true],
    [['10.0.0.0/8'], '11.0.0.1', false],
    [['10.0.0.0/8'], '::ffff:10.1.2.3', true],
    [['192.168.1.7'], '192.168.1.7', true],
    [['192.168.1.7'], '192.168.1.8', false],
    [['2001:db8::/32'], '2001:db8:1::5', true],
    [['2001:db8::/32'], '2001:db9::1', false],
    [['2001:db8::/32'], '10.0.0.1', false],
    [['10.0.0.0/8'], 'not-an-ip', false],
    [['10.0.0.0/8'], '', false],
  ];
  for (const [cidrs, ip, expected] of table) {
    it(`source ${ip || '(none)'} against [${cidrs.join(', ')}] → ${expected}`, () => assert.equal(sourceAllowed(cidrs, ip), expected));
  }

  it('refuses malformed CIDR blocks', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.0/', 'example.com', '::1/129', '10.0.0.0/8x', '10.0.0.0/-1']) assert.throws(() => checkCidrs([bad]), TypeError, bad);
    assert.deepEqual(checkCidrs(['10.0.0.0/8', '::1']), ['10.0.0.0/8', '::1']);
  });
});
