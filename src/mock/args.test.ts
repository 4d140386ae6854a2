import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMockArgs } from './args.js';

describe('parseMockArgs', () => {
  it('returns no options when no flags are given, so defaults apply', () => {
    assert.deepEqual(parseMockArgs([]), { help: false, options: {} });
  });
  it('reads every flag', () => {
    const parsed = parseMockArgs([
      '--port', '0', '--host', '0.0.0.0', '--chunks', '3', '--chunk-delay-ms', '5', '--latency-ms', '7',
      '--embedding-dimensions', '16', '--require-key', 'k1',
    ]);
    assert.deepEqual(parsed, {
      help: false,
      options: { port: 0, host: '0.0.0.0', chunks: 3, chunkDelayMs: 5, latencyMs: 7, embeddingDimensions: 16, requireKey: 'k1' },
    });
  });
  it('accepts --flag=value', () => {
    assert.deepEqual(parseMockArgs(['--port=8080']), { help: false, options: { port: 8080 } });
  });
  it('asks for help', () => assert.deepEqual(parseMockArgs(['--help']), { help: true }));
  const bad: string[][] = [['--port', 'abc'], ['--chunks', '-1'], ['--nope'], ['stray'], ['--host', ''], ['--latency-ms', '1.5']];
  for (const argv of bad) {
    it(`rejects ${argv.join(' ')}`, () => assert.throws(() => parseMockArgs(argv), Error));
  }
});
