/**
 * The Portcullis configurations the benchmarks run (`gateway.ts`, `compare.ts`), in one place so
 * both measure the same thing. Every variant has one route `bench` to the mock LLM with the inline
 * guards off (their cost is measured by the guard-latency section instead) and logs at `warn` (at
 * `info` every request writes a line, and the benchmark would measure pino).
 *
 * The variants differ only in ordinary, documented settings of the config file, so what is
 * measured is what a user who writes the same settings gets:
 * - `default`: everything else as shipped (audit trail, monitoring, context, authorization);
 * - `audit-off`: the same with `audit: { enabled: false }` (issue 7's cost is the difference);
 * - `postgres`: `default` with the state (keys, audit log) in PostgreSQL (`PORTCULLIS_BENCH_POSTGRES`,
 *   default the development machine's `postgres://postgres@127.0.0.1:5432/test`), in a schema of its
 *   own per server (`pc_bench_<port>`, dropped by `dropBenchSchema` when the run ends);
 * - `guarded`, `guarded-audit-off`: the route's guards as shipped (injection, PII and secrets on the
 *   way in and out), audit on and off: the audit's cost in a gateway doing all of its work
 *   (compare.ts `--prompt 1k`);
 * - `core`: what issue 2's targets name, "key check + routing": audit off and `monitor: {
 *   enabled: false }` too. Authorization (the Cedar policy set and the context facts it reads)
 *   stays on: there is no setting that turns it off and there should not be one in a zero-trust
 *   gateway, where an API key alone must not grant every model; its cost is part of the figure.
 */

import { execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const VARIANTS = ['default', 'audit-off', 'core', 'postgres', 'guarded', 'guarded-audit-off'] as const;
export type Variant = (typeof VARIANTS)[number];

export function isVariant(name: string): name is Variant {
  return (VARIANTS as readonly string[]).includes(name);
}

/** What a variant switches off, for labels and the report. */
export const VARIANT_NOTES: Readonly<Record<Variant, string>> = {
  default: 'guards off, everything else as shipped',
  'audit-off': 'guards and audit off',
  core: 'guards, audit and monitoring off: key check, authorization and routing',
  postgres: 'guards off, everything else as shipped, state in PostgreSQL',
  guarded: 'everything as shipped, guards included',
  'guarded-audit-off': 'everything as shipped, guards included, audit off',
};

const POSTGRES = process.env['PORTCULLIS_BENCH_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const benchSchema = (port: number): string => `pc_bench_${port}`;

/** Drops the schema a `postgres` server on `port` used. */
async function dropBenchSchema(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${benchSchema(port)} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * The YAML of one variant. `extra` lines are appended (the benchmark's audit group-commit window,
 * `BENCH_AUDIT_COMMIT_DELAY_MS`, goes there).
 */
export function benchConfig(variant: Variant, port: number, mockUrl: string, extra: readonly string[] = []): string {
  const audit = variant === 'default' || variant === 'postgres' || variant === 'guarded' ? [] : ['audit:', '  enabled: false'];
  const guarded = variant === 'guarded' || variant === 'guarded-audit-off';
  const storage = variant === 'postgres' ? ['storage:', `  url: "${POSTGRES}?schema=${benchSchema(port)}"`] : [];
  const monitor = variant === 'core' ? ['monitor:', '  enabled: false'] : [];
  return [
    'logging:',
    '  level: warn',
    'server:',
    '  host: 127.0.0.1',
    `  port: ${port}`,
    'routes:',
    '  - model: bench',
    '    targets:',
    '      - provider: openai',
    `        baseUrl: ${mockUrl}/v1`,
    '        model: bench',
    ...(guarded ? [] : ['    guards: { enabled: false }']),
    ...audit,
    ...monitor,
    ...storage,
    ...extra,
    '',
  ].join('\n');
}

/**
 * What a bench server of one build starts from: the variant's config in `dir` and an API key made
 * by that build's own CLI. Returns the build's CLI, the config file and the key.
 */
export function prepareServer(distDir: string, variant: Variant, port: number, mockUrl: string, dir: string): { cli: string; configFile: string; key: string } {
  const cli = join(resolve(distDir), 'src/cli/main.js');
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'portcullis.yaml');
  writeFileSync(configFile, benchConfig(variant, port, mockUrl));
  const { key } = JSON.parse(execFileSync(process.execPath, [cli, 'keys', 'create', '--config', configFile, '--name', 'bench', '--json'], { encoding: 'utf8' })) as { key: string };
  return { cli, configFile, key };
}

/** Stops bench servers and drops what their variants keep outside their directories (the `postgres` schemas). */
export async function stopServers(servers: readonly { readonly child: ChildProcess; readonly variant?: Variant; readonly origin: string }[]): Promise<void> {
  for (const s of servers) s.child.kill('SIGTERM');
  for (const s of servers) {
    if (s.variant !== 'postgres') continue;
    if (s.child.exitCode === null && s.child.signalCode === null) await once(s.child, 'exit');
    await dropBenchSchema(Number(new URL(s.origin).port));
  }
}
