import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_POLL_MS, KEY_POLL_STALE_MS, keyChangeWatch } from './postgres-key-changes.js';

/** A counter the test moves by hand, read the way the store reads api_key_changes. */
function counter() {
  const state = { version: 0, fail: false, reads: 0 };
  const query = async () => {
    state.reads += 1;
    if (state.fail) throw new Error('connection refused');
    return { rows: [{ version: state.version }] } as never;
  };
  return { state, query };
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('keyChangeWatch', () => {
  it('keeps its mark while the counter stands, and moves it when the counter moves', async () => {
    const { state, query } = counter();
    const watch = keyChangeWatch(query);
    try {
      watch.mark();
      await tick(5);
      const first = watch.mark();
      await tick(2 * KEY_POLL_MS);
      assert.equal(watch.mark(), first, 'no key write, no change');
      assert.ok(state.reads >= 2, 'it polls');
      state.version += 1;
      await tick(2 * KEY_POLL_MS);
      const second = watch.mark();
      assert.notEqual(second, first);
      assert.equal(watch.mark(), second);
    } finally {
      watch.stop();
    }
  });

  it('moves at once on a write through this store', async () => {
    const { query } = counter();
    const watch = keyChangeWatch(query);
    try {
      watch.mark();
      await tick(5);
      const before = watch.mark();
      watch.bump();
      assert.notEqual(watch.mark(), before);
    } finally {
      watch.stop();
    }
  });

  it('fails closed: an unreadable counter gives a new mark on every call', async () => {
    const { state, query } = counter();
    const watch = keyChangeWatch(query);
    try {
      watch.mark();
      await tick(5);
      state.fail = true;
      await tick(KEY_POLL_STALE_MS + 2 * KEY_POLL_MS);
      const a = watch.mark();
      const b = watch.mark();
      assert.notEqual(a, b);
    } finally {
      watch.stop();
    }
  });

  it('fails closed: a mark no poll has confirmed lately is not trusted', () => {
    let now = 0;
    const watch = keyChangeWatch(() => new Promise(() => undefined), () => now);
    try {
      const a = watch.mark();
      now += KEY_POLL_STALE_MS + 1;
      assert.notEqual(watch.mark(), a);
    } finally {
      watch.stop();
    }
  });
});
