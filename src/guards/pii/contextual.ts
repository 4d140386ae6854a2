/**
 * Detectors for personal data that has no checkable structure and is recognised by the words
 * around it or by a closed word list: ages, honorific titles, nationalities/religious/political
 * groups (NRP), postal codes and driver's licence numbers. Each one is anchored to context, so a
 * bare number or a capitalised word alone never produces a finding. Patterns are RE2 (linear).
 */

import RE2 from 're2';
import { Rank, allMatches, isWordAt, matches, scanPattern, type Candidate } from './candidate.js';
import { DEMONYMS, FAITHS, JOB_ENDINGS, JOB_HEADS, POLITICAL } from './groups.js';

type Emit = (c: Candidate) => void;

// ---------------------------------------------------------------- age

// "42 years old", "42-year-old", "42 yrs old", "42 y/o", "42yo", and the same in a few languages
// ("42 Jahre alt", "42 jaar oud", "42 años de edad", "42 anni di età", "42 anos de idade").
const AGE_AFTER = scanPattern(
  "(?i)(\\d{1,3})(?:[ \\-]*(?:years?|yrs?|yo)[ \\-]*old|[ ]?(?:y/o|y\\.o\\.|yo)\\b|[ ]Jahre[ ]alt|[ ]jaar[ ]oud|[ ]años[ ]de[ ]edad|[ ]anni[ ]di[ ]età|[ ]anos[ ]de[ ]idade|[ ]ans[ ]et[ ]demi|-jährige)",
  'g',
);
// "aged 42", "age: 42", "at the age of 42", "I turned 42", "I'll turn 42", "j'ai 42 ans",
// "tengo 42 años", "ho 42 anni", "tenho 42 anos", "im Alter von 42".
const AGE_BEFORE = scanPattern(
  "(?i)\\b(?:aged|age(?:[ ]?:|[ ]is|[ ]of)|(?:just|recently|had|have|I'll|will|I|he|she|they|we|you)[ ](?:turned|turn|turns)|j'ai|âgée?[ ]de|tengo|edad[ ]de|ho|età[ ]di|tenho|idade[ ]de|im[ ]Alter[ ]von|leeftijd[ ]van)[ ]+(\\d{1,3})(?:[ ]?(?:ans|años|anni|anos|Jahren?|jaar))?",
  'g',
);
// After "turned 42" a unit word means it was not an age ("turned 90 degrees").
const NOT_AGE_AFTER = new RE2('^[ ]*(?:%|°|degrees?|percent|times|pages|minutes|seconds|hours|days|weeks|months|km|miles|points|dollars|euros|pounds)\\b', 'i');

const plausibleAge = (value: string): boolean => {
  const age = Number(value);
  return age >= 1 && age <= 125;
};

function detectAge(text: string, emit: Emit): void {
  for (const m of matches(AGE_AFTER, text)) {
    const value = m[1];
    if (value === undefined || !plausibleAge(value) || isWordAt(text, m.index - 1)) continue;
    emit({ type: 'AGE', start: m.index, end: m.index + value.length, score: 0.95, rank: Rank.Format });
  }
  for (const m of matches(AGE_BEFORE, text)) {
    const value = m[1];
    if (value === undefined || !plausibleAge(value)) continue;
    const digitsAt = m.index + m[0].search(/\d/);
    const end = digitsAt + value.length;
    if (isWordAt(text, end) || NOT_AGE_AFTER.test(text.slice(end, end + 16))) continue;
    emit({ type: 'AGE', start: digitsAt, end, score: 0.85, rank: Rank.Format });
  }
}

// ---------------------------------------------------------------- honorific titles

// An honorific followed by a capitalised word: "Mr. Harris", "Dr Burke", "Frau Müller", "Sra. Gómez".
const HONORIFIC = scanPattern(
  '(?:\\b|^)((?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Sr|Sra|Srta|Mme|Mlle|Dott|Sig|Hr|Fr)\\.|(?:Mr|Mrs|Ms|Mx|Dr|Prof|Miss|Sir|Dame|Lady|Lord|Madam|Herr|Frau|Mme|Mlle|Monsieur|Madame|Señor|Señora|Signor|Signora|Senhor|Senhora|mr|mrs|ms|dr|miss)\\b)(?:[ ]+)\\p{Lu}',
  'gu',
);

function detectTitle(text: string, emit: Emit): void {
  for (const m of matches(HONORIFIC, text)) {
    const title = m[1];
    if (title === undefined) continue;
    const start = m.index + m[0].indexOf(title);
    // "Cheriton Dr Reuquén" is a street: a dotless "Dr" right after a capitalised word is not a title.
    if ((title === 'Dr' || title === 'dr') && /\p{Lu}\p{L}*[ ]+$/u.test(text.slice(Math.max(0, start - 24), start))) continue;
    emit({ type: 'TITLE', start, end: start + title.length, score: 0.9, rank: Rank.Format });
  }
}

