/**
 * Exfiltration links in model answers: markdown images (fetched by most chat UIs without a click,
 * the classic zero-click channel of indirect prompt injection) and links or bare URLs whose query
 * string carries data to a host outside the route's allow-list. A pure scan of text; linear.
 */
import type { LinkPolicy } from './policy.js';

export interface LinkFinding {
  readonly kind: 'image' | 'link' | 'url';
  readonly start: number;
  readonly end: number;
  /** The URL carries a query string or fragment. */
  readonly data: boolean;
}

const URL_START = /\bhttps?:\/\//gi;

function isUrlChar(c: string): boolean {
  return c > ' ' && c !== '<' && c !== '>' && c !== '"' && c !== '`' && c !== ')' && c !== '\u00a0';
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

/** The host is one of the allowed hosts or a subdomain of one. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  for (const a of allowed) if (host === a || host.endsWith(`.${a}`)) return true;
  return false;
}

/**
 * Every URL of `text` that breaks the policy, with its kind. A URL that cannot be parsed counts as
 * a foreign host (fail closed). Offsets index `text`; a URL counts once even inside a markdown link.
 */
export function findExfiltrationLinks(text: string, policy: LinkPolicy): LinkFinding[] {
  if (policy.action === 'allow') return [];
  const out: LinkFinding[] = [];
  URL_START.lastIndex = 0;
  for (;;) {
    const m = URL_START.exec(text);
    if (m === null) break;
    const start = m.index;
    let end = start + m[0].length;
    while (end < text.length && isUrlChar(text.charAt(end))) end++;
    // Trailing sentence punctuation is not part of a bare URL.
    while (end > start && '.,;:!?\'*_'.includes(text.charAt(end - 1))) end--;
    URL_START.lastIndex = end;
    const url = text.slice(start, end);
    const inParen = start >= 2 && text.charAt(start - 1) === '(' && text.charAt(start - 2) === ']';
    let kind: LinkFinding['kind'] = 'url';
    if (inParen) {
      const open = text.lastIndexOf('[', start - 2);
      kind = open > 0 && text.charAt(open - 1) === '!' ? 'image' : 'link';
    }
    const host = hostOf(url);
    if (host !== undefined && hostAllowed(host, policy.allowedHosts)) continue;
    const q = url.search(/[?#]./);
    const data = q !== -1;
    if (policy.strict || kind === 'image' || data) out.push({ kind, start, end, data });
  }
  return out;
}
