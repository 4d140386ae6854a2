/**
 * A WordPiece tokenizer (BERT family: `vocab.txt`, one token per line, `##` marks a word
 * continuation) for user-supplied ONNX classifiers. Basic tokenization as BERT does it: optional
 * lower-casing with accents stripped, split on white space, punctuation as separate tokens, then
 * greedy longest-match-first word pieces; `[CLS] … [SEP]`, truncated to `maxTokens`.
 */

export interface WordPiece {
  /** Token ids with [CLS] first and [SEP] last. */
  encode(text: string): number[];
}

const MAX_WORD_CHARS = 100;
const PUNCT = /[\p{P}\p{S}]/u;

export function createWordPiece(vocabText: string, options: { lowercase: boolean; maxTokens: number }): WordPiece {
  const vocab = new Map<string, number>();
  for (const [i, line] of vocabText.split(/\r?\n/).entries()) {
    const token = line.trimEnd();
    if (token !== '' && !vocab.has(token)) vocab.set(token, i);
  }
  const special = (t: string): number => {
    const id = vocab.get(t);
    if (id === undefined) throw new Error(`the vocabulary has no ${t} token`);
    return id;
  };
  const cls = special('[CLS]');
  const sep = special('[SEP]');
  const unk = special('[UNK]');

  function words(text: string): string[] {
    let t = text.normalize('NFC');
    if (options.lowercase) t = t.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
    const out: string[] = [];
    for (const chunk of t.split(/\s+/u)) {
      let word = '';
      for (const ch of chunk) {
        if (PUNCT.test(ch)) {
          if (word !== '') out.push(word);
          out.push(ch);
          word = '';
        } else word += ch;
      }
      if (word !== '') out.push(word);
    }
    return out;
  }

  function pieces(word: string, out: number[]): void {
    const chars = [...word];
    if (chars.length > MAX_WORD_CHARS) {
      out.push(unk);
      return;
    }
    const ids: number[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let id: number | undefined;
      while (start < end) {
        const piece = (start > 0 ? '##' : '') + chars.slice(start, end).join('');
        id = vocab.get(piece);
        if (id !== undefined) break;
        end--;
      }
      if (id === undefined) {
        out.push(unk);
        return;
      }
      ids.push(id);
      start = end;
    }
    out.push(...ids);
  }

  return {
    encode(text: string): number[] {
      const ids = [cls];
      const limit = options.maxTokens - 1;
      // A token covers at least one character: more text than this cannot reach the model.
      for (const w of words(text.slice(0, options.maxTokens * 32))) {
        if (ids.length >= limit) break;
        pieces(w, ids);
      }
      if (ids.length > limit) ids.length = limit;
      ids.push(sep);
      return ids;
    },
  };
}
