/**
 * Language-independent concept features (session 14). A lexicon maps words of many languages onto
 * a small set of shared concepts ("ignore", "previous", "instruction", "reveal", "weapon", "sorry",
 * ...). The models learn weights on concepts and on pairs of nearby concepts, mostly from English
 * rows, and those weights apply to every language the lexicon lists: the classic route to
 * cross-lingual transfer with bilingual dictionaries instead of a multilingual encoder.
 *
 * Entry syntax (`data/lexicon/<lang>.json`, merged into `concept-lexicon.json`):
 * - `word`: the whole token must equal it;
 * - `stem*`: the token starts with the stem;
 * - `*part*`: the token contains the part (compounds, clitics, agglutination).
 * In runs of a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan) every
 * entry is matched as a substring.
 * Text and entries are folded the same way (`foldConcepts`): lower case, and the diacritics of Latin,
 * Greek and Cyrillic letters dropped, so "ignorière" and "ignoriere" are one form.
 */

/** The merged lexicon file: concept glosses and per-language entries. */
export interface LexiconFile {
  readonly concepts: Readonly<Record<string, string>>;
  readonly languages: Readonly<Record<string, { readonly name?: string; readonly entries: Readonly<Record<string, readonly string[]>> }>>;
}

/**
 * A compiled lexicon: two tries over folded UTF-16 code units, one for whole-word and stem entries
 * (root 0) and one for part entries (root 1), so a walk from inside a token follows only part
 * entries. Edges live in one open-addressing hash table of typed arrays (session 14, speed: a
 * `Map` keyed by node and code unit cost about 130 µs per KB of text, this about a tenth).
 */
export interface ConceptLexicon {
  readonly names: readonly string[];
  /** Hash table of edges: parent node, code unit, child node (0 = empty slot). */
  readonly edgeNode: Int32Array;
  readonly edgeUnit: Uint16Array;
  readonly edgeChild: Int32Array;
  readonly mask: number;
  /** The children of the two roots by code unit, dense (most walks end at the first step). */
  readonly rootChild: readonly [Int32Array, Int32Array];
  // Concept indices that end at a node, by entry kind.
  readonly exact: (readonly number[] | undefined)[];
  readonly prefix: (readonly number[] | undefined)[];
  readonly infix: (readonly number[] | undefined)[];
}

/** One concept found in a text, at a position counted in tokens. */
export interface ConceptHit {
  readonly concept: number;
  readonly pos: number;
}

// Combining marks after a Latin, Greek, Cyrillic or Latin Extended Additional letter (NFD form).
const LATIN_MARKS = /([\u0020-\u052f\u1e00-\u1fff])\p{Mn}+/gu;

// Letters NFD does not decompose, folded as people type them without the diacritic; and the zero-width
// (non-)joiners, which the canonical text has already dropped (deobfuscate.ts), so an entry written
// with them (Sinhala, Malayalam conjuncts) matches it.
const EXTRA_FOLD = /[łđøħı\u200c\u200d]/gu;
const HAS_EXTRA = /[łđøħı\u200c\u200d]/u;
const EXTRA_FOLDED: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ø: 'o', ħ: 'h', ı: 'i', '\u200c': '', '\u200d': '' };

/** Lower case, NFD, the diacritics of Latin, Greek and Cyrillic letters removed, ł đ ø ħ ı folded. */
export function foldConcepts(text: string): string {
  const folded = text.toLowerCase().normalize('NFD').replace(LATIN_MARKS, '$1');
  return HAS_EXTRA.test(folded) ? folded.replace(EXTRA_FOLD, (c) => EXTRA_FOLDED[c] ?? c) : folded;
}

// Entries are made of the characters a token is made of (`WORD`): one with a hyphen or an
// apostrophe could never match, since tokens end there.
const ENTRY = /^(\*?)([\p{L}\p{M}\p{N}\u200c\u200d]+)(\*?)$/u;

type Kind = 'exact' | 'prefix' | 'infix';

/** Parse one entry; undefined when it breaks the syntax. */
export function parseEntry(entry: string): { kind: Kind; form: string } | undefined {
  const m = ENTRY.exec(entry);
  if (m === null) return undefined;
  const lead = m[1] === '*';
  const trail = m[3] === '*';
  if (lead && !trail) return undefined;
  const form = foldConcepts(m[2] ?? '');
  if (form.length === 0) return undefined;
  // A part of four or fewer letters a-z is found inside words of every Latin-script language (Shona
  // "*mari*", money, inside "Maria"): parts that short are refused.
  if (lead && form.length < 5 && /^[a-z]+$/.test(form)) return undefined;
  return { kind: lead ? 'infix' : trail ? 'prefix' : 'exact', form };
}

