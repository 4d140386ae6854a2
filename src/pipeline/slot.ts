/**
 * A value a stage keeps for one request, for its later hooks or another stage (an identity lease,
 * the authorization the tool-call check repeats). It lives on the request's context object, in
 * a small array indexed by slot, so it goes exactly when the request does.
 *
 * Not a `WeakMap` keyed by the context, as these were: every request's context is a new
 * young object, and a `WeakMap.set` on such a key cost about 0.7 µs of CPU (the ephemeron table
 * grows with every request until a collection clears it, and collections pay for each entry);
 * two of them were about 2% of the core gateway's CPU (docs/performance.md, "Session 7 — Second
 * pass"). A context that cannot take the array (a frozen one) makes `set` throw, which the runner
 * turns into a denial, and `get` then finds nothing: both fail closed.
 */
import type { StageContext } from './types.js';

/** Where slots live on a context; `RequestState` declares it so its shape never changes. */
interface WithSlots {
  slots?: unknown[] | undefined;
}

let nextIndex = 0;

/** Made once per stage (at start-up), never per request: each slot takes the next index of every context's array. */
export class RequestSlot<T> {
  private readonly index = nextIndex++;

  get(ctx: StageContext): T | undefined {
    return (ctx as WithSlots).slots?.[this.index] as T | undefined;
  }

  set(ctx: StageContext, value: T): void {
    const holder = ctx as WithSlots;
    (holder.slots ??= [])[this.index] = value;
  }

  delete(ctx: StageContext): void {
    const slots = (ctx as WithSlots).slots;
    if (slots !== undefined && this.index < slots.length) slots[this.index] = undefined;
  }
}
