/**
 * The policy engine: Cedar (`@cedar-policy/cedar-wasm`) with the Portcullis schema. A policy set
 * is parsed and validated against the schema in strict mode once, at load or reload; a request
 * then costs one stateful evaluation of the few policies whose scope can match it (slice.ts), or
 * a cache hit.
 *
 * Semantics (Cedar's, plus one rule of ours): default deny, a forbid beats any permit, and an
 * evaluation error in any policy denies the request — Cedar itself would skip an erroring policy,
 * which for a forbid would mean failing open.
 */
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import type { PolicyReads } from './ast.js';
import { RecentCache } from './recent-cache.js';
import { contextFor, entitiesFor, planInputs, type Inputs, type Subject } from './inputs.js';
import { entityKey, scopePolicy, unionOf, type EntityKey, type ScopedPolicy, type ScopeSubject } from './slice.js';

export interface PolicySource {
  /** Where the text came from (a file name, `template:admin`); used in issues and default ids. */
  readonly origin: string;
  readonly text: string;
}

export interface PolicyIssue {
  readonly origin: string;
  readonly policyId?: string;
  readonly message: string;
}

export interface EntityRef {
  readonly type: string;
  readonly id: string;
}

/** A Cedar value as the engine takes it in JSON form. */
export type CedarValue = cedar.CedarValueJson;

export interface Entity {
  readonly uid: EntityRef;
  readonly attrs: Readonly<Record<string, CedarValue>>;
  readonly parents: readonly EntityRef[];
}

export interface AuthorizationQuery {
  readonly principal: Entity;
  readonly action: string;
  readonly resource: Entity;
  readonly context: Readonly<Record<string, CedarValue>>;
}

export interface AuthorizationResult {
  readonly allowed: boolean;
  /**
   * The policies that decided: the permits that allowed, or the forbids that denied; for an
   * error, `error:<policy id>`; `default-deny` when nothing applied.
   */
  readonly reasons: readonly string[];
}

export interface CompiledPolicySet {
  /** Content hash of schema and policies: equal sets share one engine copy. */
  readonly digest: string;
  readonly policyIds: readonly string[];
  readonly reads: PolicyReads;
  authorize(query: AuthorizationQuery): AuthorizationResult;
}

export type CompileResult = { readonly ok: true; readonly set: CompiledPolicySet } | { readonly ok: false; readonly issues: readonly PolicyIssue[] };

