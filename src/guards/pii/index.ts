/**
 * PII detection: structured identifiers with validators plus a local entity tagger for names,
 * street addresses, locations and organisations. Pure: text in, findings out.
 */

import type { Finding } from '../types.js';
import { normalizeForDetection } from '../normalize.js';
import { resolveOverlaps, type Candidate } from './candidate.js';
import { detectEntities } from './ner.js';
import { NER_TYPES } from './ner-features.js';
import { STRUCTURED_DETECTORS } from './structured.js';
import { CONTEXTUAL_DETECTORS } from './contextual.js';

const RULE_DETECTORS = [...STRUCTURED_DETECTORS, ...CONTEXTUAL_DETECTORS];

/** Every type {@link detectPii} can report. */
export const PII_TYPES: readonly string[] = [...new Set([...RULE_DETECTORS.flatMap((d) => d.types), ...NER_TYPES])];

/** Options of {@link detectPii}. */
export interface DetectPiiOptions {
  /** Restrict detection to these types (names as in {@link PII_TYPES}); default all. */
  readonly types?: readonly string[];
  /**
   * `false`: the rule detectors only, without the entity tagger and its boundary rules (for
   * evaluating the tagger out of fold, scripts/eval-pii-cv.ts). Default `true`.
   */
  readonly tagger?: boolean;
}

/**
 * Finds PII in `text`. Findings are sorted by start and never overlap: when two detections
 * overlap, a check-digit-validated one wins over a merely validated one, which wins over a
 * statistical one; then the longer, then the higher-scoring. Offsets index the original `text`
 * (JavaScript string indices) even though detection runs on its NFKC-normalised form.
 *
 * @throws TypeError when `options.types` names an unknown type (a configuration error).
 */
export function detectPii(text: string, options?: DetectPiiOptions): Finding[] {
  let wanted: ReadonlySet<string> | undefined;
  if (options?.types !== undefined) {
    for (const t of options.types) {
      if (!PII_TYPES.includes(t)) throw new TypeError(`unknown PII type: ${t}`);
    }
    wanted = new Set(options.types);
  }
  const norm = normalizeForDetection(text);
  const t = norm.text;
  const cands: Candidate[] = [];
  const emit = (c: Candidate): void => {
    cands.push(c);
  };
  for (const d of RULE_DETECTORS) {
    if (wanted !== undefined && !d.types.some((x) => wanted.has(x))) continue;
    d.run(t, emit);
  }
  // The tagger's places also anchor postal codes (refine.ts), so ZIP_CODE alone runs it too.
  if (options?.tagger !== false && (wanted === undefined || wanted.has('ZIP_CODE') || NER_TYPES.some((x) => wanted.has(x)))) {
    for (const c of detectEntities(t, wanted)) cands.push(c);
  }
  const filtered = wanted === undefined ? cands : cands.filter((c) => wanted.has(c.type));
  return resolveOverlaps(filtered, t.length).map((c) => {
    const [start, end] = norm.toOriginal(c.start, c.end);
    return { type: c.type, start, end, score: Math.round(c.score * 1000) / 1000 };
  });
}
