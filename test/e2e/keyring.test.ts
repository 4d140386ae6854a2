/**
 * The master key as operators handle it: `portcullis start` refuses a world-readable key file and
 * a weak key; a provider credential sealed under one master key survives a rotation to another
 * (`keys new-master`, previous key configured, `keys rotate-master`), and after re-encryption the
 * old key can go.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { spawnMock } from '../../src/cli/mock-process.js';
import { cli, createKey, mockStats, startGatewayProcess, workDir, writeConfig } from './harness.js';

describe('master key (e2e)', () => {
  it('refuses bad keys, and rotates without losing a sealed credential', async () => {
    const mock = await spawnMock();
    const { dir, cleanup } = workDir();
    const route = `routes:\n  - model: sealed\n    targets: [{ provider: openai, baseUrl: "${mock.url}/v1", model: mock-gpt, apiKey: "secret:upstream" }]\n`;
    const config = (secrets: string): string => writeConfig(dir, `server:\n  port: 0\nsecrets:\n${secrets}${route}`);
    try {
      assert.equal((await cli(['keys', 'new-master', '--out', join(dir, 'k1.key')])).code, 0);
      assert.equal((await cli(['keys', 'new-master', '--out', join(dir, 'k1.key')])).code, 2, 'never overwrites a key');
      let file = config('  masterKeyFile: k1.key\n');

      chmodSync(join(dir, 'k1.key'), 0o644);
      const open = await startGatewayProcess(file).catch((err: Error) => err);
      assert.ok(open instanceof Error && /accessible to group or others/.test(open.message));
      chmodSync(join(dir, 'k1.key'), 0o600);

      writeFileSync(join(dir, 'weak.key'), Buffer.alloc(32, 1).toString('base64'), { mode: 0o600 });
      const weak = await startGatewayProcess(config('  masterKeyFile: weak.key\n')).catch((err: Error) => err);
      assert.ok(weak instanceof Error && /too few distinct bytes/.test(weak.message));

      file = config('  masterKeyFile: k1.key\n');
      assert.equal((await cli(['secrets', 'set', '--config', file, 'upstream'], 'sk-sealed-under-k1\n')).code, 0);
      const { key } = await createKey(file);

      // Rotate: new key current, old key previous; the running data stays readable.
      assert.equal((await cli(['keys', 'new-master', '--out', join(dir, 'k2.key')])).code, 0);
      file = config('  masterKeyFile: k2.key\n  previousMasterKeyFiles: [k1.key]\n');
      const dry = await cli(['keys', 'rotate-master', '--config', file, '--dry-run', '--json']);
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal((JSON.parse(dry.stdout) as { rewrapped: { secret: number } }).rewrapped.secret, 1);
      const rotated = await cli(['keys', 'rotate-master', '--config', file, '--json']);
      assert.equal(rotated.code, 0, rotated.stderr);
      const report = JSON.parse(rotated.stdout) as { rewrapped: { secret: number }; unreadable: string[]; previous: string[] };
      assert.equal(report.rewrapped.secret, 1);
      assert.deepEqual(report.unreadable, []);
      assert.equal(report.previous.length, 1);
      assert.ok(!rotated.stdout.includes('sk-sealed'), 'never prints a value');

      // The old key is gone; the credential opens under the new one alone.
      file = config('  masterKeyFile: k2.key\n');
      const gateway = await startGatewayProcess(file);
      try {
        const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
        await client.chat.completions.create({ model: 'sealed', messages: [{ role: 'user', content: 'x' }] });
        assert.equal((await mockStats(mock)).last.headers.authorization, 'Bearer sk-sealed-under-k1');
      } finally {
        await gateway.stop();
      }
    } finally {
      await mock.stop();
      cleanup();
    }
  });
});
