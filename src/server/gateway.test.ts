import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { request } from 'undici';
import { compileConfig, type Runtime } from '../config/compile.js';
import { parseConfigText } from '../config/load.js';
import { createLogger } from '../log.js';
import { Pipeline } from '../pipeline/runner.js';
import type { StageContext } from '../pipeline/types.js';
import type { Store } from '../store/types.js';
import { createGateway, type Gateway } from './gateway.js';

// One identity stage that keeps what it is given and refuses: enough to see the request state
// the gateway hands every stage, without an upstream.
const seen: StageContext[] = [];
const pipeline = new Pipeline(
  [
    {
      name: 'identity',
      phase: 'identity',
      onHeaders(ctx) {
        seen.push(ctx);
        return { action: 'deny', code: 'PC_ERR_UNAUTHENTICATED', reasons: ['test'] };
      },
    },
  ],
  { defaultTimeoutMs: 1_000 },
);

let gateway: Gateway;
let origin: string;

before(async () => {
  const parsed = parseConfigText(['server:', '  host: 127.0.0.1', '  port: 0', 'routes:', '  - model: m', '    targets:', '      - provider: openai', '        baseUrl: http://127.0.0.1:9/v1', '        model: m', ''].join('\n'), {});
  assert.ok(parsed.ok);
  const compiled = await compileConfig(parsed.config, () => Promise.resolve(undefined));
  assert.ok(compiled.ok);
  const runtime: Runtime = compiled.runtime;
  const store = { ping: () => Promise.resolve() } as unknown as Store;
  gateway = createGateway({ runtime, pipeline, store, log: createLogger({ level: 'silent' }) });
  const { port } = await gateway.listen();
  origin = `http://127.0.0.1:${port}`;
});

after(async () => {
  await gateway.close();
});

test('the request state: no own accessors, the facts of the request, a signal aborted once the request ends in a refusal', async () => {
  seen.length = 0;
  const res = await request(`${origin}/v1/chat/completions?x=1`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-test': 'yes' }, body: '{}' });
  assert.equal(res.statusCode, 401);
  const answer = (await res.body.json()) as { error: { code: string } };
  assert.equal(answer.error.code, 'PC_ERR_UNAUTHENTICATED');
  assert.equal(seen.length, 1);
  const ctx = seen[0] as StageContext;
  // V8 allocates the accessor pair of an object's own getter in the old generation; a getter
  // closing over the request kept the whole request alive through every young collection
  // (docs/performance.md, "Session 7"). Accessors belong on a prototype.
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(ctx))) {
    assert.ok(d.get === undefined && d.set === undefined, `own accessor "${name}" on the request state`);
  }
  assert.equal(ctx.requestId, res.headers['x-request-id']);
  assert.equal(ctx.api, 'openai');
  assert.equal(ctx.operation, 'chat');
  assert.equal(ctx.sourceIp, '127.0.0.1');
  assert.deepEqual(ctx.http, { method: 'POST', path: '/v1/chat/completions', scheme: 'http' });
  assert.equal(ctx.headers['x-test'], 'yes');
  assert.equal(ctx.clientCert, undefined);
  assert.ok(ctx.signal instanceof AbortSignal);
  assert.equal(ctx.signal, ctx.signal, 'one signal per request');
  // Anything still running for a refused request is stopped when it ends.
  assert.equal(ctx.signal.aborted, true);
});

test('each request gets its own state and signal', async () => {
  seen.length = 0;
  for (let i = 0; i < 2; i++) {
    const res = await request(`${origin}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await res.body.dump();
  }
  const [a, b] = seen as [StageContext, StageContext];
  assert.notEqual(a, b);
  assert.notEqual(a.requestId, b.requestId);
  assert.notEqual(a.signal, b.signal);
});
