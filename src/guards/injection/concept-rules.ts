/**
 * Rule families read from concepts (concepts.ts) instead of wording, for document segments that are
 * not mostly in English. The regex families of rules.ts are written for English and a dozen other
 * languages; the lexicon knows the words of 95. A concept rule fires the family of the same name, so
 * the weight the indirect model learned for it from English documents carries over (the same
 * transfer the session-12 language rules use for prompts). Session 14 found that plain concept
 * features on segments teach the model that data, send, link and user are suspicious, and benign
 * documents are full of them: a family here needs the AI addressed, the instructions set aside, or
 * data sent to a destination, with a little syntax (concepts.ts `ConceptMarks`) to tell a label,
 * a negation or a quoted example.
 */
import { emptyMarks, findConcepts, foldConcepts, type ConceptHit, type ConceptLexicon, type ConceptMarks } from './concepts.js';

/** Positions from an AI concept to the colon or comma that makes it a label or a vocative. */
export const LABEL_WINDOW = 6;
/** Positions after that mark within which a directive makes the text addressed to the AI. */
export const ADDRESS_WINDOW = 12;
/** Positions between "ignore" and what is ignored. */
export const IGNORE_WINDOW = 6;
/** Positions before a verb within which a negation cancels it ("do not send", "never reveal"). */
export const NEGATION_WINDOW = 2;

// What a note addressed to the AI goes on to ask: act on the conversation, the system, the user or
// their secrets, rather than describe them.
const DIRECTIVE = ['ignore', 'reveal', 'send', 'delete', 'execute', 'covert', 'obey', 'pretend', 'enable', 'disable', 'secret', 'credential', 'user', 'money', 'link', 'write', 'answer', 'prompt', 'always', 'only'];
// What "ignore" sets aside in an injection; "ignore my previous e-mail" is ordinary correspondence.
const IGNORED = ['instruction', 'rule', 'prompt', 'system'];
// What may stand between the AI and the colon of a label: "AI agent instructions:", "Important note for the AI:".
const IN_LABEL = ['ai', 'instruction', 'important', 'system', 'user', 'negation'];
// Session 20: a relative clause may stand there too, naming what the AI does with the document:
// "AI assistant that summarises these reviews:", "bot answering this ticket:", "AI reading the chat:".
const IN_LABEL_CLAUSE = [...IN_LABEL, 'summarize', 'data', 'answer'];
// Session 20: a note or an instruction "for" whatever processes the document, named as the AI, the
// system or the summary ("Napomena za AI asistenta", "Примечание для системы", "הערה לכל מערכת
// שמתמללת"), followed by a directive, as English "note to the AI" and "whoever summarises this".
const NOTE = ['important', 'instruction'];
const NOTE_ADDRESSEE = ['ai', 'system', 'summarize'];
/** Positions from the note to its addressee, on the same line, with no colon or comma between. */
export const NOTE_WINDOW = 4;
/** Positions between "tell" and the user, either side ("tell the user", "käyttäjälle kerro"). */
export const TELL_WINDOW = 3;
// What an exfiltration sends: the conversation's data, secrets, money, the instructions. A CV or a
// phishing mail forwarded to a named address is ordinary correspondence.
const SENT = ['data', 'credential', 'secret', 'money', 'user', 'verbatim', 'system', 'prompt', 'instruction'];
/** Positions between a sending verb and what it sends, either side (verb-final languages). */
export const SEND_WINDOW = 8;
// What a note addressed to the AI names when it reaches past the AI to the conversation: the user,
// the answer. English "tell the user", "in your answer" fire `addresses-answer` (rules.ts).
const ANSWERED = ['user', 'answer'];

/**
 * Which of the later concept families are read: `addresses-answer` in documents and the prompt
 * families (session 16), `disclose-verb` in documents (session 17), `hide-from-user`,
 * `no-confirmation`, `omit-fact` and `summary-hijack` in documents (session 18); session 20's
 * additions to them: a relative clause in an AI label (`labelClause`), a note for the AI, the
 * system or the summary (`noteTo`), "tell" as a directive (`tellDirective`), a note that hides
 * itself (`selfHidden`), "tell the user" outside a note (`tellUser`). Training scripts switch them
 * off to measure what they do (`--concept-off`); scoring uses the defaults, which the models are
 * trained with.
 */
