/**
 * The `monitor:` section (docs/monitoring.md): behavioural baselines and anomaly scoring per
 * principal, model-output monitoring per route, and the incident rules that turn signals into
 * actions (throttle, re-authenticate, quarantine, block, stricter guards, notify).
 */
import { z } from 'zod';

/** Every signal a rule can watch, with the subject it is counted per. */
export const PRINCIPAL_SIGNALS = [
  'anomaly',
  'rate_spike',
  'token_spike',
  'denial_burst',
  'guard_burst',
  'new_country',
  'impossible_travel',
  'many_ips',
  'off_hours',
  'extraction',
  'inversion',
] as const;
export const SOURCE_SIGNALS = ['auth_failures'] as const;
export const ROUTE_SIGNALS = ['drift', 'tampering', 'low_grounding'] as const;
export const SIGNALS = [...PRINCIPAL_SIGNALS, ...SOURCE_SIGNALS, ...ROUTE_SIGNALS] as const;
export type SignalName = (typeof SIGNALS)[number];

const seconds = (max: number) => z.number().int().positive().max(max);
const DAY = 86_400;

const actionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quarantine'), target: z.enum(['principal', 'key']).default('principal'), durationSec: seconds(30 * DAY).default(900) }).strict(),
  z
    .object({
      type: z.literal('block_ip'),
      durationSec: seconds(30 * DAY).default(900),
      /** Block the surrounding network rather than the one address (e.g. 24 → the /24). */
      prefixV4: z.number().int().min(8).max(32).default(32),
      prefixV6: z.number().int().min(16).max(128).default(128),
    })
    .strict(),
  z.object({ type: z.literal('throttle'), perMinute: z.number().int().min(1).max(100_000).default(10), durationSec: seconds(30 * DAY).default(900) }).strict(),
  /** Refuse the principal's tokens issued before the incident: it must exchange a new one. */
  z.object({ type: z.literal('reauth'), durationSec: seconds(30 * DAY).default(3_600) }).strict(),
  /** Switch the route of the triggering request to the strictest guard policy for a while. */
  z.object({ type: z.literal('strict_guards'), durationSec: seconds(30 * DAY).default(3_600) }).strict(),
  z
    .object({
      type: z.literal('notify'),
      url: z.url({ protocol: /^https?$/ }),
      /** HMAC-SHA256 key of the `x-portcullis-signature` header; use `${ENV_VAR}`. */
      secret: z.string().min(16),
    })
    .strict(),
]);
export type RuleAction = z.output<typeof actionSchema>;

const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    description: z.string().max(512).optional(),
    severity: z.enum(['low', 'medium', 'high', 'critical']).default('medium'),
    when: z
      .object({
        signal: z.enum(SIGNALS),
        /** Signal strength (0–1) an occurrence must reach to count. */
        min: z.number().min(0).max(1).default(0),
        /** Occurrences for the same subject within `windowSec` that fire the rule. */
        count: z.number().int().min(1).max(100_000).default(1),
        windowSec: seconds(DAY).default(60),
      })
      .strict(),
    actions: z.array(actionSchema).min(1).max(8),
    /** After firing, the same rule and subject open no new incident for this long. */
    cooldownSec: seconds(7 * DAY).default(600),
  })
  .strict();
export type RuleConfig = z.output<typeof ruleSchema>;

const anomalySchema = z
  .object({
    /** Requests a principal must have made before deviations from its baseline count. */
    warmupRequests: z.number().int().min(1).max(100_000).default(30),
    /** Half-life of the long-term baseline. */
    baselineHalfLifeSec: seconds(30 * DAY).default(6 * 3_600),
    /** Half-life of the short-term view that is compared with the baseline. */
    burstHalfLifeSec: seconds(3_600).default(60),
    /** Half-life of the risk handed to authorization once a request looked anomalous. */
    riskHalfLifeSec: seconds(DAY).default(600),
    /** Two countries within this long is impossible travel. */
    travelWindowSec: seconds(DAY).default(3_600),
    /** More distinct source addresses than this within `ipWindowSec` is `many_ips`. */
    maxIps: z.number().int().min(1).max(1_000).default(8),
    ipWindowSec: seconds(DAY).default(600),
    /** Working hours (UTC offset in minutes) for `off_hours`, on top of the principal's own hour profile. */
    workHours: z
      .object({ start: z.number().int().min(0).max(23).default(7), end: z.number().int().min(1).max(24).default(20), utcOffsetMin: z.number().int().min(-720).max(840).default(0) })
      .strict()
      .prefault({}),
    /** Requests per burst half-life that count as a volume for extraction probing. */
    extractionMinRequests: z.number().int().min(5).max(1_000_000).default(60),
    /** Failed authentications per burst half-life from one source that count as stuffing. */
    authFailureBurst: z.number().int().min(2).max(100_000).default(10),
    /** Denials per burst half-life of one principal that count as a burst. */
    denialBurst: z.number().int().min(2).max(100_000).default(8),
    guardBurst: z.number().int().min(2).max(100_000).default(5),
  })
  .strict();

const modelsSchema = z
  .object({
    /** Answers in the current window compared with the baseline window. */
    windowAnswers: z.number().int().min(20).max(100_000).default(200),
    /** Population stability index above which the profile has drifted. */
    psiAlert: z.number().positive().max(10).default(0.25),
    /** A grounding score below this on a request with documents is `low_grounding`. */
    groundingMin: z.number().min(0).max(1).default(0.3),
  })
  .strict();

export const monitorSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Principals (and sources) tracked at once; the least recently seen are forgotten first. */
    maxPrincipals: z.number().int().min(10).max(10_000_000).default(50_000),
    maxSources: z.number().int().min(10).max(10_000_000).default(50_000),
    /** Redis key prefix for quarantines and blocks (with `state.redis`). */
    redisPrefix: z.string().regex(/^[A-Za-z0-9:_.-]{1,64}$/).default('portcullis:monitor:'),
    anomaly: anomalySchema.prefault({}),
    models: modelsSchema.prefault({}),
    rules: z.array(ruleSchema).max(256).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id "${r.id}"` });
      seen.add(r.id);
      const subject = subjectOf(r.when.signal);
      r.actions.forEach((a, j) => {
        if (!actionFits(a, subject)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'actions', j, 'type'], message: `${a.type} cannot act on a ${subject} signal (${r.when.signal})` });
      });
    });
  });

export type MonitorConfig = z.output<typeof monitorSchema>;
export type AnomalyConfig = MonitorConfig['anomaly'];
export type SubjectKind = 'principal' | 'source' | 'route';

export function subjectOf(signal: SignalName): SubjectKind {
  if ((SOURCE_SIGNALS as readonly string[]).includes(signal)) return 'source';
  if ((ROUTE_SIGNALS as readonly string[]).includes(signal)) return 'route';
  return 'principal';
}

/** Which actions make sense for which subject: a route signal names no principal to quarantine. */
function actionFits(action: RuleAction, subject: SubjectKind): boolean {
  switch (action.type) {
    case 'notify':
      return true;
    case 'block_ip':
      return subject !== 'route';
    case 'strict_guards':
      return subject !== 'source';
    case 'quarantine':
    case 'throttle':
    case 'reauth':
      return subject === 'principal';
  }
}
