/**
 * How much of a streamed answer's newest text a guard must hold back because a pattern could still
 * complete there: the trailing word (tokens, keys, e-mail addresses, URLs, canaries have no
 * spaces), a trailing run of digits and separators (card, phone and IBAN numbers are written in
 * groups) and an unclosed markdown link or image. Everything before that is released at once, so
 * time to first byte is not delayed by more than one word.
 */

const DIGIT_RUN_MAX = 48;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNumberSeparator(c: number): boolean {
  // space - + ( ) . /
  return c === 32 || c === 45 || c === 43 || c === 40 || c === 41 || c === 46 || c === 47;
}

function wordStart(text: string, i: number, floor: number): number {
  while (i > floor && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * The index in `text` from which text must stay held (`text.length` holds nothing), never below
 * `from` (text before `from` is already released).
 */
export function holdFrom(text: string, from: number): number {
  const len = text.length;
  let cut = wordStart(text, len, from);

  // Digit groups: "4111 1111 1111 1" may go on.
  let j = len;
  let digits = false;
  while (j > from && len - j < DIGIT_RUN_MAX) {
    const c = text.charCodeAt(j - 1);
    if (isDigit(c)) digits = true;
    else if (!isNumberSeparator(c)) break;
    j--;
  }
  // The run starts at its first digit group (and the word it belongs to: "DE89 3704 …").
  while (j < len && isSpace(text.charCodeAt(j))) j++;
  if (digits && j < cut) cut = wordStart(text, j, from);

  // An unclosed markdown link or image: "![x](https://host/?d=" or "[text]" that may get its URL.
  const open = text.lastIndexOf('[');
  if (open >= from) {
    const rest = text.slice(open);
    const close = rest.indexOf(']');
    const unclosed = close === -1 ? !rest.includes('\n') : close === rest.length - 1 || (rest.charAt(close + 1) === '(' && !rest.slice(close).includes(')'));
    if (unclosed) {
      const at = open > from && text.charAt(open - 1) === '!' ? open - 1 : open;
      if (at < cut) cut = at;
    }
  }
  return cut;
}