export const conceptRuleSettings = { addressesAnswer: true, prompts: true, segmentDisclose: true, segmentPlanted: true, labelClause: true, noteTo: true, tellDirective: true, selfHidden: true, tellUser: true };

// Prompts (session 16): the model's own instructions named ("your previous instructions", "the
// system prompt", "the hidden rules"), as English `instruction-ref` names them, and a request to
// show, translate or summarise them, or to give them verbatim, as English `prompt-leak`.
const OWN = ['instruction', 'prompt', 'rule'];
const OWN_QUALIFIER = ['previous', 'secret', 'system'];
/** Positions between the instructions and what makes them the model's own, either side. */
export const OWN_WINDOW = 3;
// "Write a system prompt for my bot" asks for a new one: writing is not a leak verb. Nor is a leak
// verb one when "explain" is near: "explain what a system prompt is and show me an example".
const LEAK = ['reveal', 'translate', 'summarize', 'verbatim'];
const EXPLAINED = ['explain'];
/** Positions between the named instructions and a leak verb, either side. */
export const LEAK_WINDOW = 8;
// Documents (session 17): a request to show the model's own instructions, or a secret or
// credential, as English `disclose-verb` ("print the admin password", "share your system prompt");
// with the instructions named, `instruction-ref` too.
const DISCLOSED = ['secret', 'credential'];
// Documents (session 18): what a planted note asks of whatever processes the document, named or
// not, as the English families of the same names: keep something from the user ("do not tell the
// customer"), act without a person's check ("without confirmation"), leave something out of what
// is written ("omit the complaints from the summary"), tell the summary what to say.
const WRITTEN_FOR_USER = ['summarize', 'answer', 'write'];
/**
 * Positions between the user and the concealment ("secretly", or "tell" with a negation near it or
 * near the user), either side.
 */
export const HIDE_WINDOW = 6;
/**
 * Positions either side of "tell" or "confirm" within which a negation counts: languages put it
 * after the verb too ("informieren Sie den Kunden nicht", "approval not needed").
 */
export const NEGATION_AROUND = 3;
/** Positions between the omission and the summary, answer or text it is left out of, either side. */
export const OMIT_WINDOW = 8;
// What a summary is told to say: write, tell, leave out, must, only ("when summarising these
// reviews, write that …", "la sintesi deve dire solo …"), as English `summary-hijack`.
const SUMMARY_DIRECTIVE = ['write', 'tell', 'omit', 'always', 'only'];
/** Positions after the summary within which, on the same line, the directive comes. */
export const SUMMARY_WINDOW = 8;

// A destination outside the conversation: an e-mail address, a URL or a host name. Every repetition
// is bounded, so a long run without one costs time linear in its length.
const HOST = String.raw`\b[a-z0-9-]{2,40}\.(?:com|net|org|io|me|co|info|site|online|app|xyz|[a-z]{2})`;
const DESTINATION = new RegExp(String.raw`[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,64}\.[\p{L}\p{N}.-]{1,64}|https?:\/\/|\bwww\.|${HOST}(?:\/|\b)`, 'u');
// The same without the e-mail address, for text without "@" (session 17, speed: that alternative
// tries a run of up to 64 characters from every position, and cannot match there).
const DESTINATION_NO_AT = new RegExp(String.raw`https?:\/\/|\bwww\.|${HOST}(?:\/|\b)`, 'u');
// The whole of each destination: its words are not the text's ("export@…" is not a verb, the "nu"
// of "actie-nu.nl" not a negation), so they are blanked before the concepts are read.
const DESTINATIONS = new RegExp(String.raw`\S{0,64}@\S{1,256}|\S{0,64}https?:\/\/\S{0,256}|\S{0,64}\bwww\.\S{0,256}|\S{0,64}${HOST}(?:\/\S{0,256}|\b)`, 'gu');

