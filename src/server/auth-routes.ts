/**
 * `POST /v1/auth/token` and `GET /.well-known/jwks.json`. The token endpoint is an OAuth 2.0
 * client-credentials style grant (RFC 6749 §4.4): the caller has already been authenticated by
 * the identity stage with its API key or an external OIDC token, sends
 * `grant_type=client_credentials` (form or JSON), and gets a short-lived gateway JWT. With a DPoP
 * proof (RFC 9449 §5) the token is bound to the proof's key and typed `DPoP`. A gateway token
 * cannot be exchanged for another: refreshing means proving identity again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError } from '../errors.js';
import { verifyDpopProof } from '../identity/dpop.js';
import { issueAccessToken } from '../identity/tokens.js';
import type { RequestState } from '../pipeline/runner.js';
import { requestUrl, type GatewayTokenOptions } from '../stages/identity/credential.js';
import { readBody, sendJson } from './http.js';

export interface AuthRoutes {
  token(req: IncomingMessage, res: ServerResponse, state: RequestState, server: { readonly requestTimeoutMs: number }): Promise<void>;
  jwks(res: ServerResponse): void;
}

/** The gateway-token settings the identity stage verifies with, plus what issuing needs. */
export interface AuthRoutesOptions extends GatewayTokenOptions {
  readonly maxTokenBytes: number;
  readonly now?: () => number;
}

const MAX_TOKEN_REQUEST_BYTES = 4_096;

export function createAuthRoutes(options: AuthRoutesOptions): AuthRoutes {
  const now = options.now ?? Date.now;
  return {
    async token(req, res, state, server) {
      const principal = state.principal;
      if (!principal) throw new GatewayError('PC_ERR_UNAUTHENTICATED');
      if (principal.authMethod === 'gateway_jwt') {
        state.log.info({ reasons: ['token-for-token'] }, 'token exchange refused');
        throw new GatewayError('PC_ERR_FORBIDDEN', { detail: 'a gateway token cannot be exchanged for another' });
      }
      const grant = grantType(req, await readBody(req, MAX_TOKEN_REQUEST_BYTES, server.requestTimeoutMs));
      if (grant !== 'client_credentials') throw new GatewayError('PC_ERR_UNSUPPORTED_GRANT_TYPE');
      const at = now();
      let jkt: string | undefined;
      if (req.headers.dpop !== undefined) {
        const url = requestUrl(state, options.publicUrl);
        const proof = url
          ? await verifyDpopProof(req.headers.dpop, {
              method: 'POST',
              url,
              now: at,
              maxAgeSec: options.dpopMaxAgeSec,
              clockSkewSec: options.dpopClockSkewSec,
              maxBytes: options.maxTokenBytes,
              replay: options.replay,
            })
          : ({ ok: false, reason: 'dpop-no-url' } as const);
        if (!proof.ok) {
          state.log.info({ reasons: [proof.reason] }, 'token exchange refused');
          throw new GatewayError('PC_ERR_DPOP_INVALID');
        }
        jkt = proof.jkt;
      }
      // RFC 8705 §3: a token issued over mTLS is bound to the client certificate.
      const x5t = state.clientCert?.authorized ? state.clientCert.thumbprint : undefined;
      const issued = await issueAccessToken(options.keyring, options.settings, principal, at, { ...(jkt ? { jkt } : {}), ...(x5t ? { x5t } : {}) });
      state.log.info({ jti: issued.jti, sub: principal.id, via: principal.authMethod, dpop: jkt !== undefined, mtls: x5t !== undefined }, 'token issued');
      // RFC 6749 §5.1: token responses must not be cached.
      res.setHeader('cache-control', 'no-store');
      res.setHeader('pragma', 'no-cache');
      sendJson(res, 200, { access_token: issued.accessToken, token_type: issued.tokenType, expires_in: issued.expiresIn });
    },
    jwks(res) {
      res.setHeader('cache-control', 'public, max-age=300');
      sendJson(res, 200, options.keyring.jwks());
    },
  };
}

/** `grant_type` from a form (RFC 6749 §4.4.2) or JSON body. */
function grantType(req: IncomingMessage, body: Buffer): string | undefined {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const text = body.toString('utf8');
  if (type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams(text).get('grant_type') ?? undefined;
  if (type === '' || /^application\/(?:[\w.+-]*\+)?json\b/.test(type)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new GatewayError('PC_ERR_BAD_JSON');
    }
    const grant = typeof parsed === 'object' && parsed !== null ? (parsed as { grant_type?: unknown }).grant_type : undefined;
    return typeof grant === 'string' ? grant : undefined;
  }
  throw new GatewayError('PC_ERR_UNSUPPORTED_MEDIA_TYPE');
}
