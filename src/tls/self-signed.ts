/**
 * Certificates for local use (`portcullis init --self-signed`): a fresh CA and one server
 * certificate for localhost, 127.0.0.1 and ::1. The CA's private key signs the server certificate
 * and is then discarded, never written: a CA that someone adds to their trust store must not be
 * able to mint certificates for other names later, should the data directory leak. Renewing means
 * running init again with a new CA.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCa, issueCertificate } from './x509.js';

export interface LocalCertificates {
  /** The CA certificate clients trust (PEM). */
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  readonly fingerprint: string;
  readonly validTo: string;
}

export const LOCAL_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1'];
const CA_DAYS = 825;
const SERVER_DAYS = 397;

export function writeLocalCertificates(dir: string): LocalCertificates {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = createCa(`Portcullis local CA ${new Date().toISOString().slice(0, 10)}`, CA_DAYS);
  const server = issueCertificate(ca, { commonName: 'localhost', altNames: LOCAL_NAMES, usage: ['serverAuth'], validDays: SERVER_DAYS });
  const caFile = join(dir, 'ca.pem');
  const certFile = join(dir, 'server.pem');
  const keyFile = join(dir, 'server.key');
  writeFileSync(caFile, ca.certPem, { mode: 0o644 });
  writeFileSync(certFile, server.certPem, { mode: 0o644 });
  writeFileSync(keyFile, server.keyPem, { mode: 0o600 });
  // `mode` applies only when a file is created; --force rewrites existing ones.
  chmodSync(keyFile, 0o600);
  return { caFile, certFile, keyFile, fingerprint: server.certificate.fingerprint256, validTo: server.certificate.validTo };
}