const CAPITALS = /(?<![\p{L}\p{M}\p{N}])\p{Lu}{2,3}(?![\p{L}\p{M}\p{N}])/gu;

/** The folded forms of the tokens of `raw` written in two or three capitals ("AI", "KI", "IA"). */
export function acronymsOf(raw: string): Set<string> {
  const out = new Set<string>();
  for (const m of raw.matchAll(CAPITALS)) out.add(foldConcepts(m[0]));
  return out;
}

/** Concept index sets of one lexicon, built once per lexicon. */
interface Kinds {
  readonly ai: number;
  readonly ignore: number;
  readonly ignoreSet: ReadonlySet<number>;
  readonly send: number;
  readonly negation: number;
  readonly directive: ReadonlySet<number>;
  readonly ignored: ReadonlySet<number>;
  readonly inLabel: ReadonlySet<number>;
  readonly inLabelClause: ReadonlySet<number>;
  readonly note: ReadonlySet<number>;
  readonly noteAddressee: ReadonlySet<number>;
  readonly tellSet: ReadonlySet<number>;
  readonly userSet: ReadonlySet<number>;
  readonly sent: ReadonlySet<number>;
  readonly answered: ReadonlySet<number>;
  readonly own: ReadonlySet<number>;
  readonly ownQualifier: ReadonlySet<number>;
  readonly leak: ReadonlySet<number>;
  readonly explained: ReadonlySet<number>;
  readonly reveal: number;
  readonly disclosed: ReadonlySet<number>;
  readonly user: number;
  readonly tell: number;
  readonly confirm: number;
  readonly omit: number;
  readonly covert: number;
  readonly writtenForUser: ReadonlySet<number>;
  readonly plantedAnchor: ReadonlySet<number>;
  readonly summarize: number;
  readonly summaryDirective: ReadonlySet<number>;
}

const kindsOf = new WeakMap<ConceptLexicon, Kinds>();

function kinds(lex: ConceptLexicon): Kinds {
  let k = kindsOf.get(lex);
  if (k !== undefined) return k;
  const index = (name: string): number => lex.names.indexOf(name);
  const set = (names: readonly string[]): ReadonlySet<number> => new Set(names.map(index).filter((i) => i >= 0));
  k = { ai: index('ai'), ignore: index('ignore'), ignoreSet: set(['ignore']), send: index('send'), negation: index('negation'), directive: set(DIRECTIVE), ignored: set(IGNORED), inLabel: set(IN_LABEL), inLabelClause: set(IN_LABEL_CLAUSE), note: set(NOTE), noteAddressee: set(NOTE_ADDRESSEE), tellSet: set(['tell']), userSet: set(['user']), sent: set(SENT), answered: set(ANSWERED), own: set(OWN), ownQualifier: set(OWN_QUALIFIER), leak: set(LEAK), explained: set(EXPLAINED), reveal: index('reveal'), disclosed: set(DISCLOSED), user: index('user'), tell: index('tell'), confirm: index('confirm'), omit: index('omit'), covert: index('covert'), writtenForUser: set(WRITTEN_FOR_USER), plantedAnchor: set(['user', 'negation', 'covert', ...WRITTEN_FOR_USER]), summarize: index('summarize'), summaryDirective: set(SUMMARY_DIRECTIVE) };
  kindsOf.set(lex, k);
  return k;
}

// The first position in [from, from + window] that is in `marks.label`, with no line break before it; -1 if none.
function markWithin(from: number, window: number, marks: ConceptMarks): number {
  for (let p = from; p <= from + window; p++) {
    if (marks.label.has(p)) return p;
    if (marks.line.has(p)) return -1;
  }
  return -1;
}

// Hits are in text order, so each helper below scans from index `i` and stops at the end of its
// window: the rules take time linear in the number of hits.

// Whether every hit after hits[i], up to position `to`, is in `allowed`: the words of a label, not of a sentence.
function onlyLabel(hits: readonly ConceptHit[], i: number, to: number, allowed: ReadonlySet<number>): boolean {
  for (let j = i + 1; j < hits.length; j++) {
    const h = hits[j] as ConceptHit;
    if (h.pos > to) return true;
    if (!allowed.has(h.concept)) return false;
  }
  return true;
}

