#!/usr/bin/env -S node --max-semi-space-size=64
/**
 * `portcullis` command line. Each command lives in its own module; this file only dispatches.
 * The CLI is the one place that writes to the terminal directly.
 */
import { readFileSync } from 'node:fs';
import { runAudit } from './audit.js';
import { runDemo } from './demo.js';
import { runEval } from './eval.js';
import { runInit } from './init.js';
import { runIncidents } from './incidents.js';
import { runKeys } from './keys.js';
import { runMasterKeys } from './keys-master.js';
import { runMock } from './mock.js';
import { runOperators } from './operators.js';
import { runPolicy } from './policy.js';
import { runScan } from './scan.js';
import { runSecrets } from './secrets.js';
import { runStart, runValidate } from './start.js';
import { CliError } from './util.js';

const HELP = `portcullis — zero-trust gateway for generative AI

Usage: portcullis <command> [options]

Commands:
  demo [--upstream URL] [--model NAME] [--port N]
                         Run the gateway on its embedded defaults in front of the built-in mock LLM
                         (or any OpenAI-compatible server given by --upstream), with a demo API key.
  init [--dir DIR] [--self-signed] [--operator NAME] [--password-stdin] [--port N] [--admin-port N] [--force]
                         Set up a directory: master key and pepper, a starter portcullis.yaml, the first
                         operator (password + TOTP), and with --self-signed a local CA and TLS on both listeners.
  start --config FILE    Run the gateway with a YAML config (reloads on SIGHUP or file change).
  validate --config FILE Check a config and print every error with its path.
  keys create --config FILE --name NAME [--models a,b] [--roles r1,r2] [--tenant T] [--expires-in 30d]
              [--operations chat,embed,messages,models,scan] [--cidrs 10.0.0.0/8,2001:db8::/32]
  keys list --config FILE
  keys revoke --config FILE ID
  keys rotate --config FILE ID [--overlap 1h]
                         Manage API keys (the secret is shown once, at creation or rotation).
  keys new-master --out FILE
  keys rotate-master --config FILE [--dry-run] [--json]
                         Create a master key file (mode 600); re-encrypt stored secrets still sealed under a
                         previous master key (secrets.previousMasterKeyFiles / PORTCULLIS_MASTER_KEY_PREVIOUS).
  operators add --config FILE NAME   (password from standard input, or prompted)
  operators list|disable|enable|reset-mfa --config FILE [NAME]
                         Manage operators (password + TOTP) who sign in to the admin listener.
  policy validate --config FILE
  policy test CASES.yaml [--config FILE] [--json]
                         Check the Cedar policy set against the schema; run a table of example
                         requests with expected allow/deny (exit 1 on any mismatch).
  secrets set --config FILE NAME   (reads the value from standard input)
  secrets list --config FILE
  secrets delete --config FILE NAME
                         Manage provider credentials sealed in the store (use as apiKey: secret:NAME).
  scan --input FILE|- --output FILE|- [--config FILE]
                         Scan JSON Lines texts with the guards (no gateway needed); one result per line.
  eval <injection|indirect|output|pii> --data FILE [--config FILE] [--json]
                         Score the guards on a labelled JSON Lines file (precision, recall, FPR, latency).
  audit verify --config FILE [--from N] [--to M] [--public-key PEM] [--json]
  audit tail --config FILE [-n N] [--follow]
  audit export --config FILE --format jsonl [--from N] [--to M] [--output FILE]
  audit prune --config FILE
  audit public-key --config FILE
                         Check the tamper-evident audit trail (first broken record, speed in records/s),
                         read or export it as JSON Lines, apply retention, print the checkpoint key.
  incidents list|show|ack|resolve|quarantines|quarantine|lift --admin-url URL
                         Incidents opened by monitoring rules, and the quarantines, blocks and throttles
                         in force (operator session in PORTCULLIS_ADMIN_TOKEN; setting and lifting need step-up).
  mock [--port N] [--host H] [--chunks N] [--chunk-delay-ms N] [--latency-ms N]
                         Run the built-in mock LLM server on its own.

Options:
  -h, --help             Show this help.
  -v, --version          Show the version.
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case '-v':
    case '--version':
      process.stdout.write(`${version()}\n`);
      return 0;
    case 'demo':
      return runDemo(rest);
    case 'init':
      return runInit(rest);
    case 'start':
      return runStart(rest);
    case 'validate':
      return runValidate(rest);
    case 'keys':
      if (rest[0] === 'new-master' || rest[0] === 'rotate-master') return runMasterKeys(rest);
      return runKeys(rest);
    case 'secrets':
      return runSecrets(rest);
    case 'mock':
      return runMock(rest);
    case 'operators':
      return runOperators(rest);
    case 'policy':
      return runPolicy(rest);
    case 'audit':
      return runAudit(rest);
    case 'scan':
      return runScan(rest);
    case 'eval':
      return runEval(rest);
    case 'incidents':
      return runIncidents(rest);
    default:
      throw new CliError(`unknown command "${command}"; see portcullis --help`);
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof CliError) {
      console.error(`portcullis: ${err.message}`);
      process.exitCode = 2;
    } else {
      console.error('portcullis: unexpected error:', err instanceof Error ? err.message : err);
      process.exitCode = 1;
    }
  },
);
