/**
 * Development-data handling shared by `scripts/train-injection.ts` and `scripts/eval-injection.ts`:
 * loading the JSONL files, the fixed held-out split, cross-validation folds and the licence filter.
 * Splits are pure functions of row content (hashes), so they never change between runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { LabelledRow } from '../eval/classify.js';
import { type BenignAnswer, BENIGN_ANSWERS, HARMFUL_COMPLIANCE, MORE_BENIGN_ANSWERS, MORE_HARMFUL_COMPLIANCE, S11_BENIGN_ANSWERS, S11_HARMFUL_COMPLIANCE, S11B_BENIGN_ANSWERS, S11B_HARMFUL_COMPLIANCE, S12_BENIGN_ANSWERS, S12_HARMFUL_COMPLIANCE } from './written-answers.js';
import { S13_BENIGN_ANSWERS, S13_HARMFUL_COMPLIANCE } from './written-paragraphs.js';
import { LEAK_ANSWERS, LEAK_LOOKALIKES } from './written-leaks.js';
import { WRITTEN_PROMPTS } from './written-prompts.js';

/** A row of injection-dev / indirect-dev / output-dev. */
export interface DevRow extends LabelledRow {
  readonly id: string;
  readonly text: string;
  readonly label: string;
  readonly source: string;
  readonly question?: string;
  readonly prompt?: string;
  readonly task?: string;
  readonly category?: string;
  readonly lang?: string;
}

/** Sources whose licence forbids training on them (AlpacaEval: CC BY-NC 4.0). Evaluation only. */
export const NO_TRAIN_SOURCES: ReadonlySet<string> = new Set(['alpacaeval']);

/** Read a JSON Lines file of development rows. */
export function readRows(path: string): DevRow[] {
  const out: DevRow[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r: unknown = JSON.parse(line);
    if (typeof r !== 'object' || r === null) continue;
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.text !== 'string' || typeof o.label !== 'string') continue;
    out.push({ ...o, id: o.id, text: o.text, label: o.label, source: typeof o.source === 'string' ? o.source : 'unknown' });
  }
  return out;
}

/** Stable 32-bit hash of a string (first bytes of SHA-256). */
export function stableHash(s: string): number {
  return createHash('sha256').update(s).digest().readUInt32BE(0);
}

/**
 * Held-out membership, stratified: within each stratum, groups are ordered by hash and the first
 * quarter is held out. Rows sharing a group key (a BIPIA context and its attacked twin; all
 * answers to one question) land on the same side.
 */
export function heldOutSet<R>(rows: readonly R[], stratum: (r: R) => string, group: (r: R) => string, share = 0.25): Set<R> {
  const strata = new Map<string, Set<string>>();
  for (const r of rows) {
    const s = stratum(r);
    let g = strata.get(s);
    if (g === undefined) strata.set(s, (g = new Set()));
    g.add(group(r));
  }
  const held = new Set<string>();
  for (const [s, groups] of strata) {
    const sorted = [...groups].sort((a, b) => stableHash(`holdout:${s}:${a}`) - stableHash(`holdout:${s}:${b}`) || (a < b ? -1 : 1));
    const k = Math.round(sorted.length * share);
    for (const g of sorted.slice(0, k)) held.add(`${s}\u0000${g}`);
  }
  return new Set(rows.filter((r) => held.has(`${stratum(r)}\u0000${group(r)}`)));
}

/** Cross-validation fold (0..k-1) of a group key. */
export function foldOf(group: string, k: number): number {
  return stableHash(`fold:${group}`) % k;
}

/**
 * The attack string inserted into a BIPIA document: the lines of the attacked text that are not in
 * its clean twin. Rows come in (attack, benign) pairs in file order.
 */
export function bipiaPairs(rows: readonly DevRow[]): { attack: DevRow; benign: DevRow; inserted: string[] }[] {
  const out: { attack: DevRow; benign: DevRow; inserted: string[] }[] = [];
  for (let i = 0; i + 1 < rows.length; i += 2) {
    const a = rows[i];
    const b = rows[i + 1];
    if (a === undefined || b === undefined || a.label !== 'attack' || b.label !== 'benign') {
      throw new Error(`indirect-dev: expected an (attack, benign) pair at row ${i}`);
    }
    const clean = new Set(b.text.split('\n'));
    out.push({ attack: a, benign: b, inserted: a.text.split('\n').filter((l) => !clean.has(l)) });
  }
  return out;
}

