import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monitorSchema } from '../config/monitor.js';
import type { RequestSummary } from '../server/completion.js';
import { languageOf } from './language.js';
import { groundingScore, ModelWatch, psi } from './model-watch.js';
import type { Signal } from './signals.js';

const config = monitorSchema.parse({ models: { windowAnswers: 50 } }).models;

let n = 0;
function answer(text: string, opts: { modelId?: string; latencyMs?: number; tools?: string } = {}): RequestSummary {
  return {
    requestId: `r${++n}`,
    startedAt: 0,
    method: 'POST',
    path: '/v1/chat/completions',
    api: 'openai',
    operation: 'chat',
    sourceIp: '10.0.0.1',
    principal: undefined,
    model: 'gpt',
    decisions: [],
    status: 200,
    code: undefined,
    latencyMs: opts.latencyMs ?? 400,
    request: { kind: 'chat', model: 'gpt', stream: false, includeUsage: false, messages: [...(opts.tools ? [{ role: 'tool' as const, content: [{ type: 'text' as const, text: opts.tools }], toolCallId: 't1' }] : []), { role: 'user', content: [{ type: 'text', text: 'q' }] }] },
    response: { kind: 'chat', id: 'x', model: 'gpt', upstreamModel: opts.modelId ?? 'gpt-4o-2024-08-06', created: 0, choices: [{ index: 0, message: { role: 'assistant', content: text }, finishReason: 'stop' }] },
    chunks: undefined,
  };
}

const NORMAL = 'The quarterly report shows that revenue grew in every region, and the team expects the trend to continue with the new pricing.';

describe('model output monitoring', () => {
  it('PSI is zero for equal profiles and large for a shifted one', () => {
    assert.equal(psi(new Float64Array([5, 5]), new Float64Array([50, 50])), 0);
    assert.ok(psi(new Float64Array([90, 10]), new Float64Array([10, 90])) > 1);
  });

  it('a stable route stays quiet; short refusals raise drift and tampering', () => {
    const signals: Signal[] = [];
    const watch = new ModelWatch({ config, onSignal: (s) => signals.push(s) });
    for (let i = 0; i < 200; i++) watch.observe(answer(NORMAL), false, i);
    watch.flush();
    assert.equal(signals.length, 0, 'no alert on a stable profile');
    for (let i = 0; i < 50; i++) watch.observe(answer("I'm sorry, I can't help with that."), false, 1_000 + i);
    watch.flush();
    const names = signals.map((s) => s.name);
    assert.ok(names.includes('drift'), names.join());
    assert.ok(names.includes('tampering'), 'an abrupt shift counts as tampering');
    const drift = signals.find((s) => s.name === 'drift');
    assert.ok(drift?.features && 'psi_refusal' in drift.features && 'psi_length' in drift.features, JSON.stringify(drift?.features));
    assert.equal(drift?.subject, 'gpt');
  });

  it('an answer from a model id the route never used is tampering', () => {
    const signals: Signal[] = [];
    const watch = new ModelWatch({ config, onSignal: (s) => signals.push(s) });
    for (let i = 0; i < 60; i++) watch.observe(answer(NORMAL), false, i);
    watch.observe(answer(NORMAL, { modelId: 'cheap-model-1' }), false, 100);
    watch.flush();
    assert.deepEqual(signals.map((s) => [s.name, s.features]), [['tampering', { unexpected_model_id: 1 }]]);
  });

  it('grounding: supported answers score high, invented ones low (low_grounding)', () => {
    const doc = 'The Falcon 7 engine was introduced in 2019 by Orbital Works. It produces 450 kilonewtons of thrust and burns liquid methane.';
    assert.ok((groundingScore('The Falcon 7 engine was introduced in 2019 by Orbital Works and it produces 450 kilonewtons of thrust.', doc) ?? 0) > 0.6);
    assert.ok((groundingScore('The engine was designed in Germany in 1975 and runs on kerosene with an unusual cooling system.', doc) ?? 1) < 0.2);
    assert.equal(groundingScore('Yes.', doc), undefined);
    const signals: Signal[] = [];
    const watch = new ModelWatch({ config, onSignal: (s) => signals.push(s) });
    watch.observe(answer('The engine was designed in Germany in 1975 and runs on kerosene with an unusual cooling system.', { tools: doc }), false, 1);
    watch.observe(answer('The Falcon 7 engine was introduced in 2019 by Orbital Works.', { tools: doc }), false, 2);
    watch.flush();
    assert.deepEqual(signals.map((s) => s.name), ['low_grounding']);
  });

  it('language bins by script and English function words', () => {
    assert.equal(languageOf('This is the answer to your question.'), 0);
    assert.equal(languageOf('Dies ist die Antwort auf Ihre Frage.'), 1);
    assert.equal(languageOf('Это ответ на ваш вопрос.'), 2);
    assert.equal(languageOf('这是你的问题的答案。'), 3);
    assert.equal(languageOf('هذا هو الجواب'), 4);
    assert.equal(languageOf('1234 !!'), 5);
  });
});
