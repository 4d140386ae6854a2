/**
 * A request's cancellation, without an `AbortController` per request. Every data-plane request
 * must be cancellable (client gone, request finished with an error), but almost none is ever
 * cancelled; Node's `AbortSignal` is an `EventTarget`, and making one per request, adding the
 * upstream call's listener and removing it again cost about 4% of the core gateway's CPU. A
 * `Cancellation` is a flag and a short list of callbacks; a real `AbortSignal` is made only when
 * something asks for one (`signal`: a stage, a backoff timer, a streamed upstream request) and
 * is then aborted together with it.
 */

/** What a cancellable call accepts: a real signal, or a request's {@link Cancellation}. */
export type CancelSource = AbortSignal | Cancellation;

export class Cancellation {
  #aborted = false;
  #reason: unknown = undefined;
  #listeners: (() => void)[] = [];
  #controller: AbortController | undefined;

  get aborted(): boolean {
    return this.#aborted;
  }

  /** Why it was aborted (an `AbortError` DOMException when no reason was given); undefined before. */
  get reason(): unknown {
    return this.#reason;
  }

  /** An `AbortSignal` that follows this cancellation, made on first use. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /**
   * Aborts once: later calls do nothing. Callbacks run in the order they were added. A callback
   * that throws does not stop the others or the signal (each one may be what stops an upstream
   * call); the first error is thrown once all have run.
   */
  abort(reason?: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    // The same default reason as AbortController.abort(), so callers cannot tell the two apart.
    this.#reason = reason ?? new DOMException('This operation was aborted', 'AbortError');
    const listeners = this.#listeners;
    this.#listeners = [];
    let failed: { error: unknown } | undefined;
    for (const listener of listeners) {
      try {
        listener();
      } catch (error) {
        failed ??= { error };
      }
    }
    this.#controller?.abort(this.#reason);
    if (failed) throw failed.error;
  }

  /**
   * Calls `listener` once when aborted; returns the function that removes it. Like an
   * `AbortSignal`, a listener added after the abort is never called: check `aborted` first.
   */
  onAbort(listener: () => void): () => void {
    if (this.#aborted) return noop;
    this.#listeners.push(listener);
    return () => {
      const at = this.#listeners.indexOf(listener);
      if (at !== -1) this.#listeners.splice(at, 1);
    };
  }
}

function noop(): void {}

/** Calls `listener` once when `source` aborts; returns the function that removes it. */
export function onAbort(source: CancelSource, listener: () => void): () => void {
  if (source instanceof Cancellation) return source.onAbort(listener);
  source.addEventListener('abort', listener, { once: true });
  return () => source.removeEventListener('abort', listener);
}

/** `source` as a real `AbortSignal`, for APIs that need one (timers, `events.once`, undici's `request`). */
export function abortSignalOf(source: CancelSource): AbortSignal {
  return source instanceof Cancellation ? source.signal : source;
}
