/**
 * Development-data handling shared by `scripts/train-injection.ts` and `scripts/eval-injection.ts`:
 * loading the JSONL files, the fixed held-out split, cross-validation folds and the licence filter.
 * Splits are pure functions of row content (hashes), so they never change between runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LabelledRow } from '../eval/classify.js';

/** A row of injection-dev / indirect-dev / output-dev. */
export interface DevRow extends LabelledRow {
  readonly id: string;
  readonly text: string;
  readonly label: string;
  readonly source: string;
  readonly question?: string;
  readonly prompt?: string;
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
