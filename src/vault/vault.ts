/**
 * The tokenisation vault: for each conversation, which placeholder stands for which value.
 *
 * In process, bounded, encrypted. Why not the store: a mapping is only ever needed by the
 * gateway instance answering the request, and only for a conversation's lifetime; keeping it in
 * memory means no sensitive value reaches a disk even encrypted, and no store round trip is added
 * to a request. What a restart or another instance loses is little: placeholders are numbered in
 * the order values first appear, and clients re-send the whole conversation each turn, so an
 * instance without the mapping numbers an append-only history the same way again.
 *
 * Each value is sealed (AES-256-GCM, the keyring's `vault` data key) with its entry's identity
 * `vault:<scope>:<placeholder>` as associated data; values are found by an HMAC of type and value,
 * never by the value itself. Scopes are HMACs of tenant, principal and the client's conversation
 * id, so one principal cannot address another's entries. Entries expire `ttlMs` after they were
 * last written or seen again in a prompt; an expired entry is never restored. Bounds: entries per
 * conversation and entries in total (least recently used conversations go first).
 */
import { createHmac } from 'node:crypto';
import { open, seal, type SealingKey } from '../crypto/seal.js';
import { placeholder } from './placeholder.js';

export interface VaultOptions {
  /** The keyring's `vault` sealer. */
  readonly sealing: SealingKey;
  /** HMAC key of value and scope indexes (the keyring's `vault-index` data key). */
  readonly indexKey: Buffer;
  readonly ttlMs: number;
  readonly maxEntriesPerConversation: number;
  readonly maxEntries: number;
  readonly now?: () => number;
}

interface Entry {
  readonly sealed: string;
  readonly digest: string;
  expiresAt: number;
}

interface Conversation {
  readonly byName: Map<string, Entry>;
  /** HMAC(type, value) → placeholder. */
  readonly byDigest: Map<string, string>;
  /** Next number per type; never reset, so a number is never reused for another value. */
  readonly next: Map<string, number>;
  touchedAt: number;
}

export class TokenVault {
  private readonly conversations = new Map<string, Conversation>();
  private entries = 0;
  private readonly now: () => number;

  constructor(private readonly options: VaultOptions) {
    if (!(options.ttlMs > 0) || options.maxEntries < 1 || options.maxEntriesPerConversation < 1) throw new TypeError('vault bounds must be positive');
    this.now = options.now ?? Date.now;
  }

  /** Entries held (expired ones included until they are next looked at or evicted). */
  get size(): number {
    return this.entries;
  }

  /** The scope id of a principal's conversation; never contains the inputs. */
  scope(tenant: string, principal: string, conversation: string): string {
    return createHmac('sha256', this.options.indexKey).update(`scope\0${tenant}\0${principal}\0${conversation}`).digest('base64url');
  }

  /** The conversation's placeholder for `value`, a new one when it has none; undefined when the conversation is full. */
  assign(scope: string, type: string, value: string): string | undefined {
    const now = this.now();
    const conv = this.conversation(scope, now, true) as Conversation;
    const digest = this.digest(type, value);
    const known = conv.byDigest.get(digest);
    if (known !== undefined) {
      const entry = conv.byName.get(known);
      if (entry && entry.expiresAt > now) {
        entry.expiresAt = now + this.options.ttlMs;
        return known;
      }
    }
    this.prune(conv, now);
    if (conv.byName.size >= this.options.maxEntriesPerConversation) return undefined;
    const n = conv.next.get(type) ?? 1;
    conv.next.set(type, n + 1);
    const name = placeholder(type, n);
    conv.byName.set(name, { sealed: seal(this.options.sealing, value, entryContext(scope, name)), digest, expiresAt: now + this.options.ttlMs });
    conv.byDigest.set(digest, name);
    this.entries++;
    this.evict(scope);
    return name;
  }

  /** The value behind `name` in this conversation, unless unknown or expired. */
  lookup(scope: string, name: string): string | undefined {
    const now = this.now();
    const conv = this.conversation(scope, now, false);
    const entry = conv?.byName.get(name);
    if (!conv || !entry) return undefined;
    if (entry.expiresAt <= now) {
      this.drop(conv, name, entry);
      return undefined;
    }
    return open(this.options.sealing, entry.sealed, entryContext(scope, name));
  }

  private digest(type: string, value: string): string {
    return createHmac('sha256', this.options.indexKey).update(`value\0${type}\0${value}`).digest('base64url');
  }

  private conversation(scope: string, now: number, create: boolean): Conversation | undefined {
    let conv = this.conversations.get(scope);
    if (conv) {
      // Least recently used first in iteration order.
      this.conversations.delete(scope);
      this.conversations.set(scope, conv);
    } else if (create) {
      conv = { byName: new Map(), byDigest: new Map(), next: new Map(), touchedAt: now };
      this.conversations.set(scope, conv);
    }
    if (conv) conv.touchedAt = now;
    return conv;
  }

  private drop(conv: Conversation, name: string, entry: Entry): void {
    conv.byName.delete(name);
    if (conv.byDigest.get(entry.digest) === name) conv.byDigest.delete(entry.digest);
    this.entries--;
  }

  private prune(conv: Conversation, now: number): void {
    for (const [name, entry] of conv.byName) if (entry.expiresAt <= now) this.drop(conv, name, entry);
  }

  /**
   * Drops least recently used conversations (never `keep`) until the bounds hold: entries, and
   * conversations too (one whose entries all expired still holds its counters).
   */
  private evict(keep: string): void {
    const over = (): boolean => this.entries > this.options.maxEntries || this.conversations.size > this.options.maxEntries;
    if (!over()) return;
    const now = this.now();
    for (const [scope, conv] of this.conversations) {
      if (!over()) break;
      if (scope === keep) continue;
      this.entries -= conv.byName.size;
      this.conversations.delete(scope);
    }
    // Still over (one huge conversation): expired entries of the kept one.
    const kept = this.conversations.get(keep);
    if (kept && this.entries > this.options.maxEntries) this.prune(kept, now);
  }
}

function entryContext(scope: string, name: string): string {
  return `vault:${scope}:${name}`;
}
