import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '../log.js';
import type { RequestState } from './runner.js';
import { RequestSlot } from './slot.js';

function state(): RequestState {
  return {
    requestId: 'req-1',
    api: 'openai',
    operation: 'chat',
    sourceIp: '127.0.0.1',
    headers: {},
    principal: undefined,
    context: undefined,
    signal: new AbortController().signal,
    log: silentLogger(),
    decisions: [],
  };
}

describe('RequestSlot', () => {
  it('keeps one value per request and per slot', () => {
    const a = new RequestSlot<{ n: number }>();
    const b = new RequestSlot<string>();
    const one = state();
    const two = state();
    assert.equal(a.get(one), undefined);
    a.set(one, { n: 1 });
    b.set(one, 'b1');
    a.set(two, { n: 2 });
    assert.deepEqual(a.get(one), { n: 1 });
    assert.equal(b.get(one), 'b1');
    assert.deepEqual(a.get(two), { n: 2 });
    assert.equal(b.get(two), undefined);
    a.set(one, { n: 3 });
    assert.deepEqual(a.get(one), { n: 3 });
  });

  it('forgets a deleted value and leaves the other slots alone', () => {
    const a = new RequestSlot<number>();
    const b = new RequestSlot<number>();
    const ctx = state();
    a.delete(ctx);
    a.set(ctx, 1);
    b.set(ctx, 2);
    a.delete(ctx);
    assert.equal(a.get(ctx), undefined);
    assert.equal(b.get(ctx), 2);
  });

  it('fails closed on a context it cannot write to', () => {
    const a = new RequestSlot<number>();
    const frozen = Object.freeze(state());
    assert.throws(() => a.set(frozen, 1), TypeError);
    assert.equal(a.get(frozen), undefined);
  });
});