export interface CompileOptions {
  /** Decisions kept per set (at most this many, the recently used ones: recent-cache.ts); 0 turns the cache off. */
  readonly cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 10_000;

// Node 20's V8 crashes the process ("Fatal error ... unreachable code" in the deoptimizer) when
// optimized code that inlined a JS-to-WebAssembly call is deoptimized lazily while the engine
// runs, which the wasm-bindgen glue of cedar-wasm triggers under sustained load (reproduced with
// bench/policy.ts). Turning that one inlining off before any such code is optimized avoids it;
// the call itself costs the same within measurement noise.
setFlagsFromString('--no-turbo-inline-js-wasm-calls');

function messages(errors: readonly cedar.DetailedError[]): string {
  return errors.map((e) => e.message + (e.help ? ` (${e.help})` : '')).join('; ');
}

/** Splits sources into policies with ids: `@id("…")` when given, else `<origin>#<n>`. */
function splitPolicies(sources: readonly PolicySource[], issues: PolicyIssue[]): { policies: Record<string, string>; json: Map<string, unknown> } {
  const policies: Record<string, string> = {};
  const json = new Map<string, unknown>();
  for (const source of sources) {
    const parts = cedar.policySetTextToParts(source.text);
    if (parts.type === 'failure') {
      issues.push({ origin: source.origin, message: messages(parts.errors) });
      continue;
    }
    if (parts.policy_templates.length > 0) issues.push({ origin: source.origin, message: 'policy templates with slots are not supported; write static policies' });
    parts.policies.forEach((text, n) => {
      const parsed = cedar.policyToJson(text);
      if (parsed.type === 'failure') {
        issues.push({ origin: source.origin, message: messages(parsed.errors) });
        return;
      }
      const id = parsed.json.annotations?.['id'] ?? `${source.origin}#${n}`;
      if (Object.hasOwn(policies, id)) {
        issues.push({ origin: source.origin, policyId: id, message: `duplicate policy id "${id}"` });
        return;
      }
      policies[id] = text;
      json.set(id, parsed.json);
    });
  }
  return { policies, json };
}

/**
 * Action groups from the schema, so a request can carry its action's ancestors as entities: the
 * engine then needs no schema per call (with one it would re-check the whole context too).
 */
function actionParents(schema: string, issues: PolicyIssue[]): Map<string, EntityRef[]> {
  const parsed = cedar.schemaToJson(schema);
  const parents = new Map<string, EntityRef[]>();
  if (parsed.type === 'failure') {
    issues.push({ origin: 'schema', message: messages(parsed.errors) });
    return parents;
  }
  const direct = new Map<string, string[]>();
  for (const ns of Object.values(parsed.json)) {
    for (const [name, action] of Object.entries(ns.actions)) direct.set(name, (action.memberOf ?? []).map((m) => m.id));
  }
  for (const name of direct.keys()) {
    const seen = new Set<string>();
    const walk = (n: string): void => {
      for (const p of direct.get(n) ?? []) {
        if (!seen.has(p)) {
          seen.add(p);
          walk(p);
        }
      }
    };
    walk(name);
    parents.set(name, [...seen].map((id) => ({ type: 'Action', id })));
  }
  return parents;
}

/**
 * Compiled sets by the hash of their inputs. Validation, loading and warm-up block the event loop
 * (up to a second for the default templates on a busy two-core machine), and most reloads change routes, not
 * policies: an unchanged set is reused, decision cache included (its decisions are still right:
 * they depend only on the set and the request).
 */
const compiledSets = new Map<string, PreparsedSet>();
const COMPILED_SETS_KEPT = 4;

/** Parses, validates (strict) and loads a policy set. Never throws on bad input: issues say why. */
export function compilePolicySet(schema: string, sources: readonly PolicySource[], options: CompileOptions = {}): CompileResult {
  const inputs = createHash('sha256').update(schema).update(String(options.cacheSize ?? DEFAULT_CACHE_SIZE));
  for (const s of sources) inputs.update('\0').update(s.origin).update('\0').update(s.text);
  const inputDigest = inputs.digest('base64url');
  const known = compiledSets.get(inputDigest);
  if (known) return { ok: true, set: known };
  const result = compileFresh(schema, sources, options);
  if (result.ok) {
    if (compiledSets.size >= COMPILED_SETS_KEPT) {
      const oldest = compiledSets.keys().next().value as string;
      compiledSets.get(oldest)?.release();
      compiledSets.delete(oldest);
    }
    compiledSets.set(inputDigest, result.set);
  }
  return result;
}

function compileFresh(schema: string, sources: readonly PolicySource[], options: CompileOptions): { readonly ok: true; readonly set: PreparsedSet } | { readonly ok: false; readonly issues: readonly PolicyIssue[] } {
  const issues: PolicyIssue[] = [];
  const schemaCheck = cedar.checkParseSchema(schema);
  if (schemaCheck.type === 'failure') return { ok: false, issues: [{ origin: 'schema', message: messages(schemaCheck.errors) }] };
  const { policies, json } = splitPolicies(sources, issues);
  const actions = actionParents(schema, issues);
  if (issues.length > 0) return { ok: false, issues };

  const validation = cedar.validate({ schema, policies: { staticPolicies: policies }, validationSettings: { mode: 'strict' } });
  if (validation.type === 'failure') return { ok: false, issues: [{ origin: 'validation', message: messages(validation.errors) }] };
  // The validator reports a bad policy once per action it could apply to; once is enough.
  const seen = new Set<string>();
  for (const e of validation.validationErrors) {
    const message = messages([e.error]).replace(/ for Action::"[^"]*"/g, '');
    if (seen.has(`${e.policyId}\0${message}`)) continue;
    seen.add(`${e.policyId}\0${message}`);
    issues.push({ origin: originOf(e.policyId, sources, policies), policyId: e.policyId, message });
  }
  if (issues.length > 0) return { ok: false, issues };

  const digest = createHash('sha256').update(schema).update('\0').update(JSON.stringify(policies)).digest('base64url');
  const scoped = Object.entries(policies).map(([id, text]) => scopePolicy(id, text, json.get(id) as object));
  // Parsing every policy once here proves the engine takes the whole set; requests then use
  // subsets of it (slice.ts), loaded on first use.
  const loaded = cedar.checkParsePolicySet({ staticPolicies: policies });
  if (loaded.type === 'failure') return { ok: false, issues: [{ origin: 'engine', message: messages(loaded.errors) }] };

  const set = new PreparsedSet(digest, scoped, actions, options.cacheSize ?? DEFAULT_CACHE_SIZE);
  set.warmUp();
  return { ok: true, set };
}

function originOf(policyId: string, sources: readonly PolicySource[], policies: Record<string, string>): string {
  const text = policies[policyId];
  return sources.find((s) => text !== undefined && s.text.includes(text))?.origin ?? 'policies';
}

/** The policies whose action scope holds for one action, and that action's groups. */
interface ActionSlice {
  readonly policies: readonly ScopedPolicy[];
  readonly key: EntityKey;
  readonly ancestors: readonly EntityRef[];
}

/** A subset of policies loaded into the engine, with what it reads. */
interface LoadedSubset {
  /** Engine id of the subset's conditional policies; undefined when it has none (no engine call). */
  readonly id: string | undefined;
  /** The engine refused the subset (not expected: the whole set parsed at load); deny. */
  readonly failed: boolean;
  /** Policies without conditions: satisfied whenever the subset is used. */
  readonly permits: readonly string[];
  readonly forbids: readonly string[];
  /** What the conditional policies read (in the form loaded, see ip-text.ts) and name. */
  readonly reads: PolicyReads;
  readonly literals: ReadonlySet<EntityKey>;
}

/** The policies that apply to a request (by its scopes) and the key of that subset. */
interface Selection {
  readonly key: string;
  readonly policies: readonly ScopedPolicy[];
  readonly principal: Subject;
  readonly resource: Subject;
  /** Principal and resource are the same entity (passed once). */
  readonly same: boolean;
  /** A principal scope names the principal, or it is among its own ancestors: its id is kept in decision keys. */
  readonly named: boolean;
  /** What an engine call for it is given, worked out on its first evaluation. */
  inputs?: Inputs;
}

/** Selections remembered per principal shape (its parents), across actions and resources. */
const SELECTIONS_PER_SHAPE = 256;

/** Distinct policy subsets kept loaded per set; each is a few policies, a few kB in the engine. */
const SUBSETS_KEPT = 1024;

class PreparsedSet implements CompiledPolicySet {
  readonly policyIds: readonly string[];
  readonly reads: PolicyReads;
  private readonly cache: RecentCache<string, AuthorizationResult>;
  private readonly slices = new Map<string, ActionSlice>();
  private readonly subsets = new Map<string, LoadedSubset>();
  /**
   * Selections by the principal's (frozen) parents array: request.ts shares one array between
   * the principals of one kind with the same roles, teams and tenant, so a principal never seen
   * before still finds the policies that apply to it without matching scopes.
   */
  private readonly selections = new WeakMap<readonly EntityRef[], Map<string, Selection>>();
  /** Entities some policy's principal scope names (`==`, `in`): for those, the id matters too. */
  private readonly principalNames: ReadonlySet<EntityKey>;
  /** Engine ids of evicted subsets, reused so the engine's table stays bounded. */
  private readonly freeSlots: string[] = [];
  private nextSlot = 0;

