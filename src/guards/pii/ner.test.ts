import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import model from './ner-model.json' with { type: 'json' };
import fc from 'fast-check';
import { NER_LABELS, allowedAtLineStart, features, hashCodeUnits, observe, scanTokens, tokenSpans, tokenize } from './ner-features.js';
import { compileNerModel, tagEntities, type TaggedSpan } from './ner.js';

/**
 * The tagger as training defines it: string features (ner-features.ts) looked up one by one,
 * greedy BIO decoding. The runtime resolves the same features to pre-summed integer rows; both
 * must tag the same spans.
 */
function referenceTag(text: string): TaggedSpan[] {
  const weights = new Map<string, Float64Array>();
  model.features.forEach((f, r) => {
    const row = new Float64Array(NER_LABELS.length);
    const pairs = model.weights[r] ?? [];
    // Integer thousandths, summed exactly: in floating point, (a/1000 + b/1000) can break a tie the
    // integer sums make, and the runtime (O first) is right on ties.
    for (let j = 0; j + 1 < pairs.length; j += 2) row[pairs[j] ?? 0] = pairs[j + 1] ?? 0;
    weights.set(f, row);
  });
  const s = observe(text, new Set(model.vocab));
  const out: TaggedSpan[] = [];
  let prev1 = 'O';
  let prev2 = 'O';
  let open: { type: string; start: number; end: number; margin: number; count: number } | undefined;
  const close = (): void => {
    if (open === undefined) return;
    const score = Math.min(0.95, 1 / (1 + Math.exp(-open.margin / 1000 / open.count)));
    out.push({ type: open.type, start: open.start, end: open.end, score });
    open = undefined;
  };
  s.tokens.forEach((tok, i) => {
    const sc = new Float64Array(NER_LABELS.length);
    for (const f of features(s, i, prev1, prev2)) {
      const row = weights.get(f);
      if (row !== undefined) for (let k = 0; k < sc.length; k++) sc[k] = (sc[k] ?? 0) + (row[k] ?? 0);
    }
    let best = 0;
    let bestV = -Infinity;
    let second = -Infinity;
    NER_LABELS.forEach((l, k) => {
      const ok =
        (!l.startsWith('I-') || prev1 === `B-${l.slice(2)}` || prev1 === `I-${l.slice(2)}`) &&
        (!tok.nlBefore || allowedAtLineStart(l));
      if (!ok) return;
      const v = sc[k] ?? 0;
      if (v > bestV) {
        second = bestV;
        bestV = v;
        best = k;
      } else if (v > second) second = v;
    });
    const label = NER_LABELS[best] ?? 'O';
    const margin = bestV - second;
    if (label === 'O') close();
    else if (label.startsWith('B-')) {
      close();
      open = { type: label.slice(2), start: tok.start, end: tok.end, margin, count: 1 };
    } else if (open !== undefined) {
      open.end = tok.end;
      open.margin += margin;
      open.count++;
    }
    prev2 = prev1;
    prev1 = label;
  });
  close();
  return out;
}

const SUPPORT = Array.from(
  { length: 12 },
  (_, i) =>
    `Our review covered churn in the northern region. The customer, Daniel Okafor, paid with card 4111 1111 1111 1111 ` +
    `and asked for the receipt to go to d.okafor${i}@example.org.\nEscalations go to the London desk on +44 20 7946 09${10 + i}.`,
).join('\n\n');

const TEXTS = [
  SUPPORT,
  'I want to add Edvard Petrussen as a beneficiary. He lives at 4821 Oak Ridge Road, Apt. 12, Springfield, IL 62704.',
  'Ms. Chiara Bianchi-Rossi, Via Giuseppe Verdi 14, 20121 Milano\nTel. 02 1234 5678\nAcme Holdings GmbH, Berlin',
  "Yefremova's office is on Rue de la Paix in Paris, France; call O'Brien at the New York branch of Globex Corporation.",
  'Müller, Jürgen — Hauptstraße 5, 10115 Berlin. 山田太郎 lives in 東京. Ⓐ ’s \u2028 São Paulo, Brazil 𝐀𝐁 end',
];

