/**
 * `portcullis eval <injection|indirect|output|pii> --data FILE [--config FILE] [--json]`: scores
 * the detectors on a labelled file in the format of `shared/datasets/*.jsonl`, through the same
 * scanner as `POST /v1/guard/scan`, so the numbers are the decisions the gateway would take under
 * that configuration. Metrics are those of shared/datasets/README.md (scoreBinary, scorePii).
 */
import { readFileSync } from 'node:fs';
import type { GuardsConfig } from '../config/guards.js';
import { formatReport, scoreBinary, type BinaryMetrics, type BinaryReport, type LabelledRow } from '../guards/eval/classify.js';
import { PRESIDIO_DEFAULT_SCORED_TYPES, formatPiiReport, formatPresidioTokenLine, scorePii, type PiiReport, type PiiRow } from '../guards/eval/pii.js';
import { formatProbe } from '../guards/injection/probe-multilingual.js';
import { GatewayError } from '../errors.js';
import { createScanner, type ScanResult, type Scanner } from '../guards/scan.js';
import type { Finding, TextRole } from '../guards/types.js';
import { guardsFromArgs } from './scan.js';
import { CliError, parse } from './util.js';

const USAGE = 'usage: portcullis eval <injection|indirect|output|pii> --data FILE [--config FILE] [--json]';

/** The four evaluations and the role their texts are scanned as. */
export const EVAL_KINDS = { injection: 'user', indirect: 'tool', output: 'assistant', pii: 'user' } as const satisfies Record<string, TextRole>;
export type EvalKind = keyof typeof EVAL_KINDS;

/** The structured identifiers with validators: issue 5 asks ≥ 0.99 precision on these. */
export const VALIDATED_PII = ['CREDIT_CARD', 'IBAN_CODE', 'US_SSN', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'IP_ADDRESS'] as const;

/** Percentiles of per-item latency, in microseconds per item and per KiB of text. */
export interface Latency {
  readonly items: number;
  readonly perItemUs: { readonly p50: number; readonly p90: number; readonly p99: number };
  readonly perKbUs: { readonly p50: number; readonly p90: number; readonly p99: number };
  readonly totalSeconds: number;
}

interface TextRow {
  readonly text: string;
}

/**
 * Only the detectors under evaluation run: other categories (a name in a jailbreak prompt) would
 * otherwise count as that detector's false positives. Their thresholds and actions stay as
 * configured. Answers are scored, with their row's question (`prompt`) when it has one, by the
 * jailbroken-answer model and the secrets detector: the
 * output labels count `leak` as positive, and a key or password printed in an answer is a leak the
 * gateway blocks on every answer. PII stays off there: names, addresses and e-mails are ordinary in
 * harmless answers (a letter, a contact table), so they would count as false positives.
 */
function onlyDetector(kind: EvalKind, g: GuardsConfig): GuardsConfig {
  return {
    ...g,
    injection: { ...g.injection, enabled: kind === 'injection' || kind === 'indirect' },
    jailbroken: { ...g.jailbroken, enabled: kind === 'output' },
    pii: { ...g.pii, enabled: kind === 'pii' },
    secrets: { ...g.secrets, enabled: kind === 'output' },
  };
}

