/**
 * Detectors for structured identifiers. Every pattern is an RE2 expression compiled once at
 * module load (linear-time matching, no catastrophic backtracking); every match is then checked
 * by a validator, so a pattern alone never produces a finding.
 */

import RE2 from 're2';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { Rank, allMatches, isDigitAt, isWordAt, matches, scanPattern, type Candidate } from './candidate.js';
import { locateMatches, type Match } from '../pattern-set.js';
import { STREET_WORDS } from './gazetteer.js';
import {
  creditCardValid,
  dateValid,
  deTaxIdValid,
  esDniValid,
  esNieValid,
  ibanLength,
  ibanValid,
  ipv4Valid,
  ipv6Valid,
  itFiscalCodeValid,
  passportMrzLineValid,
  ssnValid,
  ukNinoValid,
} from './validators.js';

type Emit = (c: Candidate) => void;

/** True when the text within `window` characters before `start` contains one of `words`. */
function contextBefore(text: string, start: number, re: RegExp, window = 48): boolean {
  const from = Math.max(0, start - window);
  re.lastIndex = 0;
  return re.test(text.slice(from, start));
}

// ---------------------------------------------------------------- e-mail

const EMAIL_SOURCE = '[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+';
export const EMAIL = new RE2(EMAIL_SOURCE, 'gu');
/**
 * The same in JavaScript, for short ASCII stretches (see {@link stretchMatches}). On ASCII text
 * the engines agree (leftmost match, first alternative and greediest quantifier that succeed;
 * `\p{L}` and `\p{N}` meet ASCII in letters and digits).
 */
const EMAIL_ASCII = new RegExp(EMAIL_SOURCE, 'gu');

/** An ASCII character of {@link EMAIL}'s classes, or "@". */
function emailCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 64 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

/**
 * Stretches up to this long are scanned in JavaScript, longer ones with RE2. Backtracking can
 * cost the square of a stretch's length (an attempt may read to its end, from every start), so
 * the cap bounds the steps per character of the text (1 MB of 63-character e-mail stretches:
 * ~0.1 s, against ~3 ms for RE2).
 */
const STRETCH_JS_MAX = 64;

/**
 * The matches of `re` in ASCII `text`, found only in the maximal stretches of characters for which
 * `inside` holds that contain `mark`: short ones with `js`, its JavaScript copy, others with RE2
 * (a call into RE2 costs microseconds however short its input: one pass over a fresh 4 KB prompt
 * ~10 µs). Exact when every character of every match satisfies `inside`, every match contains
 * `mark` and `re` has no assertion: each match then lies inside one such stretch, and scanning the
 * stretches in order, each from its start, finds what the scan of the whole text finds.
 */
function stretchMatches(text: string, mark: string, inside: (c: number) => boolean, re: RE2, js: RegExp): Match[] {
  const out: Match[] = [];
  let from = 0;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, from)) {
    let start = at;
    while (start > from && inside(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && inside(text.charCodeAt(end))) end++;
    const stretch = text.slice(start, end);
    if (stretch.length <= STRETCH_JS_MAX) {
      js.lastIndex = 0;
      for (let m = js.exec(stretch); m !== null; m = js.exec(stretch)) out.push({ index: start + m.index, value: m[0] });
    } else {
      for (const m of locateMatches(re, stretch)) out.push({ index: start + m.index, value: m.value });
    }
    from = end;
  }
  return out;
}

/** The matches of {@link EMAIL} in `text` (on ASCII text, by {@link stretchMatches} around "@"). */
export function emailMatches(text: string): Iterable<Match> {
  if (Buffer.byteLength(text) !== text.length) return allMatches(EMAIL, text);
  return stretchMatches(text, '@', emailCode, EMAIL, EMAIL_ASCII);
}

