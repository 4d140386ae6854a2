/**
 * Interleaved A/B of `buildEntry` (record.ts) from several builds in one process: each build's
 * module is imported side by side and timed in turn, the order reversed every other round, on
 * 4,096 distinct records (own start time a few ms apart, random stage and request durations,
 * own request and answer objects decoded from JSON), so that no build gains from caches the
 * others do not get. Checks first that all builds write the same bodies but for their payloads.
 *
 * Builds whose `hash` payloads cover the raw bytes (`"over":"bytes"`, session 8) get their
 * digests from the gateway, which hashes the request body where it reads it and the answer's
 * JSON where it writes it: for them, both SHA-256 are taken inside the timed loop too, over the
 * request's raw JSON and the answer's JSON as the gateway would send it, so that every build
 * pays for its own payload digests.
 *
 *   node dist/bench/audit-record-ab.js /tmp/before/dist dist [--rounds 12]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sha256Of, type RequestSummary } from '../src/server/completion.js';
import type { Decision } from '../src/pipeline/types.js';
import type { AuditEntry } from '../src/audit/chain.js';
import { median } from './stats.js';

type Build = (summary: RequestSummary, mode: 'hash') => AuditEntry;

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '12' } } });
const rounds = Number(values.rounds);
if (positionals.length < 1 || !(rounds >= 3)) throw new Error('usage: node dist/bench/audit-record-ab.js DIST... [--rounds N>=3]');
const builds: Build[] = [];
for (const dist of positionals) {
  const mod = (await import(pathToFileURL(resolve(dist, 'src/audit/record.js')).href)) as { buildEntry: Build };
  builds.push(mod.buildEntry);
}

const STAGES: readonly [string, Decision['phase']][] = [
  ['api-key', 'identity'], ['context', 'context'], ['policy', 'authorize'], ['rate-limit', 'limits'], ['token-limit', 'limits'],
  ['audit-available', 'limits'], ['monitor', 'input'], ['input-guards', 'input'], ['output-guards', 'output'], ['monitor-out', 'response'],
];
interface Sample {
  readonly summary: { -readonly [K in keyof RequestSummary]: RequestSummary[K] };
  /** The request body as a client sends it, and the answer as the gateway writes it. */
  readonly raw: Buffer;
  readonly answerText: string;
}
function sampleOf(i: number): Sample {
  const raw = Buffer.from(JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: `Say hello ${i}` }] }));
  const answerText = JSON.stringify({ id: `chatcmpl-${i}`, object: 'chat.completion', created: 1, model: 'bench', choices: [{ index: 0, message: { role: 'assistant', content: `Mock answer to: Say hello ${i}` }, finish_reason: 'stop' }], usage: { prompt_tokens: 7, completion_tokens: 6, total_tokens: 13 } });
  return { summary: summaryOf(i), raw, answerText };
}
function summaryOf(i: number): RequestSummary {
  const request = JSON.parse(JSON.stringify({ kind: 'chat', model: 'bench', messages: [{ role: 'user', content: [{ type: 'text', text: `Say hello ${i}` }] }], stream: false, includeUsage: false })) as RequestSummary['request'];
  const response = JSON.parse(JSON.stringify({
    kind: 'chat', id: `chatcmpl-${i}`, model: 'bench', created: 1,
    choices: [{ index: 0, message: { role: 'assistant', content: `Mock answer to: Say hello ${i}` }, finishReason: 'stop' }],
    usage: { inputTokens: 7, outputTokens: 6 },
  })) as RequestSummary['response'];
  return {
    requestId: `019ab5f0-1c2d-7abc-8def-${String(i).padStart(12, '0')}`,
    startedAt: Date.UTC(2026, 10, 24) + i * 3,
    method: 'POST', path: '/v1/chat/completions', api: 'openai', operation: 'chat', sourceIp: '127.0.0.1',
    principal: { id: 'svc-1', kind: 'service', tenant: 'default', roles: [], authMethod: 'api_key', credentialId: 'pk_1', models: [] },
    model: 'bench',
    decisions: STAGES.map(([stage, phase], j): Decision => ({ stage, phase, outcome: 'pass', durationMs: Math.random() * 0.2, ...(j === 2 ? { reasons: ['policy0'] } : {}) })),
    status: 200, code: undefined, latencyMs: 1 + Math.random() * 5, request, response, chunks: undefined,
    requestSha256: undefined, answerSha256: undefined,
  };
}
const N = 4096;
const samples = Array.from({ length: N }, (_, i) => sampleOf(i));
const withDigests = (s: Sample): Sample['summary'] => {
  s.summary.requestSha256 = sha256Of(s.raw);
  s.summary.answerSha256 = sha256Of(s.answerText);
  return s.summary;
};
const overBytes = builds.map((b) => b(withDigests(samples[0] as Sample), 'hash').body.includes('"over":"bytes"'));
const withoutPayload = (body: string): string => body.replace(/"payload":\{[^}]*\}/, '');
for (let i = 0; i < 64; i++) {
  const bodies = new Set(builds.map((b) => withoutPayload(b(withDigests(samples[i] as Sample), 'hash').body)));
  if (bodies.size !== 1) throw new Error(`the builds write different bodies for record ${i}`);
}
const results: number[][] = builds.map(() => []);
let sink = 0;
for (let r = 0; r < rounds; r++) {
  const order = builds.map((_, k) => k);
  if (r % 2 === 1) order.reverse();
  for (const k of order) {
    const build = builds[k] as Build;
    const digests = overBytes[k] === true;
    const before = process.cpuUsage();
    for (let pass = 0; pass < 5; pass++) {
      for (let i = 0; i < N; i++) {
        const s = samples[i] as Sample;
        sink += build(digests ? withDigests(s) : s.summary, 'hash').body.length;
      }
    }
    const cpu = process.cpuUsage(before);
    // The first two rounds warm up every build.
    if (r > 1) (results[k] as number[]).push((cpu.user + cpu.system) / (5 * N));
  }
}
if (sink < 0) throw new Error('unreachable: keeps the results alive');
positionals.forEach((dist, k) => process.stdout.write(`${dist}: buildEntry${overBytes[k] === true ? ' + the gateway\'s two raw-byte digests' : ''} ${median(results[k] as number[]).toFixed(2)} µs CPU per record\n`));
process.stdout.write(`load ${readFileSync('/proc/loadavg', 'utf8').trim()}\n`);
