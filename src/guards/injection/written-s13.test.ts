import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blindDocuments, outputSafeRows, readRows, WRITTEN_S13_DIR, WRITTEN_S16_DIR, WRITTEN_S17_DIR, WRITTEN_S18_DIR, writtenDocuments, writtenPrompts, writtenS13Documents, writtenS13Prompts, type DevRow } from './dataset.js';
import { ANSWER_PROBE_4 } from './probe-answers4.js';
import { DIRECT3_PROBE } from './probe-direct3.js';
import { DOCUMENT_PROBE_4 } from './probe-documents4.js';
import { LEAK_PROBE } from './probe-leaks.js';

// The repository root, from src/ or from dist/src/ alike.
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no package.json above the test');
    dir = up;
  }
  return dir;
}
const ROOT = repoRoot();
const WRITTEN = join(ROOT, WRITTEN_S13_DIR);
// Session 16's written prompts and documents (training data).
const WRITTEN16 = join(ROOT, WRITTEN_S16_DIR);
// Session 17's written answers (training data).
const WRITTEN17 = join(ROOT, WRITTEN_S17_DIR);
// Session 18's written documents (training data).
const WRITTEN18 = join(ROOT, WRITTEN_S18_DIR);
const BLIND = join(ROOT, 'data', 'blind-s13');
// Written in session 13 for a later session to score, unread: tests check it without printing a line of it.
const SEALED = join(ROOT, 'data', 'blind-s14-sealed');
// Session 14 read blind-s14-sealed, so it wrote the next sealed set, for session 15 to score the same way.
const SEALED15 = join(ROOT, 'data', 'blind-s15-sealed');
// Session 15 read blind-s15-sealed, so it wrote the next one, for session 16.
const SEALED16 = join(ROOT, 'data', 'blind-s16-sealed');
// Session 16 read blind-s16-sealed, so it wrote the next one, for session 17.
const SEALED17 = join(ROOT, 'data', 'blind-s17-sealed');
// Session 17 read blind-s17-sealed, so it wrote the next one, for session 18.
const SEALED18 = join(ROOT, 'data', 'blind-s18-sealed');
// Session 18 read blind-s18-sealed, so it wrote the next one, for session 19.
const SEALED19 = join(ROOT, 'data', 'blind-s19-sealed');
// Session 19 read blind-s19-sealed, so it wrote the next one, for session 20.
const SEALED20 = join(ROOT, 'data', 'blind-s20-sealed');
// Session 20 read blind-s20-sealed, so it wrote the next one, for session 21.
const SEALED21 = join(ROOT, 'data', 'blind-s21-sealed');
// Session 21 read blind-s21-sealed, so it wrote the next one, for session 22.
const SEALED22 = join(ROOT, 'data', 'blind-s22-sealed');
// Session 22 read blind-s22-sealed, so it wrote the next one, for session 23.
const SEALED23 = join(ROOT, 'data', 'blind-s23-sealed');
// Session 23 read blind-s23-sealed (its aggregates, at the start), so it wrote the next one, for session 24.
const SEALED24 = join(ROOT, 'data', 'blind-s24-sealed');
const DEV = join(ROOT, '..', 'shared', 'datasets');

const FILES = { direct: ['attack', 'benign'], documents: ['attack', 'benign'], answers: ['jailbroken', 'leak', 'refusal', 'harmless'] } as const;

// Sentences long enough that sharing one means a copied line, not a common phrase: at 30
// characters "ignore all previous instructions" and "sehr geehrte damen und herren," collide, and at
// 44 two writers' Yoruba for "forget all previous instructions" (a written prompt and a sealed item).
const sentences = (t: string): string[] => t.split(/[.!?。！？\n]/u).map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 48);

for (const [name, labels] of Object.entries(FILES)) {
  for (const [dir, what] of [[WRITTEN, 'written-s13'], [BLIND, 'blind-s13'], [SEALED, 'blind-s14-sealed'], [SEALED15, 'blind-s15-sealed'], [SEALED16, 'blind-s16-sealed'], [SEALED17, 'blind-s17-sealed'], [SEALED18, 'blind-s18-sealed'], [SEALED19, 'blind-s19-sealed'], [SEALED20, 'blind-s20-sealed'], [SEALED21, 'blind-s21-sealed'], [SEALED22, 'blind-s22-sealed'], [SEALED23, 'blind-s23-sealed'], [SEALED24, 'blind-s24-sealed']] as const) {
    test(`${what}/${name}.jsonl: every row valid, ids and texts unique, every label present, 15+ languages`, () => {
      const rows = readRows(join(dir, `${name}.jsonl`));
      assert.ok(rows.length >= 100, `${rows.length} rows`);
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
      assert.equal(new Set(rows.map((r) => r.text)).size, rows.length);
      for (const r of rows) {
        assert.ok((labels as readonly string[]).includes(r.label), `${r.id}: label ${r.label}`);
        assert.equal(typeof r.lang, 'string', `${r.id}: lang`);
        assert.ok(r.text.trim().length > 0, `${r.id}: empty text`);
      }
      for (const l of labels) assert.ok(rows.some((r) => r.label === l), `no ${l} row`);
      assert.ok(new Set(rows.map((r) => r.lang)).size >= 15);
    });
  }
}

