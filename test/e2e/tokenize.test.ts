/**
 * Reversible tokenisation end to end: the real gateway process in front of the mock LLM process,
 * driven by the official `openai` client. The mock echoes the last user message ("Mock answer to:
 * …"), so the answer repeats whatever the model received: the upstream must see only
 * placeholders, and the client must get its e-mail address back, whole and streamed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { createKey, mockStats, openaiSuite } from './harness.js';

const routes = (mock: string) => `
  - model: tok
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt, apiKey: upstream-1 }]
    guards:
      input: { types: { EMAIL_ADDRESS: tokenize, PHONE_NUMBER: tokenize } }
`;

const EMAIL = 'maria.lopez@example.com';

describe('tokenize (e2e)', () => {
  const suite = openaiSuite(routes);

  it('the upstream sees a placeholder, the client gets the value back', async () => {
    const answer = await suite.client.chat.completions.create({ model: 'tok', messages: [{ role: 'user', content: `Please write to ${EMAIL} today` }] });
    const upstream = JSON.stringify((await mockStats(suite.stack.mock)).last.body);
    assert.ok(!upstream.includes('maria'), upstream);
    assert.ok(upstream.includes('<EMAIL_ADDRESS_1>'), upstream);
    assert.match(answer.choices[0]?.message.content ?? '', new RegExp(`^Mock answer to: Please write to ${EMAIL} today`));
  });

  it('streams: a placeholder split across many small chunks is restored', async () => {
    const stream = await suite.client.chat.completions.create({ model: 'tok', stream: true, messages: [{ role: 'user', content: `Mail ${EMAIL} or ring +41 44 668 18 00 mock:chunks=60` }] });
    let text = '';
    let chunks = 0;
    for await (const c of stream) {
      const t = c.choices[0]?.delta.content ?? '';
      if (t !== '') chunks++;
      text += t;
    }
    const upstream = JSON.stringify((await mockStats(suite.stack.mock)).last.body);
    assert.ok(!upstream.includes('maria') && !upstream.includes('668 18'), upstream);
    // The mock cut its ~100 characters into 60 chunks, so every placeholder arrived in pieces; the
    // guards hold back the trailing word (holdback.ts), so the client sees fewer, larger chunks.
    assert.ok(chunks > 3, `only ${chunks} chunks`);
    assert.match(text, new RegExp(`^Mock answer to: Mail ${EMAIL} or ring \\+41 44 668 18 00 mock:chunks=60`));
  });

  it('works through the Anthropic API too, streamed', async () => {
    const anthropic = new Anthropic({ baseURL: suite.stack.gateway.url, apiKey: suite.stack.key, maxRetries: 0 });
    const stream = anthropic.messages.stream({ model: 'tok', max_tokens: 200, messages: [{ role: 'user', content: `Reply to ${EMAIL} mock:chunks=40` }] });
    let text = '';
    stream.on('text', (t) => (text += t));
    await stream.finalMessage();
    assert.ok(!JSON.stringify((await mockStats(suite.stack.mock)).last.body).includes('maria'));
    assert.match(text, new RegExp(`^Mock answer to: Reply to ${EMAIL} mock:chunks=40`));
  });

  it("keeps placeholders across a conversation, and a forged one never unlocks another principal's value", async () => {
    const alice = new OpenAI({ baseURL: `${suite.stack.gateway.url}/v1`, apiKey: suite.stack.key, maxRetries: 0, defaultHeaders: { 'x-portcullis-conversation': 'conv-1' } });
    await alice.chat.completions.create({ model: 'tok', messages: [{ role: 'user', content: `first b.private@example.com then ${EMAIL}` }] });
    // A later turn: the model (here, the echo) names an earlier placeholder the client never sent.
    const second = await alice.chat.completions.create({ model: 'tok', messages: [{ role: 'user', content: `and again ${EMAIL}` }] });
    assert.equal(JSON.stringify((await mockStats(suite.stack.mock)).last.body).includes('<EMAIL_ADDRESS_2>'), true, 'same value, same placeholder as in turn 1');
    assert.match(second.choices[0]?.message.content ?? '', new RegExp(`and again ${EMAIL}`));

    const { key: otherKey } = await createKey(suite.stack.gateway.configFile, ['--name', 'mallory']);
    const mallory = new OpenAI({ baseURL: `${suite.stack.gateway.url}/v1`, apiKey: otherKey, maxRetries: 0, defaultHeaders: { 'x-portcullis-conversation': 'conv-1' } });
    const forged = await mallory.chat.completions.create({ model: 'tok', messages: [{ role: 'user', content: 'what is <EMAIL_ADDRESS_1>?' }] });
    const text = forged.choices[0]?.message.content ?? '';
    assert.ok(!text.includes('b.private'), text);
    assert.match(text, /what is <EMAIL_ADDRESS_1>\?/);
    // The upstream saw the client's look-alike escaped, so it could not name it as a placeholder.
    assert.ok(JSON.stringify((await mockStats(suite.stack.mock)).last.body).includes('<EMAIL_ADDRESS_1~>'));
  });
});
