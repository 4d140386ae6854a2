/** `portcullis keys create|list|revoke`. */
import { createApiKey } from '../identity/api-keys.js';
import { CliError, parse, parseDuration, splitList, withState } from './util.js';

export async function runKeys(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parse(
    rest,
    {
      config: { type: 'string', short: 'c' },
      name: { type: 'string' },
      models: { type: 'string' },
      roles: { type: 'string' },
      tenant: { type: 'string' },
      'expires-in': { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  switch (action) {
    case 'create': {
      if (!values.name) throw new CliError('keys create needs --name');
      const expiresIn = values['expires-in'] === undefined ? undefined : parseDuration(values['expires-in']);
      return withState(values.config, async ({ store, secrets }) => {
        const now = Date.now();
        const roles = splitList(values.roles);
        const { key, record } = await createApiKey(
          store.apiKeys,
          secrets.pepper,
          {
            name: values.name as string,
            models: splitList(values.models),
            ...(roles.length > 0 ? { roles } : {}),
            ...(values.tenant ? { tenant: values.tenant } : {}),
            expiresAt: expiresIn === undefined ? null : now + expiresIn,
          },
          now,
        );
        if (values.json) process.stdout.write(`${JSON.stringify({ id: record.id, key, name: record.name, expiresAt: record.expiresAt })}\n`);
        else process.stdout.write(`Created key ${record.id} (${record.name}). It is shown only now:\n\n  ${key}\n\n`);
        return 0;
      });
    }
    case 'list':
      return withState(values.config, async ({ store }) => {
        const keys = await store.apiKeys.list();
        if (values.json) {
          process.stdout.write(`${JSON.stringify(keys.map(({ hash: _hash, ...rest }) => rest))}\n`);
          return 0;
        }
        for (const k of keys) {
          const state = k.revokedAt !== null ? 'revoked' : k.expiresAt !== null && k.expiresAt <= Date.now() ? 'expired' : 'active';
          const used = k.lastUsedAt === null ? 'never used' : `last used ${new Date(k.lastUsedAt).toISOString()}`;
          process.stdout.write(`${k.id}  ${state.padEnd(7)}  ${k.name}  models=${k.models.join(',') || '*'}  ${used}\n`);
        }
        return 0;
      });
    case 'revoke': {
      const id = positionals[0];
      if (!id) throw new CliError('keys revoke needs the key id');
      return withState(values.config, async ({ store }) => {
        if (!(await store.apiKeys.revoke(id, Date.now()))) throw new CliError(`no active key with id ${id}`);
        process.stdout.write(`Revoked ${id}.\n`);
        return 0;
      });
    }
    default:
      throw new CliError('usage: portcullis keys create|list|revoke --config FILE ...');
  }
}
