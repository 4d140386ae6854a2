/**
 * Operator management on the admin listener: list, add, disable/enable and reset MFA. Every one
 * is a sensitive action (issue 3: "manage operators"), so each needs a TOTP step-up within the
 * window, reading the list included — it names who can administer the gateway. Enrolment secrets
 * (TOTP URI, recovery codes) are in the answer once and never logged.
 */
import type { IncomingMessage } from 'node:http';
import { GatewayError } from '../errors.js';
import type { OperatorService } from '../identity/operators.js';
import type { Logger } from '../log.js';
import { sendJson } from '../server/http.js';
import type { OperatorRecord, Store } from '../store/types.js';
import type { Caller, Route } from './server.js';
import { noteOf } from '../audit/admin-audit.js';

export interface OperatorRoutesDeps {
  readonly store: Store;
  readonly operators: OperatorService;
  readonly log: Logger;
  /** The JSON body of a request, parsed and bounded like every other admin body. */
  readonly body: (req: IncomingMessage) => Promise<Record<string, unknown>>;
}

/** Same rule as operator names (identity/operators.ts); anything else is a 404, not a lookup. */
const NAME = '([a-z0-9][a-z0-9._-]{0,63})';

export function operatorRoutes(deps: OperatorRoutesDeps): Route[] {
  const { store, operators, log } = deps;
  const byName = async (name: string): Promise<OperatorRecord> => {
    const operator = await store.operators.getByName(name);
    if (!operator) throw new GatewayError('PC_ERR_NOT_FOUND');
    return operator;
  };
  const who = (caller: Caller | undefined): string => (caller as Caller).operator.name;

  return [
    {
      method: 'GET',
      pattern: /^\/admin\/v1\/operators$/,
      auth: 'step-up',
      async run({ res }) {
        sendJson(res, 200, { data: (await store.operators.list()).map(publicOperator) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/admin\/v1\/operators$/,
      auth: 'step-up',
      async run({ req, res, caller }) {
        const { name, password } = await deps.body(req);
        if (typeof name !== 'string' || typeof password !== 'string' || password.length > 1024) throw new GatewayError('PC_ERR_BAD_REQUEST');
        if (await store.operators.getByName(name)) throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: 'operator name taken' });
        let enrolment;
        try {
          enrolment = await operators.create(name, password);
        } catch (err) {
          if (err instanceof TypeError) throw new GatewayError('PC_ERR_BAD_REQUEST', { detail: err.message });
          throw err;
        }
        noteOf(req).target = { kind: 'operator', id: name };
        log.info({ operator: who(caller), target: name }, 'admin added an operator');
        sendJson(res, 201, { ...publicOperator(enrolment.operator), otpauth_uri: enrolment.otpauthUri, recovery_codes: enrolment.recoveryCodes });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/admin/v1/operators/${NAME}/(disable|enable)$`),
      auth: 'step-up',
      async run({ res, params, caller }) {
        const [name, action] = params as [string, 'disable' | 'enable'];
        // Disabling oneself would end this very session; another operator must do it.
        if (action === 'disable' && name === who(caller)) throw new GatewayError('PC_ERR_FORBIDDEN', { detail: 'an operator cannot disable itself' });
        const updated = await operators.setDisabled((await byName(name)).name, action === 'disable');
        log.info({ operator: who(caller), target: name }, `admin ${action}d an operator`);
        sendJson(res, 200, publicOperator(updated as OperatorRecord));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/admin/v1/operators/${NAME}/reset-mfa$`),
      auth: 'step-up',
      async run({ res, params, caller }) {
        const name = params[0] as string;
        await byName(name);
        const enrolment = await operators.resetMfa(name);
        if (!enrolment) throw new GatewayError('PC_ERR_NOT_FOUND');
        log.info({ operator: who(caller), target: name }, 'admin reset an operator\'s MFA');
        sendJson(res, 200, { ...publicOperator(enrolment.operator), recovery_codes_left: enrolment.recoveryCodes.length, otpauth_uri: enrolment.otpauthUri, recovery_codes: enrolment.recoveryCodes });
      },
    },
  ];
}

/** An operator as admins see it: never a hash or a sealed secret. */
function publicOperator(o: OperatorRecord): object {
  return {
    id: o.id,
    name: o.name,
    created_at: new Date(o.createdAt).toISOString(),
    disabled_at: o.disabledAt === null ? null : new Date(o.disabledAt).toISOString(),
    recovery_codes_left: o.recoveryHashes.length,
  };
}
