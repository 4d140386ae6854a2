/**
 * mTLS on the listeners: TLS options that ask for a client certificate from the configured CA, and
 * the certificate of a connection in the form the identity stage reads (RFC 8705: the SHA-256
 * thumbprint of the DER certificate is what a bound token's `cnf.x5t#S256` names).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { ClientCertificate } from '../pipeline/types.js';

/** Extra https.createServer options for `server.tls.clientCa` / `requireClientCert`. */
export function clientCertOptions(tls: { readonly clientCa?: string | undefined; readonly requireClientCert: boolean }): { ca?: Buffer; requestCert?: boolean; rejectUnauthorized?: boolean } {
  if (tls.clientCa === undefined) return {};
  // Without requireClientCert the handshake still succeeds with no or a foreign certificate, and
  // the identity stage decides: only `authorized` certificates ever prove anything.
  return { ca: readFileSync(tls.clientCa), requestCert: true, rejectUnauthorized: tls.requireClientCert };
}

const cache = new WeakMap<TLSSocket, ClientCertificate | null>();

/** The client certificate of a TLS connection, once per connection; undefined without one. */
export function clientCertOf(socket: Socket): ClientCertificate | undefined {
  if (!(socket instanceof TLSSocket)) return undefined;
  const known = cache.get(socket);
  if (known !== undefined) return known ?? undefined;
  const peer = socket.getPeerCertificate();
  let cert: ClientCertificate | null = null;
  if (peer && peer.raw !== undefined && peer.raw.length > 0) {
    const cn = peer.subject?.CN;
    cert = {
      authorized: socket.authorized,
      subjectCn: typeof cn === 'string' ? cn : undefined,
      san: (peer.subjectaltname ?? '').split(/,\s*/).filter((s) => s.length > 0),
      thumbprint: createHash('sha256').update(peer.raw).digest('base64url'),
    };
  }
  cache.set(socket, cert);
  return cert ?? undefined;
}
