/**
 * Tripwires for what the decision cache assumes of the built-in schema (inputs.ts,
 * readsPrincipalId): a decision may leave the principal's id out of its key only because no
 * condition can reach an entity the key does not name. That holds while no attribute or context
 * field has an entity type and no entity can have a principal among its ancestors. A schema change
 * that breaks either must fail here, not make principals share decisions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { builtinSchema } from './load.js';

interface SchemaJson {
  readonly commonTypes?: Record<string, unknown>;
  readonly entityTypes: Record<string, { readonly memberOfTypes?: readonly string[]; readonly shape?: unknown }>;
  readonly actions: Record<string, { readonly appliesTo?: { readonly principalTypes?: readonly string[]; readonly context?: unknown } }>;
}

const answer = cedar.schemaToJson(await builtinSchema());
assert.equal(answer.type, 'success', JSON.stringify(answer));
const schema = (answer as { json: Record<string, SchemaJson> }).json[''] as SchemaJson;
const entityTypes = new Set(Object.keys(schema.entityTypes));

/** Every type name used anywhere inside a type expression that names an entity type. */
function entityTypedNames(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) entityTypedNames(item, found);
  else if (node !== null && typeof node === 'object') {
    const { type, name } = node as { type?: unknown; name?: unknown };
    if ((type === 'Entity' || type === 'EntityOrCommon') && typeof name === 'string' && entityTypes.has(name)) found.push(name);
    for (const value of Object.values(node)) entityTypedNames(value, found);
  }
  return found;
}

describe('schema assumptions of the decision cache', () => {
  it('no attribute, common type or context field has an entity type', () => {
    const shapes = Object.values(schema.entityTypes).map((e) => e.shape);
    const contexts = Object.values(schema.actions).map((a) => a.appliesTo?.context);
    assert.deepEqual(entityTypedNames([schema.commonTypes, shapes, contexts]), []);
  });

  it('no entity type has a principal type among its parents', () => {
    const principals = new Set(Object.values(schema.actions).flatMap((a) => a.appliesTo?.principalTypes ?? []));
    assert.ok(principals.has('User') && principals.has('Operator'), 'the walk found the principal types');
    for (const [name, entity] of Object.entries(schema.entityTypes)) {
      for (const parent of entity.memberOfTypes ?? []) assert.ok(!principals.has(parent), `${name} is in ${parent}, a principal type`);
    }
  });
});
