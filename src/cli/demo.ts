/**
 * `portcullis demo`: the gateway on its embedded defaults (SQLite under .portcullis/demo,
 * in-process state) in front of the built-in mock LLM, run as its own process, or in front of any
 * OpenAI-compatible server given with --upstream. Creates a demo API key and prints how to use it.
 */
import { request } from 'undici';
import { ConfigError, startGateway } from '../app.js';
import { configSchema, type Config } from '../config/schema.js';
import { createApiKey } from '../identity/api-keys.js';
import { createLogger } from '../log.js';
import { spawnMock, type MockProcess } from './mock-process.js';
import { CliError, parse, untilSignal } from './util.js';

export async function runDemo(args: readonly string[]): Promise<number> {
  const { values } = parse(args, {
    upstream: { type: 'string' },
    model: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'log-level': { type: 'string' },
    'data-dir': { type: 'string' },
  });
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a port number, not "${values.port}"`);
  const dataDir = values['data-dir'] ?? '.portcullis/demo';

  let mock: MockProcess | undefined;
  let routes: unknown[];
  let upstreamLabel: string;
  if (values.upstream) {
    const base = values.upstream.replace(/\/+$/, '');
    const model = values.model ?? (await firstUpstreamModel(base));
    const apiKey = process.env.PORTCULLIS_UPSTREAM_KEY;
    routes = [{ model: 'demo', targets: [{ provider: 'openai', baseUrl: base, model, ...(apiKey ? { apiKey } : {}) }] }];
    upstreamLabel = `${base}  (model ${model})`;
  } else {
    mock = await spawnMock();
    const base = `${mock.url}/v1`;
    routes = [
      { model: 'demo', targets: [{ provider: 'openai', baseUrl: base, model: 'mock-gpt' }] },
      { model: 'demo-claude', targets: [{ provider: 'anthropic', baseUrl: base, model: 'mock-claude' }] },
      {
        model: 'demo-fallback',
        targets: [
          { provider: 'openai', baseUrl: base, model: 'mock-status-503' },
          { provider: 'anthropic', baseUrl: base, model: 'mock-claude' },
        ],
      },
    ];
    upstreamLabel = `${base}  (built-in mock LLM, deterministic)`;
  }

  let config: Config;
  try {
    config = configSchema.parse({
      server: { host: values.host ?? '127.0.0.1', port },
      dataDir,
      storage: { url: `sqlite:${dataDir}/portcullis.db` },
      logging: { level: values['log-level'] ?? 'warn' },
      routes,
    });
  } catch (err) {
    await mock?.stop();
    throw new CliError(`demo settings are invalid: ${err instanceof Error ? err.message : String(err)}`);
  }

  let running;
  try {
    running = await startGateway({ config, logger: createLogger({ level: config.logging.level }) });
  } catch (err) {
    await mock?.stop();
    if (err instanceof ConfigError) throw new CliError(err.message);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError(`port ${port} is in use; pick another with --port N`);
    throw err;
  }
  const { key } = await createApiKey(running.store.apiKeys, running.secrets.pepper, { name: 'demo', principalId: 'demo-user', principalKind: 'user' }, Date.now());
  const gatewayUrl = `${running.url}/v1`;
  const models = config.routes.map((r) => r.model).join(', ');
  process.stdout.write(`
Portcullis demo is running.

  Gateway   ${gatewayUrl}
  Upstream  ${upstreamLabel}
  API key   ${key}
            (a new demo key, shown once; stored only as a keyed hash in ${dataDir})
  Models    ${models}

Try it with curl:

  curl -s ${gatewayUrl}/chat/completions -H "Authorization: Bearer ${key}" -H "Content-Type: application/json" -d '{"model":"demo","messages":[{"role":"user","content":"Hello, gateway"}]}'

or with the official openai client (npm install openai):

  import OpenAI from 'openai';
  const client = new OpenAI({ baseURL: '${gatewayUrl}', apiKey: '${key}' });
  const answer = await client.chat.completions.create({ model: 'demo', messages: [{ role: 'user', content: 'Hello, gateway' }] });
  console.log(answer.choices[0].message.content);

Press Ctrl-C to stop.
`);
  await untilSignal();
  process.stdout.write('Stopping…\n');
  await running.close();
  await mock?.stop();
  return 0;
}

/** Asks an OpenAI-compatible server which models it has, and takes the first. */
async function firstUpstreamModel(base: string): Promise<string> {
  try {
    const apiKey = process.env.PORTCULLIS_UPSTREAM_KEY;
    const res = await request(`${base}/models`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {}, headersTimeout: 5_000, bodyTimeout: 5_000 });
    const body = (await res.body.json()) as { data?: { id?: unknown }[] };
    const id = body.data?.[0]?.id;
    if (res.statusCode === 200 && typeof id === 'string') return id;
  } catch {
    // fall through to the error below
  }
  throw new CliError(`could not list models at ${base}/models; name one with --model`);
}
