/**
 * Session 14: the session-13 blind probes (`data/blind-s13`, development data since that session)
 * as a cross-lingual development check inside the trainers (session 15: and `data/blind-s14-sealed`,
 * read in session 14, `data/blind-s15-sealed` once session 15 had scored its final model, and
 * `data/blind-s16-sealed` once session 16 had, and so on to `data/blind-s22-sealed`): AUC (threshold-free, so runs with
 * different thresholds compare) and balanced accuracy at the run's threshold, for all rows and for
 * the rows not in English. Until session 23 nothing trained on them; since then the trainers do
 * (unless `--no-train-blind`), and score each set with a model trained without it (`leaveOneSetOut`).
 */
import { join } from 'node:path';
import { readRows, type DevRow } from '../src/guards/injection/dataset.js';

/** Rank AUC of scores for positives against negatives (ties count half). */
export function auc(pos: readonly number[], neg: readonly number[]): number {
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  const all = [...pos.map((s) => ({ s, y: 1 })), ...neg.map((s) => ({ s, y: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]?.s === all[i]?.s) j++;
    const mid = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k]?.y === 1) rankSum += mid;
    i = j;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** Threshold-free and thresholded figures of one set of rows. */
export interface BlindFigures {
  readonly n: number;
  readonly auc: number;
  readonly ba: number;
  readonly recall: number;
  readonly fpr: number;
}

/** Share of positive and of negative scores at or above `threshold`. */
function rates(pos: readonly number[], neg: readonly number[], threshold: number): { recall: number; fpr: number } {
  return {
    recall: pos.filter((s) => s >= threshold).length / Math.max(pos.length, 1),
    fpr: neg.filter((s) => s >= threshold).length / Math.max(neg.length, 1),
  };
}

function figures(rows: readonly DevRow[], scores: readonly number[], threshold: number, positive: (r: DevRow) => boolean): BlindFigures {
  const pos: number[] = [];
  const neg: number[] = [];
  rows.forEach((r, i) => (positive(r) ? pos : neg).push(scores[i] ?? 0));
  const { recall, fpr } = rates(pos, neg, threshold);
  return { n: rows.length, auc: auc(pos, neg), ba: (recall + 1 - fpr) / 2, recall, fpr };
}

/** Balanced accuracy of scored rows at `threshold` (`y`: the row is positive). */
export function baAt(xs: readonly { s: number; y: boolean }[], threshold: number): number {
  const { recall, fpr } = rates(xs.filter((x) => x.y).map((x) => x.s), xs.filter((x) => !x.y).map((x) => x.s), threshold);
  return (recall + 1 - fpr) / 2;
}

const show = (f: BlindFigures): string => `AUC ${f.auc.toFixed(3)} BA ${f.ba.toFixed(3)} (R ${(100 * f.recall).toFixed(0)}% FPR ${(100 * f.fpr).toFixed(0)}%, n ${f.n})`;

/** The blind sets that are development data now (each was read in the session after its own). */
export const DEV_BLIND_SETS = ['blind-s13', 'blind-s14-sealed', 'blind-s15-sealed', 'blind-s16-sealed', 'blind-s17-sealed', 'blind-s18-sealed', 'blind-s19-sealed', 'blind-s20-sealed', 'blind-s21-sealed', 'blind-s22-sealed'] as const;

export type DevBlindSet = (typeof DEV_BLIND_SETS)[number];

/**
 * A blind row's score; `set` names its set, so that a model trained on the other sets (session 23,
 * leave-one-set-out) can score it.
 */
export type SetScore = (r: DevRow, set: DevBlindSet) => number;

/** Figures of `name` scored over a blind set's file: all rows and the rows not in English. */
export function blindFigures(root: string, name: 'direct' | 'documents' | 'answers', score: SetScore, threshold: number, positive: (r: DevRow) => boolean, set: DevBlindSet = 'blind-s13'): { all: BlindFigures; nonEn: BlindFigures } {
  const rows = readRows(join(root, 'data', set, `${name}.jsonl`));
  const scores = rows.map((r) => score(r, set));
  const other = rows.map((r, i) => ({ r, s: scores[i] ?? 0 })).filter((x) => x.r.lang !== 'en');
  return { all: figures(rows, scores, threshold, positive), nonEn: figures(other.map((x) => x.r), other.map((x) => x.s), threshold, positive) };
}

/** Scored rows of one file of every development blind set, one list per set (`y`: the row is positive). */
export function devBlindScores(root: string, name: 'direct' | 'documents' | 'answers', score: SetScore, positive: (r: DevRow) => boolean): { s: number; y: boolean }[][] {
  return DEV_BLIND_SETS.map((set) => readRows(join(root, 'data', set, `${name}.jsonl`)).map((r) => ({ s: score(r, set), y: positive(r) })));
}

/** Mean balanced accuracy over the development blind sets at `threshold`, each set weighing the same. */
export function meanBlindBa(sets: readonly (readonly { s: number; y: boolean }[])[], threshold: number): number {
  return sets.reduce((t, xs) => t + baAt(xs, threshold), 0) / Math.max(sets.length, 1);
}

/**
 * One line per development blind set: `name` scored over its file, all rows and non-English rows. `positive` says
 * which labels count as positive (answers: jailbroken and leak, as `portcullis eval output`).
 */
export function blindLine(root: string, name: 'direct' | 'documents' | 'answers', score: SetScore, threshold: number, positive: (r: DevRow) => boolean): string {
  return DEV_BLIND_SETS.map((set) => {
    const f = blindFigures(root, name, score, threshold, positive, set);
    return `${set} ${name}: all ${show(f.all)} | non-en ${show(f.nonEn)}`;
  }).join('\n');
}

/**
 * Session 23: a score for the development blind sets when they are trained on (the default):
 * each set is scored by `fit(set)`, a model trained without that set, fitted once on first use.
 * The sets come from different writers, so this is the blind counterpart of leave-one-source-out.
 */
export function leaveOneSetOut(fit: (except: DevBlindSet) => (r: DevRow) => number): SetScore {
  const models = new Map<DevBlindSet, (r: DevRow) => number>();
  return (r, set) => {
    let m = models.get(set);
    if (m === undefined) {
      m = fit(set);
      models.set(set, m);
    }
    return m(r);
  };
}

/** The directories of the development blind sets. */
export function blindDirs(root: string): string[] {
  return DEV_BLIND_SETS.map((s) => join(root, 'data', s));
}

/** The ids of one development blind set's file. */
export function blindIds(root: string, name: 'direct' | 'documents' | 'answers', set: DevBlindSet): Set<string> {
  return new Set(readRows(join(root, 'data', set, `${name}.jsonl`)).map((r) => r.id));
}
