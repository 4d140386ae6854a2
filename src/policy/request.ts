/**
 * Turns a request in flight into Cedar's terms: the principal as an entity (in its roles, teams
 * and tenant), and the context record of the schema (config/policies/portcullis.cedarschema).
 * Principal entities are built once per principal object and reused.
 */
import type { RequestContextFacts } from '../context/types.js';
import type { Principal } from '../pipeline/types.js';
import type { CedarValue, Entity, EntityRef } from './engine.js';

const principalEntities = new WeakMap<Principal, Entity>();

const PRINCIPAL_TYPE = { user: 'User', service: 'ServiceAccount', operator: 'Operator' } as const;

/** What principals with the same roles, teams and tenant share. */
interface Shape {
  readonly parents: readonly EntityRef[];
  readonly roles: readonly string[];
  readonly teams: readonly string[];
}

/**
 * One frozen parents array per (roles, teams, tenant): the engine remembers per parents array
 * which policies' scopes match (engine.ts), so a principal never seen before, with a known
 * combination of groups, skips the matching. Bounded; a shape dropped here stays valid for the
 * entities that hold it and is made again for new ones.
 */
const shapes = new Map<string, Shape>();
const SHAPES_KEPT = 4096;

function shapeOf(principal: Principal): Shape {
  const teams = principal.teams ?? [];
  const key = JSON.stringify([principal.roles, teams, principal.tenant]);
  let shape = shapes.get(key);
  if (!shape) {
    const refs = [...principal.roles.map((id) => ({ type: 'Role', id })), ...teams.map((id) => ({ type: 'Team', id })), { type: 'Tenant', id: principal.tenant }];
    shape = { parents: Object.freeze(refs.map((ref) => Object.freeze(ref))), roles: Object.freeze([...principal.roles]), teams: Object.freeze([...teams]) };
    if (shapes.size >= SHAPES_KEPT) shapes.clear();
    shapes.set(key, shape);
  }
  return shape;
}

export function principalEntity(principal: Principal): Entity {
  let entity = principalEntities.get(principal);
  if (!entity) {
    const shape = shapeOf(principal);
    // Frozen through uid and parents: the engine's memo is only right while these cannot change.
    entity = Object.freeze({
      uid: Object.freeze({ type: PRINCIPAL_TYPE[principal.kind], id: principal.id }),
      attrs: Object.freeze({ tenant: principal.tenant, roles: shape.roles as CedarValue[], teams: shape.teams as CedarValue[], credential: principal.credentialId }),
      parents: shape.parents,
    });
    principalEntities.set(principal, entity);
  }
  return entity;
}

/** An operator of the admin plane; roles from `policy.operators` (default `admin`). */
export function operatorEntity(name: string, roles: readonly string[]): Entity {
  return { uid: { type: 'Operator', id: name }, attrs: { name, roles: [...roles] }, parents: roles.map((id) => ({ type: 'Role', id })) };
}

/** Posture flags the schema names; other attributes become `tags`. */
const POSTURE_FLAGS = ['managed', 'diskEncrypted', 'osPatched', 'compliant'] as const;

const NO_POSTURE_TAGS: readonly string[] = [];

/** The record without a posture, one per reason (a handful: `missing`, `expired`, …), frozen and shared. */
const noPosture = new Map<string, Readonly<Record<string, CedarValue>>>();

function postureRecord(facts: RequestContextFacts): Readonly<Record<string, CedarValue>> {
  const p = facts.posture;
  if (!p) {
    const error = facts.postureError ?? 'missing';
    let record = noPosture.get(error);
    if (!record) {
      record = Object.freeze({ verified: false, error, source: '', managed: false, diskEncrypted: false, osPatched: false, compliant: false, tags: NO_POSTURE_TAGS as CedarValue[] });
      // Reasons are the verifier's own codes; bounded all the same.
      if (noPosture.size < 64) noPosture.set(error, record);
    }
    return record;
  }
  const tags: string[] = [];
  for (const [k, v] of Object.entries(p.attributes)) {
    if ((POSTURE_FLAGS as readonly string[]).includes(k)) continue;
    if (v === true) tags.push(k);
    else if (v !== false) tags.push(`${k}=${String(v)}`);
  }
  const flag = (name: string): boolean => p.attributes[name] === true;
  return { verified: true, error: '', source: p.source, managed: flag('managed'), diskEncrypted: flag('diskEncrypted'), osPatched: flag('osPatched'), compliant: flag('compliant'), tags };
}

export interface RequestAttributes {
  /** chat, embed, messages, models, or `admin`. */
  readonly operation: string;
  readonly model: string;
  readonly maxTokens?: number;
  readonly stream: boolean;
  readonly tools: readonly string[];
}

/**
 * The Cedar context record. Risk is a whole percentage (Cedar has no floats); `mfaAgeSec` only
 * when the credential involved an MFA proof.
 */
export function cedarContext(facts: RequestContextFacts, authMethod: string, request: RequestAttributes, mfaAgeSec?: number): Record<string, CedarValue> {
  // Optional fields are added only when known (Cedar's `has`), without spreading a temporary.
  const context: Record<string, CedarValue> = {
    ip: { __extn: { fn: 'ip', arg: facts.clientIp } },
    posture: postureRecord(facts),
    hour: facts.hour ?? new Date().getUTCHours(),
    weekday: facts.weekday ?? isoWeekday(new Date()),
    authMethod,
    risk: Math.round(Math.min(1, Math.max(0, facts.risk)) * 100),
    operation: request.operation,
    model: request.model,
    stream: request.stream,
    tools: request.tools as CedarValue[],
  };
  if (facts.country !== undefined) context['country'] = facts.country;
  if (mfaAgeSec !== undefined) context['mfaAgeSec'] = Math.max(0, Math.floor(mfaAgeSec));
  if (request.maxTokens !== undefined) context['maxTokens'] = request.maxTokens;
  return context;
}

function isoWeekday(d: Date): number {
  return d.getUTCDay() === 0 ? 7 : d.getUTCDay();
}
