/**
 * Compiles a validated config into the immutable runtime form the request path reads: routes by
 * public model name with their targets, adapters, connection pools and circuit breakers, and
 * credentials resolved. A reload compiles a new runtime and swaps it in whole.
 */
import type { Agent, Dispatcher } from 'undici';
import { ADAPTERS, type Target } from '../providers/adapters.js';
import { CircuitBreaker } from '../providers/breaker.js';
import type { RuntimeRoute } from '../providers/upstream.js';
import { compileGuards, type CompiledGuards } from '../guards/policy.js';
import { loadExternalDetectors } from '../guards/judge/load.js';
import type { ConfigIssue } from './load.js';
import { loadPolicy, type CompiledPolicy } from '../policy/load.js';
import { compileContext, type CompiledContext } from '../stages/context/compile.js';
import type { Config, TargetConfig } from './schema.js';
import { createUpstreamAgent } from '../tls/upstream.js';

export interface Runtime {
  readonly config: Config;
  readonly routes: ReadonlyMap<string, RuntimeRoute>;
  /** Inline guards: the findings scanner and every route's policy, compiled once per runtime. */
  readonly guards: CompiledGuards;
  /** Cedar policy sets (active and shadow), validated against the schema (policy/load.ts). */
  readonly policy: CompiledPolicy;
  /** Context-phase settings: trusted proxies, GeoIP, posture keys, clock (stages/context/compile.ts). */
  readonly context: CompiledContext;
  /** Closes the connection pools once their in-flight requests finish. */
  close(): Promise<void>;
}

export type SecretResolver = (name: string) => Promise<string | undefined>;

const SECRET_PREFIX = 'secret:';

export type CompileResult = { readonly ok: true; readonly runtime: Runtime } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

export interface CompileOptions {
  /** Relative paths (policy files, GeoIP database, posture keys) resolve against this. */
  readonly baseDir?: string;
}

export async function compileConfig(config: Config, resolveSecret: SecretResolver, options: CompileOptions = {}): Promise<CompileResult> {
  const issues: ConfigIssue[] = [];
  const agents = new Map<string, Agent>();
  // One pool per distinct timeout and TLS setting (tls/upstream.ts: verification is never off).
  const agentFor = (connectTimeoutMs: number, tls: TargetConfig['tls']): Dispatcher => {
    const key = JSON.stringify([connectTimeoutMs, tls ?? null]);
    let agent = agents.get(key);
    if (!agent) {
      agent = createUpstreamAgent({ connections: config.upstream.connections, connectTimeoutMs, tls });
      agents.set(key, agent);
    }
    return agent;
  };

  const routes = new Map<string, RuntimeRoute>();
  for (const [r, route] of config.routes.entries()) {
    const targets = [];
    for (const [t, tc] of route.targets.entries()) {
      let apiKey = tc.apiKey;
      if (apiKey?.startsWith(SECRET_PREFIX)) {
        const name = apiKey.slice(SECRET_PREFIX.length);
        try {
          apiKey = await resolveSecret(name);
        } catch {
          apiKey = undefined;
          issues.push({ path: `routes.${r}.targets.${t}.apiKey`, message: `stored secret "${name}" cannot be opened with this master key` });
          continue;
        }
        if (apiKey === undefined) {
          issues.push({ path: `routes.${r}.targets.${t}.apiKey`, message: `no stored secret named "${name}"` });
          continue;
        }
      }
      const target: Target = {
        provider: tc.provider,
        baseUrl: tc.baseUrl,
        model: tc.model,
        apiKey,
        apiVersion: tc.apiVersion,
        anthropicVersion: tc.anthropicVersion,
        defaultMaxTokens: tc.defaultMaxTokens,
        maxTokensField: tc.maxTokensField ?? defaultMaxTokensField(tc.provider, tc.baseUrl),
        connectTimeoutMs: tc.connectTimeoutMs ?? config.upstream.connectTimeoutMs,
        firstByteTimeoutMs: tc.firstByteTimeoutMs ?? config.upstream.firstByteTimeoutMs,
        idleTimeoutMs: tc.idleTimeoutMs ?? config.upstream.idleTimeoutMs,
      };
      let dispatcher: Dispatcher;
      try {
        dispatcher = agentFor(target.connectTimeoutMs, tc.tls);
      } catch (err) {
        issues.push({ path: `routes.${r}.targets.${t}.tls`, message: err instanceof Error ? err.message : String(err) });
        continue;
      }
      targets.push(
        Object.freeze({
          target: Object.freeze(target),
          adapter: ADAPTERS[tc.provider],
          dispatcher,
          breaker: new CircuitBreaker(route.circuitBreaker),
        }),
      );
    }
    routes.set(
      route.model,
      Object.freeze({
        model: route.model,
        targets: Object.freeze(targets),
        retry: Object.freeze({ ...route.retry }),
        embeddings: targets.some((t) => t.adapter.embeddingsUrl(t.target) !== undefined),
      }),
    );
  }

  const close = async (): Promise<void> => {
    await Promise.all([...agents.values()].map((a) => a.close()));
  };
  // An invalid policy set or context setting fails the whole compile, so a reload keeps the running one.
  const baseDir = options.baseDir ?? process.cwd();
  const policy = await loadPolicy(config.policy, config.routes, baseDir);
  if (!policy.ok) for (const i of policy.issues) issues.push({ path: `policy${i.policyId ? ` (${i.policyId})` : ''}`, message: `${i.origin}: ${i.message}` });
  const context = await compileContext(config.context, baseDir);
  if (!context.ok) issues.push(...context.issues);
  if (issues.length > 0 || !policy.ok || !context.ok) {
    await close();
    return { ok: false, issues };
  }
  // Optional guard detectors (LLM judge, ONNX): loaded once per runtime, refused with their config path.
  const detectors = await loadExternalDetectors(config, routes);
  if (!detectors.ok) {
    await close();
    return { ok: false, issues: detectors.issues };
  }
  const guards = compileGuards(config.guards, config.routes, detectors.detectors);
  return { ok: true, runtime: Object.freeze({ config, routes, guards, policy: policy.policy, context: context.context, close }) };
}

function defaultMaxTokensField(provider: string, baseUrl: string): 'max_tokens' | 'max_completion_tokens' {
  if (provider === 'azure-openai') return 'max_completion_tokens';
  return new URL(baseUrl).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens';
}
