/**
 * De-obfuscation before injection scoring.
 *
 * Attackers hide trigger phrases from keyword and n-gram detectors with Unicode tricks
 * (invisible characters, bidi overrides, look-alike letters), leetspeak, letter spacing and
 * encodings (base64, hex, rot13 and other Caesar shifts, percent-encoding, HTML entities, Morse,
 * binary, reversed text, pig Latin), across several strings to be joined (payload splitting), or
 * inside markup the user
 * never sees (HTML comments, hidden elements). This module undoes those tricks so the scorer
 * sees the payload. Everything here is linear in the input length and every decoded output is
 * capped, so a hostile 1 MB input cannot make it slow.
 *
 * The scorer treats the decoded forms as *extra views* of the text rather than replacements:
 * rules are matched on every view and the obfuscation signal is recorded only when a view reveals
 * something the plain text did not, so benign text that merely contains digits or base64 does not
 * get flagged for it.
 */

import { despace, SPACED_CANDIDATE } from './spaced.js';

/** Views of one input produced by {@link deobfuscate}. */
export interface Deobfuscated {
  /**
   * The canonical text: NFKC, invisible/bidi controls removed, look-alike letters in
   * Latin-dominated words mapped to Latin, Latin diacritics removed, lower-cased. N-gram features
   * and rules run on this.
   */
  readonly text: string;
  /** Alternative readings of `text` (leetspeak undone, spaced letters joined, rot13) for rules only. */
  readonly variants: readonly { readonly kind: DeobfuscationKind; readonly text: string }[];
  /** Payloads decoded from embedded encodings or hidden markup, already canonicalised like `text`. */
  readonly payloads: readonly { readonly kind: DeobfuscationKind; readonly text: string }[];
  /** Tricks that were present regardless of content (e.g. `unicode:invisible`). */
  readonly signals: readonly string[];
}

/** The obfuscation families we undo; used as signal names (`obf:<kind>`). */
export type DeobfuscationKind =
  | 'leet'
  | 'spaced'
  | 'rot13'
  | 'base64'
  | 'hex'
  | 'url'
  | 'html-entity'
  | 'morse'
  | 'binary'
  | 'split'
  | 'caesar'
  | 'reversed'
  | 'pig-latin'
  | 'html-comment'
  | 'hidden-text';

/** Upper bounds that keep de-obfuscation linear and small whatever the input. */
export const DEOBFUSCATION_LIMITS = Object.freeze({
  /** At most this many encoded payloads are decoded per input. */
  maxPayloads: 32,
  /** Total characters of decoded payloads kept per input. */
  maxPayloadChars: 32_768,
  /** A single encoded run longer than this is only decoded up to the limit. */
  maxEncodedRun: 16_384,
  /** Variants (leet, spaced, rot13) are computed over at most this many characters. */
  maxVariantChars: 262_144,
});

// Zero-width characters, bidi embeddings/overrides/isolates, soft hyphen, word joiner, BOM, the
// Mongolian vowel separator and tag characters: invisible in rendering, used to split trigger words.
// These classes list invisible code points one by one, combining ones included, on purpose.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDDEF]/gu;
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE_TEST = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDDEF]/u;
const BIDI_TEST = /[\u202A-\u202E\u2066-\u2069]/u;

/**
 * Cyrillic, Greek and a few other letters that render like Latin ones (after Unicode TR39
 * "confusables", restricted to the common lower/upper-case look-alikes).
 */
const CONFUSABLES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Cyrillic
    а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y',
    х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ʏ: 'y', ո: 'n',
    А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', Х: 'x', У: 'y',
    Ѕ: 's', І: 'i', Ј: 'j',
    // Greek
    α: 'a', ο: 'o', ρ: 'p', ν: 'v', τ: 't', ι: 'i', κ: 'k', υ: 'u', χ: 'x', ε: 'e',
    Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't',
    Υ: 'y', Χ: 'x',
    // Latin small capitals / IPA letters that survive NFKC
    ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm',
    ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ı: 'i', ȷ: 'j',
  }),
);

const WORDLIKE = /[\p{L}\p{M}\p{N}@$]+/gu;
const LATIN_LETTER = /[a-z]/;
// Letters of a non-Latin script that have a Latin look-alike; a word made only of these plus Latin
// letters is a homoglyph attack when the surrounding text is Latin.
function isConfusable(ch: string): boolean {
  return CONFUSABLES.has(ch);
}