/** Addresses per RFC 5321 section 4.1.2 / 4.5.3.1 limits with the dot-atom local part. */
function detectEmail(text: string, emit: Emit): void {
  if (!text.includes('@')) return;
  for (const m of emailMatches(text)) {
    let start = m.index;
    let value = m.value;
    // Leading dots or dashes belong to the sentence, not the address.
    while (value.startsWith('.') || value.startsWith('-')) {
      value = value.slice(1);
      start++;
    }
    while (value.endsWith('.') || value.endsWith('-')) value = value.slice(0, -1);
    const at = value.indexOf('@');
    const local = value.slice(0, at);
    const domain = value.slice(at + 1);
    if (local === '' || local.length > 64 || domain.length > 253) continue;
    if (local.endsWith('.') || local.includes('..')) continue;
    const labels = domain.split('.');
    if (labels.length < 2 || labels.some((l) => l === '' || l.startsWith('-') || l.endsWith('-'))) continue;
    const tld = labels[labels.length - 1] ?? '';
    if (!/^(?:[a-z]{2,24}|xn--[a-z0-9-]{1,59}|\p{L}{2,24})$/iu.test(tld)) continue;
    emit({ type: 'EMAIL_ADDRESS', start, end: start + value.length, score: 1, rank: Rank.Checked });
  }
}

// ---------------------------------------------------------------- URL and domains

const URL_RE = scanPattern('(?:(?:https?|ftp|wss?)://|www\\.)[^\\s<>"\'`\\\\{}|^]+', 'gi');
const TLDS =
  'com|org|net|edu|gov|mil|int|info|biz|io|ai|app|dev|co|me|tv|us|uk|de|fr|it|es|nl|be|ch|at|se|no|dk|fi|pl|cz|sk|pt|ie|gr|hu|ro|ru|ua|jp|cn|in|au|nz|ca|br|mx|ar|cl|za|eu|xyz|online|site|tech|cloud';
const DOMAIN_SOURCE = `[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?){0,6}\\.(?:${TLDS})(?:/[^\\s<>"'\`]*)?`;
export const DOMAIN = new RE2(DOMAIN_SOURCE, 'g');
/** The same in JavaScript for {@link stretchMatches}: RE2's `\s` spelled out (JavaScript's takes \v too). */
const DOMAIN_ASCII = new RegExp(DOMAIN_SOURCE.replace('[^\\s', '[^\\t\\n\\f\\r '), 'g');

/** An ASCII character a {@link DOMAIN} match may hold: anything but RE2's spaces and <>"'`. */
function domainCode(c: number): boolean {
  return c !== 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 60 && c !== 62 && c !== 34 && c !== 39 && c !== 96;
}

/** The matches of {@link DOMAIN} in `text` (on ASCII text, by {@link stretchMatches} around "."). */
export function domainMatches(text: string): Iterable<Match> {
  if (Buffer.byteLength(text) !== text.length) return allMatches(DOMAIN, text);
  return stretchMatches(text, '.', domainCode, DOMAIN, DOMAIN_ASCII);
}
const TRAILING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ']', ')', '}', '>']);

function trimUrl(value: string): string {
  let cut = value.length;
  while (cut > 0 && TRAILING_PUNCT.has(value[cut - 1] ?? '')) cut--;
  let v = value.slice(0, cut);
  // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
  const opens = v.includes('(') ? 1 : 0;
  if (opens > 0 && value.length > v.length && value[v.length] === ')') v = value.slice(0, v.length + 1);
  return v;
}

function detectUrl(text: string, emit: Emit): void {
  for (const m of allMatches(URL_RE, text)) {
    if (isWordAt(text, m.index - 1)) continue;
    const value = trimUrl(m.value);
    const href = /^www\./i.test(value) ? `http://${value}` : value;
    let host = '';
    try {
      host = new URL(href).hostname;
    } catch {
      continue;
    }
    if (host === '' || !(host.includes('.') || host === 'localhost' || host.startsWith('['))) continue;
    emit({ type: 'URL', start: m.index, end: m.index + value.length, score: 0.95, rank: Rank.Checked });
  }
  for (const m of domainMatches(text)) {
    const before = text[m.index - 1] ?? ' ';
    // Part of an e-mail address, a longer dotted token or a URL already found above.
    if (before === '@' || before === '.' || before === '/' || before === '-' || isWordAt(text, m.index - 1)) continue;
    const value = trimUrl(m.value);
    const after = text[m.index + value.length] ?? ' ';
    if (after === '@' || isWordAt(text, m.index + value.length)) continue;
    // File names such as "report.pdf" are excluded by the TLD list; version strings by digits.
    if (/^[\d.]+$/.test(value.split('/')[0] ?? '')) continue;
    emit({ type: 'URL', start: m.index, end: m.index + value.length, score: 0.6, rank: Rank.Format });
  }
}

