/**
 * End-to-end harness: runs the real CLI (`portcullis start`) and the mock LLM as separate
 * processes, the way users and operators run them. Nothing of the gateway is mocked.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import OpenAI from 'openai';
import { spawnMock, type MockProcess } from '../../src/cli/mock-process.js';

export const CLI = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const run = promisify(execFile);

export interface GatewayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly dir: string;
  readonly configFile: string;
  /** Log lines the gateway wrote (JSON), for assertions on redaction. */
  readonly logs: string[];
  stop(): Promise<void>;
}

/** Runs the CLI to completion; returns stdout, stderr and the exit code. */
export async function cli(args: readonly string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  if (input !== undefined) {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(input);
    // 'close', not 'exit': the process can exit before all of its stdout has been read.
    const [code] = (await once(child, 'close')) as [number];
    return { stdout, stderr, code };
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** A temporary directory holding one gateway's config, database and secrets. */
export function workDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-e2e-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeConfig(dir: string, yaml: string): string {
  const file = join(dir, 'portcullis.yaml');
  writeFileSync(file, yaml);
  return file;
}

/** Creates an API key with the CLI and returns the secret. */
export async function createKey(configFile: string, extra: readonly string[] = []): Promise<{ key: string; id: string }> {
  const { stdout, stderr, code } = await cli(['keys', 'create', '--config', configFile, '--name', 'e2e', '--json', ...extra]);
  if (code !== 0) throw new Error(`keys create failed: ${stderr}`);
  return JSON.parse(stdout) as { key: string; id: string };
}

/** Starts `portcullis start --config FILE` and waits for its "listening" log line. */
export async function startGatewayProcess(configFile: string): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [CLI, 'start', '--config', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${stderr}`)), 20_000);
    lines.on('line', (line) => {
      logs.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'portcullis listening' && entry.url) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${String(code)}: ${stderr}`));
    });
  });
  return {
    url,
    child,
    dir: join(configFile, '..'),
    configFile,
    logs,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(force);
    },
  };
}

export interface Stack {
  readonly mock: MockProcess;
  readonly gateway: GatewayProcess;
  readonly key: string;
  readonly dir: string;
  stop(): Promise<void>;
}

/**
 * The usual setup: a mock LLM, a gateway whose routes point at it (the YAML from `routes(mockUrl)`),
 * and one API key.
 */
export async function startStack(routes: (mockV1: string) => string, extraConfig = ''): Promise<Stack> {
  const mock = await spawnMock();
  const { dir, cleanup } = workDir();
  try {
    const configFile = writeConfig(dir, `logging:\n  level: info\nserver:\n  port: 0\n${extraConfig}routes:\n${routes(`${mock.url}/v1`)}`);
    const { key } = await createKey(configFile);
    const gateway = await startGatewayProcess(configFile);
    return {
      mock,
      gateway,
      key,
      dir,
      async stop() {
        await gateway.stop();
        await mock.stop();
        cleanup();
      },
    };
  } catch (err) {
    await mock.stop();
    cleanup();
    throw err;
  }
}

/** A stack and an openai client holding its key, for the tests of one `describe`. */
export interface OpenAISuite {
  readonly stack: Stack;
  readonly client: OpenAI;
}

/**
 * Registers `before`/`after` hooks in the calling `describe` that start a stack (see `startStack`)
 * and stop it; the fields can be read inside its tests, once `before` has run.
 */
export function openaiSuite(routes: (mockV1: string) => string, extraConfig = ''): OpenAISuite {
  let started: OpenAISuite | undefined;
  before(async () => {
    const stack = await startStack(routes, extraConfig);
    started = { stack, client: new OpenAI({ baseURL: `${stack.gateway.url}/v1`, apiKey: stack.key, maxRetries: 0 }) };
  });
  after(async () => started?.stack.stop());
  const get = (): OpenAISuite => {
    if (started === undefined) throw new Error('the stack starts in before(); read it inside a test');
    return started;
  };
  return {
    get stack() {
      return get().stack;
    },
    get client() {
      return get().client;
    },
  };
}

/** Reads the mock's counters. */
export async function mockStats(mock: MockProcess): Promise<{ requests: number; aborted: number; open: number; byModel: Record<string, number>; last: { headers: Record<string, string>; body: Record<string, unknown> } }> {
  const res = await fetch(`${mock.url}/_mock/stats`);
  return (await res.json()) as Awaited<ReturnType<typeof mockStats>>;
}

export async function mockControl(mock: MockProcess, path: 'config' | 'reset', body: unknown = {}): Promise<void> {
  const res = await fetch(`${mock.url}/_mock/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`mock ${path} failed: ${res.status}`);
}

/** Polls until `check` passes or the time is up; for effects that happen asynchronously. */
export { eventually, freePort } from '../../src/lib/testing.js';
