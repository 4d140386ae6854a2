/**
 * A minimal X.509 v3 certificate builder (RFC 5280) for `portcullis init --self-signed`: a local
 * CA and the certificates it issues, ECDSA P-256 with SHA-256. node:crypto can sign and parse
 * certificates but not create them, and the openssl command line is not on every machine (slim
 * container images lack it), so the DER is assembled here. Only what a local CA and a TLS server
 * or client certificate need: names with CN/O, validity, basic constraints, key usage, extended
 * key usage, subject alternative names (DNS and IP), key identifiers.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';

// DER (X.690): tag, definite length, contents.
function der(tag: number, ...parts: readonly Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  let length: Buffer;
  if (n < 0x80) length = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

const seq = (...parts: readonly Buffer[]): Buffer => der(0x30, ...parts);
const set = (...parts: readonly Buffer[]): Buffer => der(0x31, ...parts);
const octets = (value: Buffer): Buffer => der(0x04, value);
const bitString = (value: Buffer, unusedBits = 0): Buffer => der(0x03, Buffer.from([unusedBits]), value);
const bool = (value: boolean): Buffer => der(0x01, Buffer.from([value ? 0xff : 0x00]));
const explicit = (n: number, inner: Buffer): Buffer => der(0xa0 | n, inner);

/** A non-negative INTEGER from big-endian bytes (a leading zero keeps it positive). */
function unsigned(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const trimmed = bytes.subarray(i);
  return der(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = arcs;
  const out: number[] = [40 * a + b];
  for (const arc of rest) {
    const bytes = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift((v & 0x7f) | 0x80);
    out.push(...bytes);
  }
  return der(0x06, Buffer.from(out));
}

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(iso.slice(2), 'ascii')) : der(0x18, Buffer.from(iso, 'ascii'));
}

function name(subject: { readonly commonName: string; readonly organization?: string | undefined }): Buffer {
  const rdn = (type: string, value: string): Buffer => set(seq(oid(type), der(0x0c, Buffer.from(value, 'utf8'))));
  return seq(...(subject.organization !== undefined ? [rdn('2.5.4.10', subject.organization)] : []), rdn('2.5.4.3', subject.commonName));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

/** The SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2, method 1): only an identifier, not a security property. */
function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // For a P-256 key the BIT STRING is the last 66 bytes: tag, length, unused-bits byte, 65-byte point.
  return createHash('sha1').update(spki.subarray(spki.length - 65)).digest();
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  // Expand `::` and write 8 groups of 16 bits.
  const [head = '', tail] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));
const KEY_USAGE = { digitalSignature: 0x80, keyCertSign: 0x04, cRLSign: 0x02 } as const;

export interface CertificateRequest {
  readonly subject: { readonly commonName: string; readonly organization?: string };
  readonly publicKey: KeyObject;
  /** The issuer's certificate and key; absent for a self-signed (root) certificate. */
  readonly issuer?: { readonly certificate: X509Certificate; readonly privateKey: KeyObject };
  /** The key that signs a self-signed certificate (the private half of publicKey). */
  readonly selfSigningKey?: KeyObject;
  readonly isCa: boolean;
  readonly validDays: number;
  /** DNS names and IP addresses (v4 or v6) for the subjectAltName extension. */
  readonly altNames?: readonly string[];
  readonly extendedKeyUsage?: readonly ('serverAuth' | 'clientAuth')[];
  readonly now?: Date;
}

const EKU = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2' } as const;

