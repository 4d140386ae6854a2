import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Keyring } from '../crypto/keyring.js';
import { actedFindings } from '../guards/redact.js';
import { createScanner } from '../guards/scan.js';
import { conversationScope } from './scope.js';
import { TokenSession } from './session.js';
import { restoreText, tokenizeText } from './tokenize.js';
import { TokenVault } from './vault.js';

const keyring = new Keyring(randomBytes(32));
const hashKey = keyring.dataKey('hash');
const scanner = createScanner();

function vault(over: Partial<ConstructorParameters<typeof TokenVault>[0]> = {}): TokenVault {
  return new TokenVault({ sealing: keyring.sealer('vault'), indexKey: keyring.dataKey('vault-index'), ttlMs: 60_000, maxEntries: 1000, maxEntriesPerConversation: 100, ...over });
}

function tokenize(text: string, session: TokenSession): string {
  return tokenizeText(text, actedFindings(scanner, text, 'user', () => 'tokenize'), hashKey, session);
}

const email = fc
  .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z]{2,8}$/))
  .map(([user, host]) => `${user}@${host}.example.com`);
const piece = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  // Lone surrogates and every other code unit: bad input must not break the round trip.
  fc.string({ unit: 'binary', maxLength: 8 }),
  email.map((e) => ` ${e} `),
  fc.constantFrom('<EMAIL_ADDRESS_1>', '<EMAIL_ADDRESS_1~>', '<SECRET_JWT_3>', '<', '>', '~', ' AKIAIOSFODNN7EXAMPLQ ', ' 4111 1111 1111 1111 ', ' +41 44 668 18 00 '),
);
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

describe('tokenisation round trip (real detectors)', () => {
  it('de-tokenise(tokenise(text)) is the identity, and the model text holds no tokenised value', () => {
    fc.assert(
      fc.property(text, (t) => {
        const session = new TokenSession(undefined, undefined);
        const acted = actedFindings(scanner, t, 'user', () => 'tokenize');
        const model = tokenizeText(t, acted, hashKey, session);
        for (const a of acted) {
          const value = t.slice(a.finding.start, a.finding.end);
          if (/^[\w.@-]+@[\w.-]+$/.test(value)) assert.ok(!model.includes(value), `value leaked: ${value}`);
        }
        assert.equal(restoreText(model, session), t);
      }),
      { numRuns: 500 },
    );
  });

  it('the same value gets the same placeholder, another value the next one', () => {
    const s = new TokenSession(undefined, undefined);
    const out = tokenize('a@one.example.com, b@two.example.com and a@one.example.com', s);
    assert.equal(out, '<EMAIL_ADDRESS_1>, <EMAIL_ADDRESS_2> and <EMAIL_ADDRESS_1>');
  });

  it('escapes placeholder look-alikes the client wrote, so they never unlock a value', () => {
    const s = new TokenSession(undefined, undefined);
    const out = tokenize('mine: x@y.example.com; theirs: <EMAIL_ADDRESS_2> <EMAIL_ADDRESS_1>', s);
    assert.equal(out, 'mine: <EMAIL_ADDRESS_1>; theirs: <EMAIL_ADDRESS_2~> <EMAIL_ADDRESS_1~>');
    // The model repeating the escaped form gives the client back what it wrote.
    assert.equal(restoreText('<EMAIL_ADDRESS_1~> and <EMAIL_ADDRESS_2>', s), '<EMAIL_ADDRESS_1> and <EMAIL_ADDRESS_2>');
  });
});

