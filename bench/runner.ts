/**
 * CPU per request of the pipeline runner alone (src/pipeline/runner.ts), for judging a change to
 * it: the stages answer at once, so what is measured is the runner's own work per stage call
 * (timing, decision records, promises). Two builds, interleaved round by round:
 *
 *   node dist/bench/runner.js /tmp/before/dist dist [--requests 100000] [--rounds 8]
 *
 * Per request: two header stages (identity, context), two request stages, two response stages,
 * as on the core path with the guards off. CPU time from process.cpuUsage, so other load on the
 * machine disturbs it little.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Pipeline as PipelineClass, RequestState } from '../src/pipeline/runner.js';
import type { Stage } from '../src/pipeline/types.js';
import { silentLogger } from '../src/log.js';
import { median } from './stats.js';

const PASS = { action: 'pass' } as const;
const STAGES: Stage[] = [
  { name: 'identity', phase: 'identity', onHeaders: () => ({ action: 'pass', facts: { principal: { id: 'p', kind: 'service', tenant: 't', roles: [], authMethod: 'api_key', credentialId: 'k', models: [] } } }) },
  { name: 'context', phase: 'context', onHeaders: () => PASS },
  { name: 'authorize', phase: 'authorize', onRequest: () => ({ action: 'pass', reasons: ['chat:permit'] }) },
  { name: 'input', phase: 'input', onRequest: () => PASS, onResponse: () => PASS },
  { name: 'output', phase: 'output', onResponse: () => PASS },
];

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { requests: { type: 'string' }, rounds: { type: 'string' } } });
  const requests = Number(values.requests ?? 100_000);
  const rounds = Number(values.rounds ?? 8);
  if (positionals.length === 0 || !(requests >= 1000) || !(rounds >= 1)) throw new Error('usage: node dist/bench/runner.js DIST_DIR... [--requests N] [--rounds N]');
  const pipelines: PipelineClass[] = [];
  for (const dir of positionals) {
    const { Pipeline } = (await import(pathToFileURL(resolve(dir, 'src/pipeline/runner.js')).href)) as { Pipeline: typeof PipelineClass };
    pipelines.push(new Pipeline(STAGES, { defaultTimeoutMs: 1_000 }));
  }
  const log = silentLogger();
  const signal = new AbortController().signal;
  const one = async (pipeline: PipelineClass): Promise<void> => {
    const state: RequestState = { requestId: 'r', api: 'openai', operation: 'chat', sourceIp: '127.0.0.1', headers: {}, principal: undefined, context: undefined, signal, log, decisions: [] };
    await pipeline.runHeaders(state);
    await pipeline.runRequest(state, { kind: 'chat', model: 'bench', messages: [], stream: false, includeUsage: false });
    await pipeline.runResponse(state, { kind: 'chat', id: 'x', model: 'bench', created: 0, choices: [] });
  };
  const us: number[][] = pipelines.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const order = pipelines.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const pipeline = pipelines[i] as PipelineClass;
      const before = process.cpuUsage();
      for (let n = 0; n < requests; n++) await one(pipeline);
      const used = process.cpuUsage(before);
      (us[i] as number[]).push((used.user + used.system) / requests);
    }
  }
  const first = us[0] as number[];
  positionals.forEach((dir, i) => {
    const mine = us[i] as number[];
    console.log(`${dir.padEnd(30)} ${median(mine).toFixed(3)} us per request   ratio to ${positionals[0]}: ${median(mine.map((v, r) => v / (first[r] as number))).toFixed(3)}`);
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