// Short negation entries of the merged lexicon that are mostly negations in the languages that have
// them; the others ("en", "et", "le", "se", "ma", "si", "di") are common words of other languages
// (articles, conjunctions, prepositions) and would cancel directives at random.
export const SHORT_NEGATIONS: ReadonlySet<string> = new Set(['no', 'ne', 'ni', 'ei', 'ej', 'nu', 'n']);
// Tokens of one or two letters a–z: the short forms that collide across languages. Two-letter
// tokens of other scripts ("не", "μη") are not in question.
const TWO_LETTERS = /^[a-z]{1,2}$/;

// Whether a negation comes at most NEGATION_WINDOW positions before hits[i].
function negated(hits: readonly ConceptHit[], i: number, negation: number): boolean {
  const pos = (hits[i] as ConceptHit).pos;
  for (let j = i - 1; j >= 0; j--) {
    const h = hits[j] as ConceptHit;
    if (pos - h.pos > NEGATION_WINDOW) return false;
    if (h.concept === negation) return true;
  }
  return false;
}

// Whether a hit after position `from` (searched from index `i` on), at most `window` positions on
// and on the same line, is in `set`, not quoted and not negated.
function followedBy(hits: readonly ConceptHit[], i: number, from: number, window: number, set: ReadonlySet<number>, marks: ConceptMarks, negation: number): boolean {
  for (let j = i; j < hits.length; j++) {
    const h = hits[j] as ConceptHit;
    if (h.pos <= from) continue;
    if (h.pos - from > window) return false;
    if (set.has(h.concept) && !marks.quoted.has(h.pos) && !negated(hits, j, negation)) {
      for (let p = from; p < h.pos; p++) if (marks.line.has(p)) return false;
      return true;
    }
  }
  return false;
}

// Whether a hit in `set`, not quoted (and, given `negation`, not negated), is at most `window`
// positions before or after hits[i].
function near(hits: readonly ConceptHit[], i: number, window: number, set: ReadonlySet<number>, marks: ConceptMarks, negation?: number): boolean {
  return nearWhere(hits, i, window, (j) => set.has((hits[j] as ConceptHit).concept) && !marks.quoted.has((hits[j] as ConceptHit).pos) && (negation === undefined || !negated(hits, j, negation)));
}

// Whether `counts` holds for a hit at most `window` positions before or after hits[i].
function nearWhere(hits: readonly ConceptHit[], i: number, window: number, counts: (j: number) => boolean): boolean {
  const pos = (hits[i] as ConceptHit).pos;
  for (let j = i - 1; j >= 0 && pos - (hits[j] as ConceptHit).pos <= window; j--) if (counts(j)) return true;
  for (let j = i + 1; j < hits.length && (hits[j] as ConceptHit).pos - pos <= window; j++) if (counts(j)) return true;
  return false;
}

/**
 * `hits` without those on tokens of one or two letters a–z, which collide across the 95 languages
 * of the merged lexicon (session 15: the AI acronyms MI, TI, DI, SI are Spanish, Slavic and Italian
 * words; the negations "en", "et", "le", "se" are articles and conjunctions elsewhere), except an AI
 * acronym written in capitals in `raw` and the negations of SHORT_NEGATIONS.
 */
export function withoutShortCollisions(lex: ConceptLexicon, hits: readonly ConceptHit[], marks: ConceptMarks, raw: string): ConceptHit[] {
  const k = kinds(lex);
  let acronyms: Set<string> | undefined;
  return hits.filter((h) => {
    const short = marks.short.get(h.pos);
    if (short === undefined || !TWO_LETTERS.test(short)) return true;
    if (h.concept === k.ai) return (acronyms ??= acronymsOf(raw)).has(short);
    if (h.concept === k.negation) return SHORT_NEGATIONS.has(short);
    return false;
  });
}

