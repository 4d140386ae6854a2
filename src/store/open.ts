/** Picks the store backend from `storage.url`. */
import { resolve } from 'node:path';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export function openStore(url: string, baseDir: string = process.cwd()): Store {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return openSqliteStore(path === ':memory:' ? path : resolve(baseDir, path));
  }
  if (url.startsWith('postgres:') || url.startsWith('postgresql:')) {
    throw new Error('storage.url: the PostgreSQL backend is not available in this build yet');
  }
  throw new Error(`storage.url: unsupported scheme in ${url.split(':')[0] ?? url}`);
}
