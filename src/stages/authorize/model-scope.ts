/**
 * Authorize stage (until the policy engine arrives): a credential scoped to some models may use
 * only those. A refusal looks exactly like an unknown model, so scopes do not reveal which models
 * exist.
 */
import type { Principal, Stage, Verdict } from '../../pipeline/types.js';
import type { CanonicalRequest } from '../../canonical/types.js';

export function mayUseModel(principal: Principal | undefined, model: string): boolean {
  if (!principal) return false;
  return principal.models.length === 0 || principal.models.includes(model);
}

export function modelScopeStage(): Stage {
  return {
    name: 'model-scope',
    phase: 'authorize',
    onRequest(ctx, request: CanonicalRequest): Verdict<CanonicalRequest> {
      if (mayUseModel(ctx.principal, request.model)) return { action: 'pass' };
      return { action: 'deny', code: 'PC_ERR_MODEL_NOT_FOUND', reasons: ['model-out-of-scope'] };
    },
  };
}
