/**
 * Merging the per-language lexicon files into the one file the detectors load (session 14; used by
 * `scripts/build-lexicon.ts` and its test). Entries are folded, deduplicated and sorted, so the
 * merged file does not depend on how the writers ordered them.
 */
import { compileLexicon, parseEntry, type LexiconFile } from './concepts.js';

/** The merged file's text and its size. */
export interface MergedLexicon {
  readonly text: string;
  readonly languages: number;
  readonly entries: number;
}

/** Merge `concepts.json` and the language files (`{ lang, name?, entries }`); throws on a bad entry. */
export function mergeLexicon(conceptsText: string, files: readonly { file: string; text: string }[]): MergedLexicon {
  const concepts = JSON.parse(conceptsText) as Record<string, string>;
  const languages: Record<string, { name?: string; entries: Record<string, string[]> }> = {};
  let count = 0;
  for (const { file, text } of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const j = JSON.parse(text) as { lang?: unknown; name?: unknown; entries?: unknown };
    if (typeof j.lang !== 'string' || typeof j.entries !== 'object' || j.entries === null) throw new Error(`${file}: needs "lang" and "entries"`);
    if (languages[j.lang] !== undefined) throw new Error(`${file}: language ${j.lang} twice`);
    const entries: Record<string, string[]> = {};
    for (const [concept, forms] of Object.entries(j.entries as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) {
      if (!(concept in concepts)) throw new Error(`${file}: unknown concept ${concept}`);
      if (!Array.isArray(forms)) throw new Error(`${file}/${concept}: not a list`);
      const set = new Set<string>();
      for (const f of forms) {
        const e = typeof f === 'string' ? parseEntry(f) : undefined;
        if (e === undefined) throw new Error(`${file}/${concept}: bad entry ${JSON.stringify(f)}`);
        set.add(e.kind === 'infix' ? `*${e.form}*` : e.kind === 'prefix' ? `${e.form}*` : e.form);
      }
      entries[concept] = [...set].sort();
      count += set.size;
    }
    languages[j.lang] = { ...(typeof j.name === 'string' ? { name: j.name } : {}), entries };
  }
  const file: LexiconFile = { concepts, languages };
  compileLexicon(file);
  return { text: `${JSON.stringify(file)}\n`, languages: Object.keys(languages).length, entries: count };
}
