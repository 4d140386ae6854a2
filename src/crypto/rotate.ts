/**
 * Re-encryption after a master-key change: every sealed store value (store/sealed.ts) that is not
 * under the current master's data key is opened with whichever keyring key sealed it and sealed
 * again under the current one, one row at a time (compare-and-swap), so running gateways keep
 * working throughout: they hold both keys and read either. Never reports a value, only ids.
 */
import { SEALED_KINDS, sealedContext, type SealedKind } from '../store/sealed.js';
import type { Store } from '../store/types.js';
import type { Keyring } from './keyring.js';
import { openBytes, sealBytes } from './seal.js';

export interface RotationReport {
  readonly currentKeyId: string;
  /** Re-encrypted under the current key, per kind. */
  readonly rewrapped: Record<SealedKind, number>;
  /** Already under the current key. */
  readonly current: Record<SealedKind, number>;
  /** Changed by someone else meanwhile (left alone; run again). */
  readonly raced: Record<SealedKind, number>;
  /** Sealed under a key not on the keyring, or damaged: `kind:id`. */
  readonly unreadable: readonly string[];
}

const zero = (): Record<SealedKind, number> => ({ secret: 0, 'signing-key': 0, 'operator-totp': 0 });

export async function reencryptStore(store: Store, keyring: Keyring, options: { dryRun?: boolean } = {}): Promise<RotationReport> {
  const sealer = keyring.sealer('store');
  const report = { currentKeyId: sealer.id, rewrapped: zero(), current: zero(), raced: zero(), unreadable: [] as string[] };
  for (const kind of SEALED_KINDS) {
    for (const { id, sealed } of await store.sealed.list(kind)) {
      if (keyring.isCurrent(sealed, 'store')) {
        report.current[kind]++;
        continue;
      }
      const context = sealedContext(kind, id);
      let plaintext: Buffer;
      try {
        plaintext = openBytes(sealer, sealed, context);
      } catch {
        report.unreadable.push(`${kind}:${id}`);
        continue;
      }
      const next = sealBytes(sealer, plaintext, context);
      plaintext.fill(0);
      if (options.dryRun) report.rewrapped[kind]++;
      else if (await store.sealed.replace(kind, id, sealed, next)) report.rewrapped[kind]++;
      else report.raced[kind]++;
    }
  }
  return report;
}
