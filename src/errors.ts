/**
 * The one error registry. Every error a client can see has a stable `PC_ERR_*` code, an HTTP
 * status and a safe public message; clients get the code, that message and the request id,
 * never a stack trace, an upstream body or `err.message` of an internal error.
 */

/** OpenAI-style error `type`; the Anthropic shape maps from it (see `anthropicErrorType`). */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'overloaded_error'
  | 'timeout_error';

interface ErrorSpec {
  readonly status: number;
  readonly type: ErrorType;
  readonly message: string;
}

export const ERRORS = {
  PC_ERR_BAD_JSON: { status: 400, type: 'invalid_request_error', message: 'The request body is not valid JSON.' },
  PC_ERR_BAD_REQUEST: { status: 400, type: 'invalid_request_error', message: 'The request body does not match the API schema.' },
  PC_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, type: 'invalid_request_error', message: 'Send the request body as application/json.' },
  PC_ERR_BODY_TOO_LARGE: { status: 413, type: 'request_too_large', message: 'The request body is larger than this gateway accepts.' },
  PC_ERR_REQUEST_TIMEOUT: { status: 408, type: 'timeout_error', message: 'The request was not received in time.' },
  PC_ERR_UNAUTHENTICATED: { status: 401, type: 'authentication_error', message: 'A valid API key or token is required.' },
  PC_ERR_FORBIDDEN: { status: 403, type: 'permission_error', message: 'The caller is not allowed to do this.' },
  PC_ERR_NOT_FOUND: { status: 404, type: 'not_found_error', message: 'No such endpoint.' },
  PC_ERR_MODEL_NOT_FOUND: { status: 404, type: 'not_found_error', message: 'The model does not exist or the caller may not use it.' },
  PC_ERR_METHOD_NOT_ALLOWED: { status: 405, type: 'invalid_request_error', message: 'The method is not allowed on this endpoint.' },
  PC_ERR_UNSUPPORTED_OPERATION: { status: 400, type: 'invalid_request_error', message: 'The model does not support this operation.' },
  PC_ERR_GUARD_FAILED: { status: 503, type: 'api_error', message: 'A security check could not complete, so the request was refused.' },
  PC_ERR_GUARD_TIMEOUT: { status: 503, type: 'api_error', message: 'A security check timed out, so the request was refused.' },
  PC_ERR_UPSTREAM_UNAVAILABLE: { status: 502, type: 'api_error', message: 'The model provider could not be reached.' },
  PC_ERR_UPSTREAM_TIMEOUT: { status: 504, type: 'timeout_error', message: 'The model provider did not answer in time.' },
  PC_ERR_UPSTREAM_ERROR: { status: 502, type: 'api_error', message: 'The model provider answered with an error.' },
  PC_ERR_UPSTREAM_BAD_REQUEST: { status: 400, type: 'invalid_request_error', message: 'The model provider rejected the request.' },
  PC_ERR_UPSTREAM_RATE_LIMITED: { status: 429, type: 'rate_limit_error', message: 'The model provider is rate limiting requests; retry later.' },
  PC_ERR_UPSTREAM_BAD_RESPONSE: { status: 502, type: 'api_error', message: 'The model provider sent a response this gateway could not read.' },
  PC_ERR_CIRCUIT_OPEN: { status: 503, type: 'overloaded_error', message: 'Every provider for this model is failing; retry later.' },
  PC_ERR_STREAM_BROKEN: { status: 502, type: 'api_error', message: 'The model provider broke off the stream.' },
  PC_ERR_NOT_READY: { status: 503, type: 'overloaded_error', message: 'The gateway is not ready.' },
  PC_ERR_INTERNAL: { status: 500, type: 'api_error', message: 'The gateway failed to handle the request.' },
  // Identity and access (issue 3). Every credential failure of one kind gets one code, so the
  // answer does not tell an attacker which check failed; the reason goes to the decision record.
  PC_ERR_TOKEN_INVALID: { status: 401, type: 'authentication_error', message: 'The access token is not valid.' },
  PC_ERR_DPOP_INVALID: { status: 401, type: 'authentication_error', message: 'A valid DPoP proof for this request is required.' },
  PC_ERR_UNSUPPORTED_GRANT_TYPE: { status: 400, type: 'invalid_request_error', message: 'Only grant_type=client_credentials is supported.' },
  PC_ERR_MFA_REQUIRED: { status: 403, type: 'permission_error', message: 'This action needs a recent TOTP step-up.' },
  PC_ERR_LOCKED_OUT: { status: 429, type: 'rate_limit_error', message: 'Too many failed sign-ins; retry later.' },
  PC_ERR_AUTH_THROTTLED: { status: 429, type: 'rate_limit_error', message: 'Too many failed authentication attempts; retry later.' },
  // Audit (issue 7): a regulated route refuses traffic it could not record.
  PC_ERR_AUDIT_UNAVAILABLE: { status: 503, type: 'api_error', message: 'The audit trail is unavailable, so the request was refused.' },
  PC_ERR_AUDIT_RECORD_INVALID: { status: 409, type: 'api_error', message: 'The audit record does not match its hashes or its payload does not open.' },
  // Guards in the request path (issues 5 and 6). 400, not 403 or 5xx: the content is refused, not
  // the caller, and the official SDKs do not retry a 4xx (a retry would send the same content again).
  PC_ERR_PROMPT_INJECTION: { status: 400, type: 'invalid_request_error', message: 'The request was refused because it looks like a prompt injection.' },
  PC_ERR_SENSITIVE_DATA: { status: 400, type: 'invalid_request_error', message: 'The request contains sensitive data this route does not accept.' },
  PC_ERR_OUTPUT_BLOCKED: { status: 400, type: 'invalid_request_error', message: 'The answer was withheld because it failed an output check.' },
  // Limits and quotas (issue 8). 429s carry Retry-After and x-ratelimit-* headers.
  PC_ERR_RATE_LIMITED: { status: 429, type: 'rate_limit_error', message: 'Rate limit reached; retry after the time in Retry-After.' },
  PC_ERR_QUOTA_EXCEEDED: { status: 429, type: 'rate_limit_error', message: 'The spending quota for this period is used up.' },
  PC_ERR_LIMITS_UNAVAILABLE: { status: 503, type: 'api_error', message: 'Rate limits could not be checked, so the request was refused.' },
  PC_ERR_PROMPT_LEAK: { status: 400, type: 'invalid_request_error', message: 'The answer was withheld because it reveals the system prompt.' },
  // Authorization (issue 4): the client learns only that policy refused, never which policy.
  // A refused model is PC_ERR_MODEL_NOT_FOUND instead, so policies do not reveal which models exist.
  PC_ERR_POLICY_DENIED: { status: 403, type: 'permission_error', message: 'The request is not allowed by policy.' },
  PC_ERR_TOOL_NOT_ALLOWED: { status: 403, type: 'permission_error', message: 'The request names a tool the caller may not use.' },
  PC_ERR_CONTENT_RULE: { status: 400, type: 'invalid_request_error', message: 'The request matches a content rule of this route.' },
  PC_ERR_OUTPUT_SCHEMA: { status: 400, type: 'invalid_request_error', message: 'The answer was withheld because it does not match the required JSON schema.' },
  PC_ERR_UNSAFE_CONTENT: { status: 400, type: 'invalid_request_error', message: 'The content was refused by a safety classifier.' },
  // Incident response (issue 8): enforcement set by a monitoring rule or an operator.
  PC_ERR_QUARANTINED: { status: 403, type: 'permission_error', message: 'This credential is quarantined after suspicious activity.' },
  PC_ERR_IP_BLOCKED: { status: 403, type: 'permission_error', message: 'Requests from this address are blocked.' },
  PC_ERR_THROTTLED: { status: 429, type: 'rate_limit_error', message: 'This caller is throttled after suspicious activity; retry later.' },
  PC_ERR_REAUTH_REQUIRED: { status: 401, type: 'authentication_error', message: 'Re-authenticate: request a new access token.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * An error that carries a registry code. Throw it anywhere on the request path; the server turns
 * it into the public error body. `detail` is for logs only and never reaches the client.
 */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly type: ErrorType;
  /** Seconds, sent as `Retry-After` when set. */
  readonly retryAfter: number | undefined;
  /** Extra response headers (e.g. `x-ratelimit-*`); never anything secret. */
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(code: ErrorCode, options: { detail?: string; cause?: unknown; retryAfter?: number; headers?: Readonly<Record<string, string>> } = {}) {
    super(options.detail ?? ERRORS[code].message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.type = ERRORS[code].type;
    this.retryAfter = options.retryAfter;
    this.headers = options.headers;
  }

  /** The message a client may see: the registry's, never `detail`. */
  get publicMessage(): string {
    return ERRORS[this.code].message;
  }
}

/** Anything thrown becomes a GatewayError; unknown errors become PC_ERR_INTERNAL. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  return new GatewayError('PC_ERR_INTERNAL', { cause: err });
}

/** OpenAI error body: `{"error": {"message", "type", "code", "param", "request_id"}}`. */
export function openAIErrorBody(err: GatewayError, requestId: string): object {
  return { error: { message: err.publicMessage, type: err.type, code: err.code, param: null, request_id: requestId } };
}

/** Anthropic error body: `{"type": "error", "error": {"type", "message", "code"}, "request_id"}`. */
export function anthropicErrorBody(err: GatewayError, requestId: string): object {
  return { type: 'error', error: { type: anthropicErrorType(err), message: err.publicMessage, code: err.code }, request_id: requestId };
}

function anthropicErrorType(err: GatewayError): string {
  switch (err.type) {
    case 'timeout_error':
      return err.status === 408 ? 'invalid_request_error' : 'api_error';
    default:
      return err.type;
  }
}