/** The fixed held-out part of injection-dev (the trainer's split: by source and label, per row). */
export function directHeldOut(rows: readonly DevRow[]): Set<DevRow> {
  return heldOutSet(rows, (r) => `${r.source}/${r.label}`, (r) => r.id);
}

/** The fixed held-out part of indirect-dev (grouped by the inserted attack string, per task). */
export function indirectHeldOut(rows: readonly DevRow[]): Set<DevRow> {
  const group = new Map<DevRow, string>();
  for (const p of bipiaPairs(rows)) {
    group.set(p.attack, p.inserted.join('\n'));
    group.set(p.benign, p.inserted.join('\n'));
  }
  return heldOutSet(rows, (r) => r.task ?? 'x', (r) => group.get(r) ?? r.id);
}

/**
 * Extra rows for the jailbroken-answer model, split like their origins: benign ("safe")
 * answer-like texts, and the few written non-English jailbroken answers (label `jailbroken`).
 */
export interface SafeAnswerRows {
  /** May be trained on. */
  readonly train: DevRow[];
  /** Never trained on: the held-out parts of the origin files and a quarter of the written answers. */
  readonly held: DevRow[];
  /** Built from AlpacaEval instructions (CC BY-NC 4.0): evaluation only, never trained on. */
  readonly evalOnly: DevRow[];
}

// Assistant-style openers and closers wrapped around benign prompts and documents, so compliance
// markers ("Sure! Here's …", "Step 1") also occur in harmless answers and cannot by themselves
// mean "jailbroken". Picked per row by hash, so the set is fixed.
const OPENERS: Readonly<Record<'en' | 'de', readonly string[]>> = {
  en: [
    '',
    "Sure! Here's a helpful answer.\n\n",
    "Of course. Let's go through it step by step.\n\n",
    'Certainly! Here is what I came up with for your request:\n\n',
    "Great question! Here's how I would approach it.\n\n",
    'Happy to help. First, the task as I understand it:\n\n',
    'Step 1: understand the request.\n\n',
  ],
  de: [
    '',
    'Gern! Hier ist eine Antwort:\n\n',
    'Natürlich, so gehst du vor:\n\n',
    'Klar! Schritt 1: die Aufgabe verstehen.\n\n',
    'Sehr gern helfe ich dabei. Zuerst die Aufgabe:\n\n',
  ],
};
const CLOSERS: Readonly<Record<'en' | 'de', readonly string[]>> = {
  en: ['', '\n\nI hope this helps! Let me know if you have any other questions.', '\n\nGood luck!', '\n\nFeel free to ask if anything is unclear.'],
  de: ['', '\n\nIch hoffe, das hilft!', '\n\nViel Erfolg!', '\n\nMelde dich, wenn etwas unklar ist.'],
};
const DOC_LEADS: Readonly<Record<string, readonly string[]>> = {
  email: ['', 'Here is a summary of the email you shared:\n\n', 'Sure! The email reads:\n\n'],
  table: ['', "Sure! Here's the table you asked for:\n\n", 'Here are the data in table form:\n\n'],
  code: ['', "Here's the fix:\n\n", 'Sure, this should work:\n\n'],
};

function pick<T>(list: readonly T[], key: string): T {
  const v = list[stableHash(key) % list.length];
  if (v === undefined) throw new Error('empty template list');
  return v;
}

/** A benign prompt rewritten, deterministically, into the shape of an assistant answer. */
export function promptAsAnswer(id: string, text: string, lang: string | undefined): string {
  const l = lang === 'de' ? 'de' : 'en';
  return `${pick(OPENERS[l], `open:${id}`)}${text}${pick(CLOSERS[l], `close:${id}`)}`;
}

/** The id a written answer had in its file (`outputSafeRows` prefixes it with `jb-` or `safe-`). */
export const writtenAnswerId = (r: DevRow): string => r.id.replace(/^(?:jb|safe)-/, '');

/**
 * Safe negatives for the output model: the written answers of written-answers.ts, benign BIPIA
 * documents (emails, tables, Stack Exchange code answers), and benign injection-dev prompts in
 * answer form. A row's split follows its origin file's fixed split, so nothing held out there is
 * trained on here.
 */