// ---------------------------------------------------------------- IP addresses

const IPV4 = scanPattern('\\d{1,3}(?:\\.\\d{1,3}){3}', 'g');
export const IPV6 = new RE2('[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?:\\.\\d{1,3}){3})?(?:%[0-9A-Za-z]{1,16})?', 'g');

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Whether `text` holds ":", up to four hex digits, ":" — a part of every {@link IPV6} match. */
export function hasColonPair(text: string): boolean {
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    for (let k = i + 1; k <= i + 5 && k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 58) return true;
      if (!isHexCode(c)) break;
    }
  }
  return false;
}

function detectIp(text: string, emit: Emit): void {
  for (const m of allMatches(IPV4, text)) {
    const end = m.index + m.value.length;
    if (isWordAt(text, m.index - 1) || isWordAt(text, end)) continue;
    if (text[m.index - 1] === '.' || (text[end] === '.' && isDigitAt(text, end + 1))) continue;
    if (!ipv4Valid(m.value)) continue;
    emit({ type: 'IP_ADDRESS', start: m.index, end, score: 0.95, rank: Rank.Checked });
  }
  // Every match holds two colons with at most four hex digits between them; most texts have none.
  if (!hasColonPair(text)) return;
  for (const m of allMatches(IPV6, text)) {
    const value = m.value;
    const end = m.index + value.length;
    if (isWordAt(text, m.index - 1) || isWordAt(text, end)) continue;
    const addr = value.split('%')[0] ?? '';
    const groups = addr.split(':').filter((g) => g !== '');
    // "::1" and clock times like "12:30:45" are valid-looking but too ambiguous in prose.
    if (groups.length < 3 && !(addr.includes('::') && groups.length >= 2)) continue;
    if (/^\d{1,2}:\d{2}(?::\d{2})?$/.test(addr)) continue;
    if (!ipv6Valid(addr)) continue;
    emit({ type: 'IP_ADDRESS', start: m.index, end, score: 0.95, rank: Rank.Checked });
  }
}

// ---------------------------------------------------------------- payment cards

/**
 * 12 to 19 digits with single spaces or dashes between them. A JavaScript expression rather than
 * RE2: it is linear by construction (a separator must be followed by a digit and a digit can only
 * be the `\d`, so a start has one way to match and gives up after at most 37 steps), and a
 * JavaScript match costs no call into native code, which a per-character walk or an RE2 exec did.
 * The property test in structured.test.ts checks it against RE2 with the same expression.
 */
const CARD_RUN = /\d(?:[ -]?\d){11,18}/g;

/** The leftmost match at or after `from` of {@link CARD_RUN} as [start, end]. */
export function nextDigitRun(text: string, from: number): [number, number] | undefined {
  CARD_RUN.lastIndex = from;
  const m = CARD_RUN.exec(text);
  return m === null ? undefined : [m.index, m.index + m[0].length];
}

