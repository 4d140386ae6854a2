/**
 * Runs the built-in mock LLM as a separate process, the way the demo, the end-to-end tests and the
 * benchmark use it, and learns its URL from the one JSON line it prints when listening.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface MockProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Path of the compiled mock entry (this file runs from dist/src/cli/). */
export const MOCK_ENTRY = fileURLToPath(new URL('../mock/main.js', import.meta.url));

export async function spawnMock(args: readonly string[] = [], options: { command?: readonly string[]; timeoutMs?: number } = {}): Promise<MockProcess> {
  const command = options.command ?? [process.execPath, MOCK_ENTRY];
  const [exe, ...pre] = command as [string, ...string[]];
  const child = spawn(exe, [...pre, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the mock LLM did not start in time')), options.timeoutMs ?? 15_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`unexpected first line from the mock LLM: ${line.slice(0, 200)}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock LLM exited with code ${String(code)} before listening`));
    });
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(force);
    },
  };
}
