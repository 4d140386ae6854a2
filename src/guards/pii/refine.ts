/**
 * Boundary rules applied to the entity tagger's spans (src/guards/pii/ner.ts). Each rule states
 * something true of names and addresses in general, not of one data set's templates:
 *
 * - A street address does not begin with the clause that introduces it ("… is 12 Main St",
 *   "… lives at 4 Rue X") and does not end in a function word ("…, Tallinn, Estonia for").
 * - A place name continues over its connecting particles: "Villafranca del Cid", "Chiclana de la
 *   Frontera", "Ústí nad Labem", "Newcastle upon Tyne".
 * - "Barnett, Melton and Garcia", "Lopez & Sons": surnames joined by a comma list and "and"/"&"
 *   (or "and Sons") name a firm, not three people, when none of them is a given name.
 * - A postal code follows the place it belongs to in many countries' address formats
 *   ("Springfield, IL 62704", "Toronto, ON M5V 2T6", "London SW1A 1AA", "Arendal 4844"): a
 *   number of a postal-code shape right after a place, not already part of another span, is one.
 *
 * Pure, and linear in the text: every rule reads a bounded window at a span's edges.
 */

import { FIRST_NAMES, ORG_SUFFIXES, STREET_WORDS } from './gazetteer.js';
import type { TaggedSpan } from './ner.js';

/**
 * Words that introduce an address inside a clause. A span tagged as an address that contains one
 * before its first digit starts after it.
 */
const ADDRESS_LEADS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'at', 'to', 'live', 'lives', 'lived', 'located', 'address', 'ist', 'est', 'es', 'är', 'er', 'é', 'è',
]);

/** Words that never end an address, place or name (English and common European function words). */
const TRAILING_STOP: ReadonlySet<string> = new Set([
  'for', 'last', 'the', 'and', 'or', 'to', 'in', 'on', 'at', 'with', 'after', 'before', 'since', 'please', 'if', 'it',
  'is', 'was', 'as', 'but', 'so', 'then', 'this', 'that', 'tonight', 'today', 'tomorrow', 'yesterday', 'next', 'where',
  'which', 'who', 'when', 'by', 'from', 'und', 'für', 'et', 'pour', 'para', 'per', 'och', 'og',
]);

/**
 * Words that do not occur inside an address: once the address has begun (after its first
 * number), the span ends before one ("…, Estonia for this card", "…, Tunisia last night").
 * "and", "of", "the" and prepositions are left out: "the corner of 5th Avenue and Main Street".
 */
const ADDRESS_BREAK: ReadonlySet<string> = new Set([
  'for', 'last', 'this', 'that', 'please', 'if', 'it', 'is', 'was', 'are', 'were', 'tonight', 'today', 'tomorrow',
  'yesterday', 'next', 'where', 'which', 'who', 'when', 'after', 'before', 'since', 'but', 'so', 'then', 'i', 'we',
  'you', 'he', 'she', 'they', 'my', 'our', 'your', 'his', 'her', 'their',
]);

/**
 * A line that holds contact details (a signature's "Office:", "Fax", "Tel.", "Mobile: …"): an
 * address that runs onto it ends with the line before.
 */
const CONTACT_LINE =
  /(?:^|[^\p{L}])(?:office|fax|tel|tél|telefon|telephone|téléphone|teléfono|telefone|phone|mobile|mob|cell|handy|desk|direct|e-?mail|web|www|https?)(?:[^\p{L}]|$)|^[ \t>]*[+(]\d/iu;

/** Particles inside place names, longest first ("de la" before "de"). */
const PLACE_PARTICLE =
  /[ \t]+(?:de[ \t]+(?:la|las|los)|de|del|della|delle|dello|degli|da|das|do|dos|di|du|des|sur|sous|nad|pod|upon|sul|sulla)[ \t]+(\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*)/uy;

/** Firm words that make "X and Sons" a firm. */
const FIRM_TAIL = /^(?:sons|söhne|fils|hijos|figli|filhos|brothers|bros|partners|associates|co|company)$/iu;

/** A capitalised single word (letters, marks, inner apostrophe or hyphen). */
const CAP_WORD = /^\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*$/u;

/** A word for the rules: what lies between spaces and list punctuation. */
const WORD_RE = /[^\s,;:()]+/gu;

/** Word tokens of `text[from, to)` with their offsets. */
function words(text: string, from: number, to: number): { w: string; s: number; e: number }[] {
  const out: { w: string; s: number; e: number }[] = [];
  const re = WORD_RE;
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (m === null || m.index >= to) break;
    out.push({ w: m[0], s: m.index, e: Math.min(to, m.index + m[0].length) });
  }
  return out;
}

