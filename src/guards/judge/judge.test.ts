/**
 * The LLM judge through a real compiled runtime: a judge route pointing at the mock LLM (for
 * timeouts, upstream errors and unreadable answers) or at a tiny Llama-Guard-like server (for
 * safe/unsafe verdicts), the input and output stages calling it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
// A test double of a judge upstream (a Llama-Guard-like HTTP server), not web-layer code in the guards.
// eslint-disable-next-line no-restricted-imports
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatChunk, ChatRequest, ChatResponse } from '../../canonical/types.js';
import { compileConfig, type Runtime } from '../../config/compile.js';
import { parseConfigText } from '../../config/load.js';
import { silentLogger } from '../../log.js';
import { startMockServer, type MockServer } from '../../mock/server.js';
import type { StageContext, Verdict } from '../../pipeline/types.js';
import { createRequestGuardsRegistry, inputGuardStage } from '../../stages/input/guards.js';
import { outputGuardStage } from '../../stages/output/guards.js';
import { parseLlamaGuard } from './llm.js';

describe('parseLlamaGuard', () => {
  it('reads safe, unsafe and the category line', () => {
    assert.deepEqual(parseLlamaGuard('safe'), { unsafe: false, categories: [] });
    assert.deepEqual(parseLlamaGuard('\n\nunsafe\nS1,S10'), { unsafe: true, categories: ['S1', 'S10'] });
    assert.deepEqual(parseLlamaGuard('Unsafe\r\ns9'), { unsafe: true, categories: ['S9'] });
  });
  it('refuses anything else rather than reading it as safe', () => {
    for (const a of ['', 'Mock answer to: safe', 'The content is safe', 'safe and sound', 'unsafe-ish']) assert.throws(() => parseLlamaGuard(a), /not a verdict/, a);
  });
});

/** Answers like Llama Guard: "unsafe\nS1,S9" when the judged (last) message mentions a bomb, else "safe". */
async function guardServer(): Promise<{ url: string; server: Server; seen: unknown[] }> {
  const seen: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { messages: { role: string; content: string }[] };
      seen.push(parsed.messages);
      const last = parsed.messages.at(-1)?.content ?? '';
      const verdict = /bomb/i.test(last) ? 'unsafe\nS1,S9' : /lockpick/i.test(last) ? 'unsafe\nS2' : 'safe';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'g', object: 'chat.completion', created: 1, model: 'guard', choices: [{ index: 0, message: { role: 'assistant', content: verdict }, finish_reason: 'stop' }] }));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server, seen };
}

function ctx(): StageContext {
  return { requestId: 'r1', api: 'openai', operation: 'chat', sourceIp: '127.0.0.1', headers: {}, principal: undefined, context: undefined, signal: new AbortController().signal, log: silentLogger(), decisions: [] };
}

async function runtimeFor(judge: string, judgeUrl: string, judgeModel: string, route: string): Promise<Runtime> {
  const loaded = parseConfigText(`
server: { port: 0 }
guards:
  judge: { ${judge} }
routes:
  - model: llama-guard
    targets: [{ provider: openai, baseUrl: "${judgeUrl}", model: ${judgeModel} }]
    retry: { attempts: 1, initialBackoffMs: 10, maxBackoffMs: 10 }
  - model: chat
    targets: [{ provider: openai, baseUrl: "http://127.0.0.1:1/v1", model: x }]
    guards: { ${route} }
`);
  assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.issues));
  const compiled = await compileConfig(loaded.config, () => Promise.resolve(undefined));
  assert.ok(compiled.ok, JSON.stringify(!compiled.ok && compiled.issues));
  return compiled.runtime;
}

const chat = (text: string): ChatRequest => ({ kind: 'chat', model: 'chat', messages: [{ role: 'user', content: [{ type: 'text', text }] }], stream: false, includeUsage: false });

async function ask(runtime: Runtime, text: string): Promise<Verdict<ChatRequest>> {
  const stage = inputGuardStage({ guards: () => runtime.guards, hashKey: Buffer.alloc(32, 1), registry: createRequestGuardsRegistry() });
  return (await stage.onRequest?.(ctx(), chat(text))) as Verdict<ChatRequest>;
}

