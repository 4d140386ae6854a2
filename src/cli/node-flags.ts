/**
 * The Node options the `portcullis` launcher runs with: the shebang of `main.ts` and the `demo` and
 * `start` scripts of package.json carry them (a test keeps the three in step), and the benchmark
 * starts the gateway with them, as a user's `portcullis start` does.
 *
 * `--max-semi-space-size=64` (MB; V8's default is 16): a larger young generation lets per-request
 * garbage die young instead of being promoted, so the old generation grows slowly and its full
 * collections, whose pauses set the gateway's p99 under steady load, come far less often
 * (docs/performance.md). V8 reads the option only when the heap is made: it cannot be set from
 * inside a running process (`v8.setFlagsFromString` then leaves the new space as it is), and
 * re-executing the CLI with it would put a second process between a service manager's `kill -9`
 * and the gateway, so it rides on the command line.
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * Whether this process was started with a young-generation ceiling of its own choosing: only
 * `--max-semi-space-size` sets it (`--semi-space-growth-factor` changes how fast the new space
 * grows, not how far).
 */
export function youngGenerationSet(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS'] ?? ''): boolean {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)];
  return given.some((arg) => /^--max-semi-space-size=/.test(arg.replace(/_/g, '-')));
}
