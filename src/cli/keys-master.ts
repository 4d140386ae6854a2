/**
 * `portcullis keys new-master --out FILE` and `portcullis keys rotate-master --config FILE`.
 *
 * Rotating the master key without downtime:
 *   1. `portcullis keys new-master --out master-2.key` (32 random bytes, owner-only file).
 *   2. Point every instance at the new key and list the old one as previous
 *      (`secrets.masterKeyFile: master-2.key`, `secrets.previousMasterKeyFiles: [master.key]`, or
 *      PORTCULLIS_MASTER_KEY / PORTCULLIS_MASTER_KEY_PREVIOUS) and restart them one by one: each
 *      writes under the new key and reads both.
 *   3. `portcullis keys rotate-master --config FILE` re-encrypts what is still under the old key.
 *   4. Drop the old key from the previous list once it reports nothing left (keep it while audit
 *      records with encrypted payloads sealed under it are retained: they cannot be re-encrypted).
 */
import { resolve } from 'node:path';
import { reencryptStore } from '../crypto/rotate.js';
import { writeNewKeyFile } from '../crypto/server-secrets.js';
import { CliError, parse, withState } from './util.js';

export async function runMasterKeys(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'new-master') {
    const { values } = parse(rest, { out: { type: 'string', short: 'o' } });
    if (!values.out) throw new CliError('--out FILE is required');
    try {
      writeNewKeyFile(resolve(values.out));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${values.out} exists; not overwriting a key`);
      throw err;
    }
    process.stdout.write(`wrote a new master key to ${values.out} (mode 600)\n`);
    return 0;
  }
  if (action !== 'rotate-master') throw new CliError(`unknown keys command "${String(action)}"`);
  const { values } = parse(rest, { config: { type: 'string', short: 'c' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } });
  return withState(values.config, async ({ store, secrets }) => {
    const report = await reencryptStore(store, secrets.keyring, { dryRun: values['dry-run'] === true });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ masterKeyId: secrets.keyring.current.id, previous: secrets.keyring.masters.slice(1).map((m) => m.id), ...report })}\n`);
    } else {
      const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
      process.stdout.write(
        `master key ${secrets.keyring.current.id} (previous: ${secrets.keyring.masters.slice(1).map((m) => m.id).join(', ') || 'none'})\n` +
          `${values['dry-run'] ? 'would re-encrypt' : 're-encrypted'} ${sum(report.rewrapped)}, already current ${sum(report.current)}, changed meanwhile ${sum(report.raced)}, unreadable ${report.unreadable.length}\n` +
          report.unreadable.map((u) => `  unreadable: ${u}\n`).join(''),
      );
    }
    return report.unreadable.length > 0 || Object.values(report.raced).some((n) => n > 0) ? 1 : 0;
  });
}
