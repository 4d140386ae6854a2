import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import RE2 from 're2';
import { ASCII_COPIED_SOURCES, asciiCopy, detectSecrets, shannonEntropy } from './index.js';
import { assertLinearTime } from '../../lib/testing.js';

const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const jwt = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"1234567890","name":"x"}')}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;
const rnd = 'q7Zk2Lm9Xp4Rt8Vw3Ny6Bc1Hd5Gf0JsA'; // 32 mixed characters, high entropy
const hex32 = '0123456789abcdef0123456789abcdef'.split('').reverse().join('');

const positives: { kind: string; value: string; text?: (v: string) => string }[] = [
  { kind: 'AWS_ACCESS_KEY', value: 'AKIAIOSFODNN7EXAMPLE' },
  { kind: 'AWS_SECRET_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', text: (v) => `id AKIAIOSFODNN7EXAMPLE secret ${v}` },
  { kind: 'GCP_API_KEY', value: `AIza${rnd}abc`.padEnd(39, 'Q') },
  { kind: 'GCP_SERVICE_ACCOUNT', value: '"private_key_id": "3f9c0e7ab2d4518e6c0f7a93b1d2e4c5a6f70819"' },
  { kind: 'AZURE_STORAGE_KEY', value: `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${'Ab3+'.repeat(22)};EndpointSuffix=core.windows.net` },
  { kind: 'GITHUB_TOKEN', value: `ghp_${rnd}Ab12` },
  { kind: 'GITHUB_TOKEN', value: `github_pat_${rnd.slice(0, 22)}_${(rnd + rnd).slice(0, 59)}` },
  { kind: 'GITLAB_TOKEN', value: 'glpat-Ab3dE5fG7hJ9kL1mN3pQ' },
  { kind: 'OPENAI_KEY', value: `sk-proj-${rnd}${rnd}` },
  { kind: 'OPENAI_KEY', value: `sk-${rnd}${rnd.slice(0, 16)}` },
  { kind: 'ANTHROPIC_KEY', value: `sk-ant-api03-${rnd}${rnd}${rnd}-AA` },
  { kind: 'HUGGINGFACE_TOKEN', value: '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' },
  { kind: 'SLACK_TOKEN', value: 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx' },
  { kind: 'SLACK_WEBHOOK', value: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX' },
  { kind: 'STRIPE_KEY', value: `sk_live_${rnd.slice(0, 24)}` },
  { kind: 'STRIPE_KEY', value: `rk_live_${rnd.slice(0, 24)}` },
  { kind: 'TWILIO_KEY', value: `AC${hex32}` },
  { kind: 'TWILIO_KEY', value: `SK${hex32}` },
  { kind: 'PRIVATE_KEY', value: `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA${rnd}\n${rnd}\n-----END RSA PRIVATE KEY-----` },
  { kind: 'PRIVATE_KEY', value: `-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC${rnd}${rnd}` },
  { kind: 'JWT', value: jwt },
  { kind: 'DATABASE_URL', value: 'postgres://admin:S3cr3tPw@db.example.com:5432/app' },
  { kind: 'DATABASE_URL', value: 'mongodb+srv://u:Pa55w0rd!@cluster0.abc.mongodb.net/db' },
  { kind: 'DATABASE_URL', value: 'redis://default:r3d1sPass@cache:6379' },
  { kind: 'URL_CREDENTIALS', value: 'https://bob:hunter22@git.example.com/repo.git' },
  { kind: 'PORTCULLIS_KEY', value: `pc_live_${rnd}Ab12Cd34` },
  { kind: 'PORTCULLIS_KEY', value: `pc_test_${rnd}Ab12Cd34` },
  { kind: 'GENERIC', value: rnd, text: (v) => `api_key: "${v}"` },
  { kind: 'GENERIC', value: 'hunter2!x', text: (v) => `password = "${v}"` },
];

const negatives: { name: string; text: string }[] = [
  { name: 'AWS-like id with bad alphabet', text: 'AKIA0000000000000000' },
  { name: 'sk- followed by a word', text: 'use sk-learn-pipeline-model-for-classification-tasks' },
  { name: 'sk- low entropy', text: 'sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
  { name: 'publishable Stripe key', text: 'pk_live_q7Zk2Lm9Xp4Rt8Vw3Ny6Bc1H' },
  { name: 'short ghp_', text: 'ghp_short' },
  { name: 'JWT-looking text whose header is not JSON', text: 'eyJub3Rqc29uIGF0IGFs.eyJzdWIiOiIxMjM0NTY3ODkw.abc' },
  { name: 'database URL with placeholder password', text: 'postgres://user:${DB_PASSWORD}@db/app' },
  { name: 'database URL without password', text: 'postgres://user@db/app' },
  { name: 'password prose', text: 'the password is correct' },
  { name: 'password placeholder', text: 'password = "<your password>"' },
  { name: 'low-entropy api key', text: 'api_key = "aaaaaaaaaaaaaaaaaaaaaaaa"' },
  { name: 'pc_ key too short', text: `pc_live_${rnd}` },
  { name: 'BEGIN PUBLIC KEY', text: `-----BEGIN PUBLIC KEY-----\n${rnd}${rnd}${rnd}\n-----END PUBLIC KEY-----` },
  { name: 'plain prose', text: 'Please summarise the quarterly report for the board.' },
];

describe('detectSecrets', () => {
  for (const c of positives) {
    it(`finds SECRET_${c.kind} (${c.value.slice(0, 12)}…)`, () => {
      const text = c.text !== undefined ? c.text(c.value) : `here it is: ${c.value} thanks`;
      const f = detectSecrets(text);
      const hit = f.find((x) => x.type === `SECRET_${c.kind}`);
      assert.ok(hit !== undefined, `no SECRET_${c.kind} in ${JSON.stringify(f)}`);
      assert.equal(text.slice(hit.start, hit.end), c.value);
    });
  }
  for (const c of negatives) {
    it(`ignores ${c.name}`, () => {
      assert.deepEqual(detectSecrets(c.text), []);
    });
  }

  it('never puts the value in a finding', () => {
    const f = detectSecrets('key AKIAIOSFODNN7EXAMPLE');
    assert.deepEqual(Object.keys(f[0] ?? {}).sort(), ['end', 'score', 'start', 'type']);
  });

  it('maps offsets through zero-width characters', () => {
    const text = 'x ghp_\u200B' + `${rnd}Ab12 y`;
    const f = detectSecrets(text);
    assert.equal(f[0]?.type, 'SECRET_GITHUB_TOKEN');
    assert.equal(text.slice(f[0]?.start, f[0]?.end), `ghp_\u200B${rnd}Ab12`);
  });

  it('computes Shannon entropy', () => {
    assert.equal(shannonEntropy('aaaa'), 0);
    assert.equal(shannonEntropy('abcd'), 2);
  });

  it('computes Shannon entropy bit for bit as a count per code point in first-seen order', () => {
    const reference = (value: string): number => {
      const counts = new Map<string, number>();
      for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      const n = [...value].length;
      let h = 0;
      for (const c of counts.values()) h -= (c / n) * Math.log2(c / n);
      return h;
    };
    const chars = fc.constantFrom('a', 'b', 'Z', '0', '/', '+', '=', '_', 'é', '😀', '\u0000');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 80 }), (parts) => {
        const v = parts.join('');
        assert.equal(shannonEntropy(v), reference(v));
        // Twice: the scratch counts must be clean after each call.
        assert.equal(shannonEntropy(v), reference(v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('detectSecrets: misses found by scripts/eval-secrets.ts', () => {
  const types = (text: string): string[] => detectSecrets(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);

  it('a Redis URL with a password and no user name', () => {
    assert.deepEqual(types('REDIS_URL=redis://:Xq7kLm2pRt9vWz4bNc8d@cache:6379/0'), ['SECRET_DATABASE_URL:redis://:Xq7kLm2pRt9vWz4bNc8d@cache:6379/0']);
  });

  it('an opaque bearer token', () => {
    assert.deepEqual(types('curl -H "Authorization: Bearer q7Zk2Lm9Xp4Rt8Vw3Ny6Bc1H" https://x'), ['SECRET_GENERIC:q7Zk2Lm9Xp4Rt8Vw3Ny6Bc1H']);
    assert.deepEqual(types('the bearer of this letter is my cousin'), []);
  });

  it('documentation fillers with a real prefix are not keys', () => {
    for (const t of ['ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'AKIAXXXXXXXXXXXXXXXX', 'xoxb-000000000000-0000000000000-000000000000000000000000', 'sk_live_000000000000000000000000']) {
      assert.deepEqual(types(`key: ${t}`), [], t);
    }
  });

  it('a password named in another language, after a full-width colon, or in Markdown backticks (session 19)', () => {
    const cases: [string, string][] = [
      ['Das Passwort lautet nicht so, aber Passwort: Xk9!mq2Lp', 'Xk9!mq2Lp'],
      ['Senha: Farma#2025', 'Farma#2025'],
      ['Kata sandi: MajuBersama-771', 'MajuBersama-771'],
      ['Le mot de passe : GIROFLE-88', 'GIROFLE-88'],
      ['Пароль: Лето2024!', 'Лето2024!'],
      ['密码：Zx82!kq9', 'Zx82!kq9'],
      ['비밀번호: Hanbit#1177', 'Hanbit#1177'],
      ['The admin login is `portal-admin`, password `Heron!2024`.', 'Heron!2024'],
      ['password: `Heron!2024`', 'Heron!2024'],
    ];
    for (const [text, value] of cases) assert.deepEqual(types(text), [`SECRET_GENERIC:${value}`], text);
    // Advice about passwords, placeholders and words alone are not passwords.
    for (const text of ['Passwort: mindestens zwölf Zeichen', 'Пароль: летоосень', 'contraseña = <tu contraseña>', 'use a password `manager` like this', 'Set the token `abc`']) {
      assert.deepEqual(types(text), [], text);
    }
  });

  it('a keyword-anchored value a specific rule recognises takes that rule type', () => {
    const sas = 'sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T00:00:00Z&spr=https&sig=q7Zk2Lm9Xp4Rt8Vw3Ny6Bc1Hd5Gf0JsA%2Bq7Zk2Lm9X';
    assert.deepEqual(detectSecrets(`SAS token: ?${sas}`).map((f) => f.type), ['SECRET_AZURE_SAS_TOKEN']);
  });
});

describe('detectSecrets: the JavaScript copies of the keyword-anchored expressions', () => {
  /** Every match (start, text, capture) of a global expression, by an exec loop from the start. */
  const matches = (re: RE2 | RegExp, text: string): string[] => {
    const out: string[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(`${m.index}:${m[0]}|${m[1] ?? ''}`);
    return out;
  };
  // Pieces that exercise every branch: keywords in any case, operators, quotes, every ASCII space
  // (RE2's \s has no \v), value characters and the characters that end a value.
  const piece = fc.oneof(
    fc.constantFrom('password', 'PassWd', 'passphrase', 'pwd', 'secret', 'api_key', 'API-KEY', 'apikey', 'access_token', 'auth-token', 'bearer', 'Bearer', 'client_secret', 'private_key', 'token', 'credential', 'credentials', 'Passwort', 'senha', 'mot de passe', 'kata sandi'),
    fc.constantFrom('=', ':', '=>', ':=', 'is', ' is ', '"', "'", '`', ',', ';', '<', '>', ' ', '  ', '\t', '\v', '\n', '\r', '\f'),
    fc.stringMatching(/^[A-Za-z0-9+/=_.-]{1,40}$/),
    fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
  );
  const asciiText = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

  for (const source of ASCII_COPIED_SOURCES) {
    it(`finds exactly what RE2 finds on ASCII text: ${source.slice(0, 40)}…`, () => {
      const re2 = new RE2(source, 'g');
      const js = asciiCopy(source);
      fc.assert(
        fc.property(asciiText, (text) => {
          assert.deepEqual(matches(js, text), matches(re2, text));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('gives the same findings as the RE2 path (taken by any non-ASCII text)', () => {
    // A trailing " é" sends the text down the RE2 path and cannot change a finding before it: a
    // space ends every value and is not part of any token.
    fc.assert(
      fc.property(asciiText, (text) => {
        assert.deepEqual(detectSecrets(text), detectSecrets(`${text} \u00e9`));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on adversarial ASCII input', () => {
    // Keywords, operators and spaces repeated without a value long enough: each start position
    // tries its bounded set of choices and fails.
    const unit = 'password = "x" token:\t\t\t\tbearer    abc ';
    const copies = ASCII_COPIED_SOURCES.map((s) => asciiCopy(s));
    assertLinearTime(
      (n) => unit.repeat(Math.ceil(n / unit.length)),
      (text) => {
        for (const re of copies) matches(re, text);
      },
      500_000,
      'keyword-anchored copies',
    );
  });

  it('refuses constructs where the engines differ', () => {
    for (const s of ['a.b', '^a', 'a$', '\\bword', '\\p{L}', '(?s:a)', '\\d', '[]a]']) assert.throws(() => asciiCopy(s), /asciiCopy/, s);
    assert.equal(asciiCopy('(?i)a\\s[^\\s"]').source, 'a[\\t\\n\\f\\r ][^\\t\\n\\f\\r "]');
  });
});
