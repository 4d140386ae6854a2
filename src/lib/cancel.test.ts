import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { abortSignalOf, Cancellation, onAbort } from './cancel.js';

describe('Cancellation', () => {
  it('runs its callbacks once, in order, and keeps the first reason', () => {
    const cancel = new Cancellation();
    const calls: string[] = [];
    cancel.onAbort(() => calls.push('a'));
    cancel.onAbort(() => calls.push('b'));
    const reason = new Error('client gone');
    cancel.abort(reason);
    cancel.abort(new Error('later'));
    assert.deepEqual(calls, ['a', 'b']);
    assert.equal(cancel.aborted, true);
    assert.equal(cancel.reason, reason);
  });

  it('runs every callback and aborts its signal when one callback throws, then throws the first error', () => {
    const cancel = new Cancellation();
    const signal = cancel.signal;
    const calls: string[] = [];
    cancel.onAbort(() => {
      throw new Error('first');
    });
    cancel.onAbort(() => calls.push('b'));
    cancel.onAbort(() => {
      throw new Error('second');
    });
    assert.throws(() => cancel.abort(), /first/);
    assert.deepEqual(calls, ['b']);
    assert.equal(signal.aborted, true);
  });

  it('gives an AbortError like AbortController when no reason is given', () => {
    const cancel = new Cancellation();
    cancel.abort();
    assert.equal((cancel.reason as DOMException).name, 'AbortError');
  });

  it('does not call a removed callback, nor one added after the abort', () => {
    const cancel = new Cancellation();
    let calls = 0;
    const remove = cancel.onAbort(() => calls++);
    remove();
    remove();
    cancel.abort();
    cancel.onAbort(() => calls++);
    assert.equal(calls, 0);
  });

  it('makes no AbortSignal until asked, and the one it makes follows the abort', () => {
    const before = new Cancellation();
    const signal = before.signal;
    assert.equal(before.signal, signal, 'one signal per cancellation');
    assert.equal(signal.aborted, false);
    const reason = new Error('gone');
    before.abort(reason);
    assert.equal(signal.aborted, true);
    assert.equal(signal.reason, reason);

    const after = new Cancellation();
    after.abort(reason);
    assert.equal(after.signal.aborted, true, 'a signal asked for after the abort is aborted already');
    assert.equal(after.signal.reason, reason);
  });
});

describe('onAbort and abortSignalOf', () => {
  for (const [name, make] of [
    ['AbortController', () => { const c = new AbortController(); return { source: c.signal, abort: (r: unknown) => c.abort(r) }; }],
    ['Cancellation', () => { const c = new Cancellation(); return { source: c, abort: (r: unknown) => c.abort(r) }; }],
  ] as const) {
    it(`work the same on an ${name}`, () => {
      const { source, abort } = make();
      let calls = 0;
      const remove = onAbort(source, () => calls++);
      onAbort(source, () => calls++)();
      const signal = abortSignalOf(source);
      assert.ok(signal instanceof AbortSignal);
      abort(new Error('x'));
      abort(new Error('y'));
      remove();
      assert.equal(calls, 1);
      assert.equal(signal.aborted, true);
    });
  }
});
