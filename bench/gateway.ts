/**
 * `npm run bench`: Portcullis versus Portkey's open-source gateway versus the bare mock LLM and
 * the cheapest possible Node proxy in front of it (`floor-proxy.ts`), measured in one run,
 * interleaved, on pinned cores (issue 2, "Benchmark"), Portcullis both with its audit trail on (the
 * default) and off, for the audit's cost (issue 7); then the guard detectors' latency (issues 5
 * and 6, `guards.ts`) and credential verification (issue 3, `identity.ts`).
 *
 * This process only orchestrates: it starts the servers, checks that each answers correctly, runs
 * one load-generator process (`load.ts`) per measurement, reads CPU time from /proc, runs the
 * guard micro-benchmark in-process once the servers are stopped, and writes the tables to the
 * terminal and to `docs/benchmarks.md`. Every child it starts is stopped at the end, on failure
 * and on Ctrl-C.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { MOCK_ENTRY, spawnMock, type MockProcess } from '../src/cli/mock-process.js';
import { NODE_FLAGS } from '../src/cli/node-flags.js';
import { runGuardBench, type GuardBenchResult } from './guards.js';
import { runIdentityBench, type IdentityCase } from './identity.js';
import { runPolicyBench } from './policy.js';
import { benchConfig, type Variant } from './portcullis-config.js';
import { measureVerifySpeedIn, type VerifySpeed } from './verify-speed.js';
import { choosePinning, coreTimes, cpuMs, killAllNow, pinSelf, spawnTracked, stopAll, track, type Pinning } from './procs.js';
import type { LoadResult, LoadSpec, LoadTarget } from './protocol.js';
import {
  estimateSeconds,
  FULL_DEFAULTS,
  HTTP_METRICS,
  isHttpMetric,
  LABELS,
  markdown,
  METRICS,
  summarise,
  TARGETS,
  textTable,
  type BenchData,
  type CpuTally,
  type Metric,
  type Rounds,
  type RunSettings,
  type TargetName,
} from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/src/cli/main.js');
const LOAD = fileURLToPath(new URL('./load.js', import.meta.url));
const PORTKEY = join(ROOT, 'node_modules/@portkey-ai/gateway/build/start-server.js');
const FLOOR = fileURLToPath(new URL('./floor-proxy.js', import.meta.url));
const DEFAULT_OUT = join(ROOT, 'docs/benchmarks.md');

/** Cores: servers share one, the load generator gets the other. */
const SERVER_CORE = 0;
const LOAD_CORE = 1;

const PROMPT = 'Say hello';
const EXPECT = `Mock answer to: ${PROMPT}`;

/** Command-line and environment options. */
interface Options extends RunSettings {
  readonly out: string | undefined;
  readonly noPin: boolean;
  readonly profileDir: string | undefined;
  /** The floor proxy translates JSON both ways (`floor-proxy.ts --translate`). */
  readonly floorTranslate: boolean;
}

class BenchError extends Error {}

function numberOption(flag: string, value: string | undefined, env: string, fallback: number, min: number, max: number): number {
  const text = value ?? process.env[env];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new BenchError(`--${flag} (or ${env}) must be a number in [${min}, ${max}], got "${text}"`);
  return n;
}

