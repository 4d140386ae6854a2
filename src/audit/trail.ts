/**
 * Assembly of the audit trail for a running gateway: the writer (log.ts), its completion hook and
 * its fail-closed admission stage, from the `audit:` config section.
 */
import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { open, sealingKey } from '../crypto/seal.js';
import type { ServerSecrets } from '../crypto/server-secrets.js';
import type { Logger } from '../log.js';
import type { Stage } from '../pipeline/types.js';
import type { CompletionHook, PayloadDigests } from '../server/completion.js';
import type { Store } from '../store/types.js';
import type { AuditEntry } from './chain.js';
import { auditAvailableStage, auditCompletionHook, auditPayloadDigests } from './gateway-hook.js';
import { jsonlExporter, webhookExporter, type AuditExporter } from './export.js';
import { otlpLogsExporter } from './export-otlp.js';
import { syslogExporter } from './export-syslog.js';
import { AuditLog } from './log.js';
import type { AdminAuditSink } from './admin-audit.js';
import { adminEntry, type AdminAction } from './admin-record.js';
import { payloadContext } from './record.js';

export interface AuditTrail {
  readonly log: AuditLog;
  readonly hook: CompletionHook;
  /** For the gateway (`GatewayDeps.payloadDigests`): which requests the hook needs digests of. */
  readonly payloadDigests: PayloadDigests;
  readonly stage: Stage;
  /** SIEM exporters fed with every durable record (config `audit.export`). */
  readonly exporters: readonly AuditExporter[];
  /**
   * Appends an admin-action record to the same chain (audit/admin-record.ts) and resolves once it
   * is durable (in the local journal, log.ts; the store follows within `storeDelayMs`). For any module that acts on
   * behalf of an operator or of the gateway itself, e.g. the incidents module:
   *   `await trail.recordAdminAction({ action: 'incident.open', actor: { kind: 'system' }, outcome: 'allow', target: { kind: 'incident', id } })`.
   * Rejects with a TypeError on a malformed action and with AuditUnavailableError when the
   * record could not be made durable.
   */
  readonly recordAdminAction: (action: AdminAction) => Promise<void>;
  /** The admin listener's view: records its calls and opens encrypted payloads. */
  readonly admin: AdminAuditSink;
  /** Writes what is queued, signs a final checkpoint. */
  close(): Promise<void>;
}

export function spoolFileOf(config: Config, baseDir: string): string {
  return resolve(baseDir, config.audit.spoolFile ?? resolve(resolve(baseDir, config.dataDir), 'audit.spool'));
}

export async function openAuditTrail(options: {
  readonly config: Config;
  readonly store: Store;
  readonly secrets: ServerSecrets;
  readonly log: Logger;
  readonly baseDir: string;
  /** The config requests currently run on (it changes on reload). */
  readonly currentConfig: () => Config;
}): Promise<AuditTrail> {
  const { config, store, secrets } = options;
  const sealing = sealingKey(secrets.masterKey);
  const exportLog = options.log.child({ component: 'audit-export' });
  const x = config.audit.export;
  const exporters: AuditExporter[] = [
    ...(x.jsonl ? [jsonlExporter({ file: resolve(options.baseDir, x.jsonl.file), log: exportLog })] : []),
    ...(x.webhook ? [webhookExporter({ url: x.webhook.url, secret: x.webhook.secret, maxQueue: x.webhook.maxQueue, log: exportLog })] : []),
    ...(x.syslog
      ? [
          syslogExporter({
            ...x.syslog,
            ...(x.syslog.tls ? { tls: filesIn(options.baseDir, x.syslog.tls) } : {}),
            log: exportLog,
          }),
        ]
      : []),
    ...(x.otlp ? [otlpLogsExporter({ ...x.otlp, log: exportLog })] : []),
  ];
  const log = await AuditLog.open({
    repo: store.audit,
    secrets: store.secrets,
    sealing,
    log: options.log.child({ component: 'audit' }),
    spoolFile: spoolFileOf(config, options.baseDir),
    checkpointEveryRecords: config.audit.checkpointEveryRecords,
    checkpointEveryMs: config.audit.checkpointEveryMs,
    maxBatch: config.audit.maxBatch,
    commitDelayMs: config.audit.commitDelayMs,
    ...(store.audit.storeBatch !== undefined ? { storeBatch: store.audit.storeBatch } : {}),
    ...(exporters.length > 0 ? { onDurable: (entries: readonly AuditEntry[]) => { for (const e of exporters) e.publish(entries); } } : {}),
  });
  const recordAdminAction = (action: AdminAction): Promise<void> => {
    let entry;
    try {
      entry = adminEntry(action);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new TypeError(String(err)));
    }
    return log.write(entry, 'spool');
  };
  return {
    log,
    recordAdminAction,
    admin: {
      record: recordAdminAction,
      openPayload: (row, sealed) => JSON.parse(open(sealing, sealed, payloadContext(row.requestId))) as unknown,
      sync: () => log.sync(),
    },
    hook: auditCompletionHook(log, options.currentConfig, sealing),
    payloadDigests: auditPayloadDigests(options.currentConfig),
    stage: auditAvailableStage(log, options.currentConfig),
    exporters,
    async close() {
      await log.close();
      await Promise.all(exporters.map((e) => e.close()));
    },
  };
}

/** Relative certificate paths resolve against the config's directory, like every other path. */
function filesIn<T extends { caFile?: string | undefined; certFile?: string | undefined; keyFile?: string | undefined }>(baseDir: string, t: T): T {
  const at = (f: string | undefined): string | undefined => (f === undefined ? undefined : resolve(baseDir, f));
  return { ...t, caFile: at(t.caFile), certFile: at(t.certFile), keyFile: at(t.keyFile) };
}