  constructor(
    readonly digest: string,
    policies: readonly ScopedPolicy[],
    actions: ReadonlyMap<string, readonly EntityRef[]>,
    private readonly cacheSize: number,
  ) {
    this.policyIds = policies.map((p) => p.id);
    this.reads = unionOf(policies).reads;
    this.cache = new RecentCache(cacheSize);
    this.principalNames = new Set(policies.flatMap((p) => [...p.principalNames]));
    for (const [name, ancestors] of actions) {
      const subject: ScopeSubject = { type: 'Action', key: entityKey('Action', name), ancestors: new Set(ancestors.map((a) => entityKey(a.type, a.id))) };
      this.slices.set(name, { policies: policies.filter((p) => p.action(subject)), key: subject.key, ancestors });
    }
  }

  /**
   * The engine compiles its WebAssembly lazily, so its first evaluations take tens of ms each
   * (measured 55 ms, then 15-35 ms), blocking the event loop. Evaluating a few representative
   * requests at load moves that cost out of the first live requests.
   */
  warmUp(): void {
    const posture: cedar.CedarValueJson = { verified: false, error: 'missing', source: '', managed: false, diskEncrypted: false, osPatched: false, compliant: false, tags: [] };
    const context: Record<string, CedarValue> = { ip: { __extn: { fn: 'ip', arg: '192.0.2.1' } }, country: 'ZZ', posture, hour: 12, weekday: 3, authMethod: 'api_key', risk: 0, operation: 'chat', model: 'warm-up', stream: true, tools: ['warm-up'] };
    const principal: Entity = { uid: { type: 'ServiceAccount', id: 'warm-up' }, attrs: { tenant: 'warm-up', roles: [], teams: [], credential: 'warm-up' }, parents: [{ type: 'Role', id: 'warm-up' }] };
    const model: Entity = { uid: { type: 'Model', id: 'warm-up' }, attrs: { regulated: false }, parents: [] };
    for (const [action, resource] of [['chat', model], ['stream', model], ['use_tool', { uid: { type: 'Tool', id: 'warm-up' }, attrs: {}, parents: [] }]] as const) {
      if (this.slices.has(action)) this.decide({ principal, action, resource, context }, false);
    }
  }

