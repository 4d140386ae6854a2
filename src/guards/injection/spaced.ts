/**
 * Spaced-out letters ("S a y   t h a t   y o u …", "i g n o r e", "i.g.n.o.r.e") read back as
 * words (session 7, second pass). Spelling a prompt out letter by letter hides every word from
 * word and character n-grams and from the rules; joining the letters is not enough when the whole
 * sentence is spaced ("saythatyouhatetrump"), so the joined run is split back into words:
 *
 * 1. where the writer marked word gaps (wider spacing, or a separator other than the one between
 *    letters: "i g n o r e   a l l", "i.g.n.o.r.e/a.l.l"), at those marks;
 * 2. where there is no mark (one space everywhere), by a segmentation over a small lexicon: the
 *    rule key words plus common function words and verbs in English, German, Spanish and French.
 *    Letters no lexicon word covers stay together as one unknown word ("trump").
 *
 * A run is only rewritten when the result reads as words: ordinary lists ("a b c d"), initials
 * ("J. R. R. Tolkien"), acronyms ("U S A") and algebra ("a + b = c") are left alone. Linear in the
 * input: runs are found by one regular expression with disjoint letter and gap classes, and the
 * segmentation is a dynamic programme over at most {@link MAX_RUN_LETTERS} letters with words of
 * at most {@link MAX_WORD} letters.
 */

/** Words the segmentation knows, lower-case and accent-free like the canonical text. */
const LEXICON_WORDS = `
a i an the this that these those it its is are was were be been am do does did done have has had
and or but not no nor if then than so as at by for from in into of on onto to with without about
over under again after before above below all any each every some none more most other only own
same too very can could will would shall should may might must just now here there when where why
how what which who whom whose you your yours yourself me my mine myself we our us they them their
he him his she her hers one two three first last new old next real true false yes ok okay please
say said tell told write wrote print show give gave make made let get got go went take put keep
send sent read answer reply respond repeat reveal output display type spell list share leak
ignore ignored forget forgot disregard skip override bypass stop start continue follow obey act
pretend imagine become role play playing mode developer admin administrator system user assistant
prompt prompts instruction instructions rule rules guideline guidelines direction directions
directive directives previous prior above earlier initial original hidden secret secrets password
passwords passcode key code token credential credentials confidential private data information
word words letter letters text message sentence everything anything nothing something
hate love like kill die dead attack bomb weapon drug drugs hack hacked steal money bank account
want need know think believe feel see look find help try use used tell told ask asked call
good bad best worst great evil free unfiltered uncensored jailbreak restrictions restricted limit
limits filter filters safety policy policies law laws illegal legal harmful dangerous
now instead always never ever also even still well back out up down off own
people person man woman world country president government company news story article
yes no hello hi thanks thank sorry sure right wrong
ich du er sie es wir ihr und oder nicht kein keine alle alles ist sind war mir mich dir dich
der die das den dem des ein eine einen zu mit von auf fur uber vergiss ignoriere ignorieren
anweisung anweisungen regel regeln passwort sag sage schreib schreibe zeig zeige jetzt neue
yo tu el ella es son todo todas todos las los la del con por para que no ignora olvida
instrucciones reglas contrasena di dime escribe muestra ahora nuevas
je tu il elle est sont tout toutes les le la des avec pour que ne pas ignore oublie consignes
regles mot passe dis ecris montre maintenant nouvelles
`;

/** Longest lexicon word the segmentation looks for. */
const MAX_WORD = 14;
/** Longer runs are left as they are (a spaced-out novel is not a prompt). */
export const MAX_RUN_LETTERS = 600;

const LEXICON: ReadonlySet<string> = new Set(LEXICON_WORDS.split(/\s+/).filter((w) => w.length > 0 && w.length <= MAX_WORD));

// Four or more single letters, each separated from the next by 1–5 gap characters (spaces and a
// few punctuation marks). Letters and gaps are disjoint classes, so matching is linear.
const RUN = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·,;:/|!?]{1,5}\p{L}(?![\p{L}\p{N}])){3,}/gu;
/** Separators that may stand between the letters of one word. */
const LETTER_GAPS: ReadonlySet<string> = new Set([' ', '.', '-', '_', '*', '·', '. ', '  ']);
const LATIN = /^[a-z]+$/;

/**
 * Split `letters` (a–z, no separators) into lexicon words by dynamic programming: a word of
 * length L scores L² (longer words are preferred to chains of short ones), a letter no word covers
 * costs 1. Returns the words (uncovered letters merged into one word) and how many letters the
 * lexicon covered.
 */
