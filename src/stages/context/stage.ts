/**
 * Context phase: establishes what authorization needs to know about a request beyond who sent
 * it — the real client address (trusted-proxy rules), its country (GeoIP file or a trusted edge
 * header), the device's posture (a verified assertion or the client certificate), the time in
 * the configured zone, and the principal's current risk score. Headers only; never reads the body.
 *
 * Nothing here denies by itself: a missing or bad posture, an unknown country, are facts
 * (`postureError`, no `country`) that policies requiring them turn into denials.
 */
import type { DevicePosture, RequestContextFacts, RiskSource } from '../../context/types.js';
import { noRisk } from '../../context/types.js';
import type { Stage, StageContext, Verdict } from '../../pipeline/types.js';
import { clientAddress } from './client-ip.js';
import type { CompiledContext } from './compile.js';

export interface ContextStageOptions {
  /** The current runtime's compiled context settings (follows reloads). */
  readonly context: () => CompiledContext;
  /** The monitoring plane's risk scores; 0 for everyone until it exists. */
  readonly risk?: RiskSource;
  readonly now?: () => number;
}

const COUNTRY = /^[A-Z]{2}$/;

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function countryOf(c: CompiledContext, headers: StageContext['headers'], ip: string, viaTrustedProxy: boolean): string | undefined {
  if (c.countryHeader && viaTrustedProxy) {
    const v = headerValue(headers[c.countryHeader])?.trim().toUpperCase();
    if (v !== undefined && COUNTRY.test(v)) return v;
  }
  if (c.geoip) {
    try {
      const code = c.geoip.get(ip)?.country?.iso_code;
      if (typeof code === 'string' && COUNTRY.test(code)) return code;
    } catch {
      // A failed lookup (bad address, corrupt database) leaves the country unknown; policies
      // that need a country then deny.
    }
  }
  return undefined;
}

/** Risk from the monitoring plane, as 0..1; anything that is not a number there counts as hostile. */
function riskOf(source: RiskSource, principalId: string | undefined, ip: string): number {
  const r = source.riskOf(principalId, ip);
  if (!Number.isFinite(r)) return 1;
  return r < 0 ? 0 : r > 1 ? 1 : r;
}

/** What the context phase looks at: the request's headers and connection. */
export interface ContextInput {
  readonly sourceIp: string;
  readonly headers: StageContext['headers'];
  readonly clientCert?: StageContext['clientCert'];
  readonly principalId: string | undefined;
}

/**
 * Establishes the facts for one request (the data plane's stage and the admin plane both use it).
 * Synchronous unless a posture assertion must be verified.
 */
export function contextFacts(c: CompiledContext, input: ContextInput, risk: RiskSource, at: number): RequestContextFacts | Promise<RequestContextFacts> {
  const { ip, viaTrustedProxy } = clientAddress(input.sourceIp, input.headers['x-forwarded-for'], c.trustedProxies);
  const country = countryOf(c, input.headers, ip, viaTrustedProxy);
  const facts = (posture: DevicePosture | undefined, postureError: string | undefined): RequestContextFacts => {
    const { hour, weekday } = c.clock(at);
    return {
      clientIp: ip,
      ...(country !== undefined ? { country } : {}),
      ...(posture ? { posture } : {}),
      ...(postureError !== undefined ? { postureError } : {}),
      risk: riskOf(risk, input.principalId, ip),
      hour,
      weekday,
    };
  };
  const token = c.posture ? headerValue(input.headers[c.posture.header]) : undefined;
  if (c.posture && token !== undefined) {
    // The only asynchronous path: a signature check (cached per assertion).
    return c.posture.verify(token.trim(), at).then((result) => ('posture' in result ? facts(result.posture, undefined) : facts(undefined, result.error)));
  }
  const fromCert = c.clientCertSanPrefix ? postureFromCert(input.clientCert, c.clientCertSanPrefix, at) : undefined;
  return facts(fromCert, fromCert ? undefined : 'missing');
}

function verdictOf(context: RequestContextFacts): Verdict {
  const e = context.postureError;
  return { action: 'pass', facts: { context }, ...(e !== undefined && e !== 'missing' ? { reasons: [`posture:${e}`] } : {}) };
}

export function contextStage(options: ContextStageOptions): Stage {
  const risk = options.risk ?? noRisk;
  const now = options.now ?? Date.now;
  return {
    name: 'context',
    phase: 'context',
    onHeaders(ctx): Verdict | Promise<Verdict> {
      const facts = contextFacts(options.context(), { sourceIp: ctx.sourceIp, headers: ctx.headers, clientCert: ctx.clientCert, principalId: ctx.principal?.id }, risk, now());
      return facts instanceof Promise ? facts.then(verdictOf) : verdictOf(facts);
    },
  };
}

function postureFromCert(cert: StageContext['clientCert'], prefix: string, at: number): DevicePosture | undefined {
  if (!cert?.authorized) return undefined;
  const attributes: Record<string, string | boolean> = {};
  const uriPrefix = `URI:${prefix}`;
  for (const san of cert.san) {
    if (!san.startsWith(uriPrefix)) continue;
    const rest = san.slice(uriPrefix.length);
    const eq = rest.indexOf('=');
    if (eq === -1) attributes[rest] = true;
    else attributes[rest.slice(0, eq)] = rest.slice(eq + 1);
  }
  return Object.keys(attributes).length === 0 ? undefined : { source: 'client-cert', attributes, issuedAt: Math.floor(at / 1000) };
}
