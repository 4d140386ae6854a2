import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseSse, postJson, waitFor } from './testkit.js';

// The same test runs from source (tsx) and compiled (dist/…/main.test.js): start the entry that
// sits beside this file, through tsx only when this file is TypeScript.
const compiled = fileURLToPath(import.meta.url).endsWith('.js');
const entry = fileURLToPath(new URL(compiled ? './main.js' : './main.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL(compiled ? '../../../' : '../../', import.meta.url));

function startProcess(args: readonly string[]): ChildProcessWithoutNullStreams {
  const nodeArgs = compiled ? [entry, ...args] : ['--import', 'tsx', entry, ...args];
  return spawn(process.execPath, nodeArgs, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
}

function collect(stream: NodeJS.ReadableStream): { text: string } {
  const sink = { text: '' };
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    sink.text += chunk;
  });
  return sink;
}

describe('mock server process', { timeout: 30_000 }, () => {
  it('prints one JSON line with its URL, serves, and exits cleanly on SIGTERM with a request stalled', async () => {
    const child = startProcess(['--port', '0', '--host', '127.0.0.1', '--chunks', '2']);
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      await waitFor(() => stdout.text.includes('\n') || child.exitCode !== null, 20_000);
      const lines = stdout.text.split('\n');
      assert.equal(lines.length, 2, `exactly one line: ${stdout.text} ${stderr.text}`);
      const { url } = JSON.parse(lines[0] ?? '') as { url: string };
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);

      const response = await postJson(`${url}/v1/chat/completions`, {
        model: 'm',
        stream: true,
        messages: [{ role: 'user', content: 'from a child process' }],
      });
      const events = parseSse(await response.text());
      assert.equal(events.length, 1 + 2 + 1 + 1, 'role, two content chunks, finish, [DONE]');

      const stalled = postJson(`${url}/v1/chat/completions`, { model: 'mock-stall', messages: [{ role: 'user', content: 'x' }] }).then(
        () => 'answered',
        () => 'failed',
      );
      await waitFor(async () => {
        const stats = (await (await fetch(`${url}/_mock/stats`)).json()) as { open: number };
        return stats.open === 1;
      });
      child.kill('SIGTERM');
      const [code, signal] = await exited;
      assert.equal(code, 0, stderr.text);
      assert.equal(signal, null);
      assert.equal(await stalled, 'failed');
      assert.equal(stdout.text, `${lines[0] ?? ''}\n`, 'nothing else on stdout');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('exits with status 2 and usage on bad arguments', async () => {
    const child = startProcess(['--chunks', 'many']);
    const stderr = collect(child.stderr);
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 2);
    assert.match(stderr.text, /--chunks expects a non-negative integer/);
    assert.match(stderr.text, /usage:/);
  });
});
