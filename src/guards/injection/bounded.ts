/**
 * Rule patterns with a bounded match length, so that every rule runs in time linear in its input.
 *
 * The rule families run as JavaScript regular expressions (they need lookarounds, which RE2 lacks)
 * on attacker-controlled text. A backtracking engine retries a pattern at every start position; if
 * the pattern can consume an unbounded run (`\p{L}*`, `\s+`, `#{3,}`), one start can cost the length
 * of the run and the whole scan its square: "promptpromptprompt…" (16 KB) took 7.7 s in
 * `ignore\p{L}*[^.]{0,20}?what …`-shaped rules, newline runs took minutes in the fake-delimiter
 * rule (session 11). With every quantifier capped at {@link MAX_REPEAT}, a match is at most a fixed
 * number of characters long, so each start costs a constant and a scan is linear.
 *
 * Capping changes what a rule matches only on runs longer than the cap (a 70-letter "word", 65
 * spaces between two words), which no rule is meant to see.
 */

/** The largest repeat count a rule quantifier may take (`*` becomes `{0,64}`). 64 is the longest local part of an e-mail address (RFC 5321 §4.5.3.1.1). */
export const MAX_REPEAT = 64;

/**
 * `source` with every unbounded quantifier (`*`, `+`, `{n,}`, lazy or not) replaced by its bounded
 * form. Escapes, character classes and group openers are copied as they are.
 */
export function boundQuantifiers(source: string, max = MAX_REPEAT): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '\\') {
      // An escape is copied whole with the character after it; \p{…} / \u{…} / \k<…> bodies hold no quantifiers.
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    if (c === '(' && source[i + 1] === '?') {
      // A group opener's "?" is not a quantifier.
      out += '(?';
      i++;
      continue;
    }
    if (c === '*') {
      out += `{0,${max}}`;
      continue;
    }
    if (c === '+') {
      out += `{1,${max}}`;
      continue;
    }
    if (c === '{') {
      const open = /^\{(\d+),\}/.exec(source.slice(i));
      if (open !== null) {
        const min = Number(open[1]);
        out += `{${min},${Math.max(min, max)}}`;
        i += open[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** Whether `source` still has an unbounded quantifier (the check behind the rule tests). */
export function hasUnboundedQuantifier(source: string): boolean {
  return boundQuantifiers(source) !== source;
}

/** A rule pattern: `source` with bounded quantifiers, compiled with `flags`. */
export function boundedPattern(source: string, flags: string): RegExp {
  return new RegExp(boundQuantifiers(source), flags);
}