/**
 * Map look-alike letters to Latin inside words that mix scripts, or inside all-look-alike words
 * when the text is mostly Latin. Real Russian or Greek words in Russian or Greek text are kept,
 * so multilingual trigger rules still see them.
 */
function mapConfusables(text: string, mostlyLatin: boolean): { text: string; changed: boolean } {
  let changed = false;
  const out = text.replace(WORDLIKE, (word) => {
    let latin = 0;
    let confusable = 0;
    let other = 0;
    for (const ch of word) {
      if (LATIN_LETTER.test(ch)) latin++;
      else if (isConfusable(ch)) confusable++;
      else if (/\p{L}/u.test(ch)) other++;
    }
    if (confusable === 0 || other > 0) return word;
    if (latin === 0 && !mostlyLatin) return word;
    changed = true;
    let mapped = '';
    for (const ch of word) mapped += CONFUSABLES.get(ch) ?? ch;
    return mapped;
  });
  return { text: out, changed };
}

function latinShare(text: string): number {
  let latin = 0;
  let letters = 0;
  const n = Math.min(text.length, 4096);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      latin++;
      letters++;
    } else if (c > 127 && /\p{L}/u.test(text[i] ?? '')) letters++;
  }
  return letters === 0 ? 0 : latin / letters;
}

// Diacritics on Latin letters only: Cyrillic й/ё and Japanese voicing marks must survive.
const LATIN_COMBINING = /(?<=[A-Za-z])[\u0300-\u036F]+/g;

/**
 * Canonical form used by every rule and feature: NFKC (folds full-width and mathematical
 * alphanumerics), invisible characters removed, homoglyphs mapped, Latin diacritics dropped,
 * lower-cased, whitespace runs collapsed.
 */
export function canonicalize(raw: string): { text: string; signals: string[] } {
  return canonicalForm(raw, true);
}

/** {@link canonicalize}, optionally keeping runs of spaces (they mark word gaps in spaced-out text). */
function canonicalForm(raw: string, collapse: boolean): { text: string; signals: string[] } {
  const signals: string[] = [];
  let text = raw;
  if (INVISIBLE_TEST.test(text)) {
    if (BIDI_TEST.test(text)) signals.push('unicode:bidi');
    // Only count invisibles *inside* words as an attack signal; a trailing BOM is common.
    if (/[\p{L}\p{N}][\u200B-\u200D\u2060\u00AD\uFEFF]+[\p{L}\p{N}]/u.test(text)) signals.push('unicode:invisible');
    text = text.replace(INVISIBLE, '');
  }
  const nfkc = text.normalize('NFKC');
  // Math alphanumerics and full-width letters are rarely used in benign prompts.
  if (nfkc !== text && /[\uFF21-\uFF5A]|\uD835[\uDC00-\uDFFF]/u.test(text)) signals.push('unicode:styled-letters');
  text = nfkc;
  const mapped = mapConfusables(text, latinShare(text) >= 0.6);
  if (mapped.changed) signals.push('unicode:homoglyph');
  text = mapped.text;
  text = text.normalize('NFD').replace(LATIN_COMBINING, '').normalize('NFC');
  text = text.toLowerCase();
  if (collapse) text = collapseSpaces(text);
  return { text, signals };
}

function collapseSpaces(text: string): string {
  return text.replace(/[\t\f\v\r ]+/g, ' ');
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l',
};
// A token mixing letters with leet digits/symbols, e.g. "1gn0r3", "pa$$w0rd", "pr3v10u5". A
// global scan only ever matches from the start of a run of these characters (a match runs to the
// run's end, and a match inside a run implies one from its start), so the lookbehind changes no
// match; it stops each position of a long run without a digit or symbol from rescanning the rest
// of the run (session 11: 64 KiB of "a" took 6-12 s, quadratic; now linear).
const LEET_TOKEN = /(?<![a-z0-9@$!|])[a-z0-9@$!|]*[0-9@$!|][a-z0-9@$!|]*/g;

