/**
 * Structured-output checks of one request: the route's declared schema and the request's
 * `response_format` (json_schema: the answer must match it; json_object: it must be a JSON
 * object). Decided by the input stage, applied by the output stage to every choice's text.
 */
import { z } from 'zod';
import type { ChatRequest } from '../../canonical/types.js';
import { checkAnswer, compileSchema, SchemaCompileError, type CompiledSchema, type SchemaViolation } from './compile.js';

export interface StructuredCheck {
  /** Where the requirement comes from, for reasons. */
  readonly source: 'route' | 'request';
  /** undefined: any JSON object (`json_object`). */
  readonly schema: CompiledSchema | undefined;
}

/** `routes[].guards.output.jsonSchema`: compiled at config load so a bad schema names its path. */
export const jsonSchemaConfig = z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
  try {
    compileSchema(schema);
  } catch (err) {
    if (!(err instanceof SchemaCompileError)) throw err;
    ctx.addIssue({ code: 'custom', message: `not a supported JSON schema: ${err.message}` });
  }
});

export class UnsupportedRequestSchema extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'UnsupportedRequestSchema';
  }
}

/**
 * The checks for a request, or undefined when there are none (the common case: no cost). Throws
 * UnsupportedRequestSchema when the request's own schema cannot be enforced.
 */
export function structuredChecks(route: CompiledSchema | undefined, enforceRequest: boolean, request: ChatRequest): readonly StructuredCheck[] | undefined {
  const format = enforceRequest ? request.responseFormat : undefined;
  if (route === undefined && (format === undefined || format.type === 'text')) return undefined;
  const checks: StructuredCheck[] = [];
  if (route !== undefined) checks.push({ source: 'route', schema: route });
  if (format?.type === 'json_object') checks.push({ source: 'request', schema: undefined });
  if (format?.type === 'json_schema') {
    try {
      checks.push({ source: 'request', schema: compileSchema(format.schema) });
    } catch (err) {
      if (err instanceof SchemaCompileError) throw new UnsupportedRequestSchema(err.message);
      throw err;
    }
  }
  return checks;
}

/** The first failed check of an answer's text, as a reason (`schema:request:$.name:expected string`), or undefined. */
export function structuredViolation(checks: readonly StructuredCheck[], text: string, where: string): string | undefined {
  for (const c of checks) {
    const v: SchemaViolation | undefined = checkAnswer(c.schema, text);
    if (v !== undefined) return `schema:${c.source}:block@${where}:${`${v.path}:${v.message}`.slice(0, 200)}`;
  }
  return undefined;
}