  authorize(query: AuthorizationQuery): AuthorizationResult {
    return this.decide(query, this.cacheSize > 0);
  }

  private decide(query: AuthorizationQuery, useCache: boolean): AuthorizationResult {
    const slice = this.slices.get(query.action);
    // An action the schema does not know can match nothing: deny without asking.
    if (!slice) return { allowed: false, reasons: ['unknown-action'] };
    const selection = this.select(query, slice);
    if (selection.policies.length === 0) return DEFAULT_DENY;
    const subset = this.subset(selection.key, selection.policies);
    if (subset.failed) return { allowed: false, reasons: ['engine-error'] };
    if (subset.id === undefined) return combine(subset, NO_ANSWER);
    const inputs = (selection.inputs ??= planInputs({ ...selection, subsetKey: selection.key, action: query.action, actionKey: slice.key, actionAncestors: slice.ancestors, reads: subset.reads, literals: subset.literals }));
    const context = contextFor(inputs, query.context);
    // An `ip` that is not an address: what the schema would refuse.
    if (context === undefined) return { allowed: false, reasons: ['request-error'] };
    const entities = entitiesFor(inputs, query);
    // The inputs' key names the subset and every ancestor passed; the rest is the request's own.
    const p = query.principal.uid;
    const r = query.resource.uid;
    // The principal's id only where a policy could tell it apart (inputs.ts): principals of one
    // shape then share their decisions, so a principal never seen before is not a miss.
    const key = useCache ? `${inputs.key}\n${JSON.stringify([p.type, inputs.principalId ? p.id : 0, r.type, r.id, inputs.attrs.length > 0 ? entities.map((e) => e.attrs) : 0, context])}` : '';
    if (useCache) {
      const hit = this.cache.get(key);
      if (hit) return hit;
    }
    const result = combine(subset, evaluate(subset.id, query, context, entities));
    if (useCache) this.cache.set(key, result);
    return result;
  }