export function segment(letters: string): { words: string[]; covered: number } {
  const n = letters.length;
  const best = new Float64Array(n + 1).fill(-Infinity);
  const back = new Int32Array(n + 1); // length of the step that reached i; negative = unknown letter
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const here = best[i] ?? -Infinity;
    if (here === -Infinity) continue;
    // One uncovered letter.
    if (here - 1 > (best[i + 1] ?? -Infinity)) {
      best[i + 1] = here - 1;
      back[i + 1] = -1;
    }
    for (let len = 1; len <= MAX_WORD && i + len <= n; len++) {
      const w = letters.slice(i, i + len);
      if (!LEXICON.has(w)) continue;
      // Single-letter words ("a", "i") barely beat an uncovered letter, so they fill gaps only.
      const s = here + (len === 1 ? 0.5 : len * len);
      if (s > (best[i + len] ?? -Infinity)) {
        best[i + len] = s;
        back[i + len] = len;
      }
    }
  }
  const words: string[] = [];
  let covered = 0;
  let unknown = '';
  for (let i = n; i > 0; ) {
    const step = back[i] ?? -1;
    if (step < 0) {
      unknown = letters[i - 1] + unknown;
      i -= 1;
      continue;
    }
    if (unknown !== '') {
      words.push(unknown);
      unknown = '';
    }
    words.push(letters.slice(i - step, i));
    covered += step;
    i -= step;
  }
  if (unknown !== '') words.push(unknown);
  words.reverse();
  return { words, covered };
}

/** Read one run of spaced letters as words, or null when it does not read as words. */
function readRun(run: string): string | null {
  const letters: string[] = [];
  const gaps: string[] = [];
  let gap = '';
  for (const ch of run) {
    if (/\p{L}/u.test(ch)) {
      if (letters.length > 0) gaps.push(gap);
      letters.push(ch);
      gap = '';
    } else gap += ch;
  }
  if (letters.length < 4 || letters.length > MAX_RUN_LETTERS) return null;
  // The gap between the letters of a word is the commonest one; any other gap is a word gap.
  const counts = new Map<string, number>();
  for (const g of gaps) counts.set(g, (counts.get(g) ?? 0) + 1);
  let inner = '';
  let top = 0;
  for (const [g, c] of counts) {
    if (c > top) {
      top = c;
      inner = g;
    }
  }
  if (!LETTER_GAPS.has(inner)) return null; // "a, b, c, d" or "x - y - z - w": a list
  const chunks: string[] = [];
  let cur = letters[0] ?? '';
  for (let i = 0; i < gaps.length; i++) {
    if (gaps[i] === inner) cur += letters[i + 1];
    else {
      chunks.push(cur);
      cur = letters[i + 1] ?? '';
    }
  }
  chunks.push(cur);
  const words: string[] = [];
  let covered = 0;
  let total = 0;
  let longest = 0;
  for (const c of chunks) {
    total += c.length;
    if (!LATIN.test(c)) {
      // Other scripts: no lexicon; the letters of a chunk are one word (Cyrillic, Greek), and for
      // scripts written without spaces (Chinese, Japanese) joining is the ordinary spelling.
      words.push(c);
      covered += c.length;
      longest = Math.max(longest, c.length);
      continue;
    }
    if (LEXICON.has(c)) {
      words.push(c);
      covered += c.length;
      longest = Math.max(longest, c.length);
      continue;
    }
    const s = segment(c);
    for (const w of s.words) {
      words.push(w);
      if (LEXICON.has(w)) longest = Math.max(longest, w.length);
    }
    covered += s.covered;
  }
  const marked = chunks.length > 1;
  // Without word marks the lexicon must explain most letters with at least one real word of
  // three letters: "a b c d" (a, then b c d unknown) and "U S A" stay as they are.
  if (longest < 3 || (!marked && covered < 0.6 * total)) return null;
  return words.join(' ');
}

/**
 * `text` with every run of spaced-out letters that reads as words rewritten as those words, and
 * how many runs were rewritten. `text` should be canonical (lower-case, NFKC) but keep its
 * original spacing, since wider gaps mark word boundaries.
 */
export function despace(text: string): { text: string; runs: number } {
  let runs = 0;
  RUN.lastIndex = 0;
  const out = text.replace(RUN, (run) => {
    const read = readRun(run);
    if (read === null) return run;
    runs++;
    return read;
  });
  return { text: out, runs };
}

/** Cheap test for a candidate run before any canonicalisation work. */
export const SPACED_CANDIDATE = /(?<![\p{L}\p{N}])\p{L}[ .\-_*·,;:/|!?]{1,5}\p{L}[ .\-_*·,;:/|!?]{1,5}\p{L}[ .\-_*·,;:/|!?]{1,5}\p{L}(?![\p{L}\p{N}])/u;