function percentiles(xs: number[]): { p50: number; p90: number; p99: number } {
  xs.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/** Rows the scanner refused, by error code (a text over `guards.maxInputBytes`, say). */
export type Refused = Readonly<Record<string, number>>;

// A refused row is a denial: the gateway answers such a text with an error and the model never
// sees it, so it counts as flagged, and the evaluation goes on with the next row.
const REFUSED: ScanResult = Object.freeze({ flagged: true, categories: [], scores: {}, findings: [] });

/**
 * An answer row's question (`prompt`, as in output-dev.jsonl), passed on as the gateway passes the
 * request's question to the answer model.
 */
function questionOf(row: TextRow, role: TextRole): { prompt?: string } {
  const prompt = (row as { prompt?: unknown }).prompt;
  return role === 'assistant' && typeof prompt === 'string' && prompt.length > 0 ? { prompt } : {};
}

/** Scans every row once, timing each scan; a row the scanner refuses is flagged and counted. */
function scanAll<R extends TextRow>(scanner: Scanner, rows: readonly R[], role: TextRole): { results: Map<R, ScanResult>; latency: Latency; refused: Refused } {
  const results = new Map<R, ScanResult>();
  const refused: Record<string, number> = {};
  const perItem: number[] = [];
  const perKb: number[] = [];
  const t0 = performance.now();
  for (const row of rows) {
    const a = process.hrtime.bigint();
    try {
      results.set(row, scanner.scan({ text: row.text, role, ...questionOf(row, role) }));
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      results.set(row, REFUSED);
      refused[err.code] = (refused[err.code] ?? 0) + 1;
      continue;
    }
    const us = Number(process.hrtime.bigint() - a) / 1000;
    perItem.push(us);
    perKb.push(us / Math.max(Buffer.byteLength(row.text, 'utf8') / 1024, 1e-3));
  }
  return {
    results,
    refused,
    latency: { items: perItem.length, perItemUs: percentiles(perItem), perKbUs: percentiles(perKb), totalSeconds: (performance.now() - t0) / 1000 },
  };
}

/** The line that says how many rows were refused, or nothing when none was. */
function formatRefused(refused: Refused): string[] {
  const codes = Object.entries(refused);
  if (codes.length === 0) return [];
  const n = codes.reduce((t, [, k]) => t + k, 0);
  return [`${n} row(s) refused by the scanner and counted as flagged (the gateway would deny them): ${codes.map(([c, k]) => `${c} ${k}`).join(', ')}`];
}

function readJsonl(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const rows: unknown[] = [];
  // A byte-order mark some editors put at the start of a file is not part of the first row.
  text.replace(/^\uFEFF/, '').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line));
    } catch {
      throw new CliError(`${file}:${i + 1}: not valid JSON`);
    }
  });
  return rows;
}

type BinaryRow = LabelledRow & TextRow;

function asBinaryRows(raw: unknown[], file: string): BinaryRow[] {
  return raw.map((r, i) => {
    const o = r as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || typeof o.text !== 'string' || typeof o.label !== 'string') {
      throw new CliError(`${file}: row ${i + 1} needs a string "text" and a string "label"`);
    }
    return o as unknown as BinaryRow;
  });
}

function asPiiRows(raw: unknown[], file: string): PiiRow[] {
  return raw.map((r, i) => {
    const o = r as Record<string, unknown>;
    if (typeof o !== 'object' || o === null || typeof o.text !== 'string' || !Array.isArray(o.spans)) {
      throw new CliError(`${file}: row ${i + 1} needs a string "text" and a "spans" array`);
    }
    return { id: typeof o.id === 'string' ? o.id : `row-${i + 1}`, text: o.text, spans: o.spans as PiiRow['spans'] };
  });
}

const mapToObject = (m: ReadonlyMap<string, BinaryMetrics>): Record<string, BinaryMetrics> => Object.fromEntries(m);

function binaryJson(r: BinaryReport): Record<string, unknown> {
  return {
    overall: r.overall,
    benignFpr: r.benignFpr,
    hardNegativeFpr: r.hardNegativeFpr,
    macro: r.macro,
    bySource: mapToObject(r.bySource),
    byCategory: mapToObject(r.byCategory),
    byLang: mapToObject(r.byLang),
    byTask: mapToObject(r.byTask),
    byPosition: mapToObject(r.byPosition),
  };
}

function formatLatency(l: Latency): string {
  const p = (x: { p50: number; p90: number; p99: number }): string => `p50 ${x.p50} µs, p90 ${x.p90} µs, p99 ${x.p99} µs`;
  return `latency over ${l.items} items (${l.totalSeconds.toFixed(2)} s): per item ${p(l.perItemUs)}; per KiB ${p(l.perKbUs)}`;
}

/** Everything one evaluation produces (the `--json` object). */
export interface EvalOutput {
  readonly kind: EvalKind;
  readonly data: string;
  readonly rows: number;
  readonly role: TextRole;
  readonly config: Record<string, unknown>;
  readonly latency: Latency;
  /** Rows the scanner refused (counted as flagged), by error code; empty when none. */
  readonly refused: Refused;
  readonly binary?: Record<string, unknown>;
  readonly pii?: { readonly spans: PiiReport; readonly validated: PiiReport; readonly rowLevel: Record<string, unknown> };
  readonly text: string;
}

