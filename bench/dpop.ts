/**
 * DPoP proof verification cost (issue 3 "Benchmark"), broken down, in one run so the numbers
 * compare: the bare signature check on this CPU (the floor), the proof verifier
 * (src/identity/dpop.ts) for ES256 and EdDSA proofs, and the previous jose-based verifier
 * (jwtVerify + EmbeddedJWK, WebCrypto) as the before. Every call timed on its own; medians.
 *
 * `node dist/bench/dpop.js [--n 20000]`
 */
import { generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EmbeddedJWK, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { accessTokenHash, verifyDpopProof } from '../src/identity/dpop.js';
import { MemoryReplayCache } from '../src/identity/replay.js';
import { percentile, round } from './stats.js';

export interface DpopCase {
  readonly name: string;
  readonly medianUs: number;
  readonly p99Us: number;
}

const URL_ = 'https://gw.bench/v1/chat/completions';

async function timed(name: string, n: number, fn: (i: number) => unknown): Promise<DpopCase> {
  const warm = Math.min(2_000, Math.floor(n / 5));
  for (let i = 0; i < warm; i++) await fn(n + i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { name, medianUs: round(percentile(samples, 50), 1), p99Us: round(percentile(samples, 99), 1) };
}

async function proofs(alg: 'ES256' | 'EdDSA', count: number, ath: string): Promise<{ list: string[]; jwk: JWK; privateKey: CryptoKey }> {
  const pair = await generateKeyPair(alg);
  const jwk = await exportJWK(pair.publicKey);
  const iat = Math.floor(Date.now() / 1000);
  const list: string[] = [];
  for (let i = 0; i < count; i++) {
    list.push(await new SignJWT({ htm: 'POST', htu: URL_, jti: randomUUID(), ath, iat }).setProtectedHeader({ alg, typ: 'dpop+jwt', jwk }).sign(pair.privateKey));
  }
  return { list, jwk, privateKey: pair.privateKey };
}

/** The verifier as it was before (jose jwtVerify with the embedded key, WebCrypto verify). */
async function joseVerify(proof: string, now: number): Promise<void> {
  const { payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: ['ES256', 'EdDSA'], currentDate: new Date(now), requiredClaims: ['jti', 'iat', 'htm', 'htu'] });
  if (payload.htm !== 'POST') throw new Error('htm');
}

export async function runDpopBench(n: number): Promise<DpopCase[]> {
  const token = 'eyJ' + 'a'.repeat(600);
  const ath = accessTokenHash(token);
  const data = Buffer.alloc(500, 7);
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  const ecSig = sign('sha256', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' });
  const edSig = sign(null, data, ed.privateKey);
  const warm = Math.min(2_000, Math.floor(n / 5));
  const es = await proofs('ES256', n + warm, ath);
  const eddsa = await proofs('EdDSA', n + warm, ath);
  const baseline = await proofs('ES256', n + warm, ath);
  const replay = new MemoryReplayCache(10 * n);
  const now = Date.now();
  const check = async (list: string[], i: number): Promise<void> => {
    const r = await verifyDpopProof(list[i], { method: 'POST', url: URL_, accessToken: token, now, maxAgeSec: 300, clockSkewSec: 5, maxBytes: 8192, replay });
    if (!r.ok) throw new Error(r.reason);
  };
  return [
    await timed('P-256 ECDSA verify alone (node:crypto)', n, () => verify('sha256', data, { key: ec.publicKey, dsaEncoding: 'ieee-p1363' }, ecSig)),
    await timed('Ed25519 verify alone (node:crypto)', n, () => verify(null, data, ed.publicKey, edSig)),
    await timed('DPoP proof ES256, before (jose + WebCrypto)', n, (i) => joseVerify(baseline.list[i] as string, now)),
    await timed('DPoP proof ES256, now', n, (i) => check(es.list, i)),
    await timed('DPoP proof EdDSA, now', n, (i) => check(eddsa.list, i)),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '20000' } } });
  const results = await runDpopBench(Number(values.n));
  console.log('| check | median µs | p99 µs |');
  console.log('|---|---|---|');
  for (const r of results) console.log(`| ${r.name} | ${r.medianUs} | ${r.p99Us} |`);
}