// ---------------------------------------------------------------- job titles

const JOB_HEAD_SET: ReadonlySet<string> = new Set(JOB_HEADS);

/** Whether a word can end a job title: a listed occupation or an occupational ending. */
function jobHead(word: string): boolean {
  const w = word.toLowerCase();
  if (JOB_HEAD_SET.has(w)) return true;
  return w.length >= 7 && JOB_ENDINGS.some((e) => w.endsWith(e));
}

/**
 * The job title at the start of `words` (a phrase from a title context): the words up to and
 * including the first occupation word, if any. Returns its length in characters, or 0.
 */
function titleLength(phrase: string): number {
  const re = /[\p{L}][\p{L}-]*/gu;
  for (let m = re.exec(phrase); m !== null; m = re.exec(phrase)) {
    if (jobHead(m[0])) return m.index + m[0].length;
  }
  return 0;
}

// "Ana Ruiz, the Technical writer, said": an appositive between "the" and a verb of saying.
const JOB_APPOSITIVE = scanPattern(
  ', the (\\p{L}[\\p{L} ,\\-]{0,60}?), (?:said|says|wrote|writes|told|tells|explained|explains|added|adds|noted|notes|replied|replies|stated|states)\\b',
  'gu',
);
// "I worked at Acme as Rolling machine operator", "als Ingenieurin", "comme infirmière". The
// character before the anchor word is part of the match instead of a \b, so the expression has
// no assertion and no group and all its matches come from one native call (allMatches); a
// title at the very start of the text is found by JOB_AS_START.
const JOB_AS_SOURCE =
  '(?:as|als|comme|como|come)[ ]+(?:(?:an?|the|un|une|una|uno|um|uma|ein|eine|een)[ ]+)?(?:[\\p{L}\\-]+[ ]+){0,4}[\\p{L}\\-]+';
const JOB_AS = scanPattern(`(?i)[^\\p{L}\\p{N}_]${JOB_AS_SOURCE}`, 'gu');
/**
 * The same in JavaScript, run instead on ASCII text (a native RE2 pass over a 4 KB prompt costs
 * ~9 µs; this ~2). On ASCII text the two agree: both take the leftmost match and, there, the
 * first alternative and greediest quantifier that succeed; `\p{L}` and `\p{N}` meet ASCII only in
 * letters and digits, and case folding among ASCII characters is the same. Backtracking stays
 * linear: words and the spaces between them are disjoint classes, so a word, or a run of spaces,
 * can only be given back character by character, each step failing at once; an attempt ends in a
 * match as soon as one word follows the anchor, and the scan resumes after it, or fails within
 * the anchor's run of spaces, which no other start reaches.
 */
