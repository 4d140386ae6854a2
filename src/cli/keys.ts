/** `portcullis keys create|list|revoke|rotate`. */
import { createApiKey, rotateApiKey } from '../identity/api-keys.js';
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
      operations: { type: 'string' },
      cidrs: { type: 'string' },
      overlap: { type: 'string' },
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
        const created = await createApiKey(
          store.apiKeys,
          secrets.pepper,
          {
            name: values.name as string,
            models: splitList(values.models),
            ...(roles.length > 0 ? { roles } : {}),
            ...(values.tenant ? { tenant: values.tenant } : {}),
            expiresAt: expiresIn === undefined ? null : now + expiresIn,
            operations: splitList(values.operations),
            cidrs: splitList(values.cidrs),
          },
          now,
        ).catch((err: unknown) => {
          // Scope validation (unknown operation, bad CIDR) is a usage error.
          throw err instanceof TypeError ? new CliError(err.message) : err;
        });
        const { key, record } = created;
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
          const scopes = `${k.operations.length > 0 ? `  ops=${k.operations.join(',')}` : ''}${k.cidrs.length > 0 ? `  cidrs=${k.cidrs.join(',')}` : ''}`;
          process.stdout.write(`${k.id}  ${state.padEnd(7)}  ${k.name}  models=${k.models.join(',') || '*'}  ${used}${scopes}\n`);
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
    case 'rotate': {
      const id = positionals[0];
      if (!id) throw new CliError('keys rotate needs the key id');
      const overlap = parseDuration(values.overlap ?? '1h');
      return withState(values.config, async ({ store, secrets }) => {
        const rotated = await rotateApiKey(store.apiKeys, secrets.pepper, id, overlap, Date.now());
        if (!rotated) throw new CliError(`no active key with id ${id}`);
        const until = new Date(rotated.oldExpiresAt).toISOString();
        if (values.json) process.stdout.write(`${JSON.stringify({ id: rotated.record.id, key: rotated.key, previous: id, previousExpiresAt: rotated.oldExpiresAt })}\n`);
        else process.stdout.write(`Rotated ${id} → ${rotated.record.id}; ${id} keeps working until ${until}. The new key is shown only now:\n\n  ${rotated.key}\n\n`);
        return 0;
      });
    }
    default:
      throw new CliError('usage: portcullis keys create|list|revoke|rotate --config FILE ...');
  }
}