describe('LLM judge with the mock LLM as the judge route', () => {
  let mock: MockServer;
  const runtimes: Runtime[] = [];
  before(async () => {
    mock = await startMockServer();
  });
  after(async () => {
    await Promise.all(runtimes.map((r) => r.close()));
    await mock.close();
  });
  const make = async (judge: string, model: string): Promise<Runtime> => {
    const r = await runtimeFor(judge, `${mock.url}/v1`, model, 'input: { judge: block }');
    runtimes.push(r);
    return r;
  };

  it('a judge that times out denies by default (fail closed)', async () => {
    // The upstream would answer after 20 s; finishing well before that shows the 200 ms budget
    // decided. A bound near the budget itself failed on a loaded machine, which proves nothing.
    const runtime = await make('route: llama-guard, timeoutMs: 200', 'mock-latency-ms-20000');
    const started = performance.now();
    const v = await ask(runtime, 'Hello there');
    assert.ok(performance.now() - started < 15_000, 'the judge budget, not the upstream, decides');
    assert.equal(v.action === 'deny' && v.code, 'PC_ERR_GUARD_TIMEOUT');
    assert.deepEqual(v.reasons, ['judge:timeout:deny@m0']);
  });

  it('a judge that times out passes when the judge is failOpen, and says so', async () => {
    const runtime = await make('route: llama-guard, timeoutMs: 200, failOpen: true', 'mock-latency-ms-3000');
    const v = await ask(runtime, 'Hello there');
    assert.equal(v.action, 'pass');
    assert.deepEqual(v.reasons, ['judge:timeout:fail-open@m0']);
  });

  it('an answer that is not a verdict (the mock echoes) denies', async () => {
    const v = await ask(await make('route: llama-guard', 'mock-gpt'), 'Hello there');
    assert.equal(v.action === 'deny' && v.code, 'PC_ERR_GUARD_FAILED');
    assert.deepEqual(v.reasons, ['judge:error:deny@m0']);
  });

  it('a failing judge upstream denies', async () => {
    const v = await ask(await make('route: llama-guard', 'mock-status-503'), 'Hello there');
    assert.equal(v.action === 'deny' && v.code, 'PC_ERR_GUARD_FAILED');
  });
});

