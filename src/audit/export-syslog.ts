/**
 * Syslog export: one RFC 5424 message per audit record, over TCP with octet-counting framing
 * (RFC 6587 §3.4.1: `MSG-LEN SP SYSLOG-MSG`) or over TLS (RFC 5425, the same framing). TLS
 * verifies the receiver against `caFile` (or the system CAs) and its name; a client certificate
 * can be presented for receivers that require one.
 *
 *   <PRI>1 TIMESTAMP HOSTNAME portcullis PROCID MSGID [portcullis@32473 requestId=".." outcome=".."
 *     status=".." principal=".." route=".."] BOM{"requestId":…,"record":<canonical body>}
 *
 * PRI = facility × 8 + severity (allow: 6 informational, deny: 4 warning, error: 3 error);
 * MSGID is `request` or `admin`. The MSG is the same JSON line the JSONL exporter writes.
 *
 * Delivery: syslog over TCP has no acknowledgement, so a batch counts as delivered once the
 * kernel accepted it. A receiver that dies can lose what was in flight to it; the store remains
 * the record of truth (`audit export` recovers a gap).
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import net from 'node:net';
import tls from 'node:tls';
import type { Logger } from '../log.js';
import type { AuditEntry } from './chain.js';
import { eventLine } from './export.js';
import { queuedExporter, type QueuedExporter } from './export-queue.js';

export interface SyslogOptions {
  readonly host: string;
  readonly port: number;
  /** Absent: plain TCP. */
  readonly tls?: {
    readonly caFile?: string;
    readonly certFile?: string;
    readonly keyFile?: string;
    /** Name checked against the receiver's certificate; default `host`. */
    readonly serverName?: string;
  };
  /** RFC 5424 facility code, 0–23; default 13 (log audit). */
  readonly facility?: number;
  readonly appName?: string;
  /** SD-ID of the structured data element; `name@<private enterprise number>`. */
  readonly sdId?: string;
  readonly maxQueue?: number;
  readonly maxBatch?: number;
  readonly connectTimeoutMs?: number;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly log: Logger;
}

const SEVERITY = { allow: 6, deny: 4, error: 3 } as const;
const BOM = '\uFEFF';

/** PRINTUSASCII only, bounded, `-` when empty (RFC 5424 §6). */
function header(value: string, max: number): string {
  const clean = value.replace(/[^\x21-\x7e]/g, '').slice(0, max);
  return clean.length > 0 ? clean : '-';
}

/** PARAM-VALUE escaping (RFC 5424 §6.3.3): `"`, `\` and `]`. */
function param(value: string): string {
  return value.replace(/["\\\]]/g, (c) => '\\' + c);
}

/** The framed message of one record: `LEN SP MSG`, LEN in octets. */
export function syslogFrame(e: AuditEntry, o: { facility: number; host: string; appName: string; procId: string; sdId: string }): string {
  const pri = o.facility * 8 + SEVERITY[e.outcome];
  const msgId = e.route === null && e.body.startsWith('{"action":') ? 'admin' : 'request';
  const sd =
    `[${o.sdId} requestId="${param(e.requestId)}" outcome="${e.outcome}" status="${e.status}"` +
    (e.principal !== null ? ` principal="${param(e.principal)}"` : '') +
    (e.route !== null ? ` route="${param(e.route)}"` : '') +
    ']';
  const line = eventLine(e);
  const msg = `<${pri}>1 ${new Date(e.ts).toISOString()} ${o.host} ${o.appName} ${o.procId} ${msgId} ${sd} ${BOM}${line.slice(0, -1)}`;
  return `${Buffer.byteLength(msg, 'utf8')} ${msg}`;
}

export function syslogExporter(options: SyslogOptions): QueuedExporter {
  const facility = options.facility ?? 13;
  if (!Number.isInteger(facility) || facility < 0 || facility > 23) throw new TypeError('syslog facility must be 0..23');
  const fields = {
    facility,
    host: header(hostname(), 255),
    appName: header(options.appName ?? 'portcullis', 48),
    procId: String(process.pid),
    sdId: header(options.sdId ?? 'portcullis@32473', 32).replace(/[= "\]]/g, ''),
  };
  // Files are read once, at start: a missing CA is a configuration error, reported right away.
  const secure = options.tls
    ? {
        ...(options.tls.caFile ? { ca: readFileSync(options.tls.caFile) } : {}),
        ...(options.tls.certFile ? { cert: readFileSync(options.tls.certFile) } : {}),
        ...(options.tls.keyFile ? { key: readFileSync(options.tls.keyFile) } : {}),
        // SNI carries names only (RFC 6066); an IP address is still checked against the certificate's IP SANs.
        ...(options.tls.serverName || net.isIP(options.host) === 0 ? { servername: options.tls.serverName ?? options.host } : {}),
      }
    : undefined;
  const connectTimeout = options.connectTimeoutMs ?? 5_000;
  let socket: net.Socket | undefined;

  const connect = (): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const s = secure
        ? tls.connect({ host: options.host, port: options.port, ...secure, minVersion: 'TLSv1.2' })
        : net.connect({ host: options.host, port: options.port });
      const timer = setTimeout(() => s.destroy(new Error('syslog connect timed out')), connectTimeout);
      const fail = (err: Error): void => {
        clearTimeout(timer);
        reject(err);
      };
      s.once('error', fail);
      s.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        s.off('error', fail);
        s.setNoDelay(true);
        s.setKeepAlive(true, 30_000);
        // Receivers do not talk back; anything they send is ignored. A closed or failed
        // connection is dropped here and opened again by the next batch.
        s.on('data', () => undefined);
        s.on('error', () => s.destroy());
        s.on('close', () => {
          if (socket === s) socket = undefined;
        });
        resolve(s);
      });
    });

  const send = async (frames: readonly string[]): Promise<void> => {
    if (!socket || socket.destroyed || !socket.writable) socket = await connect();
    const s = socket;
    await new Promise<void>((resolve, reject) => {
      s.write(frames.join(''), (err) => {
        if (err) {
          s.destroy();
          reject(err);
        } else resolve();
      });
    });
  };

  return queuedExporter({
    name: options.tls ? 'syslog-tls' : 'syslog',
    target: `${options.host}:${options.port}`,
    encode: (e) => syslogFrame(e, fields),
    send,
    shutdown: () => socket?.end(),
    maxQueue: options.maxQueue ?? 10_000,
    maxBatch: options.maxBatch ?? 500,
    ...(options.minBackoffMs !== undefined ? { minBackoffMs: options.minBackoffMs } : {}),
    ...(options.maxBackoffMs !== undefined ? { maxBackoffMs: options.maxBackoffMs } : {}),
    log: options.log,
  });
}
