/**
 * The one-pass language bin must agree with the plain reading (count scripts; lower-case, split
 * on non-letters, look each word up), including the characters whose lower case is an ASCII letter.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { languageOf } from './language.js';

const ENGLISH = new Set(['the', 'and', 'is', 'of', 'to', 'in', 'that', 'it', 'for', 'you', 'are', 'with', 'this', 'be', 'on', 'not', 'can', 'as', 'your', 'have']);

/** The bin the plain way: count scripts, then lower-case the sample, split it and look words up. */
function referenceBin(text: string): number {
  const sample = text.slice(0, 400);
  let [latin, cyrillic, cjk, rtl, other] = [0, 0, 0, 0, 0];
  for (const ch of sample.split('')) {
    const c = ch.charCodeAt(0);
    if (/[A-Za-z\u00c0-\u024f]/.test(ch)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
    else if ((c >= 0x590 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f)) rtl++;
    else if (c > 0x24f && !(c >= 0x2000 && c <= 0x206f)) other++;
  }
  const best = Math.max(latin, cyrillic, cjk, rtl, other);
  if (best === 0) return 5;
  if (best === latin) {
    const words = sample.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 0);
    const english = words.filter((w) => ENGLISH.has(w)).length;
    return words.length > 0 && english / words.length >= 0.08 ? 0 : 1;
  }
  return best === cyrillic ? 2 : best === cjk ? 3 : best === rtl ? 4 : 5;
}

describe('languageOf', () => {
  const texts = [
    'This is the answer to your question.',
    'THIS IS THE ANSWER, in capitals; AND then some.',
    'Dies ist die Antwort auf Ihre Frage.',
    'Thesis thereof: andante, istanbul, often, together, items.',
    'İT İS the İstanbul office, not the Kelvin office',
    'Ça va? Très bien, and you are with the team for this one.',
    `${'word '.repeat(90)}the end is near, and it is over the limit of the sample`,
    'a b c d e f g the',
    'Это ответ на ваш вопрос, and the rest is English to you',
    'これは答えです。 the answer is this',
    'هذا هو الجواب the',
    '1234 !! ---',
    '',
    'ᚠᚢᚦ runes and the Latin of it',
  ];
  for (const text of texts) {
    it(JSON.stringify(text.slice(0, 40)), () => assert.equal(languageOf(text), referenceBin(text)));
  }
});
