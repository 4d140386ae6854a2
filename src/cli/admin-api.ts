/**
 * The CLI's way through the admin API (`--admin-url URL`, session token in PORTCULLIS_ADMIN_TOKEN)
 * for `keys` and `operators`, instead of opening the store directly. The token is read from the
 * environment only: a flag would show it to every user of `ps`. Refusals surface as their stable
 * code; the direct-store mode stays for bootstrap (the first operator) and single-host setups.
 */
import { CliError } from './util.js';

export const ADMIN_TOKEN_ENV = 'PORTCULLIS_ADMIN_TOKEN';

export interface AdminApi {
  call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

const HINTS: Readonly<Record<string, string>> = {
  PC_ERR_MFA_REQUIRED: '; step up first: POST /admin/v1/session/step-up with a fresh TOTP code',
  PC_ERR_UNAUTHENTICATED: `; sign in (POST /admin/v1/session) and put the session token in ${ADMIN_TOKEN_ENV}`,
};

/** The admin API client when `--admin-url` is given; undefined means direct-store mode. */
export function adminApi(url: string | undefined, env: NodeJS.ProcessEnv = process.env): AdminApi | undefined {
  if (url === undefined) return undefined;
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new CliError(`--admin-url: not a URL: ${url}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new CliError('--admin-url must be http(s)://');
  const token = env[ADMIN_TOKEN_ENV];
  if (!token) throw new CliError(`--admin-url needs an operator session token in ${ADMIN_TOKEN_ENV}`);
  const root = base.toString().replace(/\/+$/, '');
  return {
    async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
      let res: Response;
      try {
        res = await fetch(`${root}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: AbortSignal.timeout(30_000),
        });
      } catch (err) {
        throw new CliError(`cannot reach the admin API at ${root}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (res.status === 204) return undefined as T;
      const parsed = (await res.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
      if (!res.ok) {
        const code = parsed?.error?.code ?? `HTTP ${res.status}`;
        throw new CliError(`admin API refused: ${code} (${res.status})${HINTS[code] ?? ''}`);
      }
      return parsed as T;
    },
  };
}

/** An ISO time from the admin API as epoch milliseconds (null stays null). */
export const epochMs = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));
