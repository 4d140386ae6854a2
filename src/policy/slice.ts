/**
 * Which policies can apply to a request, decided from their scopes before Cedar is asked.
 *
 * Cedar evaluates a policy as `principal-scope && action-scope && resource-scope && conditions`,
 * left to right with short-circuit, so a policy whose scope does not hold for the request is not
 * satisfied and cannot error: leaving it out changes neither the decision nor the policies named.
 * Every policy still costs the engine about 2.5 µs per request (measured on the 2-core box), so
 * evaluating only the few whose scope holds is most of what makes a cold decision cheap.
 *
 * For the same reason a subset is only ever used for requests whose scopes it matched, so it is
 * loaded with every scope replaced by "any": the engine then does not test scopes again, and the
 * ancestors that only scopes asked about need not be passed.
 *
 * The inputs are pruned too: the conditions of a subset read only some context fields and entity
 * attributes, and only test `in` against entities they name literally (the schema gives no
 * entity-typed attributes or context fields, so the only other entities an expression can reach
 * are principal, action and resource themselves). Ancestors nobody can ask about are left out.
 *
 * Matching errs on the side of keeping: a scope shape this file does not recognise matches.
 */
import { collectReads, emptyReads, type PolicyReads } from './ast.js';
import { rewriteIpReads } from './ip-text.js';

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
  /** What a subset loads: the policy with its scopes widened to "any", or its text (see scopePolicy). */
  readonly loadable: string | object;
  readonly principal: Matcher;
  readonly action: Matcher;
  readonly resource: Matcher;
  readonly reads: PolicyReads;
  /**
   * The same policy reading the client address as text (ip-text.ts), when it reads `context.ip`
   * and can be rewritten: what a subset loads unless one of its policies reads `context` whole.
   */
  readonly ipText: { readonly loadable: object; readonly reads: PolicyReads } | undefined;
  readonly effect: 'permit' | 'forbid';
  /**
   * Satisfied by every request its scopes match (no conditions): its subset need not ask the
   * engine about it. Never true for a policy loaded from its text.
   */
  readonly unconditional: boolean;
  /** Entities the policy's conditions name. */
  readonly literals: ReadonlySet<EntityKey>;
  /** Entities its principal scope names. */
  readonly principalNames: ReadonlySet<EntityKey>;
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

const ANY = { op: 'All' } as const;

/** A number JSON cannot carry exactly (a Long beyond 2^53 came back from the engine rounded). */
function hasInexactNumber(json: unknown): boolean {
  if (typeof json === 'number') return !Number.isSafeInteger(json);
  if (typeof json !== 'object' || json === null) return false;
  return Object.values(json).some(hasInexactNumber);
}

export function scopePolicy(id: string, text: string, json: object): ScopedPolicy {
  const j = json as { principal?: unknown; action?: unknown; resource?: unknown; conditions?: unknown };
  const reads = emptyReads();
  collectReads(json, reads);
  const literals = new Set<EntityKey>();
  // The JSON form would change such a literal, so that policy is loaded from its text, scopes
  // included, and the entities its scopes name must then be passed too.
  const exact = !hasInexactNumber(json);
  literalsOf(exact ? j.conditions : json, literals);
  const loadable = exact ? { ...json, principal: ANY, action: ANY, resource: ANY } : text;
  const principalNames = new Set<EntityKey>();
  literalsOf(j.principal, principalNames);
  const unconditional = exact && Array.isArray(j.conditions) && j.conditions.length === 0;
  const effect = (json as { effect?: unknown }).effect === 'permit' ? 'permit' : 'forbid';
  return { id, loadable, ipText: exact && reads.contextFields.has('ip') ? ipTextForm(loadable as object) : undefined, effect, unconditional, principal: scopeMatcher(j.principal), action: scopeMatcher(j.action), resource: scopeMatcher(j.resource), reads, literals, principalNames };
}

function ipTextForm(loadable: object): ScopedPolicy['ipText'] {
  const conditions = rewriteIpReads((loadable as { conditions?: unknown }).conditions);
  if (conditions === undefined) return undefined;
  const rewritten = { ...loadable, conditions };
  const reads = emptyReads();
  collectReads(rewritten, reads);
  return { loadable: rewritten, reads };
}

/**
 * What a set of policies reads and names, together; with `ipText`, as loaded in their ip-text
 * form (those that have one).
 */
export function unionOf(policies: readonly ScopedPolicy[], ipText = false): { reads: PolicyReads; literals: ReadonlySet<EntityKey> } {
  const contextFields = new Set<string>();
  const entityAttrs = new Set<string>();
  const literals = new Set<EntityKey>();
  let allContext = false;
  for (const p of policies) {
    const reads = (ipText ? p.ipText?.reads : undefined) ?? p.reads;
    for (const f of reads.contextFields) contextFields.add(f);
    for (const a of reads.entityAttrs) entityAttrs.add(a);
    for (const l of p.literals) literals.add(l);
    allContext ||= reads.allContext;
  }
  return { reads: { contextFields, entityAttrs, allContext }, literals };
}
