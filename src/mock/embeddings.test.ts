import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embed, parseEmbeddingsRequest, toBase64 } from './embeddings.js';

function norm(vector: Float32Array): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

describe('embed', () => {
  it('is deterministic, unit length, and differs by input', () => {
    const a = embed('hello', 16);
    assert.deepEqual(embed('hello', 16), a);
    assert.ok(Math.abs(norm(a) - 1) < 1e-5);
    assert.notDeepEqual(embed('hello!', 16), a);
    assert.ok(Math.abs(norm(embed('', 3)) - 1) < 1e-5);
  });
  it('encodes little-endian float32 in base64', () => {
    const vector = embed('x', 4);
    const bytes = Buffer.from(toBase64(vector), 'base64');
    assert.equal(bytes.length, 16);
    for (let i = 0; i < 4; i++) assert.equal(bytes.readFloatLE(i * 4), vector[i]);
  });
});

describe('parseEmbeddingsRequest', () => {
  it('accepts strings, string arrays and token arrays', () => {
    const one = parseEmbeddingsRequest({ model: 'e', input: 'a b' }, 8, undefined);
    assert.ok(typeof one !== 'string');
    assert.equal(one.inputTokens, 2);
    const many = parseEmbeddingsRequest({ model: 'e', input: ['a', [1, 2, 3]], dimensions: 4, encoding_format: 'base64' }, 8, undefined);
    assert.ok(typeof many !== 'string');
    assert.deepEqual(many.inputs, ['a', '1 2 3']);
    assert.equal(many.inputTokens, 4);
    assert.equal(many.dimensions, 4);
    assert.equal(many.base64, true);
  });
  const bad: Array<Record<string, unknown>> = [
    { input: 'a' },
    { model: 'e' },
    { model: 'e', input: [] },
    { model: 'e', input: [{}] },
    { model: 'e', input: 'a', dimensions: 0 },
    { model: 'e', input: 'a', encoding_format: 'hex' },
  ];
  for (const body of bad) {
    it(`rejects ${JSON.stringify(body)}`, () => assert.equal(typeof parseEmbeddingsRequest(body, 8, undefined), 'string'));
  }
  it('takes the model from the Azure deployment', () => {
    const parsed = parseEmbeddingsRequest({ input: 'a' }, 8, 'my-deployment');
    assert.ok(typeof parsed !== 'string');
    assert.equal(parsed.model, 'my-deployment');
  });
});
