/**
 * A small averaged-perceptron sequence tagger (Collins 2002) for names, street addresses,
 * locations and organisations. Weights are trained in-repo by `scripts/train-pii.ts` on the
 * development split and committed as `ner-model.json`; no downloaded model, no native code.
 * Decoding is greedy left to right with BIO constraints, linear in the number of tokens.
 */

import model from './ner-model.json' with { type: 'json' };
import { Rank, type Candidate } from './candidate.js';
import { NEIGHBOURS, NER_LABELS, PHRASE_INDEXES, phraseLength, tokenize, wordObservation } from './ner-features.js';

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

/**
 * What the tagger needs of one token text, compiled once: summed weight vectors of the text-only
 * features and weight rows of the features that also depend on position or on previous labels.
 */
interface WordEntry {
  /**
   * First of this text's {@link WORD_ROWS} rows in the model's row buffer: the sum of its own
   * text-only feature rows, then per neighbour slot of {@link NEIGHBOURS} the sum of the rows it
   * contributes as that neighbour.
   */
  readonly row: number;
  /** Indices into {@link GAZ} of the single-word lists that hold the token. */
  readonly gaz: readonly number[];
  /** Index into {@link CAPS}. */
  readonly cap: number;
  /** The token contains an ASCII digit (address lines do). */
  readonly digit: boolean;
  /** Bit j: the lower-cased token starts some phrase of PHRASE_INDEXES[j]. */
  readonly phrase: number;
  /** Per previous label: row of `t1s=<label>|s=<shape>`, or -1. */
  readonly t1s: Int32Array;
  /** Per previous label: row of `t1w=<label>|w=<word>`, or undefined without an identity feature. */
  readonly t1w: Int32Array | undefined;
}

/** Feature rows that depend on position or labels only, resolved once per model. */
interface Tables {
  /** [label]: allowed after the previous label (BIO: I-X only after B-X or I-X). */
  readonly allowed: Uint8Array;
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
  /** Row of `t1=<prev1>`. */
  readonly t1: Int32Array;
  /** Row of `t2=<prev2>|<prev1>`, indexed prev2 * labels + prev1. */
  readonly t2: Int32Array;
  /** Entity type of each label ('' for O) and whether it begins a span. */
  readonly type: readonly string[];
  readonly begins: readonly boolean[];
}

/** Rows per memoised word: its own vector and one per neighbour slot. */
const WORD_ROWS = 1 + NEIGHBOURS.length;
/** The scorer is unrolled for this many labels (NER_LABELS; checked when compiling). */
const N = 9;

/** The compiled runtime form of a model file. */
export interface NerModel {
  readonly labels: readonly string[];
  readonly vocab: ReadonlySet<string>;
  /** Row index of every feature in the row buffer. */
  readonly featureIds: ReadonlyMap<string, number>;
  /** Number of feature rows; word rows follow them in the buffer. */
  readonly featureCount: number;
  /**
   * Weights, {@link N} per row: the feature rows (exactly `weight x 1000 / 1000` as in the file),
   * then the summed rows of memoised words. Grows as words are memoised.
   */
  buffer: Float64Array;
  /** Rows in use in {@link NerModel.buffer}. */
  used: number;
  readonly tables: Tables;
  /** Memo of {@link WordEntry} per token text; a pure function of the text and this model. */
  readonly words: Map<string, WordEntry>;
}

/** Bound on the per-model word memo; when full it is emptied (memory stays bounded, output is unaffected). */
const MAX_WORDS = 16_384;
/** Word rows allocated up front (grown by doubling). */
const INITIAL_WORD_ROWS = 1024 * WORD_ROWS;

