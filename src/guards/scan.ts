/**
 * The guard engine behind the guard interface of DESIGN.md: `POST /v1/guard/scan`,
 * `portcullis scan` and `portcullis eval` all call {@link createScanner}'s `scan`, so a result is
 * the decision the gateway takes under the same configuration.
 *
 * Which detectors run depends on where the text sits (its role):
 *
 * | role        | detectors                                                                   |
 * |-------------|-----------------------------------------------------------------------------|
 * | `user`      | injection (direct model, user threshold) + PII + secrets                     |
 * | `tool`      | injection (indirect model: worst segment of the document) + PII + secrets    |
 * | `assistant` | jailbroken answer + PII + secrets (injection only when configured)           |
 * | `system`    | injection (direct model, strict system threshold) + PII + secrets            |
 *
 * Answers are not scanned for injection by default: the direct model learnt what prompts look
 * like, and on model answers it flags 40% of plain refusals of output-dev, while what matters
 * in an answer (did the model comply, does it leak) is covered by the other detectors.
 */
import { GatewayError } from '../errors.js';
import { guardsSchema, TEXT_ROLES, type GuardAction, type GuardsConfig, type GuardsConfigInput } from '../config/guards.js';
import { scoreInjection, scoreJailbrokenAnswer, warmConcepts } from './injection/index.js';
import { detectPii } from './pii/index.js';
import { detectSecrets } from './secrets/index.js';
import type { Finding, TextRole } from './types.js';

/** Category names of a scan result; stable, scripts depend on them. */
export type GuardCategory = 'injection' | 'jailbreak' | 'extraction' | 'jailbroken' | 'pii' | 'secret';

/** One text to scan (DESIGN.md input object). */
export interface ScanInput {
  /** Echoed in the result; omitted there when absent here. */
  readonly id?: string | number;
  readonly text: string;
  /** Where the text sits; default `user`. */
  readonly role?: TextRole;
  /**
   * For an answer (`assistant`): the question it replies to. The jailbroken-answer model reads
   * both, as the gateway does with the request's last user message; ignored for other roles.
   */
  readonly prompt?: string;
}

/** The result object of DESIGN.md. */
export interface ScanResult {
  id?: string | number;
  /** The gateway's decision: a category reached its threshold and its action is not allow/log-only. */
  flagged: boolean;
  /** Categories that reached their threshold (whatever their action), in a fixed order. */
  categories: GuardCategory[];
  /**
   * Score of every detector that ran: `injection` (the injection model's score, whatever the
   * attack family; `jailbreak`/`extraction` repeat it when that family was detected),
   * `jailbroken`, and `pii`/`secret` (highest score among findings of a flagging type, 0 if none).
   */
  scores: Partial<Record<GuardCategory, number>>;
  /** PII and secret spans, sorted by start; offsets are JavaScript string indices into `text`. */
  findings: Finding[];
}

/** A compiled guard configuration. */
export interface Scanner {
  readonly config: GuardsConfig;
  /**
   * Scans one text.
   * @throws GatewayError PC_ERR_BAD_REQUEST when the input is malformed (text not a string,
   *   unknown role), PC_ERR_BODY_TOO_LARGE when the text is over `maxInputBytes`.
   */
  scan(input: ScanInput): ScanResult;
}

const ORDER: readonly GuardCategory[] = ['injection', 'jailbreak', 'extraction', 'jailbroken', 'pii', 'secret'];
const QUIET: ReadonlySet<GuardAction> = new Set(['allow', 'log-only']);

/** Thrown by {@link createScanner} on an invalid configuration; lists every problem with its path. */
export class GuardConfigError extends Error {
  constructor(readonly issues: readonly { readonly path: string; readonly message: string }[]) {
    super(issues.map((i) => `guards${i.path ? `.${i.path}` : ''}: ${i.message}`).join('\n'));
    this.name = 'GuardConfigError';
  }
}

// A lone surrogate is replaced by U+FFFD, one code unit for one, so offsets into the scanned copy
// are offsets into the caller's string; the detectors then only ever see well-formed text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** UTF-8 size without encoding the text when it is clearly small enough. */
function tooLarge(text: string, max: number): number | undefined {
  if (text.length * 3 <= max) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > max ? bytes : undefined;
}

/**
 * Validates a decoded JSON value as a scan input.
 * @throws GatewayError PC_ERR_BAD_REQUEST (its `message` says what is wrong, for logs and the CLI).
 */
export function parseScanInput(value: unknown): ScanInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: 'the input must be a JSON object' });
  }
  const o = value as Record<string, unknown>;
  const { id, text, role, prompt } = o;
  if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: '"id" must be a string or a number' });
  }
  if (typeof text !== 'string') throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: '"text" must be a string' });
  if (role !== undefined && !TEXT_ROLES.includes(role as TextRole)) {
    throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: `"role" must be one of ${TEXT_ROLES.join(', ')}` });
  }
  if (prompt !== undefined && typeof prompt !== 'string') throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: '"prompt" must be a string' });
  return { ...(id === undefined ? {} : { id }), text, ...(role === undefined ? {} : { role: role as TextRole }), ...(prompt === undefined ? {} : { prompt }) };
}