const USAGE = `usage: npm run bench -- [options]
  --rounds N          interleaved rounds per metric (default 5; BENCH_ROUNDS)
  --seconds S         measured seconds per throughput/latency run (default 3; BENCH_SECONDS)
  --ttfb-seconds S    measured seconds of sequential streams per TTFB run (default 2; BENCH_TTFB_SECONDS)
  --warmup S          unmeasured warm-up before each run (default 1; BENCH_WARMUP)
  --connections N     closed-loop connections (default 64; BENCH_CONNECTIONS)
  --rate R            open-loop request rate (default 500; BENCH_RATE)
  --chunks N          chunks per streamed answer (default 50; BENCH_CHUNKS)
  --guard-seconds S   measured seconds per guard case, plus a third as warm-up (default 1.5; BENCH_GUARD_SECONDS)
  --targets LIST      which servers to measure, any of ${TARGETS.join(',')} (default all; BENCH_TARGETS);
                      the mock is always measured, since the added figures are relative to it;
                      a run of some targets writes no doc unless --out
  --metrics LIST      any of throughput,latency,ttfb,guards,identity,policy,verify (default all; BENCH_METRICS);
                      "guards" and "identity" alone start no server and write no doc unless --out
  --quick             one short round of everything; writes no doc unless --out (BENCH_QUICK=1)
  --out FILE          where to write the Markdown report (default docs/benchmarks.md; BENCH_OUT)
  --no-pin            do not pin processes with taskset (BENCH_NO_PIN=1)
  --profile DIR       run Portcullis under node --cpu-prof, profiles land in DIR
  --v8-defaults       start Portcullis without its launcher's Node options (src/cli/node-flags.ts),
                      as a bare \`node dist/src/cli/main.js start\` would; the report says so
  --floor-translate   run the floor proxy with --translate (JSON parsed and rebuilt both ways,
                      floor-proxy.ts): the floor of a gateway with a canonical form; the report
                      says so in its warnings
`;

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      'ttfb-seconds': { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      rate: { type: 'string' },
      chunks: { type: 'string' },
      'guard-seconds': { type: 'string' },
      metrics: { type: 'string' },
      targets: { type: 'string' },
      quick: { type: 'boolean' },
      out: { type: 'string' },
      'no-pin': { type: 'boolean' },
      profile: { type: 'string' },
      'floor-translate': { type: 'boolean' },
      'v8-defaults': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const quick = values.quick === true || process.env['BENCH_QUICK'] === '1';
  const metricsText = values.metrics ?? process.env['BENCH_METRICS'];
  const metrics = metricsText === undefined || metricsText === '' ? [...METRICS] : metricsText.split(',').map((m) => m.trim());
  for (const m of metrics) if (!(METRICS as readonly string[]).includes(m)) throw new BenchError(`--metrics: unknown metric "${m}"`);
  const targetsText = values.targets ?? process.env['BENCH_TARGETS'];
  const named = targetsText === undefined || targetsText === '' ? [...TARGETS] : targetsText.split(',').map((t) => t.trim());
  for (const t of named) if (!(TARGETS as readonly string[]).includes(t)) throw new BenchError(`--targets: unknown target "${t}"`);
  // In the table's order, the mock always among them.
  const targets = TARGETS.filter((t) => t === 'mock' || named.includes(t));
  // Quick changes the defaults only: explicit flags still win, so a quick run can be shaped.
  const full = FULL_DEFAULTS;
  const d = quick
    ? { rounds: 1, seconds: 1, ttfb: 1, warmup: 0.5, guard: 0.3 }
    : { rounds: full.rounds, seconds: full.seconds, ttfb: full.ttfbSeconds, warmup: full.warmupSeconds, guard: full.guardSeconds };
  // A micro-benchmark-only run is a quick look; it must not replace the full report.
  const httpMetrics = (metrics as Metric[]).some(isHttpMetric);
  return {
    rounds: Math.round(numberOption('rounds', values.rounds, 'BENCH_ROUNDS', d.rounds, 1, 50)),
    seconds: numberOption('seconds', values.seconds, 'BENCH_SECONDS', d.seconds, 0.2, 120),
    ttfbSeconds: numberOption('ttfb-seconds', values['ttfb-seconds'], 'BENCH_TTFB_SECONDS', d.ttfb, 0.2, 120),
    warmupSeconds: numberOption('warmup', values.warmup, 'BENCH_WARMUP', d.warmup, 0, 30),
    connections: Math.round(numberOption('connections', values.connections, 'BENCH_CONNECTIONS', full.connections, 1, 1024)),
    rate: numberOption('rate', values.rate, 'BENCH_RATE', full.rate, 1, 50_000),
    chunks: Math.round(numberOption('chunks', values.chunks, 'BENCH_CHUNKS', full.chunks, 1, 10_000)),
    guardSeconds: numberOption('guard-seconds', values['guard-seconds'], 'BENCH_GUARD_SECONDS', d.guard, 0.05, 60),
    metrics: metrics as Metric[],
    targets,
    quick,
    // A quick run's figures mean little, so it does not overwrite the committed report by default.
    out: values.out ?? process.env['BENCH_OUT'] ?? (quick || !httpMetrics || targets.length < TARGETS.length ? undefined : DEFAULT_OUT),
    noPin: values['no-pin'] === true || process.env['BENCH_NO_PIN'] === '1',
    profileDir: values.profile,
    floorTranslate: values['floor-translate'] === true,
    portcullisNodeFlags: values['v8-defaults'] === true ? [] : NODE_FLAGS,
  };
}

