/**
 * TLS towards upstream providers. Certificates are always verified — there is deliberately no
 * setting that turns verification off — and no protocol older than TLS 1.2 is offered, whatever
 * Node's defaults or flags say. Per target: a CA bundle that replaces the system roots (a private
 * upstream is trusted through its own CA only), a client certificate (mTLS), and public-key pins
 * (RFC 7469 style: base64 SHA-256 of a certificate's SubjectPublicKeyInfo; the connection is
 * refused unless some certificate of the verified chain matches one).
 *
 * Files are read when the config is compiled, never per request; the pin check runs once per new
 * connection, after the normal chain and host-name verification has passed.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import tls, { type ConnectionOptions, type PeerCertificate } from 'node:tls';
import { Agent } from 'undici';

export interface UpstreamTls {
  /** PEM bundle that replaces the system roots for this target. */
  readonly caFile?: string | undefined;
  /** Client certificate and key (PEM) presented to the upstream. */
  readonly certFile?: string | undefined;
  readonly keyFile?: string | undefined;
  /** base64 SHA-256 of a SubjectPublicKeyInfo in the chain (leaf, intermediate or root). */
  readonly pins?: readonly string[] | undefined;
}

/** Thrown from the handshake when no certificate of the chain carries a configured pin. */
export class PinMismatchError extends Error {
  readonly code = 'PC_TLS_PIN_MISMATCH';
  constructor(
    readonly host: string,
    readonly seen: readonly string[],
  ) {
    super(`certificate pin mismatch for ${host}: the chain's keys are ${seen.map((p) => `sha256/${p}`).join(', ')}, none of them pinned`);
  }
}

/** The base64 SHA-256 pin of a certificate's SubjectPublicKeyInfo. */
export function spkiPin(cert: X509Certificate | Buffer): string {
  const x509 = cert instanceof X509Certificate ? cert : new X509Certificate(cert);
  return createHash('sha256').update(x509.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
}

/** The certificates of a verified peer chain, leaf first (issuerCertificate links; a root points to itself). */
function chainOf(leaf: PeerCertificate): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<string>();
  let cert: tls.DetailedPeerCertificate | PeerCertificate | undefined = leaf;
  while (cert && cert.raw && cert.raw.length > 0 && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    out.push(cert.raw);
    cert = (cert as tls.DetailedPeerCertificate).issuerCertificate;
  }
  return out;
}

/**
 * tls.connect options for one target. Throws (with the file named) when a file cannot be read,
 * so a broken setting is a config error at load time.
 */
export function upstreamTlsOptions(settings: UpstreamTls | undefined): ConnectionOptions {
  const options: ConnectionOptions = { minVersion: 'TLSv1.2', rejectUnauthorized: true };
  if (!settings) return options;
  if (settings.caFile !== undefined) options.ca = readPem(settings.caFile, 'caFile');
  if (settings.certFile !== undefined && settings.keyFile !== undefined) {
    options.cert = readPem(settings.certFile, 'certFile');
    options.key = readPem(settings.keyFile, 'keyFile');
    try {
      tls.createSecureContext({ cert: options.cert, key: options.key });
    } catch {
      throw new Error(`tls.keyFile ${settings.keyFile} does not match tls.certFile ${settings.certFile}, or they are not PEM`);
    }
  }
  const pins = settings.pins;
  if (pins && pins.length > 0) {
    const pinned = new Set(pins);
    options.checkServerIdentity = function checkPinnedIdentity(host, cert) {
      // The host-name check first: a pin never replaces it.
      const hostError = tls.checkServerIdentity(host, cert);
      if (hostError) return hostError;
      const seen = chainOf(cert).map((raw) => spkiPin(raw));
      return seen.some((p) => pinned.has(p)) ? undefined : new PinMismatchError(host, seen);
    };
  }
  return options;
}

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`tls.${what}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** A connection pool for targets that share the same timeout and TLS settings. */
export function createUpstreamAgent(options: { readonly connections: number; readonly connectTimeoutMs: number; readonly tls: UpstreamTls | undefined }): Agent {
  return new Agent({ connections: options.connections, keepAliveTimeout: 30_000, connect: { timeout: options.connectTimeoutMs, ...upstreamTlsOptions(options.tls) } });
}

/** What a failed connection says about TLS, for the log line (never key material). */
export function tlsFailureOf(err: unknown): { tlsError: string; detail: string } | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof PinMismatchError) return { tlsError: e.code, detail: e.message };
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(ERR_TLS_|ERR_SSL_|UNABLE_TO_|CERT_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)) return { tlsError: code, detail: (e as Error).message };
  }
  return undefined;
}