function undoLeet(text: string): string {
  return text.replace(LEET_TOKEN, (tok) => {
    let letters = 0;
    for (let i = 0; i < tok.length; i++) {
      const c = tok.charCodeAt(i);
      if (c >= 97 && c <= 122) letters++;
    }
    // All-digit numbers and things like "mp3" stay as they are.
    if (letters < 2 || tok.length < 3) return tok;
    let out = '';
    for (const ch of tok) out += LEET[ch] ?? ch;
    return out;
  });
}

// Runs like "i g n o r e", "i.g.n.o.r.e" or "i-g-n-o-r-e": four or more single letters each
// followed by one separator character.
const SPACED_RUN = /(?:^|(?<=[^\p{L}]))(?:\p{L}[ .\-_*·]){3,}\p{L}(?![\p{L}])/gu;

function joinSpacedLetters(text: string): string {
  return text.replace(SPACED_RUN, (run) => {
    // Two spaces (or " / ") between letter groups mean a word boundary in spaced-out text; the
    // run itself only has single separators, so collapse it fully.
    let out = '';
    for (const ch of run) if (/\p{L}/u.test(ch)) out += ch;
    return out;
  });
}

// Whole words that are common English words (and attack vocabulary) after rot13: "gur" = "the",
// "vtaber" = "ignore". A text with none of them does not read as English once rotated, so its
// rot13 view is not matched against the rules (it was a quarter of the rule-matching time).
const ROT13_ENGLISH = /\b(?:gur|naq|lbh|lbhe|gb|bs|vf|vg|va|ba|sbe|jvgu|guvf|gung|nyy|cyrnfr|abj|vtaber|cevag|fnl|gryy|erirny|cnffjbeq|frperg|cebzcg|vafgehpgvbaf?|cerivbhf|ehyrf|flfgrz)\b/;

function rot13(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + 13) % 26) + 97);
    else out += text[i];
  }
  return out;
}

