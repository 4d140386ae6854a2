/**
 * Identity limits end to end, through the real gateway process: a streamed answer is cut when its
 * key is revoked mid-stream (continuous verification), and refused attempts against one API key
 * id are throttled whichever source addresses they come from (brute force per principal).
 * A stack of its own, so its low failure threshold cannot throttle other suites.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { Agent, fetch as undiciFetch } from 'undici';
import { cli, createKey, startStack, type Stack } from './harness.js';

const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
`;

interface ErrorBody {
  error: { code: string };
}

describe('identity limits end to end', () => {
  let stack: Stack;
  let url: string;
  let configFile: string;

  before(async () => {
    stack = await startStack(routes, 'identity:\n  failedAuth: { freeAttempts: 3, windowSec: 600, maxLockSec: 60 }\n');
    url = stack.gateway.url;
    configFile = stack.gateway.configFile;
  });
  after(async () => {
    await stack?.stop();
  });

  it('a stream whose key is revoked mid-way ends with PC_ERR_UNAUTHENTICATED', async () => {
    const { key, id } = await createKey(configFile);
    const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: key, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'gpt',
      stream: true,
      // Long enough (up to 30 s) that the revoking CLI process lands mid-stream even on a loaded
      // machine; the test ends as soon as the gateway cuts the stream.
      messages: [{ role: 'user', content: 'Tell me a long story. mock:chunks=300 mock:chunk-delay-ms=100' }],
    });
    let chunks = 0;
    let revoked: Promise<{ code: number }> | undefined;
    await assert.rejects(
      (async () => {
        for await (const _ of stream) {
          chunks++;
          revoked ??= cli(['keys', 'revoke', '--config', configFile, id]);
        }
      })(),
      (err: unknown) => err instanceof OpenAI.APIError && err.code === 'PC_ERR_UNAUTHENTICATED',
    );
    assert.equal((await revoked)?.code, 0);
    assert.ok(chunks > 0 && chunks < 300, `the stream was cut part-way (${chunks} chunks)`);
    // An unrevoked key streams to the end: the re-check is quiet while the key is good.
    const whole = await new OpenAI({ baseURL: `${url}/v1`, apiKey: stack.key, maxRetries: 0 }).chat.completions.create({
      model: 'gpt',
      stream: true,
      messages: [{ role: 'user', content: 'Go on. mock:chunks=30 mock:chunk-delay-ms=100' }],
    });
    let finish: string | null | undefined;
    for await (const chunk of whole) finish = chunk.choices[0]?.finish_reason ?? finish;
    assert.equal(finish, 'stop');
  });

  it('wrong secrets and wrong networks for one key id are throttled across source addresses', async () => {
    const { key } = await createKey(configFile, ['--cidrs', '127.0.0.1/32']);
    const other = (await createKey(configFile)).key;
    // Linux answers on all of 127.0.0.0/8: each agent is another source address to the gateway.
    const from = (address: string) => new Agent({ localAddress: address });
    const agents = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'].map(from);
    const models = async (agent: Agent, bearer: string): Promise<string> => {
      const res = await undiciFetch(`${url}/v1/models`, { dispatcher: agent, headers: { authorization: `Bearer ${bearer}` } });
      if (res.status === 200) return '200';
      return `${res.status} ${((await res.json()) as ErrorBody).error.code}`;
    };
    try {
      // Right secret, wrong network: three sources, one refusal each (the per-source limit is not reached).
      for (const agent of agents.slice(0, 3)) assert.equal(await models(agent, key), '401 PC_ERR_UNAUTHENTICATED');
      // A fourth source is throttled for this key id, even with the right secret ...
      assert.equal(await models(agents[3] as Agent, key), '429 PC_ERR_AUTH_THROTTLED');
      // ... while another key from that same source is served.
      assert.equal(await models(agents[3] as Agent, other), '200');
    } finally {
      await Promise.all(agents.map((a) => a.close()));
    }
  });
});