/** Compiles a model file into lookup tables; throws on a malformed file (at start-up). */
export function compileNerModel(file: NerModelFile): NerModel {
  if (file.labels.join(',') !== NER_LABELS.join(',')) {
    throw new Error('ner model labels do not match the feature code; retrain with scripts/train-pii.ts');
  }
  if (file.features.length !== file.weights.length) throw new Error('ner model is malformed');
  const n = file.labels.length;
  if (n !== N) throw new Error('ner model is malformed');
  const featureIds = new Map<string, number>();
  const rows = new Float64Array(file.features.length * n);
  file.features.forEach((f, r) => {
    const pairs = file.weights[r] ?? [];
    for (let j = 0; j + 1 < pairs.length; j += 2) {
      const k = pairs[j] ?? 0;
      if (!Number.isInteger(k) || k < 0 || k >= n) throw new Error('ner model is malformed');
      rows[r * n + k] = (pairs[j + 1] ?? 0) / 1000;
    }
    // A repeated feature keeps its last row, as the Map of the string-keyed form did.
    featureIds.set(f, r);
  });
  const id = (f: string): number => featureIds.get(f) ?? -1;
  const labels = file.labels;
  const allowed = new Uint8Array(n * n);
  const t1 = new Int32Array(n);
  const t2 = new Int32Array(n * n);
  for (let p = 0; p < n; p++) {
    const prev = labels[p] ?? 'O';
    t1[p] = id(`t1=${prev}`);
    for (let k = 0; k < n; k++) {
      const lab = labels[k] ?? 'O';
      const type = lab.slice(2);
      allowed[p * n + k] = !lab.startsWith('I-') || prev === `B-${type}` || prev === `I-${type}` ? 1 : 0;
      t2[k * n + p] = id(`t2=${lab}|${prev}`);
    }
  }
  const ownGaz = Int32Array.from(GAZ, (g) => id(`g=${g}`));
  const gazCap = new Int32Array(GAZ.length * CAPS.length);
  GAZ.forEach((g, gi) => CAPS.forEach((c, ci) => (gazCap[gi * CAPS.length + ci] = id(`gc=${g}|${c}`))));
  const ctxGaz = new Int32Array(NEIGHBOURS.length * GAZ.length);
  NEIGHBOURS.forEach(([, tag], j) => GAZ.forEach((g, gi) => (ctxGaz[j * GAZ.length + gi] = id(`${tag}:g=${g}`))));
  const tables: Tables = {
    allowed,
    ownGaz,
    gazCap,
    ctxGaz,
    none: Int32Array.from(NEIGHBOURS, ([, tag]) => id(`${tag}:none`)),
    nl: id('nl'),
    bos: id('bos'),
    eos: id('eos'),
    nla: id('nla'),
    ld: id('ld'),
    t1,
    t2,
    type: labels.map((l) => (l === 'O' ? '' : l.slice(2))),
    begins: labels.map((l) => l.startsWith('B-')),
  };
  const buffer = new Float64Array((file.features.length + INITIAL_WORD_ROWS) * n);
  buffer.set(rows);
  return {
    labels,
    vocab: new Set(file.vocab),
    featureIds,
    featureCount: file.features.length,
    buffer,
    used: file.features.length,
    tables,
    words: new Map(),
  };
}

const DEFAULT_MODEL: NerModel = compileNerModel(model);

