/** Shared pieces of the CLI commands. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve, dirname } from 'node:path';
import { ConfigError, openState } from '../app.js';
import { loadConfigFile } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { ServerSecrets } from '../crypto/server-secrets.js';
import type { Store } from '../store/types.js';

/** A usage or input problem: printed without a stack, exit code 2. */
export class CliError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

export async function loadConfigOrFail(file: string | undefined): Promise<{ config: Config; file: string; baseDir: string }> {
  if (!file) throw new CliError('--config FILE is required');
  const path = resolve(file);
  const loaded = await loadConfigFile(path);
  if (!loaded.ok) throw new CliError(`invalid config ${file}:\n${new ConfigError(loaded.issues).message}`);
  return { config: loaded.config, file: path, baseDir: dirname(path) };
}

/** Opens the store and secrets of a config for an admin command, and closes them afterwards. */
export async function withState<T>(file: string | undefined, fn: (state: { store: Store; secrets: ServerSecrets; config: Config; baseDir: string }) => Promise<T>): Promise<T> {
  const { config, baseDir } = await loadConfigOrFail(file);
  const { store, secrets } = openState(config, baseDir);
  try {
    return await fn({ store, secrets, config, baseDir });
  } finally {
    await store.close();
  }
}

/** `30d`, `12h`, `15m`, `45s` → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match) throw new CliError(`cannot read duration "${text}" (use e.g. 30d, 12h, 15m)`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

export function splitList(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}
