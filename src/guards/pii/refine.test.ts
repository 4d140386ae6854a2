import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertLinearTime } from '../../lib/testing.js';
import type { TaggedSpan } from './ner.js';
import { refineEntities } from './refine.js';
import { detectPii } from './index.js';

/** A span over the first occurrence of `part` in `text`. */
function span(text: string, part: string, type: string): TaggedSpan {
  const start = text.indexOf(part);
  assert.ok(start >= 0, part);
  return { type, start, end: start + part.length, score: 0.8 };
}

/** The refined spans as [type, covered text]. */
function refined(text: string, spans: TaggedSpan[]): [string, string][] {
  return refineEntities(text, spans).map((s) => [s.type, text.slice(s.start, s.end)]);
}

describe('entity boundary rules', () => {
  it('starts an address after the clause that introduces it', () => {
    const t = 'The address of Compliance And Risks is 9554 62 Rue Gafsa Apt. 981, Toronto';
    assert.deepEqual(refined(t, [span(t, 'Compliance And Risks is 9554 62 Rue Gafsa Apt. 981, Toronto', 'STREET_ADDRESS')]), [
      ['STREET_ADDRESS', '9554 62 Rue Gafsa Apt. 981, Toronto'],
    ]);
    const de = 'Die Firma ist Hauptstraße 5, 10115 Berlin';
    assert.deepEqual(refined(de, [span(de, 'Firma ist Hauptstraße 5, 10115 Berlin', 'STREET_ADDRESS')]), [
      ['STREET_ADDRESS', 'Hauptstraße 5, 10115 Berlin'],
    ]);
  });

  it('keeps address words that look like clause words', () => {
    // "Address" capitalised is a label, "de"/"do" are part of street names, "u" is Czech.
    for (const a of ['Rua do Arenque 1634, Goiânia', '36 rue de pologne, cite de l\u2019interieur', 'Dašická 688, Turkovice u Prelouce']) {
      const t = `Send it to ${a}`;
      assert.deepEqual(refined(t, [span(t, a, 'STREET_ADDRESS')]), [['STREET_ADDRESS', a]]);
    }
    const corner = 'the corner of Via Nuova del Campo 85 and Baranyay Mill';
    const t = `It is at ${corner}`;
    assert.deepEqual(refined(t, [span(t, corner, 'STREET_ADDRESS')]), [['STREET_ADDRESS', corner]]);
  });

  it('ends an address before the sentence goes on', () => {
    const t = 'Please update the billing address with 0912 P.O. Box 287 Apt. 051, Tallinn, Estonia for this card';
    assert.deepEqual(refined(t, [span(t, '0912 P.O. Box 287 Apt. 051, Tallinn, Estonia for this card', 'STREET_ADDRESS')]), [
      ['STREET_ADDRESS', '0912 P.O. Box 287 Apt. 051, Tallinn, Estonia'],
    ]);
    const u = 'The letter arrived at 760 Passauer Strasse 33, Cite Guedouala, Tunisia last night.';
    assert.deepEqual(refined(u, [span(u, '760 Passauer Strasse 33, Cite Guedouala, Tunisia last', 'STREET_ADDRESS')]), [
      ['STREET_ADDRESS', '760 Passauer Strasse 33, Cite Guedouala, Tunisia'],
    ]);
    const v = "Call me at 027 896 92 86 I'd like to join accounts";
    assert.deepEqual(refined(v, [span(v, "027 896 92 86 I'd like", 'STREET_ADDRESS')]), [['STREET_ADDRESS', '027 896 92 86']]);
  });

  it('ends an address before a line of contact details', () => {
    const t = 'Selina Eldarkhanov\nSmith Ltd.\n30102 Kaevu 94\nNicosia\n 61089\n28-64-66-98 office\n930.167.3943 fax';
    assert.deepEqual(refined(t, [span(t, '30102 Kaevu 94\nNicosia\n 61089\n28-64-66-98 office\n930.167.3943', 'STREET_ADDRESS')]), [
      ['STREET_ADDRESS', '30102 Kaevu 94\nNicosia\n 61089'],
    ]);
    const de = 'Hauptstraße 5\n10115 Berlin\nTelefon: 030 1234567';
    assert.deepEqual(refined(de, [span(de, 'Hauptstraße 5\n10115 Berlin\nTelefon', 'STREET_ADDRESS')]), [['STREET_ADDRESS', 'Hauptstraße 5\n10115 Berlin']]);
    const plus = '5 Rue X\n75001 Paris\n+33 1 23 45 67 89';
    assert.deepEqual(refined(plus, [span(plus, plus, 'STREET_ADDRESS')]), [['STREET_ADDRESS', '5 Rue X\n75001 Paris']]);
    // A town line is not a contact line, even when it holds "Tel" inside a word.
    const keep = '12 Hotel Road\nTelford\nTF1 2AB';
    assert.deepEqual(refined(keep, [span(keep, keep, 'STREET_ADDRESS')]), [['STREET_ADDRESS', keep]]);
  });

  it('drops a sentence full stop from an address but not an abbreviation or house number', () => {
    for (const [a, want] of [
      ['0645 Reyes Católicos 17 Apt. 209 Montehermoso Cáceres.', '0645 Reyes Católicos 17 Apt. 209 Montehermoso Cáceres'],
      ['136 Filadelfeos Str.', '136 Filadelfeos Str.'],
      ['Árpád fejedelem útja 62.', 'Árpád fejedelem útja 62.'],
    ] as const) {
      const t = `It is ${a}`;
      assert.deepEqual(refined(t, [span(t, a, 'STREET_ADDRESS')]), [['STREET_ADDRESS', want]]);
    }
  });

  it('reads an intersection as one address', () => {
    const t = 'What is your address? it is the corner of Dalbraut 99 and Frederikke Coves?';
    assert.deepEqual(refined(t, [span(t, 'Dalbraut', 'LOCATION'), span(t, 'Frederikke Coves', 'PERSON')]), [
      ['STREET_ADDRESS', 'the corner of Dalbraut 99 and Frederikke Coves'],
    ]);
    const es = 'Vivo en la esquina de Calle Mayor y Avenida Libertad, cerca del parque.';
    assert.deepEqual(refined(es, []), [['STREET_ADDRESS', 'la esquina de Calle Mayor y Avenida Libertad']]);
    const abbr = 'Meet me at the corner of 35 Pentelis Str. and Waechter Turnpike for lunch';
    assert.deepEqual(refined(abbr, []), [['STREET_ADDRESS', 'the corner of 35 Pentelis Str. and Waechter Turnpike']]);
    for (const no of [
      'I saw it from the corner of my eye and left.',
      'Put the desk in the corner of the room and the lamp next to it.',
      'the corner of\nMain and Elm',
    ]) {
      assert.deepEqual(refined(no, []), [], no);
    }
  });

  it('finds intersections through detectPii, whose tagger reports the cue word', () => {
    for (const [t, want] of [
      ['Meet at the CORNER OF Main St and 5th Ave', 'the CORNER OF Main St and 5th Ave'],
      ['Vivo en la esquina de Calle Mayor y Avenida Libertad.', 'la esquina de Calle Mayor y Avenida Libertad'],
    ] as const) {
      const found = detectPii(t).filter((f) => f.type === 'STREET_ADDRESS').map((f) => t.slice(f.start, f.end));
      assert.deepEqual(found, [want], t);
    }
    // The same text given without the cue flag searches the text itself.
    const t = 'Meet at the corner of Main St and 5th Ave';
    assert.deepEqual(refined(t, []), [['STREET_ADDRESS', 'the corner of Main St and 5th Ave']]);
    assert.deepEqual(refineEntities(t, [], false), []);
  });

  it('extends a place name over its particles, in several languages', () => {
    const cases: [string, string][] = [
      ['Villafranca', ' del Cid'],
      ['Chiclana', ' de la Frontera'],
      ['Ústí', ' nad Labem'],
      ['Newcastle', ' upon Tyne'],
      ['Reguengos', ' de Monsaraz'],
      ['Châlons', '-en-Champagne'],
    ];
    for (const [head, tail] of cases) {
      const t = `She moved to ${head}${tail} last year.`;
      const want = tail.startsWith('-') ? head : `${head}${tail}`;
      assert.deepEqual(refined(t, [span(t, head, 'LOCATION')]), [['LOCATION', want]], head);
    }
    // The span that covered the particle's name goes.
    const t = 'Born in Chiclana de la Frontera.';
    assert.deepEqual(refined(t, [span(t, 'Chiclana', 'LOCATION'), span(t, 'Frontera', 'PERSON')]), [['LOCATION', 'Chiclana de la Frontera']]);
  });

  it('extends a name over family-name particles and a middle initial', () => {
    const cases: [string, string, string][] = [
      ['Contact Maika van de Noort today.', 'Maika', 'Maika van de Noort'],
      ['Willemine ten Pas signed.', 'Willemine', 'Willemine ten Pas'],
      ['Signed: Ursula von der Leyen', 'Ursula', 'Ursula von der Leyen'],
      ['Pregunte por María de los Ángeles', 'María', 'María de los Ángeles'],
      ['أرسلها إلى Ahmad bin Said غدا', 'Ahmad', 'Ahmad bin Said'],
      ['hi, this is eric g. samoylova\'s account', 'eric g', 'eric g. samoylova'],
      ['customer hyuuma t. maida called', 'hyuuma', 'hyuuma t. maida'],
      ['Ask Tom I. Holzman about it', 'Tom', 'Tom I. Holzman'],
    ];
    for (const [t, head, want] of cases) assert.deepEqual(refined(t, [span(t, head, 'PERSON')]), [['PERSON', want]], t);
  });

  it('reads a name or place with a legal form or firm word as an organisation', () => {
    const cases: [string, string, string][] = [
      ['I work for Nera Economic Consulting now', 'Nera Economic', 'Nera Economic Consulting'],
      ['Abt Associates hired her', 'Abt Associates', 'Abt Associates'],
      ['Wir beauftragen Müller Bau GmbH morgen', 'Müller Bau', 'Müller Bau GmbH'],
      ['Kontrakten med Hansen Eiendom AS er klar', 'Hansen Eiendom', 'Hansen Eiendom AS'],
      ['Shares of Globex Inc. rose', 'Globex', 'Globex Inc.'],
    ];
    for (const [t, head, want] of cases) {
      assert.deepEqual(refined(t, [span(t, head, 'PERSON')]), [['ORGANIZATION', want]], t);
    }
    // Lower-case words and names that merely precede a capitalised word stay as they are.
    for (const [t, head] of [
      ['John Smith as manager', 'John Smith'],
      ['Anna Berg Ltd', 'Anna Berg Ltd'],
      ['Ask Maria Garcia Today', 'Maria Garcia'],
    ] as const) {
      const want = head.endsWith('Ltd') ? 'ORGANIZATION' : 'PERSON';
      assert.deepEqual(refined(t, [span(t, head, 'PERSON')]), [[want, head]], t);
    }
  });

  it('does not extend a name into the sentence', () => {
    const cases: [string, string][] = [
      ['Ask Anna T. and the others', 'Anna'],
      ['Then Anna T. said no', 'Anna'],
      ['Sophie de facto runs it', 'Sophie'],
      ['Paul van the driver', 'Paul'],
    ];
    for (const [t, head] of cases) assert.deepEqual(refined(t, [span(t, head, 'PERSON')]), [['PERSON', head]], t);
  });

  it('does not extend a place over a lower-case word or into the next sentence', () => {
    for (const t of ['We met in Paris de facto every year.', 'They live in Porto. De Silva called.', 'Flights to Madrid del mes']) {
      const place = /Paris|Porto|Madrid/.exec(t)?.[0] ?? '';
      assert.deepEqual(refined(t, [span(t, place, 'LOCATION')]), [['LOCATION', place]], t);
    }
  });

  it('reads "A, B and C" of surnames as one firm', () => {
    const t = 'The address of Glover, Ruiz and Armstrong is the corner of Main St and 5th Ave';
    assert.deepEqual(
      refined(t, [span(t, 'Glover', 'PERSON'), span(t, 'Ruiz', 'PERSON'), span(t, 'Armstrong', 'PERSON')]),
      [
        ['ORGANIZATION', 'Glover, Ruiz and Armstrong'],
        ['STREET_ADDRESS', 'the corner of Main St and 5th Ave'],
      ],
    );
    const fr = 'Il travaille chez Dupont & Moreau depuis 2019.';
    assert.deepEqual(refined(fr, [span(fr, 'Dupont', 'PERSON')]), [['ORGANIZATION', 'Dupont & Moreau']]);
    const es = 'Compramos en Hernández y Hijos.';
    assert.deepEqual(refined(es, [span(es, 'Hernández', 'PERSON')]), [['ORGANIZATION', 'Hernández y Hijos']]);
    const co = 'Shares of Baring & Co. fell.';
    assert.deepEqual(refined(co, [span(co, 'Baring', 'PERSON')]), [['ORGANIZATION', 'Baring & Co.']]);
    const poss = "I read Owens, Duran and Oneal's report.";
    assert.deepEqual(refined(poss, [span(poss, 'Owens', 'PERSON')]), [['ORGANIZATION', 'Owens, Duran and Oneal']]);
  });

  it('reads "X and Sons" as a firm even when X is a given name', () => {
    const t = 'Thomas and Sons is an old firm.';
    assert.deepEqual(refined(t, [span(t, 'Thomas', 'PERSON'), span(t, 'Sons', 'PERSON')]), [['ORGANIZATION', 'Thomas and Sons']]);
  });

  it('reads a name that a copula calls a firm as an organisation, in several languages', () => {
    const cases: [string, string, string][] = [
      ['Telenav is a design agency based in Kulusuk.', 'Telenav', 'PERSON'],
      ['Bloomberg is the brainchild of our 3 founders.', 'Bloomberg', 'PERSON'],
      ['Persint is an American multinational investment bank.', 'Persint', 'LOCATION'],
      ['Dupuis est une société basée à Lyon.', 'Dupuis', 'PERSON'],
      ['Müller ist ein Unternehmen aus Köln.', 'Müller', 'PERSON'],
      ['Zara es una empresa española, con sede en Arteixo.', 'Zara', 'PERSON'],
      ['Volvo är ett företag i Göteborg.', 'Volvo', 'LOCATION'],
    ];
    for (const [t, name, type] of cases) assert.deepEqual(refined(t, [span(t, name, type)]), [['ORGANIZATION', name]], t);
    // Near misses: a person described by a firm word, a friend of a firm, a student.
    for (const t of ['Anna is a company director in Oslo.', 'Anna is a friend of the company.', 'Anna is a design student.', 'Anna was the bank manager.']) {
      assert.deepEqual(refined(t, [span(t, 'Anna', 'PERSON')]), [['PERSON', 'Anna']], t);
    }
  });

  it('reads a PERSON after a phrase whose object is a place as a LOCATION, in several languages', () => {
    const cases: [string, string][] = [
      ['He is a 50 year old man who grew up in Pelhrimov.', 'Pelhrimov'],
      ["I'm Bojka, originally from Dolores, and I'm 64.", 'Dolores'],
      ['Berkshire Hathaway is a design agency based in Pelhrimov.', 'Pelhrimov'],
      ["the economy of the band's home city Messina: lots of firms", 'Messina'],
      ['Elle est née à Valence en 1990.', 'Valence'],
      ['Er wurde geboren in Marburg.', 'Marburg'],
      ['Nacida en Victoria, vive en Madrid.', 'Victoria'],
    ];
    for (const [t, place] of cases) assert.deepEqual(refined(t, [span(t, place, 'PERSON')]), [['LOCATION', place]], t);
    // Near misses: people after other prepositions, "based on".
    for (const [t, name] of [
      ['She lives with Maria in town.', 'Maria'],
      ['This is based on Marie Curie notes.', 'Marie Curie'],
      ['I moved in with Victoria last year.', 'Victoria'],
    ] as const) assert.deepEqual(refined(t, [span(t, name, 'PERSON')]), [['PERSON', name]], t);
  });

  it('leaves lists of people and lists of firms alone', () => {
    const cases: [string, string[]][] = [
      ['Please invite Maria, Daniel and Sophie to the call.', ['Maria', 'Daniel', 'Sophie']],
      ['Opencounter is the brainchild of our 3 founders: Rudi, Jackson and Campos.', ['Rudi', 'Jackson', 'Campos']],
      ['Dr Smith and Jones will see you.', ['Smith', 'Jones']],
      ['We buy from Ranku, Biovia and Miller Ltd. every year.', ['Ranku', 'Biovia']],
      ['Mr Smith, Jones and Brown arrived.', ['Smith', 'Jones', 'Brown']],
    ];
    for (const [t, names] of cases) {
      const spans = names.map((n) => span(t, n, 'PERSON'));
      assert.deepEqual(refined(t, spans), names.map((n) => ['PERSON', n]), t);
    }
  });

  it('returns sorted, disjoint spans and never an empty one', () => {
    const t = 'for';
    assert.deepEqual(refined(t, [{ type: 'STREET_ADDRESS', start: 0, end: 3, score: 0.5 }]), [['STREET_ADDRESS', 'for']]);
    const u = 'We meet Glover, Ruiz and Armstrong in Soto del Barco at 12 Main St for lunch';
    const out = refineEntities(u, [
      span(u, 'Glover', 'PERSON'),
      span(u, 'Ruiz', 'PERSON'),
      span(u, 'Soto', 'LOCATION'),
      span(u, '12 Main St for', 'STREET_ADDRESS'),
    ]);
    for (let k = 0; k < out.length; k++) {
      const s = out[k] as TaggedSpan;
      assert.ok(s.end > s.start);
      if (k > 0) assert.ok(s.start >= (out[k - 1] as TaggedSpan).end);
    }
    assert.deepEqual(out.map((s) => u.slice(s.start, s.end)), ['Glover, Ruiz and Armstrong', 'Soto del Barco', '12 Main St']);
  });

  it('reads a postal code right after a place, in several countries\' formats', () => {
    const cases: [string, string, string][] = [
      ['Looking to support Slashdb in ARENDAL 4844 in its mission', 'ARENDAL', '4844'],
      ['Ship it to Springfield, IL 62704-1234 by Friday', 'Springfield', '62704-1234'],
      ['Our office: Toronto, ON M5V 2T6, Canada', 'Toronto', 'M5V 2T6'],
      ['Wir sind in Berlin 10115 zu finden', 'Berlin', '10115'],
      ['Adresse : Lyon 69002, France', 'Lyon', '69002'],
      ['Kontor i Stockholm 114 55', 'Stockholm', '114 55'],
      ['Biuro: Warszawa 00-950', 'Warszawa', '00-950'],
      ['Kantoor in Amsterdam 1012 AB', 'Amsterdam', '1012 AB'],
      ['Write to London SW1A 1AA today', 'London', 'SW1A 1AA'],
      ['São Paulo 01310-100 é a sede', 'São Paulo', '01310-100'],
    ];
    for (const [t, place, code] of cases) {
      assert.deepEqual(refined(t, [span(t, place, 'LOCATION')]), [['LOCATION', place], ['ZIP_CODE', code]], t);
    }
  });

  it('leaves years, quantities, short numbers and other spans\' numbers after a place alone', () => {
    for (const [t, place] of [
      ['The London 2012 games were a success', 'London'],
      ['Berlin 1945 was in ruins', 'Berlin'],
      ['Oslo 3000 km away', 'Oslo'],
      ['Paris 75000 residents signed', 'Paris'],
      ['Terminal at Paris 13 opens', 'Paris'],
      ['Route via Madrid 101 and on', 'Madrid'],
      ['Lisbon 2345.5 is a score', 'Lisbon'],
      ['Vienna 12345678 is a number', 'Vienna'],
    ] as const) {
      assert.deepEqual(refined(t, [span(t, place, 'LOCATION')]), [['LOCATION', place]], t);
    }
    const t = 'Finland 80896 Kiannonkatu';
    assert.deepEqual(refined(t, [span(t, 'Finland', 'LOCATION'), span(t, '80896 Kiannonkatu', 'STREET_ADDRESS')]), [
      ['LOCATION', 'Finland'],
      ['STREET_ADDRESS', '80896 Kiannonkatu'],
    ]);
    // Not after a person or an organisation.
    const p = 'Call Anna 4844 times';
    assert.deepEqual(refined(p, [span(p, 'Anna', 'PERSON')]), [['PERSON', 'Anna']]);
  });

  it('runs in linear time on many names and long addresses', () => {
    assertLinearTime(
      (n) => ({ text: 'the corner of A and '.repeat(n), spans: [] as TaggedSpan[] }),
      ({ text, spans }) => refineEntities(text, spans),
      2000,
      'intersections',
    );
    assertLinearTime(
      (n) => {
        const text = `1 A\n${'x '.repeat(n)}\nfax`;
        return { text, spans: [{ type: 'STREET_ADDRESS', start: 0, end: text.length, score: 0.5 }] };
      },
      ({ text, spans }) => refineEntities(text, spans),
      20_000,
      'contact lines',
    );
    assertLinearTime(
      (n) => {
        const text = 'Smith, Jones, Brown, Clark, '.repeat(n) + 'x';
        const spans: TaggedSpan[] = [];
        for (let k = 0; k < n * 4; k++) spans.push({ type: 'PERSON', start: k * 7, end: k * 7 + 5, score: 0.5 });
        return { text, spans };
      },
      ({ text, spans }) => refineEntities(text, spans),
      2000,
      'name list',
    );
    assertLinearTime(
      (n) => {
        const text = `${'12 a b c '.repeat(n)}for`;
        return { text, spans: [{ type: 'STREET_ADDRESS', start: 0, end: text.length, score: 0.5 }] };
      },
      ({ text, spans }) => refineEntities(text, spans),
      20_000,
      'address',
    );
    // `unit` repeated n times, with a span of `type` over its first `len` characters each time.
    const repeated = (unit: string, type: string, len: number) => (n: number) => ({
      text: unit.repeat(n),
      spans: Array.from({ length: n }, (_, k): TaggedSpan => ({ type, start: k * unit.length, end: k * unit.length + len, score: 0.5 })),
    });
    for (const [unit, type, len, name] of [
      ['Soto del Barco de ', 'LOCATION', 4, 'places'],
      ['Oslo 1234 ', 'LOCATION', 4, 'postal codes after places'],
      ['Anna is a big old red ', 'PERSON', 4, 'firm by copula'],
      ['Anna grew up in ', 'PERSON', 4, 'place by context'],
    ] as const) {
      assertLinearTime(repeated(unit, type, len), ({ text, spans }) => refineEntities(text, spans), 2000, name);
    }
  });
});
