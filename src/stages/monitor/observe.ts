/**
 * Input phase: scores the request against its principal's baseline (monitor/scorer.ts) and records
 * the score and its top reasons in the decision. Monitoring never changes a request's outcome, so
 * this stage always passes and is fail-open by design: an error in scoring is logged by the
 * runner and the request goes on (enforcement is the job of the incident rules and their stage).
 */
import { textOf, type CanonicalRequest } from '../../canonical/types.js';
import type { AnomalyScorer, RequestEvent, Score } from '../../monitor/scorer.js';
import type { Stage, StageContext, Verdict } from '../../pipeline/types.js';

export interface ObserveStageOptions {
  readonly scorer: AnomalyScorer;
  readonly now?: () => number;
  /** Called with each score (model monitoring, tests). */
  readonly onScore?: (ctx: StageContext, score: Score) => void;
}

const PASS: Verdict<CanonicalRequest> = Object.freeze({ action: 'pass' });

export function observeStage(options: ObserveStageOptions): Stage {
  const now = options.now ?? Date.now;
  const { scorer } = options;
  // A principal on a sustained spike gets the same score object request after request
  // (scorer.ts); its verdict is then the same too, so it is built once, not per request.
  let lastScore: Score | undefined;
  let lastVerdict: Verdict<CanonicalRequest> = PASS;
  return {
    name: 'monitor-score',
    phase: 'input',
    failOpen: true,
    onRequest(ctx: StageContext, request: CanonicalRequest): Verdict<CanonicalRequest> {
      if (!ctx.principal) return PASS;
      const score = scorer.observeRequest(requestEvent(ctx, request, now(), ctx.context?.clientIp ?? ctx.sourceIp, ctx.context?.country));
      options.onScore?.(ctx, score);
      if (score.score === 0) return PASS;
      if (score !== lastScore) {
        lastScore = score;
        lastVerdict = Object.freeze({ action: 'pass', reasons: Object.freeze([`risk:${score.score}`, ...score.reasons]) });
      }
      return lastVerdict;
    },
  };
}

/** The parts of a request scoring needs, built in one object; reads each text part once. */
function requestEvent(ctx: StageContext, request: CanonicalRequest, at: number, ip: string, country: string | undefined): RequestEvent {
  const { requestId, principal } = ctx;
  const route = request.model;
  if (request.kind === 'embed') {
    let chars = 0;
    for (const s of request.input) chars += s.length;
    return { requestId, principal, route, at, ip, country, prompt: request.input[0] ?? '', promptChars: chars, sampling: false };
  }
  let chars = 0;
  let lastUser: (typeof request.messages)[number] | undefined;
  for (const m of request.messages) {
    for (const part of m.content) if (part.type === 'text') chars += part.text.length;
    if (m.role === 'user') lastUser = m;
  }
  const prompt = lastUser ? textOf(lastUser.content) : '';
  const sampling = request.logprobs === true || (request.topLogprobs ?? 0) > 0 || (request.n ?? 1) > 1;
  return { requestId, principal, route, at, ip, country, prompt, promptChars: chars, sampling };
}
