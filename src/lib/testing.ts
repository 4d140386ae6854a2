/**
 * Small helpers shared by unit and end-to-end tests (kept in src/ so both trees can import them).
 */
import net from 'node:net';

/** Polls `check` until it holds, failing after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000, stepMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A free port on 127.0.0.1 that nobody listens on (yet). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/**
 * Fails when `run` grows clearly faster than linearly with its input (a ReDoS-style blow-up), not
 * when it is merely slow. Input sizes `small` and 8 × `small`: linear work takes about 8 times as
 * long, quadratic 64 times; the bound is 24 times plus a 30 ms allowance for a tiny small run.
 * Time is the process's CPU time, best of three, so a shared machine's scheduling delays and
 * another process's load do not count.
 */
export function assertLinearTime<T>(make: (size: number) => T, run: (input: T) => unknown, small: number, label = 'input'): void {
  const cpuMs = (input: T): number => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const before = process.cpuUsage();
      run(input);
      const used = process.cpuUsage(before);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  run(make(Math.ceil(small / 10)));
  const a = cpuMs(make(small));
  const b = cpuMs(make(small * 8));
  if (!(b < a * 24 + 30)) throw new Error(`${label}: ${small * 8} took ${b.toFixed(1)} ms of CPU, ${small} took ${a.toFixed(1)} ms (more than linear)`);
}
