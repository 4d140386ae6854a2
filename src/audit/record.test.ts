import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { ChatChunk, ChatRequest, ChatResponse } from '../canonical/types.js';
import { open, sealingKey } from '../crypto/seal.js';
import type { Decision } from '../pipeline/types.js';
import { sha256Of, type RequestSummary, type Sha256Hex } from '../server/completion.js';
import { canonicalJson } from './canonical.js';
import { buildEntry, payloadContext, recordBody } from './record.js';

const PROMPT = 'my card is 4111 1111 1111 1111, please summarise';
const request: ChatRequest = { kind: 'chat', model: 'chat', messages: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }], stream: false, includeUsage: false };
const response: ChatResponse = {
  kind: 'chat',
  id: 'x',
  model: 'chat',
  created: 1,
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there' }, finishReason: 'stop' }],
  usage: { inputTokens: 7, outputTokens: 2 },
};
const chunks: ChatChunk[] = [
  { kind: 'chunk', id: 'x', model: 'chat', created: 1, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello' } }] },
  { kind: 'chunk', id: 'x', model: 'chat', created: 1, choices: [{ index: 0, delta: { content: ' there' }, finishReason: 'stop' }] },
  { kind: 'chunk', id: 'x', model: 'chat', created: 1, choices: [], usage: { inputTokens: 7, outputTokens: 2 } },
];

const summary: RequestSummary = {
  requestId: 'req-1',
  startedAt: Date.UTC(2025, 0, 1),
  method: 'POST',
  path: '/v1/chat/completions',
  api: 'openai',
  operation: 'chat',
  sourceIp: '127.0.0.1',
  principal: { id: 'svc-1', kind: 'service', tenant: 't', roles: [], authMethod: 'api_key', credentialId: 'pk_1', models: [] },
  model: 'chat',
  decisions: [{ stage: 'api-key', phase: 'identity', outcome: 'pass', durationMs: 0.1234 }],
  status: 200,
  code: undefined,
  latencyMs: 12.5,
  request,
  response,
  chunks: undefined,
  requestSha256: sha256Of('{}'),
  answerSha256: sha256Of(new Uint8Array([0xff, 0])),
};

describe('audit record', () => {
  it('hash mode records digests, usage and decisions, never the prompt or answer text', () => {
    const entry = buildEntry(summary, 'hash');
    assert.equal(entry.outcome, 'allow');
    assert.equal(entry.principal, 'svc-1');
    assert.ok(!entry.body.includes('4111') && !entry.body.includes('summarise') && !entry.body.includes('Hello'));
    const body = JSON.parse(entry.body) as { payload: unknown; usage: unknown; decisions: { ms: number }[] };
    assert.deepEqual(body.payload, { alg: 'sha256', mode: 'hash', over: 'bytes', request: createHash('sha256').update('{}').digest('hex'), answer: createHash('sha256').update(Buffer.from([0xff, 0])).digest('hex') });
    assert.deepEqual(body.usage, { inputTokens: 7, outputTokens: 2 });
    assert.equal(body.decisions[0]?.ms, 0.123);
  });

  it('hash mode records the digests the gateway took of the raw bytes, null where none was taken, and refuses anything else', () => {
    // The digests cover the bytes sent and received (server/gateway.ts takes them); the record
    // does not hash the decoded request or answer, so a summary without digests records none.
    const streamed = JSON.parse(buildEntry({ ...summary, response: undefined, chunks }, 'hash').body) as { payload: { answer: string }; usage: unknown };
    assert.equal(streamed.payload.answer, summary.answerSha256);
    assert.deepEqual(streamed.usage, { inputTokens: 7, outputTokens: 2 }, 'a streamed answer keeps its usage');
    const bare = JSON.parse(buildEntry({ ...summary, requestSha256: undefined, answerSha256: undefined }, 'hash').body) as { payload: unknown };
    assert.deepEqual(bare.payload, { alg: 'sha256', mode: 'hash', over: 'bytes', request: null, answer: null });
    // Digests are hex by construction (Sha256Hex); a value of another length or type is refused.
    for (const bad of ['a'.repeat(63), 'a'.repeat(65), '', 42] as unknown as Sha256Hex[]) {
      assert.throws(() => buildEntry({ ...summary, answerSha256: bad }, 'hash'), TypeError, JSON.stringify(bad));
      assert.throws(() => buildEntry({ ...summary, requestSha256: bad }, 'hash'), TypeError, JSON.stringify(bad));
      assert.throws(() => buildEntry({ ...summary, requestSha256: undefined, answerSha256: bad }, 'hash'), TypeError, JSON.stringify(bad));
    }
  });

  it('encrypted mode seals the payload to the record; none records nothing', () => {
    const key = sealingKey(randomBytes(32));
    const entry = buildEntry(summary, 'encrypted', key);
    // The card number as the request holds it: four digits alone could turn up in random ciphertext.
    assert.ok(!entry.body.includes('4111 1111'));
    const sealed = (JSON.parse(entry.body) as { payload: { sealed: string } }).payload.sealed;
    assert.match(open(key, sealed, payloadContext('req-1')), /4111 1111/);
    assert.throws(() => open(key, sealed, payloadContext('req-2')));
    assert.deepEqual((JSON.parse(buildEntry(summary, 'none').body) as { payload: unknown }).payload, { mode: 'none' });
  });

  it('classifies denied and failed requests', () => {
    assert.equal(buildEntry({ ...summary, status: 401, code: 'PC_ERR_UNAUTHENTICATED', principal: undefined, response: undefined }, 'hash').outcome, 'deny');
    assert.equal(buildEntry({ ...summary, status: 502, code: 'PC_ERR_UPSTREAM_ERROR', response: undefined }, 'hash').outcome, 'error');
    assert.equal(buildEntry({ ...summary, status: 503, decisions: [{ stage: 'g', phase: 'input', outcome: 'deny', durationMs: 1 }] }, 'hash').outcome, 'deny');
  });

  it('the hand-written body encoder writes exactly canonicalJson of the reference body', () => {
    const key = sealingKey(randomBytes(32));
    const variants: [string, RequestSummary][] = [
      ['whole answer', summary],
      ['streamed', { ...summary, response: undefined, chunks }],
      ['denied, no principal', { ...summary, status: 401, code: 'PC_ERR_UNAUTHENTICATED', principal: undefined, model: undefined, request: undefined, response: undefined }],
      ['decision with code and reasons', { ...summary, decisions: [{ stage: 'g"\u2028', phase: 'input', outcome: 'deny', code: 'PC_ERR_FORBIDDEN', reasons: ['b', 'a'], durationMs: -0.0001 }] }],
      // The encoder keeps quoted short strings and the last timestamp's text: records that share
      // them, follow each other or differ by a millisecond must each still come out exactly.
      ['same strings again', { ...summary }],
      ['next millisecond', { ...summary, startedAt: summary.startedAt + 1 }],
      ['back to the first millisecond', { ...summary, requestId: 'req-2' }],
      ['no digests', { ...summary, requestSha256: undefined, answerSha256: undefined }],
      ['long and escaped caller strings', { ...summary, path: `/v1/${'x'.repeat(100)}"\\`, model: `m\n${'y'.repeat(70)}`, sourceIp: '::1' }],
      ['answer with tool calls, no content, two choices and escapes', {
        ...summary,
        response: {
          ...response,
          choices: [
            { index: 1, message: { role: 'assistant', content: 'b"\u2028\n\ud800' }, finishReason: 'length' },
            { index: 0, message: { role: 'assistant', content: null, toolCalls: [{ id: 'c1', name: 'f', arguments: '{"x":1}' }] }, finishReason: 'tool_calls' },
          ],
        },
      }],
      ['answer with no choices', { ...summary, response: { ...response, choices: [] } }],
      ['answer with members of the wrong type at run time', { ...summary, response: { ...response, choices: [{ index: -0, message: { role: 'assistant', content: undefined as unknown as null, toolCalls: [] }, finishReason: null }] } }],
      ['embeddings', { ...summary, operation: 'embed', response: { kind: 'embed', model: 'e', data: [[0.1], [0.2]] } as unknown as RequestSummary['response'] }],
      ['long caller strings again', { ...summary, path: `/v1/${'x'.repeat(100)}"\\`, model: `m\n${'y'.repeat(70)}`, sourceIp: '::1' }],
    ];
    // Spans of members kept from the last record (method..path, sourceIp..streamed) and the text
    // of a frozen principal: each member changing alone must show, and an unfrozen principal
    // changed in place must not come out as it was.
    const four: Decision[] = [
      { stage: 'a', phase: 'identity', outcome: 'deny', code: 'PC_ERR_FORBIDDEN', durationMs: 1.5 },
      { stage: 'b', phase: 'input', outcome: 'pass', reasons: ['r'], durationMs: 0.9995 },
      { stage: 'c', phase: 'input', outcome: 'error', code: 'PC_ERR_INTERNAL', durationMs: 0 },
      { stage: 'd', phase: 'output', outcome: 'pass', durationMs: 12.0004 },
    ];
    const frozen = Object.freeze({ ...summary.principal! });
    const mutable = { ...summary.principal! };
    variants.push(
      ['another method', { ...summary, method: 'PUT' }],
      ['another operation', { ...summary, method: 'PUT', operation: 'embed' }],
      ['another path', { ...summary, method: 'PUT', operation: 'embed', path: '/v1/embeddings' }],
      ['no model', { ...summary, method: 'PUT', operation: 'embed', path: '/v1/embeddings', model: undefined }],
      ['another status', { ...summary, status: 201 }],
      ['another source', { ...summary, status: 201, sourceIp: '10.0.0.1' }],
      ['streamed, same peer', { ...summary, status: 201, sourceIp: '10.0.0.1', response: undefined, chunks }],
      ['a frozen principal', { ...summary, principal: frozen }],
      ['the frozen principal again', { ...summary, principal: frozen }],
      ['an unfrozen principal', { ...summary, principal: mutable }],
      // The kept text of a stage's decision: reasons compared by value, each change showing.
      ['reasons', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'pass', reasons: ['p1', 'p2'], durationMs: 0.1 }] }],
      ['the same reasons again', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'pass', reasons: ['p1', 'p2'], durationMs: 0.2 }] }],
      ['one reason fewer', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'pass', reasons: ['p1'], durationMs: 0.2 }] }],
      ['another reason', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'pass', reasons: ['p3'], durationMs: 0.2 }] }],
      ['no reasons', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'pass', durationMs: 0.2 }] }],
      ['empty reasons', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'pass', reasons: [], durationMs: 0.2 }] }],
      ['a reason of another type', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'pass', reasons: [3 as unknown as string], durationMs: 0.2 }] }],
      ['its string', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'pass', reasons: ['3'], durationMs: 0.2 }] }],
      ['codes first, between and last', { ...summary, decisions: four }],
      // Text between durations kept per position: the same stages again, then each neighbour changing.
      ['the four again', { ...summary, decisions: four }],
      ['the third passes now', { ...summary, decisions: four.map((d, i) => (i === 2 ? { stage: 'c', phase: 'input', outcome: 'pass', durationMs: 0.25 } as const : d)) }],
      ['the second gets a code', { ...summary, decisions: four.map((d, i) => (i === 1 ? { ...d, outcome: 'deny', code: 'PC_ERR_FORBIDDEN' } as const : d)) }],
      ['reversed', { ...summary, decisions: [...four].reverse() }],
      ['three of them', { ...summary, decisions: four.slice(0, 3) }],
      ['the four again after', { ...summary, decisions: four }],
      ['no decisions', { ...summary, decisions: [] }],
      ['a first decision with a code only', { ...summary, decisions: [four[0]!] }],
      ['a request id to escape', { ...summary, requestId: 'req"\u0001' }],
      ['and a plain one after it', { ...summary, requestId: 'req-3' }],
      ['only the request digest', { ...summary, answerSha256: undefined }],
      ['only the answer digest', { ...summary, requestSha256: undefined }],
      ['another API and code', { ...summary, api: 'anthropic', code: 'PC_ERR_FORBIDDEN', status: 403 }],
      ['the same code, another API', { ...summary, code: 'PC_ERR_FORBIDDEN', status: 403 }],
      ['another outcome', { ...summary, decisions: [{ stage: 'policy', phase: 'authorize', outcome: 'deny', code: 'PC_ERR_FORBIDDEN', reasons: ['3'], durationMs: 0.2 }] }],
    );
    for (const [name, s] of variants) {
      for (const mode of ['none', 'hash'] as const) assert.equal(buildEntry(s, mode).body, canonicalJson(recordBody(s, mode)), `${name}, ${mode}`);
      // Sealed payloads are random; the rest of the body must match the reference's all the same.
      const sealed = JSON.parse(buildEntry(s, 'encrypted', key).body) as Record<string, unknown>;
      const reference = recordBody(s, 'encrypted', key);
      assert.equal(canonicalJson({ ...sealed, payload: null }), canonicalJson({ ...reference, payload: null }), `${name}, encrypted`);
    }
  });

  it('writes an unfrozen principal as it is now, and reasons of any run-time type as the reference does', () => {
    const p = { ...summary.principal!, id: 'before' };
    const s: RequestSummary = { ...summary, principal: p };
    assert.equal(buildEntry(s, 'none').body, canonicalJson(recordBody(s, 'none')));
    p.id = 'after';
    assert.match(buildEntry(s, 'none').body, /"id":"after"/);
    // A stage's reasons changed in place after a record: the kept text must not be reused.
    const reasons = ['first'];
    const r: RequestSummary = { ...summary, decisions: [{ stage: 'in-place', phase: 'input', outcome: 'pass', reasons, durationMs: 1 }] };
    assert.match(buildEntry(r, 'none').body, /"reasons":\["first"\]/);
    reasons[0] = 'second';
    assert.match(buildEntry(r, 'none').body, /"reasons":\["second"\]/);
    const odd: RequestSummary = { ...summary, decisions: [{ stage: 'x', phase: 'input', outcome: 'pass', reasons: ['a', 1 as unknown as string, 'b"'], durationMs: 1 }] };
    assert.equal(buildEntry(odd, 'none').body, canonicalJson(recordBody(odd, 'none')));
    const escaped: RequestSummary = { ...summary, decisions: [{ stage: 'x', phase: 'input', outcome: 'pass', reasons: ['z', 'a\u2028', '"'], durationMs: 1 }] };
    assert.equal(buildEntry(escaped, 'none').body, canonicalJson(recordBody(escaped, 'none')));
  });

  it('writes times and durations as the reference does across days, years and rounding edges', () => {
    // The encoder writes the time of day from tables within the last full conversion's UTC day,
    // and durations from integer microseconds: hold both to toISOString and Number#toString.
    const day = 86_400_000;
    const times = [Date.UTC(2025, 0, 1) - 1, Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 1) + day - 1, Date.UTC(2025, 0, 2), Date.UTC(1969, 11, 31, 23, 59, 59, 999), -1, 0, 8.64e15 - 1, 8.64e15, -8.64e15, Date.UTC(-1, 5, 5, 1, 2, 3, 4), 1.5];
    // The same second of the day on another day, and back: the kept second's text must not carry over.
    const d0 = Date.UTC(2025, 5, 1, 10, 0, 0);
    times.push(d0 + 1, d0 + 2, d0 + day + 3, d0 + 4, d0 + 999, d0 + 1000, d0 - 1);
    // Mostly within a few days (the table path), then anywhere a Date reaches (full conversions).
    for (let i = 0; i < 2000; i++) times.push(Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 3 * day));
    for (let i = 0; i < 500; i++) times.push(Math.floor((Math.random() - 0.5) * 1.7e16));
    const durations = [0, -0, 0.0004, 0.0005, 0.0015, 0.1, 1, 999.9995, 1e6 - 0.0001, 1e6, 2e9, -3.25];
    for (let i = 0; i < 2000; i++) durations.push(Math.random() * 10 ** (Math.floor(Math.random() * 9) - 3));
    times.forEach((startedAt, i) => {
      const latencyMs = durations[i % durations.length] as number;
      const s: RequestSummary = { ...summary, startedAt, latencyMs, decisions: [{ ...summary.decisions[0]!, durationMs: durations[(i * 7) % durations.length] as number }] };
      assert.equal(buildEntry(s, 'none').body, canonicalJson(recordBody(s, 'none')), `${startedAt}, ${latencyMs}`);
    });
    assert.throws(() => buildEntry({ ...summary, startedAt: 8.64e15 + 1 }, 'none'), RangeError);
  });

  it('refuses a non-finite latency rather than writing invalid JSON', () => {
    assert.throws(() => buildEntry({ ...summary, latencyMs: Number.NaN }, 'hash'), TypeError);
  });
});
