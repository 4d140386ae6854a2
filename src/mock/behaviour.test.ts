import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CONTROL_NAMES,
  parseConfigPatch,
  parseDirectives,
  parseModelControls,
  resolveBehaviour,
  type Behaviour,
  type BehaviourOverrides,
} from './behaviour.js';

const BASE: Behaviour = {
  status: 0,
  retryAfter: -1,
  stall: false,
  stallAfter: -1,
  breakAfter: -1,
  chunks: 8,
  chunkDelayMs: 0,
  latencyMs: 0,
  garbage: false,
  echoHeaders: false,
};

describe('parseDirectives', () => {
  const cases: Array<[string, BehaviourOverrides | undefined]> = [
    ['plain prompt', undefined],
    ['please mock:status=500 now', { status: 500 }],
    ['mock:stall', { stall: true }],
    ['mock:stall-after=3', { stallAfter: 3 }],
    ['mock:break-after=0', { breakAfter: 0 }],
    ['mock:chunks=50', { chunks: 50 }],
    ['mock:chunk-delay-ms=10', { chunkDelayMs: 10 }],
    ['mock:latency-ms=200', { latencyMs: 200 }],
    ['mock:garbage', { garbage: true }],
    ['mock:status=429 mock:retry-after=2', { status: 429, retryAfter: 2 }],
    ['mock:echo-headers', { echoHeaders: true }],
    ['mock:unknown=1 mock:status=200 mock:chunks=0', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(parseDirectives(text), expected));
  }
  it('knows every documented control', () => {
    assert.deepEqual([...CONTROL_NAMES].sort(), [
      'break-after',
      'chunk-delay-ms',
      'chunks',
      'echo-headers',
      'garbage',
      'latency-ms',
      'retry-after',
      'stall',
      'stall-after',
      'status',
    ]);
  });
});

describe('parseModelControls', () => {
  const cases: Array<[string, BehaviourOverrides | undefined]> = [
    ['gpt-4o', undefined],
    ['mock-gpt', undefined],
    ['mock-status-503', { status: 503 }],
    ['mock-stall', { stall: true }],
    ['mock-stall-after-2', { stallAfter: 2 }],
    ['mock-break-after-2', { breakAfter: 2 }],
    ['mock-garbage', { garbage: true }],
    ['mock-status-429-retry-after-1', { status: 429, retryAfter: 1 }],
    ['mock-chunks-20-chunk-delay-ms-5', { chunks: 20, chunkDelayMs: 5 }],
    ['mock-stallion', undefined],
  ];
  for (const [model, expected] of cases) {
    it(`reads ${model}`, () => {
      assert.deepEqual(parseModelControls(model), expected);
      // The second call comes from the cache and must agree.
      assert.deepEqual(parseModelControls(model), expected);
    });
  }
});

describe('resolveBehaviour', () => {
  it('returns the base object itself when nothing overrides it', () => {
    assert.equal(resolveBehaviour(BASE, undefined, undefined), BASE);
  });
  it('lets later layers win', () => {
    const resolved = resolveBehaviour(BASE, { chunks: 3, status: 500 }, { status: 502 });
    assert.equal(resolved.chunks, 3);
    assert.equal(resolved.status, 502);
    assert.equal(BASE.status, 0);
  });
  it('turns a lone Retry-After into a 429', () => {
    assert.equal(resolveBehaviour(BASE, { retryAfter: 2 }).status, 429);
    assert.equal(resolveBehaviour(BASE, { retryAfter: 2, status: 503 }).status, 503);
  });
});

describe('parseConfigPatch', () => {
  it('accepts the documented keys', () => {
    assert.deepEqual(parseConfigPatch({ failNext: [{ status: 500 }, { status: 429, retryAfter: 1 }, { stall: true }], latencyMs: 5, chunks: 3, chunkDelayMs: 1 }), {
      global: { latencyMs: 5, chunks: 3, chunkDelayMs: 1 },
      failNext: [{ status: 500 }, { status: 429, retryAfter: 1 }, { stall: true }],
    });
  });
  const bad: unknown[] = [[], { chunks: 0 }, { latncyMs: 1 }, { failNext: {} }, { failNext: [{ status: 200 }] }, { failNext: [{ stall: 'yes' }] }, { failNext: [{ nope: 1 }] }];
  for (const body of bad) {
    it(`rejects ${JSON.stringify(body)}`, () => assert.equal(typeof parseConfigPatch(body), 'string'));
  }
});