/** Strips surrounding punctuation and lower-cases. */
function bare(w: string): string {
  return w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
}

const HAS_DIGIT = /\d/;

/**
 * Moves an address's start past the clause that introduces it, and ends it before a word that
 * cannot be part of it (see {@link ADDRESS_LEADS} and {@link ADDRESS_BREAK}). One word pass.
 */
function trimAddress(text: string, s: TaggedSpan): TaggedSpan {
  const ws = words(text, s.start, s.end);
  const firstDigit = ws.findIndex((x) => HAS_DIGIT.test(x.w));
  if (firstDigit < 0) return s;
  let start = s.start;
  for (let k = firstDigit - 1; k >= 0; k--) {
    const x = ws[k];
    const next = ws[k + 1];
    if (x === undefined || next === undefined) continue;
    // Only a lower-case word introduces (an "Address:" label or a capitalised "Is" does not open a clause mid-span).
    if (x.w === x.w.toLowerCase() && ADDRESS_LEADS.has(bare(x.w))) {
      start = next.s;
      break;
    }
  }
  let end = s.end;
  for (let k = firstDigit + 1; k < ws.length; k++) {
    const x = ws[k];
    if (x === undefined) break;
    // Lower-case words, and "I": a capitalised "This" could start a place name.
    const c = x.w.charCodeAt(0);
    if (!(c >= 97 && c <= 122) && c !== 73) continue;
    const b = bare(x.w);
    if ((x.w === b || x.w === 'I' || x.w.startsWith("I'") || x.w.startsWith('I’')) && ADDRESS_BREAK.has(b.replace(/['’].*$/u, ''))) {
      end = ws[k - 1]?.e ?? end;
      break;
    }
  }
  return start === s.start && end === s.end ? s : { ...s, start, end };
}

/** Ends a multi-line address before a line of contact details (see {@link CONTACT_LINE}). */
function cutContactLines(text: string, s: TaggedSpan): TaggedSpan {
  let nl = text.indexOf('\n', s.start);
  while (nl >= 0 && nl < s.end) {
    // The whole line (bounded), even where the span ends inside it.
    const window = text.slice(nl + 1, nl + 201);
    const lineEnd = window.indexOf('\n');
    if (CONTACT_LINE.test(lineEnd < 0 ? window : window.slice(0, lineEnd))) {
      let end = nl;
      while (end > s.start && /\s/u.test(text[end - 1] ?? '')) end--;
      return { ...s, end };
    }
    nl = text.indexOf('\n', nl + 1);
  }
  return s;
}

/**
 * Drops a sentence's full stop from the end of an address: "… Montehermoso Cáceres." ends the
 * sentence, but "Str.", "Ave." abbreviate and "útja 62." is a Hungarian house number.
 */
function dropFullStop(text: string, s: TaggedSpan): TaggedSpan {
  if (text[s.end - 1] !== '.') return s;
  const m = /(\p{L}+)\.$/u.exec(text.slice(Math.max(s.start, s.end - 40), s.end));
  const w = m?.[1];
  if (w === undefined || w.length < 3 || STREET_WORDS.has(w.toLowerCase())) return s;
  return { ...s, end: s.end - 1 };
}

/** Drops trailing function words (and the separators before them) from a span. */
function trimTrailing(text: string, s: TaggedSpan): TaggedSpan {
  // Fast exit (most spans): the last word is not a lower-case stop word.
  let i = s.end;
  while (i > s.start && isLowerLetter(text, i - 1)) i--;
  if (i === s.end || i === s.start || !TRAILING_STOP.has(text.slice(i, s.end))) return s;
  let end = s.end;
  const ws = words(text, s.start, s.end);
  for (let k = ws.length - 1; k >= 1; k--) {
    const x = ws[k];
    if (x === undefined || x.e !== end) break;
    const b = bare(x.w);
    if (x.w !== b || !TRAILING_STOP.has(b)) break;
    end = (ws[k - 1]?.e ?? s.start);
  }
  if (end === s.end) return s;
  return { ...s, end };
}

/** Whether `text[i]` is a lower-case letter (a BMP code unit). */
function isLowerLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  const ch = text[i] ?? '';
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Words joining the last name of a firm ("A, B and C", "A y Hijos"); "&" is checked apart. */
const FIRM_JOIN: ReadonlySet<string> = new Set(['and', 'und', 'et', 'y', 'e']);

/** Whether a comma, "&" or a joining word ({@link FIRM_JOIN}) is next to the span, or inside it. */
function nearJoin(text: string, s: TaggedSpan): boolean {
  let a = s.end;
  while (a < text.length && a < s.end + 3 && (text[a] === ' ' || text[a] === '\t')) a++;
  const after = text[a];
  if (after === ',' || after === '&') return true;
  let b = s.start;
  while (b > 0 && b > s.start - 3 && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
  const before = text[b - 1];
  if (before === ',' || before === '&') return true;
  const next = /^\p{L}+/u.exec(text.slice(a, a + 4));
  if (a > s.end && next !== null && FIRM_JOIN.has(next[0].toLowerCase())) return true;
  const prev = /\p{L}+$/u.exec(text.slice(Math.max(0, b - 4), b));
  if (b < s.start && prev !== null && FIRM_JOIN.has(prev[0].toLowerCase())) return true;
  return s.end - s.start < 200 && /,|&|\s(?:and|y|e|et|und)\s/u.test(text.slice(s.start, s.end));
}

/** Extends a place name over its particles ("Villafranca" + " del Cid"). */
function extendPlace(text: string, s: TaggedSpan): TaggedSpan {
  let end = s.end;
  for (let k = 0; k < 3; k++) {
    PLACE_PARTICLE.lastIndex = end;
    const m = PLACE_PARTICLE.exec(text);
    if (m === null) break;
    end = m.index + m[0].length;
  }
  return end === s.end ? s : { ...s, end };
}

/**
 * Finds firm names of surnames ("A, B and C", "A, B & C", "A & B", "A and Sons") around the
 * tagger's PERSON/ORGANIZATION spans; returns them as ORGANIZATION spans.
 */
function firmNames(text: string, spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let after = 0;
  for (const s of spans) {
    if ((s.type !== 'PERSON' && s.type !== 'ORGANIZATION') || s.start < after || !nearJoin(text, s)) continue;
    // The window: the text around the span, bounded, never before the last firm found.
    const lo = Math.max(after, s.start - 80);
    const hi = Math.min(text.length, s.end + 80);
    const firm = findFirm(text, lo, hi, s.start, s.end);
    if (firm !== undefined) {
      out.push({ type: 'ORGANIZATION', start: firm[0], end: firm[1], score: s.score });
      after = firm[1];
    }
  }
  return out;
}

/** A firm of surnames in `text[lo, hi)` that covers `[start, end)`, as [start, end], or undefined. */
function findFirm(text: string, lo: number, hi: number, start: number, end: number): [number, number] | undefined {
  // Comma list of capitalised words, then "and"/"&" and a last capitalised word. Run on the
  // window only, so a text with many names costs a bounded amount per name.
  const win = text.slice(lo, hi);
  const re = /(\p{Lu}[\p{L}\p{M}'’-]*)((?:,[ \t]*\p{Lu}[\p{L}\p{M}'’-]*){0,3}),?[ \t]+(?:and|&|und|et|y|e)[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*\.?)/gu;
  for (;;) {
    const m = re.exec(win);
    if (m === null) return undefined;
    const mStart = lo + m.index;
    const mEnd = mStart + m[0].length;
    // Retry from the next name of this match (lists may hold a firm after a first item).
    re.lastIndex = m.index + (m[1]?.length ?? 1);
    if (mEnd <= start || mStart >= end) continue;
    const first = m[1] ?? '';
    const middle = (m[2] ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
    let lastRaw = m[3] ?? '';
    // A possessive belongs to the sentence, not to the name.
    const possessive = /['’]s$/u.test(lastRaw) ? 2 : 0;
    lastRaw = lastRaw.slice(0, lastRaw.length - possessive);
    const last = lastRaw.replace(/\.$/, '');
    const names = [first, ...middle];
    const tailIsFirm = FIRM_TAIL.test(last);
    // "A and Sons" needs the firm word; otherwise a list of at least two names joined by a comma
    // ("A, B and C") or by "&" ("A & B").
    const amp = /[ \t]&[ \t]/.test(m[0]);
    if (!tailIsFirm && middle.length === 0 && !amp) continue;
    const all = tailIsFirm ? names : [...names, last];
    // Given names make a list of people, except before a firm word ("Thomas and Sons").
    if (!all.every((w) => CAP_WORD.test(w) && (tailIsFirm || !FIRST_NAMES.has(w.toLowerCase())))) continue;
    // Not the tail of a longer capitalised name ("Mr Smith, Jones and Brown" is a list of people),
    // not a list announced by a colon ("our founders: Smith, Jones and Brown"), and not a list
    // whose last item is a firm of its own ("Ranku, Biovia and Miller Ltd.").
    const before = /(\p{L}+|:)[ \t]*$/u.exec(text.slice(Math.max(0, mStart - 30), mStart));
    if (before !== null && (before[1] === ':' || /^\p{Lu}/u.test(before[1] ?? ''))) continue;
    const next = /^[ \t]+([\p{L}.]+)/u.exec(text.slice(mEnd - possessive, mEnd - possessive + 30));
    if (!tailIsFirm && next !== null && ORG_SUFFIXES.has((next[1] ?? '').replace(/\.$/, '').toLowerCase())) continue;
    // A full stop after the last word ends the sentence, unless it abbreviates ("& Co.", "Bros.").
    const abbreviation = /^(?:co|bros)$/iu.test(last);
    return [mStart, mEnd - possessive - (lastRaw.endsWith('.') && !abbreviation ? 1 : 0)];
  }
}

/** "(the) corner of", "esquina de/con", "angle de": an intersection names one place. */
const CORNER = /(?:\b(?:the|la|a)[ \t]+)?(?:\bcorner[ \t]+of|\besquina[ \t]+(?:de|con|com)|\bl['’]angle[ \t]+de)[ \t]+/giu;
/**
 * Lower-cased tokens (as the tagger's tokenizer cuts them) without which {@link CORNER} cannot
 * match: the tagger reports whether a text holds one, so most texts skip the search.
 */
export const INTERSECTION_CUE_WORDS: ReadonlySet<string> = new Set(['corner', 'esquina', "l'angle", 'l’angle']);

/** Prefilter of {@link CORNER} when the caller does not know whether a cue word is present. */
const CORNER_CUE = /orner of|ORNER OF|squina|SQUINA|angle de|ANGLE DE/;
/** The word joining the two streets. */
const JOIN = new Set(['and', '&', 'y', 'con', 'com', 'e', 'et']);
/** Words after which an intersection's second street has ended. */
const STREET_END = new Set([...TRAILING_STOP, ...ADDRESS_BREAK]);

/**
 * Intersections ("the corner of Via Nuova del Campo 85 and Baranyay Mill") as STREET_ADDRESS
 * spans, from the cue to the end of the second street. Both streets must look like names (start
 * with a capital or a number) or one of them hold a number: "the corner of my eye and …" is none.
 */
function intersections(text: string, cue: boolean | undefined): TaggedSpan[] {
  // A cheap test first: the tagger's word lookup, or a case-sensitive expression without Unicode
  // classes (several times faster than {@link CORNER} over the whole text).
  if (cue === false || (cue === undefined && !CORNER_CUE.test(text))) return [];
  const out: TaggedSpan[] = [];
  CORNER.lastIndex = 0;
  for (;;) {
    const m = CORNER.exec(text);
    if (m === null) break;
    const from = m.index + m[0].length;
    // Both streets lie on the cue's line, within a bounded window.
    const lineEnd = text.slice(from, from + 160).indexOf('\n');
    const ws = words(text, from, lineEnd < 0 ? Math.min(text.length, from + 160) : from + lineEnd);
    const j = ws.findIndex((x, k) => k > 0 && k <= 6 && JOIN.has(x.w.toLowerCase()));
    if (j < 0) continue;
    const a = ws.slice(0, j);
    let end = j + 1;
    // The second street: up to five words, ending at punctuation or a word of the sentence.
    while (end < ws.length && end - j - 1 < 5) {
      const x = ws[end];
      const prev = ws[end - 1];
      if (x === undefined || prev === undefined) break;
      if (STREET_END.has(x.w.toLowerCase())) break;
      // A separator (",", ";", "?") between the words ends the street.
      if (end > j + 1 && /[^\s]/u.test(text.slice(prev.e, x.s))) break;
      end++;
      if (/[.?!]$/u.test(x.w) && !STREET_WORDS.has(bare(x.w))) break;
    }
    const b = ws.slice(j + 1, end);
    const first = a[0];
    const second = b[0];
    const last = b[b.length - 1];
    if (first === undefined || second === undefined || last === undefined) continue;
    const named = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);
    const numbered = [...a, ...b].some((x) => HAS_DIGIT.test(x.w));
    if (!((named(first.w) && named(second.w)) || numbered)) continue;
    let stop = last.e;
    // Sentence punctuation goes; a full stop stays after an abbreviated street word ("Str.").
    while (stop > last.s && /[,;:?!]/u.test(text[stop - 1] ?? '')) stop--;
    if (text[stop - 1] === '.' && !STREET_WORDS.has(bare(text.slice(last.s, stop)))) stop--;
    out.push({ type: 'STREET_ADDRESS', start: m.index, end: stop, score: 0.8 });
    CORNER.lastIndex = stop;
  }
  return out;
}

/**
 * Particles of family names (Dutch, German, French, Spanish, Portuguese, Italian, Arabic),
 * longest first: "Maika van de Noort", "Willemine ten Pas", "Ahmad bin Said".
 */
const NAME_PARTICLE =
  /[ \t]+(?:van[ \t]+(?:de|der|den|het)|von[ \t]+(?:der|dem|und[ \t]+zu)|de[ \t]+(?:la|las|los)|van|von|vom|zu|ten|ter|te|de|del|della|di|da|das|do|dos|du|des|le|la|bin|ibn|bint|al|el|ap|af)[ \t]+(\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*)/uy;

/** A middle initial and the family name after it: " m. jørgensen", " T. Holzman". */
const INITIAL_THEN_NAME = /[ \t]+\p{L}\.?[ \t]+(\p{L}[\p{L}\p{M}]+(?:['’-]\p{L}[\p{L}\p{M}]*)*)/uy;
/** The span ends in an initial; the family name follows: "eric g" + ". samoylova". */
const NAME_AFTER_INITIAL = /\.?[ \t]+(\p{L}[\p{L}\p{M}]+(?:['’-]\p{L}[\p{L}\p{M}]*)*)/uy;

/** Extends a person's name over family-name particles and over "initial + family name". */
function extendPerson(text: string, s: TaggedSpan): TaggedSpan {
  let end = s.end;
  // Ends in a lone initial ("eric g")?
  const initialAtEnd = end - s.start >= 3 && /[ \t]\p{L}$/u.test(text.slice(end - 2, end));
  for (const re of initialAtEnd ? [NAME_AFTER_INITIAL] : [INITIAL_THEN_NAME, NAME_PARTICLE]) {
    re.lastIndex = end;
    const m = re.exec(text);
    const w = m?.[1];
    if (m === null || w === undefined) continue;
    const lw = w.toLowerCase();
    // The name must not be a word of the sentence ("Anna g. and", "Tom I. was").
    if (TRAILING_STOP.has(lw) || ADDRESS_BREAK.has(lw)) continue;
    // A lower-case family name only after a lower-case name ("eric g. samoylova"), so that
    // "Anna T. said" is not read as a name; a particle needs a capitalised name.
    if (re !== NAME_PARTICLE && /^\p{Ll}/u.test(w) && !/^\p{Ll}/u.test(text.slice(s.start, s.start + 1))) continue;
    // A possessive belongs to the sentence.
    end = m.index + m[0].length - (/['’]s$/u.test(w) ? 2 : 0);
    break;
  }
  return end === s.end ? s : { ...s, end };
}

/** The capitalised word right after a span, on its line: " Consulting", " GmbH". */
const NEXT_WORD = /[ \t]+(\p{Lu}[\p{L}\p{M}.&]*)/uy;

/** A legal form or firm word written as one ("Inc", "GmbH", "Consulting", "AS"; not "as"). */
function orgSuffix(w: string): boolean {
  const b = w.replace(/\.$/, '');
  if (!ORG_SUFFIXES.has(b.toLowerCase())) return false;
  return b.length >= 3 ? /^\p{Lu}/u.test(b) : b === b.toUpperCase();
}

/**
 * A name or place followed by, or ending in, a legal form or firm word is an organisation:
 * "Nera Economic" + " Consulting", "Abt Associates", "Kroll Bond Ratings" + " Agency".
 */
function firmBySuffix(text: string, s: TaggedSpan): TaggedSpan {
  NEXT_WORD.lastIndex = s.end;
  const m = NEXT_WORD.exec(text);
  const next = m?.[1];
  if (m !== null && next !== undefined && orgSuffix(next)) {
    // Keep an abbreviation's full stop ("Inc."), not a sentence's.
    const end = m.index + m[0].length - (next.endsWith('.') && next.length > 4 ? 1 : 0);
    return { ...s, type: 'ORGANIZATION', end };
  }
  const last = /[ \t](\p{Lu}[\p{L}\p{M}.&]*)$/u.exec(text.slice(Math.max(s.start, s.end - 40), s.end));
  if (last?.[1] !== undefined && orgSuffix(last[1])) return { ...s, type: 'ORGANIZATION' };
  return s;
}

/**
 * Postal-code shapes of many countries, tried in this order: US ZIP+4 and Brazilian CEP
 * (12345-6789, 12345-678), five digits (US, DE, FR, ES, IT, FI, MX …), Japanese (123-4567),
 * Swedish/Czech/Greek (123 45), Polish (12-345), Dutch (1234 AB), four digits (AT, CH, DK, NO,
 * BE, AU, ZA, HU …), six digits (IN, RU, CN, SG), Canadian (M5V 2T6) and British (SW1A 1AA).
 * Three-digit codes (IS, FO) are left out: too many other numbers have that shape.
 */
const POSTCODE_AFTER_PLACE = new RegExp(
  '(,?[ \\t]+(?:\\p{Lu}{2,3}[ \\t]+)?)' +
    '(\\d{5}-\\d{3,4}|\\d{5}|\\d{3}-\\d{4}|\\d{3}[ ]\\d{2}|\\d{2}-\\d{3}|\\d{4}[ ]?\\p{Lu}{2}|\\d{4}|\\d{6}|' +
    '\\p{Lu}\\d\\p{Lu}[ ]?\\d\\p{Lu}\\d|\\p{Lu}{1,2}\\d[\\p{Lu}\\d]?[ ]?\\d\\p{Lu}{2})' +
    '(?![\\p{L}\\p{N}]|[.,:/-]\\d)',
  'uy',
);
/** Words after a number that make it a quantity, not a postal code ("Berlin 1500 km", "Oslo 2000 people"). */
const QUANTITY_AFTER =
  /^[ \t]*(?:%|‰|°|km|mi|miles?|m|ft|feet|meters?|metres?|people|persons?|residents|inhabitants|citizens|visitors|students|employees|votes|times|euros?|dollars?|pounds|usd|eur|kr|nok|sek|dkk|chf)(?![\p{L}])/iu;

/**
 * Postal codes right after a LOCATION span (see the file note): returned as ZIP_CODE spans. A
 * four-digit number that reads as a recent year ("Paris 2024", "London 1948") is left alone, as
 * are quantities and numbers that already belong to another span.
 */
function postcodesAfterPlaces(text: string, spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s === undefined || s.type !== 'LOCATION') continue;
    // A bounded window: the longest match is ", NSW 12345-6789" plus the look-ahead.
    POSTCODE_AFTER_PLACE.lastIndex = 0;
    const m = POSTCODE_AFTER_PLACE.exec(text.slice(s.end, s.end + 32));
    const code = m?.[2];
    if (m === null || code === undefined) continue;
    const start = s.end + (m[1]?.length ?? 0);
    const end = start + code.length;
    const next = spans[k + 1];
    if (next !== undefined && next.start < end) continue;
    if (/^\d{4}$/.test(code) && Number(code) >= 1800 && Number(code) <= 2099) continue;
    if (/^\d/.test(code) && QUANTITY_AFTER.test(text.slice(end, end + 16))) continue;
    out.push({ type: 'ZIP_CODE', start, end, score: s.score });
  }
  return out;
}

/**
 * "X is a design agency", "X is an American multinational", "X est une société", "X ist ein
 * Unternehmen", "X es una empresa", "X is the brainchild of …": what a copula calls a firm is one.
 * Sticky, run on a bounded window after the span; the words between the article and the firm
 * word are at most three, so the expression reads a bounded amount.
 */
const IS_A_FIRM = new RegExp(
  '[ \\t]+(?:is|was|has[ ]been|est|était|ist|war|es|era|è|é|is[ ]een|är|er)[ \\t]+' +
    '(?:(?:the[ \\t]+)?brainchild[ \\t]+of' +
    "|(?:an?|the|one[ ]of[ ]the|une?|eine?|una?|un['’]|uma?|een|ett?|en)[ \\t]*" +
    // Up to three describing words, none a function word ("a friend of the company" is a person).
    '(?:(?!(?:of|the|for|at|with|in|from|to|and|or|by|on|my|our|his|her|their|your|de|du|des|der|die|das|del|di|van|för|av|i)[ \\t])[\\p{L}-]+[ \\t]+){0,3}?' +
    '(?:company|companies|agency|firm|start-?up|corporation|multinational|conglomerate|bank|brand|manufacturer|retailer|' +
    'consultancy|non-?profit|charity|organi[sz]ation|business|enterprise|provider|platform|publisher|airline|' +
    'unternehmen|firma|agentur|konzern|bedrijf|onderneming|f[öo]retag|selskap|virksomhed|' +
    // Romance languages put the adjective after the noun: "une société française", "una empresa española".
    '(?:soci[ée]t[ée]|entreprise|agence|firme|empresa|compa[ñn][íi]a|agencia|azienda|societ[àa]|agenzia)(?:[ \\t]+\\p{Ll}[\\p{L}-]*)?)' +
    // The firm word ends the phrase ("a company director" is a person).
    '(?=[ \\t]*(?:$|[.,;:!?)"\'’]|(?:based|headquartered|founded|located|that|which|whose|in|from|with|and|for|of|specializing|specialising|since|basée?|mit|aus|im|en|con|di|da|à|a|met|som|med|i|på)(?![\\p{L}]))))',
  'iuy',
);

/** A PERSON or LOCATION that a copula then calls a firm is an organisation. */
function firmByCopula(text: string, s: TaggedSpan): TaggedSpan {
  IS_A_FIRM.lastIndex = 0;
  return IS_A_FIRM.test(text.slice(s.end, s.end + 96)) ? { ...s, type: 'ORGANIZATION' } : s;
}

/**
 * Phrases whose object is a place: "based in", "grew up in", "born in", "originally from",
 * "home city", "né à", "geboren in", "nacido en", "nato a" (bounded look-behind, end-anchored).
 */
const PLACE_BEFORE =
  /(?:^|[^\p{L}])(?:(?:based|headquartered|located|situated|born|raised|grew[ ]up|growing[ ]up|lives|living|lived|resides|residing|settled)[ \t]+(?:in|near)|(?:originally|hails)[ \t]+from|moved[ \t]+(?:here[ \t]+)?(?:to|from)|home[ \t]+(?:city|town|village)(?:[ \t]+of)?|n[ée]e?[ \t]+à|habite[ \t]+à|originaire[ \t]+de|geboren[ \t]+in|wohnt[ \t]+in|aus[ \t]+der[ \t]+stadt|nacid[oa][ \t]+en|vive[ \t]+en|natural[ \t]+de|nat[oa][ \t]+a|vive[ \t]+a|geboren[ \t]+te|woont[ \t]+in|född[ \t]+i|bor[ \t]+i)[ \t]*:?[ \t]+$/iu;

/** A PERSON right after a phrase whose object is a place is a LOCATION ("grew up in Pelhrimov"). */
function placeByContext(text: string, s: TaggedSpan): TaggedSpan {
  return PLACE_BEFORE.test(text.slice(Math.max(0, s.start - 32), s.start)) ? { ...s, type: 'LOCATION' } : s;
}

/**
 * Applies the boundary rules to tagger spans (offsets into `text`); result sorted and disjoint.
 * `intersectionCue`: whether `text` holds one of {@link INTERSECTION_CUE_WORDS} as a token, when
 * the caller knows (the tagger does); otherwise the text is searched.
 */
export function refineEntities(text: string, spans: readonly TaggedSpan[], intersectionCue?: boolean): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let s of spans) {
    if (s.type === 'STREET_ADDRESS') s = dropFullStop(text, cutContactLines(text, trimAddress(text, s)));
    s = trimTrailing(text, s);
    if (s.type === 'LOCATION') s = extendPlace(text, s);
    if (s.type === 'PERSON') s = placeByContext(text, s);
    if (s.type === 'PERSON' || s.type === 'LOCATION') s = firmByCopula(text, firmBySuffix(text, s));
    if (s.type === 'PERSON') s = extendPerson(text, s);
    if (s.end > s.start) out.push(s);
  }
  const firms = [...firmNames(text, out), ...intersections(text, intersectionCue)];
  const merged: TaggedSpan[] = [];
  for (const s of out) {
    // A span grown over its neighbours, a firm or an intersection replaces what it covers.
    if (firms.some((f) => f.start < s.end && s.start < f.end)) continue;
    const prev = merged[merged.length - 1];
    if (prev !== undefined && s.start < prev.end) continue;
    merged.push(s);
  }
  for (const f of firms) merged.push(f);
  merged.sort((a, b) => a.start - b.start);
  const codes = postcodesAfterPlaces(text, merged);
  if (codes.length === 0) return merged;
  return [...merged, ...codes].sort((a, b) => a.start - b.start);
}