/** A tagged entity in offsets of the text given to {@link tagEntities}. */
export interface TaggedSpan {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

/** `acc += rows[row]` label by label; a missing feature (-1) adds nothing. */
function addRow(acc: Float64Array, rows: Float64Array, row: number): void {
  if (row < 0) return;
  const o = row * N;
  for (let k = 0; k < N; k++) acc[k] = (acc[k] ?? 0) + (rows[o + k] ?? 0);
}

/**
 * Empties the word memo once it exceeds {@link MAX_WORDS} and gives back the grown buffer. Only
 * called between texts: within one text, entries already handed out must keep their rows.
 */
function trimMemo(m: NerModel): void {
  if (m.words.size <= MAX_WORDS) return;
  m.words.clear();
  m.used = m.featureCount;
  m.buffer = m.buffer.slice(0, (m.featureCount + INITIAL_WORD_ROWS) * N);
}

function wordEntry(m: NerModel, text: string, lower: string): WordEntry {
  let e = m.words.get(text);
  if (e !== undefined) return e;
  if ((m.used + WORD_ROWS) * N > m.buffer.length) {
    const grown = new Float64Array(m.buffer.length * 2);
    grown.set(m.buffer);
    m.buffer = grown;
  }
  const row = m.used;
  m.used += WORD_ROWS;
  const rows = m.buffer;
  const id = (f: string): number => m.featureIds.get(f) ?? -1;
  const wo = wordObservation(text, lower, m.vocab);
  // Sums start from zero, feature by feature, as the string-keyed scorer summed them.
  const own = rows.subarray(row * N, row * N + N);
  own.fill(0);
  for (const f of wo.own) addRow(own, rows, id(f));
  NEIGHBOURS.forEach(([, tag], j) => {
    const v = rows.subarray((row + 1 + j) * N, (row + 2 + j) * N);
    v.fill(0);
    for (const f of wo.ctx) addRow(v, rows, id(`${tag}:${f}`));
  });
  let phrase = 0;
  PHRASE_INDEXES.forEach((idx, j) => {
    if (idx.prefixes.has(lower)) phrase |= 1 << j;
  });
  const sh = wo.ctx[0] ?? '';
  const pw = wo.ctx.find((f) => f.startsWith('w='));
  const c = text.charCodeAt(0);
  e = {
    row,
    gaz: wo.gaz.map((g) => GAZ.indexOf(g as (typeof GAZ)[number])),
    cap: CAPS.indexOf(wo.cap as (typeof CAPS)[number]),
    digit: (c >= 48 && c <= 57) || /\d/.test(text),
    phrase,
    t1s: Int32Array.from(m.labels, (l) => id(`t1s=${l}|${sh}`)),
    t1w: pw === undefined ? undefined : Int32Array.from(m.labels, (l) => id(`t1w=${l}|${pw}`)),
  };
  m.words.set(text, e);
  return e;
}

/** Appends the word-list rows of token `i` from `table` (own: GAZ-indexed; neighbour: slot offset). */
function pushGaz(list: Int32Array, c: number, table: Int32Array, offset: number, e: WordEntry, marks: Uint8Array, i: number): number {
  for (const g of e.gaz) {
    const r = table[offset + g] ?? -1;
    if (r >= 0) list[c++] = r;
  }
  const mk = marks[i] ?? 0;
  if (mk === 0) return c;
  // marks: two bits per phrase list, 1 = B, 2 = I, in list order.
  for (let j = 0; j < PHRASE_GAZ.length; j++) {
    const b = (mk >> (2 * j)) & 3;
    if (b === 0) continue;
    const r = table[offset + (PHRASE_GAZ[j] ?? 0) + b - 1] ?? -1;
    if (r >= 0) list[c++] = r;
  }
  return c;
}

/** First word-list feature of token `i` (as a GAZ index), or -1. */
function firstGaz(e: WordEntry, marks: Uint8Array, i: number): number {
  const g = e.gaz[0];
  if (g !== undefined) return g;
  const mk = marks[i] ?? 0;
  for (let j = 0; j < PHRASE_GAZ.length; j++) {
    const b = (mk >> (2 * j)) & 3;
    if (b !== 0) return (PHRASE_GAZ[j] ?? 0) + b - 1;
  }
  return -1;
}

/**
 * Tags PERSON / STREET_ADDRESS / LOCATION / ORGANIZATION spans. `m` defaults to the committed
 * model; the training script passes its own.
 *
 * The features are those of `observe`/`features` in ner-features.ts (which training uses), but
 * resolved to weight rows once per distinct token text and added in exactly the order the
 * string-keyed scorer added them, so the floating-point sums, and thus the output, are the same.
 */
export function tagEntities(text: string, m: NerModel = DEFAULT_MODEL): TaggedSpan[] {
  const tokens = tokenize(text);
  const T = tokens.length;
  const tb = m.tables;
  trimMemo(m);
  const entries: WordEntry[] = new Array<WordEntry>(T);
  let anyPhrase = 0;
  for (let i = 0; i < T; i++) {
    const t = tokens[i];
    if (t === undefined) continue;
    const e = wordEntry(m, t.text, t.lower);
    entries[i] = e;
    anyPhrase |= e.phrase;
  }
  // Read after the entries: memoising words may have grown the buffer.
  const rows = m.buffer;
  // Gazetteer phrase marks, two bits per list (see addGaz); only tokens that start a phrase look further.
  const marks = new Uint8Array(T);
  for (let j = 0; j < PHRASE_INDEXES.length; j++) {
    if ((anyPhrase & (1 << j)) === 0) continue;
    const idx = PHRASE_INDEXES[j];
    if (idx === undefined) continue;
    for (let i = 0; i < T; i++) {
      if (((entries[i]?.phrase ?? 0) & (1 << j)) === 0) continue;
      const best = phraseLength(tokens, i, idx);
      if (best > 0) {
        marks[i] = (marks[i] ?? 0) | (1 << (2 * j));
        for (let k = 1; k < best; k++) marks[i + k] = (marks[i + k] ?? 0) | (2 << (2 * j));
        i += best - 1;
      }
    }
  }
  // Per line: does it contain a digit.
  const lineDigit = new Uint8Array(T);
  for (let i = 0; i < T; ) {
    let j = i + 1;
    while (j < T && tokens[j]?.nlBefore !== true) j++;
    let has = 0;
    for (let k = i; k < j; k++) if (entries[k]?.digit === true) has = 1;
    if (has === 1) lineDigit.fill(1, i, j);
    i = j;
  }

  const sc = new Float64Array(N);
  // Rows summed for the current token, in the order the string-keyed scorer added them.
  const list = new Int32Array(64);
  const spans: TaggedSpan[] = [];
  let prev1 = 0;
  let prev2 = 0;
  let openType = '';
  let openStart = 0;
  let openEnd = 0;
  let openMargin = 0;
  let openCount = 0;
  const close = (): void => {
    if (openType === '') return;
    const mean = openMargin / openCount;
    // Margins map to a confidence through a logistic squash; the tagger is never certain.
    const score = Math.min(0.95, 1 / (1 + Math.exp(-mean)));
    spans.push({ type: openType, start: openStart, end: openEnd, score });
    openType = '';
  };
  for (let i = 0; i < T; i++) {
    const tok = tokens[i];
    const e = entries[i];
    if (tok === undefined || e === undefined) break;
    // Own features: text-only (the word's summed row), then positional (word lists, line and
    // text boundaries); then per neighbour its summed text-only row and its word-list rows;
    // then the label-history features.
    let c = 0;
    list[c++] = e.row;
    c = pushGaz(list, c, tb.ownGaz, 0, e, marks, i);
    const g0 = firstGaz(e, marks, i);
    const rgc = g0 >= 0 ? (tb.gazCap[g0 * CAPS.length + e.cap] ?? -1) : -1;
    if (rgc >= 0) list[c++] = rgc;
    if (tok.nlBefore && tb.nl >= 0) list[c++] = tb.nl;
    if (i === 0 && tb.bos >= 0) list[c++] = tb.bos;
    const next = tokens[i + 1];
    if (next === undefined) {
      if (tb.eos >= 0) list[c++] = tb.eos;
    } else if (next.nlBefore && tb.nla >= 0) list[c++] = tb.nla;
    if (lineDigit[i] === 1 && tb.ld >= 0) list[c++] = tb.ld;
    for (let j = 0; j < NEIGHBOURS.length; j++) {
      const p = i + (NEIGHBOURS[j]?.[0] ?? 0);
      const nb = p >= 0 && p < T ? entries[p] : undefined;
      if (nb === undefined) {
        const r = tb.none[j] ?? -1;
        if (r >= 0) list[c++] = r;
        continue;
      }
      list[c++] = nb.row + 1 + j;
      c = pushGaz(list, c, tb.ctxGaz, j * GAZ.length, nb, marks, p);
    }
    const h1 = tb.t1[prev1] ?? -1;
    if (h1 >= 0) list[c++] = h1;
    const h2 = tb.t2[prev2 * N + prev1] ?? -1;
    if (h2 >= 0) list[c++] = h2;
    const h3 = e.t1s[prev1] ?? -1;
    if (h3 >= 0) list[c++] = h3;
    if (e.t1w !== undefined && i > 0) {
      const h4 = e.t1w[prev1] ?? -1;
      if (h4 >= 0) list[c++] = h4;
    }
    // Unrolled over the nine labels: each label's sum is its own chain of additions, in list order.
    let o = (list[0] ?? 0) * N;
    let s0 = rows[o] ?? 0;
    let s1 = rows[o + 1] ?? 0;
    let s2 = rows[o + 2] ?? 0;
    let s3 = rows[o + 3] ?? 0;
    let s4 = rows[o + 4] ?? 0;
    let s5 = rows[o + 5] ?? 0;
    let s6 = rows[o + 6] ?? 0;
    let s7 = rows[o + 7] ?? 0;
    let s8 = rows[o + 8] ?? 0;
    for (let q = 1; q < c; q++) {
      o = (list[q] ?? 0) * N;
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
    for (let k = 0; k < N; k++) {
      if (tb.allowed[allowedRow + k] === 0) continue;
      const v = sc[k] ?? 0;
      if (v > bestScore) {
        second = bestScore;
        bestScore = v;
        best = k;
      } else if (v > second) second = v;
    }
    const label = best < 0 ? 0 : best;
    const margin = Number.isFinite(second) ? bestScore - second : 1;
    if (label === 0) close();
    else if (tb.begins[label] === true) {
      close();
      openType = tb.type[label] ?? '';
      openStart = tok.start;
      openEnd = tok.end;
      openMargin = margin;
      openCount = 1;
    } else if (openType !== '') {
      openEnd = tok.end;
      openMargin += margin;
      openCount++;
    }
    prev2 = prev1;
    prev1 = label;
  }
  close();
  trimMemo(m);
  return spans;
}

/** Tagger output as detection candidates. */
export function detectEntities(text: string, types: ReadonlySet<string> | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const s of tagEntities(text)) {
    if (types !== undefined && !types.has(s.type)) continue;
    out.push({ type: s.type, start: s.start, end: s.end, score: s.score, rank: Rank.Model });
  }
  return out;
}
