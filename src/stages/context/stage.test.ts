import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { contextSchema } from '../../config/policy.js';
import type { RequestContextFacts } from '../../context/types.js';
import { buildMmdb } from '../../../test/e2e/mmdb.js';
import { clientAddress, trustedProxyList } from './client-ip.js';
import { compileContext, type CompiledContext } from './compile.js';
import { contextFacts } from './stage.js';

const NOW = Date.UTC(2026, 0, 7, 14, 30); // a Wednesday, 14:30 UTC

describe('client address and X-Forwarded-For', () => {
  const trusted = trustedProxyList(['127.0.0.1/32', '10.0.0.0/8']);
  const cases: { name: string; peer: string; xff?: string | string[]; list?: typeof trusted; ip: string; via: boolean }[] = [
    { name: 'no trusted proxies: header ignored', peer: '127.0.0.1', xff: '1.2.3.4', list: undefined, ip: '127.0.0.1', via: false },
    { name: 'untrusted peer: spoofed header ignored', peer: '192.0.2.9', xff: '10.1.1.1', ip: '192.0.2.9', via: false },
    { name: 'trusted peer: client from header', peer: '127.0.0.1', xff: '203.0.113.5', ip: '203.0.113.5', via: true },
    { name: 'IPv4-mapped peer is normalised', peer: '::ffff:127.0.0.1', xff: '203.0.113.5', ip: '203.0.113.5', via: true },
    { name: 'trusted hops are skipped from the right', peer: '127.0.0.1', xff: '203.0.113.5, 10.2.2.2, 10.1.1.1', ip: '203.0.113.5', via: true },
    { name: 'client-supplied entries left of the first untrusted hop are ignored', peer: '127.0.0.1', xff: '10.9.9.9, 198.51.100.7, 10.1.1.1', ip: '198.51.100.7', via: true },
    { name: 'several header lines join in order', peer: '127.0.0.1', xff: ['198.51.100.1', '198.51.100.2'], ip: '198.51.100.2', via: true },
    { name: 'a malformed entry stops the walk at the last trusted hop', peer: '127.0.0.1', xff: '198.51.100.1, garbage', ip: '127.0.0.1', via: true },
    { name: 'trusted peer without header', peer: '127.0.0.1', ip: '127.0.0.1', via: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = clientAddress(c.peer, c.xff, 'list' in c ? c.list : trusted);
      assert.deepEqual(r, { ip: c.ip, viaTrustedProxy: c.via });
    });
  }
});

async function compiled(config: unknown, baseDir = '.'): Promise<CompiledContext> {
  const r = await compileContext(contextSchema.parse(config), baseDir);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return r.context;
}

async function facts(c: CompiledContext, headers: Record<string, string>, sourceIp = '127.0.0.1', risk = { riskOf: () => 0 }): Promise<RequestContextFacts> {
  return await contextFacts(c, { sourceIp, headers, principalId: 'key:1' }, risk, NOW);
}

describe('country', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-geo-'));
  writeFileSync(join(dir, 'geo.mmdb'), buildMmdb([
    { cidr: '203.0.113.0/24', data: { country: { iso_code: 'DE', names: { en: 'Germany' } } } },
    { cidr: '198.51.100.0/24', data: { country: { iso_code: 'US' } } },
  ]));

  it('looks the client address up in the GeoIP database', async () => {
    const c = await compiled({ trustedProxies: ['127.0.0.1'], geoip: { database: 'geo.mmdb' } }, dir);
    assert.equal((await facts(c, { 'x-forwarded-for': '203.0.113.77' })).country, 'DE');
    assert.equal((await facts(c, { 'x-forwarded-for': '198.51.100.1' })).country, 'US');
    assert.equal((await facts(c, { 'x-forwarded-for': '192.0.2.1' })).country, undefined, 'not in the database');
    assert.equal((await facts(c, {}, '::1')).country, undefined, 'IPv6 in an IPv4 database: lookup fails, country unknown');
  });

  it('believes the edge header only from a trusted proxy', async () => {
    const c = await compiled({ trustedProxies: ['127.0.0.1'], geoip: { header: 'CF-IPCountry' } });
    assert.equal((await facts(c, { 'cf-ipcountry': 'fr' })).country, 'FR');
    assert.equal((await facts(c, { 'cf-ipcountry': 'FR' }, '192.0.2.1')).country, undefined);
    assert.equal((await facts(c, { 'cf-ipcountry': 'France' })).country, undefined, 'not an ISO code');
  });

  it('refuses a config whose database cannot be opened', async () => {
    const r = await compileContext(contextSchema.parse({ geoip: { database: 'missing.mmdb' } }), dir);
    assert.equal(r.ok, false);
  });
});