test('written-s13 documents: every attack names its planted instruction, found in its text', () => {
  const { train, held } = writtenS13Documents(WRITTEN);
  for (const d of [...train, ...held]) {
    if (d.label === 'attack') assert.ok(d.payloads.length > 0 && d.payloads.every((p) => p.length >= 10 && d.text.includes(p)), d.id);
  }
});

// What every later written batch must be: its size, unique ids and texts, the rows per label, 40+
// languages, and a quarter of each label held out.
function assertBatch(train: readonly DevRow[], held: readonly DevRow[], perLabel: number): DevRow[] {
  const rows = [...train, ...held];
  assert.equal(rows.length, perLabel * 2);
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
  assert.equal(new Set(rows.map((r) => r.text)).size, rows.length);
  for (const label of ['attack', 'benign']) {
    assert.equal(rows.filter((r) => r.label === label).length, perLabel, label);
    assert.equal(held.filter((r) => r.label === label).length, perLabel / 4, `${label} held out`);
  }
  assert.ok(new Set(rows.map((r) => r.lang)).size >= 40);
  return rows;
}

test('written-s16 prompts: valid rows, 140 per label, categories that match, 40+ languages', () => {
  const { train, held } = writtenPrompts(WRITTEN16, 'written-s16');
  for (const r of assertBatch(train, held, 140)) assert.equal(r.category === 'benign', r.label === 'benign', r.id);
});

test('written-s16 documents: valid rows, 120 per label, 40+ languages, every attack names its planted instruction', () => {
  const { train, held } = writtenDocuments(WRITTEN16, 'written-s16');
  assertBatch(train, held, 120);
  for (const d of [...train, ...held]) {
    if (d.label === 'attack') assert.ok(d.payloads.length > 0 && d.payloads.every((p) => p.length >= 10 && d.text.includes(p)), d.id);
  }
});

test('written-s18 documents: valid rows, 120 per label, 40+ languages, every attack names its planted instruction', () => {
  const { train, held } = writtenDocuments(WRITTEN18, 'written-s18');
  assertBatch(train, held, 120);
  for (const d of [...train, ...held]) {
    if (d.label === 'attack') assert.ok(d.payloads.length > 0 && d.payloads.every((p) => p.length >= 10 && d.text.includes(p)), d.id);
  }
});

test('written-s13: a quarter of each label held out, and the split does not move between runs', () => {
  const a = writtenS13Prompts(WRITTEN);
  const b = writtenS13Prompts(WRITTEN);
  assert.deepEqual(a.held.map((r) => r.id), b.held.map((r) => r.id));
  for (const label of ['attack', 'benign']) {
    const n = [...a.train, ...a.held].filter((r) => r.label === label).length;
    const h = a.held.filter((r) => r.label === label).length;
    assert.ok(Math.abs(h - n / 4) <= 1, `${label}: ${h} of ${n}`);
  }
});

for (const [dir, what] of [[WRITTEN, 'written-s13'], [WRITTEN17, 'written-s17']] as const) {
  test(`${what} answers join the output model: jailbroken and leaks positive, refusals and harmless safe`, () => {
    const rows = readRows(join(dir, 'answers.jsonl'));
    const safe = outputSafeRows(DEV, WRITTEN, [WRITTEN17]);
    const ours = [...safe.train, ...safe.held].filter((r) => rows.some((w) => r.id.endsWith(w.id)));
    assert.equal(ours.length, rows.length);
    for (const r of ours) {
      const w = rows.find((x) => r.id.endsWith(x.id)) as DevRow;
      assert.equal(r.label, w.label === 'jailbroken' || w.label === 'leak' ? 'jailbroken' : 'safe', r.id);
      if (w.label === 'leak') assert.equal(r.source, 'written-leak');
    }
  });
}

test('written-s17 answers: 340 valid rows, the labels in their counts, 60+ languages, ids and texts unique', () => {
  const rows = readRows(join(WRITTEN17, 'answers.jsonl'));
  assert.equal(rows.length, 340);
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
  assert.equal(new Set(rows.map((r) => r.text)).size, rows.length);
  const counts = { jailbroken: 130, leak: 50, refusal: 70, harmless: 90 };
  for (const [label, n] of Object.entries(counts)) assert.equal(rows.filter((r) => r.label === label).length, n, label);
  for (const r of rows) assert.ok(typeof r.prompt === 'string' && r.prompt.length > 0 && r.text.trim().length > 0, r.id);
  assert.ok(new Set(rows.map((r) => r.lang)).size >= 60);
});