const JOB_AS_ASCII = new RegExp(`[^\\p{L}\\p{N}_]${JOB_AS_SOURCE}`, 'giu');
/** The same at the start of the text (run on at most 200 characters; anchored, bounded: linear). */
const JOB_AS_START = new RegExp(`^${JOB_AS_SOURCE}`, 'iu');
/** The anchor word and article at the start of such a match (a short string: linear). */
const JOB_AS_LEAD = /^\p{L}+ +(?:(?:an?|the|un|une|una|uno|um|uma|ein|eine|een) +)?/iu;
// A line that is only a title ("Staff development specialist"), as in a CV or e-mail signature.
const TITLE_LINE = scanPattern('(?m)^[ \\t]*(\\p{L}[\\p{L}\\-]*(?:,?[ ]+[\\p{L}\\-]+){0,6})[ \\t\\r]*$', 'gu');
/** A line of two to five words or initials ("Karin M. Beike", "Maika van de Noort"). */
const NAME_LINE = /^[ \t]*[\p{L}][\p{L}'’-]*\.?(?:[ ]+[\p{L}][\p{L}'’-]*\.?){1,4}[ \t\r]*$/u;
/** Lower-case name particles: "van", "de", "von", "da", "di", "del", "dos", "la", "le", "bin", "al". */
const PARTICLES: ReadonlySet<string> = new Set(['van', 'de', 'der', 'den', 'von', 'zu', 'da', 'di', 'del', 'della', 'dos', 'das', 'do', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y', 'e']);

/**
 * Whether a line names a person: a {@link NAME_LINE} whose words are all capitalised (particles
 * aside), or all lower-case when the title under it is too (text typed without capitals).
 */
function nameLine(line: string, titleLower: boolean): boolean {
  if (!NAME_LINE.test(line)) return false;
  const words = line.trim().split(/[ ]+/);
  if (titleLower) return line === line.toLowerCase();
  return words.every((w) => PARTICLES.has(w) || /^\p{Lu}/u.test(w)) && /^\p{Lu}/u.test(words[0] ?? '');
}

function detectJobTitle(text: string, emit: Emit): void {
  const titleAt = (start: number, phrase: string, score: number): void => {
    const len = titleLength(phrase);
    if (len > 0) emit({ type: 'TITLE', start, end: start + len, score, rank: Rank.Format });
  };
  for (const m of matches(JOB_APPOSITIVE, text)) {
    const phrase = m[1];
    if (phrase === undefined) continue;
    const start = m.index + 6;
    // The whole appositive is the title when it ends with an occupation word.
    const words = phrase.split(/[ ,]+/);
    if (jobHead(words[words.length - 1] ?? '')) emit({ type: 'TITLE', start, end: start + phrase.length, score: 0.8, rank: Rank.Format });
  }
  const asTitle = (index: number, value: string): void => {
    const lead = JOB_AS_LEAD.exec(value)?.[0].length ?? 0;
    titleAt(index + lead, value.slice(lead), 0.7);
  };
  const first = JOB_AS_START.exec(text.slice(0, 200));
  if (first !== null) asTitle(0, first[0]);
  if (Buffer.byteLength(text) === text.length) {
    JOB_AS_ASCII.lastIndex = 0;
    for (let m = JOB_AS_ASCII.exec(text); m !== null; m = JOB_AS_ASCII.exec(text)) asTitle(m.index + 1, m[0].slice(1));
  } else {
    for (const m of allMatches(JOB_AS, text)) asTitle(m.index + 1, m.value.slice(1));
  }
  for (const m of matches(TITLE_LINE, text)) {
    const phrase = m[1];
    if (phrase === undefined) continue;
    const words = phrase.split(/[ ,]+/);
    if (!jobHead(words[words.length - 1] ?? '')) continue;
    // The previous non-empty line must name a person.
    const before = text.slice(Math.max(0, m.index - 120), m.index).replace(/\s+$/, '');
    const prevLine = before.slice(before.lastIndexOf('\n') + 1);
    if (!nameLine(prevLine, phrase === phrase.toLowerCase())) continue;
    const start = m.index + m[0].indexOf(phrase);
    emit({ type: 'TITLE', start, end: start + phrase.length, score: 0.75, rank: Rank.Format });
  }
}

// ---------------------------------------------------------------- nationalities, religions, political groups

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

// Whole words, with the plural forms people (and generators) write: "Chechens", "Surinameses".
const GROUP = scanPattern(`(?i)\\b(${alternation([...DEMONYMS, ...FAITHS])})(?:s|es)?\\b`, 'gu');
// Political groups only when capitalised: "a Democrat", not "democratic values".
const PARTY = scanPattern(`\\b(${alternation(POLITICAL)})(?:s)?\\b`, 'gu');
// Demonyms that are also common lower-case words count only when capitalised.
const LOWER_AMBIGUOUS: ReadonlySet<string> = new Set(['polish', 'swiss', 'french', 'dutch', 'turkish', 'china', 'guinea', 'jersey']);

// A demonym after a verb of language use names a language, not a group of people: "studying
// English and journalism", "she speaks fluent Polish", "translated from German into Czech",
// "please answer in French", "sprichst du Deutsch" is not covered (not a demonym form).
const LANGUAGE_CONTEXT = new RegExp(
  '(?:^|[^\\p{L}])(?:' +
    // Verbs whose object is the language itself.
    '(?:stud(?:y|ies|ied|ying)|speak(?:s|ing)?|spoke|spoken|learn(?:s|ed|t|ing)?|teach(?:es|ing)?|taught|translat(?:e|es|ed|ing|ion|or)|fluent|fluency)' +
    '(?:[ ]+(?:it|this|that|them|me|us|only|back|all))?(?:[ ]+(?:in|into|from|to))?' +
    // Verbs that name the language after a preposition ("written in", "answer in").
    '|(?:written|write|writes|writing|wrote|answer|answers|answered|reply|replies|respond|responds|say|said|read|reads|talk|talks|talking|dubbed|subtitled)' +
    '(?:[ ]+(?:it|this|that|them|me|us|only|back|all))?[ ]+(?:in|into|from))' +
    '(?:[ ]+(?:fluent|basic|good|some|more|only|both|the|a|little|plain|simple))?[ ]+$',
  'iu',
);
const DEMONYM_SET: ReadonlySet<string> = new Set(DEMONYMS);
/** A language-use verb, with what may follow it, before a demonym ("translated it from German"). */
function namesLanguage(text: string, start: number, word: string): boolean {
  if (!DEMONYM_SET.has(word.toLowerCase())) return false;
  if (LANGUAGE_CONTEXT.test(text.slice(Math.max(0, start - 40), start))) return true;
  // "translated from German into Czech", "English and French": the second of a pair of languages.
  const pair = /(?:^|[^\p{L}])(\p{L}+)[ ]+(?:and|or|into|to|und|et|y)[ ]+$/u.exec(text.slice(Math.max(0, start - 40), start));
  const prev = pair?.[1];
  if (prev === undefined || !DEMONYM_SET.has(prev.toLowerCase())) return false;
  const prevStart = start - pair![0].length + pair![0].indexOf(prev);
  return LANGUAGE_CONTEXT.test(text.slice(Math.max(0, prevStart - 40), prevStart));
}

function detectGroups(text: string, emit: Emit): void {
  for (const m of matches(GROUP, text)) {
    const word = m[0];
    const first = word.charCodeAt(0);
    const lower = first >= 97 && first <= 122;
    if (lower && LOWER_AMBIGUOUS.has((m[1] ?? '').toLowerCase())) continue;
    if (namesLanguage(text, m.index, m[1] ?? word)) continue;
    // Statistical-strength evidence: a longer organisation or location span that contains the
    // word ("American Express", "Swiss Re") wins over it when overlaps are resolved.
    emit({ type: 'NRP', start: m.index, end: m.index + word.length, score: 0.8, rank: Rank.Model });
  }
  for (const m of matches(PARTY, text)) {
    emit({ type: 'NRP', start: m.index, end: m.index + m[0].length, score: 0.7, rank: Rank.Model });
  }
}

// ---------------------------------------------------------------- postal codes

// A code right after its label: "zip code is 35350", "ZIP: 75534-030", "postcode SW1A 1AA", "PLZ 10115".
const POSTAL = scanPattern(
  '(?i)\\b(?:zip(?:[ ]?code)?|postal[ ]?code|post[ ]?code|postcode|plz|cep|c[óo]digo[ ]postal|code[ ]postal|codice[ ]postale|postleitzahl|postnummer)(?:[ ]+(?:is|was|number|no\\.?))?[ ]*[:#]?[ ]*([A-Z0-9]{2,5}(?:[ \\-][A-Z0-9]{2,4})?)\\b',
  'g',
);

function detectPostalCode(text: string, emit: Emit): void {
  for (const m of matches(POSTAL, text)) {
    const code = m[1];
    if (code === undefined || !/\d/.test(code)) continue;
    const start = m.index + m[0].length - code.length;
    emit({ type: 'ZIP_CODE', start, end: start + code.length, score: 0.9, rank: Rank.Format });
  }
}

// ---------------------------------------------------------------- driver's licence numbers

const LICENCE = scanPattern(
  "(?i)\\b(?:driver'?s?|driving|drivers)[ ]licen[cs]e(?:[ ]+(?:number|no\\.?|num|id))?(?:[ ]+(?:is|was))?[ ]*[:#]?[ ]*([A-Z0-9][A-Z0-9\\-]{4,19})|\\bDL[ ]?(?:#|no\\.?|number)[ ]*:?[ ]*([A-Z0-9][A-Z0-9\\-]{4,19})",
  'g',
);

function detectDriverLicence(text: string, emit: Emit): void {
  for (const m of matches(LICENCE, text)) {
    const raw = m[1] ?? m[2];
    if (raw === undefined) continue;
    const value = raw.replace(/-+$/, '');
    if (isWordAt(text, m.index + m[0].length)) continue;
    // At least four digits: a licence number, not a word that followed the label.
    if ((value.match(/\d/g)?.length ?? 0) < 4) continue;
    const start = m.index + m[0].length - raw.length;
    // The label makes the number certain: it beats a phone or SSN reading of the same digits.
    emit({ type: 'US_DRIVER_LICENSE', start, end: start + value.length, score: 0.9, rank: Rank.Checked });
  }
}

export const CONTEXTUAL_DETECTORS: readonly { readonly types: readonly string[]; readonly run: (text: string, emit: Emit) => void }[] = [
  { types: ['AGE'], run: detectAge },
  { types: ['TITLE'], run: detectTitle },
  { types: ['TITLE'], run: detectJobTitle },
  { types: ['NRP'], run: detectGroups },
  { types: ['ZIP_CODE'], run: detectPostalCode },
  { types: ['US_DRIVER_LICENSE'], run: detectDriverLicence },
];