/**
 * Compiles a guard configuration (the `guards:` section, defaults filled in by its schema) into a
 * scanner. Validation happens here, once: a bad configuration fails at start-up, never on a scan.
 *
 * @throws GuardConfigError when the configuration does not match the schema.
 */
export function createScanner(config: GuardsConfigInput = {}): Scanner {
  const parsed = guardsSchema.safeParse(config);
  if (!parsed.success) {
    throw new GuardConfigError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const cfg: GuardsConfig = Object.freeze(parsed.data);
  // The concept lexicon compiles on first use (about 220 ms): here, not on the first text in another language.
  if (cfg.injection.enabled || cfg.jailbroken.enabled) warmConcepts();
  const injectionRoles: ReadonlySet<TextRole> = new Set(cfg.injection.roles);
  const piiTypes = cfg.pii.types === undefined ? undefined : [...cfg.pii.types];
  const piiFlag: ReadonlySet<string> = new Set(cfg.pii.flag);
  const secretFlag: ReadonlySet<string> | undefined = cfg.secrets.flag === undefined ? undefined : new Set(cfg.secrets.flag);
  const actionOf: Readonly<Record<GuardCategory, GuardAction>> = {
    injection: cfg.injection.action,
    jailbreak: cfg.injection.action,
    extraction: cfg.injection.action,
    jailbroken: cfg.jailbroken.action,
    pii: cfg.pii.action,
    secret: cfg.secrets.action,
  };

  return {
    config: cfg,
    scan(input: ScanInput): ScanResult {
      const { id, text: raw } = input;
      const role: unknown = input.role ?? 'user';
      if (typeof raw !== 'string') throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: '"text" must be a string' });
      if (!TEXT_ROLES.includes(role as TextRole)) {
        throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: `"role" must be one of ${TEXT_ROLES.join(', ')}` });
      }
      const size = tooLarge(raw, cfg.maxInputBytes);
      if (size !== undefined) {
        throw new GatewayError('PC_ERR_BODY_TOO_LARGE', { detail: `the text is ${size} bytes; guards.maxInputBytes is ${cfg.maxInputBytes}` });
      }
      const question = input.prompt;
      if (question !== undefined && typeof question !== 'string') throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: '"prompt" must be a string' });
      const questionSize = question === undefined ? undefined : tooLarge(question, cfg.maxInputBytes);
      if (questionSize !== undefined) {
        throw new GatewayError('PC_ERR_BODY_TOO_LARGE', { detail: `the prompt is ${questionSize} bytes; guards.maxInputBytes is ${cfg.maxInputBytes}` });
      }
      const text = wellFormed(raw);
      const r = role as TextRole;
      const detected = new Set<GuardCategory>();
      const scores: Partial<Record<GuardCategory, number>> = {};

      if (cfg.injection.enabled && injectionRoles.has(r)) {
        const res = scoreInjection(text, r);
        scores.injection = res.score;
        if (res.score >= cfg.injection.thresholds[r]) {
          // Documents report every attack as (indirect) injection. Below the model's own default
          // threshold the detector names no family (a lowered threshold), so the generic one applies.
          const family = r === 'tool' ? 'injection' : (res.category ?? 'injection');
          detected.add(family);
          scores[family] = res.score;
        }
      }
      if (r === 'assistant' && cfg.jailbroken.enabled) {
        const res = scoreJailbrokenAnswer(text, question === undefined ? undefined : wellFormed(question));
        scores.jailbroken = res.score;
        if (res.score >= cfg.jailbroken.threshold) detected.add('jailbroken');
      }

      const findings: Finding[] = [];
      if (cfg.pii.enabled) {
        let top = 0;
        for (const f of detectPii(text, piiTypes === undefined ? undefined : { types: piiTypes })) {
          findings.push(f);
          if (piiFlag.has(f.type) && f.score > top) top = f.score;
        }
        scores.pii = top;
        if (top > 0 && top >= cfg.pii.threshold) detected.add('pii');
      }
      if (cfg.secrets.enabled) {
        let top = 0;
        for (const f of detectSecrets(text)) {
          findings.push(f);
          if ((secretFlag === undefined || secretFlag.has(f.type)) && f.score > top) top = f.score;
        }
        scores.secret = top;
        if (top > 0 && top >= cfg.secrets.threshold) detected.add('secret');
      }
      findings.sort((a, b) => a.start - b.start || a.end - b.end);

      const categories = ORDER.filter((c) => detected.has(c));
      const result: ScanResult = {
        flagged: categories.some((c) => !QUIET.has(actionOf[c])),
        categories,
        scores,
        findings,
      };
      // `id` first in the serialised object, and absent (not null) when the input had none.
      return id === undefined ? result : { id, ...result };
    },
  };
}
