/**
 * Builds the identity side of a running gateway from its config: the data-plane identity stage
 * (API keys, gateway tokens with DPoP, OIDC issuers), the token and JWKS endpoints, the signing
 * keyring with its rotation timer, and the admin listener when `admin:` is configured.
 */
import type { AddressInfo } from 'node:net';
import { createAdminServer, type AdminDeps, type AdminServer } from '../admin/server.js';
import type { Config } from '../config/schema.js';
import { sealingKey } from '../crypto/seal.js';
import type { ServerSecrets } from '../crypto/server-secrets.js';
import type { Logger } from '../log.js';
import type { Stage } from '../pipeline/types.js';
import { createAuthRoutes, type AuthRoutes } from '../server/auth-routes.js';
import { apiKeyStage } from '../stages/identity/api-key.js';
import { credentialStage } from '../stages/identity/credential.js';
import { credentialRecheckStage } from '../stages/identity/stream-recheck.js';
import type { Store } from '../store/types.js';
import { OidcIssuer, undiciJsonFetcher, type JsonFetcher } from './oidc.js';
import { AttemptLimiter, OperatorService } from './operators.js';
import { MemoryReplayCache, type ReplayCache } from './replay.js';
import { SigningKeyring } from './signing-keys.js';

export interface Identity {
  readonly stage: Stage;
  /** Output phase: ends streams whose credential is revoked or expires while they run. */
  readonly streamStage: Stage;
  readonly auth: AuthRoutes;
  readonly keyring: SigningKeyring;
  /** Starts the admin listener when configured; returns its URL. */
  /** `extras`: admin routes owned elsewhere (`GET /metrics`). */
  startAdmin(extras?: Pick<AdminDeps, 'metrics' | 'authorize' | 'audit' | 'incidents'>): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * How often a stream looks its credential up again: revocation reaches running streams within
 * about this long, at one store read per stream per interval.
 */
const STREAM_RECHECK_MS = 2_000;

export interface IdentityOptions {
  readonly config: Config;
  readonly store: Store;
  readonly secrets: ServerSecrets;
  readonly log: Logger;
  readonly now?: () => number;
  readonly fetch?: JsonFetcher;
  readonly replay?: ReplayCache;
}

export async function createIdentity(options: IdentityOptions): Promise<Identity> {
  const { config, store, secrets, log } = options;
  const now = options.now ?? Date.now;
  const t = config.identity.tokens;
  const sealing = sealingKey(secrets.masterKey);
  const keyring = new SigningKeyring({ repo: store.signingKeys, sealing, alg: t.algorithm, rotationMs: t.keyRotationSec * 1000, now });
  await keyring.start();
  const rotation = setInterval(
    () => {
      keyring.rotateIfDue().then(
        (rotated) => rotated && log.info('token signing key rotated'),
        (err: unknown) => log.error({ err }, 'token signing key rotation failed'),
      );
    },
    Math.min(t.keyRotationSec * 100, 3_600_000),
  );
  rotation.unref();

  const replay = options.replay ?? new MemoryReplayCache();
  const settings = { issuer: t.issuer, audience: t.audience, ttlSec: t.ttlSec };
  const fetch = options.fetch ?? undiciJsonFetcher();
  const oidc = config.identity.oidc.map((c) => new OidcIssuer(c, fetch, now));
  const apiKeys = apiKeyStage({ repo: store.apiKeys, pepper: secrets.pepper, now });
  const dpop = { dpopMaxAgeSec: t.dpopMaxAgeSec, dpopClockSkewSec: t.dpopClockSkewSec, ...(t.publicUrl ? { publicUrl: t.publicUrl } : {}) };
  const stage = credentialStage({
    apiKeys,
    apiKeyRepo: store.apiKeys,
    tokens: { keyring, settings, replay, ...dpop },
    oidc,
    ...(config.server.tls?.clientCa ? { mtls: config.identity.mtls } : {}),
    maxTokenBytes: config.identity.maxTokenBytes,
    now,
    failures: new AttemptLimiter({
      freeAttempts: config.identity.failedAuth.freeAttempts,
      baseMs: 1_000,
      maxMs: config.identity.failedAuth.maxLockSec * 1000,
      windowMs: config.identity.failedAuth.windowSec * 1000,
    }),
  });
  const streamStage = credentialRecheckStage({ credentials: stage, apiKeyRepo: store.apiKeys, intervalMs: STREAM_RECHECK_MS, now });
  const auth = createAuthRoutes({ keyring, settings, replay, maxTokenBytes: config.identity.maxTokenBytes, now, ...dpop });

  let admin: AdminServer | undefined;
  return {
    stage,
    streamStage,
    auth,
    keyring,
    async startAdmin(extras) {
      if (!config.admin) return undefined;
      const operators = new OperatorService({
        store,
        pepper: secrets.pepper,
        sealing,
        sessionTtlMs: config.admin.sessionTtlSec * 1000,
        stepUpWindowMs: config.admin.stepUpWindowSec * 1000,
        now,
      });
      admin = createAdminServer({ config: config.admin, store, pepper: secrets.pepper, operators, log: log.child({ plane: 'admin' }), now, ...extras });
      const address: AddressInfo = await admin.listen();
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `${config.admin.tls ? 'https' : 'http'}://${host}:${address.port}`;
      log.info({ adminUrl: url }, 'admin listening');
      return url;
    },
    async close() {
      clearInterval(rotation);
      await admin?.close();
      await apiKeys.close();
    },
  };
}
