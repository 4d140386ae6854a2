import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectPii } from './index.js';
import { detectSecrets } from '../secrets/index.js';

/** The (type, original substring) pairs found in `text`. */
function found(text: string, types?: readonly string[]): [string, string][] {
  const opts = types === undefined ? undefined : { types };
  return detectPii(text, opts).map((f) => [f.type, text.slice(f.start, f.end)]);
}

const positives: { name: string; text: string; type: string; value: string }[] = [
  { name: 'email', text: 'write to jane.doe+x@example.co.uk today', type: 'EMAIL_ADDRESS', value: 'jane.doe+x@example.co.uk' },
  { name: 'email with zero-width chars', text: 'mail: jo\u200Bhn@exa\u200Cmple.com.', type: 'EMAIL_ADDRESS', value: 'jo\u200Bhn@exa\u200Cmple.com' },
  { name: 'card with spaces', text: 'card 4111 1111 1111 1111 exp 12/29', type: 'CREDIT_CARD', value: '4111 1111 1111 1111' },
  { name: 'card with dashes', text: 'card: 5500-0000-0000-0004.', type: 'CREDIT_CARD', value: '5500-0000-0000-0004' },
  { name: 'card in full-width digits', text: 'card ４１１１１１１１１１１１１１１１ ok', type: 'CREDIT_CARD', value: '４１１１１１１１１１１１１１１１' },
  { name: 'spaced-out card', text: 'pay 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 now', type: 'CREDIT_CARD', value: '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1' },
  { name: 'IBAN with spaces', text: 'IBAN: GB82 WEST 1234 5698 7654 32 thanks', type: 'IBAN_CODE', value: 'GB82 WEST 1234 5698 7654 32' },
  { name: 'SSN', text: "Here's my SSN: 460-89-9847", type: 'US_SSN', value: '460-89-9847' },
  { name: 'bare SSN with context', text: 'social security number 460899847', type: 'US_SSN', value: '460899847' },
  { name: 'international phone', text: 'call +41 (0)38 549 02 90 now', type: 'PHONE_NUMBER', value: '+41 (0)38 549 02 90' },
  { name: 'US phone', text: 'phone (602)272-9781', type: 'PHONE_NUMBER', value: '(602)272-9781' },
  { name: 'UK national phone', text: 'ring 020 7946 0958 tomorrow', type: 'PHONE_NUMBER', value: '020 7946 0958' },
  { name: 'IPv4', text: 'from 172.61.42.192.', type: 'IP_ADDRESS', value: '172.61.42.192' },
  { name: 'IPv6', text: 'ip 6e40:4041:c617:e898:c11:40d2:c669:2eb4 seen', type: 'IP_ADDRESS', value: '6e40:4041:c617:e898:c11:40d2:c669:2eb4' },
  { name: 'URL', text: 'see https://www.example.com/a?b=1).', type: 'URL', value: 'https://www.example.com/a?b=1' },
  { name: 'birth date', text: 'She was born on 11/22/2000.', type: 'DATE_TIME', value: '11/22/2000' },
  { name: 'textual date', text: 'on 5 March 2021 we met', type: 'DATE_TIME', value: '5 March 2021' },
  { name: 'year before a count', text: 'in 1987 74 people died', type: 'DATE_TIME', value: '1987' },
  { name: 'year after since', text: 'seit 1999 12 Mitarbeiter', type: 'DATE_TIME', value: '1999' },
  { name: 'UK NINO', text: 'NI number AB 12 34 56 C.', type: 'UK_NINO', value: 'AB 12 34 56 C' },
  { name: 'Spanish DNI', text: 'DNI 12345678-Z', type: 'ES_NIF', value: '12345678-Z' },
  { name: 'Italian codice fiscale', text: 'CF: RSSMRA85T10A562S', type: 'IT_FISCAL_CODE', value: 'RSSMRA85T10A562S' },
  { name: 'German tax id with context', text: 'Steuer-ID: 86 095 742 719', type: 'DE_TAX_ID', value: '86 095 742 719' },
  { name: 'person', text: 'I want to add Edvard Petrussen as a beneficiary', type: 'PERSON', value: 'Edvard Petrussen' },
  { name: 'location', text: 'We moved here from Portugal last year', type: 'LOCATION', value: 'Portugal' },
];