function addTo(list: (readonly number[] | undefined)[], node: number, concept: number): void {
  const cur = list[node];
  if (cur === undefined) list[node] = [concept];
  else if (!cur.includes(concept)) list[node] = [...cur, concept];
}

const slot = (node: number, unit: number, mask: number): number => (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & mask;

/** Child of `node` by code unit `unit`, or 0. */
function child(lex: ConceptLexicon, node: number, unit: number): number {
  for (let i = slot(node, unit, lex.mask); ; i = (i + 1) & lex.mask) {
    const c = lex.edgeChild[i] ?? 0;
    if (c === 0 || (lex.edgeNode[i] === node && lex.edgeUnit[i] === unit)) return c;
  }
}

/** Compile a lexicon file (every language) into the tries. Bad entries throw. */
export function compileLexicon(file: LexiconFile): ConceptLexicon {
  const names = Object.keys(file.concepts).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const parsed: { kind: Kind; form: string; concept: number }[] = [];
  for (const [lang, { entries }] of Object.entries(file.languages)) {
    for (const [concept, forms] of Object.entries(entries)) {
      const c = index.get(concept);
      if (c === undefined) throw new Error(`lexicon ${lang}: unknown concept ${concept}`);
      for (const entry of forms) {
        const e = parseEntry(entry);
        if (e === undefined) throw new Error(`lexicon ${lang}/${concept}: bad entry ${JSON.stringify(entry)}`);
        parsed.push({ ...e, concept: c });
      }
    }
  }
  let units = 0;
  for (const e of parsed) units += e.form.length;
  // At most one edge per code unit of an entry; the table is kept under half full.
  let size = 1024;
  while (size < units * 2) size *= 2;
  const lex: ConceptLexicon = {
    names,
    edgeNode: new Int32Array(size),
    edgeUnit: new Uint16Array(size),
    edgeChild: new Int32Array(size),
    mask: size - 1,
    rootChild: [new Int32Array(65536), new Int32Array(65536)],
    exact: [],
    prefix: [],
    infix: [],
  };
  let nodes = 2;
  for (const e of parsed) {
    let n = e.kind === 'infix' ? 1 : 0;
    for (let i = 0; i < e.form.length; i++) {
      const u = e.form.charCodeAt(i);
      let next = child(lex, n, u);
      if (next === 0) {
        next = nodes++;
        let k = slot(n, u, lex.mask);
        while ((lex.edgeChild[k] ?? 0) !== 0) k = (k + 1) & lex.mask;
        lex.edgeNode[k] = n;
        lex.edgeUnit[k] = u;
        lex.edgeChild[k] = next;
        if (n <= 1) (n === 0 ? lex.rootChild[0] : lex.rootChild[1])[u] = next;
      }
      n = next;
    }
    addTo(e.kind === 'exact' ? lex.exact : e.kind === 'prefix' ? lex.prefix : lex.infix, n, e.concept);
  }
  return lex;
}

// Scripts written without spaces between words, whose runs are scanned for substrings: Thai, Lao,
// Tibetan, Myanmar, Khmer, kana and Han (`noSpace`).
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Longest token scanned (a longer one is cut: no lexicon entry is that long). */
const MAX_TOKEN = 48;
/** Longest no-space run scanned, in code units. */
const MAX_RUN = 4096;

// The concepts of the last successful `walk` and `matchAt` (module state: no allocation per
// token position).
let walked: readonly number[] = [];
let matched: readonly number[] = [];

/**
 * The end of the longest entry of the trie at `root` in `token` from `from`, or -1; its concepts
 * are left in `walked`. Root 0 (whole-word and stem entries) takes whole-word entries only at the
 * token's end unless `anywhere` (no-space runs, where every entry is a substring); root 1 holds
 * the part entries.
 */
function walk(lex: ConceptLexicon, root: 0 | 1, token: string, from: number, anywhere: boolean): number {
  let n = lex.rootChild[root][token.charCodeAt(from)] ?? 0;
  let bestEnd = -1;
  for (let i = from; n !== 0; ) {
    const end = i + 1;
    const found = root === 1 ? lex.infix[n] : lex.prefix[n] ?? (anywhere || end === token.length ? lex.exact[n] : undefined);
    if (found !== undefined) {
      bestEnd = end;
      walked = found;
    }
    if (++i >= token.length) break;
    n = child(lex, n, token.charCodeAt(i));
  }
  return bestEnd;
}

/**
 * Concepts in `token` starting at `from`: whole-word and stem entries at the token's start (or
 * anywhere in a no-space run), part entries everywhere; the longer match wins. Leaves its
 * concepts in `matched` and returns its end, or -1.
 */
function matchAt(lex: ConceptLexicon, token: string, from: number, anywhere: boolean): number {
  const endWhole = from === 0 || anywhere ? walk(lex, 0, token, from, anywhere) : -1;
  const whole = walked;
  const endPart = walk(lex, 1, token, from, anywhere);
  if (endWhole < 0 && endPart < 0) return -1;
  matched = endWhole >= endPart ? whole : walked;
  return Math.max(endWhole, endPart);
}

/** Whether `token` has a letter of a script written without spaces (listed above). */
function noSpace(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x0e00) continue;
    if (c <= 0x0fff || (c >= 0x1000 && c <= 0x109f) || (c >= 0x1780 && c <= 0x17ff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return true;
  }
  return false;
}

/** Tokens whose concepts are remembered per lexicon; the memory is emptied when it is full. */
const TOKEN_MEMORY = 20_000;
const NONE: readonly number[] = [];
const memories = new WeakMap<ConceptLexicon, Map<string, readonly number[]>>();

/**
 * The concepts of a token of a spaced script. Remembered: words repeat (Zipf), and a remembered
 * token costs one `Map` lookup instead of a walk from each of its positions (session 14, speed).
 */
function tokenConcepts(lex: ConceptLexicon, token: string, memory: Map<string, readonly number[]>): readonly number[] {
  const known = memory.get(token);
  if (known !== undefined) return known;
  let out: number[] | undefined;
  for (let s = 0; s < token.length; ) {
    const end = matchAt(lex, token, s, false);
    if (end < 0) {
      s++;
      continue;
    }
    out ??= [];
    for (const c of matched) out.push(c);
    s = end;
  }
  if (memory.size >= TOKEN_MEMORY) memory.clear();
  const found = out ?? NONE;
  memory.set(token, found);
  return found;
}

/**
 * Punctuation around token positions, for rules that need a little syntax (concept-rules.ts):
 * `label` holds the positions of tokens followed by a colon or comma (a label or a vocative:
 * "Assistant:", "Model AI, …") or preceded by `@` (a mention); `line` the positions of tokens
 * followed by a line break.
 */
export interface ConceptMarks {
  readonly label: Set<number>;
  readonly line: Set<number>;
  /** Tokens of at most `SHORT_TOKEN` code units, by position. */
  readonly short: Map<number, string>;
  /** Positions of tokens inside quotation marks in running text (not data fields: `QuoteState`). */
  readonly quoted: Set<number>;
}

/** Marks with nothing recorded yet, for `findConcepts` to fill. */
export function emptyMarks(): ConceptMarks {
  return { label: new Set(), line: new Set(), short: new Map(), quoted: new Set() };
}

/** Longest token `ConceptMarks.short` records. */
export const SHORT_TOKEN = 3;

// The Khmer colon ៖ too ("ជំនួយការ AI៖"), and the Ethiopic comma, colon and preface colon ፣ ፥ ፦.
const LABEL_MARK = /^[^\S\n]*["'”’»)\]]?[^\S\n]*[:：,，،、៖፣፥፦]/;

// Quotation marks: those that only open, those that only close, and those that open when no quote
// is open and close otherwise (straight quotes; “ opens in English and closes in German).
const QUOTE_OPEN = '„«「『‹';
const QUOTE_CLOSE = '»」』”›';
const QUOTE_EITHER = '"“';
// A quotation opened after one of these (or at the start of a line) is a data field, as in JSON
// and CSV ("note": "…"), not a quotation in running text.
const FIELD_BEFORE = ':,;[{(=\n';

/** Where a token stands with respect to quotation marks. */
export type QuoteState = 'none' | 'prose' | 'field';

// The quotation state after `gap`, given the state before it (`afterToken`: the gap follows a token).
function quoteAfter(gap: string, state: QuoteState, afterToken: boolean): QuoteState {
  for (let i = 0; i < gap.length; i++) {
    const c = gap[i] as string;
    if (c === '\n') state = 'none';
    else if (QUOTE_CLOSE.includes(c) || (state !== 'none' && QUOTE_EITHER.includes(c))) state = 'none';
    else if (QUOTE_OPEN.includes(c) || QUOTE_EITHER.includes(c)) {
      let j = i - 1;
      while (j >= 0 && (gap[j] === ' ' || gap[j] === '\t')) j--;
      const before = j >= 0 ? (gap[j] as string) : afterToken ? 'a' : '\n';
      state = FIELD_BEFORE.includes(before) ? 'field' : 'prose';
    }
  }
  return state;
}

// Records the marks of the gap between the token ending at position `prev` and the next token, at
// `next`; returns the quotation state at `next`.
function markGap(gap: string, prev: number, next: number, marks: ConceptMarks, state: QuoteState): QuoteState {
  if (prev >= 0 && LABEL_MARK.test(gap)) marks.label.add(prev);
  if (prev >= 0 && gap.includes('\n')) marks.line.add(prev);
  if (gap.endsWith('@')) marks.label.add(next);
  return quoteAfter(gap, state, prev >= 0);
}

/**
 * Every concept occurrence in folded text (see `foldConcepts`), in order; with `marks`, the
 * punctuation around the token positions too.
 */
export function findConcepts(lex: ConceptLexicon, folded: string, maxChars = 65_536, marks?: ConceptMarks): ConceptHit[] {
  const text = folded.length > maxChars ? folded.slice(0, maxChars) : folded;
  let memory = memories.get(lex);
  if (memory === undefined) {
    memory = new Map();
    memories.set(lex, memory);
  }
  const hits: ConceptHit[] = [];
  let pos = 0;
  let lastEnd = 0;
  let quote: QuoteState = 'none';
  for (const m of text.matchAll(WORD)) {
    if (marks !== undefined) {
      // Most gaps are one space, which marks nothing.
      if (m.index - lastEnd !== 1 || text.charCodeAt(lastEnd) !== 32) quote = markGap(text.slice(lastEnd, m.index), pos - 1, pos, marks, quote);
      if (quote === 'prose') {
        // Every position of a run without spaces is inside the quotation.
        const last = noSpace(m[0]) ? pos + Math.max(1, Math.min(m[0].length, MAX_RUN) >> 1) - 1 : pos;
        for (let p = pos; p <= last; p++) marks.quoted.add(p);
      }
      lastEnd = m.index + m[0].length;
    }
    const anywhere = noSpace(m[0]);
    if (marks !== undefined && m[0].length <= SHORT_TOKEN) marks.short.set(pos, m[0]);
    if (!anywhere) {
      const token = m[0].length > MAX_TOKEN ? m[0].slice(0, MAX_TOKEN) : m[0];
      for (const c of tokenConcepts(lex, token, memory)) hits.push({ concept: c, pos });
      pos++;
      continue;
    }
    const run = m[0].length > MAX_RUN ? m[0].slice(0, MAX_RUN) : m[0];
    for (let s = 0; s < run.length; ) {
      const end = matchAt(lex, run, s, true);
      if (end < 0) {
        s++;
        continue;
      }
      // Positions inside a no-space run advance about one per two characters (a word's length).
      for (const c of matched) hits.push({ concept: c, pos: pos + (s >> 1) });
      s = end;
    }
    pos += Math.max(1, run.length >> 1);
  }
  if (marks !== undefined) markGap(text.slice(lastEnd), pos - 1, pos, marks, quote);
  return hits;
}

/** Concepts closer than this many positions form a pair feature. */
export const PAIR_WINDOW = 6;

/**
 * Concepts read only by the concept rules (concept-rules.ts), compiled into a lexicon of their own
 * (session 18: added for the document families). In the main lexicon their forms would change what
 * the other concepts match (the longest form wins at each position), and so the features of the
 * direct and answer models.
 */
export const RULE_ONLY_CONCEPTS: ReadonlySet<string> = new Set(['confirm', 'omit', 'tell']);

/**
 * `file` with only the entries of the concepts `keep` accepts. Every concept stays named, so the
 * lexicons compiled from two parts number the concepts alike and their hits can be merged.
 */
export function lexiconPart(file: LexiconFile, keep: (concept: string) => boolean): LexiconFile {
  const languages: Record<string, { name?: string; entries: Record<string, readonly string[]> }> = {};
  for (const [lang, l] of Object.entries(file.languages)) {
    languages[lang] = { ...l, entries: Object.fromEntries(Object.entries(l.entries).filter(([c]) => keep(c))) };
  }
  return { concepts: file.concepts, languages };
}

/**
 * Named features of the concepts in `hits`: `c:<concept>` for each one present and
 * `cc:<a>+<b>` for each pair of different concepts within `PAIR_WINDOW` positions (names sorted,
 * so a language's word order does not matter), each scaled by `weight`.
 */
export function conceptFeatures(lex: ConceptLexicon, hits: readonly ConceptHit[], named: Map<string, number>, weight = 1): void {
  for (const h of hits) named.set(`c:${lex.names[h.concept]}`, weight);
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < hits.length; j++) {
      const b = hits[j];
      if (b === undefined || b.pos - a.pos >= PAIR_WINDOW) break;
      if (a.concept === b.concept) continue;
      const [x, y] = a.concept < b.concept ? [a.concept, b.concept] : [b.concept, a.concept];
      named.set(`cc:${lex.names[x]}+${lex.names[y]}`, weight);
    }
  }
}
