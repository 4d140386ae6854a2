import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestSummary } from '../server/completion.js';
import { GatewayMetrics } from './metrics.js';

const base: RequestSummary = {
  requestId: 'r', startedAt: 0, method: 'POST', path: '/v1/chat/completions', api: 'openai', operation: 'chat', sourceIp: '127.0.0.1',
  principal: undefined, model: 'chat', decisions: [{ stage: 'pii', phase: 'input', outcome: 'deny', code: 'PC_ERR_FORBIDDEN', reasons: ['email'], durationMs: 0.2 }],
  status: 403, code: 'PC_ERR_FORBIDDEN', latencyMs: 1, request: undefined, response: undefined, chunks: undefined,
};

describe('gateway metrics', () => {
  it('counts requests, denials and findings; unknown models do not grow the label set', async () => {
    const m = new GatewayMetrics((model) => model === 'chat');
    m.observe(base);
    m.observe({ ...base, model: 'attacker-chosen-1' });
    m.observe({ ...base, model: 'attacker-chosen-2' });
    const text = await m.metrics();
    assert.match(text, /portcullis_requests_total\{route="chat",operation="chat",status="403",decision="deny"\} 1/);
    assert.match(text, /portcullis_requests_total\{route="unknown",operation="chat",status="403",decision="deny"\} 2/);
    assert.doesNotMatch(text, /attacker-chosen/);
    assert.match(text, /portcullis_denials_total\{code="PC_ERR_FORBIDDEN"\} 3/);
    assert.match(text, /portcullis_guard_findings_total\{stage="pii",category="email"\} 3/);
  });
});
