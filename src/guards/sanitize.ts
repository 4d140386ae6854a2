/**
 * Sanitizing a document (a tool result, a retrieved passage): the indirect-injection model names
 * the segment that scored worst (a line, or a few lines); within it, only the sentences that score
 * as injections on their own are dropped, so the rest of a long line of data survives. When no
 * single sentence scores (the attack needs the whole passage), the whole passage goes.
 */
import { scoreInjection } from './injection/index.js';

const SENTENCE_END = /[.!?。！？](?=\s)|\n/g;

/** `text` without the injected passage in `span`, and the ranges that were dropped. */
export function dropPassage(text: string, span: { readonly start: number; readonly end: number }, threshold: number): { text: string; dropped: { start: number; end: number }[] } {
  const passage = text.slice(span.start, span.end);
  const pieces: { start: number; end: number }[] = [];
  let s = 0;
  SENTENCE_END.lastIndex = 0;
  for (const m of passage.matchAll(SENTENCE_END)) {
    const e = m.index + m[0].length;
    pieces.push({ start: s, end: e });
    s = e;
  }
  if (s < passage.length) pieces.push({ start: s, end: passage.length });
  const bad = pieces.length > 1 ? pieces.filter((p) => scoreInjection(passage.slice(p.start, p.end), 'tool').score >= threshold) : [];
  const dropped = (bad.length > 0 ? bad : [{ start: 0, end: passage.length }]).map((p) => ({ start: span.start + p.start, end: span.start + p.end }));
  let out = '';
  let at = 0;
  for (const d of dropped) {
    out += text.slice(at, d.start);
    at = d.end;
  }
  return { text: out + text.slice(at), dropped };
}
