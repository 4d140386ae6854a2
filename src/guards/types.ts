/**
 * Shared shapes of the detectors. Detectors are pure functions of text: no I/O, no clock, no
 * global state after start-up, so they run the same in the proxy, in `/v1/guard/scan` and in
 * `portcullis scan|eval`.
 */

/** Where a text sits in a conversation (DESIGN.md, "The guard interface"). */
export type TextRole = 'user' | 'system' | 'tool' | 'assistant';

/** An entity found in a text. Offsets are JavaScript string indices into the original input. */
export interface Finding {
  /** PII types use the dataset names (PERSON, EMAIL_ADDRESS, ...); secrets use SECRET_* names. */
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** Confidence in [0, 1]; validated structured identifiers score 1. */
  readonly score: number;
}
