/**
 * Text normalisation for the detectors.
 *
 * Attackers (and copy-paste accidents) hide identifiers behind zero-width characters, bidi
 * controls, full-width or mathematical digits and compatibility ligatures. Detectors therefore
 * scan a normalised copy of the text, and every finding is mapped back to offsets in the
 * original string so that masking and tokenisation act on what the caller actually sent.
 *
 * Normalisation is Unicode NFKC (UAX #15) applied per grapheme-like cluster (a base code point
 * plus its combining marks) so that an offset map can be kept; this differs from whole-string
 * NFKC only for pathological sequences (reordering across cluster boundaries), which do not
 * matter for detection. Runs in time linear in the input length.
 */

import { Buffer } from 'node:buffer';

/** Result of {@link normalizeForDetection}. */
export interface NormalizedText {
  /** The normalised text that detectors scan. */
  readonly text: string;
  /**
   * Maps a half-open range `[start, end)` of the normalised text back to the smallest half-open
   * range of the original text that produced it (JavaScript string indices).
   */
  toOriginal(start: number, end: number): [number, number];
}

/**
 * Invisible characters that carry no visible content but split tokens: zero-width space/joiners,
 * bidi embeddings/overrides/isolates (the "Trojan Source" set, CVE-2021-42574), word joiner and
 * invisible operators, BOM, soft hyphen, Mongolian vowel separator, and variation selectors.
 */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x206f) ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/**
 * Dashes that NFKC leaves alone but people (and generators) use as separators in card, phone and
 * ID numbers; folding them to ASCII hyphen-minus keeps the number patterns simple.
 */
function isDash(cp: number): boolean {
  return (cp >= 0x2010 && cp <= 0x2015) || cp === 0x2212 || cp === 0xfe58 || cp === 0xfe63 || cp === 0xff0d;
}

const COMBINING = /^[\p{M}]$/u;
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const NON_ASCII = /[^\x00-\x7f]/;
/** A cluster longer than this is flushed early so that Zalgo-style mark runs stay linear. */
const MAX_CLUSTER = 32;

function identity(length: number): NormalizedText['toOriginal'] {
  return (start, end) => {
    const s = Math.max(0, Math.min(start, length));
    return [s, Math.max(s, Math.min(end, length))];
  };
}

/**
 * Normalises `text` for detection: NFKC per cluster, invisible/bidi characters removed, Unicode
 * dashes folded to `-`. Full-width and other compatibility digits become ASCII through NFKC.
 * Spaced-out digits are deliberately kept: number detectors accept separators themselves.
 */
export function normalizeForDetection(text: string): NormalizedText {
  // UTF-8 takes one byte per code unit exactly when every unit is ASCII; V8 counts that far
  // faster than a regular expression scans for a non-ASCII unit (0.2 against 3 us per 4 KB).
  if (Buffer.byteLength(text, 'utf8') === text.length) return { text, toOriginal: identity(text.length) };

  const out: string[] = [];
  // For each UTF-16 unit of the output, the original range of the cluster it came from.
  const srcStart: number[] = [];
  const srcEnd: number[] = [];
  let outLen = 0;

  let clusterStart = -1;
  let clusterEnd = -1;
  let cluster = '';
  let marks = 0;

  const flush = (): void => {
    if (cluster === '') return;
    const norm = NON_ASCII.test(cluster) ? cluster.normalize('NFKC') : cluster;
    for (let k = 0; k < norm.length; k++) {
      srcStart.push(clusterStart);
      srcEnd.push(clusterEnd);
    }
    out.push(norm);
    outLen += norm.length;
    cluster = '';
    marks = 0;
  };

  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (isInvisible(cp)) {
      i += width;
      continue;
    }
    const ch = isDash(cp) ? '-' : text.slice(i, i + width);
    if (cp >= 0x80 && cluster !== '' && marks < MAX_CLUSTER && COMBINING.test(ch)) {
      cluster += ch;
      clusterEnd = i + width;
      marks++;
    } else {
      flush();
      cluster = ch;
      clusterStart = i;
      clusterEnd = i + width;
    }
    i += width;
  }
  flush();

  const normalized = out.join('');
  const originalLength = text.length;
  return {
    text: normalized,
    toOriginal(start: number, end: number): [number, number] {
      const s = Math.max(0, Math.min(start, outLen));
      const e = Math.max(s, Math.min(end, outLen));
      const os = s < outLen ? (srcStart[s] ?? originalLength) : originalLength;
      if (e === s) return [os, os];
      const oe = srcEnd[e - 1] ?? originalLength;
      return [os, Math.max(os, oe)];
    },
  };
}
