/**
 * What one engine call is given, cut down to what the subset's policies can read (slice.ts says
 * why this is exact). The request-independent part — which ancestors are passed, the action
 * entity, which attributes and context fields are read, and a key naming all of it — is worked
 * out once per selection (`planInputs`); a request then only copies its own values.
 */
import type * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import type { PolicyReads } from './ast.js';
import type { AuthorizationQuery, CedarValue, Entity, EntityRef } from './engine.js';
import { certainIp, IP_TEXT, ipText } from './ip-text.js';
import { entityKey, type EntityKey, type ScopeSubject } from './slice.js';

/** A request-side entity with every ancestor it has through the request's entities. */
export type Subject = ScopeSubject & { readonly closure: ReadonlyMap<EntityKey, EntityRef> };

export interface Inputs {
  /** Names everything below (with the subset), so a decision cache key need not repeat it. */
  readonly key: string;
  /** Parents passed with the principal; undefined when the principal entity is not passed at all. */
  readonly principalParents: readonly cedar.EntityUidJson[] | undefined;
  readonly resourceParents: readonly cedar.EntityUidJson[] | undefined;
  readonly action: cedar.EntityJson | undefined;
  readonly attrs: readonly string[];
  /** Context fields passed; every field when `allContext`. */
  readonly fields: readonly string[];
  readonly allContext: boolean;
  /** A decision can depend on the principal's id (see planInputs), so decision keys include it. */
  readonly principalId: boolean;
}

export interface InputsPlan {
  readonly subsetKey: string;
  readonly action: string;
  readonly actionKey: EntityKey;
  readonly actionAncestors: readonly EntityRef[];
  readonly principal: Subject;
  readonly resource: Subject;
  /** Principal and resource are the same entity (passed once). */
  readonly same: boolean;
  /** A principal scope names the principal, or it is among its own ancestors. */
  readonly named: boolean;
  /** What the subset's conditional policies read, and the entities they name. */
  readonly reads: PolicyReads;
  readonly literals: ReadonlySet<EntityKey>;
}

/**
 * Ancestors are passed only when a policy can ask about them: those its conditions name, and the
 * request's own principal, resource and action (a principal may be `in` the resource). An entity
 * with no attribute read and no ancestor kept is left out.
 */
export function planInputs(plan: InputsPlan): Inputs {
  const keep = (key: EntityKey): boolean => plan.literals.has(key) || key === plan.principal.key || key === plan.resource.key || key === plan.actionKey;
  const kept = (subject: Subject): cedar.EntityUidJson[] => {
    const out: cedar.EntityUidJson[] = [];
    for (const [key, ref] of subject.closure) if (keep(key)) out.push({ type: ref.type, id: ref.id });
    return out;
  };
  const attrs = [...plan.reads.entityAttrs];
  const passed = (parents: cedar.EntityUidJson[]): cedar.EntityUidJson[] | undefined => (attrs.length > 0 || parents.length > 0 ? parents : undefined);
  const principalParents = passed(kept(plan.principal));
  const resourceParents = plan.same ? undefined : passed(kept(plan.resource));
  const actionParents = plan.actionAncestors.filter((a) => keep(entityKey(a.type, a.id))).map((a) => ({ type: a.type, id: a.id }));
  const action = actionParents.length > 0 ? { uid: { type: 'Action', id: plan.action }, attrs: {}, parents: actionParents } : undefined;
  const fields = [...plan.reads.contextFields];
  const key = JSON.stringify([plan.subsetKey, principalParents ?? null, resourceParents ?? null, actionParents, attrs, plan.reads.allContext ? null : fields]);
  return { key, principalParents, resourceParents, action, attrs, fields, allContext: plan.reads.allContext, principalId: readsPrincipalId(plan) };
}

/**
 * Whether the subset can tell two principals apart that differ only in id. Cedar has no way to
 * read an entity's id; it can only compare entities (`==`, `in`, `contains`), and the only
 * entities a condition can reach are the principal, the action, the resource and the entities it
 * names (the schema has no entity-typed attributes or context fields). Everything else about the
 * principal the engine sees — its type, the ancestors passed, the attributes read — is in the
 * decision key already. So the id matters only when a named entity has the principal's type, the
 * resource has it too, or the selection itself depended on the id.
 */
function readsPrincipalId(plan: InputsPlan): boolean {
  const type = plan.principal.type;
  if (plan.same || plan.named || type === 'Action' || type === plan.resource.type) return true;
  const prefix = entityKey(type, '');
  for (const literal of plan.literals) if (literal.startsWith(prefix)) return true;
  return false;
}

function picked(attrs: Readonly<Record<string, CedarValue>>, names: readonly string[]): Record<string, CedarValue> {
  const out: Record<string, CedarValue> = {};
  for (const name of names) {
    const value = attrs[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function entitiesFor(inputs: Inputs, query: AuthorizationQuery): cedar.EntityJson[] {
  const entities: cedar.EntityJson[] = [];
  const add = (e: Entity, parents: readonly cedar.EntityUidJson[] | undefined): void => {
    if (parents !== undefined) entities.push({ uid: { type: e.uid.type, id: e.uid.id }, attrs: picked(e.attrs, inputs.attrs), parents: parents as cedar.EntityUidJson[] });
  };
  add(query.principal, inputs.principalParents);
  add(query.resource, inputs.resourceParents);
  if (inputs.action) entities.push(inputs.action);
  return entities;
}

/**
 * The context fields read, the address as text when rewritten policies read it (ip-text.ts);
 * undefined when `ip` is not an address value (the schema's type for it), which denies.
 */
export function contextFor(inputs: Inputs, context: Readonly<Record<string, CedarValue>>): cedar.Context | undefined {
  if (inputs.allContext) return context;
  const out: cedar.Context = {};
  for (const field of inputs.fields) {
    if (field === IP_TEXT) {
      const ip = context['ip'];
      if (ip === undefined) continue;
      const text = ipText(ip);
      if (text === undefined) return undefined;
      out[IP_TEXT] = text;
      // Cedar then refuses the whole request for an address it does not accept, as it did
      // before the rewrite, rather than erroring only where evaluation reaches it.
      if (!certainIp(text)) out['ip'] = ip;
      continue;
    }
    const value = context[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}