function detectCreditCard(text: string, emit: Emit): void {
  let from = 0;
  for (let run = nextDigitRun(text, 0); run !== undefined; run = nextDigitRun(text, from)) {
    const [index] = run;
    from = run[1];
    if (isWordAt(text, index - 1)) continue;
    const raw = text.slice(index, run[1]);
    // Try the longest digit prefix that ends at a separator or at the end of the match, so
    // "4111 1111 1111 1111 2024" still yields the card and not a 20-digit failure.
    const ends: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i] ?? '';
      if (c >= '0' && c <= '9') {
        const nxt = raw[i + 1];
        if (nxt === undefined || nxt === ' ' || nxt === '-') ends.push(i + 1);
      }
    }
    for (let k = ends.length - 1; k >= 0; k--) {
      const cut = ends[k] ?? 0;
      const end = index + cut;
      if (isWordAt(text, end)) continue;
      const d = raw.slice(0, cut).replace(/[ -]/g, '');
      if (d.length < 12) break;
      if (creditCardValid(d)) {
        emit({ type: 'CREDIT_CARD', start: index, end, score: 1, rank: Rank.Checked });
        // Resume right after the card: a second number may follow after a separator.
        from = end;
        break;
      }
    }
  }
}

// ---------------------------------------------------------------- IBAN

const IBAN = scanPattern('[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){10,32}', 'g');

function detectIban(text: string, emit: Emit): void {
  for (const m of matches(IBAN, text)) {
    if (isWordAt(text, m.index - 1)) continue;
    const raw = m[0];
    const len = ibanLength(raw.slice(0, 2));
    if (len === undefined) continue;
    // Consume exactly the registered number of characters; trailing words are not part of it.
    let n = 0;
    let i = 0;
    for (; i < raw.length && n < len; i++) if (raw[i] !== ' ') n++;
    if (n !== len) continue;
    const end = m.index + i;
    if (isWordAt(text, end)) continue;
    const compact = raw.slice(0, i).replace(/ /g, '');
    const mixedCase = compact !== compact.toUpperCase() && compact !== compact.toLowerCase();
    if (mixedCase || !ibanValid(compact)) continue;
    emit({ type: 'IBAN_CODE', start: m.index, end, score: 1, rank: Rank.Checked });
    // The greedy pattern may have swallowed the start of a following IBAN; rescan from here.
    IBAN.lastIndex = end;
  }
}

// ---------------------------------------------------------------- US SSN

const SSN = scanPattern('\\d{3}-\\d{2}-\\d{4}|\\d{3} \\d{2} \\d{4}|\\d{3}\\.\\d{2}\\.\\d{4}|\\d{9}', 'g');
const SSN_CONTEXT = new RE2('(?i)\\b(?:ssn|ss#|social security|social sec|sozialversicherungs)', 'g');

function detectSsn(text: string, emit: Emit): void {
  for (const m of allMatches(SSN, text)) {
    const end = m.index + m.value.length;
    if (isWordAt(text, m.index - 1) || isWordAt(text, end)) continue;
    if (text[m.index - 1] === '-' || (text[end] === '-' && isDigitAt(text, end + 1))) continue;
    if (!ssnValid(m.value.replace(/[ .-]/g, ''))) continue;
    const bare = m.value.length === 9;
    const ctx = contextBefore(text, m.index, SSN_CONTEXT, 64);
    if (bare && !ctx) continue;
    emit({
      type: 'US_SSN',
      start: m.index,
      end,
      score: ctx ? 1 : 0.85,
      rank: bare ? Rank.Validated : Rank.Checked,
    });
  }
}

// ---------------------------------------------------------------- phone numbers

const PHONE_SOURCE = '(?:\\+|\\b00)?\\(?\\d[\\d \\-.()/]{4,24}\\d(?: ?(?:x|ext\\.?|extension|#) ?\\d{1,6})?';
export const PHONE = new RE2(PHONE_SOURCE, 'gi');
/**
 * The same expression in JavaScript, run instead on ASCII text (one RE2 pass over a fresh 4 KB
 * prompt costs ~10 µs). On ASCII text the two agree: both take the leftmost match and, there,
 * the first alternative and greediest quantifier that succeed; `\d` is [0-9] and `\b` the ASCII
 * word boundary in both, and case folding among ASCII characters is the same. Backtracking is
 * bounded: every quantifier is bounded (`?`, {4,24}, {1,6}), so an attempt at one position tries
 * at most a few hundred ways to match at most 48 characters: time linear in the text.
 */