  /**
   * The policies whose scopes hold for this request. With a resource without parents the answer
   * depends only on the principal's type and parents, the action and the resource — and on the
   * principal's id only when a principal scope names it, or it is the resource itself, or its
   * own ancestor — so it is remembered per frozen parents array (request.ts builds them so).
   */
  private select(query: AuthorizationQuery, slice: ActionSlice): Selection {
    const p = query.principal;
    const r = query.resource;
    const memo = r.parents.length === 0;
    const same = p.uid.type === r.uid.type && p.uid.id === r.uid.id;
    const byId = same || p.uid.type === 'Action' || this.principalNames.has(entityKey(p.uid.type, p.uid.id));
    // Unambiguous: no type or action name holds a NUL, and the resource id's length is given.
    const memoKey = `${p.uid.type}\0${query.action}\0${r.uid.type}\0${r.uid.id.length}\0${r.uid.id}${byId ? `\0${p.uid.id}` : ''}`;
    let known: Map<string, Selection> | undefined;
    if (memo) {
      known = this.selections.get(p.parents);
      const hit = known?.get(memoKey);
      if (hit) return hit;
    }
    const graph = new EntityGraph(query, slice, same);
    const principal = graph.subject(p.uid);
    const resource = graph.subject(r.uid);
    let key = query.action;
    const policies: ScopedPolicy[] = [];
    slice.policies.forEach((policy, n) => {
      if (policy.principal(principal) && policy.resource(resource)) {
        policies.push(policy);
        key += `,${n}`;
      }
    });
    // A principal among its own ancestors: the answer would hold for it alone; not remembered.
    const ownType = [...principal.closure.values()].some((ref) => ref.type === p.uid.type);
    const shared = byId || !ownType;
    const selection: Selection = { key, policies, principal, resource, same, named: byId || ownType };
    if (memo && shared && (known !== undefined || frozenRefs(p.parents))) {
      if (!known) this.selections.set(p.parents, (known = new Map<string, Selection>()));
      // Bounded by actions × resources a shape of principal uses; the entry goes with the array.
      if (known.size < SELECTIONS_PER_SHAPE) known.set(memoKey, selection);
    }
    return selection;
  }

  /**
   * Empties the engine's copies of this set's subsets: the engine keeps pre-parsed sets for the
   * life of the process and has no way to drop one, so an id is overwritten with an empty set
   * instead. A set still in use after this (a runtime not yet replaced) loads its subsets again
   * on demand, into the same ids; nothing refers to an emptied id meanwhile.
   */
  release(): void {
    for (const subset of this.subsets.values()) {
      if (subset.id === undefined) continue;
      cedar.preparsePolicySet(subset.id, { staticPolicies: {} });
      this.freeSlots.push(subset.id);
    }
    this.subsets.clear();
  }

  /**
   * The loaded subset for these policies, loading it (a few hundred µs) on first use. Policies
   * read the client address as text (ip-text.ts) unless one of them reads the context whole.
   */
  private subset(key: string, policies: readonly ScopedPolicy[]): LoadedSubset {
    const known = this.subsets.get(key);
    if (known) {
      this.subsets.delete(key);
      this.subsets.set(key, known);
      return known;
    }
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      if (this.subsets.size >= SUBSETS_KEPT) {
        const [oldestKey, oldest] = this.subsets.entries().next().value as [string, LoadedSubset];
        this.subsets.delete(oldestKey);
        // A subset without conditional policies had no engine id; the next one will.
        slot = oldest.id;
      }
      slot ??= `pc-${this.digest}-${this.nextSlot++}`;
    }
    const conditional = policies.filter((p) => !p.unconditional);
    const permits = policies.filter((p) => p.unconditional && p.effect === 'permit').map((p) => p.id);
    const forbids = policies.filter((p) => p.unconditional && p.effect === 'forbid').map((p) => p.id);
    const asText = !unionOf(conditional).reads.allContext;
    let failed = false;
    if (conditional.length > 0) {
      const loadable = (p: ScopedPolicy): cedar.Policy => ((asText ? p.ipText?.loadable : undefined) ?? p.loadable) as cedar.Policy;
      const loaded = cedar.preparsePolicySet(slot, { staticPolicies: Object.fromEntries(conditional.map((p) => [p.id, loadable(p)])) });
      failed = loaded.type === 'failure';
    }
    const id = conditional.length > 0 && !failed ? slot : undefined;
    const subset: LoadedSubset = { id, failed, permits, forbids, ...unionOf(conditional, asText) };
    if (id === undefined) this.freeSlots.push(slot);
    if (!failed) this.subsets.set(key, subset);
    return subset;
  }
}

