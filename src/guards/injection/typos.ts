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

/** Damerau–Levenshtein (optimal string alignment) distance, or `max + 1` once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
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
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j] ?? 0;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** The key word `word` is a misspelling of, or undefined. */
function correctWord(word: string): string | undefined {
  if (word.length < 5 || word.length > MAX_WORD || REAL_WORDS.has(word) || KEYWORDS.includes(word)) return undefined;
  for (const k of KEYWORDS) {
    // Typos seldom hit the first letter; checking it first keeps ordinary words cheap.
    if (k.length < 6 || k.charCodeAt(0) !== word.charCodeAt(0)) continue;
    const max = k.length >= 10 ? 2 : 1;
    if (distance(word, k, max) <= max) return k;
  }
  return undefined;
}

/** A word run together with a prefix ("allprevious"), split; or undefined. */
function splitWord(word: string): string | undefined {
  if (word.length > MAX_WORD) return undefined;
  for (const k of KEYWORDS) {
    if (word.length <= k.length + 1) continue;
    for (const form of [k, `${k}s`]) {
      if (!word.endsWith(form)) continue;
      const head = word.slice(0, word.length - form.length);
      if (PREFIXES.has(head)) return `${head} ${form}`;
    }
  }
  return undefined;
}

/**
 * `text` (canonical) with misspelt or run-together key words restored, or `text` itself when
 * nothing changed. Only the first `limit` characters are looked at.
 */
export function restoreKeywords(text: string, limit = 8192): string {
  const head = text.length > limit ? text.slice(0, limit) : text;
  let changed = false;
  // A key word broken in two by a space ("ig nore", "previ ous", "guide lines"): joined when the
  // two pieces together are (or are one typo away from) a key word and the second is not a word
  // of its own that the first could precede ("pass word" joins; "the rules" has no key word).
  let out = '';
  let last = 0;
  // Each word with the one after it, overlapping: \S+ pieces separated by one space.
  const words = [...head.matchAll(/\p{L}{2,12}/gu)];
  for (let i = 0; i + 1 < words.length; i++) {
    const x = words[i];
    const y = words[i + 1];
    if (x === undefined || y === undefined || x.index === undefined || y.index === undefined) continue;
    const a = x[0];
    const b = y[0];
    if (y.index !== x.index + a.length + 1 || head.charCodeAt(x.index + a.length) !== 32) continue;
    const joined = `${a}${b}`;
    if (joined.length < 6 || REAL_WORDS.has(a) || KEYWORDS.includes(a) || KEYWORDS.includes(b)) continue;
    const k = KEYWORDS.includes(joined) ? joined : correctWord(joined);
    if (k === undefined) continue;
    out += `${head.slice(last, x.index)}${k}`;
    last = y.index + b.length;
    changed = true;
    i++;
  }
  out += head.slice(last);
  out = out.replace(/\p{L}+/gu, (w) => {
    const fixed = correctWord(w) ?? splitWord(w);
    if (fixed === undefined) return w;
    changed = true;
    return fixed;
  });
  return changed ? out : text;
}