export const PHONE_ASCII = new RegExp(PHONE_SOURCE, 'gi');
/**
 * A plain alternation of words, only ever run on slices of at most 40 characters: linear however
 * it is matched, so a JavaScript expression (no call into RE2, no copy of the slice) is safe here.
 * `iu` folds case as RE2's `(?i)` does (Unicode simple case folding).
 */
const PHONE_CONTEXT =
  /(?:phone|tel|mobile|cell|call|fax|contact|number|whatsapp|sms|telefon|téléphone|teléfono|telefono|handy|portable|móvil|cellulare|номер|電話)/giu;
/** Regions tried for national-format numbers, most populous markets of our users first. */
const REGIONS: readonly CountryCode[] = [
  'US', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'PL', 'CZ',
  'PT', 'IE', 'AU', 'NZ', 'IN', 'BR', 'MX', 'ZA', 'JP', 'SG', 'HU', 'GR', 'SI', 'EE', 'IS', 'CY',
  'UY', 'TN', 'GL',
];
/** Beyond this many metadata checks in one text, plausible candidates are kept unverified (fail closed). */
const PHONE_BUDGET = 4000;

/**
 * Metadata verdicts across texts (conversations resend their history): the score a candidate
 * got and how many metadata checks it took, so a text's budget is charged exactly as if the
 * checks had run again. Bounded; emptied when full.
 */
const PHONE_MEMO = new Map<string, { readonly score: number; readonly cost: number }>();
const PHONE_MEMO_MAX = 4096;

function phoneVerdict(raw: string, international: boolean): { readonly score: number; readonly cost: number } {
  const known = PHONE_MEMO.get(raw);
  if (known !== undefined) return known;
  let score = 0;
  let cost = 0;
  if (international) {
    cost++;
    const p = parsePhoneNumberFromString(raw.replace(/^00/, '+'), { extract: false });
    // With an explicit country code, a number of possible length is strong evidence even
    // when the range is unallocated (fiction and test ranges are still phone numbers).
    if (p?.isValid() === true) score = 0.95;
    else if (p?.isPossible() === true) score = 0.7;
  } else {
    for (const region of REGIONS) {
      cost++;
      const p = parsePhoneNumberFromString(raw, { defaultCountry: region, extract: false });
      if (p?.isValid() === true) {
        score = region === 'US' ? 0.85 : 0.75;
        break;
      }
    }
  }
  const verdict = { score, cost };
  if (PHONE_MEMO.size >= PHONE_MEMO_MAX) PHONE_MEMO.clear();
  PHONE_MEMO.set(raw, verdict);
  return verdict;
}

/**
 * The one assertion of {@link PHONE} is the \b of "\b00": an occurrence of a matched "00…"
 * string right after a word character may not be where a match starts (see allMatches).
 */
export const phoneDoubtful =
  (text: string) =>
  (value: string, index: number): boolean =>
    value.startsWith('00') && isWordAt(text, index - 1);

