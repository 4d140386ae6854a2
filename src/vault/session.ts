/**
 * One request's view of tokenisation: assigns placeholders while the prompt is inspected and
 * restores them in the answer. With a conversation scope the mapping lives in the vault (shared by
 * the conversation's requests); without one it lives only in this request. Values this request
 * tokenised are kept for its own lifetime, so an answer still streaming when its entries expire is
 * restored whole; earlier turns' values come from the vault while they have not expired.
 */
import type { TokenVault } from './vault.js';
import { placeholder } from './placeholder.js';

export class TokenSession {
  private readonly own = new Map<string, string>();
  private readonly byValue = new Map<string, string>();
  private readonly next = new Map<string, number>();
  private assigned = 0;

  constructor(
    private readonly vault: TokenVault | undefined,
    private readonly scope: string | undefined,
    private readonly maxLocal = 1_000,
  ) {}

  /** How many values this request replaced by placeholders. */
  get count(): number {
    return this.assigned;
  }

  /** The placeholder for `value`; undefined when no more can be held (the caller masks instead). */
  placeholderFor(type: string, value: string): string | undefined {
    const key = `${type}\0${value}`;
    let name = this.byValue.get(key);
    if (name === undefined) {
      if (this.vault && this.scope !== undefined) {
        name = this.vault.assign(this.scope, type, value);
      } else if (this.own.size < this.maxLocal) {
        const n = this.next.get(type) ?? 1;
        this.next.set(type, n + 1);
        name = placeholder(type, n);
      }
      if (name === undefined) return undefined;
      this.byValue.set(key, name);
      this.own.set(name, value);
    }
    this.assigned++;
    return name;
  }

  /** The value behind a placeholder of this conversation, or undefined (unknown, another scope's, expired). */
  valueOf(name: string): string | undefined {
    const mine = this.own.get(name);
    if (mine !== undefined) return mine;
    if (!this.vault || this.scope === undefined) return undefined;
    const value = this.vault.lookup(this.scope, name);
    if (value !== undefined) this.own.set(name, value);
    return value;
  }
}