describe('device posture', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const other = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const c = await compiled({ posture: { issuers: [{ issuer: 'https://mdm.example', jwks: { keys: [jwk] } }], maxAgeSec: 300 } });
  const sign = (claims: Record<string, unknown>, opts: { key?: typeof privateKey; iat?: number; aud?: string; iss?: string } = {}): Promise<string> =>
    new SignJWT({ posture: { managed: true, diskEncrypted: true, os: '14.2' }, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(opts.iss ?? 'https://mdm.example')
      .setAudience(opts.aud ?? 'urn:portcullis:gateway')
      .setSubject('device-7')
      .setIssuedAt(opts.iat ?? Math.floor(NOW / 1000) - 10)
      .sign(opts.key ?? privateKey);

  it('accepts a valid assertion', async () => {
    const f = await facts(c, { 'x-device-posture': await sign({}) });
    assert.equal(f.postureError, undefined);
    assert.deepEqual(f.posture, { source: 'https://mdm.example', deviceId: 'device-7', attributes: { managed: true, diskEncrypted: true, os: '14.2' }, issuedAt: Math.floor(NOW / 1000) - 10 });
  });

  const bad: { name: string; token: () => Promise<string>; error: string }[] = [
    { name: 'too old', token: () => sign({}, { iat: Math.floor(NOW / 1000) - 3600 }), error: 'expired' },
    { name: 'signed by another key', token: () => sign({}, { key: other.privateKey }), error: 'bad-signature' },
    { name: 'for another audience', token: () => sign({}, { aud: 'someone-else' }), error: 'bad-claim:aud' },
    { name: 'from an unknown issuer', token: () => sign({}, { iss: 'https://evil.example' }), error: 'unknown-issuer' },
    { name: 'not a JWT', token: () => Promise.resolve('hello'), error: 'malformed' },
    { name: 'without a posture claim', token: () => sign({ posture: 'yes' }), error: 'no-posture-claim' },
  ];
  for (const b of bad) {
    it(`rejects an assertion ${b.name}`, async () => {
      const f = await facts(c, { 'x-device-posture': await b.token() });
      assert.equal(f.posture, undefined);
      assert.equal(f.postureError, b.error);
    });
  }

  it('no header: no posture, reason missing', async () => {
    const f = await facts(c, {});
    assert.equal(f.posture, undefined);
    assert.equal(f.postureError, 'missing');
  });
});

describe('time and risk', () => {
  it('hour and ISO weekday in UTC and in a configured zone', async () => {
    assert.deepEqual(await facts(await compiled({}), {}).then((f) => [f.hour, f.weekday]), [14, 3]);
    assert.deepEqual(await facts(await compiled({ timeZone: 'Asia/Tokyo' }), {}).then((f) => [f.hour, f.weekday]), [23, 3]);
    assert.deepEqual(await facts(await compiled({ timeZone: 'Pacific/Kiritimati' }), {}).then((f) => [f.hour, f.weekday]), [4, 4]);
  });

  it('an unknown time zone is a config error', () => {
    assert.equal(contextSchema.safeParse({ timeZone: 'Mars/Olympus' }).success, false);
  });

  it('takes risk from the risk source, clamped, and a non-number as hostile', async () => {
    const c = await compiled({});
    assert.equal((await facts(c, {}, '127.0.0.1', { riskOf: () => 0.4 })).risk, 0.4);
    assert.equal((await facts(c, {}, '127.0.0.1', { riskOf: () => 7 })).risk, 1);
    assert.equal((await facts(c, {}, '127.0.0.1', { riskOf: () => Number.NaN })).risk, 1);
  });
});
