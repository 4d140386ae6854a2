/**
 * Loads the configured policies into the runtime form authorization reads: the built-in schema
 * and templates shipped in config/policies, the user's `.cedar` files, an optional shadow set,
 * and the per-route and per-operator settings. Runs at start and on every reload; an invalid set
 * fails the compile, so a reload keeps the running one.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyConfig, PolicySetConfig } from '../config/policy.js';
import type { RouteConfig } from '../config/schema.js';
import { compilePolicySet, type CompiledPolicySet, type Entity, type PolicyIssue, type PolicySource } from './engine.js';

/** config/policies of the package (from dist/src/policy/). */
export const BUILTIN_DIR = fileURLToPath(new URL('../../../config/policies/', import.meta.url));
export const SCHEMA_FILE = resolve(BUILTIN_DIR, 'portcullis.cedarschema');

export type ToolMode = 'refuse' | 'strip';

export interface CompiledPolicy {
  readonly active: CompiledPolicySet;
  /** Evaluated beside `active`, never enforced. */
  readonly shadow: CompiledPolicySet | undefined;
  toolMode(model: string): ToolMode;
  operatorRoles(name: string): readonly string[];
  /** The Model entity of a route (built once per runtime). */
  modelEntity(model: string): Entity;
}

export type PolicyLoadResult = { readonly ok: true; readonly policy: CompiledPolicy } | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

let schemaText: Promise<string> | undefined;
export function builtinSchema(): Promise<string> {
  schemaText ??= readFile(SCHEMA_FILE, 'utf8');
  return schemaText;
}

/** The sources of one set: templates first (in the built-in order), then the user's files. */
export async function readPolicySources(set: PolicySetConfig, baseDir: string): Promise<{ sources: PolicySource[]; issues: PolicyIssue[] }> {
  const sources: PolicySource[] = [];
  const issues: PolicyIssue[] = [];
  for (const name of new Set(set.templates)) {
    sources.push({ origin: `template:${name}`, text: await readFile(resolve(BUILTIN_DIR, 'templates', `${name}.cedar`), 'utf8') });
  }
  for (const entry of set.files) {
    const path = resolve(baseDir, entry);
    try {
      const files = (await stat(path)).isDirectory()
        ? (await readdir(path))
            .filter((f) => extname(f) === '.cedar')
            .sort()
            .map((f) => resolve(path, f))
        : [path];
      for (const file of files) sources.push({ origin: file, text: await readFile(file, 'utf8') });
    } catch (err) {
      issues.push({ origin: path, message: `cannot read policy file: ${(err as NodeJS.ErrnoException).code ?? 'error'}` });
    }
  }
  return { sources, issues };
}

async function compileSet(set: PolicySetConfig, baseDir: string, cacheSize: number, schema: string): Promise<{ set?: CompiledPolicySet; issues: readonly PolicyIssue[] }> {
  const { sources, issues } = await readPolicySources(set, baseDir);
  if (issues.length > 0) return { issues };
  const compiled = compilePolicySet(schema, sources, { cacheSize });
  return compiled.ok ? { set: compiled.set, issues: [] } : { issues: compiled.issues };
}

export async function loadPolicy(config: PolicyConfig, routes: readonly RouteConfig[], baseDir: string): Promise<PolicyLoadResult> {
  const schema = await builtinSchema();
  const active = await compileSet(config, baseDir, config.cacheSize, schema);
  const shadow = config.shadow ? await compileSet(config.shadow, baseDir, config.cacheSize, schema) : undefined;
  const issues = [...active.issues, ...(shadow?.issues.map((i) => ({ ...i, origin: `shadow: ${i.origin}` })) ?? [])];
  if (issues.length > 0 || !active.set) return { ok: false, issues };

  const models = new Map<string, Entity>();
  for (const route of routes) models.set(route.model, Object.freeze({ uid: { type: 'Model', id: route.model }, attrs: { regulated: route.regulated }, parents: [] }));
  const toolModes = new Map(Object.entries(config.tools.routes));
  const operatorRoles = new Map(Object.entries(config.operators));
  const policy: CompiledPolicy = {
    active: active.set,
    shadow: shadow?.set,
    toolMode: (model) => toolModes.get(model) ?? config.tools.onDenied,
    operatorRoles: (name) => operatorRoles.get(name) ?? config.defaultOperatorRoles,
    modelEntity: (model) => models.get(model) ?? { uid: { type: 'Model', id: model }, attrs: { regulated: false }, parents: [] },
  };
  return { ok: true, policy: Object.freeze(policy) };
}
