import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS, youngGenerationSet } from './node-flags.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

test('the bin shebang and the npm scripts carry the launcher flags', () => {
  const shebang = readFileSync(MAIN, 'utf8').split('\n')[0];
  assert.equal(shebang, `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> };
  for (const script of ['demo', 'start']) {
    assert.match(pkg.scripts[script] ?? '', new RegExp(`^node ${NODE_FLAGS.join(' ')} dist/src/cli/main\\.js ${script}$`));
  }
});

test('the shebang line, executed by the kernel, starts Node with the launcher flags', () => {
  // A script with main.js's first line, run as an executable: the kernel hands the line to env,
  // env -S splits it, and the script reports the options Node was started with.
  const dir = mkdtempSync(join(tmpdir(), 'pc-shebang-'));
  try {
    const script = join(dir, 'probe.js');
    const shebang = readFileSync(MAIN, 'utf8').split('\n')[0] ?? '';
    writeFileSync(script, `${shebang}\nprocess.stdout.write(JSON.stringify(process.execArgv));\n`, { mode: 0o755 });
    const run = spawnSync(script, { encoding: 'utf8', env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` } });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [...NODE_FLAGS]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('youngGenerationSet reads the command line and NODE_OPTIONS', () => {
  assert.equal(youngGenerationSet([], ''), false);
  assert.equal(youngGenerationSet(['--max-semi-space-size=64'], ''), true);
  assert.equal(youngGenerationSet([], '--max_semi_space_size=32 --trace-gc'), true);
  assert.equal(youngGenerationSet(['--max-old-space-size=4096'], '--trace-gc'), false);
  assert.equal(youngGenerationSet(['--semi-space-growth-factor=4'], ''), false, 'a growth factor does not raise the ceiling');
});
