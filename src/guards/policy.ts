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
import { compileRule, createRuleSet, rulesFor, type CompiledRule, type RuleSet } from './rules/compile.js';
import { rulesSchema } from './rules/schema.js';
import type { Role } from '../canonical/types.js';
import { compileSchema, type CompiledSchema } from './schema/compile.js';
import { jsonSchemaConfig } from './schema/structured.js';
import { detectorAction } from './judge/config.js';
import type { ExternalDetector, ExternalDetectors } from './judge/detector.js';

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

/** Message roles the input guards scan by default: what the caller and the tools wrote. */
export const DEFAULT_SCANNED_ROLES: readonly Role[] = ['user', 'tool'];

const inputSchema = z
  .object({
    /**
     * Message roles scanned (injection, PII, secrets, rules). `tool` messages are documents:
     * scored by the indirect model and sanitizable; `system` and `assistant` (earlier turns) are
     * scored by the direct model at their own thresholds (`guards.injection.thresholds`).
     * Injection scoring also needs the role in `guards.injection.roles`.
     */
    roles: z.array(z.enum(['system', 'user', 'assistant', 'tool'])).min(1).default([...DEFAULT_SCANNED_ROLES]),
    /** The LLM judge (`guards.judge`) on the newest user message. */
    judge: detectorAction,
    /** The ONNX classifier (`guards.onnx`) on the newest user message. */
    onnx: detectorAction,
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
    /** Structured-output route: every answer must be JSON matching this schema (guards/schema). */
    jsonSchema: jsonSchemaConfig.optional(),
    /** `enforce`: answers must match the request's `response_format` (json_schema, json_object). */
    responseFormat: z.enum(['enforce', 'off']).default('enforce'),
    /**
     * Jailbroken-answer detection (harmful compliance; threshold `guards.jailbroken.threshold`).
     * Off by default: it scores every answer (~0.4 ms per KiB) and a route opts in.
     */
    jailbroken: z.enum(['block', 'log-only', 'off']).default('off'),
    /** The LLM judge (`guards.judge`) on every answer (with its question). */
    judge: detectorAction,
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
    /** Content rules of this route, added to `guards.rules` (a rule with the same name replaces the global one). */
    rules: rulesSchema,
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
  /** Message roles the input guards scan. */
  readonly roles: ReadonlySet<Role>;
  /** Content rules for prompts; undefined when the route has none (no cost). */
  readonly rules: RuleSet | undefined;
  /** External detectors on the newest user message; empty for most routes. */
  readonly external: readonly ExternalUse[];
  /** Some type is tokenised: requests get a token session and answers are de-tokenised. */
  readonly tokenizes: boolean;
}

/** An external detector a route turned on, with what a flagged verdict does. */
export interface ExternalUse {
  readonly detector: ExternalDetector;
  readonly action: 'block' | 'log-only';
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
  /** Content rules for answers; undefined when the route has none (no cost). */
  readonly rules: RuleSet | undefined;
  /** The route's declared answer schema, compiled. */
  readonly jsonSchema: CompiledSchema | undefined;
  /** Enforce the request's `response_format`. */
  readonly responseFormat: boolean;
  /** Jailbroken-answer action; undefined when off (for the route or in `guards.jailbroken`). */
  readonly jailbroken: 'block' | 'log-only' | undefined;
  /** External detectors on each finished answer; empty for most routes. */
  readonly external: readonly ExternalUse[];
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
  /** Optional external detectors (LLM judge, ONNX) loaded for this runtime. */
  readonly detectors: ExternalDetectors;
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

/** The route's rules over the global ones (same name: the route's wins), each compiled once. */
function routeRules(global: readonly CompiledRule[], route: RouteGuardsConfig): CompiledRule[] {
  if (route.rules.length === 0) return [...global];
  const own = route.rules.map((r) => compileRule(r));
  const names = new Set(own.map((r) => r.name));
  return [...global.filter((r) => !names.has(r.name)), ...own];
}

/** Resolves one route's `guards:` block against the top-level `guards:` section. */
export function compileRoutePolicy(cfg: GuardsConfig, route: RouteGuardsConfig, globalRules: readonly CompiledRule[] = cfg.rules.map((r) => compileRule(r)), detectors: ExternalDetectors = {}): RoutePolicy {
  const rules = routeRules(globalRules, route);
  // A route naming a detector the config did not load is refused at load (judge/load.ts); here it is simply absent.
  const use = (detector: ExternalDetector | undefined, action: 'block' | 'log-only' | 'off'): ExternalUse[] => (detector === undefined || action === 'off' ? [] : [{ detector, action }]);
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
      roles: new Set(route.input.roles),
      rules: createRuleSet(rulesFor(rules, 'input')),
      external: Object.freeze([...use(detectors.judge, route.input.judge), ...use(detectors.onnx, route.input.onnx)]),
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
      rules: createRuleSet(rulesFor(rules, 'output')),
      jsonSchema: route.output.jsonSchema === undefined ? undefined : compileSchema(route.output.jsonSchema),
      responseFormat: route.output.responseFormat === 'enforce',
      jailbroken: route.output.jailbroken === 'off' || !cfg.jailbroken.enabled ? undefined : route.output.jailbroken,
      external: Object.freeze(use(detectors.judge, route.output.judge)),
    }),
  });
}

/**
 * Compiles the inline guards of a whole config: the top-level section into one findings scanner,
 * each route's block (absent: every default) into its policy.
 */
export function compileGuards(cfg: GuardsConfig, routes: readonly { readonly model: string; readonly guards?: RouteGuardsConfig | undefined }[], detectors: ExternalDetectors = {}): CompiledGuards {
  const scanner = createScanner({ ...cfg, injection: { ...cfg.injection, enabled: false }, jailbroken: { ...cfg.jailbroken, enabled: false } });
  const globalRules = cfg.rules.map((r) => compileRule(r));
  const fallback = compileRoutePolicy(cfg, routeGuardsSchema.parse({}), globalRules, detectors);
  const policies = new Map<string, RoutePolicy>();
  for (const r of routes) policies.set(r.model, r.guards === undefined ? fallback : compileRoutePolicy(cfg, r.guards, globalRules, detectors));
  return Object.freeze({ scanner, config: cfg, policies, fallback, detectors });
}
