/**
 * The gateway's own secrets: the pepper that keys API-key hashes and the keyring (keyring.ts)
 * that seals stored data. The master key comes from, in this order:
 *   1. the environment variable PORTCULLIS_MASTER_KEY (base64 or hex, 32 bytes);
 *   2. `secrets.masterKey` in the config;
 *   3. `secrets.masterKeyFile`: a file only its owner may read (group/world access is refused);
 *   4. `secrets.masterKeyCommand`: a KMS hook, a command (argv, no shell) that prints the key on
 *      standard output — e.g. a cloud KMS decrypt or a secrets-manager read;
 *   5. `<dataDir>/master.key`, generated with owner-only permissions by the admin commands and the
 *      demo. `portcullis start` refuses to generate one: a server needs a key an operator chose.
 * Earlier master keys (read only, for data not yet re-encrypted by `portcullis keys
 * rotate-master`): PORTCULLIS_MASTER_KEY_PREVIOUS (comma-separated), `secrets.previousMasterKeyFiles`,
 * and `<dataDir>/master.key` when the current key comes from elsewhere (the migration path from a
 * generated key to a managed one). A weak key (keyring.ts `weakness`) is refused wherever it comes from.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeKey, Keyring, registerKeyring, weakness } from './keyring.js';

export interface ServerSecrets {
  readonly pepper: Buffer;
  /** The current master key (prefer `keyring`). */
  readonly masterKey: Buffer;
  readonly keyring: Keyring;
  /** Where the current master key came from (`env`, `config`, `file`, `command`, `data-dir`, `generated`), for logs. */
  readonly masterKeySource: string;
}

export interface SecretsOptions {
  readonly dataDir: string;
  readonly pepper?: string | undefined;
  readonly masterKey?: string | undefined;
  readonly masterKeyFile?: string | undefined;
  readonly masterKeyCommand?: readonly string[] | undefined;
  readonly previousMasterKeyFiles?: readonly string[] | undefined;
  /** Refuse to generate a missing master key (`portcullis start`). */
  readonly requireMasterKey?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

export function loadServerSecrets(options: SecretsOptions): ServerSecrets {
  const pepper = options.pepper !== undefined ? Buffer.from(options.pepper, 'utf8') : fileSecret(options.dataDir, 'pepper.key', true);
  const { key, source } = currentMaster(options);
  const why = weakness(key);
  if (why !== undefined) throw new MasterKeyError(`the master key (${source}) ${why}`);
  const previous = previousMasters(options, source);
  const keyring = new Keyring(key, previous);
  registerKeyring(keyring);
  return { pepper, masterKey: keyring.current.key, keyring, masterKeySource: source };
}

function currentMaster(options: SecretsOptions): { key: Buffer; source: string } {
  const env = options.env ?? process.env;
  const configured = [options.masterKey, options.masterKeyFile, options.masterKeyCommand].filter((v) => v !== undefined).length;
  if (configured > 1) throw new MasterKeyError('set only one of secrets.masterKey, secrets.masterKeyFile and secrets.masterKeyCommand');
  const fromEnv = env.PORTCULLIS_MASTER_KEY;
  if (fromEnv !== undefined && fromEnv !== '') return { key: decoded(fromEnv, 'PORTCULLIS_MASTER_KEY'), source: 'env' };
  if (options.masterKey !== undefined) return { key: decoded(options.masterKey, 'secrets.masterKey'), source: 'config' };
  if (options.masterKeyFile !== undefined) return { key: readKeyFile(options.masterKeyFile), source: 'file' };
  if (options.masterKeyCommand !== undefined) return { key: runKeyCommand(options.masterKeyCommand), source: 'command' };
  const file = join(options.dataDir, 'master.key');
  if (exists(file)) return { key: readKeyFile(file), source: 'data-dir' };
  if (options.requireMasterKey) {
    throw new MasterKeyError(
      'no master key: set PORTCULLIS_MASTER_KEY, secrets.masterKeyFile or secrets.masterKeyCommand ' +
        '(generate one with `portcullis keys new-master --out FILE`); the server does not generate its own',
    );
  }
  return { key: fileSecret(options.dataDir, 'master.key', false), source: 'generated' };
}

function previousMasters(options: SecretsOptions, source: string): Buffer[] {
  const env = options.env ?? process.env;
  const out: Buffer[] = [];
  for (const part of (env.PORTCULLIS_MASTER_KEY_PREVIOUS ?? '').split(',')) if (part.trim() !== '') out.push(decoded(part, 'PORTCULLIS_MASTER_KEY_PREVIOUS'));
  for (const f of options.previousMasterKeyFiles ?? []) out.push(readKeyFile(f));
  const generated = join(options.dataDir, 'master.key');
  if (source !== 'data-dir' && source !== 'generated' && exists(generated)) out.push(readKeyFile(generated));
  return out;
}

function decoded(text: string, where: string): Buffer {
  try {
    return decodeKey(text);
  } catch (err) {
    throw new MasterKeyError(`${where}: ${(err as Error).message}`);
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** Reads a key file, refusing one that group or others may access (like ssh does for private keys). */
export function readKeyFile(file: string): Buffer {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (err) {
    throw new MasterKeyError(`master key file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new MasterKeyError(`master key file ${file} is accessible to group or others (mode ${(mode & 0o777).toString(8)}); chmod 600 it`);
  }
  return decoded(readFileSync(file, 'utf8'), `master key file ${file}`);
}

function runKeyCommand(argv: readonly string[]): Buffer {
  const [cmd, ...args] = argv;
  if (cmd === undefined) throw new MasterKeyError('secrets.masterKeyCommand is empty');
  let out: string;
  try {
    out = execFileSync(cmd, args, { encoding: 'utf8', timeout: 15_000, maxBuffer: 64 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    // The command's own output may hold key material; report only how it failed.
    const e = err as NodeJS.ErrnoException & { status?: number | null; signal?: string | null };
    throw new MasterKeyError(`secrets.masterKeyCommand failed (${e.code ?? (e.signal ? `signal ${e.signal}` : `exit ${String(e.status)}`)})`);
  }
  return decoded(out, 'secrets.masterKeyCommand output');
}

/** Writes 32 random bytes, base64, owner-only; `wx` so that two processes starting at once agree. */
export function writeNewKeyFile(file: string): Buffer {
  const value = randomBytes(32);
  writeFileSync(file, value.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return value;
}

function fileSecret(dataDir: string, name: string, lenient: boolean): Buffer {
  const file = join(dataDir, name);
  try {
    return lenient ? Buffer.from(readFileSync(file, 'utf8').trim(), 'base64') : readKeyFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof MasterKeyError && /ENOENT/.test(err.message))) throw err;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return writeNewKeyFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return lenient ? Buffer.from(readFileSync(file, 'utf8').trim(), 'base64') : readKeyFile(file);
  }
}
