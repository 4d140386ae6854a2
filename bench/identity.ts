/**
 * Credential verification cost (issue 3, "Benchmark"): the identity stage's per-request work for
 * an API key, a gateway JWT and a DPoP-bound gateway JWT, measured in-process on one core, every
 * call timed on its own (median and p99, garbage collection included). Network and HTTP parsing
 * are excluded: this is what the gateway adds per request on top of them. Target: under 50 µs
 * median each.
 *
 * Standalone: `node dist/bench/identity.js [--seconds N]`; `runIdentityBench` is exported so the
 * main benchmark can include it.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { sealingKey } from '../src/crypto/seal.js';
import { createApiKey } from '../src/identity/api-keys.js';
import { accessTokenHash } from '../src/identity/dpop.js';
import { MemoryReplayCache } from '../src/identity/replay.js';
import { SigningKeyring } from '../src/identity/signing-keys.js';
import { issueAccessToken } from '../src/identity/tokens.js';
import { createLogger } from '../src/log.js';
import type { StageContext } from '../src/pipeline/types.js';
import { apiKeyStage } from '../src/stages/identity/api-key.js';
import { credentialStage } from '../src/stages/identity/credential.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { percentile, round } from './stats.js';

export interface IdentityCase {
  readonly name: string;
  readonly iterations: number;
  readonly medianUs: number;
  readonly p99Us: number;
  /** Verifications per second on one core, back to back. */
  readonly perSecond: number;
}

const HOST = 'gw.bench';
const PATH = '/v1/chat/completions';

export async function runIdentityBench(opts: { seconds: number; warmupSeconds: number }): Promise<IdentityCase[]> {
  const store = openSqliteStore(':memory:');
  const pepper = Buffer.alloc(32, 1);
  const keyring = new SigningKeyring({ repo: store.signingKeys, sealing: sealingKey(Buffer.alloc(32, 2)), alg: 'EdDSA', rotationMs: 86_400_000 });
  await keyring.start();
  const settings = { issuer: 'urn:portcullis:gateway', audience: 'urn:portcullis:gateway', ttlSec: 600 };
  const apiKeys = apiKeyStage({ repo: store.apiKeys, pepper });
  const stage = credentialStage({
    apiKeys,
    apiKeyRepo: store.apiKeys,
    tokens: { keyring, settings, replay: new MemoryReplayCache(1_000_000), dpopMaxAgeSec: 600, dpopClockSkewSec: 5 },
    maxTokenBytes: 8192,
  });
  const { key, record } = await createApiKey(store.apiKeys, pepper, { name: 'bench' }, Date.now());
  const principal = { id: record.principalId, kind: 'service' as const, tenant: 'default', roles: ['app'], authMethod: 'api_key' as const, credentialId: record.id, models: [] };
  const bearer = (await issueAccessToken(keyring, settings, principal, Date.now())).accessToken;
  const log = createLogger({ level: 'silent' });
  const ctx = (headers: Record<string, string>): StageContext => ({
    requestId: 'b',
    api: 'openai',
    operation: 'chat',
    sourceIp: '127.0.0.1',
    http: { method: 'POST', path: PATH, scheme: 'http' },
    headers: { host: HOST, ...headers },
    principal: undefined, context: undefined,
    signal: new AbortController().signal,
    log,
    decisions: [],
  });

  const measure = async (name: string, headers: () => Record<string, string>, budget: number): Promise<IdentityCase> => {
    const once = async (): Promise<void> => {
      const verdict = await stage.onHeaders(ctx(headers()));
      if (verdict.action !== 'pass') throw new Error(`${name}: the credential was refused (${verdict.reasons?.join(',')})`);
    };
    const warmUntil = performance.now() + opts.warmupSeconds * 1000;
    let warm = 0;
    while (performance.now() < warmUntil && warm < budget) {
      await once();
      warm++;
    }
    const samples: number[] = [];
    const started = performance.now();
    const until = started + opts.seconds * 1000;
    while (performance.now() < until && samples.length < budget) {
      const t0 = process.hrtime.bigint();
      await once();
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    const elapsed = (performance.now() - started) / 1000;
    samples.sort((a, b) => a - b);
    return { name, iterations: samples.length, medianUs: round(percentile(samples, 50), 1), p99Us: round(percentile(samples, 99), 1), perSecond: Math.round(samples.length / elapsed) };
  };

  const results = [
    await measure('API key', () => ({ authorization: `Bearer ${key}` }), Number.MAX_SAFE_INTEGER),
    await measure('gateway JWT (Bearer)', () => ({ authorization: `Bearer ${bearer}` }), Number.MAX_SAFE_INTEGER),
  ];
  // DPoP: every request carries a new proof signed by the client's key (replays are refused), so
  // one signature check per request is the floor; its cost depends on the client's algorithm (on
  // OpenSSL 3.0 here: RSA-2048 ~21 µs, P-256 ~64 µs, Ed25519 ~103 µs per verify, measured alone).
  // Making the proofs is the client's cost, so they are made before the clock starts.
  const dpopBudget = 20_000;
  const proofCase = async (name: string, alg: 'ES256' | 'EdDSA' | 'RS256'): Promise<IdentityCase> => {
    const client = await generateKeyPair(alg, alg === 'RS256' ? { modulusLength: 2048 } : {});
    const jwk = await exportJWK(client.publicKey);
    const bound = (await issueAccessToken(keyring, settings, principal, Date.now(), { jkt: await calculateJwkThumbprint(jwk, 'sha256') })).accessToken;
    const ath = accessTokenHash(bound);
    const iat = Math.floor(Date.now() / 1000);
    const proofs: string[] = [];
    for (let i = 0; i < dpopBudget * 2; i++) {
      proofs.push(await new SignJWT({ htm: 'POST', htu: `http://${HOST}${PATH}`, jti: randomUUID(), ath, iat }).setProtectedHeader({ alg, typ: 'dpop+jwt', jwk }).sign(client.privateKey));
    }
    let next = 0;
    return measure(name, () => ({ authorization: `DPoP ${bound}`, dpop: proofs[next++] as string }), dpopBudget);
  };
  results.push(await proofCase('gateway JWT + DPoP proof', 'ES256'));
  results.push(await proofCase('gateway JWT + DPoP (EdDSA)', 'EdDSA'));
  results.push(await proofCase('gateway JWT + DPoP (RS256)', 'RS256'));
  await apiKeys.close();
  await store.close();
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '2' } } });
  const seconds = Number(values.seconds);
  const results = await runIdentityBench({ seconds, warmupSeconds: Math.min(1, seconds) });
  console.log('| credential | median µs | p99 µs | verifications/s (1 core) | iterations |');
  console.log('|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.name} | ${r.medianUs} | ${r.p99Us} | ${r.perSecond} | ${r.iterations} |`);
}
