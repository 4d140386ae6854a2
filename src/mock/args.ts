/**
 * Command-line parsing for the mock server process (`main.ts`), kept apart from the entry point
 * so it can be tested without starting anything.
 */
import { parseArgs } from 'node:util';
import type { MockOptions } from './server.js';

/** Usage text for `--help` and argument errors. */
export const USAGE = `usage: node dist/src/mock/main.js [options]
  --host <addr>                 interface to listen on (default 127.0.0.1)
  --port <n>                    port, 0 for any free port (default 0)
  --chunks <n>                  content chunks per streamed answer (default 8)
  --chunk-delay-ms <n>          pause before each streamed chunk (default 0)
  --latency-ms <n>              pause before the first byte (default 0)
  --embedding-dimensions <n>    embedding length when the request sets none (default 8)
  --require-key <key>           require this key as Bearer, x-api-key or api-key
`;

/** Result of {@link parseMockArgs}: options to start with, or a request for the usage text. */
export type ParsedArgs = { readonly help: true } | { readonly help: false; readonly options: MockOptions };

function integer(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) throw new Error(`--${flag} expects a non-negative integer, got "${text}"`);
  return Number(text);
}

/**
 * Parses the mock's command line (without the `node` and script entries). Throws an `Error`
 * with a one-line message on unknown flags or malformed values; ranges are checked later by
 * `startMockServer`, so they live in one place.
 */
export function parseMockArgs(argv: readonly string[]): ParsedArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      chunks: { type: 'string' },
      'chunk-delay-ms': { type: 'string' },
      'latency-ms': { type: 'string' },
      'embedding-dimensions': { type: 'string' },
      'require-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return { help: true };
  const options: {
    -readonly [K in keyof MockOptions]: MockOptions[K];
  } = {};
  if (values.host !== undefined) {
    if (values.host === '') throw new Error('--host must not be empty');
    options.host = values.host;
  }
  options.port = integer('port', values.port);
  options.chunks = integer('chunks', values.chunks);
  options.chunkDelayMs = integer('chunk-delay-ms', values['chunk-delay-ms']);
  options.latencyMs = integer('latency-ms', values['latency-ms']);
  options.embeddingDimensions = integer('embedding-dimensions', values['embedding-dimensions']);
  if (values['require-key'] !== undefined) options.requireKey = values['require-key'];
  for (const key of Object.keys(options) as Array<keyof MockOptions>) {
    if (options[key] === undefined) delete options[key];
  }
  return { help: false, options };
}
