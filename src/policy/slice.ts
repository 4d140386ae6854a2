/**
 * Which policies can apply to a request, decided from their scopes before Cedar is asked.
 *
 * Cedar evaluates a policy as `principal-scope && action-scope && resource-scope && conditions`,
 * left to right with short-circuit, so a policy whose scope does not hold for the request is not
 * satisfied and cannot error: leaving it out changes neither the decision nor the policies named.
 * Every policy still costs the engine about 2.5 µs per request (measured on the 2-core box), so
 * evaluating only the few whose scope holds is most of what makes a cold decision cheap.
 *
 * The same reasoning prunes the inputs: a subset of policies reads only some context fields and
 * entity attributes, and only tests `in` against entities it names literally (the schema gives no
 * entity-typed attributes or context fields, so the only other entities an expression can reach
 * are principal, action and resource themselves). Ancestors nobody can ask about are left out.
 *
 * Matching errs on the side of keeping: a scope shape this file does not recognise matches.
 */
import { collectReads, emptyReads, type PolicyReads } from './ast.js';

/** `Type\0id`: entity ids may contain anything but a type name cannot contain NUL. */
export type EntityKey = string;

export function entityKey(type: string, id: string): EntityKey {
  return `${type}\0${id}`;
}

/** A request-side entity as the matcher sees it. */
export interface ScopeSubject {
  readonly type: string;
  readonly key: EntityKey;
  /** Every ancestor, transitively, in the entities the engine is given. */
  readonly ancestors: ReadonlySet<EntityKey>;
}

type Matcher = (subject: ScopeSubject) => boolean;

export interface ScopedPolicy {
  readonly id: string;
  readonly text: string;
  readonly principal: Matcher;
  readonly action: Matcher;
  readonly resource: Matcher;
  readonly reads: PolicyReads;
  /** Entities the policy names anywhere (scope or conditions). */
  readonly literals: ReadonlySet<EntityKey>;
}

const always: Matcher = () => true;

/** `{type, id}` or `{__entity: {type, id}}`, as Cedar's JSON writes an entity reference. */
function refKey(value: unknown): EntityKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { type?: unknown; id?: unknown; __entity?: unknown };
  if (v.__entity !== undefined) return refKey(v.__entity);
  return typeof v.type === 'string' && typeof v.id === 'string' ? entityKey(v.type, v.id) : undefined;
}

const within = (target: EntityKey): Matcher => (s) => s.key === target || s.ancestors.has(target);

/** A scope constraint of Cedar's policy JSON (`{op: "All" | "==" | "in" | "is", …}`) as a test. */
export function scopeMatcher(constraint: unknown): Matcher {
  if (typeof constraint !== 'object' || constraint === null) return always;
  const c = constraint as { op?: unknown; entity?: unknown; entities?: unknown; entity_type?: unknown; in?: unknown };
  switch (c.op) {
    case 'All':
      return always;
    case '==': {
      const target = refKey(c.entity);
      return target === undefined ? always : (s) => s.key === target;
    }
    case 'in': {
      if (Array.isArray(c.entities)) {
        const targets = c.entities.map(refKey);
        if (targets.some((t) => t === undefined)) return always;
        const tests = (targets as EntityKey[]).map(within);
        return (s) => tests.some((t) => t(s));
      }
      const target = refKey(c.entity);
      return target === undefined ? always : within(target);
    }
    case 'is': {
      if (typeof c.entity_type !== 'string') return always;
      const type = c.entity_type;
      const inner = c.in === undefined ? always : scopeMatcher({ op: 'in', ...(c.in as object) });
      return (s) => s.type === type && inner(s);
    }
    default:
      return always;
  }
}

/** Every entity reference in a policy's JSON form; anything shaped like one counts (keeping more is safe). */
function literalsOf(json: unknown, into: Set<EntityKey>): void {
  if (Array.isArray(json)) {
    for (const item of json) literalsOf(item, into);
    return;
  }
  if (typeof json !== 'object' || json === null) return;
  const key = refKey(json);
  if (key !== undefined) into.add(key);
  for (const value of Object.values(json)) literalsOf(value, into);
}

export function scopePolicy(id: string, text: string, json: unknown): ScopedPolicy {
  const j = json as { principal?: unknown; action?: unknown; resource?: unknown };
  const reads = emptyReads();
  collectReads(json, reads);
  const literals = new Set<EntityKey>();
  literalsOf(json, literals);
  return { id, text, principal: scopeMatcher(j.principal), action: scopeMatcher(j.action), resource: scopeMatcher(j.resource), reads, literals };
}

/** What a set of policies reads and names, together. */
export function unionOf(policies: readonly ScopedPolicy[]): { reads: PolicyReads; literals: ReadonlySet<EntityKey> } {
  const contextFields = new Set<string>();
  const entityAttrs = new Set<string>();
  const literals = new Set<EntityKey>();
  let allContext = false;
  for (const p of policies) {
    for (const f of p.reads.contextFields) contextFields.add(f);
    for (const a of p.reads.entityAttrs) entityAttrs.add(a);
    for (const l of p.literals) literals.add(l);
    allContext ||= p.reads.allContext;
  }
  return { reads: { contextFields, entityAttrs, allContext }, literals };
}