/** Builds and signs one certificate; returns it parsed (its `.toString()` is the PEM). */
export function createCertificate(request: CertificateRequest): X509Certificate {
  const signingKey = request.issuer?.privateKey ?? request.selfSigningKey;
  if (!signingKey) throw new TypeError('a certificate needs an issuer or a self-signing key');
  const now = request.now ?? new Date();
  // Backdated a little so a client whose clock runs slightly behind still accepts it.
  const notBefore = new Date(now.getTime() - 5 * 60_000);
  const notAfter = new Date(now.getTime() + request.validDays * 86_400_000);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const subjectKeyId = keyIdentifier(request.publicKey);
  const issuerKeyId = request.issuer ? keyIdentifier(request.issuer.certificate.publicKey) : subjectKeyId;
  const issuerName = request.issuer ? issuerNameOf(request.issuer.certificate) : name(request.subject);

  const extensions: Buffer[] = [
    extension('2.5.29.19', true, request.isCa ? seq(bool(true), unsigned(Buffer.from([0]))) : seq()),
    extension('2.5.29.15', true, request.isCa ? bitString(Buffer.from([KEY_USAGE.keyCertSign | KEY_USAGE.cRLSign]), 1) : bitString(Buffer.from([KEY_USAGE.digitalSignature]), 7)),
    extension('2.5.29.14', false, octets(subjectKeyId)),
    extension('2.5.29.35', false, seq(der(0x80, issuerKeyId))),
  ];
  if (request.extendedKeyUsage && request.extendedKeyUsage.length > 0) extensions.push(extension('2.5.29.37', false, seq(...request.extendedKeyUsage.map((u) => oid(EKU[u])))));
  if (request.altNames && request.altNames.length > 0) {
    const general = request.altNames.map((n) => (isIP(n) ? der(0x87, ipBytes(n)) : der(0x82, Buffer.from(n, 'ascii'))));
    extensions.push(extension('2.5.29.17', false, seq(...general)));
  }

  const tbs = seq(
    explicit(0, unsigned(Buffer.from([2]))),
    unsigned(serial),
    ECDSA_SHA256,
    issuerName,
    seq(time(notBefore), time(notAfter)),
    name(request.subject),
    request.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...extensions)),
  );
  const signature = sign('sha256', tbs, signingKey);
  return new X509Certificate(seq(tbs, ECDSA_SHA256, bitString(signature)));
}

/**
 * The issuer's subject exactly as encoded in its certificate: chain building compares names
 * byte for byte in practice, so it is copied from the DER rather than rebuilt.
 */
function issuerNameOf(cert: X509Certificate): Buffer {
  const raw = cert.raw;
  // Certificate → tbsCertificate → fields; subject is the 6th field of tbsCertificate (after
  // version, serial, signature algorithm, issuer, validity).
  const tbs = children(raw, 0)[0];
  if (!tbs) throw new TypeError('unreadable issuer certificate');
  const fields = children(raw, tbs.start);
  const subject = fields[5];
  if (!subject) throw new TypeError('unreadable issuer certificate');
  return raw.subarray(subject.start, subject.end);
}

/** The TLVs inside the constructed TLV that starts at `offset`. */
function children(buf: Buffer, offset: number): { start: number; end: number }[] {
  const header = (at: number): { body: number; end: number } => {
    const first = buf[at + 1] ?? 0;
    if (first < 0x80) return { body: at + 2, end: at + 2 + first };
    const count = first & 0x7f;
    let length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (buf[at + 2 + i] ?? 0);
    return { body: at + 2 + count, end: at + 2 + count + length };
  };
  const outer = header(offset);
  const out: { start: number; end: number }[] = [];
  for (let at = outer.body; at < outer.end; ) {
    const { end } = header(at);
    out.push({ start: at, end });
    at = end;
  }
  return out;
}

export interface IssuedPair {
  readonly certificate: X509Certificate;
  readonly privateKey: KeyObject;
  /** PEM of the certificate and of the PKCS#8 private key. */
  readonly certPem: string;
  readonly keyPem: string;
}

function pair(certificate: X509Certificate, privateKey: KeyObject): IssuedPair {
  return { certificate, privateKey, certPem: certificate.toString(), keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** A new local root CA (P-256). */
export function createCa(commonName: string, validDays: number, now?: Date): IssuedPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const certificate = createCertificate({ subject: { commonName, organization: 'Portcullis local CA' }, publicKey, selfSigningKey: privateKey, isCa: true, validDays, ...(now ? { now } : {}) });
  return pair(certificate, privateKey);
}

/** A leaf certificate issued by `ca` for TLS servers and/or clients. */
export function issueCertificate(
  ca: Pick<IssuedPair, 'certificate' | 'privateKey'>,
  options: { readonly commonName: string; readonly altNames?: readonly string[]; readonly usage: readonly ('serverAuth' | 'clientAuth')[]; readonly validDays: number; readonly now?: Date },
): IssuedPair {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const certificate = createCertificate({
    subject: { commonName: options.commonName },
    publicKey,
    issuer: { certificate: ca.certificate, privateKey: ca.privateKey },
    isCa: false,
    validDays: options.validDays,
    altNames: options.altNames ?? [],
    extendedKeyUsage: options.usage,
    ...(options.now ? { now: options.now } : {}),
  });
  return pair(certificate, privateKey);
}