/** Every reference of a parents array frozen, and the array: what it says cannot change. */
function frozenRefs(parents: readonly EntityRef[]): boolean {
  return Object.isFrozen(parents) && parents.every((ref) => Object.isFrozen(ref));
}

const DEFAULT_DENY: AuthorizationResult = Object.freeze({ allowed: false, reasons: Object.freeze(['default-deny']) });

/**
 * The request's principal, resource and action as the engine would see them: each entity's
 * ancestors through the others (a principal may be `in` the resource), so the matcher and the
 * flattened parent lists agree with Cedar's own transitive closure.
 */
class EntityGraph {
  private readonly parents = new Map<EntityKey, EntityRef[]>();

  constructor(query: AuthorizationQuery, slice: ActionSlice, same: boolean) {
    this.parents.set(slice.key, [...slice.ancestors]);
    if (!same) this.parents.set(entityKey(query.resource.uid.type, query.resource.uid.id), [...query.resource.parents]);
    this.parents.set(entityKey(query.principal.uid.type, query.principal.uid.id), [...query.principal.parents]);
  }

  private closure(start: EntityKey): Map<EntityKey, EntityRef> {
    const seen = new Map<EntityKey, EntityRef>();
    const todo = [...(this.parents.get(start) ?? [])];
    for (let ref = todo.pop(); ref !== undefined; ref = todo.pop()) {
      const key = entityKey(ref.type, ref.id);
      if (seen.has(key)) continue;
      seen.set(key, ref);
      todo.push(...(this.parents.get(key) ?? []));
    }
    return seen;
  }

  subject(uid: EntityRef): Subject {
    const key = entityKey(uid.type, uid.id);
    const closure = this.closure(key);
    return { type: uid.type, key, ancestors: new Set(closure.keys()), closure };
  }
}

/** Cedar's answer about a subset's conditional policies: errors, or the decision and the policies behind it. */
type EngineAnswer = { readonly errors: readonly string[] } | { readonly decision: 'allow' | 'deny'; readonly reasons: readonly string[] };

const NO_ANSWER: EngineAnswer = Object.freeze({ decision: 'deny' as const, reasons: Object.freeze([]) });

function evaluate(setId: string, query: AuthorizationQuery, context: cedar.Context, entities: cedar.EntityJson[]): EngineAnswer {
  let answer: cedar.AuthorizationAnswer;
  try {
    answer = cedar.statefulIsAuthorized({
      principal: { type: query.principal.uid.type, id: query.principal.uid.id },
      action: { type: 'Action', id: query.action },
      resource: { type: query.resource.uid.type, id: query.resource.uid.id },
      context,
      preparsedPolicySetId: setId,
      validateRequest: false,
      entities,
    });
  } catch {
    return { errors: ['engine-error'] };
  }
  if (answer.type === 'failure') return { errors: ['request-error'] };
  const { decision, diagnostics } = answer.response;
  if (diagnostics.errors.length > 0) return { errors: diagnostics.errors.map((e) => `error:${e.policyId}`) };
  return { decision, reasons: diagnostics.reason };
}

/**
 * Cedar's decision over the whole subset from its answer about the conditional policies and the
 * unconditional ones, which are satisfied: any error denies; else a satisfied forbid denies (all
 * of them named); else any satisfied permit allows (all of them named); else default deny. A
 * conditional answer of "deny" names its satisfied forbids, or nothing when no permit held.
 */
function combine(subset: LoadedSubset, answer: EngineAnswer): AuthorizationResult {
  if ('errors' in answer) return { allowed: false, reasons: answer.errors };
  const forbidden = answer.decision === 'deny' ? answer.reasons : [];
  if (subset.forbids.length > 0 || forbidden.length > 0) return { allowed: false, reasons: [...subset.forbids, ...forbidden] };
  const permitted = answer.decision === 'allow' ? answer.reasons : [];
  if (subset.permits.length > 0 || permitted.length > 0) return { allowed: true, reasons: [...subset.permits, ...permitted] };
  return DEFAULT_DENY;
}