const negatives: { name: string; text: string; type: string }[] = [
  { name: 'Luhn failure', text: 'card 4111 1111 1111 1112', type: 'CREDIT_CARD' },
  { name: 'unknown issuer', text: 'ref 9111111111111111', type: 'CREDIT_CARD' },
  { name: 'IBAN with wrong checksum', text: 'IBAN GB83 WEST 1234 5698 7654 32', type: 'IBAN_CODE' },
  { name: 'IBAN with wrong length', text: 'IBAN GB82 WEST 1234 5698 7654 3', type: 'IBAN_CODE' },
  { name: 'SSN area 000', text: 'SSN 000-12-3456', type: 'US_SSN' },
  { name: 'SSN area 666', text: 'SSN 666-12-3456', type: 'US_SSN' },
  { name: 'SSN area 9xx', text: 'SSN 912-12-3456', type: 'US_SSN' },
  { name: 'SSN group 00', text: 'SSN 123-00-4567', type: 'US_SSN' },
  { name: 'SSN serial 0000', text: 'SSN 123-45-0000', type: 'US_SSN' },
  { name: 'bare nine digits without context', text: 'order 460899847 shipped', type: 'US_SSN' },
  { name: 'too short phone', text: 'call +44 1234', type: 'PHONE_NUMBER' },
  { name: 'invalid US phone', text: 'phone (000) 000-0000', type: 'PHONE_NUMBER' },
  { name: 'bare number', text: 'invoice 12345678 paid', type: 'PHONE_NUMBER' },
  { name: 'IPv4 octet out of range', text: 'ip 256.1.1.1', type: 'IP_ADDRESS' },
  { name: 'version number', text: 'version 1.2.3.4.5', type: 'IP_ADDRESS' },
  { name: 'clock time is not IPv6', text: 'at 12:30:45 sharp', type: 'IP_ADDRESS' },
  { name: 'impossible date', text: 'on 02/30/2021', type: 'DATE_TIME' },
  { name: 'building number before a street', text: 'Please return to 1987 74 Diakou Street', type: 'DATE_TIME' },
  { name: 'postal number before a street', text: 'Envoyez-le à 2046 50 Point Walter Road', type: 'DATE_TIME' },
  { name: 'email without TLD', text: 'user@localhost', type: 'EMAIL_ADDRESS' },
  { name: 'NINO with GB prefix', text: 'GB123456A', type: 'UK_NINO' },
  { name: 'DNI with wrong letter', text: 'DNI 12345678A', type: 'ES_NIF' },
  { name: 'tax id without context', text: 'number 86095742719', type: 'DE_TAX_ID' },
];