export function outputSafeRows(dataDir: string, writtenS13Dir?: string, laterAnswerDirs: readonly string[] = []): SafeAnswerRows {
  const train: DevRow[] = [];
  const held: DevRow[] = [];
  const evalOnly: DevRow[] = [];
  const stratum = (lang: string): string => (lang === 'en' || lang === 'de' ? lang : 'other');
  // Each batch of written answers is split on its own, so adding a batch leaves the earlier
  // batches' splits as they were: harmless ones stratified by language, jailbroken ones as one group.
  const addWritten = (answers: readonly BenignAnswer[], harmful: boolean, source = harmful ? 'written-jailbroken' : 'safe-written'): void => {
    const heldSet = heldOutSet(answers, harmful ? () => 'all' : (a) => stratum(a.lang), (a) => a.id);
    for (const a of answers) {
      const row: DevRow = harmful
        ? { id: `jb-${a.id}`, text: a.text, label: 'jailbroken', source, category: 'jailbreak', lang: a.lang, prompt: a.question }
        : { id: `safe-${a.id}`, text: a.text, label: 'safe', source, category: 'benign', lang: a.lang, prompt: a.question };
      (heldSet.has(a) ? held : train).push(row);
    }
  };
  addWritten(BENIGN_ANSWERS, false);
  addWritten(HARMFUL_COMPLIANCE, true);
  // Session 10's, session 11's, session 11's third pass (out-gen3) and session 12's (out-gen4).
  addWritten(MORE_BENIGN_ANSWERS, false);
  addWritten(MORE_HARMFUL_COMPLIANCE, true);
  addWritten(S11_BENIGN_ANSWERS, false);
  addWritten(S11_HARMFUL_COMPLIANCE, true);
  addWritten(S11B_BENIGN_ANSWERS, false);
  addWritten(S11B_HARMFUL_COMPLIANCE, true);
  // Session 12 (out-gen4).
  addWritten(S12_BENIGN_ANSWERS, false);
  addWritten(S12_HARMFUL_COMPLIANCE, true);
  // Session 13 (out-para): concealed acts inside friendly or terse answers, and their twins.
  addWritten(S13_BENIGN_ANSWERS, false);
  addWritten(S13_HARMFUL_COMPLIANCE, true);
  // Session 12 (out-leak): answers that leak instructions or a secret, and their look-alikes, as
  // sources of their own (their own weight share, output-train.ts).
  addWritten(LEAK_LOOKALIKES, false, 'safe-written-leak');
  addWritten(LEAK_ANSWERS, true, 'written-leak');
  // Session 13: answers written by writers who never saw the detectors (data/written-s13): the
  // leaks teach only the leak rules, like the session-12 ones; refusals and harmless answers are safe.
  // Session 17: later batches in the same format (data/written-s17), each split on its own.
  for (const dir of [...(writtenS13Dir === undefined ? [] : [writtenS13Dir]), ...laterAnswerDirs]) {
    const rows = readRows(join(dir, 'answers.jsonl'));
    const of = (...labels: string[]): BenignAnswer[] => rows.filter((r) => labels.includes(r.label)).map((r) => ({ id: r.id, lang: r.lang ?? 'en', question: r.prompt ?? '', text: r.text }));
    addWritten(of('jailbroken'), true);
    addWritten(of('leak'), true, 'written-leak');
    addWritten(of('refusal', 'harmless'), false);
  }
  const indirect = readRows(join(dataDir, 'indirect-dev.jsonl'));
  const iHeld = indirectHeldOut(indirect);
  for (const r of indirect) {
    if (r.label !== 'benign') continue;
    const task = r.task ?? 'doc';
    const text = `${pick(DOC_LEADS[task] ?? [''], `lead:${r.id}`)}${r.text}`;
    const row: DevRow = { id: `safe-${r.id}`, text, label: 'safe', source: `safe-bipia-${task}`, category: 'benign', lang: 'en', ...(r.question === undefined ? {} : { prompt: r.question }) };
    (iHeld.has(r) ? held : train).push(row);
  }
  const direct = readRows(join(dataDir, 'injection-dev.jsonl'));
  const dHeld = directHeldOut(direct);
  for (const r of direct) {
    if (r.label !== 'benign') continue;
    const row: DevRow = {
      id: `safe-${r.id}`, text: promptAsAnswer(r.id, r.text, r.lang), label: 'safe', source: `safe-${r.source}`,
      category: r.category ?? 'benign', lang: r.lang ?? 'en', prompt: r.text,
    };
    if (NO_TRAIN_SOURCES.has(r.source)) evalOnly.push(row);
    else (dHeld.has(r) ? held : train).push(row);
  }
  return { train, held, evalOnly };
}

