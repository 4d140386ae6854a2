/**
 * A small averaged-perceptron sequence tagger (Collins 2002) for names, street addresses,
 * locations and organisations. Weights are trained in-repo by `scripts/train-pii.ts` on the
 * development split and committed as `ner-model.json`; no downloaded model, no native code.
 * Decoding is greedy left to right with BIO constraints, linear in the number of tokens.
 */

import model from './ner-model.json' with { type: 'json' };
import { Rank, type Candidate } from './candidate.js';
import { INTERSECTION_CUE_WORDS, refineEntities } from './refine.js';
import { NEIGHBOURS, NER_LABELS, PHRASE_INDEXES, allowedAtLineStart, hashCodeUnits, phraseLength, scanTokens, tokenLower, tokenSpans, wordObservation } from './ner-features.js';

/** Shape of the committed model file. */
export interface NerModelFile {
  readonly labels: readonly string[];
  readonly vocab: readonly string[];
  readonly features: readonly string[];
  /** Per feature: flat pairs [labelIndex, weight x 1000, ...]. */
  readonly weights: readonly (readonly number[])[];
}

/**
 * Word-list features of a token, in the order `observe` (ner-features.ts) emits them: the
 * single-word lists first, then the B/I marks of the country, city and region phrases.
 */
const GAZ = ['fn', 'sn', 'nsx', 'hon', 'org', 'orgp', 'st', 'cue', 'ctryB', 'ctryI', 'cityB', 'cityI', 'regB', 'regI'] as const;
/** Index in {@link GAZ} of the B mark of phrase list j (I is the next one). */
const PHRASE_GAZ = [8, 10, 12] as const;
const CAPS = ['T', 'I', 'U', 'L', 'D', 'P'] as const;

/** Labels (NER_LABELS); the scorer is unrolled for this many (checked when compiling). */
const N = 9;

/**
 * What the tagger needs of one token text, compiled once. Every weight that depends on the text
 * alone is summed into a row ahead of time; only what depends on position (phrase marks, line
 * and text boundaries) or on the previous labels is added per token.
 */
interface WordEntry {
  readonly text: string;
  readonly lower: string;
  /**
   * Row of the token's own text-only features: its word features, its single-word lists and,
   * when a single-word list holds it, the list-and-case feature.
   */
  readonly own: number;
  /** First of the rows it contributes as neighbour slot j of {@link NEIGHBOURS} (row own + 1 + j). */
  readonly ctx: number;
  /** Index into {@link CAPS}. */
  readonly cap: number;
  /** The first single-word list holding it ({@link GAZ} index), or -1. */
  readonly firstGaz: number;
  /** The token contains an ASCII digit (address lines do). */
  readonly digit: boolean;
  /** The word can open an intersection ("corner", "esquina"; see refine.ts). */
  readonly cue: boolean;
  /** {@link rowLift} of its own row, of its history row after O, and after nothing (first token). */
  readonly ownLift: number;
  readonly histLiftO: number;
  readonly histLiftFirst: number;
  /** {@link rowLift} of its row as neighbour slot 0..3 of {@link NEIGHBOURS}. */
  readonly ctxLift0: number;
  readonly ctxLift1: number;
  readonly ctxLift2: number;
  readonly ctxLift3: number;
  /** Bit j: the lower-cased token starts some phrase of PHRASE_INDEXES[j]. */
  readonly phrase: number;
  /**
   * History rows: row `hist + p` = `t1s=<p>|<shape>` + `t1w=<p>|<word>` after label p, row
   * `hist + N` = `t1s=O|<shape>` alone (the first token has no previous word).
   */
  readonly hist: number;
}

