import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CircuitBreaker } from './breaker.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one trial through after the cooldown, and closes on success', () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 100, now: () => now });
    assert.equal(b.tryAcquire(), true);
    b.failure();
    assert.equal(b.state, 'closed');
    b.failure();
    assert.equal(b.state, 'open');
    assert.equal(b.tryAcquire(), false);
    now = 100;
    assert.equal(b.state, 'half-open');
    assert.equal(b.tryAcquire(), true);
    assert.equal(b.tryAcquire(), false, 'only one trial call at a time');
    b.success();
    assert.equal(b.state, 'closed');
  });

  it('re-opens when the trial call fails', () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 50, now: () => now });
    b.failure();
    now = 60;
    assert.equal(b.tryAcquire(), true);
    b.failure();
    assert.equal(b.state, 'open');
    now = 100;
    assert.equal(b.state, 'open');
    now = 111;
    assert.equal(b.state, 'half-open');
  });

  it('a released trial does not count either way', () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10, now: () => now });
    b.failure();
    now = 20;
    assert.equal(b.tryAcquire(), true);
    b.release();
    assert.equal(b.tryAcquire(), true);
  });
});
