import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import fc from 'fast-check';
import { certainIp, IP_TEXT, ipText, rewriteIpReads } from './ip-text.js';

/** Whether Cedar takes the text as a context `ipaddr` (it refuses the request otherwise). */
function cedarAccepts(text: string): boolean {
  const answer = cedar.isAuthorized({
    principal: { type: 'User', id: 'a' },
    action: { type: 'Action', id: 'chat' },
    resource: { type: 'Model', id: 'm' },
    context: { ip: { __extn: { fn: 'ip', arg: text } } },
    policies: { staticPolicies: {} },
    validateRequest: false,
    entities: [],
  });
  return answer.type === 'success';
}

describe('certainIp', () => {
  it('accepts only addresses Cedar accepts (then the text alone is passed)', () => {
    // Every textual form fast-check makes, and near-misses built from the same characters.
    const noise = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.%/ '), maxLength: 24 });
    const text = fc.oneof(fc.ipV4(), fc.ipV4Extended(), fc.ipV6(), noise);
    fc.assert(
      fc.property(text, (t) => {
        if (certainIp(t)) assert.ok(cedarAccepts(t), t);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('takes the usual forms, refuses the ones Cedar refuses', () => {
    for (const t of ['10.1.2.3', '0.0.0.0', '255.255.255.255', '::1', '::', '2001:db8::1', 'FE80::1', '1:2:3:4:5:6:7:8']) assert.ok(certainIp(t), t);
    for (const t of ['01.2.3.4', '1.2.3.4/24', '::ffff:1.2.3.4', 'fe80::1%eth0', '256.1.1.1', ' 1.2.3.4', '']) assert.ok(!certainIp(t), t);
  });
});

describe('rewriteIpReads', () => {
  const context = { Var: 'context' };
  it('reads the text through ip() and renames has', () => {
    const conditions = [{ kind: 'when', body: { '&&': { left: { has: { left: context, attr: 'ip' } }, right: { isLoopback: [{ '.': { left: context, attr: 'ip' } }] } } } }];
    assert.deepEqual(rewriteIpReads(conditions), [
      { kind: 'when', body: { '&&': { left: { has: { left: context, attr: IP_TEXT } }, right: { isLoopback: [{ ip: [{ '.': { left: context, attr: IP_TEXT } }] }] } } } },
    ]);
  });

  it('leaves policies that use the context whole', () => {
    assert.equal(rewriteIpReads([{ kind: 'when', body: { '==': { left: context, right: { Record: {} } } } }]), undefined);
    assert.equal(rewriteIpReads([{ kind: 'when', body: { has: { left: context, attr: ['ip', 'x'] } } }]), undefined);
  });

  it('reads the text of ip values only', () => {
    assert.equal(ipText({ __extn: { fn: 'ip', arg: '10.0.0.1' } }), '10.0.0.1');
    assert.equal(ipText({ __extn: { fn: 'decimal', arg: '1.0' } }), undefined);
    assert.equal(ipText('10.0.0.1'), undefined);
  });
});
