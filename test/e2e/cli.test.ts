/**
 * The CLI as operators use it: validate, keys, sealed secrets, live reload, and the demo.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { spawnMock } from '../../src/cli/mock-process.js';
import { CLI, cli, createKey, eventually, mockStats, startGatewayProcess, workDir, writeConfig } from './harness.js';

const route = (model: string, base: string, apiKey?: string) =>
  `  - model: ${model}\n    targets: [{ provider: openai, baseUrl: "${base}", model: mock-gpt${apiKey ? `, apiKey: "${apiKey}"` : ''} }]\n`;

async function modelIds(url: string, key: string): Promise<string[]> {
  const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: key, maxRetries: 0 });
  const ids: string[] = [];
  for await (const m of client.models.list()) ids.push(m.id);
  return ids.sort();
}

describe('portcullis CLI', () => {
  it('validate prints every error with its path and exits 1; a good file exits 0', async () => {
    const { dir, cleanup } = workDir();
    try {
      const bad = writeConfig(dir, 'server:\n  port: -1\nroutes:\n  - model: x\n    targets: []\n  - model: y\n    targets: [{ provider: openai, baseUrl: "http://h/v1", model: m, apiKey: "${PC_TEST_UNSET_VAR}" }]\n');
      const out = await cli(['validate', '--config', bad]);
      assert.equal(out.code, 1);
      assert.match(out.stdout, /server\.port: /);
      assert.match(out.stdout, /routes\.0\.targets: /);
      assert.match(out.stdout, /routes\.1\.targets\.0\.apiKey: environment variable PC_TEST_UNSET_VAR is not set/);
      const good = writeConfig(dir, `routes:\n${route('a', 'http://127.0.0.1:1/v1')}`);
      const ok = await cli(['validate', '--config', good]);
      assert.equal(ok.code, 0);
      assert.match(ok.stdout, /valid \(1 routes\)/);
    } finally {
      cleanup();
    }
  });

  it('keys list never shows a secret or a hash; unknown commands fail with exit 2', async () => {
    const { dir, cleanup } = workDir();
    try {
      const file = writeConfig(dir, 'routes: []\n');
      const { key, id } = await createKey(file, ['--models', 'a,b', '--expires-in', '1d']);
      const list = await cli(['keys', 'list', '--config', file]);
      assert.equal(list.code, 0);
      assert.match(list.stdout, new RegExp(`${id}\\s+active\\s+e2e\\s+models=a,b\\s+never used`));
      const json = await cli(['keys', 'list', '--config', file, '--json']);
      assert.ok(!json.stdout.includes(key) && !json.stdout.includes('hash'));
      assert.equal((await cli(['nope'])).code, 2);
      assert.equal((await cli(['keys', 'revoke', '--config', file, 'missing'])).code, 2);
    } finally {
      cleanup();
    }
  });

  it('seals a provider credential and uses it as apiKey: secret:NAME', async () => {
    const mock = await spawnMock();
    const { dir, cleanup } = workDir();
    try {
      const file = writeConfig(dir, `server:\n  port: 0\nroutes:\n${route('sealed', `${mock.url}/v1`, 'secret:upstream')}`);
      // The server never generates its own master key; the first admin command initialises the data directory.
      const noKey = await startGatewayProcess(file).catch((err: Error) => err);
      assert.ok(noKey instanceof Error && /no master key/.test(noKey.message), noKey instanceof Error ? noKey.message : 'the gateway started');
      const { key } = await createKey(file);
      const missing = await startGatewayProcess(file).catch((err: Error) => err);
      assert.ok(missing instanceof Error && /no stored secret named "upstream"/.test(missing.message));
      assert.equal((await cli(['secrets', 'set', '--config', file, 'upstream'], 'sk-sealed-value\n')).code, 0);
      assert.equal((await cli(['secrets', 'list', '--config', file])).stdout, 'upstream\n');
      const gateway = await startGatewayProcess(file);
      try {
        const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
        await client.chat.completions.create({ model: 'sealed', messages: [{ role: 'user', content: 'x' }] });
        assert.equal((await mockStats(mock)).last.headers.authorization, 'Bearer sk-sealed-value');
      } finally {
        await gateway.stop();
      }
    } finally {
      await mock.stop();
      cleanup();
    }
  });

  it('reloads on SIGHUP and on file change, and keeps the running config when the new one is invalid', async () => {
    const mock = await spawnMock();
    const { dir, cleanup } = workDir();
    const base = `${mock.url}/v1`;
    try {
      const file = writeConfig(dir, `server:\n  port: 0\nroutes:\n${route('one', base)}`);
      const { key } = await createKey(file);
      const gateway = await startGatewayProcess(file);
      try {
        assert.deepEqual(await modelIds(gateway.url, key), ['one']);
        writeFileSync(file, `server:\n  port: 0\nroutes:\n${route('one', base)}${route('two', base)}`);
        gateway.child.kill('SIGHUP');
        await eventually(async () => (await modelIds(gateway.url, key)).length === 2);
        writeFileSync(file, `server:\n  port: 0\nroutes:\n  - model: broken\n    targets: []\n`);
        gateway.child.kill('SIGHUP');
        await eventually(async () => gateway.logs.some((l) => l.includes('config reload rejected')));
        assert.deepEqual(await modelIds(gateway.url, key), ['one', 'two']);
        writeFileSync(file, `server:\n  port: 0\nroutes:\n${route('three', base)}`);
        await eventually(async () => (await modelIds(gateway.url, key)).join() === 'three');
      } finally {
        await gateway.stop();
      }
    } finally {
      await mock.stop();
      cleanup();
    }
  });

  it('demo starts the mock and the gateway, prints a working key and snippet, and stops on Ctrl-C', async () => {
    const { dir, cleanup } = workDir();
    try {
      const child = spawn(process.execPath, [CLI, 'demo', '--port', '0', '--data-dir', join(dir, 'demo')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await eventually(async () => out.includes('Press Ctrl-C to stop.'), 20_000);
      const url = /Gateway {3}(\S+)/.exec(out)?.[1];
      const key = /API key {3}(pc_live_\S+)/.exec(out)?.[1];
      const mockUrl = /Upstream {2}(\S+)/.exec(out)?.[1];
      assert.ok(url && key && mockUrl, out);
      assert.match(out, /curl -s \S+\/chat\/completions -H "Authorization: Bearer pc_live_/);
      assert.match(out, /new OpenAI\(\{ baseURL: '[^']+', apiKey: 'pc_live_/);
      const client = new OpenAI({ baseURL: url, apiKey: key, maxRetries: 0 });
      for (const model of ['demo', 'demo-claude', 'demo-fallback']) {
        const answer = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hello, gateway' }] });
        assert.match(answer.choices[0]?.message.content ?? '', /Hello, gateway/);
      }
      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number];
      assert.equal(code, 0);
      await assert.rejects(fetch(`${mockUrl.replace(/\/v1$/, '')}/_mock/stats`), 'the mock process stopped too');
    } finally {
      cleanup();
    }
  });
});
