/** Structured-output checks in the input and output guard stages. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatChunk, ChatRequest, ChatResponse, ResponseFormat } from '../../canonical/types.js';
import { guardsSchema } from '../../config/guards.js';
import { silentLogger } from '../../log.js';
import type { StageContext, StreamInspector, Verdict } from '../../pipeline/types.js';
import { createRequestGuardsRegistry, inputGuardStage } from '../../stages/input/guards.js';
import { outputGuardStage } from '../../stages/output/guards.js';
import { compileGuards, routeGuardsSchema, type RouteGuardsInput } from '../policy.js';

const SCHEMA = { type: 'object', properties: { city: { type: 'string' }, temp: { type: 'number' } }, required: ['city', 'temp'], additionalProperties: false };

function ctx(): StageContext {
  return { requestId: 'r1', api: 'openai', operation: 'chat', sourceIp: '127.0.0.1', headers: {}, principal: undefined, context: undefined, signal: new AbortController().signal, log: silentLogger(), decisions: [] };
}

function setup(route: RouteGuardsInput, responseFormat?: ResponseFormat) {
  const compiled = compileGuards(guardsSchema.parse({}), [{ model: 'm', guards: routeGuardsSchema.parse(route) }]);
  const registry = createRequestGuardsRegistry();
  const options = { guards: () => compiled, hashKey: Buffer.alloc(32, 1), registry };
  const input = inputGuardStage(options);
  const output = outputGuardStage(options);
  const context = ctx();
  const request: ChatRequest = { kind: 'chat', model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'Weather in Oslo as JSON' }] }], stream: false, includeUsage: false, ...(responseFormat ? { responseFormat } : {}) };
  const first = input.onRequest?.(context, request) as Verdict<ChatRequest>;
  return { output, context, first };
}

const answer = (content: string): ChatResponse => ({ kind: 'chat', id: 'x', model: 'm', created: 0, choices: [{ index: 0, message: { role: 'assistant', content }, finishReason: 'stop' }] });
const chunk = (content: string, finish?: 'stop'): ChatChunk => ({ kind: 'chunk', id: 'x', model: 'm', created: 0, choices: [{ index: 0, delta: { content }, ...(finish ? { finishReason: finish } : {}) }] });

function stream(inspector: StreamInspector, pieces: string[], finish = true): { sent: string; denied?: Verdict<readonly ChatChunk[]> } {
  let sent = '';
  const text = (v: Verdict<readonly ChatChunk[]>) => (v.action === 'replace' ? v.value.flatMap((c) => c.choices.map((ch) => ch.delta.content ?? '')).join('') : '');
  for (const [i, p] of pieces.entries()) {
    const v = inspector.onChunk(chunk(p, finish && i === pieces.length - 1 ? 'stop' : undefined)) as Verdict<readonly ChatChunk[]>;
    if (v.action === 'deny') return { sent, denied: v };
    sent += text(v);
  }
  const end = inspector.onEnd() as Verdict<readonly ChatChunk[]>;
  if (end.action === 'deny') return { sent, denied: end };
  return { sent: sent + text(end) };
}

const code = (v: Verdict<unknown> | undefined): string | false => v?.action === 'deny' && v.code;

describe('structured outputs: whole answers', () => {
  it('a route schema: a matching answer passes, a non-matching or non-JSON one is blocked', () => {
    const { output, context } = setup({ output: { jsonSchema: SCHEMA } });
    assert.equal((output.onResponse?.(context, answer('{"city":"Oslo","temp":3}')) as Verdict<ChatResponse>).action, 'pass');
    const wrong = output.onResponse?.(context, answer('{"city":"Oslo","temp":"cold"}')) as Verdict<ChatResponse>;
    assert.equal(code(wrong), 'PC_ERR_OUTPUT_SCHEMA');
    assert.deepEqual(wrong.reasons, ['schema:route:block@c0:$.temp:expected number, got string']);
    assert.equal(code(output.onResponse?.(context, answer('Sure! Here it is: {"city":"Oslo"}')) as Verdict<ChatResponse>), 'PC_ERR_OUTPUT_SCHEMA');
  });

  it("the request's response_format json_schema is enforced by default, and can be turned off", () => {
    const format: ResponseFormat = { type: 'json_schema', name: 'weather', schema: SCHEMA, strict: true };
    const on = setup({}, format);
    assert.equal(code(on.output.onResponse?.(on.context, answer('{"city":"Oslo"}')) as Verdict<ChatResponse>), 'PC_ERR_OUTPUT_SCHEMA');
    const off = setup({ output: { responseFormat: 'off' } }, format);
    assert.equal((off.output.onResponse?.(off.context, answer('{"city":"Oslo"}')) as Verdict<ChatResponse>).action, 'pass');
  });

  it('json_object: the answer must be a JSON object', () => {
    const { output, context } = setup({}, { type: 'json_object' });
    assert.equal((output.onResponse?.(context, answer(' {"a": [1, 2]} ')) as Verdict<ChatResponse>).action, 'pass');
    assert.equal(code(output.onResponse?.(context, answer('[1, 2]')) as Verdict<ChatResponse>), 'PC_ERR_OUTPUT_SCHEMA');
  });

  it('a request schema the validator cannot enforce is refused up front', () => {
    const { first } = setup({}, { type: 'json_schema', name: 'x', schema: { type: 'object', patternProperties: { '^a': {} } } });
    assert.equal(code(first), 'PC_ERR_BAD_REQUEST');
    assert.match(first.reasons?.[0] ?? '', /^response-format:unsupported-schema:.*patternProperties/);
  });

  it('a route schema the validator cannot enforce is a config error', () => {
    const r = routeGuardsSchema.safeParse({ output: { jsonSchema: { type: 'object', if: {} } } });
    assert.equal(r.success, false);
    assert.match(JSON.stringify(r.error?.issues), /output.*jsonSchema|jsonSchema/);
  });

  it('a route without a schema and a plain request pays nothing', () => {
    const { output, context } = setup({});
    assert.equal((output.onResponse?.(context, answer('not json at all')) as Verdict<ChatResponse>).action, 'pass');
  });
});

describe('structured outputs: streams', () => {
  it('streams a matching answer through as it comes', () => {
    const { output, context } = setup({ output: { jsonSchema: SCHEMA } });
    const r = stream(output.openStream?.(context) as StreamInspector, ['{"city": ', '"Oslo", "temp"', ': 3}']);
    assert.equal(r.denied, undefined);
    assert.equal(r.sent, '{"city": "Oslo", "temp": 3}');
  });

  it('ends a non-matching answer with an error instead of its last chunk', () => {
    const { output, context } = setup({ output: { jsonSchema: SCHEMA } });
    const r = stream(output.openStream?.(context) as StreamInspector, ['{"city": ', '"Oslo", "temp"', ': "warm"}']);
    assert.equal(code(r.denied), 'PC_ERR_OUTPUT_SCHEMA');
    assert.ok(!r.sent.endsWith('}'), r.sent);
  });

  it('a stream the upstream never finished is validated at its end', () => {
    const { output, context } = setup({ output: { jsonSchema: SCHEMA } });
    const r = stream(output.openStream?.(context) as StreamInspector, ['{"city": ', '"Oslo"'], false);
    assert.equal(code(r.denied), 'PC_ERR_OUTPUT_SCHEMA');
  });
});
