/**
 * A cheap language profile for drift monitoring, not identification: the dominant script of the
 * first 400 characters, and for Latin script whether common English function words appear.
 * Bins: 0 English, 1 other Latin, 2 Cyrillic, 3 CJK (Han, Kana, Hangul), 4 Arabic or Hebrew, 5 other or no letters.
 */

const ENGLISH_WORDS = ['the', 'and', 'is', 'of', 'to', 'in', 'that', 'it', 'for', 'you', 'are', 'with', 'this', 'be', 'on', 'not', 'can', 'as', 'your', 'have'];
const SAMPLE = 400;
/** The longest word in ENGLISH_WORDS: longer words are not looked up. */
const MAX_WORD = 4;

/** Packs a word of at most MAX_WORD lower-case ASCII letters into a number (5 bits a letter), so words are compared without slicing strings. */
function wordCode(code: number, letter: number): number {
  return code * 32 + (letter - 0x60);
}

const ENGLISH = new Set(ENGLISH_WORDS.map((w) => codeOf(w)));

/**
 * One pass over the sample: script counts, and the English-word count in the same loop (words are
 * runs of ASCII letters, any case, as lower-casing and splitting on non-letters would give).
 */
export function languageOf(text: string): number {
  const end = Math.min(text.length, SAMPLE);
  let latin = 0;
  let cyrillic = 0;
  let cjk = 0;
  let rtl = 0;
  let other = 0;
  let words = 0;
  let english = 0;
  let length = 0;
  let code = 0;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0;
    if (c < 0x80) {
      const lower = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
      if (lower >= 0x61 && lower <= 0x7a) {
        latin++;
        if (length < MAX_WORD) code = wordCode(code, lower);
        length++;
        continue;
      }
    } else {
      // İ and the Kelvin sign lower-case to ASCII letters: read those rare texts the plain way.
      if (c === 0x130 || c === 0x212a) return languageOfLowered(text, end);
      if (c >= 0xc0 && c <= 0x24f) latin++;
      else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
      else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
      else if ((c >= 0x590 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f)) rtl++;
      else if (c > 0x24f && !(c >= 0x2000 && c <= 0x206f)) other++;
    }
    if (length > 0) {
      words++;
      if (length <= MAX_WORD && ENGLISH.has(code)) english++;
      length = 0;
      code = 0;
    }
  }
  return binOf(latin, cyrillic, cjk, rtl, other, words > 0 ? english / words : 0);
}

function binOf(latin: number, cyrillic: number, cjk: number, rtl: number, other: number, englishShare: number): number {
  const best = Math.max(latin, cyrillic, cjk, rtl, other);
  if (best === 0) return 5;
  if (best === latin) return englishShare >= 0.08 ? 0 : 1;
  if (best === cyrillic) return 2;
  if (best === cjk) return 3;
  if (best === rtl) return 4;
  return 5;
}

/** The same bins, reading words from the lower-cased sample (texts with İ or the Kelvin sign). */
function languageOfLowered(text: string, end: number): number {
  let latin = 0;
  let cyrillic = 0;
  let cjk = 0;
  let rtl = 0;
  let other = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
    else if ((c >= 0x590 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f)) rtl++;
    else if (c > 0x24f && !(c >= 0x2000 && c <= 0x206f)) other++;
  }
  let words = 0;
  let english = 0;
  for (const w of text.slice(0, end).toLowerCase().split(/[^a-z]+/)) {
    if (w.length === 0) continue;
    words++;
    if (w.length <= MAX_WORD && ENGLISH.has(codeOf(w))) english++;
  }
  return binOf(latin, cyrillic, cjk, rtl, other, words > 0 ? english / words : 0);
}

function codeOf(word: string): number {
  let code = 0;
  for (let i = 0; i < word.length; i++) code = wordCode(code, word.charCodeAt(i));
  return code;
}
