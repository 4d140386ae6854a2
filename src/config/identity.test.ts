import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { configSchema } from './schema.js';

describe('identity and admin configuration', () => {
  it('defaults: 10-minute EdDSA tokens, no OIDC issuers, no admin listener', () => {
    const config = configSchema.parse({});
    assert.equal(config.identity.tokens.ttlSec, 600);
    assert.equal(config.identity.tokens.algorithm, 'EdDSA');
    assert.deepEqual(config.identity.oidc, []);
    assert.equal(config.admin, undefined);
    assert.equal(configSchema.parse({ admin: {} }).admin?.port, 8081);
  });

  it('refuses an admin listener off loopback without TLS, unless told', () => {
    assert.equal(configSchema.safeParse({ admin: { host: '0.0.0.0' } }).success, false);
    assert.equal(configSchema.safeParse({ admin: { host: '0.0.0.0', allowInsecureBind: true } }).success, true);
  });

  it('requireClientCert needs a client CA; an issuer cannot be configured twice', () => {
    const tls = { certFile: 'c.pem', keyFile: 'k.pem' };
    assert.equal(configSchema.safeParse({ server: { tls: { ...tls, requireClientCert: true } } }).success, false);
    assert.equal(configSchema.safeParse({ server: { tls: { ...tls, clientCa: 'ca.pem', requireClientCert: true } } }).success, true);
    const issuer = { issuer: 'https://idp.example', audience: 'gw' };
    assert.equal(configSchema.safeParse({ identity: { oidc: [issuer, issuer] } }).success, false);
  });
});
