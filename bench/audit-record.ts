/**
 * CPU per audit record on the two per-record encoders: `buildEntry` (record.ts, on the event loop
 * for every request: the canonical body, payload digests in `hash` mode) and `encodeHeader`
 * (chain.ts, on the append thread and in the verifier for every record):
 *
 *   node dist/bench/audit-record.js [--records 50000] [--runs 5]
 *
 * The summary is a non-streamed chat request that passed ten stages, like the benchmark's. To
 * compare two builds, run each build's copy of this file in turn (it imports from its own dist).
 */
import { parseArgs } from 'node:util';
import type { ChatRequest, ChatResponse } from '../src/canonical/types.js';
import { encodeHeader } from '../src/audit/chain.js';
import { buildEntry } from '../src/audit/record.js';
import type { Decision } from '../src/pipeline/types.js';
import type { RequestSummary } from '../src/server/completion.js';
import { median } from './stats.js';

const { values } = parseArgs({ options: { records: { type: 'string', default: '50000' }, runs: { type: 'string', default: '5' } } });
const records = Number(values.records);
const runs = Number(values.runs);
if (!(records >= 1000) || !(runs >= 1)) throw new Error('usage: node dist/bench/audit-record.js [--records N>=1000] [--runs N>=1]');

const request: ChatRequest = { kind: 'chat', model: 'bench', messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hello' }] }], stream: false, includeUsage: false };
const response: ChatResponse = {
  kind: 'chat',
  id: 'chatcmpl-1',
  model: 'bench',
  created: 1,
  choices: [{ index: 0, message: { role: 'assistant', content: 'Mock answer to: Say hello' }, finishReason: 'stop' }],
  usage: { inputTokens: 7, outputTokens: 6 },
};
const STAGES: readonly [string, Decision['phase']][] = [
  ['api-key', 'identity'], ['context', 'context'], ['policy', 'authorize'], ['rate-limit', 'limits'], ['token-limit', 'limits'],
  ['audit-available', 'limits'], ['monitor', 'input'], ['input-guards', 'input'], ['output-guards', 'output'], ['monitor-out', 'response'],
];
const summary: RequestSummary = {
  requestId: '019ab5f0-1c2d-7abc-8def-0123456789ab',
  startedAt: Date.UTC(2026, 10, 24),
  method: 'POST',
  path: '/v1/chat/completions',
  api: 'openai',
  operation: 'chat',
  sourceIp: '127.0.0.1',
  principal: { id: 'svc-1', kind: 'service', tenant: 'default', roles: [], authMethod: 'api_key', credentialId: 'pk_1', models: [] },
  model: 'bench',
  decisions: STAGES.map(([stage, phase], i): Decision => ({ stage, phase, outcome: 'pass', durationMs: 0.0123 * (i + 1), ...(i === 2 ? { reasons: ['policy0'] } : {}) })),
  status: 200,
  code: undefined,
  latencyMs: 3.4567,
  request,
  response,
  chunks: undefined,
};
const header = { requestId: summary.requestId, ts: summary.startedAt, principal: 'svc-1', route: 'bench', outcome: 'allow' as const, status: 200, seq: 1, prev: 'a'.repeat(64), bodyHash: 'b'.repeat(64) };

/** CPU µs per call of `fn`, median over runs (the first run is a warm-up and not counted). */
function perCall(fn: (i: number) => number): number {
  const results: number[] = [];
  let sink = 0;
  for (let r = 0; r <= runs; r++) {
    const before = process.cpuUsage();
    for (let i = 0; i < records; i++) sink += fn(i);
    const cpu = process.cpuUsage(before);
    if (r > 0) results.push((cpu.user + cpu.system) / records);
  }
  if (sink < 0) throw new Error('unreachable: keeps the results alive');
  return median(results);
}

// Each record its own millisecond: the worst case for the encoder's one-entry time cache
// (record.ts, \`isoTime\`); in a batch, records often share theirs.
const summaries = Array.from({ length: 1024 }, (_, i): RequestSummary => ({ ...summary, startedAt: summary.startedAt + i }));
const build = perCall((i) => buildEntry(summaries[i & 1023] as RequestSummary, 'hash').body.length);
const head = perCall((i) => encodeHeader({ ...header, seq: i }).length);
process.stdout.write(`buildEntry (hash payloads, 10 decisions): ${build.toFixed(2)} µs CPU per record\nencodeHeader: ${(head * 1000).toFixed(0)} ns CPU per record\n`);