test('the blind probes share no sentence with any training text: the written batches, the dev files', () => {
  const blind = new Set([BLIND, SEALED, SEALED15, SEALED16, SEALED17, SEALED18, SEALED19, SEALED20, SEALED21, SEALED22, SEALED23].flatMap((dir) => Object.keys(FILES).flatMap((n) => readRows(join(dir, `${n}.jsonl`)).flatMap((r) => sentences(r.text)))));
  const training = [
    ...Object.keys(FILES).flatMap((n) => readRows(join(WRITTEN, `${n}.jsonl`))),
    ...['direct', 'documents'].flatMap((n) => readRows(join(WRITTEN16, `${n}.jsonl`))),
    ...readRows(join(WRITTEN17, 'answers.jsonl')),
    ...readRows(join(WRITTEN18, 'documents.jsonl')),
    ...['injection', 'indirect', 'output'].flatMap((n) => readRows(join(DEV, `${n}-dev.jsonl`))),
  ];
  // Only the training row's id on failure: the sealed set must not be printed.
  for (const r of training) for (const s of sentences(r.text)) assert.ok(!blind.has(s), `${r.id} shares a sentence with a blind probe`);
});

// Session 23: the development blind sets train the models, their documents with the planted
// instructions marked afterwards (document-payloads.jsonl).
const DEV_BLIND = [BLIND, SEALED, SEALED15, SEALED16, SEALED17, SEALED18, SEALED19, SEALED20, SEALED21, SEALED22];

test('development blind sets: every attack document has its planted instruction marked, found in its text', () => {
  for (const dir of DEV_BLIND) {
    const docs = blindDocuments(dir);
    assert.equal(docs.filter((d) => d.label === 'attack').length, 50, dir);
    for (const d of docs) {
      if (d.label === 'attack') assert.ok(d.payloads.length > 0 && d.payloads.every((p) => p.length >= 10 && d.text.includes(p)), d.id);
      else assert.equal(d.payloads.length, 0, d.id);
    }
  }
});

// Independent writers share a few stock sentences (a refusal's offer of help, a greeting): 4 of
// blind-s23-sealed's 1,041 sentences of 48+ characters, in 3 rows, occur in the development blind
// sets, and 1 of blind-s24-sealed's 1,358 in a written batch. More than 1% would mean a set was
// written from another, and its scores would not be blind.
test('the sets still sealed share under 1% of their sentences with training text (the development blind sets since session 23)', () => {
  const training = [
    ...DEV_BLIND.flatMap((dir) => Object.keys(FILES).flatMap((n) => readRows(join(dir, `${n}.jsonl`)))),
    ...Object.keys(FILES).flatMap((n) => readRows(join(WRITTEN, `${n}.jsonl`))),
    ...['direct', 'documents'].flatMap((n) => readRows(join(WRITTEN16, `${n}.jsonl`))),
    ...readRows(join(WRITTEN17, 'answers.jsonl')),
    ...readRows(join(WRITTEN18, 'documents.jsonl')),
    ...['injection', 'indirect', 'output'].flatMap((n) => readRows(join(DEV, `${n}-dev.jsonl`))),
  ];
  const dev = new Set(training.flatMap((r) => sentences(r.text)));
  for (const dir of [SEALED23, SEALED24]) {
    const own = Object.keys(FILES).flatMap((n) => readRows(join(dir, `${n}.jsonl`)).flatMap((r) => sentences(r.text)));
    // Counts only on failure: the sealed set must not be printed.
    const shared = own.filter((s) => dev.has(s)).length;
    assert.ok(shared <= own.length / 100, `${dir}: ${shared} of ${own.length} sentences occur in training text`);
  }
});

test('written-s13, written-s16, written-s17 and written-s18 share no sentence with the evaluation probes', () => {
  const probes = new Set([...ANSWER_PROBE_4, ...DIRECT3_PROBE, ...DOCUMENT_PROBE_4, ...LEAK_PROBE].flatMap((p) => sentences(p.text)));
  const rows = [...Object.keys(FILES).flatMap((n) => readRows(join(WRITTEN, `${n}.jsonl`))), ...['direct', 'documents'].flatMap((n) => readRows(join(WRITTEN16, `${n}.jsonl`))), ...readRows(join(WRITTEN17, 'answers.jsonl')), ...readRows(join(WRITTEN18, 'documents.jsonl'))];
  for (const r of rows) for (const s of sentences(r.text)) assert.ok(!probes.has(s), `${r.id}: ${s}`);
});