/** Feature rows that depend on position or labels only, resolved once per model. */
interface Tables {
  /** [prev * N + label]: allowed after the previous label (BIO: I-X only after B-X or I-X). */
  readonly allowed: Uint8Array;
  /** [label]: 1 when the label may start a line ({@link allowedAtLineStart}). */
  readonly lineStart: Uint8Array;
  /** Row of `g=<gaz>` per {@link GAZ} entry. */
  readonly ownGaz: Int32Array;
  /** Row of `gc=<gaz>|<cap>`, indexed gaz * CAPS.length + cap. */
  readonly gazCap: Int32Array;
  /** Row of `<tag>:g=<gaz>`, indexed slot * GAZ.length + gaz. */
  readonly ctxGaz: Int32Array;
  /** Row of `<tag>:none` per neighbour slot. */
  readonly none: Int32Array;
  readonly nl: number;
  readonly bos: number;
  readonly eos: number;
  readonly nla: number;
  readonly ld: number;
  /** Row of `t1=<prev1>` + `t2=<prev2>|<prev1>`: base + prev2 * N + prev1. */
  readonly t12: number;
  /** Entity type of each label ('' for O) and whether it begins a span. */
  readonly type: readonly string[];
  readonly begins: readonly boolean[];
  /** {@link rowLift} of every fixed row (features, then the t1/t2 rows). */
  readonly lift: Int32Array;
}

/**
 * Open-addressing table of {@link WordEntry} keyed by token text, looked up by a range of the
 * input so that a known word costs no substring.
 */
class WordTable {
  slots: (WordEntry | undefined)[] = new Array<WordEntry | undefined>(1024);
  size = 0;

  find(text: string, start: number, end: number, h: number): WordEntry | undefined {
    const mask = this.slots.length - 1;
    const len = end - start;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = this.slots[i];
      if (e === undefined) return undefined;
      if (e.text.length === len && sameText(e.text, text, start)) return e;
    }
  }

  add(e: WordEntry, h: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== undefined) i = (i + 1) & mask;
    this.slots[i] = e;
    this.size++;
  }

  clear(): void {
    this.slots = new Array<WordEntry | undefined>(1024);
    this.size = 0;
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Array<WordEntry | undefined>(capacity);
    this.size = 0;
    for (const e of old) if (e !== undefined) this.add(e, hashCodeUnits(e.text, 0, e.text.length));
  }
}

/** Whether `text` holds `key` at `start` (a loop: short keys, and `startsWith` with a position is slower). */
function sameText(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}


/** The compiled runtime form of a model file. */
export interface NerModel {
  readonly labels: readonly string[];
  readonly vocab: ReadonlySet<string>;
  /** Row of every feature in the row buffer (row 0 is all zeros and stands for a missing one). */
  readonly featureIds: ReadonlyMap<string, number>;
  /** Rows fixed at compile time; memoised word and history rows follow them. */
  readonly fixedRows: number;
  /**
   * Integer weights (the file's weight x 1000), {@link N} per row: integer sums are exact, so
   * their order does not matter and rows can be summed ahead of time. Grows as words are memoised.
   */
  buffer: Int32Array;
  /** Rows in use in {@link NerModel.buffer}. */
  used: number;
  readonly tables: Tables;
  /** Memo of {@link WordEntry} per token text; a pure function of the text and this model. */
  readonly words: WordTable;
  /** History rows per `shape \0 word` key (see {@link WordEntry.hist}). */
  readonly hist: Map<string, number>;
}

/** Bound on the per-model word memo; when full it is emptied (memory stays bounded, output is unaffected). */
const MAX_WORDS = 16_384;
/** Memo rows allocated up front (grown by doubling). */
const INITIAL_MEMO_ROWS = 8192;
/** Rows per memoised word: its own row and one per neighbour slot. */
const WORD_ROWS = 1 + NEIGHBOURS.length;