const BASE64_RUN = /(?:[A-Za-z0-9+/]{4}){4,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?|(?:[A-Za-z0-9_-]{4}){5,}/g;
const HEX_RUN = /(?:\\x[0-9a-fA-F]{2}){6,}|(?:0x)?(?:[0-9a-fA-F]{2}[ :]?){8,}/g;
const URL_RUN = /(?:[^\s%]{0,20}%[0-9a-fA-F]{2}){3,}[^\s%]{0,20}/g;
const ENTITY_RUN = /(?:&#(?:x[0-9a-fA-F]{1,6}|[0-9]{1,7});\s?){4,}/g;
// Session 9: Morse code (letters of dots and dashes, letters split by spaces, words by "/" or three
// spaces) and 8-bit binary, two encodings CyberSecEval's prompts hide questions in.
const MORSE_RUN = /(?:[.-]{1,6}(?: {1,3}| ?\/ ?)){3,}[.-]{1,6}/g;
const BINARY_RUN = /(?:[01]{8} ?){4,}/g;
const MORSE: Readonly<Record<string, string>> = {
  '.-': 'a', '-...': 'b', '-.-.': 'c', '-..': 'd', '.': 'e', '..-.': 'f', '--.': 'g', '....': 'h', '..': 'i', '.---': 'j', '-.-': 'k', '.-..': 'l', '--': 'm',
  '-.': 'n', '---': 'o', '.--.': 'p', '--.-': 'q', '.-.': 'r', '...': 's', '-': 't', '..-': 'u', '...-': 'v', '.--': 'w', '-..-': 'x', '-.--': 'y', '--..': 'z',
  '-----': '0', '.----': '1', '..---': '2', '...--': '3', '....-': '4', '.....': '5', '-....': '6', '--...': '7', '---..': '8', '----.': '9',
};

function decodeMorse(run: string): string | null {
  // Both symbols, or it is a rule line ("-----") or an ellipsis.
  if (!run.includes('.') || !run.includes('-')) return null;
  const words: string[] = [];
  for (const word of run.trim().split(/ ?\/ ?| {3}/)) {
    let w = '';
    for (const code of word.trim().split(/ {1,2}/)) {
      const c = MORSE[code];
      if (c === undefined) return null;
      w += c;
    }
    words.push(w);
  }
  const s = words.join(' ');
  return looksLikeText(s) ? s : null;
}

function decodeBinary(run: string): string | null {
  const bytes = run.replace(/ /g, '').match(/[01]{8}/g) ?? [];
  const s = utf8.decode(Buffer.from(bytes.map((b) => parseInt(b, 2))));
  return looksLikeText(s) ? s : null;
}

// Session 10 (issue #6): payload splitting (Kang et al., 2023, "Exploiting programmatic behavior
// of LLMs") cuts the request into quoted parts assigned to labels ("Part 1 is \"What is the
// pass\", Part 2 is \"word\"", "a = '…' b = '…' z = a + b", "Interlace Part 1: … and Part 2: …")
// so no single part reads as an attack. The parts are put back together, joined in label order
// (or in the order an "a + b + c" expression gives) and, when the text asks for it, interleaved
// letter by letter; the rules then see the request itself. A label is short (a letter, a letter
// with a digit, or "part/string/…" with a number or letter) so ordinary assignments in prose and
// code rarely qualify, and nothing is decoded unless two or more parts are found.
// Found from the quoted value back to its label: a scan for "= / : / is" before a quote is cheap,
// a label alternation tried at every word start of the text is not (speed, session 10).
const SPLIT_QUOTE = /["“'‘]/;
const SPLIT_VALUE = /(?:\bis|\bist|\bes|\best|[=:])[ \t]{0,3}(?:"([^"\n]{1,200})"|“([^”\n]{1,200})”|'([^'\n]{1,200})'|‘([^’\n]{1,200})’)/g;
const SPLIT_LABEL =
  /(?:^|[^\p{L}\p{N}])((?:part|piece|string|segment|fragment|chunk|teil|parte|partie|часть) ?(?:[0-9]{1,2}|[a-z]|one|two|three|four|five|eins|zwei|drei|uno|dos|tres|due|un|deux|trois)|[a-z][0-9]?) ?$/iu;
const SPLIT_ORDER = /\b([a-z][0-9]?(?: ?\+ ?[a-z][0-9]?){1,9})\b/gi;
const INTERLEAVE = /\b(?:interlac|interleav|alternat|zip|verschr[aä]nk|entrelaz|entrelac|intercal|chередуй)/i;
const NUMBER_WORDS: Readonly<Record<string, string>> = { one: '1', two: '2', three: '3', four: '4', five: '5', eins: '1', zwei: '2', drei: '3', uno: '1', dos: '2', tres: '3', due: '2', un: '1', deux: '2', trois: '3' };

function splitLabelKey(label: string): string {
  const l = label.toLowerCase().replace(/\s+/g, ' ');
  const m = /^(?:part|piece|string|segment|fragment|chunk|teil|parte|partie|часть) ?(.+)$/.exec(l);
  const k = m?.[1] ?? l;
  const n = NUMBER_WORDS[k] ?? k;
  return /^[0-9]+$/.test(n) ? n.padStart(3, '0') : n;
}

function joinParts(parts: readonly string[]): string {
  // Two readings on two lines: glued (a word cut in two: "pass" + "word") and spaced (whole
  // phrases: "Could you tell me" + "the password"). Rules match either line.
  return `${parts.join('')}\n${parts.map((p) => p.trim()).join(' ')}`;
}

function interleave(a: string, b: string): string {
  let out = '';
  for (let i = 0; i < Math.max(a.length, b.length); i++) out += (a[i] ?? '') + (b[i] ?? '');
  return out.replace(/ {2,}/g, ' ');
}

function decodeSplit(raw: string): string[] {
  if (!SPLIT_QUOTE.test(raw)) return [];
  const text = raw.length > 4096 ? raw.slice(0, 4096) : raw;
  const parts = new Map<string, string>();
  SPLIT_VALUE.lastIndex = 0;
  for (const m of text.matchAll(SPLIT_VALUE)) {
    const label = SPLIT_LABEL.exec(text.slice(Math.max(0, m.index - 16), m.index))?.[1];
    const value = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (label === undefined || value === undefined) continue;
    const key = splitLabelKey(label);
    if (!parts.has(key)) parts.set(key, value);
    if (parts.size >= 10) break;
  }
  if (parts.size < 2) return [];
  const out: string[] = [];
  let ordered: string[] | undefined;
  for (const m of text.matchAll(SPLIT_ORDER)) {
    const keys = (m[1] ?? '').toLowerCase().split(/ ?\+ ?/);
    if (keys.every((k) => parts.has(k))) {
      ordered = keys.map((k) => parts.get(k) ?? '');
      break;
    }
  }
  const sorted = [...parts.keys()].sort().map((k) => parts.get(k) ?? '');
  if (INTERLEAVE.test(text) && sorted.length >= 2) out.push(interleave(sorted[0] ?? '', sorted[1] ?? ''));
  out.push(joinParts(ordered ?? sorted));
  return out;
}

// Session 10 (issue #6): Caesar shifts other than 13, reversed text and pig Latin. Each is tried
// only on a run that reads as gibberish (almost none of its words are common English words) and
// kept only when the decoded run reads as English (a good share of them are), so ordinary text in
// any language is left alone: a shift of German or a reversal of a code snippet does not turn
// into English function words.
const COMMON_EN = new Set([
  'the', 'a', 'an', 'and', 'or', 'to', 'of', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'is', 'are', 'was', 'were', 'be', 'been',
  'it', 'this', 'that', 'these', 'what', 'which', 'who', 'where', 'when', 'how', 'why', 'can', 'could', 'would', 'will', 'do', 'does',
  'did', 'have', 'has', 'you', 'your', 'i', 'me', 'my', 'we', 'our', 'us', 'he', 'she', 'they', 'them', 'his', 'her', 'their', 'not',
  'all', 'any', 'some', 'no', 'now', 'then', 'just', 'only', 'about', 'as', 'if', 'so', 'but', 'tell', 'give', 'say', 'print', 'write',
  'show', 'reveal', 'ignore', 'previous', 'instructions', 'password', 'secret', 'prompt', 'system', 'rules', 'please', 'most', 'there',
  'here', 'one', 'two', 'many', 'much', 'more', 'up', 'out', 'live', 'user', 'name', 'first', 'word', 'make', 'take', 'know',
]);
const COMMON_EN_FAST = /\b(?:the|and|you|your|to|of|is|are|what|how|in|for|this|that|with|it|on|can|do|me|my)\b/gi;
const GIBBERISH_RUN = /["“'‘]([^"”'’\n]{12,400})["”'’]/g;
const ALPHA_WORD = /[a-z]+/g;

/** Share of common English words among the (lower-case ASCII) words of `s`, and the word count. */
function englishShare(s: string): { share: number; words: number } {
  let words = 0;
  let common = 0;
  for (const m of s.matchAll(ALPHA_WORD)) {
    words++;
    if (COMMON_EN.has(m[0])) common++;
    if (words >= 60) break;
  }
  return { share: words === 0 ? 0 : common / words, words };
}

function shift(s: string, n: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 97 && c <= 122 ? String.fromCharCode(((c - 97 + n) % 26) + 97) : s[i];
  }
  return out;
}

const TRAILING_CONSONANTS = /[bcdfghjklmnpqrstvwxz]+$/;
const VOWEL_START = /^[aeiou]/;
// Word-initial consonant clusters of English that pig Latin moves as a whole ("the" -> "ethay").
const ONSETS = new Set(['th', 'wh', 'sh', 'ch', 'ph', 'st', 'tr', 'pr', 'gr', 'cr', 'br', 'dr', 'fr', 'pl', 'cl', 'fl', 'gl', 'bl', 'sl', 'sp', 'sc', 'sk', 'sm', 'sn', 'sw', 'tw', 'qu', 'kn', 'wr']);
const ONSETS3 = new Set(['str', 'thr', 'sch', 'scr', 'shr', 'squ']);

function unPigWord(w: string): string {
  if (w.length < 3 || !w.endsWith('ay')) return w;
  // Vowel-initial words take "way"/"yay" (or plain "ay"); others moved their first consonants
  // to the end before "ay": "ethay" -> "the", "oesday" -> "does", "useryay" -> "user".
  if (VOWEL_START.test(w) && (w.endsWith('way') || w.endsWith('yay'))) return w.slice(0, -3);
  const stem = w.slice(0, -2);
  const run = TRAILING_CONSONANTS.exec(stem)?.[0] ?? '';
  if (run === '' || run.length === stem.length) return stem;
  const take = run.length >= 3 && ONSETS3.has(run.slice(-3)) ? 3 : run.length >= 2 && ONSETS.has(run.slice(-2)) ? 2 : 1;
  return stem.slice(-take) + stem.slice(0, -take);
}

function unPigLatin(s: string): string | null {
  let pig = 0;
  let words = 0;
  const out = s.replace(/[a-z]+/g, (w) => {
    words++;
    if (w.length >= 3 && w.endsWith('ay')) pig++;
    return unPigWord(w);
  });
  return words >= 3 && pig / words >= 0.6 ? out : null;
}

/** English readings of a gibberish run: a Caesar shift, the reversal or pig Latin. */
function decodeGibberish(run: string): { kind: DeobfuscationKind; text: string } | null {
  // Three words at least (two spaces), checked without a scan of its own: table cells and
  // headings, most document segments, stop here.
  const sp = run.indexOf(' ');
  if (run.length < 12 || sp < 0 || run.indexOf(' ', sp + 1) < 0) return null;
  // Ordinary English has two common short words: no decoding (tested before any copy is made, as
  // this runs on every document segment too).
  if (run.includes(' the ') || run.includes(' and ') || run.includes(' to ') || run.includes(' of ') || run.includes(' is ')) return null;
  COMMON_EN_FAST.lastIndex = 0;
  if (COMMON_EN_FAST.test(run) && COMMON_EN_FAST.test(run)) return null;
  const s = run.toLowerCase();
  // Mostly letters (a cipher keeps digits and symbols as they are; code and numbers are not text).
  let letters = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) letters++;
    else if (c !== 32 && c !== 44 && c !== 46 && c !== 63 && c !== 33 && c !== 39) other++;
  }
  if (letters < 10 || other > letters / 10) return null;
  const plain = englishShare(s);
  if (plain.words < 3 || plain.share >= 0.15) return null;
  const readable = (t: string): boolean => englishShare(t).share >= 0.35;
  const pig = unPigLatin(s);
  if (pig !== null && readable(pig)) return { kind: 'pig-latin', text: pig };
  const reversed = [...s].reverse().join('');
  if (readable(reversed)) return { kind: 'reversed', text: reversed };
  // The shift is chosen by the two letters most frequent in the run landing on 'e', 't', 'a' or
  // 'o' (the most frequent English letters): at most eight candidates instead of 25 decodings.
  const counts = new Array<number>(26).fill(0);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) counts[c] = (counts[c] ?? 0) + 1;
  }
  let first = 0;
  let second = 1;
  for (let c = 1; c < 26; c++) {
    const n = counts[c] ?? 0;
    if (n > (counts[first] ?? 0)) {
      second = first;
      first = c;
    } else if (c !== first && n > (counts[second] ?? 0)) second = c;
  }
  const tried = new Set<number>([0, 13]); // 13 is the rot13 variant's
  for (const top of [first, second]) {
    for (const target of [4, 19, 0, 14]) {
      const n = (target - top + 26) % 26;
      if (tried.has(n)) continue;
      tried.add(n);
      const t = shift(s, n);
      if (readable(t)) return { kind: 'caesar', text: t };
    }
  }
  return null;
}