/**
 * The rules.ts family names that the concepts of one segment (folded text, see `foldConcepts`)
 * express (`raw`: the segment as written, whose capitals tell an acronym, see `acronymsOf`):
 * `addressed-ai` (an AI concept as a label or vocative, "AI assistant:", "Model AI,", followed by
 * a directive), `ignore-previous` ("ignore" and the instructions or rules, in either order) and
 * `moves-out` (a sending verb near data, a secret or the instructions, and a destination: an
 * address, a URL or a host); since session 16, `addresses-answer` (an addressed-ai note that
 * names the user or the answer, as English "tell the user" does); since session 17,
 * `disclose-verb` (a reveal verb, not negated, near a secret, a credential or the model's own
 * instructions; with the instructions, `instruction-ref` too); since session 18,
 * `hide-from-user` (the user near "secretly" or a negated "tell"), `no-confirmation` (a negated
 * confirmation or approval), `omit-fact` (an omission, or a negated "tell", near a summary, an
 * answer or a text to write) and `summary-hijack` (a summary followed on its line by write, tell,
 * omit, must or only); since session 20, `addressed-ai` from a note for the AI, the system or the
 * summary as a label, `omit-fact` from a note that hides itself, and `addresses-answer` from "tell"
 * near the user (`conceptRuleSettings`). Quoted words and the words
 * of addresses do not count, nor short forms that collide across languages
 * (`withoutShortCollisions`). `ruleOnly`: the lexicon of the concepts only these rules read
 * (`RULE_ONLY_CONCEPTS`), numbered as `lex`.
 */
export function conceptRuleHits(lex: ConceptLexicon, folded: string, raw: string, ruleOnly?: ConceptLexicon): Set<string> {
  const k = kinds(lex);
  const marks = emptyMarks();
  const hasDestination = (folded.includes('@') ? DESTINATION : DESTINATION_NO_AT).test(folded);
  const text = hasDestination ? folded.replace(DESTINATIONS, ' ') : folded;
  const hits = withoutShortCollisions(lex, findConcepts(lex, text, undefined, marks), marks, raw);
  const out = new Set<string>();
  // The hits with the rule-only concepts merged in, read on demand (a second scan of the text).
  let withRuleOnly: readonly ConceptHit[] | undefined;
  const all = (): readonly ConceptHit[] => (withRuleOnly ??= ruleOnly === undefined ? hits : merged(hits, withoutShortCollisions(ruleOnly, findConcepts(ruleOnly, text), marks, raw)));
  // Whether a directive follows position `from` (hits[i] being at or before it) within
  // ADDRESS_WINDOW; since session 20 "tell" counts ("AI assistant, tell the user …"), read from the
  // rule-only concepts only when no other directive does.
  const directed = (i: number, from: number): boolean => followedBy(hits, i, from, ADDRESS_WINDOW, k.directive, marks, k.negation) ||
    (conceptRuleSettings.tellDirective && ruleOnly !== undefined && followedBy(all(), firstAfter(all(), from), from, ADDRESS_WINDOW, k.tellSet, marks, k.negation));
  const addressed = (i: number, from: number): void => {
    out.add('addressed-ai');
    // The note reaches the user or the answer: "AI assistant: tell the user that …".
    if (conceptRuleSettings.addressesAnswer && followedBy(hits, i, from, ADDRESS_WINDOW, k.answered, marks, k.negation)) out.add('addresses-answer');
  };
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as ConceptHit;
    // A quoted instruction is an example or a report of one, not an instruction.
    if (marks.quoted.has(h.pos)) continue;
    if (conceptRuleSettings.noteTo && k.note.has(h.concept) && !out.has('addressed-ai')) {
      const j = addresseeOf(hits, i, k, marks);
      // The note is a label too: "Napomena za AI asistenta koji pravi rezime: …"; without the
      // colon or comma, "hidden instructions can mislead the assistant" is a sentence about one.
      const mark = j >= 0 ? markWithin((hits[j] as ConceptHit).pos, LABEL_WINDOW, marks) : -1;
      if (mark >= 0 && directed(j, mark)) addressed(j, mark);
    }
    if (h.concept === k.ai && !out.has('addressed-ai')) {
      const mark = markWithin(h.pos, LABEL_WINDOW, marks);
      if (mark >= 0 && onlyLabel(hits, i, mark, conceptRuleSettings.labelClause ? k.inLabelClause : k.inLabel) && directed(i, mark)) addressed(i, mark);
    } else if (h.concept === k.ignore && !out.has('ignore-previous')) {
      if (followedBy(hits, i, h.pos, IGNORE_WINDOW, k.ignored, marks, k.negation)) out.add('ignore-previous');
    } else if (k.ignored.has(h.concept) && !out.has('ignore-previous')) {
      // Verb-final languages put the instructions first ("önceki talimatları yok say").
      if (followedBy(hits, i, h.pos, IGNORE_WINDOW, k.ignoreSet, marks, k.negation)) out.add('ignore-previous');
    } else if (h.concept === k.send && !out.has('moves-out') && !negated(hits, i, k.negation) && near(hits, i, SEND_WINDOW, k.sent, marks) && hasDestination) {
      out.add('moves-out');
    }
    if (conceptRuleSettings.segmentDisclose && h.concept === k.reveal && !out.has('disclose-verb') && !negated(hits, i, k.negation)) {
      if (ownNear(hits, i, k, marks)) {
        out.add('disclose-verb');
        out.add('instruction-ref');
      } else if (near(hits, i, LEAK_WINDOW, k.disclosed, marks)) out.add('disclose-verb');
    }
  }
  // The session-18 families read the rule-only concepts too, merged into the hits here only, so
  // they cannot change the families above ("onlyLabel" would see them). Each needs a user, a
  // negation, "secretly" or a text written for the user: without any, the second scan is skipped.
  if (ruleOnly !== undefined && conceptRuleSettings.segmentPlanted && hits.some((h) => k.plantedAnchor.has(h.concept))) {
    const every = all();
    for (let i = 0; i < every.length; i++) if (!marks.quoted.has((every[i] as ConceptHit).pos)) plantedHits(every, i, k, marks, out);
  }
  return out;
}

