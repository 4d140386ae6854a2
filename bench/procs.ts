/**
 * Process plumbing for the benchmark: CPU pinning, a registry of every child so that all of them
 * stop on success, on error and on Ctrl-C, and CPU-time readings from /proc.
 */
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** How servers and the load generator are placed on cores. */
export interface Pinning {
  /** Whether `taskset` is used at all. */
  readonly enabled: boolean;
  /** Why it is not, when it is not. */
  readonly reason: string;
  /** Command prefix that runs a program on `core` (empty when unpinned). */
  prefix(core: number): string[];
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides on pinning: servers on core 0 and load on core 1 needs `taskset` and two cores. Without
 * either the run goes on unpinned and the report says so, since the figures then mix the client's
 * CPU use into the servers'.
 */
export function choosePinning(disabled: boolean): Pinning {
  const cores = availableParallelism();
  const unpinned = (reason: string): Pinning => ({ enabled: false, reason, prefix: () => [] });
  if (disabled) return unpinned('disabled with --no-pin');
  if (cores < 2) return unpinned(`only ${cores} core available`);
  if (!hasTaskset()) return unpinned('taskset is not installed');
  return { enabled: true, reason: '', prefix: (core) => ['taskset', '-c', String(core)] };
}

/** Moves an already running process (the orchestrator itself) to `core`; best effort. */
export function pinSelf(pinning: Pinning, core: number): void {
  if (!pinning.enabled) return;
  try {
    execFileSync('taskset', ['-pc', String(core), String(process.pid)], { stdio: 'ignore' });
  } catch {
    // Only the orchestrator's own placement; it sleeps while measuring, so this is harmless.
  }
}

const children = new Set<ChildProcess>();

/**
 * Spawns a child and registers it for {@link stopAll}. `taskset` execs its program, so the pid
 * stays that of the program itself and /proc readings need no extra lookup.
 */
export function spawnTracked(command: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const [exe, ...args] = command;
  if (exe === undefined) throw new Error('empty command');
  const child = spawn(exe, args, options);
  track(child);
  return child;
}

/** Registers a child spawned elsewhere (the mock LLM from `spawnMock`). */
export function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Stops one child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (!alive(child)) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(force);
}

/** Stops every registered child, each by its own pid, in parallel. */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((child) => stop(child)));
}

/** Last resort on a synchronous exit: no waiting possible, so SIGKILL whatever is left. */
export function killAllNow(): void {
  for (const child of children) if (alive(child)) child.kill('SIGKILL');
}

let clockTicks: number | undefined;

/** `getconf CLK_TCK`: the unit of utime/stime in /proc (almost always 100 per second). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * User + system CPU time of a process in milliseconds, from /proc/<pid>/stat (proc(5): utime and
 * stime are fields 14 and 15). The command name (field 2) may contain spaces and parentheses, so
 * fields are counted from the last ')'.
 */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n sits at index n - 3.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`cannot read CPU time of pid ${pid}`);
  return ((utime + stime) * 1000) / ticksPerSecond();
}

/** Busy and total time per core (ms) from /proc/stat, to see how much else ran on our cores. */
export function coreTimes(): Map<number, { busy: number; total: number }> {
  const out = new Map<number, { busy: number; total: number }>();
  const tick = 1000 / ticksPerSecond();
  try {
    for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
      const match = /^cpu(\d+)\s+(.*)$/.exec(line);
      if (!match) continue;
      const values = (match[2] ?? '').trim().split(/\s+/).map(Number);
      // user nice system idle iowait irq softirq steal guest guest_nice; guests are already in user.
      const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
      const idle = (values[3] ?? 0) + (values[4] ?? 0);
      out.set(Number(match[1]), { busy: (total - idle) * tick, total: total * tick });
    }
  } catch {
    // Not Linux: the report simply leaves the core-usage line out.
  }
  return out;
}
