/**
 * `portcullis policy validate --config FILE`: compiles the config's policy set (templates and
 * `.cedar` files, shadow set included) against the schema and prints every problem.
 *
 * `portcullis policy test CASES.yaml [--config FILE]`: runs a table of example requests against
 * the policy set, like unit tests — one line per case, a summary, exit code 1 on any mismatch.
 * Good for users' CI: a policy change that flips an expected decision fails the build.
 *
 * Cases file:
 *   cases:
 *     - name: app key may chat from the office
 *       principal: { kind: service, id: "key:1", roles: [app], tenant: acme }
 *       action: chat
 *       resource: { model: gpt-4o }          # or { tool: NAME } or { admin: audit }
 *       context: { ip: 10.1.2.3, country: DE, hour: 10, weekday: 2, risk: 0.1, posture: { managed: true } }
 *       expect: allow                        # or deny
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { configSchema, type Config } from '../config/schema.js';
import type { Entity } from '../policy/engine.js';
import { loadPolicy, type CompiledPolicy } from '../policy/load.js';
import { cedarContext, operatorEntity, principalEntity } from '../policy/request.js';
import type { Principal } from '../pipeline/types.js';
import { CliError, loadConfigOrFail, parse } from './util.js';

const HELP = `Usage:
  portcullis policy validate --config FILE
  portcullis policy test CASES.yaml [--config FILE] [--json]
`;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

const caseSchema = z
  .object({
    name: z.string().min(1),
    principal: z
      .object({
        kind: z.enum(['user', 'service', 'operator']).default('service'),
        id: z.string().min(1),
        roles: z.array(z.string().min(1)).optional(),
        teams: z.array(z.string().min(1)).default([]),
        tenant: z.string().min(1).default('default'),
        authMethod: z.enum(['api_key', 'gateway_jwt', 'oidc', 'mtls']).default('api_key'),
      })
      .strict(),
    action: z.string().min(1),
    resource: z.union([z.object({ model: z.string().min(1) }).strict(), z.object({ tool: z.string().min(1) }).strict(), z.object({ admin: z.string().min(1) }).strict()]),
    context: z
      .object({
        ip: z.string().min(1).default('127.0.0.1'),
        country: z.string().length(2).optional(),
        hour: z.number().int().min(0).max(23).default(12),
        weekday: z.number().int().min(1).max(7).default(3),
        risk: z.number().min(0).max(1).default(0),
        posture: z.record(z.string(), scalar).optional(),
        postureError: z.string().optional(),
        mfaAgeSec: z.number().int().min(0).optional(),
        model: z.string().optional(),
        maxTokens: z.number().int().positive().optional(),
        stream: z.boolean().default(false),
        tools: z.array(z.string()).default([]),
      })
      .strict()
      .prefault({}),
    expect: z.enum(['allow', 'deny']),
  })
  .strict();

const casesFileSchema = z.object({ cases: z.array(caseSchema).min(1) }).strict();
type PolicyCase = z.output<typeof caseSchema>;

async function compile(config: Config, baseDir: string): Promise<CompiledPolicy> {
  const loaded = await loadPolicy(config.policy, config.routes, baseDir);
  if (!loaded.ok) {
    const lines = loaded.issues.map((i) => `  ${i.origin}${i.policyId ? ` [${i.policyId}]` : ''}: ${i.message}`);
    throw new PolicyInvalid(`policy set is invalid:\n${lines.join('\n')}`);
  }
  return loaded.policy;
}

class PolicyInvalid extends Error {}

/** Decides one case with the active set; returns the decision and the policies behind it. */
export function runCase(policy: CompiledPolicy, c: PolicyCase): { allowed: boolean; reasons: readonly string[] } {
  const p = c.principal;
  const operation = c.resource && 'admin' in c.resource ? 'admin' : c.action;
  const model = 'model' in c.resource ? c.resource.model : (c.context.model ?? '');
  let principal: Entity;
  if (p.kind === 'operator') {
    principal = operatorEntity(p.id, p.roles ?? policy.operatorRoles(p.id));
  } else {
    const full: Principal = { id: p.id, kind: p.kind, tenant: p.tenant, roles: p.roles ?? [], teams: p.teams, authMethod: p.authMethod, credentialId: 'policy-test', models: [] };
    principal = principalEntity(full);
  }
  const posture = c.context.posture ? { source: 'policy-test', attributes: c.context.posture, issuedAt: 0 } : undefined;
  const facts = {
    clientIp: c.context.ip,
    ...(c.context.country ? { country: c.context.country } : {}),
    ...(posture ? { posture } : {}),
    ...(c.context.postureError ? { postureError: c.context.postureError } : {}),
    risk: c.context.risk,
    hour: c.context.hour,
    weekday: c.context.weekday,
  };
  const context = cedarContext(facts, p.kind === 'operator' ? 'operator_session' : p.authMethod, { operation, model, ...(c.context.maxTokens !== undefined ? { maxTokens: c.context.maxTokens } : {}), stream: c.context.stream, tools: c.context.tools }, c.context.mfaAgeSec);
  const resource: Entity = 'model' in c.resource ? policy.modelEntity(c.resource.model) : 'tool' in c.resource ? { uid: { type: 'Tool', id: c.resource.tool }, attrs: {}, parents: [] } : { uid: { type: 'AdminResource', id: c.resource.admin }, attrs: {}, parents: [] };
  return policy.active.authorize({ principal, action: c.action, resource, context });
}