describe('LLM judge verdicts', () => {
  let guard: Awaited<ReturnType<typeof guardServer>>;
  const runtimes: Runtime[] = [];
  before(async () => {
    guard = await guardServer();
  });
  after(async () => {
    await Promise.all(runtimes.map((r) => r.close()));
    guard.server.close();
  });
  const make = async (judge: string, route: string): Promise<Runtime> => {
    const r = await runtimeFor(judge, guard.url, 'llama-guard-3', route);
    runtimes.push(r);
    return r;
  };

  it('blocks an unsafe prompt with its categories, passes a safe one', async () => {
    const runtime = await make('route: llama-guard', 'input: { judge: block }');
    const v = await ask(runtime, 'How do I build a bomb?');
    assert.equal(v.action === 'deny' && v.code, 'PC_ERR_UNSAFE_CONTENT');
    assert.deepEqual(v.reasons, ['judge:unsafe:S1+S9:block@m0']);
    assert.deepEqual(await ask(runtime, 'How do I bake bread?'), { action: 'pass' });
  });

  it('blockCategories: other unsafe categories are recorded, not blocked; log-only records', async () => {
    const only = await make('route: llama-guard, blockCategories: [S1]', 'input: { judge: block }');
    assert.deepEqual(await ask(only, 'Teach me lockpicking'), { action: 'pass', reasons: ['judge:unsafe:S2:not-blocked@m0'] });
    const log = await make('route: llama-guard', 'input: { judge: log-only }');
    assert.deepEqual(await ask(log, 'bomb'), { action: 'pass', reasons: ['judge:unsafe:S1+S9:log-only@m0'] });
  });

  it('judges an answer as the exchange [user, assistant], the question masked as the model got it', async () => {
    const runtime = await make('route: llama-guard', 'output: { judge: block }');
    const registry = createRequestGuardsRegistry();
    const options = { guards: () => runtime.guards, hashKey: Buffer.alloc(32, 1), registry };
    const c = ctx();
    await inputGuardStage(options).onRequest?.(c, chat('Tell me a story for anna.keller@example.org'));
    const answer: ChatResponse = { kind: 'chat', id: 'x', model: 'chat', created: 0, choices: [{ index: 0, message: { role: 'assistant', content: 'Step one: get the bomb parts' }, finishReason: 'stop' }] };
    const v = (await outputGuardStage(options).onResponse?.(c, answer)) as Verdict<ChatResponse>;
    assert.equal(v.action === 'deny' && v.code, 'PC_ERR_UNSAFE_CONTENT');
    assert.deepEqual(guard.seen.at(-1), [
      { role: 'user', content: 'Tell me a story for [EMAIL_ADDRESS]' },
      { role: 'assistant', content: 'Step one: get the bomb parts' },
    ]);
  });

  it('judges a streamed answer when its choice finishes, before the last chunk goes out', async () => {
    const runtime = await make('route: llama-guard', 'output: { judge: block }');
    const registry = createRequestGuardsRegistry();
    const options = { guards: () => runtime.guards, hashKey: Buffer.alloc(32, 1), registry };
    const c = ctx();
    await inputGuardStage(options).onRequest?.(c, chat('Tell me a story'));
    const inspector = outputGuardStage(options).openStream?.(c);
    assert.ok(inspector);
    const piece = (content: string, finish?: 'stop'): ChatChunk => ({ kind: 'chunk', id: 'x', model: 'chat', created: 0, choices: [{ index: 0, delta: { content }, ...(finish ? { finishReason: finish } : {}) }] });
    const first = await inspector.onChunk(piece('Step one: get the '));
    assert.equal(first.action, 'replace', 'text before the end is not delayed');
    const last = await inspector.onChunk(piece('bomb parts', 'stop'));
    assert.equal(last.action === 'deny' && last.code, 'PC_ERR_UNSAFE_CONTENT');
  });

  it('a route without the judge never calls it', async () => {
    const runtime = await make('route: llama-guard', 'input: { judge: off }');
    const before = guard.seen.length;
    assert.deepEqual(await ask(runtime, 'bomb'), { action: 'pass' });
    assert.equal(guard.seen.length, before);
  });
});

describe('judge and ONNX config checks', () => {
  const compile = async (yaml: string) => {
    const loaded = parseConfigText(yaml);
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.issues));
    const r = await compileConfig(loaded.config, () => Promise.resolve(undefined));
    if (r.ok) await r.runtime.close();
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  };
  const route = 'routes:\n  - model: chat\n    targets: [{ provider: openai, baseUrl: "http://127.0.0.1:1/v1", model: x }]\n';

  it('refuses a judge route that does not exist, a budget over the stage timeout, a route using an unconfigured detector', async () => {
    const issues = await compile(`guards:\n  judge: { route: nope, timeoutMs: 5000 }\n${route}    guards: { input: { onnx: block } }\n`);
    assert.ok(issues.some((i) => i.startsWith('guards.judge.route: no route')), issues.join('\n'));
    assert.ok(issues.some((i) => i.startsWith('guards.judge.timeoutMs: must be below')), issues.join('\n'));
    assert.ok(issues.some((i) => i.startsWith('routes.0.guards.input.onnx: needs guards.onnx')), issues.join('\n'));
  });

  it('guards.onnx without onnxruntime-node installed is a clear start-up error', async () => {
    const issues = await compile(`guards:\n  onnx: { modelFile: model.onnx, vocabFile: vocab.txt }\n${route}`);
    assert.equal(issues.length, 1);
    assert.match(issues[0] ?? '', /^guards\.onnx: guards\.onnx is configured but the optional package onnxruntime-node is not installed/);
  });
});
