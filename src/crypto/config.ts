/** Master-key settings of a config, with file paths resolved against the config's directory. */
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { loadServerSecrets } from './server-secrets.js';

export function masterKeyOptions(config: Config, baseDir: string): {
  masterKey?: string;
  masterKeyFile?: string;
  masterKeyCommand?: readonly string[];
  previousMasterKeyFiles: readonly string[];
} {
  const s = config.secrets;
  return {
    ...(s.masterKey !== undefined ? { masterKey: s.masterKey } : {}),
    ...(s.masterKeyFile !== undefined ? { masterKeyFile: resolve(baseDir, s.masterKeyFile) } : {}),
    ...(s.masterKeyCommand !== undefined ? { masterKeyCommand: s.masterKeyCommand } : {}),
    previousMasterKeyFiles: (s.previousMasterKeyFiles ?? []).map((f) => resolve(baseDir, f)),
  };
}

/**
 * `portcullis start` refuses a missing master key (it does not generate one, unlike the demo
 * and the admin commands) and a weak one; throws MasterKeyError saying which and how to fix it.
 */
export function requireMasterKey(config: Config, baseDir: string): void {
  loadServerSecrets({ dataDir: resolve(baseDir, config.dataDir), pepper: config.secrets.pepper, ...masterKeyOptions(config, baseDir), requireMasterKey: true });
}