/** Compiles a model file into lookup tables; throws on a malformed file (at start-up). */
export function compileNerModel(file: NerModelFile): NerModel {
  if (file.labels.join(',') !== NER_LABELS.join(',')) {
    throw new Error('ner model labels do not match the feature code; retrain with scripts/train-pii.ts');
  }
  if (file.features.length !== file.weights.length) throw new Error('ner model is malformed');
  const n = file.labels.length;
  if (n !== N) throw new Error('ner model is malformed');
  const featureIds = new Map<string, number>();
  const featureRows = 1 + file.features.length;
  const fixedRows = featureRows + N * N;
  const buffer = new Int32Array((fixedRows + INITIAL_MEMO_ROWS) * N);
  file.features.forEach((f, r) => {
    const pairs = file.weights[r] ?? [];
    const row = r + 1;
    for (let j = 0; j + 1 < pairs.length; j += 2) {
      const k = pairs[j] ?? 0;
      const v = pairs[j + 1] ?? 0;
      if (!Number.isInteger(k) || k < 0 || k >= n || !Number.isInteger(v) || Math.abs(v) >= 2 ** 24) {
        throw new Error('ner model is malformed');
      }
      buffer[row * N + k] = v;
    }
    // A repeated feature keeps its last row, as the Map of the string-keyed form did.
    featureIds.set(f, row);
  });
  const id = (f: string): number => featureIds.get(f) ?? 0;
  const labels = file.labels;
  const allowed = new Uint8Array(n * n);
  const t12 = featureRows;
  for (let p = 0; p < n; p++) {
    const prev = labels[p] ?? 'O';
    for (let k = 0; k < n; k++) {
      const lab = labels[k] ?? 'O';
      const type = lab.slice(2);
      allowed[p * n + k] = !lab.startsWith('I-') || prev === `B-${type}` || prev === `I-${type}` ? 1 : 0;
      // Row t12 + k * N + p: previous labels (k, p) = (prev2, prev1).
      addRowTo(buffer, t12 + k * N + p, id(`t1=${prev}`));
      addRowTo(buffer, t12 + k * N + p, id(`t2=${lab}|${prev}`));
    }
  }
  const ownGaz = Int32Array.from(GAZ, (g) => id(`g=${g}`));
  const gazCap = new Int32Array(GAZ.length * CAPS.length);
  GAZ.forEach((g, gi) => CAPS.forEach((c, ci) => (gazCap[gi * CAPS.length + ci] = id(`gc=${g}|${c}`))));
  const ctxGaz = new Int32Array(NEIGHBOURS.length * GAZ.length);
  NEIGHBOURS.forEach(([, tag], j) => GAZ.forEach((g, gi) => (ctxGaz[j * GAZ.length + gi] = id(`${tag}:g=${g}`))));
  const lift = new Int32Array(fixedRows);
  for (let r = 0; r < fixedRows; r++) lift[r] = rowLift(buffer, r, allowed);
  const tables: Tables = {
    allowed,
    lineStart: Uint8Array.from(labels, (l) => (allowedAtLineStart(l) ? 1 : 0)),
    lift,
    ownGaz,
    gazCap,
    ctxGaz,
    none: Int32Array.from(NEIGHBOURS, ([, tag]) => id(`${tag}:none`)),
    nl: id('nl'),
    bos: id('bos'),
    eos: id('eos'),
    nla: id('nla'),
    ld: id('ld'),
    t12,
    type: labels.map((l) => (l === 'O' ? '' : l.slice(2))),
    begins: labels.map((l) => l.startsWith('B-')),
  };
  return {
    labels,
    vocab: new Set(file.vocab),
    featureIds,
    fixedRows,
    buffer,
    used: fixedRows,
    tables,
    words: new WordTable(),
    hist: new Map(),
  };
}

/**
 * How much a row can raise a label that may follow O above O: the largest row[k] - row[O] over
 * the labels allowed after O. When the labels before a token are O and the lifts of the rows it
 * adds sum below zero, every allowed label scores below O, so the decoder picks O without
 * summing the nine scores (an exact shortcut: integer weights, and O, first, wins ties).
 */
