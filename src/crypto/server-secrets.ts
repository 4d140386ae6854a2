/**
 * The gateway's own secrets: the pepper that keys API-key hashes and the master key that seals
 * stored credentials. Taken from configuration when given; otherwise generated once into the data
 * directory with owner-only permissions, so the embedded setup works with no extra step.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerSecrets {
  readonly pepper: Buffer;
  readonly masterKey: Buffer;
}

export function loadServerSecrets(options: { dataDir: string; pepper?: string | undefined; masterKey?: string | undefined }): ServerSecrets {
  const pepper = options.pepper !== undefined ? Buffer.from(options.pepper, 'utf8') : fileSecret(options.dataDir, 'pepper.key');
  const masterKey = options.masterKey !== undefined ? Buffer.from(options.masterKey, 'base64') : fileSecret(options.dataDir, 'master.key');
  if (masterKey.length !== 32) throw new Error('secrets.masterKey must be 32 bytes, base64-encoded');
  return { pepper, masterKey };
}

function fileSecret(dataDir: string, name: string): Buffer {
  const file = join(dataDir, name);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const value = randomBytes(32);
  // `wx` fails if another process created it meanwhile; then read theirs.
  try {
    writeFileSync(file, value.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return value;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  }
}