// The index of the first hit after position `pos` (hits.length if none).
function firstAfter(hits: readonly ConceptHit[], pos: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid] as ConceptHit).pos <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The index of the AI, system or summary a note (hits[i]) is for: at most NOTE_WINDOW positions
// after it on its line, not quoted, with no colon or comma between ("Note: the system …" is a
// label, not an address); -1 if none.
function addresseeOf(hits: readonly ConceptHit[], i: number, k: Kinds, marks: ConceptMarks): number {
  const pos = (hits[i] as ConceptHit).pos;
  for (let j = i + 1; j < hits.length; j++) {
    const h = hits[j] as ConceptHit;
    if (h.pos - pos > NOTE_WINDOW) return -1;
    if (h.pos === pos) continue;
    if (k.noteAddressee.has(h.concept) && !marks.quoted.has(h.pos)) {
      for (let p = pos; p < h.pos; p++) if (marks.label.has(p) || marks.line.has(p)) return -1;
      return j;
    }
  }
  return -1;
}

// Two lists of hits in text order (two lexicons numbering the concepts alike), as one.
function merged(a: readonly ConceptHit[], b: readonly ConceptHit[]): readonly ConceptHit[] {
  if (b.length === 0) return a;
  const out: ConceptHit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as ConceptHit).pos <= (b[j] as ConceptHit).pos)) out.push(a[i++] as ConceptHit);
    else out.push(b[j++] as ConceptHit);
  }
  return out;
}