function phoneShapeOk(raw: string): { digits: number; international: boolean } | undefined {
  const core = raw.replace(/ ?(?:x|ext\.?|extension|#) ?\d{1,6}$/i, '');
  const digits = core.replace(/\D/g, '');
  const international = core.startsWith('+') || core.startsWith('00');
  if (digits.length < 7 || digits.length > 15) return undefined;
  // Runs of one separator kind only in blocks, no two separators in a row (except ") ").
  if (/[-./]{2,}|\s{2,}/.test(core)) return undefined;
  const opens = (core.match(/\(/g) ?? []).length;
  const closes = (core.match(/\)/g) ?? []).length;
  if (opens !== closes || opens > 1) return undefined;
  return { digits: digits.length, international };
}

/** The matches of {@link PHONE} in `text`, by {@link PHONE_ASCII} when the text is ASCII. */
function phoneMatches(text: string): Iterable<Match> {
  if (Buffer.byteLength(text) !== text.length) return allMatches(PHONE, text, phoneDoubtful(text));
  const out: Match[] = [];
  PHONE_ASCII.lastIndex = 0;
  for (let m = PHONE_ASCII.exec(text); m !== null; m = PHONE_ASCII.exec(text)) out.push({ index: m.index, value: m[0] });
  return out;
}

function detectPhone(text: string, emit: Emit): void {
  let budget = PHONE_BUDGET;
  const cache = new Map<string, number>();
  for (const m of phoneMatches(text)) {
    let raw = m.value;
    let start = m.index;
    // A dangling "(" at the end or ")" at the start comes from the sentence.
    while (raw.endsWith('(') || raw.endsWith(' ') || raw.endsWith('-') || raw.endsWith('.')) raw = raw.slice(0, -1);
    if (raw.startsWith(')')) {
      raw = raw.slice(1);
      start++;
    }
    if (raw.endsWith(')') && !raw.includes('(')) raw = raw.slice(0, -1);
    const end = start + raw.length;
    if (isWordAt(text, start - 1) || isWordAt(text, end) || text[start - 1] === '+') continue;
    if (text[start - 1] === '-' || text[start - 1] === '.' || text[start - 1] === '/') continue;
    if ((text[end] === '-' || text[end] === '.' || text[end] === '/') && isDigitAt(text, end + 1)) continue;
    const shape = phoneShapeOk(raw);
    if (shape === undefined) continue;
    const separated = /[ \-.()]/.test(raw);
    const ctx = contextBefore(text, start, PHONE_CONTEXT, 40);
    // Bare digit runs are order numbers and amounts far more often than phones.
    if (!shape.international && !separated && !ctx && shape.digits !== 10) continue;
    // "17151 2450 Crown St": two digit groups are house numbers and postcodes as often as
    // phones, so they need a phone word nearby.
    const groups = raw.split(/[ \-.()/]+/).filter((g) => g !== '').length;
    if (!shape.international && !ctx && groups === 2 && shape.digits <= 9 && !raw.startsWith('(')) {
      PHONE_CONTEXT.lastIndex = 0;
      if (!PHONE_CONTEXT.test(text.slice(end, end + 12))) continue;
    }
    let score = cache.get(raw);
    if (score === undefined) {
      score = 0;
      if (budget <= 0) {
        score = 0.4;
      } else {
        // The region loop never looks at the budget, so a remembered verdict is what a fresh
        // run would give; it is charged its full cost.
        const v = phoneVerdict(raw, shape.international);
        budget -= v.cost;
        score = v.score;
      }
      cache.set(raw, score);
    }
    if (score === 0) continue;
    if (ctx) score = Math.min(1, score + 0.1);
    emit({ type: 'PHONE_NUMBER', start, end, score, rank: Rank.Validated });
  }
}

// ---------------------------------------------------------------- dates and times

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|' +
  'januar|februar|märz|maerz|juni|juli|oktober|dezember|' +
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|' +
  'januari|februari|maart|augustus|oktober|' +
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro';
const WEEKDAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|' +
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|' +
  'lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|' +
  'lunedì|martedì|mercoledì|giovedì|venerdì|sabato|' +
  'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|' +
  'segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira';
const ORD = '(?:st|nd|rd|th|er|e|º|°)?';
const DATE_RES: readonly { re: RE2; kind: 'iso' | 'numeric' | 'ymd' | 'text' | 'weekday' | 'time' }[] = [
  {
    re: scanPattern('\\d{4}-\\d{2}-\\d{2}(?:(?:T| )\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?', 'g'),
    kind: 'iso',
  },
  { re: scanPattern('\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})', 'g'), kind: 'numeric' },
  { re: scanPattern('\\d{4}[/.]\\d{1,2}[/.]\\d{1,2}', 'g'), kind: 'ymd' },
  {
    re: scanPattern(
      `(?i)(?:(?:${WEEKDAYS}),? )?(?:(?:\\d{1,2}${ORD}\\.? (?:of |de )?(?:${MONTHS})\\.?(?:,? \\d{4})?)|(?:(?:${MONTHS})\\.? \\d{1,2}${ORD}(?:,? \\d{4})?)|(?:(?:${MONTHS})\\.?,? \\d{4}))`,
      'g',
    ),
    kind: 'text',
  },
  { re: scanPattern(`(?i)(?:${WEEKDAYS})`, 'g'), kind: 'weekday' },
  {
    re: scanPattern('(?i)(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?(?: ?[ap]\\.?m\\.?)?|(?:1[0-2]|0?[1-9]) ?[ap]\\.?m\\.?', 'g'),
    kind: 'time',
  },
];
const YEAR = scanPattern('(?:1[89]\\d\\d|20\\d\\d)(?:s)?', 'g');
const YEAR_CONTEXT = new RE2(
  '(?i)\\b(?:a|an|the|in|since|during|from|until|till|by|of|year|born|circa|c\\.|early|late|mid|before|after|around|between|and|to|im|seit|jahr|en|depuis|année|desde|año|nel|dal|anno|em|de)\\s*$',
  'g',
);

function detectDates(text: string, emit: Emit): void {
  for (const { re, kind } of DATE_RES) {
    for (const m of allMatches(re, text)) {
      const start = m.index;
      const end = start + m.value.length;
      if (isWordAt(text, start - 1) || isWordAt(text, end)) continue;
      if (kind !== 'text' && kind !== 'weekday') {
        if (/[.\-/:]/.test(text[start - 1] ?? '') && isDigitAt(text, start - 2)) continue;
        if (/[.\-/:]/.test(text[end] ?? '') && isDigitAt(text, end + 1)) continue;
      }
      const v = m.value;
      let score = 0.9;
      let rank: Rank = Rank.Validated;
      if (kind === 'iso') {
        if (!dateValid(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)))) continue;
      } else if (kind === 'numeric') {
        const [a, b, c] = v.split(/[/.-]/).map(Number) as [number, number, number];
        const y = c < 100 ? (c < 50 ? 2000 + c : 1900 + c) : c;
        if (!dateValid(y, a, b) && !dateValid(y, b, a)) continue;
        // "1.2.3"-like versions are excluded by the 2- or 4-digit year; short years are weaker.
        if (c < 100) score = 0.6;
      } else if (kind === 'ymd') {
        const [y, mo, d] = v.split(/[/.]/).map(Number) as [number, number, number];
        if (!dateValid(y, mo, d)) continue;
      } else if (kind === 'weekday') {
        score = 0.8;
        rank = Rank.Format;
      } else if (kind === 'time') {
        // A bare "10:30" is a time; a ratio like "3:2" does not match the two-digit minutes.
        score = 0.7;
        rank = Rank.Format;
      }
      emit({ type: 'DATE_TIME', start, end, score, rank });
    }
  }
  for (const m of allMatches(YEAR, text)) {
    const start = m.index;
    const end = start + m.value.length;
    if (isWordAt(text, start - 1) || isWordAt(text, end)) continue;
    if (/[.\-/:,$€£]/.test(text[start - 1] ?? '') || (/[.\-/:,]/.test(text[end] ?? '') && isDigitAt(text, end + 1))) continue;
    // A bare four-digit number is a house number, an amount or a code as often as a year.
    if (!contextBefore(text, start, YEAR_CONTEXT, 16)) continue;
    // "to 1987 74 Diakou Street": another number, then a street name, make it the first number
    // of an address (a building or postal number), not a year ("in 1987 74 people", "seit 1999
    // 12 Mitarbeiter").
    if (startsStreetAddress(text, end)) continue;
    emit({ type: 'DATE_TIME', start, end, score: 0.75, rank: Rank.Format });
  }
}

