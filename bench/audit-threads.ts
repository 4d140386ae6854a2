/**
 * Where the audit trail's CPU goes in the gateway, per thread, and what it does to the garbage
 * collector: runs builds of Portcullis side by side (as `compare.ts` does: `DIST@variant`, rounds
 * interleaved, the order reversed every other round), and for every round reads each server's
 * threads from /proc/<pid>/task/<tid>/stat (utime + stime) grouped by role, and counts the GC
 * events `--trace-gc` prints (scavenges and mark-compacts, per 10k requests).
 *
 *   npx tsc -p tsconfig.json
 *   node dist/bench/audit-threads.js --connections 64 --rounds 6 --requests 6000 dist@audit-off dist@default /tmp/before/dist@default
 *
 * Roles (`byRole`): `main` (the event loop), `v8` (V8's platform workers: GC and compilation
 * helpers), `audit` (threads started later: the SQLite append thread and libuv's pool), `other`.
 * `DIST@variant#--flag,--flag` gives one server extra Node flags (e.g. `#--max-semi-space-size=64`);
 * `--stdout-dir DIR` keeps each server's stdout (the GC trace, `--trace-deopt`, ...) as DIR/server-N.txt. `--node-flags` passes extra flags to the servers (e.g. "--max-semi-space-size=16").
 * `--pin` places the mock and the servers on core 0 and this process (the load) on core 1, as
 * `npm run bench` does: every thread of a server then shares one core with the mock, so thread
 * hand-offs cost context switches there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MOCK_ENTRY, spawnMock } from '../src/cli/mock-process.js';
import { isVariant, prepareServer, stopServers, type Variant } from './portcullis-config.js';
import { freePort, sendChats, waitHealthy } from './chat-load.js';
import { median } from './stats.js';
import { choosePinning, pinSelf } from './procs.js';

const ROLES = ['main', 'audit', 'v8', 'other'] as const;
type Role = (typeof ROLES)[number];

interface Target {
  readonly name: string;
  readonly variant: Variant;
  readonly child: ChildProcess;
  readonly origin: string;
  readonly headers: Record<string, string>;
  /** Per round: µs of CPU per request by role, and GC events per 10k requests. */
  readonly rounds: { cpu: Record<Role, number>; scavenges: number; markCompacts: number; pauseUs: number; workerGc: number }[];
  gc: { scavenges: number; markCompacts: number; pauseMs: number; workerEvents: number };
}

/** As in gateway.ts: servers and the mock share core 0, the load runs on core 1. */
const SERVER_CORE = 0;
const LOAD_CORE = 1;

const TICK_MS = 10; // CLK_TCK is 100 on Linux x86-64 and arm64

function threadCpu(pid: number): Map<number, { comm: string; ms: number }> {
  const out = new Map<number, { comm: string; ms: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), { comm, ms: (Number(f[11]) + Number(f[12])) * TICK_MS });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}

/**
 * Every thread of a Node server is named "node", so roles go by creation order (tids grow): the
 * main thread (tid = pid), the platform's delayed-task scheduler, V8's 4 platform workers (GC and
 * compiler helpers; `--v8-pool-size` 4 is Node's default), then everything created later: libuv's
 * pool and the SQLite audit append thread (the only worker thread; `perf stat --per-thread -e
 * syscalls:sys_enter_fsync` shows it is the one issuing the fsyncs). With audit off `audit` is ~0.
 */
function byRole(pid: number, before: Map<number, { ms: number }>, after: Map<number, { comm: string; ms: number }>): Record<Role, number> {
  const sums: Record<Role, number> = { main: 0, audit: 0, v8: 0, other: 0 };
  const tids = [...after.keys()].sort((a, b) => a - b);
  tids.forEach((tid, i) => {
    const ms = (after.get(tid)?.ms ?? 0) - (before.get(tid)?.ms ?? 0);
    const r: Role = tid === pid ? 'main' : i === 1 ? 'other' : i <= 5 ? 'v8' : 'audit';
    sums[r] += ms;
  });
  return sums;
}