function gibberishRuns(raw: string): { kind: DeobfuscationKind; text: string }[] {
  const out: { kind: DeobfuscationKind; text: string }[] = [];
  const head = raw.length > 4096 ? raw.slice(0, 4096) : raw;
  const whole = decodeGibberish(head.length > 400 ? head.slice(0, 400) : head);
  if (whole !== null) out.push(whole);
  if (head.includes('"') || head.includes("'") || head.includes('“') || head.includes('‘')) {
    let n = 0;
    for (const m of head.matchAll(GIBBERISH_RUN)) {
      if (++n > 8) break;
      const d = decodeGibberish(m[1] ?? '');
      if (d !== null) out.push(d);
    }
  }
  return out;
}

// Opening tags styled to be invisible; the element's text is found with indexOf (linear).
const HIDDEN_OPEN =
  /<(\w{1,10})\b[^<>]{0,300}?(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|opacity\s*:\s*0(?![.\d])|color\s*:\s*(?:white|#fff(?:fff)?\b|transparent)|\shidden\b)[^<>]{0,300}>/gi;
// Markdown link-reference "comments": [//]: # (text)
const MD_COMMENT = /^\s{0,3}\[[^\]\n]{0,40}\]:\s*(?:#|<>)\s*\(([^)\n]{1,2000})\)/gm;

/** True when decoded bytes look like natural-language text rather than binary noise. */
function looksLikeText(s: string): boolean {
  if (s.length < 6) return false;
  let letters = 0;
  let spaces = 0;
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 10 && c !== 13 && c !== 9)) bad++;
    else if (c === 32) spaces++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) letters++;
  }
  return bad === 0 && letters / s.length >= 0.6 && (spaces > 0 || s.length < 24);
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function decodeBase64(run: string): string | null {
  const normal = run.replace(/-/g, '+').replace(/_/g, '/');
  // Plain words and identifiers also match the base64 alphabet; real payloads mix cases and digits.
  if (!/[A-Z]/.test(run) || !/[a-z]/.test(run)) return null;
  const bytes = Buffer.from(normal, 'base64');
  const s = utf8.decode(bytes);
  return looksLikeText(s) ? s : null;
}