/**
 * Whether `text` at `at` continues as an address: a number, then up to three words of which one
 * is a street word ("74 Diakou Street", "50 Point Walter Road", "12 rue de la Paix"). Bounded.
 */
function startsStreetAddress(text: string, at: number): boolean {
  const m = /^[ \t]+\d{1,5}[a-zA-Z]?((?:[ \t]+[\p{L}.'’-]+){1,4})/u.exec(text.slice(at, at + 60));
  if (m === null) return false;
  return (m[1] ?? '').trim().split(/[ \t]+/).some((w) => STREET_WORDS.has(w.replace(/\.$/, '').toLowerCase()));
}

// ---------------------------------------------------------------- national identifiers

const NINO = scanPattern('[A-Za-z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d]', 'g');
const ES_DNI = scanPattern('\\d{8}-?[A-Za-z]', 'g');
const ES_NIE = scanPattern('[XYZxyz]-?\\d{7}-?[A-Za-z]', 'g');
const IT_CF = scanPattern(
  '[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]',
  'g',
);
const DE_TAX = scanPattern('[1-9]\\d ?\\d{3} ?\\d{3} ?\\d{3}', 'g');
const DE_TAX_CONTEXT = new RE2(
  '(?i)(?:steuer|identifikationsnummer|idnr|id-nr|steuer-id|tin\\b|tax id|tax identification)',
  'g',
);
const MRZ2 = scanPattern('[A-Z0-9<]{9}\\d[A-Z<]{3}\\d{6}\\d[MFX<]\\d{6}\\d[A-Z0-9<]{14}[0-9<]\\d', 'g');

function detectNationalIds(text: string, emit: Emit): void {
  const run = (re: RE2, type: string, valid: (compact: string) => boolean, score = 1): void => {
    for (const m of allMatches(re, text)) {
      const end = m.index + m.value.length;
      if (isWordAt(text, m.index - 1) || isWordAt(text, end)) continue;
      if (!valid(m.value.replace(/[ -]/g, ''))) continue;
      emit({ type, start: m.index, end, score, rank: Rank.Checked });
    }
  };
  // Mixed-case codes are words, not identifiers (these formats are written in capitals).
  const upperOrLower = (f: (c: string) => boolean) => (c: string) =>
    (c === c.toUpperCase() || c === c.toLowerCase()) && f(c);
  run(NINO, 'UK_NINO', upperOrLower(ukNinoValid), 0.9);
  run(ES_DNI, 'ES_NIF', upperOrLower(esDniValid));
  run(ES_NIE, 'ES_NIE', upperOrLower(esNieValid));
  run(IT_CF, 'IT_FISCAL_CODE', upperOrLower(itFiscalCodeValid));
  run(MRZ2, 'PASSPORT', passportMrzLineValid);
  for (const m of allMatches(DE_TAX, text)) {
    const end = m.index + m.value.length;
    if (isWordAt(text, m.index - 1) || isWordAt(text, end)) continue;
    if (!deTaxIdValid(m.value.replace(/ /g, ''))) continue;
    if (!contextBefore(text, m.index, DE_TAX_CONTEXT, 48)) continue;
    emit({ type: 'DE_TAX_ID', start: m.index, end, score: 0.95, rank: Rank.Checked });
  }
}

/** Every structured-identifier detector, in a fixed order. */
export const STRUCTURED_DETECTORS: readonly { readonly types: readonly string[]; readonly run: (text: string, emit: Emit) => void }[] = [
  { types: ['EMAIL_ADDRESS'], run: detectEmail },
  { types: ['URL'], run: detectUrl },
  { types: ['IP_ADDRESS'], run: detectIp },
  { types: ['CREDIT_CARD'], run: detectCreditCard },
  { types: ['IBAN_CODE'], run: detectIban },
  { types: ['US_SSN'], run: detectSsn },
  { types: ['PHONE_NUMBER'], run: detectPhone },
  { types: ['DATE_TIME'], run: detectDates },
  { types: ['UK_NINO', 'ES_NIF', 'ES_NIE', 'IT_FISCAL_CODE', 'PASSPORT', 'DE_TAX_ID'], run: detectNationalIds },
];
