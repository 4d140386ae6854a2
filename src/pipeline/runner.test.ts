import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatChunk, ChatRequest } from '../canonical/types.js';
import { GatewayError } from '../errors.js';
import { silentLogger } from '../log.js';
import { Pipeline, type RequestState } from './runner.js';
import type { Stage, Verdict } from './types.js';

function state(): RequestState {
  return {
    requestId: 'req-1',
    api: 'openai',
    operation: 'chat',
    sourceIp: '127.0.0.1',
    headers: {},
    principal: undefined, context: undefined,
    signal: new AbortController().signal,
    log: silentLogger(),
    decisions: [],
  };
}

const chat: ChatRequest = { kind: 'chat', model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false, includeUsage: false };

function chunk(text: string): ChatChunk {
  return { kind: 'chunk', id: 'c', model: 'm', created: 0, choices: [{ index: 0, delta: { content: text } }] };
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => err instanceof GatewayError && err.code === code);
}

describe('Pipeline', () => {
  it('runs request stages in phase order whatever the configured order', async () => {
    const seen: string[] = [];
    const stage = (name: string, phase: Stage['phase']): Stage => ({ name, phase, onRequest: () => (seen.push(name), { action: 'pass' }) });
    const p = new Pipeline([stage('in', 'input'), stage('auth', 'authorize'), stage('lim', 'limits')], { defaultTimeoutMs: 100 });
    await p.runRequest(state(), chat);
    assert.deepEqual(seen, ['auth', 'lim', 'in']);
  });

  it('applies replacements in sequence and records a decision per stage', async () => {
    const upper: Stage = {
      name: 'upper',
      phase: 'input',
      onRequest: (_ctx, req): Verdict<ChatRequest> => ({ action: 'replace', value: { ...(req as ChatRequest), model: 'M2' }, reasons: ['rewrote'] }),
    };
    const check: Stage = { name: 'check', phase: 'input', onRequest: (_ctx, req) => (req.model === 'M2' ? { action: 'pass' } : { action: 'deny', code: 'PC_ERR_FORBIDDEN' }) };
    const s = state();
    const out = await new Pipeline([upper, check], { defaultTimeoutMs: 100 }).runRequest(s, chat);
    assert.equal(out.model, 'M2');
    assert.deepEqual(s.decisions.map((d) => [d.stage, d.outcome]), [['upper', 'replace'], ['check', 'pass']]);
  });

  it('denies with the stage code and stops there', async () => {
    let after = false;
    const deny: Stage = { name: 'deny', phase: 'authorize', onRequest: () => ({ action: 'deny', code: 'PC_ERR_FORBIDDEN', reasons: ['policy:p1'] }) };
    const later: Stage = { name: 'later', phase: 'input', onRequest: () => ((after = true), { action: 'pass' }) };
    const s = state();
    await rejectsWith(new Pipeline([deny, later], { defaultTimeoutMs: 100 }).runRequest(s, chat), 'PC_ERR_FORBIDDEN');
    assert.equal(after, false);
    assert.deepEqual(s.decisions[0]?.reasons, ['policy:p1']);
  });

  it('fails closed when a stage throws, synchronously or not', async () => {
    for (const onRequest of [
      () => {
        throw new Error('boom');
      },
      async () => {
        throw new Error('boom');
      },
    ]) {
      const s = state();
      await rejectsWith(new Pipeline([{ name: 'bad', phase: 'input', onRequest }], { defaultTimeoutMs: 100 }).runRequest(s, chat), 'PC_ERR_GUARD_FAILED');
      assert.equal(s.decisions[0]?.outcome, 'error');
    }
  });

  it('fails closed when a stage times out', async () => {
    const slow: Stage = { name: 'slow', phase: 'input', timeoutMs: 20, onRequest: () => new Promise(() => undefined) };
    const s = state();
    await rejectsWith(new Pipeline([slow], { defaultTimeoutMs: 1000 }).runRequest(s, chat), 'PC_ERR_GUARD_TIMEOUT');
    assert.equal(s.decisions[0]?.outcome, 'timeout');
  });

  it('fails closed when a stage returns something that is not a verdict', async () => {
    const odd = { name: 'odd', phase: 'input', onRequest: () => ({ nope: true }) } as unknown as Stage;
    await rejectsWith(new Pipeline([odd], { defaultTimeoutMs: 100 }).runRequest(state(), chat), 'PC_ERR_GUARD_FAILED');
  });

  it('passes a failing stage only when it is explicitly fail-open, and says so', async () => {
    const open: Stage = {
      name: 'open',
      phase: 'input',
      failOpen: true,
      onRequest: () => {
        throw new Error('boom');
      },
    };
    const s = state();
    await new Pipeline([open], { defaultTimeoutMs: 100 }).runRequest(s, chat);
    assert.equal(s.decisions[0]?.outcome, 'fail-open');
  });

  it('takes facts such as the principal from header stages', async () => {
    const principal = { id: 'u1', kind: 'user', tenant: 't', roles: [], authMethod: 'api_key', credentialId: 'k', models: [] } as const;
    const id: Stage = { name: 'id', phase: 'identity', onHeaders: () => ({ action: 'pass', facts: { principal } }) };
    const s = state();
    await new Pipeline([id], { defaultTimeoutMs: 100 }).runHeaders(s);
    assert.equal(s.principal?.id, 'u1');
  });

  it('rejects malformed stage sets at construction', () => {
    assert.throws(() => new Pipeline([{ name: 'a', phase: 'input' }, { name: 'a', phase: 'output' }], { defaultTimeoutMs: 1 }), /duplicate/);
    assert.throws(() => new Pipeline([{ name: 'a', phase: 'input', onHeaders: () => ({ action: 'pass' }) }], { defaultTimeoutMs: 1 }), /onHeaders/);
    assert.throws(() => new Pipeline([{ name: 'a', phase: 'identity', onRequest: () => ({ action: 'pass' }) }], { defaultTimeoutMs: 1 }), /headers only/);
    assert.throws(() => new Pipeline([], { defaultTimeoutMs: 0 }), /positive/);
  });

  it('lets a stream inspector hold chunks back and release them at the end', async () => {
    // Holds every chunk until it has seen two, the way a look-behind window does.
    const window: Stage = {
      name: 'window',
      phase: 'output',
      openStream: () => {
        const held: ChatChunk[] = [];
        return {
          onChunk: (c) => {
            held.push(c);
            return held.length >= 2 ? { action: 'replace', value: held.splice(0) } : { action: 'replace', value: [] };
          },
          onEnd: () => ({ action: 'replace', value: held.splice(0) }),
        };
      },
    };
    const p = new Pipeline([window], { defaultTimeoutMs: 100 });
    const run = p.openStream(state());
    assert.equal((await run.chunk(chunk('a'))).length, 0);
    assert.deepEqual((await run.chunk(chunk('b'))).map((c) => c.choices[0]?.delta.content), ['a', 'b']);
    assert.equal((await run.chunk(chunk('c'))).length, 0);
    assert.deepEqual((await run.end()).map((c) => c.choices[0]?.delta.content), ['c']);
  });

  it('passes chunks released at the end by one inspector through the next one', async () => {
    const holdAll: Stage = {
      name: 'hold',
      phase: 'output',
      openStream: () => {
        const held: ChatChunk[] = [];
        return { onChunk: (c) => (held.push(c), { action: 'replace', value: [] }), onEnd: () => ({ action: 'replace', value: held }) };
      },
    };
    const seen: string[] = [];
    const spy: Stage = {
      name: 'spy',
      phase: 'output',
      openStream: () => ({ onChunk: (c) => (seen.push(c.choices[0]?.delta.content ?? ''), { action: 'pass' }), onEnd: () => ({ action: 'pass' }) }),
    };
    const run = new Pipeline([holdAll, spy], { defaultTimeoutMs: 100 }).openStream(state());
    await run.chunk(chunk('x'));
    assert.deepEqual(seen, []);
    assert.equal((await run.end()).length, 1);
    assert.deepEqual(seen, ['x']);
  });

  it('folds passing chunk decisions per stage, so a long stream keeps a bounded record', async () => {
    const pass = (name: string): Stage => ({ name, phase: 'output', openStream: () => ({ onChunk: () => ({ action: 'pass' }), onEnd: () => ({ action: 'pass' }) }) });
    const s = state();
    const run = new Pipeline([pass('a'), pass('b')], { defaultTimeoutMs: 100 }).openStream(s);
    for (let i = 0; i < 50; i++) await run.chunk(chunk(String(i)));
    await run.end();
    assert.deepEqual(
      s.decisions.map((d) => [d.stage, d.calls]),
      [['a', 51], ['b', 51]],
    );
  });

  it('ends a stream with the deny code of an inspector', async () => {
    const stop: Stage = {
      name: 'stop',
      phase: 'output',
      openStream: () => ({ onChunk: (c) => (c.choices[0]?.delta.content === 'bad' ? { action: 'deny', code: 'PC_ERR_FORBIDDEN' } : { action: 'pass' }), onEnd: () => ({ action: 'pass' }) }),
    };
    const run = new Pipeline([stop], { defaultTimeoutMs: 100 }).openStream(state());
    assert.equal((await run.chunk(chunk('ok'))).length, 1);
    await rejectsWith(run.chunk(chunk('bad')), 'PC_ERR_FORBIDDEN');
  });

  it('runs synchronous stages without a promise, and the rest in order after a stage that waits', async () => {
    const seen: string[] = [];
    const now = (name: string, phase: Stage['phase']): Stage => ({ name, phase, onRequest: (_ctx, req): Verdict<ChatRequest> => (seen.push(name), { action: 'replace', value: { ...(req as ChatRequest), model: `${req.model}+${name}` } }) });
    const later = (name: string, phase: Stage['phase']): Stage => ({ name, phase, onRequest: async (_ctx, req): Promise<Verdict<ChatRequest>> => (await Promise.resolve(), seen.push(name), { action: 'replace', value: { ...(req as ChatRequest), model: `${req.model}+${name}` } }) });
    const sync = new Pipeline([now('a', 'authorize'), now('b', 'input')], { defaultTimeoutMs: 100 }).startRequest(state(), chat);
    assert.ok(!(sync instanceof Promise));
    assert.equal(sync.model, 'm+a+b');
    seen.length = 0;
    const s = state();
    const mixed = new Pipeline([now('a', 'authorize'), later('w', 'limits'), now('b', 'input')], { defaultTimeoutMs: 100 }).startRequest(s, chat);
    assert.ok(mixed instanceof Promise);
    assert.deepEqual(seen, ['a']);
    assert.equal((await mixed).model, 'm+a+w+b');
    assert.deepEqual(seen, ['a', 'w', 'b']);
    assert.deepEqual(s.decisions.map((d) => d.stage), ['a', 'w', 'b']);
  });

  it('throws a synchronous denial at once, and rejects one after a stage that waited', async () => {
    const principal = { id: 'p', kind: 'user', tenant: 't', roles: [], authMethod: 'api_key', credentialId: 'k', models: [] } as const;
    const id: Stage = { name: 'id', phase: 'identity', onHeaders: () => ({ action: 'pass', facts: { principal } }) };
    const waits: Stage = { name: 'waits', phase: 'identity', onHeaders: async () => ({ action: 'pass', facts: { principal } }) };
    const deny: Stage = { name: 'deny', phase: 'context', onHeaders: () => ({ action: 'deny', code: 'PC_ERR_FORBIDDEN' }) };
    const s = state();
    assert.equal(new Pipeline([id], { defaultTimeoutMs: 100 }).startHeaders(s), undefined);
    assert.equal(s.principal?.id, 'p');
    assert.throws(() => new Pipeline([id, deny], { defaultTimeoutMs: 100 }).startHeaders(state()), (err: unknown) => err instanceof GatewayError && err.code === 'PC_ERR_FORBIDDEN');
    const afterWait = new Pipeline([waits, deny], { defaultTimeoutMs: 100 }).startHeaders(state());
    assert.ok(afterWait instanceof Promise);
    await rejectsWith(afterWait, 'PC_ERR_FORBIDDEN');
    await rejectsWith(new Pipeline([id, deny], { defaultTimeoutMs: 100 }).runHeaders(state()), 'PC_ERR_FORBIDDEN');
  });
});
