/**
 * Runs an external detector under its own budget and turns the result into a stage outcome: a
 * flagged verdict blocks or is recorded (the route's action); an error or timeout denies with
 * PC_ERR_GUARD_FAILED / PC_ERR_GUARD_TIMEOUT unless the detector is explicitly `failOpen`, and
 * either way the reason says so.
 */
import type { ErrorCode } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { DetectorInput, ExternalDetector } from './detector.js';

export type DetectorOutcome = { readonly ok: true; readonly reasons: readonly string[] } | { readonly ok: false; readonly code: ErrorCode; readonly reasons: readonly string[] };

class DetectorTimeout extends Error {}

export async function runDetector(detector: ExternalDetector, action: 'block' | 'log-only', input: DetectorInput, where: string, parent: AbortSignal, log: Logger): Promise<DetectorOutcome> {
  const controller = new AbortController();
  const onParentAbort = (): void => controller.abort(parent.reason);
  parent.addEventListener('abort', onParentAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new DetectorTimeout());
        controller.abort();
      }, detector.timeoutMs);
    });
    const verdict = await Promise.race([detector.classify(input, controller.signal, log), timeout]);
    const categories = verdict.categories.join('+') || 'none';
    if (!verdict.unsafe) return { ok: true, reasons: [] };
    const blocking = detector.blockCategories;
    const flagged = blocking === undefined || verdict.categories.some((c) => blocking.has(c));
    if (!flagged) return { ok: true, reasons: [`${detector.name}:unsafe:${categories}:not-blocked@${where}`] };
    const score = verdict.score === undefined ? '' : `:${Math.round(verdict.score * 1e4) / 1e4}`;
    const reason = `${detector.name}:unsafe:${categories}${score}:${action}@${where}`;
    return action === 'block' ? { ok: false, code: 'PC_ERR_UNSAFE_CONTENT', reasons: [reason] } : { ok: true, reasons: [reason] };
  } catch (err) {
    const timedOut = err instanceof DetectorTimeout;
    const what = timedOut ? 'timeout' : 'error';
    // The message only: it never carries the judged text (see llm.ts), the error object may.
    log.warn({ detector: detector.name, timedOut, error: timedOut ? undefined : (err as Error).message, ms: Math.round(performance.now() - started) }, 'guard detector failed');
    if (detector.failOpen) return { ok: true, reasons: [`${detector.name}:${what}:fail-open@${where}`] };
    return { ok: false, code: timedOut ? 'PC_ERR_GUARD_TIMEOUT' : 'PC_ERR_GUARD_FAILED', reasons: [`${detector.name}:${what}:deny@${where}`] };
  } finally {
    clearTimeout(timer);
    parent.removeEventListener('abort', onParentAbort);
  }
}

/** Runs several detectors on one input in parallel; any denial denies (all reasons kept). */
export async function runDetectors(uses: readonly { readonly detector: ExternalDetector; readonly action: 'block' | 'log-only' }[], input: DetectorInput, where: string, signal: AbortSignal, log: Logger): Promise<DetectorOutcome> {
  const outcomes = await Promise.all(uses.map((u) => runDetector(u.detector, u.action, input, where, signal, log)));
  const reasons = outcomes.flatMap((o) => o.reasons);
  const denied = outcomes.find((o) => !o.ok);
  return denied === undefined || denied.ok ? { ok: true, reasons } : { ok: false, code: denied.code, reasons };
}