async function configFor(file: string | undefined): Promise<{ config: Config; baseDir: string }> {
  if (file === undefined) return { config: configSchema.parse({}), baseDir: process.cwd() };
  const { config, baseDir } = await loadConfigOrFail(file);
  return { config, baseDir };
}

async function validate(args: readonly string[]): Promise<number> {
  const { values } = parse(args, { config: { type: 'string' } });
  if (!values.config) throw new CliError('--config FILE is required');
  const { config, baseDir } = await configFor(values.config);
  try {
    const policy = await compile(config, baseDir);
    process.stdout.write(`policy set is valid: ${policy.active.policyIds.length} policies${policy.shadow ? `, shadow set ${policy.shadow.policyIds.length}` : ''}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof PolicyInvalid)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
}

async function test(args: readonly string[]): Promise<number> {
  const { values, positionals } = parse(args, { config: { type: 'string' }, json: { type: 'boolean' } }, true);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(`give one cases file\n${HELP}`);
  let parsed: unknown;
  try {
    parsed = parseYaml(await readFile(resolve(file), 'utf8'));
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const cases = casesFileSchema.safeParse(parsed);
  if (!cases.success) throw new CliError(`invalid cases file ${file}:\n${cases.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n')}`);
  const { config, baseDir } = await configFor(values.config);
  let policy: CompiledPolicy;
  try {
    policy = await compile(config, values.config ? baseDir : dirname(resolve(file)));
  } catch (err) {
    if (!(err instanceof PolicyInvalid)) throw err;
    process.stderr.write(`${err.message}\n`);
    return 1;
  }
  const results = cases.data.cases.map((c) => {
    const r = runCase(policy, c);
    const got = r.allowed ? 'allow' : 'deny';
    return { name: c.name, expected: c.expect, got, reasons: r.reasons, ok: got === c.expect };
  });
  const failed = results.filter((r) => !r.ok).length;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ passed: results.length - failed, failed, results }, null, 2)}\n`);
  } else {
    for (const r of results) {
      const why = r.reasons.join(', ');
      process.stdout.write(r.ok ? `ok    ${r.name}  (${r.got}: ${why})\n` : `FAIL  ${r.name}  expected ${r.expected}, got ${r.got} (${why})\n`);
    }
    process.stdout.write(`\n${results.length - failed} passed, ${failed} failed\n`);
  }
  return failed === 0 ? 0 : 1;
}

export async function runPolicy(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'validate':
      return validate(rest);
    case 'test':
      return test(rest);
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(HELP);
      return 0;
    default:
      throw new CliError(`unknown policy command "${sub}"\n${HELP}`);
  }
}