/** Runs one evaluation. Exported for tests. */
export function evaluate(kind: EvalKind, file: string, guards: GuardsConfig): EvalOutput {
  const role = EVAL_KINDS[kind];
  const scanner = createScanner(onlyDetector(kind, guards));
  const raw = readJsonl(file);
  const title = `${kind} on ${file} (role ${role})`;
  if (kind !== 'pii') {
    const rows = asBinaryRows(raw, file);
    const { results, latency, refused } = scanAll(scanner, rows, role);
    const report = scoreBinary(rows, (r) => results.get(r)?.flagged === true);
    const config = kind === 'output'
      ? { threshold: guards.jailbroken.threshold, action: guards.jailbroken.action, secrets: { threshold: guards.secrets.threshold, action: guards.secrets.action } }
      : { threshold: guards.injection.thresholds[role], action: guards.injection.action };
    return {
      kind, data: file, rows: rows.length, role, config, latency, refused,
      binary: binaryJson(report),
      // The multilingual probe rides along with the direct evaluation: the dev file is nearly all
      // English and German, so it is the only check here on the other languages.
      text: [formatReport(title, report), ...formatRefused(refused), formatLatency(latency), ...(kind === 'injection' ? [formatProbe((text) => scanner.scan({ text, role }).flagged)] : [])].join('\n'),
    };
  }
  const rows = asPiiRows(raw, file);
  const { results, latency, refused } = scanAll(scanner, rows, role);
  const found = (row: PiiRow): readonly Finding[] => results.get(row)?.findings ?? [];
  const spans = scorePii(rows, (_t, row) => found(row));
  const validated = scorePii(rows, (_t, row) => found(row), { types: VALIDATED_PII });
  // Row level: the decision (`flagged`) against "the row holds PII of a type that flags".
  const flagTypes = new Set(guards.pii.flag);
  const rowLevel = scoreBinary(
    rows.map((r) => ({ row: r, label: r.spans.some((s) => flagTypes.has(s.type)) ? 'attack' : 'benign', source: r.id.replace(/-\d+$/, '') })),
    (x) => results.get(x.row)?.flagged === true,
  );
  const v = validated.exact;
  const text = [
    formatPiiReport(spans, `PII spans on ${file}`),
    formatPresidioTokenLine(scorePii(rows, (_t, row) => found(row), { types: PRESIDIO_DEFAULT_SCORED_TYPES })),
    '',
    `validated identifiers (${VALIDATED_PII.join(', ')}): exact P=${v.precision.toFixed(3)} R=${v.recall.toFixed(3)} F1=${v.f1.toFixed(3)} F2=${v.f2.toFixed(3)} (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`,
    '',
    formatReport('row level: flagged vs "holds PII of a flagging type" (positive = has such PII)', rowLevel),
    ...formatRefused(refused),
    formatLatency(latency),
  ].join('\n');
  return {
    kind, data: file, rows: rows.length, role,
    config: { flag: guards.pii.flag, threshold: guards.pii.threshold, action: guards.pii.action, types: guards.pii.types ?? 'all' },
    latency,
    refused,
    pii: { spans, validated, rowLevel: binaryJson(rowLevel) },
    text,
  };
}

export async function runEval(args: readonly string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { data: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [kind, ...extra] = positionals;
  if (kind === undefined || !(kind in EVAL_KINDS) || extra.length > 0) throw new CliError(USAGE);
  if (values.data === undefined) throw new CliError(`--data FILE is required\n${USAGE}`);
  const guards = (await guardsFromArgs(values.config)).config;
  const out = evaluate(kind as EvalKind, values.data, guards);
  if (values.json === true) {
    const { text: _text, ...machine } = out;
    process.stdout.write(`${JSON.stringify(machine, null, 2)}\n`);
  } else process.stdout.write(`${out.text}\n`);
  return 0;
}
