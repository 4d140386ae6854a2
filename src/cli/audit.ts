/** `portcullis audit verify|tail|export|prune|public-key`: the tamper-evident audit trail (docs/audit.md). */
import { createWriteStream } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { AuditRow } from '../audit/chain.js';
import { pruneAudit } from '../audit/retention.js';
import { recordCliAction } from '../audit/admin-record.js';
import { replayJournals } from '../audit/journal.js';
import { spoolFileOf } from '../audit/trail.js';
import type { Config } from '../config/schema.js';
import type { Store } from '../store/types.js';
import { keyIdOf, loadSigningKeys, publicKeyPem, signingKey } from '../audit/signing.js';
import { verifyAudit } from '../audit/verify.js';
import { sealingKey } from '../crypto/seal.js';
import type { AuditRepo } from '../store/types.js';
import { CliError, parse, withState } from './util.js';

const USAGE = `usage: portcullis audit verify --config FILE [--from N] [--to M] [--public-key PEM] [--json]
       portcullis audit tail --config FILE [-n N] [--follow]
       portcullis audit export --config FILE --format jsonl [--from N] [--to M] [--output FILE]
       portcullis audit prune --config FILE
       portcullis audit public-key --config FILE`;

export async function runAudit(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'verify':
      return verify(rest);
    case 'tail':
      return tail(rest);
    case 'export':
      return exportLog(rest);
    case 'prune':
      return prune(rest);
    case 'public-key':
      return publicKey(rest);
    default:
      throw new CliError(USAGE);
  }
}

/**
 * Opening the audit log replays what gateways that are gone left in their journals (a crash, a
 * kill, a power cut), so that the commands below see every record that was acknowledged. A
 * running gateway's journal is its own: its records reach the store within its store interval.
 */
async function replayLeft(store: Store, config: Config, baseDir: string): Promise<void> {
  if (!config.audit.enabled) return;
  const result = await replayJournals(spoolFileOf(config, baseDir), store.audit, 500);
  if (result.records > 0) process.stderr.write(`replayed ${result.records} audit records from ${result.files} journal file(s) left by a stopped gateway\n`);
  for (const c of result.corrupt) process.stderr.write(`warning: ${c.file}: corrupt frame at byte ${c.offset} (${c.reason}); the records before it were replayed, the file is kept as ${c.file}.corrupt\n`);
}

function seqOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new CliError(`--${name} takes a record number (1 or more)`);
  return n;
}

