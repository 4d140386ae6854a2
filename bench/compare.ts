/**
 * Compares the CPU each request costs in several builds of Portcullis (and the Node floor proxy),
 * interleaved in one run, for judging one optimisation at a time on a shared machine:
 *
 *   mkdir /tmp/before && cp -r dist /tmp/before/          # the build before the change; it finds
 *   ln -s $PWD/config $PWD/package.json $PWD/node_modules /tmp/before/   # its policies and packages
 *   npx tsc -p tsconfig.json                                # the build after
 *   node dist/bench/compare.js [--audit] [--rounds 8] [--requests 8000] [--connections 16] floor /tmp/before/dist dist
 *   node dist/bench/compare.js floor dist@core dist@audit-off dist@default   # the config variants
 *   node dist/bench/compare.js floor floor-translate dist@core   # what JSON translation alone costs
 *
 * Each build runs `portcullis start` from its own dist directory, with one of the benchmark's
 * configs (`portcullis-config.ts`: one route to the mock LLM, guards off, logging at warn): the
 * variant named after `@`, else `audit-off` (`default`, audit on, with --audit). Every round sends
 * the same number of requests to each target in turn (the order reversed every other round) and
 * reads the server's utime+stime from /proc before and after. CPU time per request is far less
 * disturbed by other load than throughput, and the per-round ratio to the first target cancels
 * most of the drift that remains; the medians of both are printed, with the per-round range.
 *
 * `--gc` starts every server with `--trace-gc-nvp` and also prints the heap bytes per request
 * each one allocated and promoted to the old generation (V8's own counts, so they hardly depend
 * on the machine's load): promoted bytes are what full collections, and so the p99, pay for.
 *
 *   node dist/bench/compare.js --gc --rounds 4 --requests 20000 floor /tmp/before/dist@core dist@core
 *
 * `DIST@default` (audit on) beside `DIST@audit-off` compares the audit trail on and off in the same
 * build (issue 7's cost):
 *
 *   node dist/bench/compare.js --connections 64 --rounds 8 dist@audit-off dist@default /tmp/before/dist@default
 *
 * With the server CPU-bound, the throughput lost to the audit is about 1 − 1/ratio.
 *
 * `--prompt 1k` sends a 1 KiB prompt instead of "Say hello"; with the `guarded` variants (guards as
 * shipped) it measures what the audit costs a gateway that scans what it forwards:
 *
 *   node dist/bench/compare.js --prompt 1k --connections 64 dist@guarded-audit-off dist@guarded
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawnMock } from '../src/cli/mock-process.js';
import { isVariant, prepareServer, stopServers, VARIANTS, type Variant } from './portcullis-config.js';
import { freePort, LONG_CHAT, sendChats, SHORT_CHAT, waitHealthy } from './chat-load.js';
import { cpuMs } from './procs.js';
import { median } from './stats.js';

const FLOOR = fileURLToPath(new URL('./floor-proxy.js', import.meta.url));

interface Target {
  readonly name: string;
  /** The config variant of a build; undefined for the floor. */
  readonly variant?: Variant;
  readonly child: ChildProcess;
  readonly origin: string;
  readonly headers: Record<string, string>;
  readonly cpu: number[];
  /** With --gc: V8's running totals from the server's `--trace-gc-nvp` lines, and per-round bytes per request. */
  readonly gc?: GcTotals;
  readonly allocated: number[];
  readonly promoted: number[];
}

/** Sums of the `allocated=` and `promoted=` fields of every collection the server reported so far. */
interface GcTotals {
  allocated: number;
  promoted: number;
}

/** The Node options a server starts with: `--trace-gc-nvp` with --gc (one line per collection on stdout). */
function nodeFlags(gc: boolean): string[] {
  return gc ? ['--trace-gc-nvp'] : [];
}

/** Reads the server's stdout for `--trace-gc-nvp` lines and keeps running totals (lines split across reads are joined). */
function watchGc(child: ChildProcess): GcTotals {
  const totals: GcTotals = { allocated: 0, promoted: 0 };
  let rest = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (text: string) => {
    const lines = (rest + text).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const allocated = /\ballocated=(\d+)/.exec(line);
      const promoted = /\bpromoted=(\d+)/.exec(line);
      if (allocated?.[1] !== undefined) totals.allocated += Number(allocated[1]);
      if (promoted?.[1] !== undefined) totals.promoted += Number(promoted[1]);
    }
  });
  return totals;
}

/** `DIST` or `DIST@variant`: a build directory and the config it runs with. */
function parseBuild(spec: string, fallback: Variant): { distDir: string; variant: Variant } {
  const at = spec.lastIndexOf('@');
  if (at <= spec.lastIndexOf('/')) return { distDir: spec, variant: fallback };
  const variant = spec.slice(at + 1);
  if (!isVariant(variant)) throw new Error(`unknown variant "${variant}" in ${spec}; one of ${VARIANTS.join(', ')}`);
  return { distDir: spec.slice(0, at), variant };
}

async function startBuild(spec: string, fallback: Variant, mockUrl: string, workDir: string, index: number, gc: boolean): Promise<Target> {
  const { distDir, variant } = parseBuild(spec, fallback);
  const port = await freePort();
  const { cli, configFile, key } = prepareServer(distDir, variant, port, mockUrl, join(workDir, String(index)));
  const child = spawn(process.execPath, [...nodeFlags(gc), cli, 'start', '--config', configFile], { stdio: ['ignore', gc ? 'pipe' : 'ignore', 'inherit'] });
  const totals = gc ? watchGc(child) : undefined;
  const origin = `http://127.0.0.1:${port}`;
  await waitHealthy(spec, origin, child);
  return { name: spec, variant, child, origin, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, cpu: [], allocated: [], promoted: [], ...(totals ? { gc: totals } : {}) };
}

