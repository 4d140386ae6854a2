import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { monitorSchema } from '../config/monitor.js';
import type { Principal } from '../pipeline/types.js';
import { AnomalyScorer, combine, scoreOf, type RequestEvent, type Score, type ScoreMemo } from './scorer.js';
import { PrincipalProfile, REASONS, type Features } from './profile.js';

const config = monitorSchema.parse({}).anomaly;
const memo = (): ScoreMemo => ({ lastScore: undefined, lastCents: new Float64Array(REASONS) });

/** Equal in every observable way, key order of the features included (it is the reasons' order). */
function assertSameScore(actual: Score, expected: Score): void {
  assert.deepEqual(actual, expected);
  assert.deepEqual(Object.keys(actual.features), Object.keys(expected.features));
}

describe('scoreOf (reusing the previous score)', () => {
  it('hands out the same object while the features repeat', () => {
    const m = memo();
    const first = scoreOf(m, {}, { rate_spike: 0.9 });
    assert.equal(scoreOf(m, {}, { rate_spike: 0.9 }), first);
    // A value that moves but rounds to the same contributions and reasons still reuses.
    assert.equal(scoreOf(m, {}, { rate_spike: 0.9000001 }), first);
    assertSameScore(first, combine({ rate_spike: 0.9000001 }));
  });

  it('does not reuse across a hundredths boundary that three-decimal rounding hides', () => {
    // 0.6 × v: 0.5949 and 0.5951 both round to 0.595, but print 0.59 and 0.60 as reasons.
    const m = memo();
    const before = scoreOf(m, {}, { rate_spike: 0.5949 / 0.6 });
    assert.deepEqual(before.reasons, ['rate_spike:0.59']);
    const after = scoreOf(m, {}, { rate_spike: 0.5951 / 0.6 });
    assert.equal(after.features.rate_spike, before.features.rate_spike);
    assert.deepEqual(after.reasons, ['rate_spike:0.60']);
    assertSameScore(after, combine({ rate_spike: 0.5951 / 0.6 }));
  });

  it('does not reuse when tied contributions come in another order', () => {
    const m = memo();
    scoreOf(m, {}, { many_ips: 0.5, denial_burst: 0.5 });
    const swapped = scoreOf(m, {}, { denial_burst: 0.5, many_ips: 0.5 });
    assertSameScore(swapped, combine({ denial_burst: 0.5, many_ips: 0.5 }));
    assert.deepEqual(swapped.reasons, ['denial_burst:0.35', 'many_ips:0.35']);
  });

  it('does not reuse when a feature appears, disappears or the score moves', () => {
    const m = memo();
    const cases: [Features, Features][] = [
      [{}, { rate_spike: 0.9 }],
      [{ guard_burst: 0.2 }, { rate_spike: 0.9 }],
      [{}, { rate_spike: 0.9 }],
      [{}, { rate_spike: 0.9, off_hours: 0 }],
      [{}, { rate_spike: 0.95 }],
      [{ token_spike: 0.1 }, { token_spike: 0.8, rate_spike: 0.95 }],
      [{}, {}],
    ];
    for (const [base, over] of cases) assertSameScore(scoreOf(m, base, over), combine({ ...base, ...over }));
  });

  it('equals a fresh combine() of the merged features for any sequence (property)', () => {
    const names = ['rate_spike', 'token_spike', 'off_hours', 'many_ips', 'denial_burst', 'guard_burst', 'extraction', 'inversion', 'unknown'];
    // Values near the rounding boundaries of the weights, where a stale score would show.
    const value = fc.oneof(
      fc.double({ min: -0.1, max: 1.2, noNaN: true }),
      fc.constantFrom(0, 0.5, 1, 0.5949 / 0.6, 0.5951 / 0.6, 0.595 / 0.6, 0.125 / 0.4, 0.0005 / 0.7, 0.3 / 0.6),
    );
    const features = fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 5 });
    const step = fc.tuple(features, features);
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const m = memo();
        for (const [base, over] of steps) {
          // Repeat each step, so reuse is exercised as well as replacement.
          for (let i = 0; i < 2; i++) assertSameScore(scoreOf(m, base, over), combine({ ...base, ...over }));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('AnomalyScorer on a sustained rate spike', () => {
  const principal: Principal = { id: 'svc-1', kind: 'service', tenant: 't', roles: [], authMethod: 'api_key', credentialId: 'key1', models: [] };
  const event = (i: number, at: number): RequestEvent => ({ requestId: `r${i}`, principal, route: 'm', at, ip: '198.51.100.7', country: undefined, prompt: 'Say hello', promptChars: 9, sampling: false });

  it('scores every request as a fresh profile would, reusing the score object on most of them', () => {
    const scorer = new AnomalyScorer({ config, maxPrincipals: 10, maxSources: 10, now: () => 0 });
    // A second profile fed the same requests gives the features a fresh computation starts from.
    const shadow = new PrincipalProfile(config);
    const start = Date.UTC(2026, 10, 24, 12);
    let reused = 0;
    let spiking = 0;
    let previous: Score | undefined;
    for (let i = 0; i < 3_000; i++) {
      const e = event(i, start + i * 2);
      const score = scorer.observeRequest(e);
      const fresh = shadow.observe(e);
      assertSameScore(score, combine(fresh));
      if (score.score > 0) spiking++;
      if (score === previous && score.score > 0) reused++;
      previous = score;
    }
    // 500 requests a second from a new principal: a rate spike from the end of the warm-up on.
    assert.ok(spiking > 2_900, `spiking ${spiking}`);
    assert.ok(reused > 2_500, `reused ${reused}`);
  });

  it('emits one signal per fresh feature and one anomaly, each a complete object', () => {
    const signals: unknown[] = [];
    const scorer = new AnomalyScorer({ config, maxPrincipals: 10, maxSources: 10, now: () => 0, onSignal: (s) => signals.push(s) });
    const start = Date.UTC(2026, 10, 24, 12);
    let last: Score = scorer.observeRequest(event(0, start));
    for (let i = 1; i < 200; i++) last = scorer.observeRequest(event(i, start + i * 2));
    assert.ok(last.score > 0);
    assert.deepEqual(signals.slice(-2), [
      { name: 'rate_spike', subjectKind: 'principal', subject: 'svc-1', strength: (signals.at(-2) as { strength: number }).strength, at: start + 398, requestId: 'r199', principalId: 'svc-1', keyId: 'key1', ip: '198.51.100.7', route: 'm', features: last.features },
      { name: 'anomaly', subjectKind: 'principal', subject: 'svc-1', strength: last.score, at: start + 398, requestId: 'r199', principalId: 'svc-1', keyId: 'key1', ip: '198.51.100.7', route: 'm', features: last.features },
    ]);
  });
});