async function verify(args: readonly string[]): Promise<number> {
  const { values } = parse(args, {
    config: { type: 'string', short: 'c' },
    from: { type: 'string' },
    to: { type: 'string' },
    'public-key': { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const from = seqOption(values.from, 'from');
  const to = seqOption(values.to, 'to');
  return withState(values.config, async ({ store, secrets, config, baseDir }) => {
    await replayLeft(store, config, baseDir);
    const keys = new Map<string, KeyObject>();
    for (const [id, k] of await loadSigningKeys(store.secrets, sealingKey(secrets.masterKey))) keys.set(id, k.publicKey);
    // An auditor without the master key can pin the public keys instead.
    for (const file of values['public-key'] ?? []) {
      const pub = createPublicKey(readFileSync(file));
      keys.set(keyIdOf(pub), pub);
    }
    const bar = process.stderr.isTTY ? progressBar() : undefined;
    const report = await verifyAudit(store.audit, { keys, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(bar ? { onProgress: bar.update } : {}) });
    bar?.done();
    if (values.json) {
      process.stdout.write(JSON.stringify(report) + '\n');
      return report.ok ? 0 : 1;
    }
    const range = report.firstSeq === undefined ? 'no records' : `records ${report.firstSeq}..${report.lastSeq}`;
    process.stdout.write(`${range}: ${report.records} checked, ${report.checkpoints} checkpoints, ${report.expiredBodies} bodies expired by retention\n`);
    process.stdout.write(`speed: ${report.recordsPerSecond} records/s (${report.seconds.toFixed(2)} s)\n`);
    if (report.uncovered > 0) process.stdout.write(`note: ${report.uncovered} records after the last checkpoint are not yet covered by a signature\n`);
    if (report.problem) {
      process.stdout.write(`FAILED: ${report.problem.kind} at record ${report.problem.seq}: ${report.problem.detail}\n`);
      return 1;
    }
    process.stdout.write('OK: the chain and every checkpoint verify\n');
    return 0;
  });
}

function progressBar(): { update: (done: number, total: number) => void; done: () => void } {
  let last = 0;
  const started = performance.now();
  return {
    update: (done, total) => {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : width;
      const rate = Math.round(done / Math.max(0.001, (now - started) / 1000));
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate} records/s`);
    },
    done: () => {
      process.stderr.write('\n');
    },
  };
}

/** One JSON line per record: the chained header fields, and the body as an object (null once expired). */
function line(row: AuditRow): string {
  return JSON.stringify({ ...row, body: row.body === null ? null : (JSON.parse(row.body) as unknown) }) + '\n';
}

async function writeRange(repo: AuditRepo, out: Writable, after: number, to: number | undefined): Promise<number> {
  let last = after;
  for (;;) {
    const page = await repo.page(last, 5_000, to);
    for (const row of page) if (!out.write(line(row))) await new Promise((r) => out.once('drain', r));
    if (page.length === 0) return last;
    last = (page[page.length - 1] as AuditRow).seq;
  }
}

async function tail(args: readonly string[]): Promise<number> {
  const { values } = parse(args, { config: { type: 'string', short: 'c' }, n: { type: 'string', short: 'n' }, follow: { type: 'boolean', short: 'f' } });
  const n = values.n === undefined ? 20 : Number(values.n);
  if (!Number.isSafeInteger(n) || n < 0) throw new CliError('-n takes a number of records');
  return withState(values.config, async ({ store, config, baseDir }) => {
    await replayLeft(store, config, baseDir);
    // Reading the trail is itself recorded, before anything is read.
    await recordCliAction(store.audit, { action: 'audit.tail', outcome: 'allow', details: { n, follow: values.follow === true } });
    const bounds = await store.audit.bounds();
    let last = bounds ? Math.max(bounds.first - 1, bounds.last - n) : 0;
    last = await writeRange(store.audit, process.stdout, last, undefined);
    if (!values.follow) return 0;
    const stop = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    for (;;) {
      const tick = new Promise<'tick'>((r) => setTimeout(() => r('tick'), 500));
      if ((await Promise.race([tick, stop.then(() => 'stop' as const)])) === 'stop') return 0;
      last = await writeRange(store.audit, process.stdout, last, undefined);
    }
  });
}

async function exportLog(args: readonly string[]): Promise<number> {
  const { values } = parse(args, {
    config: { type: 'string', short: 'c' },
    format: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if ((values.format ?? 'jsonl') !== 'jsonl') throw new CliError('--format: only jsonl is supported');
  const from = seqOption(values.from, 'from') ?? 1;
  const to = seqOption(values.to, 'to');
  return withState(values.config, async ({ store, config, baseDir }) => {
    await replayLeft(store, config, baseDir);
    await recordCliAction(store.audit, { action: 'audit.export', outcome: 'allow', details: { format: 'jsonl', from, to: to ?? null, to_file: values.output !== undefined } });
    const out = values.output ? createWriteStream(values.output, { mode: 0o600 }) : process.stdout;
    await writeRange(store.audit, out, from - 1, to);
    if (out !== process.stdout) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return 0;
  });
}

async function prune(args: readonly string[]): Promise<number> {
  const { values } = parse(args, { config: { type: 'string', short: 'c' } });
  return withState(values.config, async ({ store, secrets, config, baseDir }) => {
    await replayLeft(store, config, baseDir);
    const key = await signingKey(store.secrets, sealingKey(secrets.masterKey), Date.now());
    const result = await pruneAudit(store.audit, config, key, Date.now());
    await recordCliAction(store.audit, { action: 'audit.prune', outcome: 'allow', details: { expired_bodies: result.expiredBodies, deleted_records: result.deletedRecords } });
    process.stdout.write(
      `expired ${result.expiredBodies} record bodies; deleted ${result.deletedRecords} records` +
        (result.checkpointSeq !== undefined ? ` (covered by a checkpoint at ${result.checkpointSeq})` : '') +
        '\n',
    );
    return 0;
  });
}

async function publicKey(args: readonly string[]): Promise<number> {
  const { values } = parse(args, { config: { type: 'string', short: 'c' } });
  return withState(values.config, async ({ store, secrets }) => {
    const keys = await loadSigningKeys(store.secrets, sealingKey(secrets.masterKey));
    if (keys.size === 0) throw new CliError('no audit signing key yet (the gateway creates one when it starts)');
    for (const key of keys.values()) process.stdout.write(publicKeyPem(key));
    return 0;
  });
}
