/** Tokenisation through the input and output guard stages: what the model gets, what the caller gets back. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { ChatChunk, ChatRequest, ChatResponse, ChoiceDelta } from '../canonical/types.js';
import { guardsSchema } from '../config/guards.js';
import { Keyring } from '../crypto/keyring.js';
import { compileGuards, routeGuardsSchema, type RouteGuardsInput } from '../guards/policy.js';
import { silentLogger } from '../log.js';
import type { StageContext, Verdict } from '../pipeline/types.js';
import { createRequestGuardsRegistry, inputGuardStage } from '../stages/input/guards.js';
import { outputGuardStage } from '../stages/output/guards.js';
import { createTokenVault } from './index.js';
import { vaultSchema } from '../config/guards.js';

const TOKENIZE: RouteGuardsInput = { input: { types: { EMAIL_ADDRESS: 'tokenize', PHONE_NUMBER: 'tokenize' } } };

function setup(route: RouteGuardsInput = TOKENIZE) {
  const compiled = compileGuards(guardsSchema.parse({}), [{ model: 'm', guards: routeGuardsSchema.parse(route) }]);
  const registry = createRequestGuardsRegistry();
  const vault = createTokenVault(vaultSchema.parse({}), new Keyring(randomBytes(32)));
  const options = { guards: () => compiled, hashKey: Buffer.alloc(32, 3), registry, vault };
  return { input: inputGuardStage(options), output: outputGuardStage(options), vault };
}

function ctx(principal = 'alice', conversation?: string): StageContext {
  return {
    requestId: 'r',
    api: 'openai',
    operation: 'chat',
    sourceIp: '127.0.0.1',
    headers: conversation ? { 'x-portcullis-conversation': conversation } : {},
    principal: { id: principal, tenant: 't', kind: 'user', roles: [], authMethod: 'api_key', credentialId: 'k', models: [] },
    context: undefined,
    signal: new AbortController().signal,
    log: silentLogger(),
    decisions: [],
  };
}

const chat = (...messages: [role: 'user' | 'assistant' | 'system', text: string][]): ChatRequest => ({
  kind: 'chat',
  model: 'm',
  messages: messages.map(([role, text]) => ({ role, content: [{ type: 'text', text }] })),
  stream: false,
  includeUsage: false,
});

function modelText(v: Verdict<unknown>): string[] {
  assert.equal(v.action, 'replace', JSON.stringify(v.reasons));
  return (v as { value: ChatRequest }).value.messages.map((m) => m.content.map((p) => (p.type === 'text' ? p.text : '')).join(''));
}

const answer = (text: string, toolArgs?: string): ChatResponse => ({
  kind: 'chat',
  id: 'a',
  model: 'm',
  created: 0,
  choices: [{ index: 0, finishReason: 'stop', message: { role: 'assistant', content: text, ...(toolArgs ? { toolCalls: [{ id: 't', name: 'send', arguments: toolArgs }] } : {}) } }],
});

function answerText(v: Verdict<unknown>, fallback: string): string {
  if (v.action === 'pass') return fallback;
  assert.equal(v.action, 'replace');
  return (v as { value: ChatResponse }).value.choices[0]?.message.content ?? '';
}

async function stream(output: ReturnType<typeof setup>['output'], c: StageContext, pieces: readonly string[]): Promise<string> {
  const inspector = output.openStream?.(c);
  assert.ok(inspector);
  let sent = '';
  const take = (v: Verdict<readonly ChatChunk[]>, original: ChatChunk[]): void => {
    assert.notEqual(v.action, 'deny', JSON.stringify(v));
    const out = v.action === 'replace' ? v.value : original;
    sent += out.flatMap((ch) => ch.choices.map((d: ChoiceDelta) => d.delta.content ?? '')).join('');
  };
  for (const [i, p] of pieces.entries()) {
    const chunk: ChatChunk = { kind: 'chunk', id: 'x', model: 'm', created: 0, choices: [{ index: 0, delta: { content: p }, ...(i === pieces.length - 1 ? { finishReason: 'stop' } : {}) }] };
    take(await inspector.onChunk(chunk), [chunk]);
  }
  take(await inspector.onEnd(), []);
  return sent;
}

describe('tokenize in the request path', () => {
  it('the model gets placeholders, the caller gets the values back', async () => {
    const { input, output } = setup();
    const c = ctx();
    const v = await input.onRequest?.(c, chat(['user', 'Mail jane.roe@example.org or call +41 44 668 18 00, then jane.roe@example.org again.']));
    assert.ok(v);
    const [sent] = modelText(v);
    assert.equal(sent, 'Mail <EMAIL_ADDRESS_1> or call <PHONE_NUMBER_1>, then <EMAIL_ADDRESS_1> again.');
    assert.deepEqual(v.reasons?.filter((r) => r.includes('tokenize')).length, 3);
    assert.ok(!JSON.stringify(v.reasons).includes('jane'));
    const back = await output.onResponse?.(c, answer('Sure: <EMAIL_ADDRESS_1> / <PHONE_NUMBER_1> / <EMAIL_ADDRESS_9>'));
    assert.ok(back);
    assert.equal(answerText(back, ''), 'Sure: jane.roe@example.org / +41 44 668 18 00 / <EMAIL_ADDRESS_9>');
  });

  it('restores values in tool-call arguments as JSON', async () => {
    const { input, output } = setup({ input: { injection: 'log-only', types: { SECRET_PRIVATE_KEY: 'tokenize' } } });
    const body = 'MIIEowIBAAKCAQEAq7Zk2Lm9Xp4Rt8Vw3Ny6Bc1Hd5Gf0JsAq7Zk2Lm9Xp4Rt8Vw3Ny6Bc1Hd5Gf0JsA';
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n${body}\n-----END RSA PRIVATE KEY-----`;
    const c = ctx();
    const v = await input.onRequest?.(c, chat(['user', `store this key:\n${pem}\nplease`]));
    assert.ok(v, JSON.stringify(v));
    assert.deepEqual(modelText(v), ['store this key:\n<SECRET_PRIVATE_KEY_1>\nplease']);
    const back = await output.onResponse?.(c, answer('ok', '{"key":"<SECRET_PRIVATE_KEY_1>"}'));
    assert.ok(back && back.action === 'replace');
    const args = (back.value as ChatResponse).choices[0]?.message.toolCalls?.[0]?.arguments ?? '';
    assert.deepEqual(JSON.parse(args), { key: pem });
  });

  it('re-tokenises earlier answers and escapes look-alikes in every message', async () => {
    const { input } = setup();
    const c = ctx('alice', 'conv-1');
    const v = await input.onRequest?.(
      c,
      chat(['system', 'Keep <EMAIL_ADDRESS_1> private'], ['user', 'mail a@example.org'], ['assistant', 'I will mail a@example.org and b@example.org'], ['user', 'and <EMAIL_ADDRESS_2>?']),
    );
    assert.ok(v);
    assert.deepEqual(modelText(v), ['Keep <EMAIL_ADDRESS_1~> private', 'mail <EMAIL_ADDRESS_1>', 'I will mail <EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_2>', 'and <EMAIL_ADDRESS_2~>?']);
  });

  it("a forged placeholder of another principal's conversation stays a placeholder", async () => {
    const { input, output } = setup();
    const alice = ctx('alice', 'c');
    await input.onRequest?.(alice, chat(['user', 'my mail is alice.private@example.org']));
    const mallory = ctx('mallory', 'c');
    await input.onRequest?.(mallory, chat(['user', 'what is <EMAIL_ADDRESS_1>?']));
    // The model drops the escape and says the bare placeholder: still nothing to restore for mallory.
    const back = await output.onResponse?.(mallory, answer('It is <EMAIL_ADDRESS_1>.'));
    assert.ok(back);
    assert.equal(answerText(back, 'It is <EMAIL_ADDRESS_1>.'), 'It is <EMAIL_ADDRESS_1>.');
    // Alice's next request in her conversation gets her own value back.
    const alice2 = ctx('alice', 'c');
    await input.onRequest?.(alice2, chat(['user', 'remind me']));
    const mine = await output.onResponse?.(alice2, answer('It is <EMAIL_ADDRESS_1>.'));
    assert.ok(mine);
    assert.equal(answerText(mine, ''), 'It is alice.private@example.org.');
  });

  it('a streamed answer split anywhere is restored like the whole answer', async () => {
    const { input, output } = setup();
    const c = ctx('alice', 'stream');
    await input.onRequest?.(c, chat(['user', 'Contact jane.roe@example.org or +41 44 668 18 00']));
    const text = 'Noted: <EMAIL_ADDRESS_1> and <PHONE_NUMBER_1>, not <EMAIL_ADDRESS_1~> nor <X_7>.';
    const whole = await output.onResponse?.(c, answer(text));
    assert.ok(whole);
    const expected = answerText(whole, text);
    assert.equal(expected, 'Noted: jane.roe@example.org and +41 44 668 18 00, not <EMAIL_ADDRESS_1> nor <X_7>.');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(text.length), { maxLength: 10 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const pieces: string[] = [];
        let at = 0;
        for (const p of points) {
          pieces.push(text.slice(at, p));
          at = p;
        }
        pieces.push(text.slice(at));
        assert.equal(await stream(output, c, pieces), expected);
      }),
      { numRuns: 200 },
    );
  });

  it('adds no work to a route that does not tokenise', async () => {
    const { input, vault } = setup({});
    const c = ctx('alice', 'c');
    const v = await input.onRequest?.(c, chat(['user', 'mail a@example.org <EMAIL_ADDRESS_1>']));
    assert.ok(v);
    assert.deepEqual(modelText(v), ['mail [EMAIL_ADDRESS] <EMAIL_ADDRESS_1>']);
    assert.equal(vault.size, 0);
  });

  it('refuses a malformed conversation header', async () => {
    const { input } = setup();
    const v = await input.onRequest?.(ctx('alice', 'bad id!'), chat(['user', 'x']));
    assert.equal(v?.action, 'deny');
    assert.equal(v?.action === 'deny' && v.code, 'PC_ERR_BAD_REQUEST');
  });
});