/** A port that was free a moment ago; Portcullis and Portkey are told to use it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new BenchError('could not pick a free port');
  return address.port;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Keeps the last few KiB a child wrote, for the error message if it dies. */
function captureOutput(child: ChildProcess): () => string {
  let text = '';
  const keep = (d: Buffer): void => {
    text = (text + d.toString()).slice(-4096);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

interface Exchange {
  readonly status: number;
  readonly body: string;
}

async function post(target: LoadTarget, body: string): Promise<Exchange> {
  const res = await request(`${target.origin}${target.path}`, { method: 'POST', headers: target.headers, body, headersTimeout: 10_000, bodyTimeout: 10_000 });
  return { status: res.statusCode, body: await res.body.text() };
}

/** Retries `probe` until it succeeds, the child dies, or the deadline passes. */
async function waitReady(name: string, child: ChildProcess, output: () => string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new BenchError(`${name} exited before it was ready:\n${output()}`);
    try {
      if (await probe()) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new BenchError(`${name} was not ready after ${timeoutMs} ms:\n${output()}`);
}

interface Server {
  readonly name: TargetName;
  readonly pid: number;
  readonly target: LoadTarget;
}

function chatBody(stream: boolean, chunks: number): string {
  const content = stream ? `${PROMPT} mock:chunks=${chunks}` : PROMPT;
  return JSON.stringify({ model: 'bench', ...(stream ? { stream: true } : {}), messages: [{ role: 'user', content }] });
}

/** The config variants `npm run bench` runs (the others are for compare.js), and the bench target each is measured as. */
type BenchVariant = Exclude<Variant, 'postgres' | 'guarded' | 'guarded-audit-off'>;
const VARIANT_TARGET = { default: 'portcullis', 'audit-off': 'portcullisNoAudit', core: 'portcullisCore' } as const satisfies Record<BenchVariant, TargetName>;

/** One Portcullis process with the config of `variant`, in a directory of its own. */
async function startPortcullis(pinning: Pinning, mockUrl: string, workDir: string, options: Options, variant: BenchVariant): Promise<Server> {
  const { profileDir, portcullisNodeFlags } = options;
  const port = await freePort();
  const dir = join(workDir, variant);
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'portcullis.yaml');
  // BENCH_AUDIT_COMMIT_DELAY_MS: the audit's group-commit window (audit.commitDelayMs), to measure its trade-off.
  const commitDelay = process.env['BENCH_AUDIT_COMMIT_DELAY_MS'];
  writeFileSync(configFile, benchConfig(variant, port, mockUrl, variant === 'default' && commitDelay ? ['audit:', `  commitDelayMs: ${Number(commitDelay)}`] : []));
  const created = execFileSync(process.execPath, [CLI, 'keys', 'create', '--config', configFile, '--name', 'bench', '--json'], { encoding: 'utf8' });
  const { key } = JSON.parse(created) as { key: string };
  const profile = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, variant)}`];
  const child = spawnTracked([...pinning.prefix(SERVER_CORE), process.execPath, ...portcullisNodeFlags, ...profile, CLI, 'start', '--config', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child);
  const origin = `http://127.0.0.1:${port}`;
  const name = VARIANT_TARGET[variant];
  await waitReady(LABELS[name], child, output, async () => {
    const res = await request(`${origin}/healthz`, { headersTimeout: 1_000 });
    await res.body.dump();
    return res.statusCode === 200;
  });
  if (child.pid === undefined) throw new BenchError('Portcullis has no pid');
  return {
    name,
    pid: child.pid,
    target: { origin, path: '/v1/chat/completions', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` } },
  };
}

async function startPortkey(pinning: Pinning, mockUrl: string): Promise<Server> {
  const port = await freePort();
  const child = spawnTracked([...pinning.prefix(SERVER_CORE), process.execPath, PORTKEY, `--port=${port}`, '--headless'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const output = captureOutput(child);
  const target: LoadTarget = {
    origin: `http://127.0.0.1:${port}`,
    path: '/v1/chat/completions',
    headers: {
      'content-type': 'application/json',
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': `${mockUrl}/v1`,
      authorization: 'Bearer anything',
    },
  };
  // Portkey prints a banner with a spinner rather than a machine-readable line: wait for a real answer.
  await waitReady('Portkey', child, output, async () => (await post(target, chatBody(false, 1))).status === 200);
  if (child.pid === undefined) throw new BenchError('Portkey has no pid');
  return { name: 'portkey', pid: child.pid, target };
}

/** The Node floor proxy (`floor-proxy.ts`): node:http + undici in front of the mock, nothing else. */
async function startFloor(pinning: Pinning, mockUrl: string, translate: boolean): Promise<Server> {
  const port = await freePort();
  const child = spawnTracked([...pinning.prefix(SERVER_CORE), process.execPath, FLOOR, ...(translate ? ['--translate'] : []), mockUrl, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureOutput(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitReady('the Node floor proxy', child, output, async () => {
    const res = await request(`${origin}/healthz`, { headersTimeout: 1_000 });
    await res.body.dump();
    return res.statusCode === 200;
  });
  if (child.pid === undefined) throw new BenchError('the Node floor proxy has no pid');
  return { name: 'floor', pid: child.pid, target: { origin, path: '/v1/chat/completions', headers: { 'content-type': 'application/json' } } };
}

/** One plain and one streamed request through `server` must come back whole before any measuring. */
async function verify(server: Server, chunks: number): Promise<void> {
  const plain = await post(server.target, chatBody(false, chunks));
  if (plain.status !== 200 || !plain.body.includes(EXPECT)) {
    throw new BenchError(`${LABELS[server.name]} failed the correctness check: ${plain.status} ${plain.body.slice(0, 300)}`);
  }
  const streamed = await post(server.target, chatBody(true, chunks));
  const events = streamed.body.split('data:').length - 1;
  if (streamed.status !== 200 || events < chunks + 1 || !streamed.body.includes('[DONE]')) {
    throw new BenchError(`${LABELS[server.name]} failed the streaming check: ${streamed.status}, ${events} data events, ${streamed.body.slice(0, 300)}`);
  }
}

/** Runs one load-generator process pinned to the load core and returns its parsed result line. */
async function runLoad(pinning: Pinning, spec: LoadSpec): Promise<LoadResult> {
  const child = spawnTracked([...pinning.prefix(LOAD_CORE), process.execPath, LOAD, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4096)));
  const lines: string[] = [];
  if (child.stdout) createInterface({ input: child.stdout }).on('line', (l) => lines.push(l));
  const limitMs = (spec.warmupSeconds + spec.seconds) * 1000 + 45_000;
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
  clearTimeout(timer);
  const last = lines.at(-1);
  if (code !== 0 || last === undefined) throw new BenchError(`load generator (${spec.mode}) exited with ${String(code)}: ${stderr}`);
  const result = JSON.parse(last) as LoadResult;
  if (result.mode !== spec.mode) throw new BenchError(`load generator answered ${result.mode} for a ${spec.mode} run`);
  return result;
}

function failures(result: LoadResult): number {
  const e = result.errors;
  return e.non2xx + e.network + e.badBody + e.unfinished;
}

function readMachine(): BenchData['machine'] {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (model?.[1]) cpu = model[1].trim();
  } catch {
    // Keep os.cpus()'s answer.
  }
  let os = process.platform as string;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty?.[1]) os = pretty[1];
  } catch {
    // Not every system has os-release.
  }
  return { cpu, cores: cpus().length, memoryGiB: totalmem() / 2 ** 30, node: process.version, os, kernel: release() };
}