function decodeHex(run: string): string | null {
  const digits = run.replace(/\\x|0x|[ :]/g, '');
  if (digits.length % 2 !== 0 || !/[a-fA-F]/.test(digits)) return null;
  const s = utf8.decode(Buffer.from(digits, 'hex'));
  return looksLikeText(s) ? s : null;
}

function decodeUrl(run: string): string | null {
  try {
    const s = decodeURIComponent(run);
    return looksLikeText(s) ? s : null;
  } catch {
    return null;
  }
}

function decodeEntities(run: string): string | null {
  const s = run.replace(/&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});\s?/g, (_m, code: string) => {
    const n = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
  return looksLikeText(s) ? s : null;
}

interface PayloadBudget {
  count: number;
  chars: number;
}

function collectPayloads(
  raw: string,
  out: { kind: DeobfuscationKind; text: string }[],
  budget: PayloadBudget,
  depth: number,
  ciphers: boolean,
): void {
  const tryAdd = (kind: DeobfuscationKind, decoded: string | null): void => {
    if (decoded === null || budget.count >= DEOBFUSCATION_LIMITS.maxPayloads) return;
    const room = DEOBFUSCATION_LIMITS.maxPayloadChars - budget.chars;
    if (room <= 0) return;
    const kept = decoded.length > room ? decoded.slice(0, room) : decoded;
    budget.count++;
    budget.chars += kept.length;
    out.push({ kind, text: canonicalize(kept).text });
    // One more level catches base64-inside-base64 and similar stacking; deeper is not worth it.
    if (depth < 1) collectPayloads(kept, out, budget, depth + 1, ciphers);
  };
  const scan = (re: RegExp, kind: DeobfuscationKind, decode: (s: string) => string | null): void => {
    re.lastIndex = 0;
    for (const m of raw.matchAll(re)) {
      if (budget.count >= DEOBFUSCATION_LIMITS.maxPayloads || budget.chars >= DEOBFUSCATION_LIMITS.maxPayloadChars) return;
      const run = m[0].slice(0, DEOBFUSCATION_LIMITS.maxEncodedRun);
      tryAdd(kind, decode(run));
    }
  };
  const grab = (re: RegExp, kind: DeobfuscationKind, group: number): void => {
    re.lastIndex = 0;
    for (const m of raw.matchAll(re)) {
      if (budget.count >= DEOBFUSCATION_LIMITS.maxPayloads) return;
      const inner = m[group];
      if (inner !== undefined && inner.trim().length > 0) tryAdd(kind, inner.replace(/<[^>]{0,200}>/g, ' '));
    }
  };
  // Markup is looked for only in the first part of huge inputs: a quadratic search for closing
  // tags is avoided by giving up at the first missing one.
  const markup = raw.length > DEOBFUSCATION_LIMITS.maxVariantChars ? raw.slice(0, DEOBFUSCATION_LIMITS.maxVariantChars) : raw;
  for (let from = markup.indexOf('<!--'); from >= 0 && budget.count < DEOBFUSCATION_LIMITS.maxPayloads; ) {
    const end = markup.indexOf('-->', from + 4);
    if (end < 0) break;
    const inner = markup.slice(from + 4, Math.min(end, from + 4 + DEOBFUSCATION_LIMITS.maxEncodedRun));
    if (inner.trim().length > 0) tryAdd('html-comment', inner);
    from = markup.indexOf('<!--', end + 3);
  }
  if (markup.includes('<')) {
    HIDDEN_OPEN.lastIndex = 0;
    let checked = 0;
    for (const m of markup.matchAll(HIDDEN_OPEN)) {
      if (++checked > DEOBFUSCATION_LIMITS.maxPayloads || budget.count >= DEOBFUSCATION_LIMITS.maxPayloads) break;
      const start = m.index + m[0].length;
      const close = markup.indexOf(`</${(m[1] ?? '').toLowerCase()}`, start);
      const closeUpper = close >= 0 ? close : markup.indexOf(`</${(m[1] ?? '').toUpperCase()}`, start);
      if (closeUpper < 0) continue;
      const inner = markup.slice(start, Math.min(closeUpper, start + DEOBFUSCATION_LIMITS.maxEncodedRun));
      if (inner.trim().length > 0) tryAdd('hidden-text', inner.replace(/<[^<>]{0,200}>/g, ' '));
    }
  }
  if (raw.includes(']:')) grab(MD_COMMENT, 'hidden-text', 1);
  scan(BASE64_RUN, 'base64', decodeBase64);
  if (raw.includes('%')) scan(URL_RUN, 'url', decodeUrl);
  if (raw.includes('&#')) scan(ENTITY_RUN, 'html-entity', decodeEntities);
  scan(HEX_RUN, 'hex', decodeHex);
  if (raw.includes('.-') || raw.includes('-.')) scan(MORSE_RUN, 'morse', decodeMorse);
  scan(BINARY_RUN, 'binary', decodeBinary);
  if (depth === 0 && ciphers) {
    for (const joined of decodeSplit(raw)) tryAdd('split', joined);
    for (const g of gibberishRuns(raw)) tryAdd(g.kind, g.text);
  }
}

