/**
 * `portcullis operators add|list|disable|enable|reset-mfa`: the people who administer the
 * gateway. Enrolment prints the TOTP secret as an otpauth:// URI and a terminal QR code (RFC 6238
 * authenticator apps), plus one-time recovery codes; all of them are shown only now.
 *
 * On the store of `--config FILE` directly (bootstrap: the first operator), or through the admin
 * API with `--admin-url URL` and an operator session in PORTCULLIS_ADMIN_TOKEN (step-up needed).
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { text } from 'node:stream/consumers';
import QRCode from 'qrcode';
import { sealingKey } from '../crypto/seal.js';
import { OperatorService, type Enrolment } from '../identity/operators.js';
import { adminApi, epochMs, type AdminApi } from './admin-api.js';
import { CliError, parse, withState } from './util.js';

/** An operator as the admin API shows it (admin/operators.ts). */
interface PublicOperator {
  id: string;
  name: string;
  created_at: string;
  disabled_at: string | null;
  recovery_codes_left: number;
  otpauth_uri?: string;
  recovery_codes?: string[];
}

interface OperatorView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly disabledAt: number | null;
  readonly recoveryCodesLeft: number;
}

const enrolmentOf = (o: PublicOperator): Parameters<typeof printEnrolment>[0] => ({
  operator: { id: o.id, name: o.name },
  otpauthUri: o.otpauth_uri as string,
  recoveryCodes: o.recovery_codes as string[],
});

export async function runOperators(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parse(rest, { config: { type: 'string', short: 'c' }, json: { type: 'boolean' }, 'admin-url': { type: 'string' } }, true);
  const name = positionals[0];
  const api = adminApi(values['admin-url']);
  switch (action) {
    case 'add': {
      if (!name) throw new CliError('operators add needs a NAME');
      const password = await readPassword();
      if (api) {
        await printEnrolment(enrolmentOf(await api.call<PublicOperator>('POST', '/admin/v1/operators', { name, password })), values.json === true);
        return 0;
      }
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
      if (api) {
        await printEnrolment(enrolmentOf(await onOperator(api, 'POST', name, 'reset-mfa')), values.json === true);
        return 0;
      }
      return withState(values.config, async ({ store, secrets }) => {
        const service = new OperatorService({ store, pepper: secrets.pepper, sealing: sealingKey(secrets.masterKey), sessionTtlMs: 1, stepUpWindowMs: 1 });
        const enrolment = await service.resetMfa(name);
        if (!enrolment) throw new CliError(`no operator named ${name}`);
        await printEnrolment(enrolment, values.json === true);
        return 0;
      });
    }
    case 'list': {
      if (api) {
        const { data } = await api.call<{ data: PublicOperator[] }>('GET', '/admin/v1/operators');
        return printOperators(
          data.map((o) => ({ id: o.id, name: o.name, createdAt: epochMs(o.created_at) as number, disabledAt: epochMs(o.disabled_at), recoveryCodesLeft: o.recovery_codes_left })),
          values.json === true,
        );
      }
      return withState(values.config, async ({ store }) =>
        printOperators(
          (await store.operators.list()).map((o) => ({ id: o.id, name: o.name, createdAt: o.createdAt, disabledAt: o.disabledAt, recoveryCodesLeft: o.recoveryHashes.length })),
          values.json === true,
        ),
      );
    }
    case 'disable':
    case 'enable': {
      if (!name) throw new CliError(`operators ${action} needs a NAME`);
      const done = (): number => {
        process.stdout.write(`${action === 'disable' ? 'Disabled' : 'Enabled'} ${name}.\n`);
        return 0;
      };
      if (api) {
        await onOperator(api, 'POST', name, action);
        return done();
      }
      return withState(values.config, async ({ store, secrets }) => {
        const service = new OperatorService({ store, pepper: secrets.pepper, sealing: sealingKey(secrets.masterKey), sessionTtlMs: 1, stepUpWindowMs: 1 });
        if (!(await service.setDisabled(name, action === 'disable'))) throw new CliError(`no operator named ${name}`);
        return done();
      });
    }
    default:
      throw new CliError('usage: portcullis operators add|list|disable|enable|reset-mfa (--config FILE | --admin-url URL) [NAME]');
  }
}

/** `POST /admin/v1/operators/NAME/ACTION`; an unknown name is a usage error like in direct mode. */
async function onOperator(api: AdminApi, method: 'POST', name: string, action: 'disable' | 'enable' | 'reset-mfa'): Promise<PublicOperator> {
  try {
    return await api.call<PublicOperator>(method, `/admin/v1/operators/${encodeURIComponent(name)}/${action}`);
  } catch (err) {
    if (err instanceof CliError && err.message.includes('PC_ERR_NOT_FOUND')) throw new CliError(`no operator named ${name}`);
    throw err;
  }
}

function printOperators(all: readonly OperatorView[], json: boolean): number {
  if (json) {
    process.stdout.write(`${JSON.stringify(all)}\n`);
    return 0;
  }
  for (const o of all) process.stdout.write(`${o.name}  ${o.disabledAt === null ? 'active  ' : 'disabled'}  recovery codes left: ${o.recoveryCodesLeft}\n`);
  return 0;
}

export async function printEnrolment(e: Pick<Enrolment, 'otpauthUri' | 'recoveryCodes'> & { readonly operator: { readonly id: string; readonly name: string } }, json: boolean): Promise<void> {
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
export async function readPassword(options: { readonly fromStdin?: boolean } = {}): Promise<string> {
  if (options.fromStdin === true || !process.stdin.isTTY) {
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
