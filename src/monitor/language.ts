/**
 * A cheap language profile for drift monitoring, not identification: the dominant script of the
 * first 400 characters, and for Latin script whether common English function words appear.
 * Bins: 0 English, 1 other Latin, 2 Cyrillic, 3 CJK (Han, Kana, Hangul), 4 Arabic or Hebrew, 5 other or no letters.
 */

const ENGLISH = new Set(['the', 'and', 'is', 'of', 'to', 'in', 'that', 'it', 'for', 'you', 'are', 'with', 'this', 'be', 'on', 'not', 'can', 'as', 'your', 'have']);
const SAMPLE = 400;

export function languageOf(text: string): number {
  const end = Math.min(text.length, SAMPLE);
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
  const best = Math.max(latin, cyrillic, cjk, rtl, other);
  if (best === 0) return 5;
  if (best === latin) {
    let english = 0;
    let words = 0;
    for (const w of text.slice(0, end).toLowerCase().split(/[^a-z]+/)) {
      if (w.length === 0) continue;
      words++;
      if (ENGLISH.has(w)) english++;
    }
    return words > 0 && english / words >= 0.08 ? 0 : 1;
  }
  if (best === cyrillic) return 2;
  if (best === cjk) return 3;
  if (best === rtl) return 4;
  return 5;
}
