/**
 * `portcullis scan --input in.jsonl --output out.jsonl [--config FILE]`: the guard interface on
 * files (DESIGN.md). One input object per line in, one result per line out, in the same order,
 * streamed so memory stays flat on large files. No running gateway is needed.
 */
import { createReadStream, createWriteStream, openSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { GatewayError } from '../errors.js';
import type { GuardsConfig } from '../config/guards.js';
import { createScanner, parseScanInput, type Scanner } from '../guards/scan.js';
import { CliError, loadConfigOrFail, parse } from './util.js';

const USAGE = 'usage: portcullis scan --input FILE|- --output FILE|- [--config FILE]';

/** Guard configuration for `scan` and `eval`: the `guards:` section of --config, else the defaults. */
export async function guardsFromArgs(configFile: string | undefined): Promise<Scanner> {
  let guards: GuardsConfig | undefined;
  if (configFile !== undefined) guards = (await loadConfigOrFail(configFile)).config.guards;
  return createScanner(guards ?? {});
}

/** Counters of one run, for the summary line. */
export interface ScanSummary {
  items: number;
  flagged: number;
  errors: number;
  bytes: number;
  seconds: number;
}

/** The error line written for an input line that cannot be scanned; scanning goes on. */
function errorLine(line: number, id: unknown, err: unknown): string {
  const e = err instanceof GatewayError ? err : new GatewayError('PC_ERR_INTERNAL', { cause: err });
  // The CLI runs locally for its own user, so the detail (what is wrong) is safe to show.
  const out: Record<string, unknown> = typeof id === 'string' || typeof id === 'number' ? { id } : {};
  out.line = line;
  out.error = { code: e.code, message: e.message };
  return JSON.stringify(out);
}

/** Scans one JSON Lines stream into another. Exported for tests and benchmarks. */
export async function scanStream(scanner: Scanner, input: Readable, output: Writable, onProgress?: (s: ScanSummary, bytesRead: number) => void): Promise<ScanSummary> {
  const started = performance.now();
  const summary: ScanSummary = { items: 0, flagged: 0, errors: 0, bytes: 0, seconds: 0 };
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let lastTick = 0;
  for await (const line of lines) {
    lineNo++;
    summary.bytes += Buffer.byteLength(line, 'utf8') + 1;
    // Blank lines (a trailing newline, spacing) carry no input object and get no result line.
    if (line.trim() === '') continue;
    summary.items++;
    let text: string;
    let id: unknown;
    try {
      // A byte-order mark some editors put at the start of a file is not part of the first object.
      const value: unknown = JSON.parse(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line);
      if (typeof value === 'object' && value !== null) id = (value as Record<string, unknown>).id;
      const result = scanner.scan(parseScanInput(value));
      if (result.flagged) summary.flagged++;
      text = JSON.stringify(result);
    } catch (err) {
      summary.errors++;
      text = errorLine(lineNo, id, err instanceof SyntaxError ? new GatewayError('PC_ERR_BAD_JSON', { detail: `line ${lineNo} is not valid JSON` }) : err);
    }
    if (!output.write(`${text}\n`)) await once(output, 'drain');
    if (onProgress !== undefined && performance.now() - lastTick > 100) {
      lastTick = performance.now();
      summary.seconds = (lastTick - started) / 1000;
      onProgress(summary, summary.bytes);
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** `12.3 items/s`-style rates that stay readable for tiny and huge runs. */
function rate(n: number, seconds: number): string {
  const r = n / Math.max(seconds, 1e-6);
  return r >= 100 ? r.toFixed(0) : r.toFixed(2);
}

/** The summary line printed at the end of a run. */
export function formatSummary(s: ScanSummary): string {
  const mb = s.bytes / 1e6;
  const errors = s.errors > 0 ? `, ${s.errors} malformed (error lines written, scanning continued)` : '';
  return `scanned ${s.items} items (${s.flagged} flagged${errors}) in ${s.seconds.toFixed(2)} s: ${rate(s.items, s.seconds)} items/s, ${rate(mb, s.seconds)} MB/s`;
}

function progressBar(total: number | undefined): (s: ScanSummary, read: number) => void {
  return (s, read) => {
    const speed = `${rate(s.items, s.seconds)} items/s`;
    if (total === undefined || total === 0) {
      process.stderr.write(`\r${s.items} items, ${s.flagged} flagged, ${speed}   `);
      return;
    }
    const f = Math.min(1, read / total);
    const width = 30;
    const done = Math.round(f * width);
    process.stderr.write(`\r[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${(f * 100).toFixed(0).padStart(3)}% ${s.items} items, ${s.flagged} flagged, ${speed}   `);
  };
}

export async function runScan(args: readonly string[]): Promise<number> {
  const { values } = parse(args, {
    input: { type: 'string' },
    output: { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.input === undefined || values.output === undefined) throw new CliError(USAGE);
  const scanner = await guardsFromArgs(values.config);

  let input: Readable;
  let total: number | undefined;
  if (values.input === '-') input = process.stdin;
  else {
    try {
      const st = await stat(values.input);
      if (!st.isFile()) throw new CliError(`cannot read ${values.input}: not a file`);
      total = st.size;
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`cannot read ${values.input}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    input = createReadStream(values.input);
  }
  const toStdout = values.output === '-';
  let output: Writable = process.stdout;
  if (!toStdout) {
    // Opened up front so that an unwritable output fails before anything is read.
    let fd: number;
    try {
      fd = openSync(values.output, 'w');
    } catch (err) {
      throw new CliError(`cannot write ${values.output}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    output = createWriteStream('', { fd });
  }
  const failed = new Promise<never>((_, reject) => {
    input.once('error', (err: NodeJS.ErrnoException) => reject(new CliError(`cannot read ${values.input}: ${err.code ?? err.message}`)));
    output.once('error', (err: NodeJS.ErrnoException) => reject(new CliError(`cannot write ${values.output}: ${err.code ?? err.message}`)));
  });
  // Kept handled: after the run settles, a late stream error must not become an unhandled rejection.
  failed.catch(() => undefined);
  const tty = process.stderr.isTTY;
  const summary = await Promise.race([scanStream(scanner, input, output, tty ? progressBar(total) : undefined), failed]);
  if (tty) process.stderr.write('\n');
  if (!toStdout) {
    output.end();
    await once(output, 'finish');
  }
  process.stderr.write(`${formatSummary(summary)}\n`);
  return 0;
}
