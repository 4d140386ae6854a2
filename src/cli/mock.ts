/** `portcullis mock`: the built-in mock LLM in the foreground, for trying clients against it. */
import { USAGE, parseMockArgs } from '../mock/args.js';
import { startMockServer } from '../mock/server.js';
import { CliError, untilSignal } from './util.js';

export async function runMock(args: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseMockArgs(args);
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const server = await startMockServer({ ...parsed.options, port: parsed.options.port ?? 9099 });
  process.stdout.write(`Mock LLM listening on ${server.url} (OpenAI: ${server.url}/v1, Anthropic: ${server.url}/v1/messages). Ctrl-C stops it.\n`);
  await untilSignal();
  await server.close();
  return 0;
}
