/**
 * Config shape of user-defined content rules (`guards.rules` and `routes[].guards.rules`): an RE2
 * pattern or a keyword list, the direction it applies to and the action on a match. Every pattern
 * is compiled here, at config load, so a bad one is reported with its config path by
 * `portcullis validate` and at start-up, never at request time.
 */
import { z } from 'zod';
import { compileRule, RuleCompileError } from './compile.js';

export const RULE_ACTIONS = ['block', 'mask', 'log-only'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];
export const RULE_DIRECTIONS = ['input', 'output', 'both'] as const;
export type RuleDirection = (typeof RULE_DIRECTIONS)[number];

/** Bounds that keep one config entry from making every request slow. */
export const RULE_LIMITS = { patternChars: 4096, keywords: 100_000, keywordChars: 256, holdChars: 1024, rules: 256 } as const;

export const ruleSchema = z
  .object({
    /** Names the rule in reasons and in the `[rule:name]` mask; letters, digits, `-`, `_`, `.`. */
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'letters, digits, "-", "_" or "." (at most 64)' }),
    /** An RE2 expression (no look-around, no back-references: linear time on any input). */
    pattern: z.string().min(1).max(RULE_LIMITS.patternChars).optional(),
    /** Literal words or phrases; compiled into one RE2 alternation per rule. */
    keywords: z.array(z.string().min(1).max(RULE_LIMITS.keywordChars)).min(1).max(RULE_LIMITS.keywords).optional(),
    direction: z.enum(RULE_DIRECTIONS).default('both'),
    action: z.enum(RULE_ACTIONS).default('block'),
    caseInsensitive: z.boolean().default(true),
    /** Match whole words only: no letter, digit or `_` (any script) right before or after. */
    wordBoundary: z.boolean().default(true),
    /**
     * Streams: characters of the newest text held back so a pattern spanning several words can be
     * masked before any of it is sent. Keyword lists compute it (longest keyword); the default 0
     * holds only the trailing word, so a longer match split across chunks still ends the stream.
     */
    holdChars: z.number().int().min(0).max(RULE_LIMITS.holdChars).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if ((rule.pattern === undefined) === (rule.keywords === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a rule needs exactly one of "pattern" or "keywords"' });
      return;
    }
    try {
      compileRule(rule);
    } catch (err) {
      if (!(err instanceof RuleCompileError)) throw err;
      ctx.addIssue({ code: 'custom', path: [rule.pattern !== undefined ? 'pattern' : 'keywords'], message: err.message });
    }
  });

export type RuleConfig = z.output<typeof ruleSchema>;

/** A list of rules with unique names. */
export const rulesSchema = z
  .array(ruleSchema)
  .max(RULE_LIMITS.rules)
  .default([])
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    for (const [i, r] of rules.entries()) {
      if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate rule name "${r.name}"` });
      seen.add(r.name);
    }
  });
