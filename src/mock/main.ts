/**
 * Process entry of the mock upstream. Prints exactly one JSON line, `{"url":"http://…"}`, once it
 * listens (the parent process reads it to learn the port), and exits cleanly on SIGTERM/SIGINT.
 */
import { USAGE, parseMockArgs, type ParsedArgs } from './args.js';
import { startMockServer } from './server.js';

async function main(): Promise<void> {
  let parsed: ParsedArgs;
  try {
    parsed = parseMockArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }
  const server = await startMockServer(parsed.options);
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

  let stopping = false;
  const stop = (): void => {
    // A second signal means the operator is impatient: leave at once.
    if (stopping) process.exit(1);
    stopping = true;
    void server.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`mock server failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