// The session-18 families for hits[i] (not quoted), added to `out`; `hits` include the rule-only concepts.
function plantedHits(hits: readonly ConceptHit[], i: number, k: Kinds, marks: ConceptMarks, out: Set<string>): void {
  const c = (hits[i] as ConceptHit).concept;
  const quoted = (j: number): boolean => marks.quoted.has((hits[j] as ConceptHit).pos);
  const untold = (j: number): boolean => (hits[j] as ConceptHit).concept === k.tell && !quoted(j) && negatedAround(hits, j, k.negation);
  if (c === k.user && !out.has('hide-from-user')) {
    // The negation may also close the clause after the user ("informieren Sie den Kunden nicht").
    const userNegated = negatedAround(hits, i, k.negation);
    const hides = (j: number): boolean => !quoted(j) && ((hits[j] as ConceptHit).concept === k.covert || ((hits[j] as ConceptHit).concept === k.tell && (userNegated || negatedAround(hits, j, k.negation))));
    if (nearWhere(hits, i, HIDE_WINDOW, hides)) out.add('hide-from-user');
  } else if (c === k.confirm && !out.has('no-confirmation')) {
    if (negatedAround(hits, i, k.negation)) out.add('no-confirmation');
  }
  // Session 20: the note hides itself ("do not mention this note", "ne pas mentionner cette
  // consigne"), as English omit-fact leaves something out of what is written; and "tell the user
  // that …" outside a note to the AI, as English "tell the user" is addresses-answer anywhere.
  if (conceptRuleSettings.selfHidden && !out.has('omit-fact') && (c === k.covert || untold(i) || (c === k.omit && !negated(hits, i, k.negation))) && near(hits, i, NOTE_WINDOW, k.note, marks)) out.add('omit-fact');
  if (conceptRuleSettings.tellUser && c === k.tell && !out.has('addresses-answer') && !negatedAround(hits, i, k.negation) && near(hits, i, TELL_WINDOW, k.userSet, marks)) out.add('addresses-answer');
  if (c === k.summarize && !out.has('summary-hijack') && followedBy(hits, i + 1, (hits[i] as ConceptHit).pos, SUMMARY_WINDOW, k.summaryDirective, marks, k.negation)) out.add('summary-hijack');
  if (!out.has('omit-fact') && ((c === k.omit && !negated(hits, i, k.negation)) || untold(i)) && near(hits, i, OMIT_WINDOW, k.writtenForUser, marks)) out.add('omit-fact');
}

// Whether a negation is at most NEGATION_AROUND positions before or after hits[i].
function negatedAround(hits: readonly ConceptHit[], i: number, negation: number): boolean {
  return nearWhere(hits, i, NEGATION_AROUND, (j) => (hits[j] as ConceptHit).concept === negation);
}

// Whether the model's own instructions (instruction, prompt or rule next to previous, secret or
// system), not quoted, are named within LEAK_WINDOW of hits[i].
function ownNear(hits: readonly ConceptHit[], i: number, k: Kinds, marks: ConceptMarks): boolean {
  return nearWhere(hits, i, LEAK_WINDOW, (j) => k.own.has((hits[j] as ConceptHit).concept) && !marks.quoted.has((hits[j] as ConceptHit).pos) && near(hits, j, OWN_WINDOW, k.ownQualifier, marks));
}

/**
 * Session 16: the families a prompt's concepts express, for the direct model: `instruction-ref`
 * and `prompt-leak` when the model's own instructions are named (instruction, prompt or rule next
 * to previous, secret or system) and a leak verb is near, not negated, with no "explain". `hits`
 * and `marks` are the prompt's concept scan, short collisions already dropped (features.ts reads
 * them once for the concept features and for this).
 */
export function promptRuleHits(lex: ConceptLexicon, hits: readonly ConceptHit[], marks: ConceptMarks): Set<string> {
  const k = kinds(lex);
  const out = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as ConceptHit;
    if (marks.quoted.has(h.pos) || !k.own.has(h.concept)) continue;
    // Only with a leak verb, not negated: without "your" (not a concept) the instructions named
    // alone are as often a developer's question about system prompts as an attack on them.
    if (near(hits, i, OWN_WINDOW, k.ownQualifier, marks) && near(hits, i, LEAK_WINDOW, k.leak, marks, k.negation) && !near(hits, i, LEAK_WINDOW, k.explained, marks)) {
      out.add('instruction-ref');
      out.add('prompt-leak');
      break;
    }
  }
  return out;
}
