/** `portcullis start` and `portcullis validate`. */
import { ConfigError, startGateway } from '../app.js';
import { loadConfigFile } from '../config/load.js';
import { requireMasterKey } from '../crypto/config.js';
import { MasterKeyError } from '../crypto/server-secrets.js';
import { youngGenerationSet } from './node-flags.js';
import { CliError, loadConfigOrFail, parse, untilSignal } from './util.js';

export async function runStart(args: readonly string[]): Promise<number> {
  const { values } = parse(args, { config: { type: 'string', short: 'c' } });
  const { config, file, baseDir } = await loadConfigOrFail(values.config);
  let running;
  try {
    requireMasterKey(config, baseDir);
    running = await startGateway({ config, configFile: file, baseDir, watchConfig: true });
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(`invalid config ${values.config}:\n${err.message}`);
    if (err instanceof MasterKeyError) throw new CliError(err.message);
    throw err;
  }
  running.log.info({ url: running.url, routes: config.routes.length }, 'portcullis listening');
  if (!youngGenerationSet()) {
    running.log.info('started without the launcher\'s --max-semi-space-size=64: expect a higher p99 under steady load (README, "Tail latency")');
  }
  const signal = await untilSignal();
  running.log.info({ signal }, 'shutting down');
  await running.close();
  return 0;
}

export async function runValidate(args: readonly string[]): Promise<number> {
  const { values } = parse(args, { config: { type: 'string', short: 'c' } });
  if (!values.config) throw new CliError('--config FILE is required');
  const loaded = await loadConfigFile(values.config);
  if (loaded.ok) {
    process.stdout.write(`${values.config}: valid (${loaded.config.routes.length} routes)\n`);
    return 0;
  }
  for (const issue of loaded.issues) process.stdout.write(`${values.config}: ${issue.path || '(file)'}: ${issue.message}\n`);
  return 1;
}
