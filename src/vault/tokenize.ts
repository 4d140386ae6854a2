/**
 * Tokenising a text the model will read: `tokenize` findings become placeholders, `mask` and
 * `hash` findings their redactions (guards/redact.ts), and every other stretch of text is escaped
 * (placeholder.ts) so nothing in it reads as a placeholder. `restore` is the inverse for answers.
 */
import { hashToken, type ActedFinding } from '../guards/redact.js';
import { escapePlaceholders, restorePlaceholders, StreamRestorer } from './placeholder.js';
import type { TokenSession } from './session.js';

export function tokenizeText(text: string, acted: readonly ActedFinding[], hashKey: Buffer, session: TokenSession): string {
  let out = '';
  let at = 0;
  for (const { finding: f, action } of acted) {
    let replacement: string;
    if (action === 'tokenize') replacement = session.placeholderFor(f.type, text.slice(f.start, f.end)) ?? `[${f.type}]`;
    else if (action === 'mask') replacement = `[${f.type}]`;
    else if (action === 'hash') replacement = hashToken(hashKey, f.type, text.slice(f.start, f.end));
    else continue;
    out += escapePlaceholders(text.slice(at, f.start)) + replacement;
    at = f.end;
  }
  return out + escapePlaceholders(text.slice(at));
}

/** JSON string escaping without the quotes: a value restored inside tool-call arguments stays valid JSON. */
export function jsonInner(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

export function restoreText(text: string, session: TokenSession, json = false): string {
  return restorePlaceholders(text, (name) => session.valueOf(name), json ? jsonInner : undefined);
}

export function streamRestorer(session: TokenSession, json = false): StreamRestorer {
  return new StreamRestorer((name) => session.valueOf(name), json ? jsonInner : undefined);
}
