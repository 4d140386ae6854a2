/**
 * Summarises a V8 `.cpuprofile` (from `npm run bench -- --profile DIR`, i.e. `node --cpu-prof`):
 * self time per function and per source (package or project file), as shares of all samples.
 *
 *   node dist/bench/profile-summary.js DIR/CPU.*.cpuprofile [--top 30] [--skip 5]
 *
 * Self time, because it names the code that burns the cycles rather than the callers that sit
 * above everything; then total (inclusive) time of the project's own functions, which says what a
 * stage costs with everything it calls. `--skip S` leaves out the first S seconds of the profile,
 * which are start-up (module loading, compiling policies) rather than requests.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The parts of the DevTools CPU profile format (Chrome DevTools Protocol, `Profiler.Profile`) used here. */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function isProfile(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v['nodes']) && Array.isArray(v['samples']) && Array.isArray(v['timeDeltas']);
}

/** Where code comes from: a package name, a project file, or a V8/Node internal bucket. */
export function sourceOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return url;
  const project = /\/dist\/(.+)$/.exec(url);
  if (project?.[1]) return project[1];
  return url;
}

function keyOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const short = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, '');
  return `${functionName || '(anonymous)'}  ${short}${url ? `:${lineNumber + 1}` : ''}`;
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string' }, skip: { type: 'string' } } });
  const file = positionals[0];
  if (file === undefined) throw new Error('usage: node dist/bench/profile-summary.js FILE.cpuprofile [--top N] [--skip SECONDS]');
  const top = Number(values.top ?? 30);
  const skipUs = Number(values.skip ?? 0) * 1e6;
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isProfile(raw)) throw new Error(`${file} is not a V8 CPU profile`);
  const byId = new Map(raw.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of raw.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const fnTime = new Map<string, number>();
  const srcTime = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let elapsed = 0;
  raw.samples.forEach((id, i) => {
    const dt = raw.timeDeltas[i] ?? 0;
    elapsed += dt;
    if (elapsed < skipUs) return;
    const node = byId.get(id);
    if (node === undefined) return;
    const { functionName, url } = node.callFrame;
    total += dt;
    // An idle event loop is not cost; leave it out of the shares.
    if (functionName === '(idle)') {
      idle += dt;
      return;
    }
    const key = keyOf(node);
    fnTime.set(key, (fnTime.get(key) ?? 0) + dt);
    const src = sourceOf(url, functionName);
    srcTime.set(src, (srcTime.get(src) ?? 0) + dt);
    // Each project function on the stack once, however deep it recurses.
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame !== undefined && /\/dist\/src\//.test(frame.callFrame.url)) onStack.add(keyOf(frame));
    }
    for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
  });
  const busy = total - idle;
  const pct = (t: number): string => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
  console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled${skipUs > 0 ? ` after the first ${skipUs / 1e6} s` : ''}, ${(busy / 1000).toFixed(0)} ms busy (shares below are of busy time)\n`);
  console.log('Self time by function:');
  for (const [key, t] of [...fnTime].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(t)}  ${key}`);
  console.log('\nSelf time by source:');
  for (const [key, t] of [...srcTime].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(t)}  ${key}`);
  console.log('\nTotal time of project functions (with everything they call):');
  for (const [key, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(t)}  ${key}`);
}

main();