/** The floor proxy; `floor-translate` runs it with `--translate` (JSON in and out, floor-proxy.ts). */
async function startFloor(name: 'floor' | 'floor-translate', mockUrl: string, gc: boolean): Promise<Target> {
  const port = await freePort();
  const flags = name === 'floor-translate' ? ['--translate'] : [];
  const child = spawn(process.execPath, [...nodeFlags(gc), FLOOR, ...flags, mockUrl, String(port)], { stdio: ['ignore', gc ? 'pipe' : 'ignore', 'inherit'] });
  const totals = gc ? watchGc(child) : undefined;
  const origin = `http://127.0.0.1:${port}`;
  await waitHealthy(name, origin, child);
  return { name, child, origin, headers: { 'content-type': 'application/json' }, cpu: [], allocated: [], promoted: [], ...(totals ? { gc: totals } : {}) };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { audit: { type: 'boolean' }, gc: { type: 'boolean' }, rounds: { type: 'string' }, requests: { type: 'string' }, connections: { type: 'string' }, prompt: { type: 'string' } },
  });
  const rounds = Number(values.rounds ?? 8);
  const requests = Number(values.requests ?? 8000);
  const connections = Number(values.connections ?? 16);
  const gc = values.gc === true;
  const prompt = values.prompt ?? 'short';
  if (prompt !== 'short' && prompt !== '1k') throw new Error('--prompt takes short or 1k');
  const chat = prompt === '1k' ? LONG_CHAT : SHORT_CHAT;
  if (positionals.length === 0 || !(rounds >= 1) || !(requests >= 100) || !(connections >= 1 && connections <= 1024)) {
    throw new Error(`usage: node dist/bench/compare.js [--audit] [--gc] [--rounds N] [--requests N] [--connections N] [--prompt short|1k] (floor | floor-translate | DIST_DIR[@${VARIANTS.join('|')}])...`);
  }
  const mock = await spawnMock();
  const workDir = mkdtempSync(join(tmpdir(), 'portcullis-compare-'));
  const targets: Target[] = [];
  try {
    const fallback: Variant = values.audit === true ? 'default' : 'audit-off';
    for (const [i, name] of positionals.entries()) targets.push(name === 'floor' || name === 'floor-translate' ? await startFloor(name, mock.url, gc) : await startBuild(name, fallback, mock.url, workDir, i, gc));
    // Warm-up: the JIT settles and caches fill before anything is counted.
    for (const t of targets) await sendChats(t, Math.min(requests, 5000), connections, chat);
    for (let round = 0; round < rounds; round++) {
      for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
        const pid = t.child.pid as number;
        const before = cpuMs(pid);
        const gcBefore = t.gc ? { ...t.gc } : undefined;
        await sendChats(t, requests, connections, chat);
        t.cpu.push(((cpuMs(pid) - before) * 1000) / requests);
        if (t.gc && gcBefore) {
          // Collections are reported as they end: what the round allocated is counted by the
          // collections that ran in it, a fair estimate over thousands of requests.
          await new Promise((r) => setTimeout(r, 50));
          t.allocated.push((t.gc.allocated - gcBefore.allocated) / requests);
          t.promoted.push((t.gc.promoted - gcBefore.promoted) / requests);
        }
      }
      const [l1] = loadavg();
      console.error(`round ${round + 1}: ${targets.map((t) => `${t.name} ${(t.cpu.at(-1) as number).toFixed(1)}`).join(', ')} (load ${(l1 ?? 0).toFixed(2)})`);
    }
    const first = targets[0] as Target;
    console.log(`default variant ${fallback}; ${rounds} rounds x ${requests} requests (${prompt === '1k' ? `a ${LONG_CHAT.body.length}-byte body with a 1 KiB prompt` : 'the short prompt'}) over ${connections} connections; server CPU per request, median over rounds:`);
    const ratios = (t: Target, to: Target): number[] => t.cpu.map((v, i) => v / (to.cpu[i] as number));
    const ratio = (t: Target, to: Target): string => median(ratios(t, to)).toFixed(3);
    for (const t of targets) {
      const toFirst = ratios(t, first);
      const range = `${Math.min(...toFirst).toFixed(3)} … ${Math.max(...toFirst).toFixed(3)}`;
      // Builds compared under the same config: the per-round ratio to the first of them too.
      const base = targets.find((o) => o.variant !== undefined && o.variant === t.variant);
      const same = base !== undefined && base !== t && base !== first ? `, to ${base.name}: ${ratio(t, base)}` : '';
      console.log(`  ${t.name.padEnd(36)} ${(median(t.cpu)).toFixed(1).padStart(7)} us   ratio to ${first.name}: ${ratio(t, first)} (rounds ${range})${same}`);
    }
    if (gc) {
      console.log('heap per request (--trace-gc-nvp), median over rounds: allocated in the young generation, promoted to the old one');
      for (const t of targets) console.log(`  ${t.name.padEnd(36)} allocated ${(median(t.allocated) / 1024).toFixed(1).padStart(6)} KB   promoted ${median(t.promoted).toFixed(0).padStart(6)} B (rounds ${Math.min(...t.promoted).toFixed(0)} … ${Math.max(...t.promoted).toFixed(0)})`);
    }
  } finally {
    await stopServers(targets);
    await mock.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
