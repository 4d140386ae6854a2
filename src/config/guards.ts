/**
 * The `guards:` section of the configuration: which detectors run on which role, their
 * thresholds, which entity types make a text flagged, and the action the gateway takes. The same
 * section drives `POST /v1/guard/scan`, `portcullis scan` and `portcullis eval`, so the numbers
 * of an evaluation are the decisions the gateway would take.
 *
 * Defaults are the safe ones: every detector on, thresholds as trained (DEFAULT_THRESHOLDS),
 * every secret type and the validated PII identifiers flag, inputs over 1 MiB refused.
 */
import { z } from 'zod';
import { DEFAULT_THRESHOLDS } from '../guards/injection/index.js';
import { PII_TYPES } from '../guards/pii/index.js';
import { SECRET_TYPES } from '../guards/secrets/index.js';
import type { TextRole } from '../guards/types.js';
import { rulesSchema } from '../guards/rules/schema.js';
import { judgeSchema, onnxSchema } from '../guards/judge/config.js';

/** Roles a text can have (DESIGN.md, "The guard interface"). */
export const TEXT_ROLES: readonly TextRole[] = ['user', 'system', 'tool', 'assistant'];

/**
 * PII types that flag by default: the validated identifiers (a check digit or a structural
 * validator each, so a finding is near-certain and ~0.99 precise on pii-dev) and the national
 * identifiers. Every other type is still detected and reported in `findings`, so a caller sees
 * names and addresses, but does not flag by default:
 * - PERSON and STREET_ADDRESS come from a statistical tagger trained on synthetic text; on the
 *   benign prompts of injection-dev it finds a "PERSON" in 27% of them, mostly sentence-initial
 *   verbs ("Explain", "Write") and public figures. Flagging them would block a quarter of ordinary
 *   traffic; teams that want it add them to `guards.pii.flag`.
 * - DATE_TIME, URL, IP_ADDRESS, LOCATION and ORGANIZATION are quasi-identifiers at most and occur
 *   in most ordinary prompts (schedules, links, server configs, "the weather in Paris").
 */
export const DEFAULT_FLAGGED_PII: readonly string[] = [
  'CREDIT_CARD',
  'IBAN_CODE',
  'US_SSN',
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'UK_NINO',
  'ES_NIF',
  'ES_NIE',
  'IT_FISCAL_CODE',
  'PASSPORT',
  'DE_TAX_ID',
];

/**
 * What the gateway does with a detection. `allow` and `log-only` never flag; the others do.
 * `mask`/`tokenize`/`hash` apply to PII and secrets, `sanitize` (drop the offending passage) to
 * documents.
 */
export const GUARD_ACTIONS = ['block', 'mask', 'tokenize', 'hash', 'sanitize', 'log-only', 'allow'] as const;
export type GuardAction = (typeof GUARD_ACTIONS)[number];

const score = z.number().min(0).max(1);

const knownType = (known: readonly string[], what: string) =>
  z.string().refine((t) => known.includes(t), { message: `unknown ${what} type (known: ${known.join(', ')})` });

const thresholdsSchema = z
  .object({
    user: score.default(DEFAULT_THRESHOLDS.user),
    system: score.default(DEFAULT_THRESHOLDS.system),
    tool: score.default(DEFAULT_THRESHOLDS.tool),
    assistant: score.default(DEFAULT_THRESHOLDS.assistant),
  })
  .strict();

const injectionSchema = z
  .object({
    enabled: z.boolean().default(true),
    /**
     * Roles scanned for injection. Answers (`assistant`) are left out by default: the direct model
     * was trained on prompts, and on answers it flags 40% of plain refusals (output-dev).
     */
    roles: z.array(z.enum(['user', 'system', 'tool', 'assistant'])).default(['user', 'system', 'tool']),
    thresholds: thresholdsSchema.prefault({}),
    action: z.enum(GUARD_ACTIONS).default('block'),
  })
  .strict();

const jailbrokenSchema = z
  .object({
    enabled: z.boolean().default(true),
    threshold: score.default(DEFAULT_THRESHOLDS.output),
    action: z.enum(GUARD_ACTIONS).default('block'),
  })
  .strict();

const piiSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Types detected and reported as findings; default every type the detector knows. */
    types: z.array(knownType(PII_TYPES, 'PII')).optional(),
    /** Types that make a text flagged (a subset of what is detected). */
    flag: z.array(knownType(PII_TYPES, 'PII')).default([...DEFAULT_FLAGGED_PII]),
    /** Findings below this score are reported but do not flag. */
    threshold: score.default(0.5),
    action: z.enum(GUARD_ACTIONS).default('block'),
  })
  .strict();

const secretsSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Secret types that flag; default every one. */
    flag: z.array(knownType(SECRET_TYPES, 'secret')).optional(),
    threshold: score.default(0.5),
    action: z.enum(GUARD_ACTIONS).default('block'),
  })
  .strict();

/** The tokenisation vault (src/vault): how long and how many placeholder mappings are kept, in process. */
export const vaultSchema = z
  .object({
    /** An entry is restorable this long after it was last written or seen again in a prompt. */
    ttlSeconds: z.number().int().min(1).max(7 * 86_400).default(3_600),
    /** Entries in total (the least recently used conversations are dropped first). */
    maxEntries: z.number().int().min(1).max(10_000_000).default(100_000),
    /** Entries per conversation; values past it are masked instead of tokenised. */
    maxEntriesPerConversation: z.number().int().min(1).max(100_000).default(1_000),
  })
  .strict();

/** The `guards:` section. */
export const guardsSchema = z
  .object({
    vault: vaultSchema.prefault({}),
    /** Texts larger than this (UTF-8 bytes) are refused with an error instead of being scanned. */
    maxInputBytes: z.number().int().positive().max(64 * 1024 * 1024).default(1024 * 1024),
    injection: injectionSchema.prefault({}),
    jailbroken: jailbrokenSchema.prefault({}),
    pii: piiSchema.prefault({}),
    secrets: secretsSchema.prefault({}),
    /** User-defined RE2 rules and keyword lists, applied on every guarded route (guards/rules). */
    rules: rulesSchema,
    /** Optional LLM judge: a route of this gateway used as a safety classifier (guards/judge). Off unless set. */
    judge: judgeSchema.optional(),
    /** Optional user-supplied ONNX classifier (needs the onnxruntime-node package). Off unless set. */
    onnx: onnxSchema.optional(),
  })
  .strict();

/** A validated guard configuration (every default filled in). */
export type GuardsConfig = z.output<typeof guardsSchema>;
/** A guard configuration as written (every field optional). */
export type GuardsConfigInput = z.input<typeof guardsSchema>;