function packageVersion(file: string): string {
  try {
    const v = (JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? v : 'unknown';
  } catch {
    return 'unknown';
  }
}

function emptyRounds(): Rounds {
  const per = <T>(): Record<TargetName, T[]> => ({ mock: [], floor: [], portcullis: [], portcullisNoAudit: [], portcullisCore: [], portkey: [] });
  return { throughput: per(), latency: per(), ttfb: per() };
}

/** The HTTP part of a run: everything but the guard micro-benchmark. */
interface HttpData {
  readonly rounds: Rounds;
  readonly cpu: Record<TargetName, CpuTally>;
  readonly cores: BenchData['cores'];
}

/**
 * Starts the mock and the proxies, checks them, runs every HTTP round, and stops them all again
 * (also on failure) so the guard micro-benchmark afterwards has the machine to itself.
 */
async function runHttp(options: Options, pinning: Pinning, warnings: string[]): Promise<HttpData> {
  const httpMetrics = HTTP_METRICS.filter((m) => options.metrics.includes(m));
  const workDir = mkdtempSync(join(tmpdir(), 'portcullis-bench-'));
  tempDirs.add(workDir);
  let mock: MockProcess | undefined;
  try {
    if (options.profileDir !== undefined) mkdirSync(options.profileDir, { recursive: true });
    mock = await spawnMock([], { command: [...pinning.prefix(SERVER_CORE), process.execPath, MOCK_ENTRY] });
    track(mock.child);
    if (mock.child.pid === undefined) throw new BenchError('the mock has no pid');
    const mockServer: Server = { name: 'mock', pid: mock.child.pid, target: { origin: mock.url, path: '/v1/chat/completions', headers: { 'content-type': 'application/json' } } };
    const mockUrl = mock.url;
    const targets = options.targets;
    const start = (name: Exclude<TargetName, 'mock'>, run: () => Promise<Server>): Promise<Server | undefined> => (targets.includes(name) ? run() : Promise.resolve(undefined));
    const started = await Promise.all([
      start('floor', () => startFloor(pinning, mockUrl, options.floorTranslate)),
      start('portcullis', () => startPortcullis(pinning, mockUrl, workDir, options, 'default')),
      start('portcullisNoAudit', () => startPortcullis(pinning, mockUrl, workDir, options, 'audit-off')),
      start('portcullisCore', () => startPortcullis(pinning, mockUrl, workDir, options, 'core')),
      start('portkey', () => startPortkey(pinning, mockUrl)),
    ]);
    const servers = new Map<TargetName, Server>([['mock', mockServer]]);
    for (const server of started) if (server !== undefined) servers.set(server.name, server);
    const serverOf = (name: TargetName): Server => {
      const server = servers.get(name);
      if (server === undefined) throw new BenchError(`${LABELS[name]} was not started`);
      return server;
    };

    for (const name of targets) await verify(serverOf(name), options.chunks);
    console.log(`all ${targets.length} answer correctly (${targets.map((t) => `${LABELS[t]} ${serverOf(t).target.origin}`).join(', ')})`);

    // One unmeasured closed-loop run per target first: otherwise the first round would also time
    // V8 compiling each server's hot paths, and charge that CPU to the first target measured.
    const plainBody = chatBody(false, options.chunks);
    for (const name of targets) {
      const warm = await runLoad(pinning, { mode: 'throughput', target: serverOf(name).target, body: plainBody, expect: EXPECT, seconds: options.quick ? 0.5 : 2, warmupSeconds: 0, connections: options.connections });
      if (failures(warm) > 0) throw new BenchError(`${LABELS[name]} failed during the warm-up: ${JSON.stringify(warm.errors)}`);
    }
    console.log('warm-up done');

    const rounds = emptyRounds();
    const cpu = emptyCpu();
    const cores0 = coreTimes();
    const serverCpu0 = targets.reduce((a, t) => a + cpuMs(serverOf(t).pid), 0);
    let loadCpuMs = 0;
    const plain = plainBody;
    const streamed = chatBody(true, options.chunks);

    for (const metric of httpMetrics) {
      for (let round = 0; round < options.rounds; round += 1) {
        // Rotate the order each round so no target always runs first (right after a pause) or last.
        const order = targets.map((_, i) => targets[(i + round) % targets.length] as TargetName);
        for (const name of order) {
          const server = serverOf(name);
          const base = { target: server.target, warmupSeconds: options.warmupSeconds, expect: EXPECT };
          const spec: LoadSpec =
            metric === 'throughput'
              ? { ...base, mode: 'throughput', body: plain, seconds: options.seconds, connections: options.connections }
              : metric === 'latency'
                ? { ...base, mode: 'latency', body: plain, seconds: options.seconds, rate: options.rate, connections: 128 }
                : { ...base, mode: 'ttfb', body: streamed, seconds: options.ttfbSeconds, expect: '', minEvents: options.chunks + 1 };
          const before = cpuMs(server.pid);
          const result = await runLoad(pinning, spec);
          const used = cpuMs(server.pid) - before;
          loadCpuMs += result.loadCpuMs;
          const label = `[${metric} ${round + 1}/${options.rounds}] ${LABELS[name].padEnd(16)}`;
          if (failures(result) > 0) {
            throw new BenchError(`${label}: ${JSON.stringify(result.errors)} — a run with failed requests is invalid`);
          }
          switch (result.mode) {
            case 'throughput':
              rounds.throughput[name].push(result);
              cpu[name].cpuMs += used;
              cpu[name].responses += result.totalResponses;
              console.log(`${label} ${result.rps.toFixed(0).padStart(7)} req/s, ${((used * 1000) / Math.max(1, result.totalResponses)).toFixed(1)} µs CPU/req, load gen CPU ${Math.round((100 * result.loadCpuMs) / result.wallMs)}%`);
              break;
            case 'latency':
              rounds.latency[name].push(result);
              if (result.achievedRate < options.rate * 0.95) {
                warnings.push(`${label.trim()}: the load generator reached only ${result.achievedRate} req/s of ${options.rate}.`);
              }
              console.log(`${label} p50 ${result.latency.p50.toFixed(3)} ms, p90 ${result.latency.p90.toFixed(3)} ms, p99 ${result.latency.p99.toFixed(3)} ms (${result.latency.count} samples, dispatch lag p99 ${result.lagP99Ms} ms)`);
              break;
            case 'ttfb':
              rounds.ttfb[name].push(result);
              console.log(`${label} TTFB p50 ${result.ttfb.p50.toFixed(3)} ms, p99 ${result.ttfb.p99.toFixed(3)} ms, whole stream p50 ${result.total.p50.toFixed(3)} ms (${result.ttfb.count} streams)`);
              break;
          }
        }
      }
    }

    const cores1 = coreTimes();
    const serverCpu = targets.reduce((a, t) => a + cpuMs(serverOf(t).pid), 0) - serverCpu0;
    const ours: Record<number, number> = pinning.enabled ? { [SERVER_CORE]: serverCpu, [LOAD_CORE]: loadCpuMs } : {};
    const cores: { core: number; busyPct: number; oursPct: number }[] = [];
    if (pinning.enabled) {
      for (const core of [SERVER_CORE, LOAD_CORE]) {
        const a = cores0.get(core);
        const b = cores1.get(core);
        if (a === undefined || b === undefined || b.total <= a.total) continue;
        const span = b.total - a.total;
        cores.push({ core, busyPct: (100 * (b.busy - a.busy)) / span, oursPct: (100 * (ours[core] ?? 0)) / span });
      }
    }
    for (const c of cores) {
      if (c.busyPct - c.oursPct > 10) warnings.push(`Other processes kept core ${c.core} about ${Math.round(c.busyPct - c.oursPct)}% busy during the measurements.`);
    }
    for (const name of targets) {
      const runs = rounds.throughput[name];
      const cpuShare = runs.reduce((a, r) => a + r.loadCpuMs, 0) / Math.max(1, runs.reduce((a, r) => a + r.wallMs, 0));
      if (cpuShare > 0.9) warnings.push(`The load generator used ${Math.round(cpuShare * 100)}% of its core during ${LABELS[name]} throughput runs: that figure may be the client's limit, not the server's.`);
    }
    return { rounds, cpu, cores };
  } finally {
    // Portcullis first: with --profile it writes its CPU profile while exiting.
    await stopAll();
    if (mock !== undefined) await mock.stop();
  }
}

function emptyCpu(): Record<TargetName, CpuTally> {
  const tally = (): CpuTally => ({ cpuMs: 0, responses: 0 });
  return { mock: tally(), floor: tally(), portcullis: tally(), portcullisNoAudit: tally(), portcullisCore: tally(), portkey: tally() };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const pinning = choosePinning(options.noPin);
  pinSelf(pinning, LOAD_CORE);
  const startedAt = new Date();
  const t0 = Date.now();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  const warnings: string[] = [];
  if (options.floorTranslate) warnings.push('The Node floor proxy ran with --translate: request and answer JSON parsed and rebuilt (floor-proxy.ts), the floor of a gateway with a canonical form.');
  if (!pinning.enabled) {
    warnings.push(`Processes were not pinned (${pinning.reason}); client and servers shared the cores.`);
    console.warn(`warning: running unpinned: ${pinning.reason}`);
  }
  const http = options.metrics.some(isHttpMetric);
  const withGuards = options.metrics.includes('guards');
  const withIdentity = options.metrics.includes('identity');
  console.log(
    `portcullis bench: ${http ? `${options.rounds} round(s) × [${options.metrics.filter(isHttpMetric).join(', ')}], ${options.seconds} s per run (TTFB ${options.ttfbSeconds} s), ${options.warmupSeconds} s warm-up` : 'no HTTP rounds'}` +
      `${withGuards ? `; guards ${options.guardSeconds} s per case` : ''}${withIdentity ? `; identity ${options.guardSeconds} s per case` : ''}; about ${Math.round(estimateSeconds(options))} s. ` +
      `Pinning: ${pinning.enabled ? `servers on core ${SERVER_CORE}, load${withGuards || withIdentity ? ' and micro-benchmarks' : ''} on core ${LOAD_CORE}` : 'off'}.`,
  );

  try {
    const httpData: HttpData = http ? await runHttp(options, pinning, warnings) : { rounds: emptyRounds(), cpu: emptyCpu(), cores: [] };

    // In this process, on the load core: every server has been stopped, so nothing else of the
    // benchmark competes for the CPU.
    let guards: GuardBenchResult | undefined;
    if (withGuards) {
      if (http) console.log('');
      guards = await runGuardBench({ warmupSeconds: options.guardSeconds / 3, seconds: options.guardSeconds }, (line) => console.log(line));
    }
    let identity: IdentityCase[] | undefined;
    if (withIdentity) {
      if (http || withGuards) console.log('');
      identity = await runIdentityBench({ warmupSeconds: Math.min(1, options.guardSeconds), seconds: options.guardSeconds });
      for (const c of identity) console.log(`[identity] ${c.name.padEnd(28)} median ${c.medianUs} µs, p99 ${c.p99Us} µs, ${c.perSecond}/s`);
    }
    // Authorization (issue 4): printed only; docs/policy.md carries the numbers and how to read them.
    if (options.metrics.includes('policy')) {
      console.log('');
      for (const c of await runPolicyBench({ warmupSeconds: Math.min(1, options.guardSeconds), seconds: options.guardSeconds })) {
        console.log(`[policy] ${c.name.padEnd(36)} median ${c.medianUs} µs, p99 ${c.p99Us} µs, ${c.perSecond}/s`);
      }
    }

    // Issue 7: `audit verify` over a fresh SQLite store, also with every server stopped, in a
    // process with the launcher's Node options, as `portcullis audit verify` runs.
    let verify: VerifySpeed | undefined;
    if (options.metrics.includes('verify')) {
      console.log('');
      verify = measureVerifySpeedIn(options.portcullisNodeFlags, { store: 'sqlite', records: options.quick ? 20_000 : 100_000, runs: 3 });
      console.log(`[verify] audit verify, SQLite, ${verify.records} records: median ${Math.round(verify.median)} records/s (${verify.rates.map((r) => Math.round(r)).join(', ')}), per CPU-second ${Math.round(verify.cpuMedian)}`);
    }

    const data: BenchData = {
      startedAt,
      durationS: (Date.now() - t0) / 1000,
      machine: readMachine(),
      versions: {
        portcullis: packageVersion(join(ROOT, 'package.json')),
        portkey: packageVersion(join(ROOT, 'node_modules/@portkey-ai/gateway/package.json')),
        undici: packageVersion(join(ROOT, 'node_modules/undici/package.json')),
      },
      pinning: { enabled: pinning.enabled, reason: pinning.reason },
      settings: options,
      ...httpData,
      loadavg: { before: loadBefore, after: loadavg()[0] ?? Number.NaN },
      warnings,
      guards,
      identity,
      verify,
    };
    const summary = summarise(data);
    console.log(`\n${textTable(data, summary)}`);
    for (const w of warnings) console.log(`warning: ${w}`);
    if (options.out !== undefined) {
      mkdirSync(dirname(options.out), { recursive: true });
      writeFileSync(options.out, markdown(data, summary));
      console.log(`\nwrote ${options.out}`);
    }
    return 0;
  } finally {
    await stopAll();
    removeTempDirs();
  }
}

/** Temporary directories (Portcullis' config, database, key pepper) to delete however the run ends. */
const tempDirs = new Set<string>();

function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

let stopping = false;
const onSignal = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.error(`\n${signal}: stopping the benchmark's processes`);
  void stopAll().finally(() => {
    removeTempDirs();
    process.exit(130);
  });
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('exit', () => {
  killAllNow();
  removeTempDirs();
});

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BenchError) console.error(`\nBENCHMARK INVALID: ${err.message}`);
    else console.error('\nbenchmark failed:', err);
    process.exitCode = 1;
    void stopAll().finally(() => process.exit(1));
  },
);