function rowLift(rows: Int32Array, row: number, allowed: Uint8Array): number {
  const o = row * N;
  const base = rows[o] ?? 0;
  let most = -(2 ** 30);
  for (let k = 1; k < N; k++) if (allowed[k] === 1) most = Math.max(most, (rows[o + k] ?? 0) - base);
  return most;
}

/** `rows[dst] += rows[src]`, label by label. */
function addRowTo(rows: Int32Array, dst: number, src: number): void {
  const d = dst * N;
  const s = src * N;
  for (let k = 0; k < N; k++) rows[d + k] = (rows[d + k] ?? 0) + (rows[s + k] ?? 0);
}

/** Reserves `count` zeroed rows in the memo region and returns the first. */
function allocRows(m: NerModel, count: number): number {
  if ((m.used + count) * N > m.buffer.length) {
    const grown = new Int32Array(Math.max(m.buffer.length * 2, (m.used + count) * N));
    grown.set(m.buffer);
    m.buffer = grown;
  }
  const row = m.used;
  m.used += count;
  // The region may hold sums of words memoised before the last trim.
  m.buffer.fill(0, row * N, m.used * N);
  return row;
}

const DEFAULT_MODEL: NerModel = compileNerModel(model);

/** A tagged entity in offsets of the text given to {@link tagEntities}. */
export interface TaggedSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/**
 * Empties the word memo once it exceeds {@link MAX_WORDS} and gives back the grown buffer. Only
 * called between texts: within one text, entries already handed out must keep their rows.
 */
function trimMemo(m: NerModel): void {
  if (m.words.size <= MAX_WORDS) return;
  m.words.clear();
  m.hist.clear();
  m.used = m.fixedRows;
  m.buffer = m.buffer.slice(0, (m.fixedRows + INITIAL_MEMO_ROWS) * N);
}

function histRows(m: NerModel, shape: string, word: string | undefined): number {
  const key = `${shape}\u0000${word ?? ''}`;
  let row = m.hist.get(key);
  if (row !== undefined) return row;
  row = allocRows(m, N + 1);
  const id = (f: string): number => m.featureIds.get(f) ?? 0;
  const buf = m.buffer;
  m.labels.forEach((l, p) => {
    const s = id(`t1s=${l}|${shape}`);
    addRowTo(buf, row + p, s);
    if (word !== undefined) addRowTo(buf, row + p, id(`t1w=${l}|${word}`));
    if (p === 0) addRowTo(buf, row + N, s);
  });
  m.hist.set(key, row);
  return row;
}

function newWordEntry(m: NerModel, text: string): WordEntry {
  const lower = tokenLower(text);
  const wo = wordObservation(text, lower, m.vocab);
  const tb = m.tables;
  const id = (f: string): number => m.featureIds.get(f) ?? 0;
  const gaz = wo.gaz.map((g) => GAZ.indexOf(g as (typeof GAZ)[number]));
  const cap = CAPS.indexOf(wo.cap as (typeof CAPS)[number]);
  const sh = wo.ctx[0] ?? '';
  const pw = wo.ctx.find((f) => f.startsWith('w='));
  const hist = histRows(m, sh, pw);
  const own = allocRows(m, WORD_ROWS);
  const buf = m.buffer;
  for (const f of wo.own) addRowTo(buf, own, id(f));
  for (const g of gaz) addRowTo(buf, own, tb.ownGaz[g] ?? 0);
  const g0 = gaz[0];
  if (g0 !== undefined) addRowTo(buf, own, tb.gazCap[g0 * CAPS.length + cap] ?? 0);
  NEIGHBOURS.forEach(([, tag], j) => {
    for (const f of wo.ctx) addRowTo(buf, own + 1 + j, id(`${tag}:${f}`));
    for (const g of gaz) addRowTo(buf, own + 1 + j, tb.ctxGaz[j * GAZ.length + g] ?? 0);
  });
  let phrase = 0;
  PHRASE_INDEXES.forEach((idx, j) => {
    if (idx.root.next.has(lower)) phrase |= 1 << j;
  });
  const c = text.charCodeAt(0);
  const al = tb.allowed;
  return {
    text,
    lower,
    own,
    ctx: own + 1,
    cap,
    firstGaz: g0 ?? -1,
    digit: (c >= 48 && c <= 57) || /\d/.test(text),
    cue: INTERSECTION_CUE_WORDS.has(lower),
    phrase,
    hist,
    ownLift: rowLift(buf, own, al),
    histLiftO: rowLift(m.buffer, hist, al),
    histLiftFirst: rowLift(m.buffer, hist + N, al),
    ctxLift0: rowLift(buf, own + 1, al),
    ctxLift1: rowLift(buf, own + 2, al),
    ctxLift2: rowLift(buf, own + 3, al),
    ctxLift3: rowLift(buf, own + 4, al),
  };
}

