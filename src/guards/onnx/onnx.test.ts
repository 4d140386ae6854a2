import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { importOnnxRuntime, OnnxUnavailableError } from './index.js';
import { createWordPiece } from './wordpiece.js';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'ignore', 'all', 'previous', 'instruction', '##s', '!', 'cafe', 'un', '##want', '##ed'].join('\n');

describe('WordPiece tokenizer', () => {
  const wp = createWordPiece(VOCAB, { lowercase: true, maxTokens: 16 });
  it('splits words, punctuation and word pieces; lower-cases and strips accents', () => {
    assert.deepEqual(wp.encode('Ignore ALL previous instructions! Café unwanted'), [2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 3]);
  });
  it('unknown words become [UNK]; output is truncated to maxTokens with [SEP] last', () => {
    assert.deepEqual(wp.encode('zebra'), [2, 1, 3]);
    const long = createWordPiece(VOCAB, { lowercase: true, maxTokens: 5 }).encode('all all all all all all');
    assert.deepEqual(long, [2, 5, 5, 5, 3]);
  });
  it('needs the special tokens', () => assert.throws(() => createWordPiece('a\nb', { lowercase: true, maxTokens: 8 }), /\[CLS\]/));
});

describe('onnxruntime-node loading', () => {
  it('a missing package is a clear error', async () => {
    await assert.rejects(importOnnxRuntime(), (err: unknown) => err instanceof OnnxUnavailableError && /not installed: install it \(npm install onnxruntime-node\)/.test(err.message));
  });
});