async function startBuild(name: string, mockUrl: string, workDir: string, index: number, allFlags: string[], stdoutDir: string | undefined, prefix: readonly string[]): Promise<Target> {
  // `DIST@variant#--flag,--flag`: Node flags for this server only.
  const hash = name.indexOf('#');
  const spec = hash < 0 ? name : name.slice(0, hash);
  const nodeFlags = [...allFlags, ...(hash < 0 ? [] : name.slice(hash + 1).split(',').filter((f) => f !== ''))];
  const at = spec.lastIndexOf('@');
  const distDir = at > spec.lastIndexOf('/') ? spec.slice(0, at) : spec;
  const variant = at > spec.lastIndexOf('/') ? spec.slice(at + 1) : 'default';
  if (!isVariant(variant)) throw new Error(`unknown variant in ${spec}`);
  const port = await freePort();
  const { cli, configFile, key } = prepareServer(distDir, variant, port, mockUrl, join(workDir, String(index)));
  // `taskset` execs its program, so the pid is the server's own.
  const [exe, ...args] = [...prefix, process.execPath, '--trace-gc', ...nodeFlags, cli, 'start', '--config', configFile];
  const child = spawn(exe, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const target: Target = { name, variant, child, origin: `http://127.0.0.1:${port}`, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, rounds: [], gc: { scavenges: 0, markCompacts: 0, pauseMs: 0, workerEvents: 0 } };
  let rest = '';
  let mainIsolate: string | undefined;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stdoutDir !== undefined) appendFileSync(join(stdoutDir, `server-${index}.txt`), chunk);
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      // "... Scavenge 10.2 (12.3) -> 9.8 (13.3) MB, pooled: 0 MB, 0.52 / 0.00 ms ...": the first figure is the pause.
      const pause = Number(/MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ /.exec(line)?.[1] ?? 0);
      // Each isolate prints its own address; the first one seen (at start-up) is the main thread's.
      const isolate = /^\[\d+:(0x[0-9a-f]+)\]/.exec(line)?.[1];
      if (isolate !== undefined && mainIsolate === undefined) mainIsolate = isolate;
      if (isolate !== undefined && isolate !== mainIsolate) {
        target.gc.workerEvents++;
        continue;
      }
      if (line.includes('Scavenge')) {
        target.gc.scavenges++;
        target.gc.pauseMs += pause;
      } else if (line.includes('Mark-Compact') || line.includes('Mark-sweep')) {
        target.gc.markCompacts++;
        target.gc.pauseMs += pause;
      }
    }
  });
  await waitHealthy(target.name, target.origin, child);
  return target;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: 'string' }, requests: { type: 'string' }, connections: { type: 'string' }, 'node-flags': { type: 'string' }, 'stdout-dir': { type: 'string' }, pin: { type: 'boolean' } },
  });
  const rounds = Number(values.rounds ?? 6);
  const requests = Number(values.requests ?? 6000);
  const connections = Number(values.connections ?? 64);
  const nodeFlags = (values['node-flags'] ?? '').split(' ').filter((f) => f !== '');
  if (positionals.length === 0 || !(rounds >= 1) || !(requests >= 100)) throw new Error('usage: node dist/bench/audit-threads.js [--rounds N] [--requests N] [--connections N] [--node-flags "..."] DIST@variant...');
  const pinning = choosePinning(values.pin !== true);
  if (values.pin === true && !pinning.enabled) throw new Error(`--pin: ${pinning.reason}`);
  pinSelf(pinning, LOAD_CORE);
  const mock = await spawnMock([], pinning.enabled ? { command: [...pinning.prefix(SERVER_CORE), process.execPath, MOCK_ENTRY] } : {});
  const workDir = mkdtempSync(join(tmpdir(), 'portcullis-threads-'));
  const targets: Target[] = [];
  try {
    for (const [i, spec] of positionals.entries()) targets.push(await startBuild(spec, mock.url, workDir, i, nodeFlags, values['stdout-dir'], pinning.prefix(SERVER_CORE)));
    for (const t of targets) await sendChats(t, Math.min(requests, 5000), connections);
    for (let round = 0; round < rounds; round++) {
      for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
        const pid = t.child.pid as number;
        const gc0 = { ...t.gc };
        const before = threadCpu(pid);
        await sendChats(t, requests, connections);
        // Let the last trace lines arrive before counting.
        await new Promise((r) => setTimeout(r, 50));
        const sums = byRole(pid, before, threadCpu(pid));
        const per = (ms: number): number => (ms * 1000) / requests;
        t.rounds.push({
          cpu: { main: per(sums.main), audit: per(sums.audit), v8: per(sums.v8), other: per(sums.other) },
          scavenges: ((t.gc.scavenges - gc0.scavenges) * 10_000) / requests,
          markCompacts: ((t.gc.markCompacts - gc0.markCompacts) * 10_000) / requests,
          pauseUs: ((t.gc.pauseMs - gc0.pauseMs) * 1000) / requests,
          workerGc: ((t.gc.workerEvents - gc0.workerEvents) * 10_000) / requests,
        });
      }
      console.error(`round ${round + 1} done (load ${(loadavg()[0] ?? 0).toFixed(2)})`);
    }
    console.log(`${rounds} rounds x ${requests} requests over ${connections} connections; medians over rounds (us of CPU per request by thread; the main isolate's GC events per 10k requests and their pauses; the append thread's isolate's GC events)`);
    console.log(`${'target'.padEnd(34)} ${ROLES.map((r) => r.padStart(7)).join(' ')}   total  scav/10k  mc/10k  gc pause us/req  worker gc/10k`);
    for (const t of targets) {
      const m = (f: (r: Target['rounds'][number]) => number): number => median(t.rounds.map(f));
      const total = m((r) => ROLES.reduce((a, k) => a + r.cpu[k], 0));
      console.log(
        `${t.name.padEnd(34)} ${ROLES.map((k) => m((r) => r.cpu[k]).toFixed(1).padStart(7)).join(' ')} ${total.toFixed(1).padStart(7)} ${m((r) => r.scavenges).toFixed(1).padStart(9)} ${m((r) => r.markCompacts).toFixed(2).padStart(7)} ${m((r) => r.pauseUs).toFixed(1).padStart(8)} ${m((r) => r.workerGc).toFixed(1).padStart(8)}`,
      );
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
