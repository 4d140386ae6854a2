/**
 * TLS on the data and admin listeners: TLS 1.3 only, and certificates that are replaced on disk
 * (certbot, cert-manager, a renewal cron) taken up without a restart. The files are polled
 * (a stat per file per interval; atomic renames and symlink swaps defeat fs.watch) and re-read on
 * SIGHUP; a new certificate goes live through `server.setSecureContext`, so connections already
 * open keep theirs and new handshakes get the new one. A new certificate that does not load
 * (unreadable, not PEM, key not matching, already expired) is refused with a log line and the
 * running one stays.
 */
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import type { Logger } from '../log.js';

export interface ListenerTls {
  readonly certFile: string;
  readonly keyFile: string;
  /** CA bundle for client certificates (mTLS); re-read with the certificate. */
  readonly clientCa?: string | undefined;
}

/** The material a secure context is built from, read and checked. */
interface Material {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca?: Buffer;
  readonly fingerprint: string;
  readonly validTo: string;
}

/** How often the certificate files are checked for a change. */
export const DEFAULT_RELOAD_POLL_MS = 5_000;

/**
 * Reads the certificate, key and client CA and checks them the way a handshake would need them;
 * throws with a plain reason when they are not usable.
 */
export function readListenerTls(files: ListenerTls, now: number = Date.now()): Material {
  const cert = readFileSync(files.certFile);
  const key = readFileSync(files.keyFile);
  const ca = files.clientCa !== undefined ? readFileSync(files.clientCa) : undefined;
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(cert);
  } catch {
    throw new Error(`${files.certFile} holds no readable PEM certificate`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new Error(`${files.keyFile} holds no readable private key`);
  }
  if (!leaf.checkPrivateKey(privateKey)) throw new Error(`${files.keyFile} does not match the certificate in ${files.certFile}`);
  if (Date.parse(leaf.validTo) <= now) throw new Error(`the certificate in ${files.certFile} expired on ${leaf.validTo}`);
  // The same checks OpenSSL makes when the context is built (e.g. an unreadable CA bundle).
  tls.createSecureContext({ cert, key, ...(ca ? { ca } : {}) });
  return { cert, key, ...(ca ? { ca } : {}), fingerprint: leaf.fingerprint256, validTo: leaf.validTo };
}

export interface TlsServerOptions extends https.ServerOptions {
  /** Polling interval for certificate changes; 0 turns polling off (SIGHUP still reloads). */
  readonly reloadPollMs?: number;
}

export interface ReloadingServer extends https.Server {
  /** Re-reads the certificate files now; false (and the old certificate kept) when they do not load. */
  reloadCertificate(): boolean;
}

/**
 * An HTTPS server on TLS 1.3 only, whose certificate follows its files. The polling and signal
 * handler stop when the server closes.
 */
export function createTlsServer(files: ListenerTls, options: TlsServerOptions, handler: (req: IncomingMessage, res: ServerResponse) => void, log: Logger): ReloadingServer {
  const { reloadPollMs = DEFAULT_RELOAD_POLL_MS, ...serverOptions } = options;
  // The first load throws: a listener never starts on a certificate that does not work.
  let current = readListenerTls(files);
  warnIfExpiring(current, files, log);
  const server = https.createServer({ ...serverOptions, cert: current.cert, key: current.key, ...(current.ca ? { ca: current.ca } : {}), minVersion: 'TLSv1.3' }, handler) as ReloadingServer;

  server.reloadCertificate = () => {
    let next: Material;
    try {
      next = readListenerTls(files);
    } catch (err) {
      log.error({ certFile: files.certFile, reason: err instanceof Error ? err.message : String(err), fingerprint: current.fingerprint }, 'new TLS certificate refused; keeping the running one');
      return false;
    }
    if (next.fingerprint === current.fingerprint && next.key.equals(current.key) && (next.ca?.equals(current.ca ?? Buffer.alloc(0)) ?? current.ca === undefined)) return true;
    // minVersion is kept by the server across setSecureContext; it is passed again so the
    // new context never depends on that detail.
    server.setSecureContext({ cert: next.cert, key: next.key, ...(next.ca ? { ca: next.ca } : {}), minVersion: 'TLSv1.3' });
    log.info({ certFile: files.certFile, fingerprint: next.fingerprint, validTo: next.validTo }, 'TLS certificate reloaded');
    current = next;
    warnIfExpiring(current, files, log);
    return true;
  };

  // Editors and renewal tools write the cert and key one after the other: wait until both settle.
  let pending: NodeJS.Timeout | undefined;
  const changed = (now: Stats, before: Stats): void => {
    if (now.mtimeMs === before.mtimeMs && now.ino === before.ino && now.size === before.size) return;
    clearTimeout(pending);
    pending = setTimeout(() => server.reloadCertificate(), 100);
    pending.unref();
  };
  const watched = [files.certFile, files.keyFile, ...(files.clientCa !== undefined ? [files.clientCa] : [])];
  if (reloadPollMs > 0) for (const file of watched) watchFile(file, { interval: reloadPollMs, persistent: false }, changed);
  const onSignal = (): void => {
    server.reloadCertificate();
  };
  process.on('SIGHUP', onSignal);
  server.once('close', () => {
    clearTimeout(pending);
    for (const file of watched) unwatchFile(file, changed);
    process.off('SIGHUP', onSignal);
  });
  return server;
}

const EXPIRY_WARNING_MS = 14 * 86_400_000;

/** A renewal that did not happen shows in the log two weeks ahead, not at the first failed handshake. */
function warnIfExpiring(material: Material, files: ListenerTls, log: Logger): void {
  const left = Date.parse(material.validTo) - Date.now();
  if (left < EXPIRY_WARNING_MS) log.warn({ certFile: files.certFile, validTo: material.validTo, daysLeft: Math.floor(left / 86_400_000) }, 'TLS certificate expires soon');
}

/** RFC 6797: one year, subdomains included. */
export const HSTS = 'max-age=31536000; includeSubDomains';
