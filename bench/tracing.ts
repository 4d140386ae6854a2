/**
 * What tracing costs the request path: `node dist/bench/tracing.js [--seconds S] [--rounds N]`.
 *
 * Three gateways in this process, the same config but `telemetry.traces`: off (no endpoint), on
 * with `samplingRatio: 0` (a non-recording span per request), on with `samplingRatio: 1` (every
 * span exported to a local OTLP sink). Each round runs a closed loop of non-streamed chat requests
 * against each in turn, interleaved, and reports requests/s per variant. Everything shares one
 * process and a loaded machine, so compare variants within a round, not across runs; the
 * acceptance check is that "off" pays nothing measurable (it creates no span object at all —
 * `tracing.ts` returns no tracer without an endpoint). A second part times the helper the
 * request path calls with tracing off (`traceUpstream(undefined, …)`) against a direct call.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { startGateway, type RunningGateway } from '../src/app.js';
import { configSchema } from '../src/config/schema.js';
import { createApiKey } from '../src/identity/api-keys.js';
import { createLogger } from '../src/log.js';
import { startMockServer } from '../src/mock/server.js';
import { traceUpstream } from '../src/telemetry/tracing.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, rounds: { type: 'string', default: '3' }, connections: { type: 'string', default: '16' } } });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);

async function closedLoop(url: string, key: string, ms: number): Promise<number> {
  const pool = new Pool(url, { connections });
  const body = JSON.stringify({ model: 'gpt', messages: [{ role: 'user', content: 'hello there' }] });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  let done = 0;
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const res = await pool.request({ method: 'POST', path: '/v1/chat/completions', headers, body });
        await res.body.dump();
        if (res.statusCode === 200) done++;
      }
    }),
  );
  await pool.close();
  return done / (ms / 1000);
}

async function main(): Promise<void> {
  const mock = await startMockServer({ port: 0 });
  const sink = createServer((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const otlp = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/v1/traces`;
  const dirs: string[] = [];
  const variants: { name: string; traces: object }[] = [
    { name: 'off', traces: {} },
    { name: 'on, ratio 0', traces: { otlpEndpoint: otlp, samplingRatio: 0 } },
    { name: 'on, ratio 1', traces: { otlpEndpoint: otlp, samplingRatio: 1 } },
  ];
  const running: { name: string; gw: RunningGateway; key: string }[] = [];
  for (const v of variants) {
    const dir = mkdtempSync(join(tmpdir(), 'pc-bench-tracing-'));
    dirs.push(dir);
    const config = configSchema.parse({
      server: { port: 0 },
      dataDir: dir,
      storage: { url: `sqlite:${join(dir, 'db.sqlite')}` },
      logging: { level: 'silent' },
      audit: { enabled: false },
      telemetry: { traces: v.traces },
      routes: [{ model: 'gpt', targets: [{ provider: 'openai', baseUrl: `${mock.url}/v1`, model: 'mock-gpt' }] }],
    });
    const gw = await startGateway({ config, baseDir: dir, logger: createLogger({ level: 'silent' }) });
    const { key } = await createApiKey(gw.store.apiKeys, gw.secrets.pepper, { name: 'bench' }, Date.now());
    running.push({ name: v.name, gw, key });
  }
  const results = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (const r of running) await closedLoop(r.gw.url, r.key, 500); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const r of running) (results.get(r.name) as number[]).push(await closedLoop(r.gw.url, r.key, seconds * 1000));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const off = median(results.get('off') as number[]);
  process.stdout.write(`tracing cost, ${rounds} interleaved rounds × ${seconds} s, ${connections} connections, non-streamed chat (in-process mock)\n`);
  for (const [name, xs] of results) {
    const m = median(xs);
    process.stdout.write(`  ${name.padEnd(12)} median ${m.toFixed(0)} req/s  (${xs.map((x) => x.toFixed(0)).join(', ')})  ${name === 'off' ? '' : `${(((off - m) / off) * 100).toFixed(1)} % below off`}\n`);
  }

  // The only code tracing adds to an untraced request: an undefined check and one wrapper call.
  const N = 2_000_000;
  const direct = (h: unknown) => Promise.resolve(h);
  let t = performance.now();
  for (let i = 0; i < N; i++) await direct(undefined);
  const directNs = ((performance.now() - t) * 1e6) / N;
  t = performance.now();
  for (let i = 0; i < N; i++) await traceUpstream(undefined, 'gpt', direct);
  const wrappedNs = ((performance.now() - t) * 1e6) / N;
  process.stdout.write(`  traceUpstream(undefined) vs direct call: ${wrappedNs.toFixed(0)} ns vs ${directNs.toFixed(0)} ns per call (+${(wrappedNs - directNs).toFixed(0)} ns)\n`);

  for (const r of running) await r.gw.close();
  await mock.close();
  await new Promise<void>((r) => sink.close(() => r()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

await main();
