/**
 * The monitoring and shadow-policy metrics read what really happened: a credential-stuffing burst
 * through the real monitoring assembly shows up as signals, an opened incident and a live block.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { registerMonitorMetrics } from './metrics.js';
import { Sim } from './sim.js';

/** The value of one sample line, e.g. `portcullis_monitor_enforcements{kind="block-ip"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('monitor metrics', () => {
  it('count signals, incident events and live enforcements, and expose the shadow policy counts', async () => {
    const sim = await Sim.open(`  rules:
    - id: stuffing
      when: { signal: auth_failures }
      actions: [{ type: block_ip, durationSec: 600 }]`);
    try {
      const registry = new Registry();
      const shadow = { evaluations: 0, differences: 0 };
      registerMonitorMetrics(registry, { monitoring: sim.monitoring, shadow, now: () => sim.clock });
      const before = await registry.metrics();
      assert.equal(sample(before, 'portcullis_monitor_enforcements{kind="block-ip"}'), 0);
      assert.equal(sample(before, 'portcullis_monitor_signals_total{signal="auth_failures"}'), undefined, 'nothing counted yet');

      for (let i = 0; i < 12; i++) {
        sim.clock += 200;
        sim.request({ ip: '203.0.113.9', authFails: true });
      }
      await sim.settle();
      shadow.evaluations = 40;
      shadow.differences = 3;
      const text = await registry.metrics();
      const raised = sim.signals.filter((s) => s.name === 'auth_failures').length;
      assert.ok(raised > 0);
      assert.equal(sample(text, 'portcullis_monitor_signals_total{signal="auth_failures"}'), raised);
      assert.equal(sample(text, 'portcullis_monitor_incident_events_total{event="opened"}'), sim.events.filter((e) => e.type === 'opened').length);
      assert.equal(sample(text, 'portcullis_monitor_enforcements{kind="block-ip"}'), 1);
      assert.equal(sample(text, 'portcullis_monitor_tracked{subject="source"}'), sim.monitoring.scorer.tracked.sources);
      assert.equal(sample(text, 'portcullis_policy_shadow_evaluations_total'), 40);
      assert.equal(sample(text, 'portcullis_policy_shadow_differences_total'), 3);
      // A scrape reads totals; scraping again does not double them.
      assert.equal(sample(await registry.metrics(), 'portcullis_policy_shadow_evaluations_total'), 40);
      // Once the block expires it is no longer counted as live.
      sim.clock += 601_000;
      assert.equal(sample(await registry.metrics(), 'portcullis_monitor_enforcements{kind="block-ip"}'), 0);
    } finally {
      await sim.close();
    }
  });
});
