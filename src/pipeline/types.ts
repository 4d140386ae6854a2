/**
 * The stage contract. A stage is one check or transformation on the request path; the runner
 * (runner.ts) owns order, timeouts, abort signals and fail-closed handling. Stages never call
 * `next()`: they return a verdict, and the runner records a decision for every verdict.
 */
import type { CanonicalRequest, CanonicalResponse, ChatChunk } from '../canonical/types.js';
import type { ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';
import type { RequestContextFacts } from '../context/types.js';

/** Phases in the order they run. identity and context see headers only (the body is unread). */
export const PHASES = ['identity', 'context', 'authorize', 'limits', 'input', 'output'] as const;
export type Phase = (typeof PHASES)[number];

/** Which API the request arrived on, and what it asks for. */
export type Api = 'openai' | 'anthropic';
export type Operation = 'chat' | 'embed' | 'messages' | 'models' | 'token' | 'scan';

/** How the principal proved itself: API key, gateway JWT (RFC 7519, maybe DPoP-bound, RFC 9449), external OIDC token. */
export type AuthMethod = 'api_key' | 'gateway_jwt' | 'oidc' | 'mtls';

export interface Principal {
  readonly id: string;
  readonly kind: 'user' | 'service' | 'operator';
  readonly tenant: string;
  readonly roles: readonly string[];
  /** Teams the principal belongs to (authorization groups, like roles); absent means none. */
  readonly teams?: readonly string[];
  readonly authMethod: AuthMethod;
  /** The public id of the credential that proved it (never the secret). */
  readonly credentialId: string;
  /** Models the credential is scoped to; empty means every model. */
  readonly models: readonly string[];
  /** Operations (chat, embed, messages, models, scan) the credential is scoped to; absent or empty means all. */
  readonly operations?: readonly string[];
  /** Source networks (CIDR) the credential may be used from; absent or empty means any. */
  readonly cidrs?: readonly string[];
  /** For a gateway JWT: how the principal proved itself when the token was issued. */
  readonly issuedVia?: AuthMethod;
  /** RFC 9449 DPoP key thumbprint the credential is bound to (`cnf.jkt`). */
  readonly dpopJkt?: string;
  /** RFC 8705 client-certificate thumbprint the credential is bound to (`cnf.x5t#S256`). */
  readonly certThumbprint?: string;
}

/** The TLS client certificate of the connection (mTLS), as the identity stage needs it. */
export interface ClientCertificate {
  /** Chains to the configured client CA and is within its validity period. */
  readonly authorized: boolean;
  readonly subjectCn: string | undefined;
  /** subjectAltName entries as `URI:…`, `DNS:…`, `email:…`. */
  readonly san: readonly string[];
  /** base64url SHA-256 of the DER certificate: RFC 8705 `x5t#S256`. */
  readonly thumbprint: string;
}

/** Facts a stage may establish for later stages. Only the runner writes them into the context. */
export interface ContextFacts {
  readonly principal?: Principal;
  /** Set by the context phase (context/types.ts). */
  readonly context?: RequestContextFacts;
}

export interface Decision {
  readonly stage: string;
  readonly phase: Phase | 'response' | 'stream';
  readonly outcome: 'pass' | 'replace' | 'deny' | 'error' | 'timeout' | 'fail-open';
  readonly code?: ErrorCode;
  /** Machine-readable reasons (policy ids, finding types); never raw sensitive values. */
  readonly reasons?: readonly string[];
  readonly durationMs: number;
  /**
   * Stream phase: how many chunk calls this decision stands for. Passing chunk calls of one stage
   * fold into one decision (total duration), so a long stream does not grow the record per chunk.
   */
  readonly calls?: number;
}

/** Read-only view of a request in flight, shared by every stage. */
export interface StageContext {
  readonly requestId: string;
  readonly api: Api;
  readonly operation: Operation;
  readonly sourceIp: string;
  /** HTTP method, path (no query) and scheme, for checks bound to the request line (DPoP `htm`/`htu`, RFC 9449). */
  readonly http?: { readonly method: string; readonly path: string; readonly scheme: 'http' | 'https' };
  /** Present when the client sent a TLS certificate (mTLS listeners only). */
  readonly clientCert?: ClientCertificate;
  /** Lower-cased request headers as Node parsed them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly principal: Principal | undefined;
  /** From the context phase; undefined before it has run. */
  readonly context: RequestContextFacts | undefined;
  /** Aborted when the client goes away or the request is finished. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  readonly decisions: readonly Decision[];
}

interface VerdictBase {
  readonly reasons?: readonly string[];
}
export interface Pass extends VerdictBase {
  readonly action: 'pass';
  readonly facts?: ContextFacts;
  /** Response headers for the answer (e.g. `x-ratelimit-*`, limits stage); honoured from request-phase stages. */
  readonly headers?: Readonly<Record<string, string>>;
}
export interface Replace<T> extends VerdictBase {
  readonly action: 'replace';
  readonly value: T;
}
export interface Deny extends VerdictBase {
  readonly action: 'deny';
  readonly code: ErrorCode;
  /** Seconds, for `Retry-After` on throttling denials. */
  readonly retryAfter?: number;
  /** Extra response headers on the error answer (e.g. `x-ratelimit-*`, limits stage). */
  readonly headers?: Readonly<Record<string, string>>;
}
export type Verdict<T = never> = Pass | Replace<T> | Deny;

type MaybePromise<T> = T | Promise<T>;

/**
 * Inspects one streamed answer. `onChunk` may hold chunks back (return `replace` with fewer or
 * none) to keep a look-behind window, and must release them by `onEnd` at the latest.
 */
export interface StreamInspector {
  onChunk(chunk: ChatChunk): MaybePromise<Verdict<readonly ChatChunk[]>>;
  onEnd(): MaybePromise<Verdict<readonly ChatChunk[]>>;
}

export interface Stage {
  readonly name: string;
  readonly phase: Phase;
  /** Per-call budget; the runner's default applies when unset. */
  readonly timeoutMs?: number;
  /** Explicit, documented opt-out of fail-closed: an error or timeout passes instead of denying. */
  readonly failOpen?: boolean;
  /** identity and context phases: runs before the body is read. */
  onHeaders?(ctx: StageContext): MaybePromise<Verdict>;
  onRequest?(ctx: StageContext, request: CanonicalRequest): MaybePromise<Verdict<CanonicalRequest>>;
  onResponse?(ctx: StageContext, response: CanonicalResponse): MaybePromise<Verdict<CanonicalResponse>>;
  openStream?(ctx: StageContext): StreamInspector;
}
