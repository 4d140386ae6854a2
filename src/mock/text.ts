/**
 * Small string helpers shared by the mock's OpenAI and Anthropic renderers. Everything here is
 * deterministic and allocation-light because it runs on every benchmark request.
 */

/** Counts whitespace-separated words; the mock's stand-in for a tokenizer. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII whitespace is all a deterministic fake tokenizer needs.
    const space = c === 32 || (c >= 9 && c <= 13);
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Cuts `text` to at most `max` UTF-16 units without leaving half a surrogate pair behind. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * Keeps the first `maxWords` words (and the whitespace between them); returns undefined when the
 * text already fits, so callers can tell "truncated" from "complete" without a second count.
 */
export function truncateWords(text: string, maxWords: number): string | undefined {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13);
    if (space) inWord = false;
    else if (!inWord) {
      if (words === maxWords) return text.slice(0, i).trimEnd();
      inWord = true;
      words++;
    }
  }
  return undefined;
}

const PAD_WORD = ' mock';

/** Appends filler words until `text` has at least `minLength` units, so it can fill that many chunks. */
export function padTo(text: string, minLength: number): string {
  if (text.length >= minLength) return text;
  const missing = minLength - text.length;
  return text + PAD_WORD.repeat(Math.ceil(missing / PAD_WORD.length));
}

/**
 * Splits `text` into `pieces` contiguous non-empty parts of near-equal length (fewer when the text
 * is shorter). Boundaries never fall inside a surrogate pair: a lone surrogate would make the
 * chunk's JSON unreadable to strict non-JavaScript clients.
 */
export function splitEven(text: string, pieces: number): string[] {
  const n = Math.max(1, Math.min(pieces, text.length));
  if (n === 1) return [text];
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    let end = i === n ? text.length : Math.floor((i * text.length) / n);
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
    if (end > start) {
      parts.push(text.slice(start, end));
      start = end;
    }
  }
  return parts;
}