describe('the vault', () => {
  const principal = (id: string) => ({ principal: { id, tenant: 't', kind: 'user', roles: [], authMethod: 'api_key', credentialId: 'k', models: [] } as const });
  const ctx = (id: string, conversation?: string) => ({ headers: conversation === undefined ? {} : { 'x-portcullis-conversation': conversation }, ...principal(id) });

  it('keeps placeholders stable across the requests of one conversation', () => {
    const v = vault();
    const first = conversationScope(ctx('alice', 'c1'), v);
    const second = conversationScope(ctx('alice', 'c1'), v);
    assert.ok(first.ok && second.ok);
    assert.equal(tokenize('to b@two.example.com', first.session), 'to <EMAIL_ADDRESS_1>');
    assert.equal(tokenize('to a@one.example.com or b@two.example.com', second.session), 'to <EMAIL_ADDRESS_2> or <EMAIL_ADDRESS_1>');
    // A later request restores an earlier turn's placeholder from the vault.
    const third = conversationScope(ctx('alice', 'c1'), v);
    assert.ok(third.ok);
    assert.equal(restoreText('<EMAIL_ADDRESS_1>', third.session), 'b@two.example.com');
  });

  it("never restores another principal's value, even with their conversation id", () => {
    const v = vault();
    const alice = conversationScope(ctx('alice', 'shared'), v);
    assert.ok(alice.ok);
    tokenize('secret contact c@three.example.com', alice.session);
    const mallory = conversationScope(ctx('mallory', 'shared'), v);
    assert.ok(mallory.ok);
    assert.equal(restoreText('<EMAIL_ADDRESS_1>', mallory.session), '<EMAIL_ADDRESS_1>');
    const noHeader = conversationScope(ctx('alice'), v);
    assert.ok(noHeader.ok);
    assert.equal(restoreText('<EMAIL_ADDRESS_1>', noHeader.session), '<EMAIL_ADDRESS_1>');
  });

  it('refuses a malformed conversation id', () => {
    assert.deepEqual(conversationScope(ctx('alice', 'a b'), vault()), { ok: false, reason: 'conversation-header:invalid' });
    assert.equal(conversationScope({ headers: { 'x-portcullis-conversation': ['a', 'b'] }, ...principal('x') }, vault()).ok, false);
  });

  it('does not restore entries past their TTL, and numbers never repeat', () => {
    let now = 1_000;
    const v = vault({ ttlMs: 100, now: () => now });
    const s1 = new TokenSession(v, 'scope');
    assert.equal(tokenize('d@four.example.com', s1), '<EMAIL_ADDRESS_1>');
    now += 101;
    assert.equal(v.lookup('scope', '<EMAIL_ADDRESS_1>'), undefined);
    assert.equal(restoreText('<EMAIL_ADDRESS_1>', new TokenSession(v, 'scope')), '<EMAIL_ADDRESS_1>');
    // The request that tokenised it still restores its own answer.
    assert.equal(restoreText('<EMAIL_ADDRESS_1>', s1), 'd@four.example.com');
    assert.equal(tokenize('d@four.example.com', new TokenSession(v, 'scope')), '<EMAIL_ADDRESS_2>');
  });

  it('is bounded: a full conversation masks, the least recently used conversations go first', () => {
    const v = vault({ maxEntriesPerConversation: 1, maxEntries: 2 });
    const s = new TokenSession(v, 'a');
    assert.equal(tokenize('e@five.example.com f@six.example.com', s), '<EMAIL_ADDRESS_1> [EMAIL_ADDRESS]');
    new TokenSession(v, 'b').placeholderFor('EMAIL_ADDRESS', 'g@x.example');
    new TokenSession(v, 'c').placeholderFor('EMAIL_ADDRESS', 'h@x.example');
    assert.equal(v.size, 2);
    assert.equal(v.lookup('a', '<EMAIL_ADDRESS_1>'), undefined);
    assert.equal(v.lookup('c', '<EMAIL_ADDRESS_1>'), 'h@x.example');
  });

  it('bounds conversations whose entries expired, too', () => {
    let now = 0;
    const v = vault({ ttlMs: 10, maxEntries: 5, now: () => now });
    for (let i = 0; i < 50; i++) {
      new TokenSession(v, `s${i}`).placeholderFor('EMAIL_ADDRESS', `u${i}@x.example`);
      now += 11;
      assert.equal(v.lookup(`s${i}`, '<EMAIL_ADDRESS_1>'), undefined);
    }
    assert.ok((v as unknown as { conversations: Map<string, unknown> }).conversations.size <= 5);
  });
});