export interface DeobfuscateOptions {
  /**
   * Also look for payload splitting and cipher runs (Caesar shifts, reversed text, pig Latin); on
   * by default. Document segments leave them out: those tactics are aimed at the prompt's reader,
   * they decoded nothing in any dev document, and the check per segment cost the `tool` path
   * ×1.06–1.09 of CPU (docs/detection.md, session 10), while indirect scoring sits near its
   * 1 ms per KiB budget.
   */
  readonly ciphers?: boolean;
}

/**
 * Undo common obfuscations of `raw`. Linear time; decoded payloads are capped by
 * {@link DEOBFUSCATION_LIMITS}.
 */
export function deobfuscate(raw: string, options: DeobfuscateOptions = {}): Deobfuscated {
  const canon = canonicalize(raw);
  let text = canon.text;
  const signals = canon.signals;
  // Spaced-out words ("s a y   t h a t") are read back into the canonical text itself, so the
  // n-grams see the words too; the spacing of the raw text marks the word gaps (spaced.ts).
  if (raw.length <= DEOBFUSCATION_LIMITS.maxVariantChars && SPACED_CANDIDATE.test(raw)) {
    const read = despace(canonicalForm(raw, false).text);
    if (read.runs > 0) {
      text = collapseSpaces(read.text);
      signals.push('obf:spaced');
    }
  }
  const head = text.length > DEOBFUSCATION_LIMITS.maxVariantChars ? text.slice(0, DEOBFUSCATION_LIMITS.maxVariantChars) : text;
  const variants: { kind: DeobfuscationKind; text: string }[] = [];
  const leet = undoLeet(head);
  if (leet !== head) variants.push({ kind: 'leet', text: leet });
  const spaced = joinSpacedLetters(head);
  if (spaced !== head) variants.push({ kind: 'spaced', text: spaced });
  if (ROT13_ENGLISH.test(head)) variants.push({ kind: 'rot13', text: rot13(head) });
  return { text, variants, payloads: decodePayloads(raw, options), signals };
}

/** Only the decoded payloads of {@link deobfuscate} (encodings, hidden markup), canonicalised. */
export function decodePayloads(raw: string, options: DeobfuscateOptions = {}): Deobfuscated['payloads'] {
  const payloads: { kind: DeobfuscationKind; text: string }[] = [];
  collectPayloads(raw, payloads, { count: 0, chars: 0 }, 0, options.ciphers ?? true);
  return payloads;
}
