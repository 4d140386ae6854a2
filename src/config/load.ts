/**
 * Reads a YAML config, interpolates `${ENV}` references and validates it. Every problem is
 * returned with its path, all at once, so `portcullis validate` can print them together.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { configSchema, type Config } from './schema.js';

export interface ConfigIssue {
  /** Dotted path into the document, e.g. `routes.0.targets.1.baseUrl`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

export type LoadResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/** `${NAME}` or `${NAME:-default}`; `$${` escapes a literal `${`. */
const WHOLE_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;
const REFERENCE = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

export async function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, issues: [{ path: '', message: `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}` }] };
  }
  return parseConfigText(text, env);
}

export function parseConfigText(text: string, env: NodeJS.ProcessEnv = process.env): LoadResult {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    return { ok: false, issues: doc.errors.map((e) => ({ path: '', message: `YAML: ${e.message.split('\n')[0] ?? e.code}` })) };
  }
  const issues: ConfigIssue[] = [];
  const raw: unknown = interpolate(doc.toJS({ maxAliasCount: 100 }) ?? {}, env, [], issues);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    // A missing variable already explains why its value fails the schema; say it once.
    const explained = new Set(issues.map((i) => i.path));
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (!explained.has(path)) issues.push({ path, message: issue.message });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, config: parsed.data };
}

function interpolate(value: unknown, env: NodeJS.ProcessEnv, path: (string | number)[], issues: ConfigIssue[]): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_REFERENCE.test(value);
    const out = value.replace(REFERENCE, (whole, escape: string, name: string, fallback: string | undefined) => {
      if (escape) return whole.slice(1);
      const found = env[name];
      if (found !== undefined && found !== '') return found;
      if (fallback !== undefined) return fallback;
      issues.push({ path: path.join('.'), message: `environment variable ${name} is not set` });
      return '';
    });
    // `port: ${PORT}` should give a number, as if the value had been written in the YAML.
    if (whole && /^-?\d+(?:\.\d+)?$/.test(out)) return Number(out);
    if (whole && (out === 'true' || out === 'false')) return out === 'true';
    return out;
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolate(item, env, [...path, i], issues));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = interpolate(item, env, [...path, key], issues);
    return out;
  }
  return value;
}