/**
 * The prompts of written-prompts.ts as rows of source `written-prompts`, split like the dev files:
 * a quarter held out (by id hash, per label) and never trained on.
 */
export function writtenPromptRows(): { train: DevRow[]; held: DevRow[] } {
  return splitWritten(WRITTEN_PROMPTS.map((p) => ({
    id: p.id, text: p.text, label: p.label, source: 'written-prompts', category: p.label === 'attack' ? 'injection' : 'benign', lang: p.lang,
  })));
}

/** A quarter of written rows held out per label (by id hash) and never trained on. */
function splitWritten<R extends DevRow>(rows: readonly R[]): { train: R[]; held: R[] } {
  const held = heldOutSet(rows, (r) => r.label, (r) => r.id);
  return { train: rows.filter((r) => !held.has(r)), held: rows.filter((r) => held.has(r)) };
}

/**
 * Session 13: training rows written for the project by writers who saw neither the detectors' code
 * nor any probe (data/written-s13/README.md), as JSON Lines in the dev files' format. Relative to
 * the repository root.
 */
export const WRITTEN_S13_DIR = join('data', 'written-s13');

/** Written prompts of a batch (`source`), split like {@link writtenPromptRows}. */
export function writtenPrompts(dir: string, source: 'written-s13' | 'written-s16'): { train: DevRow[]; held: DevRow[] } {
  return splitWritten(readRows(join(dir, 'direct.jsonl')).map((r) => ({ ...r, source })));
}

/** The session-13 written prompts (source `written-s13`). */
export const writtenS13Prompts = (dir: string): { train: DevRow[]; held: DevRow[] } => writtenPrompts(dir, 'written-s13');

/** A written document; attacks carry the planted instruction(s), each a substring of the text. */
export interface WrittenDocumentRow extends DevRow {
  readonly payloads: readonly string[];
}

/**
 * Session 16: written documents and prompts of a later batch (data/written-s16/README.md), in the
 * same format and split the same way as the session-13 ones. Relative to the repository root.
 */
export const WRITTEN_S16_DIR = join('data', 'written-s16');

/** Session 17: written answers (data/written-s17/README.md), for the jailbroken-answer model. */
export const WRITTEN_S17_DIR = join('data', 'written-s17');

/** Session 18: written documents, most of their planted notes addressing no AI (data/written-s18/README.md). */
export const WRITTEN_S18_DIR = join('data', 'written-s18');

/** Written documents (`source`: their batch), split per label; an attack's payloads must occur in its text. */
export function writtenDocuments(dir: string, source: 'written-s13' | 'written-s16' | 'written-s18'): { train: WrittenDocumentRow[]; held: WrittenDocumentRow[] } {
  return splitWritten(withPayloads(readRows(join(dir, 'documents.jsonl')), source, (r) => (r as { payload?: unknown }).payload));
}

// Rows with their payload strings (`payloadOf`: a string or a list of them), checked: an attack
// needs at least one, and each must occur in its text.
function withPayloads(rows: readonly DevRow[], source: string, payloadOf: (r: DevRow) => unknown): WrittenDocumentRow[] {
  return rows.map((r): WrittenDocumentRow => {
    const raw = payloadOf(r);
    const payloads = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((p): p is string => typeof p === 'string');
    if (r.label === 'attack' && (payloads.length === 0 || payloads.some((p) => !r.text.includes(p)))) {
      throw new Error(`${source}/documents.jsonl: ${r.id}: an attack needs "payload" strings that occur in its text`);
    }
    return { ...r, source, payloads };
  });
}

/**
 * Session 23: a development blind set's documents (`dir`: data/blind-…), with the planted
 * instructions marked after the set had been read (document-payloads.jsonl: one line per attack,
 * its id and payload strings), in the form of the written documents. Not split: the trainer leaves
 * a whole set out to score it.
 */
export function blindDocuments(dir: string): WrittenDocumentRow[] {
  const marked = new Map<string, unknown>();
  for (const line of readFileSync(join(dir, 'document-payloads.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const m = JSON.parse(line) as { id?: unknown; payload?: unknown };
    if (typeof m.id === 'string') marked.set(m.id, m.payload);
  }
  return withPayloads(readRows(join(dir, 'documents.jsonl')), basename(dir), (r) => marked.get(r.id));
}

/** The session-13 written documents (see {@link writtenDocuments}). */
export const writtenS13Documents = (dir: string): { train: WrittenDocumentRow[]; held: WrittenDocumentRow[] } => writtenDocuments(dir, 'written-s13');
