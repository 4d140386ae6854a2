/** Reversible tokenisation: placeholders (placeholder.ts), the vault (vault.ts), per-request sessions (session.ts). */
import type { z } from 'zod';
import type { vaultSchema } from '../config/guards.js';
import type { Keyring } from '../crypto/keyring.js';
import { TokenVault } from './vault.js';

export { CONVERSATION_HEADER } from './scope.js';

export function createTokenVault(cfg: z.output<typeof vaultSchema>, keyring: Keyring): TokenVault {
  return new TokenVault({
    sealing: keyring.sealer('vault'),
    indexKey: keyring.dataKey('vault-index'),
    ttlMs: cfg.ttlSeconds * 1000,
    maxEntries: cfg.maxEntries,
    maxEntriesPerConversation: cfg.maxEntriesPerConversation,
  });
}
