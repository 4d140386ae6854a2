/**
 * Placeholders of reversible tokenisation: `<EMAIL_ADDRESS_1>` — `<`, a type in capitals, `_`, a
 * number from 1, `>`. So that tokenise → de-tokenise is the identity on any text, text that
 * already looks like a placeholder is escaped on the way in with one more `~` before its `>`
 * (`<EMAIL_ADDRESS_1>` → `<EMAIL_ADDRESS_1~>`, `<X_2~>` → `<X_2~~>`), and de-tokenising takes one
 * `~` off again. Only a placeholder without `~` is ever replaced by a value, and only the gateway
 * writes those into a prompt.
 *
 * The scanner is linear: candidates start at `<` and run over placeholder characters only (no
 * `<` or `>` inside), so a match never overlaps a placeholder the gateway inserted, whatever
 * surrounds it. Types are at most 64 characters and numbers 9 digits; escaping tildes are not
 * bounded (escaping must work on any text).
 */

/**
 * Longest placeholder prefix a stream holds back. A longer placeholder-like run (only possible
 * with hundreds of escaping tildes) is released as it is: the one `~` it would have lost may
 * stay, never a value.
 */
export const HOLD_MAX = 512;

const SHAPE = /^([A-Z][A-Z0-9_]{0,63})_([1-9][0-9]{0,8})(~*)$/;

export interface PlaceholderMatch {
  readonly start: number;
  /** Exclusive: one past the `>`. */
  readonly end: number;
  /** The placeholder without escaping tildes: `<TYPE_N>`. */
  readonly name: string;
  readonly tildes: number;
}

function isInner(c: number): boolean {
  // A-Z 0-9 _ ~
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 126;
}

/** Every placeholder-like run of `text`, in order. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  let i = text.indexOf('<');
  while (i !== -1) {
    let j = i + 1;
    while (j < text.length && isInner(text.charCodeAt(j))) j++;
    if (j < text.length && text.charCodeAt(j) === 62 /* > */) {
      const m = SHAPE.exec(text.slice(i + 1, j));
      if (m) out.push({ start: i, end: j + 1, name: `<${m[1] as string}_${m[2] as string}>`, tildes: (m[3] as string).length });
    }
    i = text.indexOf('<', j);
  }
  return out;
}

export function placeholder(type: string, n: number): string {
  return `<${type}_${n}>`;
}

/** Adds one `~` to every placeholder-like run, so none of them reads as a placeholder. */
export function escapePlaceholders(text: string): string {
  const found = findPlaceholders(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of found) {
    out += text.slice(at, m.end - 1) + '~>';
    at = m.end;
  }
  return out + text.slice(at);
}

/**
 * Replaces each placeholder `lookup` knows by its value (through `encode`, e.g. JSON escaping in
 * tool-call arguments) and takes one `~` off each escaped run. Unknown placeholders stay as they
 * are: a placeholder forged by the client or the model unlocks nothing.
 */
export function restorePlaceholders(text: string, lookup: (name: string) => string | undefined, encode: (value: string) => string = (v) => v): string {
  const found = findPlaceholders(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of found) {
    if (m.tildes > 0) {
      out += text.slice(at, m.end - 2) + '>';
    } else {
      const value = lookup(m.name);
      out += text.slice(at, m.start) + (value === undefined ? m.name : encode(value));
    }
    at = m.end;
  }
  return out + text.slice(at);
}

/**
 * Where the text a stream has produced so far must be cut so that a placeholder split across
 * chunks is restored whole: from the last `<` when what follows could still become a placeholder.
 */
export function holdPlaceholderFrom(text: string): number {
  const lt = text.lastIndexOf('<');
  if (lt === -1 || text.length - lt > HOLD_MAX) return text.length;
  for (let i = lt + 1; i < text.length; i++) if (!isInner(text.charCodeAt(i))) return text.length;
  return lt;
}

/** De-tokenises a stream of text: restored text out, a possible placeholder prefix held. */
export class StreamRestorer {
  private held = '';

  constructor(
    private readonly lookup: (name: string) => string | undefined,
    private readonly encode?: (value: string) => string,
  ) {}

  get holding(): boolean {
    return this.held.length > 0;
  }

  push(delta: string, final: boolean): string {
    const text = this.held + delta;
    const cut = final ? text.length : holdPlaceholderFrom(text);
    this.held = text.slice(cut);
    return restorePlaceholders(text.slice(0, cut), this.lookup, this.encode);
  }
}
