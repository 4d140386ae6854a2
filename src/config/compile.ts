/**
 * Compiles a validated config into the immutable runtime form the request path reads: routes by
 * public model name with their targets, adapters, connection pools and circuit breakers, and
 * credentials resolved. A reload compiles a new runtime and swaps it in whole.
 */
import { Agent, type Dispatcher } from 'undici';
import { ADAPTERS, type Target } from '../providers/adapters.js';
import { CircuitBreaker } from '../providers/breaker.js';
import type { RuntimeRoute } from '../providers/upstream.js';
import { compileGuards, type CompiledGuards } from '../guards/policy.js';
import { loadExternalDetectors } from '../guards/judge/load.js';
import type { ConfigIssue } from './load.js';
import type { Config } from './schema.js';

export interface Runtime {
  readonly config: Config;
  readonly routes: ReadonlyMap<string, RuntimeRoute>;
  /** Inline guards: the findings scanner and every route's policy, compiled once per runtime. */
  readonly guards: CompiledGuards;
  /** Closes the connection pools once their in-flight requests finish. */
  close(): Promise<void>;
}

export type SecretResolver = (name: string) => Promise<string | undefined>;

const SECRET_PREFIX = 'secret:';

export type CompileResult = { readonly ok: true; readonly runtime: Runtime } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

export async function compileConfig(config: Config, resolveSecret: SecretResolver): Promise<CompileResult> {
  const issues: ConfigIssue[] = [];
  const agents = new Map<number, Agent>();
  const agentFor = (connectTimeoutMs: number): Dispatcher => {
    let agent = agents.get(connectTimeoutMs);
    if (!agent) {
      agent = new Agent({ connections: config.upstream.connections, keepAliveTimeout: 30_000, connect: { timeout: connectTimeoutMs } });
      agents.set(connectTimeoutMs, agent);
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
      targets.push(
        Object.freeze({
          target: Object.freeze(target),
          adapter: ADAPTERS[tc.provider],
          dispatcher: agentFor(target.connectTimeoutMs),
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
  if (issues.length > 0) {
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
  return { ok: true, runtime: Object.freeze({ config, routes, guards, close }) };
}

function defaultMaxTokensField(provider: string, baseUrl: string): 'max_tokens' | 'max_completion_tokens' {
  if (provider === 'azure-openai') return 'max_completion_tokens';
  return new URL(baseUrl).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens';
}
