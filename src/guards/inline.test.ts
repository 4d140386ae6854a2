import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { guardsSchema } from '../config/guards.js';
import { holdFrom } from './holdback.js';
import { indexPrompt, newCanary } from './leak.js';
import { findExfiltrationLinks } from './links.js';
import { compileGuards, routeGuardsSchema } from './policy.js';
import { actedFindings, hashToken, redact } from './redact.js';

const links = { action: 'block' as const, allowedHosts: ['docs.example.com'], strict: false };

describe('findExfiltrationLinks', () => {
  const cases: { text: string; kinds: string[] }[] = [
    { text: 'See ![chart](https://evil.example/x.png?d=c2VjcmV0) here', kinds: ['image'] },
    { text: 'An image without data ![x](https://evil.example/cat.png)', kinds: ['image'] },
    { text: 'Click [here](https://evil.example/x?d=secret).', kinds: ['link'] },
    { text: 'Plain link [docs](https://evil.example/guide) is fine', kinds: [] },
    { text: 'Bare https://evil.example/collect?u=alice&k=42 now', kinds: ['url'] },
    { text: 'Allowed https://docs.example.com/a?b=c and https://api.docs.example.com/x?y=1', kinds: [] },
    { text: 'Look-alike https://docs.example.com.evil.example/?q=1', kinds: ['url'] },
    { text: 'No links at all.', kinds: [] },
  ];
  for (const c of cases) {
    it(c.text, () => assert.deepEqual(findExfiltrationLinks(c.text, links).map((l) => l.kind), c.kinds));
  }
  it('strict flags every foreign URL; allow flags none', () => {
    assert.equal(findExfiltrationLinks('go to https://evil.example/guide', { ...links, strict: true }).length, 1);
    assert.equal(findExfiltrationLinks('![x](https://evil.example/?d=1)', { ...links, action: 'allow' }).length, 0);
  });
});

describe('holdFrom', () => {
  const cases: { text: string; from?: number; held: string }[] = [
    { text: 'Hello there wor', held: 'wor' },
    { text: 'Hello there ', held: '' },
    { text: 'key sk-proj-abc', held: 'sk-proj-abc' },
    { text: 'card 4111 1111 1111 ', held: '4111 1111 1111 ' },
    { text: 'see ![chart](https://evil', held: '![chart](https://evil' },
    { text: 'see [the docs', held: '[the docs' },
    { text: 'done [1] and more ', held: '' },
    { text: 'see [x](https://a.example/) ok ', held: '' },
    { text: 'abcdef', from: 3, held: 'def' },
  ];
  for (const c of cases) {
    it(JSON.stringify(c.text), () => assert.equal(c.text.slice(holdFrom(c.text, c.from ?? 0)), c.held));
  }
});

describe('indexPrompt', () => {
  const prompt = 'You are the billing assistant of Example Corp. Answer only questions about invoices, refunds and payment methods.';
  const index = indexPrompt(prompt, 40);
  it('finds 40 consecutive characters of the prompt', () => {
    assert.ok(index);
    assert.equal(index.leaks(`Sure! My instructions: ${prompt.slice(10, 60)} ...`), true);
    assert.equal(index.leaks(`Sure! ${prompt.slice(10, 49)} - only 39`), false);
    assert.equal(index.leaks('An unrelated answer about refunds and payment methods in general.'), false);
  });
  it('only looks at windows ending at or after `from`', () => {
    const text = `${prompt.slice(0, 45)} and then other words`;
    assert.equal(index?.leaks(text, 44), true);
    assert.equal(index?.leaks(text, 46), false);
  });
  it('skips prompts shorter than the minimum', () => assert.equal(indexPrompt('short', 40), undefined));
  it('canaries are fresh and unguessable', () => {
    const a = newCanary();
    assert.match(a, /^pc-[A-Za-z0-9_-]{22}$/);
    assert.notEqual(a, newCanary());
  });
});

describe('actedFindings and redact', () => {
  const compiled = compileGuards(guardsSchema.parse({}), []);
  const key = Buffer.alloc(32, 7);
  const text = 'Mail anna.keller@example.org or call, key sk-proj-q7Zk2Lm9Xp4Rt8Vw3Ny6Bc1Hd5Gf0JsAq7Zk2Lm9Xp4Rt8Vw3Ny6Bc1Hd5Gf0JsA';
  it('masks, hashes and leaves alone per action', () => {
    const cases: { action: 'mask' | 'hash' | 'log-only'; expect: (s: string) => boolean }[] = [
      { action: 'mask', expect: (s) => s.startsWith('Mail [EMAIL_ADDRESS] or call') && s.includes('[SECRET_OPENAI_KEY]') },
      { action: 'hash', expect: (s) => s.includes(hashToken(key, 'EMAIL_ADDRESS', 'anna.keller@example.org')) && !s.includes('anna.keller') },
      { action: 'log-only', expect: (s) => s === text },
    ];
    for (const c of cases) {
      const acted = actedFindings(compiled.scanner, text, 'user', () => c.action);
      assert.deepEqual(acted.map((a) => a.finding.type), ['EMAIL_ADDRESS', 'SECRET_OPENAI_KEY']);
      assert.ok(c.expect(redact(text, acted, key)), c.action);
    }
  });
  it('hash tokens are stable per value and keyed', () => {
    assert.equal(hashToken(key, 'EMAIL_ADDRESS', 'a@b.example'), hashToken(key, 'EMAIL_ADDRESS', 'a@b.example'));
    assert.notEqual(hashToken(key, 'EMAIL_ADDRESS', 'a@b.example'), hashToken(Buffer.alloc(32, 8), 'EMAIL_ADDRESS', 'a@b.example'));
  });
});

describe('route policy', () => {
  it('takes its defaults from the top-level guards section', () => {
    const cfg = guardsSchema.parse({ pii: { action: 'log-only' }, injection: { action: 'sanitize' } });
    const p = compileGuards(cfg, [{ model: 'm', guards: routeGuardsSchema.parse({ input: { types: { EMAIL_ADDRESS: 'hash' } } }) }]).policies.get('m');
    assert.ok(p);
    assert.equal(p.input.injection, 'block');
    assert.equal(p.input.documents, 'sanitize');
    assert.equal(p.input.actionFor('EMAIL_ADDRESS'), 'hash');
    assert.equal(p.input.actionFor('PHONE_NUMBER'), 'log-only');
    assert.equal(p.input.actionFor('PERSON'), undefined);
    assert.equal(p.input.actionFor('SECRET_JWT'), 'block');
    assert.equal(p.output.actionFor('PHONE_NUMBER'), 'log-only');
  });
  it('masks PII in answers by default and rejects unknown types', () => {
    const p = compileGuards(guardsSchema.parse({}), [{ model: 'm' }]).policies.get('m');
    assert.equal(p?.output.actionFor('EMAIL_ADDRESS'), 'mask');
    assert.equal(p?.input.actionFor('EMAIL_ADDRESS'), 'mask');
    assert.equal(p?.input.actionFor('SECRET_JWT'), 'block');
    assert.equal(p?.output.actionFor('SECRET_AWS_ACCESS_KEY'), 'block');
    assert.equal(routeGuardsSchema.safeParse({ input: { types: { NOPE: 'mask' } } }).success, false);
    assert.equal(routeGuardsSchema.safeParse({ input: { injection: 'sanitize' } }).success, false);
    assert.equal(routeGuardsSchema.safeParse({ output: { windowChars: 128, leakMinChars: 200 } }).success, false);
  });
});
