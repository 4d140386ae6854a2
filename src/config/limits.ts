/**
 * `limits:` — rate limits and quotas (issue 8). Off unless rules are configured. Each rule picks
 * the requests it applies to (`match`), the dimensions it counts per (`per`: principal, tenant,
 * model, source address; none = one global counter) and any of its limits. With `state.redis`
 * set, every counter lives in Redis and is shared by all instances; otherwise in process.
 */
import { z } from 'zod';

const count = z.number().int().positive().max(1e12);
const money = z.number().positive().max(1e6);
const names = z.array(z.string().min(1).max(256)).min(1);

export const LIMIT_DIMENSIONS = ['principal', 'tenant', 'model', 'source'] as const;
export type LimitDimension = (typeof LIMIT_DIMENSIONS)[number];

const ruleSchema = z
  .object({
    /** Part of every counter key: renaming a rule starts its counters afresh. */
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (up to 64)'),
    /** What the rule counts per; `[]` is one counter for all matching traffic. */
    per: z.array(z.enum(LIMIT_DIMENSIONS)).max(4).default(['principal']),
    /** Which requests the rule applies to; every listed condition must hold. Absent: all. */
    match: z
      .object({
        principals: names.optional(),
        tenants: names.optional(),
        models: names.optional(),
        roles: names.optional(),
      })
      .strict()
      .optional(),
    /** Requests per sliding window (fixed windows weighted by overlap). */
    requests: z.object({ limit: count, windowSec: z.number().int().min(1).max(86_400).default(60) }).strict().optional(),
    /** Requests in flight at once (streams included). */
    concurrent: count.optional(),
    /** Streamed answers in flight at once. */
    concurrentStreams: count.optional(),
    /** Prompt tokens per sliding minute, counted with the o200k_base tokenizer before the call. */
    inputTokensPerMinute: count.optional(),
    /** Completion tokens per sliding minute: max_tokens reserved up front, corrected from `usage`. */
    outputTokensPerMinute: count.optional(),
    /** Spend per UTC day / calendar month (UTC), in the currency of `limits.prices`. */
    spendPerDay: money.optional(),
    spendPerMonth: money.optional(),
  })
  .strict()
  .refine(
    (r) =>
      r.requests !== undefined ||
      r.concurrent !== undefined ||
      r.concurrentStreams !== undefined ||
      r.inputTokensPerMinute !== undefined ||
      r.outputTokensPerMinute !== undefined ||
      r.spendPerDay !== undefined ||
      r.spendPerMonth !== undefined,
    { message: 'a rule needs at least one limit' },
  )
  .refine((r) => new Set(r.per).size === r.per.length, { message: 'per lists a dimension twice', path: ['per'] });

/** Price of a model per million tokens. */
const priceSchema = z.object({ input: z.number().min(0).max(1e6), output: z.number().min(0).max(1e6) }).strict();

export const limitsSchema = z
  .object({
    rules: z.array(ruleSchema).default([]),
    /** Prefix of every counter key (Redis and in-process), so deployments and tests can share a server. */
    keyPrefix: z.string().min(1).max(128).default('pc:limits:'),
    /** By public model name; `*` is the price of any model not listed. Needed by spend rules. */
    prices: z.record(z.string().min(1).max(256), priceSchema).default({}),
    /** Completion tokens reserved when the caller sets no max_tokens; corrected from `usage` afterwards. */
    defaultMaxOutputTokens: z.number().int().positive().max(1_000_000).default(1024),
    /** A stream that outruns its reservation reserves this many more tokens at a time (or is cut). */
    streamReserveStep: z.number().int().positive().max(1_000_000).default(256),
    /** Concurrency slots expire after this even if their instance died without releasing them. */
    leaseSec: z.number().int().min(5).max(86_400).default(600),
    /** Explicit opt-out of fail-closed: when the counter store is unreachable, let requests through. */
    failOpen: z.boolean().default(false),
    /** Add x-ratelimit-* headers to successful answers when a requests or tokens limit applies. */
    headers: z.boolean().default(true),
  })
  .strict()
  .superRefine((limits, ctx) => {
    const seen = new Set<string>();
    limits.rules.forEach((rule, i) => {
      if (seen.has(rule.name)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: `duplicate rule name "${rule.name}"` });
      seen.add(rule.name);
    });
  });

export type LimitsConfig = z.output<typeof limitsSchema>;
export type LimitRuleConfig = LimitsConfig['rules'][number];
