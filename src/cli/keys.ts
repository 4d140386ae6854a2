/**
 * `portcullis keys create|list|revoke|rotate`: on the store of `--config FILE` directly, or
 * through the admin API with `--admin-url URL` (operator session in PORTCULLIS_ADMIN_TOKEN).
 */
import { createApiKey, rotateApiKey } from '../identity/api-keys.js';
import type { ApiKeyRecord } from '../store/types.js';
import { adminApi, epochMs } from './admin-api.js';
import { CliError, parse, parseDuration, splitList, withState } from './util.js';

/** A key as the admin API shows it (admin/server.ts `publicKey`). */
interface PublicKey {
  id: string;
  name: string;
  principal_id: string;
  tenant: string;
  roles: string[];
  models: string[];
  operations: string[];
  cidrs: string[];
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

type KeyView = Omit<ApiKeyRecord, 'hash' | 'principalKind'> & { readonly principalKind?: ApiKeyRecord['principalKind'] };

const fromPublic = (k: PublicKey): KeyView => ({
  id: k.id,
  name: k.name,
  principalId: k.principal_id,
  tenant: k.tenant,
  roles: k.roles,
  models: k.models,
  operations: k.operations,
  cidrs: k.cidrs,
  createdAt: epochMs(k.created_at) as number,
  expiresAt: epochMs(k.expires_at),
  revokedAt: epochMs(k.revoked_at),
  lastUsedAt: epochMs(k.last_used_at),
});

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
      'admin-url': { type: 'string' },
    },
    true,
  );
  const api = adminApi(values['admin-url']);
  switch (action) {
    case 'create': {
      if (!values.name) throw new CliError('keys create needs --name');
      const expiresIn = values['expires-in'] === undefined ? undefined : parseDuration(values['expires-in']);
      const print = (id: string, key: string, name: string, expiresAt: number | null): number => {
        if (values.json) process.stdout.write(`${JSON.stringify({ id, key, name, expiresAt })}\n`);
        else process.stdout.write(`Created key ${id} (${name}). It is shown only now:\n\n  ${key}\n\n`);
        return 0;
      };
      if (api) {
        const roles = splitList(values.roles);
        const created = await api.call<PublicKey & { key: string }>('POST', '/admin/v1/keys', {
          name: values.name,
          models: splitList(values.models),
          operations: splitList(values.operations),
          cidrs: splitList(values.cidrs),
          ...(roles.length > 0 ? { roles } : {}),
          ...(values.tenant ? { tenant: values.tenant } : {}),
          ...(expiresIn !== undefined ? { expires_in_sec: Math.max(1, Math.ceil(expiresIn / 1000)) } : {}),
        });
        return print(created.id, created.key, created.name, epochMs(created.expires_at));
      }
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
        return print(created.record.id, created.key, created.record.name, created.record.expiresAt);
      });
    }
    case 'list':
      if (api) return printKeys((await api.call<{ data: PublicKey[] }>('GET', '/admin/v1/keys')).data.map(fromPublic), values.json === true);
      return withState(values.config, async ({ store }) => printKeys((await store.apiKeys.list()).map(({ hash: _hash, ...rest }) => rest), values.json === true));
    case 'revoke': {
      const id = positionals[0];
      if (!id) throw new CliError('keys revoke needs the key id');
      if (api) {
        await api.call('DELETE', `/admin/v1/keys/${encodeURIComponent(id)}`).catch(notFound(id));
        process.stdout.write(`Revoked ${id}.\n`);
        return 0;
      }
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
      const print = (nextId: string, key: string, previousExpiresAt: number): number => {
        const until = new Date(previousExpiresAt).toISOString();
        if (values.json) process.stdout.write(`${JSON.stringify({ id: nextId, key, previous: id, previousExpiresAt })}\n`);
        else process.stdout.write(`Rotated ${id} → ${nextId}; ${id} keeps working until ${until}. The new key is shown only now:\n\n  ${key}\n\n`);
        return 0;
      };
      if (api) {
        const rotated = await api
          .call<PublicKey & { key: string; previous: { expires_at: string } }>('POST', `/admin/v1/keys/${encodeURIComponent(id)}/rotate`, { overlap_sec: Math.round(overlap / 1000) })
          .catch(notFound(id));
        return print(rotated.id, rotated.key, epochMs(rotated.previous.expires_at) as number);
      }
      return withState(values.config, async ({ store, secrets }) => {
        const rotated = await rotateApiKey(store.apiKeys, secrets.pepper, id, overlap, Date.now());
        if (!rotated) throw new CliError(`no active key with id ${id}`);
        return print(rotated.record.id, rotated.key, rotated.oldExpiresAt);
      });
    }
    default:
      throw new CliError('usage: portcullis keys create|list|revoke|rotate (--config FILE | --admin-url URL) ...');
  }
}

function printKeys(keys: readonly KeyView[], json: boolean): number {
  if (json) {
    process.stdout.write(`${JSON.stringify(keys)}\n`);
    return 0;
  }
  for (const k of keys) {
    const state = k.revokedAt !== null ? 'revoked' : k.expiresAt !== null && k.expiresAt <= Date.now() ? 'expired' : 'active';
    const used = k.lastUsedAt === null ? 'never used' : `last used ${new Date(k.lastUsedAt).toISOString()}`;
    const scopes = `${k.operations.length > 0 ? `  ops=${k.operations.join(',')}` : ''}${k.cidrs.length > 0 ? `  cidrs=${k.cidrs.join(',')}` : ''}`;
    process.stdout.write(`${k.id}  ${state.padEnd(7)}  ${k.name}  models=${k.models.join(',') || '*'}  ${used}${scopes}\n`);
  }
  return 0;
}

/** The admin API answers 404 for a key that is unknown or no longer active. */
function notFound(id: string): (err: unknown) => never {
  return (err: unknown) => {
    if (err instanceof CliError && err.message.includes('PC_ERR_NOT_FOUND')) throw new CliError(`no active key with id ${id}`);
    throw err;
  };
}
