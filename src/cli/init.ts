/**
 * `portcullis init [--dir DIR] [--self-signed] [--operator NAME] [--password-stdin] [--force]`:
 * a working setup in one step — the data directory with the master key and pepper (owner-only
 * files), a starter portcullis.yaml that `portcullis validate` accepts, optionally a local CA and
 * a server certificate for localhost with both listeners on TLS, and the first operator with
 * password + TOTP enrolment (otpauth:// URI, terminal QR code, one-time recovery codes).
 *
 * The config file appears last, only when everything else worked, so a failed init leaves no
 * config that looks finished; a second run refuses to overwrite one without --force. --force
 * rewrites the config and certificates but never the master key, pepper or store: replacing
 * those would make every sealed secret and stored key unreadable.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openState } from '../app.js';
import { sealingKey } from '../crypto/seal.js';
import { checkOperatorName, OperatorService } from '../identity/operators.js';
import { checkPasswordPolicy } from '../identity/passwords.js';
import { writeLocalCertificates, type LocalCertificates } from '../tls/self-signed.js';
import { printEnrolment, readPassword } from './operators.js';
import { CliError, loadConfigOrFail, parse } from './util.js';

const CONFIG_NAME = 'portcullis.yaml';
const DATA_DIR = '.portcullis';

export async function runInit(args: readonly string[]): Promise<number> {
  const { values } = parse(args, {
    dir: { type: 'string', short: 'd' },
    'self-signed': { type: 'boolean' },
    operator: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    port: { type: 'string' },
    'admin-port': { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const dir = resolve(values.dir ?? '.');
  const configFile = join(dir, CONFIG_NAME);
  const dataDir = join(dir, DATA_DIR);
  const operatorName = values.operator ?? 'admin';
  const port = portOption(values.port, 8080, '--port');
  const adminPort = portOption(values['admin-port'], 8081, '--admin-port');
  if (existsSync(configFile) && values.force !== true) {
    throw new CliError(`${configFile} exists: this directory is already set up (--force rewrites the config and certificates; the master key, pepper and store are kept)`);
  }
  try {
    checkOperatorName(operatorName);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  // Asked before anything is written, so a refused password leaves nothing behind.
  const password = await readPassword({ fromStdin: values['password-stdin'] === true });
  try {
    checkPasswordPolicy(password);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }

  const certs = values['self-signed'] === true ? writeLocalCertificates(join(dataDir, 'tls')) : undefined;
  const draft = `${configFile}.${process.pid}.tmp`;
  writeFileSync(draft, starterConfig({ port, adminPort, certs }), { mode: 0o644 });
  try {
    const { config } = await loadConfigOrFail(draft);
    // Creates the data directory, master key and pepper (0600) as the server would on start.
    const { store, secrets } = openState(config, dir);
    try {
      const operators = new OperatorService({ store, pepper: secrets.pepper, sealing: sealingKey(secrets.masterKey), sessionTtlMs: 1, stepUpWindowMs: 1 });
      const existing = await store.operators.getByName(operatorName);
      if (existing) {
        process.stderr.write(`operator ${operatorName} exists already and is kept (portcullis operators reset-mfa gives it new TOTP and recovery codes)\n`);
      } else {
        const enrolment = await operators.create(operatorName, password);
        await printEnrolment(enrolment, values.json === true);
      }
    } finally {
      await store.close();
    }
    renameSync(draft, configFile);
  } catch (err) {
    rmSync(draft, { force: true });
    throw err;
  }
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify({ config: configFile, dataDir, ...(certs ? { caFile: certs.caFile, certFile: certs.certFile, keyFile: certs.keyFile } : {}) })}\n`);
    return 0;
  }
  const scheme = certs ? 'https' : 'http';
  process.stdout.write(
    `Created ${configFile} and ${dataDir} (master key and pepper, owner-only).\n` +
      (certs ? `TLS: local CA ${certs.caFile} (trust it in clients), server certificate valid until ${certs.validTo}.\n` : '') +
      `\nNext:\n  portcullis keys create --config ${configFile} --name my-app\n  portcullis start --config ${configFile}\n` +
      `  data plane ${scheme}://127.0.0.1:${port || '<port in the log>'}, admin ${scheme}://127.0.0.1:${adminPort || '<port in the log>'}\n` +
      (certs ? `  curl --cacert ${certs.caFile} https://localhost:${port}/healthz\n` : ''),
  );
  return 0;
}

function portOption(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliError(`${flag} must be a port number`);
  return n;
}

/** The starter config: loopback listeners, embedded SQLite, admin on, no routes yet. */
function starterConfig(options: { port: number; adminPort: number; certs: LocalCertificates | undefined }): string {
  // Absolute paths: the listeners read certificate files relative to the working directory.
  const tls = (indent: string): string =>
    options.certs ? `${indent}tls:\n${indent}  certFile: ${JSON.stringify(options.certs.certFile)}\n${indent}  keyFile: ${JSON.stringify(options.certs.keyFile)}\n` : '';
  return `# Portcullis configuration, written by \`portcullis init\` on ${new Date().toISOString()}.
# Check it with \`portcullis validate --config portcullis.yaml\`; every key is described in README.md.

server:
  host: 127.0.0.1
  port: ${options.port}
${tls('  ')}
# Relative paths resolve against this file's directory. The master key and pepper live in
# dataDir (owner-only files); keep a backup of them with the store, never next to it in clear.
dataDir: ${DATA_DIR}
storage:
  url: sqlite:${DATA_DIR}/portcullis.db

admin:
  host: 127.0.0.1
  port: ${options.adminPort}
${tls('  ')}
# Add the models callers may use, for example:
# routes:
#   - model: gpt-4o-mini
#     targets:
#       - provider: openai
#         baseUrl: https://api.openai.com/v1
#         model: gpt-4o-mini
#         apiKey: secret:openai   # portcullis secrets set --config portcullis.yaml openai
`;
}
