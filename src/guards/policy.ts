/**
 * Guards in the request path: the per-route `guards:` block of a route (what the input and output
 * stages do with a detection), its defaults taken from the top-level `guards:` section, and its
 * compiled form. Compiled once per runtime (config/compile.ts), never per request.
 */
import { z } from 'zod';
import type { GuardAction, GuardsConfig } from '../config/guards.js';
import { PII_TYPES } from './pii/index.js';
import { createScanner, type Scanner } from './scan.js';
import { SECRET_TYPES } from './secrets/index.js';

/**
 * What happens to a PII or secret finding. `tokenize` (src/vault) replaces the value by a
 * placeholder the answer is de-tokenised from; in answers it masks values the model produced.
 */
export const ENTITY_ACTIONS = ['block', 'mask', 'tokenize', 'hash', 'allow', 'log-only'] as const;
export type EntityAction = (typeof ENTITY_ACTIONS)[number];
export type InjectionAction = 'block' | 'log-only';
export type DocumentAction = 'block' | 'log-only' | 'sanitize';
export type LinkAction = 'block' | 'log-only' | 'allow';

const entityAction = z.enum(ENTITY_ACTIONS);
const knownEntity = z.string().refine((t) => PII_TYPES.includes(t) || SECRET_TYPES.includes(t), { message: 'unknown PII or SECRET_* type' });
/** Per entity type overrides, e.g. `{ EMAIL_ADDRESS: mask, SECRET_JWT: block }`. */
const typeActions = z.record(knownEntity, entityAction).default({});
// Host names as they appear in URLs, lower case; a leading `*.` is accepted and means the same as without.
const host = z
  .string()
  .min(1)
  .max(253)
  .transform((h) => h.toLowerCase().replace(/^\*\./, ''))
  .refine((h) => /^[a-z0-9.-]+$/.test(h), { message: 'a host name (letters, digits, dots, dashes)' });

const inputSchema = z
  .object({
    /** Error or timeout of the input guard passes instead of denying (explicit, documented opt-out). */
    failOpen: z.boolean().default(false),
    /** Direct injection in user messages; default from `guards.injection.action`. */
    injection: z.enum(['block', 'log-only']).optional(),
    /** Indirect injection in tool messages; default from `guards.injection.action`. */
    documents: z.enum(['block', 'log-only', 'sanitize']).optional(),
    /** PII in user and tool messages (types in `guards.pii.flag`); default `mask` (or `guards.pii.action` when that is allow/log-only/hash). */
    pii: entityAction.optional(),
    /** Secrets in user and tool messages; default from `guards.secrets.action`. */
    secrets: entityAction.optional(),
    types: typeActions,
  })
  .strict();

