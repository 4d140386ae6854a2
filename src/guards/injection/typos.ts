/**
 * Misspelt key words of user prompts, restored for the rule families (session 7). Prompts typed
 * by people carry typos ("ignore the previus instuctions", "what are your intstructions") and
 * words run together ("all priorinstructions"); a rule written for "instructions" misses them,
 * while the character n-grams only partly make up for it. This view rewrites a handful of key
 * words within a small edit distance (Damerau–Levenshtein) and splits them off a run-together
 * prefix; the direct model matches its rules on it as one more view of the text.
 *
 * Only words of five letters or more that share the key word's first letter are corrected (one edit; two from ten letters on), and real
 * words close to a key word ("instructor", "directors") are listed so they are never rewritten.
 * Linear in the input: each word is looked at once, capped in length.
 */

/** The key words, in canonical (lower-case, accent-free) form. */
const KEYWORDS: readonly string[] = [
  'instructions', 'instruction', 'previous', 'ignore', 'password', 'guidelines', 'directions', 'directives', 'disregard', 'prompt', 'secret',
  'anweisungen', 'instrucciones', 'passwort',
];

/** Real words within the edit distance of a key word: never rewritten. */
const REAL_WORDS: ReadonlySet<string> = new Set([
  'instructor', 'instructors', 'instructing', 'instructive', 'construction', 'constructions', 'instructed', 'destruction', 'obstruction',
  'previously', 'ignored', 'ignores', 'ignorer', 'passwords', 'guideline', 'direction', 'directors', 'directive', 'disregards', 'disregarded',
  'prompts', 'prompted', 'promptly', 'prompter', 'secrets', 'secrete', 'secreted', 'secretly', 'secretary',
  'passport', 'passports', 'anweisung', 'instruccion',
]);

/** Run-together prefixes split off a key word ("priorinstructions" → "prior instructions"). */
const PREFIXES: ReadonlySet<string> = new Set(['all', 'prior', 'previous', 'your', 'the', 'my', 'these', 'those', 'ignore', 'system', 'secret', 'any', 'every', 'old', 'initial', 'original', 'ur']);

const MAX_WORD = 24;
const KEYSET: ReadonlySet<string> = new Set(KEYWORDS);
/** Key words and their plurals, for splitting run-together words. */
const FORMS: ReadonlySet<string> = new Set(KEYWORDS.flatMap((k) => [k, `${k}s`]));
/**
 * First letter with the second or third of each key word, as one number ("ig", "in" for
 * "ignore"): any word starting otherwise is let go at once.
 */
const FIRST2: ReadonlySet<number> = new Set(KEYWORDS.flatMap((k) => [k.charCodeAt(0) * 65536 + k.charCodeAt(1), k.charCodeAt(0) * 65536 + k.charCodeAt(2)]));

// Rows of the distance table, reused between calls (no allocation per word).
const ROW0 = new Int32Array(MAX_WORD + 2);
const ROW1 = new Int32Array(MAX_WORD + 2);
const ROW2 = new Int32Array(MAX_WORD + 2);

/** Damerau–Levenshtein (optimal string alignment) distance, or `max + 1` once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max || a.length > MAX_WORD || b.length > MAX_WORD) return max + 1;
  let prev2 = ROW0;
  let prev = ROW1;
  let cur = ROW2;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length] ?? max + 1;
}

/** The key word `word` is a misspelling of, or undefined. */
function correctWord(word: string): string | undefined {
  // Typos seldom hit the first letter; checking it first keeps ordinary words cheap.
  if (word.length < 5 || word.length > MAX_WORD || !FIRST2.has(word.charCodeAt(0) * 65536 + word.charCodeAt(1)) || REAL_WORDS.has(word) || KEYSET.has(word)) return undefined;
  for (const k of KEYWORDS) {
    if (k.length < 6 || k.charCodeAt(0) !== word.charCodeAt(0)) continue;
    // Nor, mostly, the second (or it is swapped with the third): most words are let go here.
    const w1 = word.charCodeAt(1);
    if (w1 !== k.charCodeAt(1) && !(w1 === k.charCodeAt(2) && word.charCodeAt(2) === k.charCodeAt(1))) continue;
    const max = k.length >= 10 ? 2 : 1;
    if (distance(word, k, max) <= max) return k;
  }
  return undefined;
}

/** A word run together with a prefix ("allprevious"), split; or undefined. */
function splitWord(word: string): string | undefined {
  if (word.length < 8 || word.length > MAX_WORD) return undefined;
  for (const head of PREFIXES) {
    if (word.length - head.length < 6 || !word.startsWith(head)) continue;
    const rest = word.slice(head.length);
    if (FORMS.has(rest)) return `${head} ${rest}`;
  }
  return undefined;
}

/**
 * A key word broken in two by a space ("ig nore", "previ ous", "guide lines"): the joined word
 * when the two pieces together are (or are a typo away from) a key word and neither piece is a
 * key word or a listed real word of its own ("the rules" has no key word to join).
 */
function joinPair(a: string, b: string): string | undefined {
  const n = a.length + b.length;
  if (a.length < 2 || b.length < 2 || a.length > 12 || b.length > 12 || n < 6 || n > MAX_WORD || !FIRST2.has(a.charCodeAt(0) * 65536 + a.charCodeAt(1))) return undefined;
  if (REAL_WORDS.has(a) || KEYSET.has(a) || KEYSET.has(b)) return undefined;
  const joined = `${a}${b}`;
  return KEYSET.has(joined) ? joined : correctWord(joined);
}

/**
 * `text` (canonical) with misspelt, split or run-together key words restored, or `text` itself
 * when nothing changed. Only the first `limit` characters are looked at; one pass over the words.
 */
export function restoreKeywords(text: string, limit = 8192): string {
  const head = text.length > limit ? text.slice(0, limit) : text;
  let out = '';
  let last = 0;
  let changed = false;
  // The previous word, not yet written out: it may join the current one.
  let pStart = -1;
  let pWord = '';
  const flush = (): void => {
    if (pStart < last) return;
    const fixed = correctWord(pWord) ?? splitWord(pWord);
    if (fixed === undefined) return;
    out += `${head.slice(last, pStart)}${fixed}`;
    last = pStart + pWord.length;
    changed = true;
  };
  // Words are runs of ASCII letters: the key words are ASCII (the canonical text has no Latin
  // accents), and a plain character scan is several times cheaper than a Unicode regex.
  const n = head.length;
  let i = 0;
  while (i < n) {
    let c = head.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const start = i;
    do c = head.charCodeAt(++i);
    while (i < n && c >= 97 && c <= 122);
    const w = head.slice(start, i);
    if (pStart >= last && start === pStart + pWord.length + 1 && head.charCodeAt(start - 1) === 32) {
      const k = joinPair(pWord, w);
      if (k !== undefined) {
        out += `${head.slice(last, pStart)}${k}`;
        last = i;
        changed = true;
        pStart = -1;
        continue;
      }
    }
    flush();
    pStart = start;
    pWord = w;
  }
  flush();
  if (!changed) return text;
  return out + head.slice(last);
}
