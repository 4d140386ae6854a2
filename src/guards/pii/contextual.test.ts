import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectPii } from './index.js';
import { assertLinearTime } from '../../lib/testing.js';

const found = (text: string, type: string): string[] => detectPii(text, { types: [type] }).map((f) => text.slice(f.start, f.end));

describe('contextual PII detectors', () => {
  it('finds ages only next to age words', () => {
    assert.deepEqual(found('She is a 34-year-old engineer', 'AGE'), ['34']);
    assert.deepEqual(found('aged 71, retired', 'AGE'), ['71']);
    assert.deepEqual(found("I'm 19 y/o and I'll turn 20 soon", 'AGE'), ['19', '20']);
    assert.deepEqual(found("J'ai 45 ans. Tengo 33 años. Er ist 50 Jahre alt.", 'AGE'), ['45', '33', '50']);
    assert.deepEqual(found('The server turned 90 degrees; 42 people came; room 101', 'AGE'), []);
    assert.deepEqual(found('a 300 year old oak', 'AGE'), []);
  });

  it('finds job titles in title contexts only', () => {
    assert.deepEqual(found('Lena Ortiz, the Senior data engineer, said the rollout slipped.', 'TITLE'), ['Senior data engineer']);
    assert.deepEqual(found('I worked at Initech as a Quality assurance analyst until May.', 'TITLE'), ['Quality assurance analyst']);
    assert.deepEqual(found('Sie arbeitet als Ingenieurin in Köln.', 'TITLE'), ['Ingenieurin']);
    assert.deepEqual(found('Jane Q. Doe\nClinical psychologist\nPhone: 555-0100', 'TITLE'), ['Clinical psychologist']);
    assert.deepEqual(found('tomas de la cruz\n\npharmacist\n', 'TITLE'), ['pharmacist']);
    // No occupation word, or no title context: nothing.
    assert.deepEqual(found('As soon as possible, please. Treat this as urgent.', 'TITLE'), []);
    assert.deepEqual(found('The engineer fixed it. Engineers like tests.', 'TITLE'), []);
    assert.deepEqual(found('Quarterly report\nRevenue analyst notes follow', 'TITLE'), []);
  });

  it('finds honorifics before a name, not street abbreviations', () => {
    assert.deepEqual(found('Please ask Mrs. Harris or Dr Burke', 'TITLE'), ['Mrs.', 'Dr']);
    assert.deepEqual(found('Herr Müller and Sra. Gómez', 'TITLE'), ['Herr', 'Sra.']);
    assert.deepEqual(found('1737 Cheriton Dr Reuquén', 'TITLE'), []);
    assert.deepEqual(found('Mr. smith wrote mr', 'TITLE'), []);
  });

  it('finds nationalities, faiths and parties as whole words', () => {
    assert.deepEqual(found('We are proud Paraguayans and Sunni Muslims', 'NRP'), ['Paraguayans', 'Sunni', 'Muslims']);
    assert.deepEqual(found('a Democrat from Ohio', 'NRP'), ['Democrat']);
    assert.deepEqual(found('polish the text; democratic values; americano coffee', 'NRP'), []);
  });

  it('reads a demonym after a verb of language use as a language, not a group', () => {
    for (const t of [
      'while studying English and journalism at the University',
      'She speaks fluent Polish.',
      'It was translated from German into Czech by him.',
      'Please answer in plain English or Spanish.',
      'Der Text wurde written in French, sagt er.',
    ]) assert.deepEqual(found(t, 'NRP'), [], t);
    // Near misses: nationality adjectives and people stay groups.
    assert.deepEqual(found('Polish officials said Polish troops left', 'NRP'), ['Polish', 'Polish']);
    assert.deepEqual(found('There is a nice new Russian place; the Spanish government; Native American tribes', 'NRP'), ['Russian', 'Spanish', 'American']);
    assert.deepEqual(found('I study Muslims in Europe and speak to Catholics', 'NRP'), ['Muslims', 'Catholics']);
  });

  it('finds postal codes after their label only', () => {
    assert.deepEqual(found('my zip code is 35350', 'ZIP_CODE'), ['35350']);
    assert.deepEqual(found('Postcode: SW1A 1AA', 'ZIP_CODE'), ['SW1A 1AA']);
    assert.deepEqual(found('ZIP: 75534-030', 'ZIP_CODE'), ['75534-030']);
    assert.deepEqual(found('we shipped 35350 units; zip the file', 'ZIP_CODE'), []);
  });

  it("finds driver's licence numbers after their label, beating a phone reading", () => {
    assert.deepEqual(found("My driver's license number is 6940579", 'US_DRIVER_LICENSE'), ['6940579']);
    assert.deepEqual(found('driving licence: F162823540116.', 'US_DRIVER_LICENSE'), ['F162823540116']);
    assert.deepEqual(found("my driver's license is valid until May", 'US_DRIVER_LICENSE'), []);
    assert.deepEqual(detectPii("My driver's license number is 6940579").map((f) => f.type), ['US_DRIVER_LICENSE']);
  });

  it('finds the same job titles on ASCII text (JavaScript) as on other text (RE2)', () => {
    // A final line "é" sends the text down the RE2 path and cannot change a title before it: the
    // expression's words are separated by spaces only, and the title-line rule needs a job word.
    const piece = fc.constantFrom('as', 'AS', 'als', 'comme', 'como', 'come', 'a', 'an', 'the', 'une', 'eine', 'Senior', 'data', 'engineer', 'nurse', 'manager', 'x-ray', 'technician', 'Ana', 'Ruiz', 'worked', 'at', 'Acme', ' ', '  ', ',', '.', '\n', '-', '_', '9', 'as-', 'has');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.boolean(), (parts, spaced) => {
        const text = parts.join(spaced ? ' ' : '');
        assert.deepEqual(found(text, 'TITLE'), found(`${text}\n\u00e9`, 'TITLE'));
      }),
      { numRuns: 2000 },
    );
  });

  it('scans job-title contexts in linear time on ASCII text', () => {
    for (const unit of [' as an      .', ' as ' + 'x'.repeat(5000) + '.', ' als eine a b c d e f ']) {
      assertLinearTime(
        (n) => unit.repeat(Math.ceil(n / unit.length)),
        (text) => detectPii(text, { types: ['TITLE'] }),
        50_000,
        JSON.stringify(unit.slice(0, 12)),
      );
    }
  });
});