const outputSchema = z
  .object({
    failOpen: z.boolean().default(false),
    /** PII in answers; default `mask` (or `guards.pii.action` when that is allow/log-only/hash). */
    pii: entityAction.optional(),
    /** Secrets in answers; default from `guards.secrets.action` (block). */
    secrets: entityAction.optional(),
    types: typeActions,
    links: z
      .object({
        action: z.enum(['block', 'log-only', 'allow']).default('block'),
        /** Hosts (and their subdomains) answers may link to. */
        allowedHosts: z.array(host).default([]),
        /**
         * false: flag markdown images to any other host, and links / bare URLs to other hosts
         * that carry data (a query string or fragment). true: flag every URL to another host.
         */
        strict: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    /** Look-behind (and longest hold-back) per streamed choice, in characters. */
    windowChars: z.number().int().min(128).max(16_384).default(256),
    /** This many consecutive characters of the system prompt in an answer are a prompt leak. */
    leakMinChars: z.number().int().min(20).max(4096).default(80),
  })
  .strict()
  // A leak must fit in the streamed look-behind to be seen across chunks.
  .refine((o) => o.leakMinChars <= o.windowChars, { message: 'leakMinChars must not exceed windowChars', path: ['leakMinChars'] });

/** `routes[].guards`. */
export const routeGuardsSchema = z
  .object({
    /** false turns the inline guards off for this route. */
    enabled: z.boolean().default(true),
    /** Add a per-request canary to the system prompt and block answers that repeat it. */
    canary: z.boolean().default(false),
    input: inputSchema.prefault({}),
    output: outputSchema.prefault({}),
  })
  .strict();

export type RouteGuardsConfig = z.output<typeof routeGuardsSchema>;
export type RouteGuardsInput = z.input<typeof routeGuardsSchema>;

/** The actions for one direction, resolved against the top-level defaults. */
export interface DirectionPolicy {
  readonly failOpen: boolean;
  /** The action for a finding of this type, or undefined when the type is not acted on. */
  readonly actionFor: (type: string) => EntityAction | undefined;
}

export interface InputPolicy extends DirectionPolicy {
  readonly injection: InjectionAction;
  readonly documents: DocumentAction;
  /** Some type is tokenised: requests get a token session and answers are de-tokenised. */
  readonly tokenizes: boolean;
}

export interface LinkPolicy {
  readonly action: LinkAction;
  readonly allowedHosts: readonly string[];
  readonly strict: boolean;
}

export interface OutputPolicy extends DirectionPolicy {
  readonly links: LinkPolicy;
  readonly windowChars: number;
  readonly leakMinChars: number;
}

export interface RoutePolicy {
  readonly enabled: boolean;
  readonly canary: boolean;
  readonly input: InputPolicy;
  readonly output: OutputPolicy;
}

/** What the runtime holds for the inline guards: one findings scanner and a policy per route. */
export interface CompiledGuards {
  /** PII and secret findings only (injection is scored by the stages, which need the spans). */
  readonly scanner: Scanner;
  readonly config: GuardsConfig;
  readonly policies: ReadonlyMap<string, RoutePolicy>;
  /** For a route without a `guards:` block (not expected: every route gets one). */
  readonly fallback: RoutePolicy;
}

function entityDefault(action: GuardAction): EntityAction {
  switch (action) {
    case 'block':
    case 'mask':
    case 'tokenize':
    case 'hash':
    case 'allow':
    case 'log-only':
      return action;
    // sanitize is for documents: the strict choice is to keep the value away from the model.
    case 'sanitize':
      return 'block';
  }
}

function injectionDefault(action: GuardAction): InjectionAction {
  return action === 'log-only' || action === 'allow' ? 'log-only' : 'block';
}

function documentDefault(action: GuardAction): DocumentAction {
  if (action === 'sanitize') return 'sanitize';
  return injectionDefault(action);
}

function direction(
  cfg: GuardsConfig,
  pii: EntityAction,
  secrets: EntityAction,
  types: Readonly<Record<string, EntityAction>>,
): (type: string) => EntityAction | undefined {
  const piiFlag = new Set(cfg.pii.flag);
  const secretFlag = cfg.secrets.flag === undefined ? undefined : new Set(cfg.secrets.flag);
  const overrides = new Map(Object.entries(types));
  return function actionFor(type) {
    const override = overrides.get(type);
    if (override !== undefined) return override;
    if (type.startsWith('SECRET_')) return cfg.secrets.enabled && (secretFlag === undefined || secretFlag.has(type)) ? secrets : undefined;
    return cfg.pii.enabled && piiFlag.has(type) ? pii : undefined;
  };
}

/** Resolves one route's `guards:` block against the top-level `guards:` section. */
export function compileRoutePolicy(cfg: GuardsConfig, route: RouteGuardsConfig): RoutePolicy {
  const inSecrets = route.input.secrets ?? entityDefault(cfg.secrets.action);
  // `guards.pii.action: block` (the default) makes a text *flagged* for scan and eval; in the
  // request path the default is to mask instead, both ways: the model never sees the value, and
  // ordinary traffic that mentions an e-mail address or a phone number is not refused. A route
  // that wants refusals says `pii: block`.
  const topPii = entityDefault(cfg.pii.action);
  const piiDefault = topPii === 'block' ? 'mask' : topPii;
  const inPii = route.input.pii ?? piiDefault;
  const outPii = route.output.pii ?? piiDefault;
  const outSecrets = route.output.secrets ?? entityDefault(cfg.secrets.action);
  const inputAction = direction(cfg, inPii, inSecrets, route.input.types);
  const outputAction = direction(cfg, outPii, outSecrets, route.output.types);
  return Object.freeze({
    enabled: route.enabled,
    canary: route.canary,
    input: Object.freeze({
      failOpen: route.input.failOpen,
      injection: route.input.injection ?? injectionDefault(cfg.injection.action),
      documents: route.input.documents ?? documentDefault(cfg.injection.action),
      actionFor: inputAction,
      tokenizes: [...PII_TYPES, ...SECRET_TYPES].some((t) => inputAction(t) === 'tokenize'),
    }),
    output: Object.freeze({
      failOpen: route.output.failOpen,
      // A value in an answer that did not come through the vault has no placeholder to restore:
      // `tokenize` there masks it.
      actionFor: (type: string) => {
        const a = outputAction(type);
        return a === 'tokenize' ? 'mask' : a;
      },
      links: Object.freeze({ ...route.output.links, allowedHosts: Object.freeze([...route.output.links.allowedHosts]) }),
      windowChars: route.output.windowChars,
      leakMinChars: route.output.leakMinChars,
    }),
  });
}

/**
 * Compiles the inline guards of a whole config: the top-level section into one findings scanner,
 * each route's block (absent: every default) into its policy.
 */
export function compileGuards(cfg: GuardsConfig, routes: readonly { readonly model: string; readonly guards?: RouteGuardsConfig | undefined }[]): CompiledGuards {
  const scanner = createScanner({ ...cfg, injection: { ...cfg.injection, enabled: false }, jailbroken: { ...cfg.jailbroken, enabled: false } });
  const fallback = compileRoutePolicy(cfg, routeGuardsSchema.parse({}));
  const policies = new Map<string, RoutePolicy>();
  for (const r of routes) policies.set(r.model, r.guards === undefined ? fallback : compileRoutePolicy(cfg, r.guards));
  return Object.freeze({ scanner, config: cfg, policies, fallback });
}