describe('detectPii', () => {
  for (const c of positives) {
    it(`finds ${c.name}`, () => {
      assert.ok(
        found(c.text).some(([t, v]) => t === c.type && v === c.value),
        `${c.type} ${JSON.stringify(c.value)} not in ${JSON.stringify(found(c.text))}`,
      );
    });
  }
  for (const c of negatives) {
    it(`ignores ${c.name}`, () => {
      assert.deepEqual(found(c.text).filter(([t]) => t === c.type), []);
    });
  }

  it('runs the rule detectors only with tagger: false', () => {
    const text = 'Edvard Petrussen (edvard@example.com) lives in Springfield, IL 62704.';
    const types = (opts?: Parameters<typeof detectPii>[1]): string[] => detectPii(text, opts).map((f) => f.type);
    assert.ok(types().includes('PERSON'));
    assert.ok(types({ types: ['ZIP_CODE'] }).includes('ZIP_CODE'), 'a postal code after a place needs the tagger');
    assert.deepEqual(types({ tagger: false }), ['EMAIL_ADDRESS']);
  });

  it('returns sorted, non-overlapping findings with scores in [0, 1]', () => {
    const text = 'Jane Smith (jane@example.com, +1-984-182-0190) paid with 4111111111111111 on 2020-01-02 from 8.8.8.8';
    const f = detectPii(text);
    for (let i = 1; i < f.length; i++) assert.ok((f[i - 1]?.end ?? 0) <= (f[i]?.start ?? 0));
    for (const x of f) assert.ok(x.score >= 0 && x.score <= 1);
    assert.ok(f.some((x) => x.type === 'CREDIT_CARD'));
  });

  it('honours the types option and rejects unknown types', () => {
    const text = 'mail a@b.com card 4111111111111111';
    assert.deepEqual(found(text, ['CREDIT_CARD']), [['CREDIT_CARD', '4111111111111111']]);
    assert.throws(() => detectPii(text, { types: ['NOPE'] }), TypeError);
  });

  it('keeps JavaScript offsets with astral characters before a finding', () => {
    const text = '😀😀 mail a@example.org';
    assert.deepEqual(found(text, ['EMAIL_ADDRESS']), [['EMAIL_ADDRESS', 'a@example.org']]);
  });

  it('finds two adjacent cards and two adjacent IBANs', () => {
    assert.equal(found('4111111111111111 5500000000000004', ['CREDIT_CARD']).length, 2);
    assert.equal(found('GB82WEST12345698765432 DE89370400440532013000', ['IBAN_CODE']).length, 2);
  });

  it('scans a 1 MB prompt with pathological inputs within a bounded time', () => {
    const parts = [
      'The quick brown fox met Maria Rossi in Berlin at 10:30 on Tuesday. ',
      'a@a.a@a.a@a.a@a.a@a.a@a.a@a.a@a.a ',
      '4111 1111 1111 1112 ',
      '123-45-678 ',
      '1.2.3.4.5.6.7.8.9 ',
      'GB00 AAAA 0000 0000 0000 00 ',
      'sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaa password = "x" ',
      '::::::::::::::::::: ',
      'eyJhbGciOi.eyJzdWIi.x ',
      '-----BEGIN PRIVATE KEY----- ',
      '+1 (555) 01 ',
      'http://user@ ',
    ];
    let text = '';
    let k = 0;
    while (text.length < 900_000) text += parts[k++ % parts.length];
    text += '7'.repeat(50_000) + ' ' + 'a'.repeat(50_000) + '@' + 'b.'.repeat(10_000);
    const mb = text.length / 1_048_576;
    const t0 = performance.now();
    detectPii(text);
    detectSecrets(text);
    const ms = performance.now() - t0;
    // The bound catches super-linear behaviour (ReDoS), not slowness: CI machines are shared and
    // run test files in parallel. Speed is measured by the benchmarks.
    assert.ok(ms < 30_000, `1 MB took ${ms.toFixed(0)} ms`);
    process.stdout.write(`# 1 MB scan: ${ms.toFixed(0)} ms, ${(mb / (ms / 1000)).toFixed(2)} MB/s\n`);
  });

  it('takes about four times as long on four times the text (no cost per match that grows with the text)', () => {
    // Dense matches: a cost per match proportional to the text length (e.g. a callback handed
    // the whole input) is quadratic here while each single match stays cheap.
    const unit = '4111 ';
    const time = (n: number): number => {
      const text = unit.repeat(Math.ceil(n / unit.length));
      const t0 = performance.now();
      detectPii(text);
      detectSecrets(text);
      return performance.now() - t0;
    };
    time(20_000);
    // Best of two per size: one slow run on a shared machine must not fail the test.
    const small = Math.min(time(100_000), time(100_000));
    const large = Math.min(time(400_000), time(400_000));
    assert.ok(large < small * 10, `400 KB took ${large.toFixed(0)} ms, 100 KB ${small.toFixed(0)} ms`);
  });
});
