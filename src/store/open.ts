/** Picks the store backend from `storage.url`. */
import { resolve } from 'node:path';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export function openStore(url: string, baseDir: string = process.cwd()): Store {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return openSqliteStore(path === ':memory:' ? path : resolve(baseDir, path));
  }
  if (url.startsWith('postgres:') || url.startsWith('postgresql:')) {
    return openPostgresStore(url);
  }
  throw new Error(`storage.url: unsupported scheme in ${url.split(':')[0] ?? url}`);
}
