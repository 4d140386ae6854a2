/**
 * The tokenizer is loaded on demand (it is ~20 MB of heap): counting before `loadTokenizer()`
 * must fail loudly, never count zero. Node's test runner gives this file its own process, so the
 * module starts unloaded here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countText, loadTokenizer } from './tokens.js';

describe('token counting', () => {
  it('throws before the tokenizer is loaded, counts after', async () => {
    assert.equal(countText(''), 0);
    assert.throws(() => countText('hello world'), /before loadTokenizer/);
    await loadTokenizer();
    await loadTokenizer();
    assert.equal(countText('hello world'), 2);
  });
});