describe('entity tagger', () => {
  it('tags what the string-feature reference decoder tags', () => {
    for (const text of TEXTS) {
      const got = tagEntities(text);
      const want = referenceTag(text);
      assert.deepEqual(
        got.map((s) => [s.type, s.start, s.end]),
        want.map((s) => [s.type, s.start, s.end]),
        text.slice(0, 60),
      );
      got.forEach((s, k) => assert.ok(Math.abs(s.score - (want[k]?.score ?? -1)) < 1e-9));
    }
  });

  it('tags what the reference decoder tags on random word sequences (the O shortcut included)', () => {
    // Prose words (where the shortcut after O applies) mixed with names, places, organisations,
    // address parts, digits and line breaks (where it must not).
    const word = fc.constantFrom('the', 'report', 'was', 'sent', 'to', 'and', 'in', 'at', 'on', 'Maria', 'Rossi', 'Daniel', 'Okafor', 'Mr.', 'Dr', 'Berlin', 'Paris', 'New', 'York', 'France', 'Globex', 'Corporation', 'Inc', 'Bank', '221B', 'Baker', 'Street', 'Rue', 'de', 'la', 'Paix', '5', '10115', ',', '.', ';', '\n', 'call', 'lives', 'office', 'branch', 'of');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), (words) => {
        const text = words.join(' ');
        const got = tagEntities(text);
        const want = referenceTag(text);
        assert.deepEqual(
          got.map((s) => [s.type, s.start, s.end]),
          want.map((s) => [s.type, s.start, s.end]),
        );
        got.forEach((s, k) => assert.ok(Math.abs(s.score - (want[k]?.score ?? -1)) < 1e-9));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same output after its word memo was emptied', () => {
    const m = compileNerModel(model);
    const before = TEXTS.map((t) => tagEntities(t, m));
    // More distinct words than the memo keeps, so it is trimmed and its rows reused.
    const flood = Array.from({ length: 20_000 }, (_, i) => `Word${i.toString(36)}`).join(' ');
    tagEntities(flood, m);
    tagEntities('one more text', m);
    assert.deepEqual(TEXTS.map((t) => tagEntities(t, m)), before);
  });

  it('never runs a name, place or organisation over a line break; an address may', () => {
    // Signature blocks and letterheads: each line is a field of its own.
    const texts = [
      'Katrina Mota\nKnowledge Agency\n55470 Acheron Road\nApt. 237\nBundalaguah VIC',
      'Accountant\nOpportunityspace Inc.\nTiffany Kilfoyle\nNera Economic Consulting',
      'Grüße,\nJürgen Weiß\nMüller & Söhne GmbH\nHauptstraße 5\n10115 Berlin',
    ];
    let multiLineAddress = false;
    for (const text of texts) {
      for (const s of tagEntities(text)) {
        const crosses = text.slice(s.start, s.end).includes('\n');
        if (s.type === 'STREET_ADDRESS') multiLineAddress ||= crosses;
        else assert.equal(crosses, false, `${s.type} ${JSON.stringify(text.slice(s.start, s.end))}`);
      }
    }
    assert.equal(allowedAtLineStart('I-PERSON'), false);
    assert.equal(allowedAtLineStart('B-PERSON'), true);
    assert.equal(allowedAtLineStart('I-STREET_ADDRESS'), true);
    assert.ok(multiLineAddress, 'a street address still spans its lines');
  });

  it('splits tokens at spaces, punctuation and possessives, keeping inner hyphens and apostrophes', () => {
    const toks = tokenize("Jean-Luc O'Neil's café\u2019s  e-mail:\r\nx");
    assert.deepEqual(
      toks.map((t) => [t.text, t.lower, t.nlBefore]),
      [
        ['Jean-Luc', 'jean-luc', false],
        ["O'Neil", "o'neil", false],
        ["'s", "'s", false],
        ['café', 'café', false],
        ['\u2019s', '\u2019s', false],
        ['e-mail', 'e-mail', false],
        [':', ':', false],
        ['x', 'x', true],
      ],
    );
  });

  it('hashes each token as its code units are hashed alone', () => {
    const piece = fc.constantFrom('a', 'Bé', "'", "'s", '\u2019s', "'S", '-', 'x-y', ' ', '\n', '.', '😀', '\ud800', '4', 'Ⓐ');
    const spans = tokenSpans(4);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const s = scanTokens(text, spans);
        for (let k = 0; k < s.count; k++) assert.equal(s.hash[k], hashCodeUnits(text, s.start[k] ?? 0, s.end[k] ?? 0));
      }),
      { numRuns: 2000 },
    );
  });
});
