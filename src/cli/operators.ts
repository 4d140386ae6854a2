/**
 * `portcullis operators add|list|disable|enable|reset-mfa`: the people who administer the
 * gateway. Enrolment prints the TOTP secret as an otpauth:// URI and a terminal QR code (RFC 6238
 * authenticator apps), plus one-time recovery codes; all of them are shown only now.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { text } from 'node:stream/consumers';
import QRCode from 'qrcode';
import { sealingKey } from '../crypto/seal.js';
import { OperatorService, type Enrolment } from '../identity/operators.js';
import { CliError, parse, withState } from './util.js';

export async function runOperators(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parse(rest, { config: { type: 'string', short: 'c' }, json: { type: 'boolean' } }, true);
  const name = positionals[0];
  switch (action) {
    case 'add': {
      if (!name) throw new CliError('operators add needs a NAME');
      const password = await readPassword();
      return withState(values.config, async ({ store, secrets }) => {
        const service = new OperatorService({ store, pepper: secrets.pepper, sealing: sealingKey(secrets.masterKey), sessionTtlMs: 1, stepUpWindowMs: 1 });
        if (await store.operators.getByName(name)) throw new CliError(`operator ${name} already exists`);
        let enrolment: Enrolment;
        try {
          enrolment = await service.create(name, password);
        } catch (err) {
          if (err instanceof TypeError) throw new CliError(err.message);
          throw err;
        }
        await printEnrolment(enrolment, values.json === true);
        return 0;
      });
    }
    case 'reset-mfa': {
      if (!name) throw new CliError('operators reset-mfa needs a NAME');
      return withState(values.config, async ({ store, secrets }) => {
        const service = new OperatorService({ store, pepper: secrets.pepper, sealing: sealingKey(secrets.masterKey), sessionTtlMs: 1, stepUpWindowMs: 1 });
        const enrolment = await service.resetMfa(name);
        if (!enrolment) throw new CliError(`no operator named ${name}`);
        await printEnrolment(enrolment, values.json === true);
        return 0;
      });
    }
    case 'list':
      return withState(values.config, async ({ store }) => {
        const all = await store.operators.list();
        if (values.json) {
          process.stdout.write(`${JSON.stringify(all.map((o) => ({ id: o.id, name: o.name, createdAt: o.createdAt, disabledAt: o.disabledAt, recoveryCodesLeft: o.recoveryHashes.length })))}\n`);
          return 0;
        }
        for (const o of all) process.stdout.write(`${o.name}  ${o.disabledAt === null ? 'active  ' : 'disabled'}  recovery codes left: ${o.recoveryHashes.length}\n`);
        return 0;
      });
    case 'disable':
    case 'enable': {
      if (!name) throw new CliError(`operators ${action} needs a NAME`);
      return withState(values.config, async ({ store }) => {
        const operator = await store.operators.getByName(name);
        if (!operator) throw new CliError(`no operator named ${name}`);
        await store.operators.setDisabled(operator.id, action === 'disable' ? Date.now() : null);
        if (action === 'disable') await store.adminSessions.deleteForOperator(operator.id);
        process.stdout.write(`${action === 'disable' ? 'Disabled' : 'Enabled'} ${name}.\n`);
        return 0;
      });
    }
    default:
      throw new CliError('usage: portcullis operators add|list|disable|enable|reset-mfa --config FILE [NAME]');
  }
}

async function printEnrolment(e: Enrolment, json: boolean): Promise<void> {
  if (json) {
    process.stdout.write(`${JSON.stringify({ id: e.operator.id, name: e.operator.name, otpauthUri: e.otpauthUri, recoveryCodes: e.recoveryCodes })}\n`);
    return;
  }
  const qr = await QRCode.toString(e.otpauthUri, { type: 'terminal', small: true });
  process.stdout.write(
    `Operator ${e.operator.name}: scan this with an authenticator app (TOTP, 6 digits, 30 s):\n\n${qr}\n  ${e.otpauthUri}\n\n` +
      `Recovery codes — each works once, in place of a TOTP code at sign-in. Store them offline; they are shown only now:\n\n` +
      e.recoveryCodes.map((c) => `  ${c}`).join('\n') +
      '\n\n',
  );
}

/** From standard input when piped (first line), otherwise prompted twice without echo. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = (await text(process.stdin)).split(/\r?\n/)[0] ?? '';
    if (line.length === 0) throw new CliError('no password on standard input');
    return line;
  }
  const first = await prompt('Password (12 characters or more): ');
  const second = await prompt('Repeat the password: ');
  if (first !== second) throw new CliError('the passwords differ');
  return first;
}

function prompt(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
