/** `portcullis secrets set|list|delete`: provider credentials sealed with the master key. */
import { text } from 'node:stream/consumers';
import { seal, sealingKey } from '../crypto/seal.js';
import { CliError, parse, withState } from './util.js';

const NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export async function runSecrets(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parse(rest, { config: { type: 'string', short: 'c' } }, true);
  const name = positionals[0];
  switch (action) {
    case 'set': {
      if (!name || !NAME.test(name)) throw new CliError('secrets set needs a NAME of letters, digits, _ . -');
      // From stdin, so the value never appears in shell history or the process list.
      const value = (await text(process.stdin)).replace(/\r?\n$/, '');
      if (value.length === 0) throw new CliError('no value on standard input');
      return withState(values.config, async ({ store, secrets }) => {
        await store.secrets.put(name, seal(sealingKey(secrets.masterKey), value, name), Date.now());
        process.stdout.write(`Stored secret ${name}; reference it as apiKey: secret:${name}\n`);
        return 0;
      });
    }
    case 'list':
      return withState(values.config, async ({ store }) => {
        for (const n of await store.secrets.list()) process.stdout.write(`${n}\n`);
        return 0;
      });
    case 'delete':
      if (!name) throw new CliError('secrets delete needs a NAME');
      return withState(values.config, async ({ store }) => {
        if (!(await store.secrets.delete(name))) throw new CliError(`no secret named ${name}`);
        process.stdout.write(`Deleted ${name}.\n`);
        return 0;
      });
    default:
      throw new CliError('usage: portcullis secrets set|list|delete --config FILE [NAME]');
  }
}