/** Appends the phrase-mark rows of `mk` from `table` (own: GAZ-indexed; neighbour: slot offset). */
function pushMarks(list: Int32Array, c: number, table: Int32Array, offset: number, mk: number): number {
  // marks: two bits per phrase list, 1 = B, 2 = I, in list order.
  for (let j = 0; j < PHRASE_GAZ.length; j++) {
    const b = (mk >> (2 * j)) & 3;
    if (b !== 0) list[c++] = table[offset + (PHRASE_GAZ[j] ?? 0) + b - 1] ?? 0;
  }
  return c;
}

/** First phrase-mark feature of a mark set (as a GAZ index), or -1. */
function firstMark(mk: number): number {
  for (let j = 0; j < PHRASE_GAZ.length; j++) {
    const b = (mk >> (2 * j)) & 3;
    if (b !== 0) return (PHRASE_GAZ[j] ?? 0) + b - 1;
  }
  return -1;
}

/**
 * Whether the text last given to {@link tagEntities} holds a word that can open an intersection
 * (tagging is synchronous, so this is the text just tagged). Lets the boundary rules skip a
 * whole-text search on the texts (nearly all) without one.
 */
let lastTextHadCue = false;

// Scratch space reused across calls (tagging is synchronous, so calls never interleave).
let spans = tokenSpans(1024);
let entries: WordEntry[] = [];
let marks = new Uint8Array(1024);
let lineDigit = new Uint8Array(1024);
/** Per token: buffer offsets (row x N) of its own row, its first neighbour row and its history rows. */
let ownAt = new Int32Array(1024);
let ctxAt = new Int32Array(1024);
let histAt = new Int32Array(1024);
let phraseBits = new Uint8Array(1024);
/** Rows beyond the seven every token has (phrase marks, line and text boundaries; at most 20). */
const extra = new Int32Array(32);
const sc = new Float64Array(N);

// The decoder reads the neighbour slots at fixed offsets.
if (NEIGHBOURS.map(([d]) => d).join() !== '-1,1,-2,2') throw new Error('ner: neighbour slots changed; update tagEntities');

/**
 * Tags PERSON / STREET_ADDRESS / LOCATION / ORGANIZATION spans. `m` defaults to the committed
 * model; the training script passes its own.
 *
 * The features are those of `observe`/`features` in ner-features.ts (which training uses), but
 * resolved to weight rows once per distinct token text; the weights are the file's integers, so
 * every label score is the exact sum the string-keyed scorer approximates in floating point.
 */
