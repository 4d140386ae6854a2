/**
 * A local OIDC issuer for tests: a small node:http server that serves OpenID discovery and a JWKS,
 * mints RS256 access tokens with jose, can rotate its key and can go down (503) on demand.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface LocalIssuer {
  readonly url: string;
  /** Mints a token; `header` adds or overrides protected-header parameters. */
  mint(claims?: JWTPayload, options?: { header?: Record<string, unknown>; expiresIn?: string | number; kid?: string; key?: CryptoKey }): Promise<string>;
  /** The current public key as SPKI PEM (for algorithm-confusion attacks). */
  publicPem(): Promise<string>;
  /** Adds a new key (published next fetch) and signs with it from now on. */
  rotate(): Promise<string>;
  setDown(down: boolean): void;
  readonly jwksHits: number;
  close(): Promise<void>;
}

interface IssuerKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

async function newKey(kid: string): Promise<IssuerKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export async function startLocalIssuer(audience: string): Promise<LocalIssuer> {
  const keys: IssuerKey[] = [await newKey('k1')];
  let down = false;
  let hits = 0;
  let url = '';
  const server = http.createServer((req, res) => {
    if (down) {
      res.writeHead(503).end();
      return;
    }
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks` }));
      return;
    }
    if (req.url === '/jwks') {
      hits += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const current = (): IssuerKey => keys.at(-1) as IssuerKey;
  return {
    url,
    async mint(claims = {}, options = {}) {
      const key = current();
      return new SignJWT({ sub: 'alice', roles: ['analyst'], team: 'research', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? key.kid, typ: 'JWT', ...(options.header ?? {}) })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : url)
        .setAudience(claims.aud ?? audience)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '5m')
        .sign(options.key ?? key.privateKey);
    },
    publicPem: () => exportSPKI(current().publicKey),
    async rotate() {
      const key = await newKey(`k${keys.length + 1}`);
      keys.push(key);
      return key.kid;
    },
    setDown(value) {
      down = value;
    },
    get jwksHits() {
      return hits;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
