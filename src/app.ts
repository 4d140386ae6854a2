/**
 * Assembles a running gateway from a config: store, server secrets, pipeline stages, compiled
 * runtime and listener, plus reload on SIGHUP or file change and a clean shutdown. The CLI's
 * `start` and `demo` both go through here.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { openAuditTrail } from './audit/trail.js';
import { GatewayMetrics } from './admin/metrics.js';
import { registerMonitorMetrics } from './monitor/metrics.js';
import { compileConfig, type Runtime, type SecretResolver } from './config/compile.js';
import { loadConfigFile, type ConfigIssue } from './config/load.js';
import type { Config } from './config/schema.js';
import { open, sealingKey } from './crypto/seal.js';
import { loadServerSecrets, type ServerSecrets } from './crypto/server-secrets.js';
import { masterKeyOptions } from './crypto/config.js';
import { createLogger, type Logger } from './log.js';
import { Pipeline } from './pipeline/runner.js';
import { createGateway, type Gateway } from './server/gateway.js';
import { createIdentity } from './identity/assemble.js';
import { AuthorizationRegistry, authorizeStage, type ShadowStats } from './stages/authorize/policy.js';
import { toolCallStage } from './stages/authorize/tool-calls.js';
import { adminAuthorizer } from './policy/admin.js';
import { contextStage } from './stages/context/stage.js';
import type { RiskSource } from './context/types.js';
import { createRequestGuardsRegistry, inputGuardStage } from './stages/input/guards.js';
import { outputGuardStage } from './stages/output/guards.js';
import { guardHashKey } from './guards/redact.js';
import { createLimits, limitsIssues } from './limits/assemble.js';
import { createTokenVault } from './vault/index.js';
import { openStore } from './store/open.js';
import type { Store } from './store/types.js';
import type { RequestSummary } from './server/completion.js';
import { createTracing } from './telemetry/tracing.js';
import { createMonitoring } from './monitor/assemble.js';
import type { IncidentEvent } from './incidents/engine.js';
import { auditIncidentEvents } from './incidents/audit.js';

export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(issues.map((i) => `${i.path || '(file)'}: ${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export interface RunningGateway {
  readonly address: AddressInfo;
  readonly url: string;
  readonly store: Store;
  readonly secrets: ServerSecrets;
  readonly gateway: Gateway;
  readonly log: Logger;
  /** Re-reads the config file; keeps the running config when the new one is invalid. */
  reload(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens the store and the server secrets a config names; used by `start` and by admin CLI commands. */
export function openState(config: Config, baseDir: string): { store: Store; secrets: ServerSecrets } {
  const dataDir = resolve(baseDir, config.dataDir);
  const secrets = loadServerSecrets({ dataDir, pepper: config.secrets.pepper, ...masterKeyOptions(config, baseDir) });
  const store = openStore(config.storage.url, baseDir);
  return { store, secrets };
}

export function secretResolver(store: Store, secrets: ServerSecrets): SecretResolver {
  const key = sealingKey(secrets.masterKey);
  return async (name) => {
    const sealed = await store.secrets.get(name);
    return sealed === undefined ? undefined : open(key, sealed, name);
  };
}

export interface StartOptions {
  readonly config: Config;
  /** When set, reload re-reads this file (SIGHUP and file changes). */
  readonly configFile?: string;
  /** Relative paths in the config resolve against this. */
  readonly baseDir?: string;
  readonly logger?: Logger;
  /** Listen for SIGHUP and file changes (the CLI does; tests usually don't). */
  readonly watchConfig?: boolean;
  /** Risk scores for the context phase (the monitoring plane); 0 for everyone when unset. */
  readonly risk?: RiskSource;
  /** Every incident lifecycle event (issue 8), besides the audit record and log line. */
  readonly onIncidentEvent?: (event: IncidentEvent) => void;
}

export async function startGateway(options: StartOptions): Promise<RunningGateway> {
  const baseDir = options.baseDir ?? process.cwd();
  const log = options.logger ?? createLogger({ level: options.config.logging.level });
  const { store, secrets } = openState(options.config, baseDir);
  const resolveSecret = secretResolver(store, secrets);
  const compiled = await compileConfig(options.config, resolveSecret, { baseDir });
  if (!compiled.ok) {
    await store.close();
    throw new ConfigError(compiled.issues);
  }
  const limitIssues = limitsIssues(options.config);
  if (limitIssues.length > 0) {
    await compiled.runtime.close();
    await store.close();
    throw new ConfigError(limitIssues);
  }
  // API keys, gateway tokens (DPoP), OIDC issuers and the admin listener (identity/assemble.ts).
  const identity = await createIdentity({ config: options.config, store, secrets, log });
  // The audit trail follows reloads through the gateway's current runtime (bound below).
  const audit = options.config.audit.enabled
    ? await openAuditTrail({ config: options.config, store, secrets, log, baseDir, currentConfig: () => gateway.runtime.config })
    : undefined;
  // Input and output guards share per-request state (route policy, canary); they follow reloads
  // through the gateway's current runtime, like the audit trail.
  // Monitoring (issue 8): scores requests, enforces incident actions, may tighten a route's guards.
  const recordIncident = auditIncidentEvents(audit?.recordAdminAction, log);
  const monitoring = options.config.monitor.enabled
    ? await createMonitoring({
        config: options.config,
        store,
        log,
        onIncidentEvent: (event) => {
          recordIncident(event);
          options.onIncidentEvent?.(event);
        },
      }).catch(async (err: unknown) => {
        await identity.close();
        await audit?.close();
        await store.close();
        throw err;
      })
    : undefined;
  const currentGuards = monitoring ? () => monitoring.guards(gateway.runtime.guards) : () => gateway.runtime.guards;
  const guardOptions = { guards: currentGuards, hashKey: guardHashKey(secrets.masterKey), registry: createRequestGuardsRegistry(), vault: createTokenVault(options.config.guards.vault, secrets.keyring) };
  // Context facts and Cedar authorization (issue 4) follow reloads the same way. The risk score
  // comes from the monitoring plane when it is on.
  const risk = options.risk ?? monitoring?.risk;
  const authorization = { policy: () => gateway.runtime.policy, registry: new AuthorizationRegistry(), shadowStats: { differences: 0, evaluations: 0 } satisfies ShadowStats };
  const context = contextStage({ context: () => gateway.runtime.context, ...(risk ? { risk } : {}) });
  // Rate limits and quotas (limits/assemble.ts); no stage without rules. Follows reloads like the guards.
  const limits = await createLimits(options.config, log, () => gateway.runtime.config);
  // Within a phase stages run in this order: the IP block before identity, enforcement after the context facts.
  const pipeline = new Pipeline(
    [
      ...(monitoring ? [monitoring.ipStage] : []),
      identity.stage,
      context,
      ...(monitoring ? [monitoring.enforceStage] : []),
      authorizeStage(authorization),
      ...(limits ? [limits.stage] : []),
      ...(monitoring ? [monitoring.observeStage] : []),
      inputGuardStage(guardOptions),
      identity.streamStage,
      toolCallStage(authorization),
      outputGuardStage(guardOptions),
      ...(audit ? [audit.stage] : []),
    ],
    { defaultTimeoutMs: options.config.pipeline.stageTimeoutMs },
  );
  // Prometheus metrics exist only where they can be read: with the admin listener on.
  const metrics = options.config.admin
    ? new GatewayMetrics(
        (model) => gateway.runtime.routes.has(model),
        audit ? { stats: () => audit.log.stats, exportDrops: () => Object.fromEntries(audit.exporters.map((e) => [e.name, e.dropped])) } : undefined,
      )
    : undefined;
  if (metrics) registerMonitorMetrics(metrics.registry, { monitoring, shadow: authorization.shadowStats });
  const onComplete = metrics
    ? audit
      ? function observed(summary: RequestSummary) {
          metrics.observe(summary);
          return audit.hook(summary);
        }
      : (summary: RequestSummary) => metrics.observe(summary)
    : audit?.hook;
  // Traces are off (and cost nothing) unless telemetry.traces.otlpEndpoint is set; restart to change.
  const tracing = createTracing(options.config.telemetry.traces);
  const observedComplete = monitoring
    ? function monitored(summary: RequestSummary) {
        monitoring.onComplete(summary);
        return onComplete?.(summary);
      }
    : onComplete;
  const gateway = createGateway({ runtime: compiled.runtime, pipeline, store, log, auth: identity.auth, ...(observedComplete ? { onComplete: observedComplete } : {}), ...(audit ? { payloadDigests: audit.payloadDigests } : {}), ...(tracing ? { tracing } : {}) });
  let address: AddressInfo;
  try {
    address = await gateway.listen();
  } catch (err) {
    await identity.close();
    await monitoring?.close();
    await audit?.close();
    await limits?.close();
    await compiled.runtime.close();
    await store.close();
    throw err;
  }
  try {
    await identity.startAdmin({
      ...(metrics ? { metrics } : {}),
      ...(audit ? { audit: audit.admin } : {}),
      authorize: adminAuthorizer({ policy: () => gateway.runtime.policy, context: () => gateway.runtime.context, log, shadowStats: authorization.shadowStats, ...(options.risk ? { risk: options.risk } : {}) }),
      ...(monitoring ? { incidents: { repo: store.incidents, engine: monitoring.engine, enforcement: monitoring.enforcement, now: Date.now } } : {}),
    });
  } catch (err) {
    await gateway.close();
    await identity.close();
    await monitoring?.close();
    await audit?.close();
    await limits?.close();
    await store.close();
    throw err;
  }
  const scheme = options.config.server.tls ? 'https' : 'http';
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let reloading: Promise<boolean> | undefined;
  const reload = async (): Promise<boolean> => {
    if (!options.configFile) return false;
    const loaded = await loadConfigFile(options.configFile);
    if (!loaded.ok) {
      log.error({ issues: loaded.issues }, 'config reload rejected; keeping the running config');
      return false;
    }
    const next = await compileConfig(loaded.config, resolveSecret, { baseDir });
    if (!next.ok) {
      log.error({ issues: next.issues }, 'config reload rejected; keeping the running config');
      return false;
    }
    const nextLimitIssues = limitsIssues(loaded.config);
    if (nextLimitIssues.length > 0) {
      await next.runtime.close();
      log.error({ issues: nextLimitIssues }, 'config reload rejected; keeping the running config');
      return false;
    }
    if (!sameListener(gateway.runtime, next.runtime)) log.warn('listener, storage and secrets settings change only on restart');
    gateway.setRuntime(next.runtime);
    log.info({ routes: next.runtime.routes.size }, 'config reloaded');
    return true;
  };
  const reloadOnce = (): void => {
    // Coalesce bursts (editors write files in several steps).
    reloading ??= reload().finally(() => {
      reloading = undefined;
    });
  };

  let watcher: FSWatcher | undefined;
  let debounce: NodeJS.Timeout | undefined;
  if (options.watchConfig && options.configFile) {
    process.on('SIGHUP', reloadOnce);
    watcher = watch(options.configFile, () => {
      clearTimeout(debounce);
      debounce = setTimeout(reloadOnce, 200);
    });
    watcher.on('error', (err) => log.warn({ err }, 'config file watch failed; SIGHUP still reloads'));
  }

  return {
    address,
    url: `${scheme}://${host}:${address.port}`,
    store,
    secrets,
    gateway,
    log,
    reload,
    async close() {
      if (options.watchConfig) process.off('SIGHUP', reloadOnce);
      watcher?.close();
      clearTimeout(debounce);
      await gateway.close();
      await identity.close();
      await monitoring?.close();
      // After the listener: requests still finishing wait on their records.
      await audit?.close();
      await limits?.close();
      await tracing?.shutdown().catch((err: unknown) => log.warn({ err }, 'trace export on shutdown failed'));
      await store.close();
      log.flush();
    },
  };
}

function sameListener(a: Runtime, b: Runtime): boolean {
  return JSON.stringify([a.config.server, a.config.storage, a.config.dataDir, a.config.secrets]) === JSON.stringify([b.config.server, b.config.storage, b.config.dataDir, b.config.secrets]);
}