export function tagEntities(text: string, m: NerModel = DEFAULT_MODEL): TaggedSpan[] {
  trimMemo(m);
  const tok = scanTokens(text, spans);
  spans = tok;
  const T = tok.count;
  const starts = tok.start;
  const ends = tok.end;
  const nls = tok.nl;
  if (entries.length < T) entries = new Array<WordEntry>(T * 2);
  if (marks.length < T + 1) {
    marks = new Uint8Array(T * 2 + 1);
    lineDigit = new Uint8Array(T * 2 + 1);
    ownAt = new Int32Array(T * 2 + 1);
    ctxAt = new Int32Array(T * 2 + 1);
    histAt = new Int32Array(T * 2 + 1);
    phraseBits = new Uint8Array(T * 2 + 1);
  }
  let anyPhrase = 0;
  let cue = false;
  for (let i = 0; i < T; i++) {
    const s = starts[i] ?? 0;
    const e = ends[i] ?? 0;
    const h = tok.hash[i] ?? 0;
    let w = m.words.find(text, s, e, h);
    if (w === undefined) {
      w = newWordEntry(m, text.slice(s, e));
      m.words.add(w, h);
    }
    entries[i] = w;
    ownAt[i] = w.own * N;
    ctxAt[i] = w.ctx * N;
    histAt[i] = w.hist * N;
    phraseBits[i] = w.phrase;
    anyPhrase |= w.phrase;
    if (w.cue) cue = true;
  }
  const words = entries;
  // Read after the entries: memoising words may have grown the buffer.
  const rows = m.buffer;
  const tb = m.tables;
  // Gazetteer phrase marks, two bits per list; only tokens that start a phrase look further.
  // One pass for the three lists: each list resumes after its own last phrase.
  marks.fill(0, 0, T);
  if (anyPhrase !== 0) {
    const resume = [0, 0, 0];
    for (let i = 0; i < T; i++) {
      const bits = phraseBits[i] ?? 0;
      if (bits === 0) continue;
      for (let j = 0; j < PHRASE_INDEXES.length; j++) {
        if ((bits & (1 << j)) === 0 || i < (resume[j] ?? 0)) continue;
        const idx = PHRASE_INDEXES[j];
        if (idx === undefined) continue;
        // The scratch array may be longer than this text: entries past T are stale.
        const best = phraseLength(words, i, idx, T);
        if (best > 0) {
          marks[i] = (marks[i] ?? 0) | (1 << (2 * j));
          for (let k = 1; k < best; k++) marks[i + k] = (marks[i + k] ?? 0) | (2 << (2 * j));
          resume[j] = i + best;
        }
      }
    }
  }
  // Per line: does it contain a digit.
  for (let i = 0; i < T; ) {
    let j = i + 1;
    while (j < T && nls[j] !== 1) j++;
    let has = 0;
    for (let k = i; k < j; k++) if (words[k]?.digit === true) has = 1;
    lineDigit.fill(has, i, j);
    i = j;
  }

  const out: TaggedSpan[] = [];
  let prev1 = 0;
  let prev2 = 0;
  let openType = '';
  let openStart = 0;
  let openEnd = 0;
  let openMargin = 0;
  let openCount = 0;
  const close = (): void => {
    if (openType === '') return;
    // Margins (in thousandths) map to a confidence through a logistic squash; never certain.
    const mean = openMargin / 1000 / openCount;
    const score = Math.min(0.95, 1 / (1 + Math.exp(-mean)));
    out.push({ type: openType, start: openStart, end: openEnd, score });
    openType = '';
  };
  const none0 = (tb.none[0] ?? 0) * N;
  const none1 = (tb.none[1] ?? 0) * N;
  const none2 = (tb.none[2] ?? 0) * N;
  const none3 = (tb.none[3] ?? 0) * N;
  const t12 = tb.t12 * N;
  const anyMarks = anyPhrase !== 0;
  for (let i = 0; i < T; i++) {
    const e = words[i];
    if (e === undefined) break;
    // Every token: its own row, one row per neighbour slot (-1, +1, -2, +2; slot j of word p is
    // row ctx + j) or that slot's "none", and the two history rows. Integer sums are exact, so
    // the order of the additions is free.
    const a = ownAt[i] ?? 0;
    const b = i >= 1 ? (ctxAt[i - 1] ?? 0) : none0;
    const c = i + 1 < T ? (ctxAt[i + 1] ?? 0) + N : none1;
    const d = i >= 2 ? (ctxAt[i - 2] ?? 0) + 2 * N : none2;
    const f = i + 2 < T ? (ctxAt[i + 2] ?? 0) + 3 * N : none3;
    const g = t12 + (prev2 * N + prev1) * N;
    const h = (histAt[i] ?? 0) + (i === 0 ? N : prev1) * N;
    // Then the rows of position: phrase marks (own and neighbours'), line and text boundaries.
    let x = 0;
    if (anyMarks) {
      const mk = marks[i] ?? 0;
      if (mk !== 0) {
        x = pushMarks(extra, x, tb.ownGaz, 0, mk);
        if (e.firstGaz < 0) extra[x++] = tb.gazCap[firstMark(mk) * CAPS.length + e.cap] ?? 0;
      }
      if (i >= 1 && marks[i - 1] !== 0) x = pushMarks(extra, x, tb.ctxGaz, 0, marks[i - 1] ?? 0);
      if (i + 1 < T && marks[i + 1] !== 0) x = pushMarks(extra, x, tb.ctxGaz, GAZ.length, marks[i + 1] ?? 0);
      if (i >= 2 && marks[i - 2] !== 0) x = pushMarks(extra, x, tb.ctxGaz, 2 * GAZ.length, marks[i - 2] ?? 0);
      if (i + 2 < T && marks[i + 2] !== 0) x = pushMarks(extra, x, tb.ctxGaz, 3 * GAZ.length, marks[i + 2] ?? 0);
    }
    if (nls[i] === 1) extra[x++] = tb.nl;
    if (i === 0) extra[x++] = tb.bos;
    if (i + 1 === T) extra[x++] = tb.eos;
    else if (nls[i + 1] === 1) extra[x++] = tb.nla;
    if (lineDigit[i] === 1) extra[x++] = tb.ld;
    if (prev1 === 0) {
      let bound =
        e.ownLift +
        (i === 0 ? e.histLiftFirst : e.histLiftO) +
        (i >= 1 ? (words[i - 1] as WordEntry).ctxLift0 : (tb.lift[tb.none[0] ?? 0] ?? 0)) +
        (i + 1 < T ? (words[i + 1] as WordEntry).ctxLift1 : (tb.lift[tb.none[1] ?? 0] ?? 0)) +
        (i >= 2 ? (words[i - 2] as WordEntry).ctxLift2 : (tb.lift[tb.none[2] ?? 0] ?? 0)) +
        (i + 2 < T ? (words[i + 2] as WordEntry).ctxLift3 : (tb.lift[tb.none[3] ?? 0] ?? 0)) +
        (tb.lift[tb.t12 + prev2 * N] ?? 0);
      for (let q = 0; q < x; q++) bound += tb.lift[extra[q] ?? 0] ?? 0;
      if (bound < 0) {
        // O for certain (see rowLift): what the scoring below would conclude.
        close();
        prev2 = 0;
        continue;
      }
    }
    let s0 = (rows[a] ?? 0) + (rows[b] ?? 0) + (rows[c] ?? 0) + (rows[d] ?? 0) + (rows[f] ?? 0) + (rows[g] ?? 0) + (rows[h] ?? 0);
    let s1 = (rows[a + 1] ?? 0) + (rows[b + 1] ?? 0) + (rows[c + 1] ?? 0) + (rows[d + 1] ?? 0) + (rows[f + 1] ?? 0) + (rows[g + 1] ?? 0) + (rows[h + 1] ?? 0);
    let s2 = (rows[a + 2] ?? 0) + (rows[b + 2] ?? 0) + (rows[c + 2] ?? 0) + (rows[d + 2] ?? 0) + (rows[f + 2] ?? 0) + (rows[g + 2] ?? 0) + (rows[h + 2] ?? 0);
    let s3 = (rows[a + 3] ?? 0) + (rows[b + 3] ?? 0) + (rows[c + 3] ?? 0) + (rows[d + 3] ?? 0) + (rows[f + 3] ?? 0) + (rows[g + 3] ?? 0) + (rows[h + 3] ?? 0);
    let s4 = (rows[a + 4] ?? 0) + (rows[b + 4] ?? 0) + (rows[c + 4] ?? 0) + (rows[d + 4] ?? 0) + (rows[f + 4] ?? 0) + (rows[g + 4] ?? 0) + (rows[h + 4] ?? 0);
    let s5 = (rows[a + 5] ?? 0) + (rows[b + 5] ?? 0) + (rows[c + 5] ?? 0) + (rows[d + 5] ?? 0) + (rows[f + 5] ?? 0) + (rows[g + 5] ?? 0) + (rows[h + 5] ?? 0);
    let s6 = (rows[a + 6] ?? 0) + (rows[b + 6] ?? 0) + (rows[c + 6] ?? 0) + (rows[d + 6] ?? 0) + (rows[f + 6] ?? 0) + (rows[g + 6] ?? 0) + (rows[h + 6] ?? 0);
    let s7 = (rows[a + 7] ?? 0) + (rows[b + 7] ?? 0) + (rows[c + 7] ?? 0) + (rows[d + 7] ?? 0) + (rows[f + 7] ?? 0) + (rows[g + 7] ?? 0) + (rows[h + 7] ?? 0);
    let s8 = (rows[a + 8] ?? 0) + (rows[b + 8] ?? 0) + (rows[c + 8] ?? 0) + (rows[d + 8] ?? 0) + (rows[f + 8] ?? 0) + (rows[g + 8] ?? 0) + (rows[h + 8] ?? 0);
    for (let q = 0; q < x; q++) {
      const o = (extra[q] ?? 0) * N;
      s0 += rows[o] ?? 0;
      s1 += rows[o + 1] ?? 0;
      s2 += rows[o + 2] ?? 0;
      s3 += rows[o + 3] ?? 0;
      s4 += rows[o + 4] ?? 0;
      s5 += rows[o + 5] ?? 0;
      s6 += rows[o + 6] ?? 0;
      s7 += rows[o + 7] ?? 0;
      s8 += rows[o + 8] ?? 0;
    }
    sc[0] = s0;
    sc[1] = s1;
    sc[2] = s2;
    sc[3] = s3;
    sc[4] = s4;
    sc[5] = s5;
    sc[6] = s6;
    sc[7] = s7;
    sc[8] = s8;

    let best = -1;
    let bestScore = -Infinity;
    let second = -Infinity;
    const allowedRow = prev1 * N;
    const lineStart = nls[i] === 1;
    for (let k = 0; k < N; k++) {
      if (tb.allowed[allowedRow + k] === 0 || (lineStart && tb.lineStart[k] === 0)) continue;
      const v = sc[k] ?? 0;
      if (v > bestScore) {
        second = bestScore;
        bestScore = v;
        best = k;
      } else if (v > second) second = v;
    }
    const label = best < 0 ? 0 : best;
    const margin = Number.isFinite(second) ? bestScore - second : 1000;
    if (label === 0) close();
    else if (tb.begins[label] === true) {
      close();
      openType = tb.type[label] ?? '';
      openStart = starts[i] ?? 0;
      openEnd = ends[i] ?? 0;
      openMargin = margin;
      openCount = 1;
    } else if (openType !== '') {
      openEnd = ends[i] ?? 0;
      openMargin += margin;
      openCount++;
    }
    prev2 = prev1;
    prev1 = label;
  }
  close();
  trimMemo(m);
  lastTextHadCue = cue;
  return out;
}

/** Tagger output, with the boundary rules of refine.ts applied, as detection candidates. */
export function detectEntities(text: string, types: ReadonlySet<string> | undefined): Candidate[] {
  const out: Candidate[] = [];
  const tagged = tagEntities(text);
  for (const s of refineEntities(text, tagged, lastTextHadCue)) {
    if (types !== undefined && !types.has(s.type)) continue;
    out.push({ type: s.type, start: s.start, end: s.end, score: s.score, rank: Rank.Model });
  }
  return out;
}
