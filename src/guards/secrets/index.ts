/**
 * Secret detection: credentials people paste into prompts (cloud keys, source-forge tokens, LLM
 * API keys, chat and payment tokens, private keys, JWTs, connection strings) plus
 * keyword-anchored high-entropy values. Every rule is an RE2 expression compiled at module load
 * and most have a second check (structure, entropy, decoding). Findings carry the type and the
 * position only, never the value.
 */

import RE2 from 're2';
import type { Finding } from '../types.js';
import { normalizeForDetection } from '../normalize.js';
import { keepNonOverlapping } from '../spans.js';
import { locateMatches } from '../pattern-set.js';

interface Hit {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly score: number;
}

interface Rule {
  readonly kind: string;
  readonly re: RE2;
  /** Character class (as a predicate) that must not touch the match on either side. */
  readonly bounded: boolean;
  readonly score: number;
  /** Extra check on the matched text; the default accepts. */
  readonly check?: (value: string) => boolean;
  /**
   * Literals of which every match contains at least one (lower-case ones matched
   * case-insensitively, as the rule's `(?i)` does). A text containing none of them is not
   * scanned: a pure shortcut, the findings are the same (see {@link literalHits}).
   */
  readonly needs: readonly string[];
  readonly folded: boolean;
}

/** Scratch counts for ASCII values and their characters in order of first occurrence. */
const ASCII_COUNTS = new Int32Array(128);
const FIRST_SEEN = new Int32Array(128);

/** Shannon entropy in bits per character (Shannon 1948), over the value's own characters. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // ASCII values (nearly all keys) count into an array; the terms are summed in the order of
  // first occurrence, as the Map below iterates, so the result is bit-for-bit the same.
  let distinct = 0;
  let ascii = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (ASCII_COUNTS[c] === 0) FIRST_SEEN[distinct++] = c;
    ASCII_COUNTS[c] = (ASCII_COUNTS[c] ?? 0) + 1;
  }
  if (ascii) {
    let h = 0;
    const n = value.length;
    for (let k = 0; k < distinct; k++) {
      const c = FIRST_SEEN[k] ?? 0;
      const p = (ASCII_COUNTS[c] ?? 0) / n;
      h -= p * Math.log2(p);
    }
    for (let k = 0; k < distinct; k++) ASCII_COUNTS[FIRST_SEEN[k] ?? 0] = 0;
    return h;
  }
  for (let k = 0; k < distinct; k++) ASCII_COUNTS[FIRST_SEEN[k] ?? 0] = 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...value].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

function isTokenChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/**
 * Documentation placeholders keep a real prefix and fill the rest with one character
 * (`ghp_XXXX…`, `AKIA0000…`, `sk-ant-api03-xxxx…`). Random key material is well above 3 bits
 * per character over the whole match (base62 ≈ 5.9, hex ≈ 4, digits ≈ 3.3); such fillers are
 * below 2.5.
 */
function notFiller(value: string): boolean {
  return shannonEntropy(value) >= 3;
}

/** Real keys mix character classes; "sk-aaaaaaaa…" and "sk-this-is-my-key" do not. */
function looksRandom(value: string, minEntropy = 3.5): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(value)).length;
  return classes >= 2 && shannonEntropy(value) >= minEntropy;
}

function base64UrlDecode(part: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    return Buffer.from(part, 'base64url').toString('utf8');
  } catch {
    return undefined;
  }
}

/** A JWS compact serialisation (RFC 7515 section 7.1) whose header is JSON naming an `alg`. */
function jwtValid(value: string): boolean {
  const [h] = value.split('.');
  const header = base64UrlDecode(h ?? '');
  if (header === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as Record<string, unknown>)['alg'] === 'string';
  } catch {
    return false;
  }
}

const PLACEHOLDER = /^(?:<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%[^%]*%|\*+|x+|\.+|changeme|password|passwd|secret|redacted|none|null|undefined|example|your[_-]?\w*|test|dummy|foo|bar|pass|pwd|\$[A-Z_]+|process\.env\.\w+|os\.environ.*)$/i;

/** A credential inside a URL must be a value, not a template variable or a mask. */
function urlPasswordReal(value: string): boolean {
  // The user may be empty: `redis://:password@host` is how Redis URLs carry a password.
  const m = /:\/\/[^:/@\s]*:([^@\s]+)@/.exec(value);
  const pw = m?.[1];
  return pw !== undefined && pw.length >= 3 && !PLACEHOLDER.test(decodeURIComponentSafe(pw));
}

function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

const rule = (
  kind: string,
  source: string,
  needs: readonly string[],
  opts: Partial<Omit<Rule, 'kind' | 're' | 'needs' | 'folded'>> = {},
): Rule => {
  const folded = source.startsWith('(?i)');
  if (needs.length === 0 || (folded && needs.some((l) => l !== l.toLowerCase()))) {
    throw new Error(`secret rule ${kind}: literals must be given, lower-case for a (?i) rule`);
  }
  return {
    kind,
    re: new RE2(source, 'g'),
    bounded: opts.bounded ?? true,
    score: opts.score ?? 0.99,
    check: opts.check === undefined ? notFiller : (v: string) => notFiller(v) && (opts.check as (v: string) => boolean)(v),
    needs,
    folded,
  };
};

/**
 * The rule set. Prefixes follow each vendor's documented token formats; lengths are the
 * documented ones or a lower bound where vendors reserve the right to grow tokens.
 */
const RULES: readonly Rule[] = [
  rule('PRIVATE_KEY', '-----BEGIN[A-Z0-9 ]{0,32} PRIVATE KEY(?: BLOCK)?-----(?s:.*?)-----END[A-Z0-9 ]{0,32} PRIVATE KEY(?: BLOCK)?-----', ['-----BEGIN'], { bounded: false, score: 1 }),
  // A truncated paste still leaks most of the key: header plus at least 64 base64 characters.
  rule('PRIVATE_KEY', '-----BEGIN[A-Z0-9 ]{0,32} PRIVATE KEY(?: BLOCK)?-----(?:\\s|\\\\n)*(?:[A-Za-z0-9+/=]|\\\\n|[\\r\\n]){63,}[A-Za-z0-9+/=]', ['-----BEGIN'], { bounded: false, score: 0.95 }),
  rule('AWS_ACCESS_KEY', '(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}', ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T']),
  rule('AWS_SECRET_KEY', '(?i)aws[a-z0-9_ .-]{0,24}(?:secret|sk)[a-z0-9_ .-]{0,16}["\']?\\s*(?:=|:|=>)\\s*["\']?[A-Za-z0-9/+]{40}', ['aws'], {
    bounded: false,
    score: 0.95,
  }),
  rule('GCP_SERVICE_ACCOUNT', '"private_key_id"\\s*:\\s*"[0-9a-f]{40}"', ['"private_key_id"'], { bounded: false, score: 0.99 }),
  rule('GCP_API_KEY', 'AIza[0-9A-Za-z_\\-]{35}', ['AIza']),
  rule('AZURE_STORAGE_KEY', '(?i)(?:DefaultEndpointsProtocol=https?;)?AccountName=[^;\\s]{1,64};AccountKey=[A-Za-z0-9+/]{80,88}={0,2}(?:;EndpointSuffix=[^;\\s]{1,64})?', ['accountkey='], { bounded: false }),
  rule('AZURE_SAS_TOKEN', '(?:sv=\\d{4}-\\d{2}-\\d{2}&)[^\\s"\']{0,400}sig=[A-Za-z0-9%+/]{30,}={0,2}', ['sv='], { bounded: false, score: 0.9 }),
  rule('GITHUB_TOKEN', 'gh[pousr]_[A-Za-z0-9]{36,255}', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']),
  rule('GITHUB_TOKEN', 'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}', ['github_pat_']),
  rule('GITLAB_TOKEN', '(?:glpat|gldt|glrt|glptt|glft|glsoat)-[A-Za-z0-9_\\-]{20,}', ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glft-', 'glsoat-']),
  rule('ANTHROPIC_KEY', 'sk-ant-(?:api|admin|sid)\\d{2}-[A-Za-z0-9_\\-]{80,}', ['sk-ant-']),
  rule('OPENROUTER_KEY', 'sk-or-v1-[a-f0-9]{64}', ['sk-or-v1-']),
  rule('OPENAI_KEY', 'sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_\\-]{40,}', ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-'], { check: (v) => looksRandom(v) }),
  rule('OPENAI_KEY', 'sk-[A-Za-z0-9]{32,64}', ['sk-'], { check: (v) => looksRandom(v.slice(3)), score: 0.9 }),
  rule('HUGGINGFACE_TOKEN', 'hf_[A-Za-z]{34}', ['hf_'], { check: (v) => looksRandom(v.slice(3), 3.8) }),
  rule('GROQ_KEY', 'gsk_[A-Za-z0-9]{52}', ['gsk_']),
  rule('REPLICATE_TOKEN', 'r8_[A-Za-z0-9]{37}', ['r8_']),
  rule('PERPLEXITY_KEY', 'pplx-[A-Za-z0-9]{48}', ['pplx-']),
  rule('XAI_KEY', 'xai-[A-Za-z0-9]{80}', ['xai-']),
  rule('SLACK_TOKEN', 'xox[abposr]-(?:\\d+-)?[A-Za-z0-9-]{10,250}', ['xox'], { check: (v) => /\d/.test(v) }),
  rule('SLACK_TOKEN', 'xapp-\\d-[A-Z0-9]+-\\d+-[a-f0-9]{32,}', ['xapp-']),
  rule('SLACK_WEBHOOK', 'https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/]{20,}', ['https://hooks.slack.com/'], { bounded: false }),
  rule('STRIPE_KEY', '(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{24,247}', ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_']),
  rule('STRIPE_WEBHOOK_SECRET', 'whsec_[A-Za-z0-9]{32,}', ['whsec_']),
  rule('TWILIO_KEY', '(?:AC|SK)[0-9a-f]{32}', ['AC', 'SK']),
  rule('SENDGRID_KEY', 'SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}', ['SG.']),
  rule('NPM_TOKEN', 'npm_[A-Za-z0-9]{36}', ['npm_']),
  rule('PYPI_TOKEN', 'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,}', ['pypi-AgEIcHlwaS5vcmc']),
  rule('PORTCULLIS_KEY', 'pc_(?:live|test)_[0-9A-Za-z]{40}', ['pc_live_', 'pc_test_']),
  rule('JWT', 'eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]*', ['eyJ'], { check: jwtValid, score: 0.95 }),
  rule('DATABASE_URL', '(?i)(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|redis|rediss|amqps?|mssql|sqlserver|cockroachdb|clickhouse|jdbc:[a-z]+)://[^\\s:/@"\']{0,256}:[^\\s@"\']{1,256}@[^\\s"\'<>]{1,512}', ['://'], {
    bounded: false,
    check: urlPasswordReal,
  }),
  rule('URL_CREDENTIALS', '(?i)[a-z][a-z0-9+.\\-]{1,15}://[^\\s:/@"\']{0,256}:[^\\s@"\'/]{1,256}@[^\\s"\'<>]{1,512}', ['://'], {
    bounded: false,
    check: urlPasswordReal,
    score: 0.9,
  }),
];

/**
 * "Password" in other languages (session 19): answers and prompts name a password in their own
 * language ("Passwort: …", "senha: …", "пароль: …", "密码：…"). Lower case, as the rule folds case.
 */
const PASSWORD_WORDS = [
  'passwort', 'kennwort', 'contraseña', 'contrasena', 'mot de passe', 'senha', 'parola', 'wachtwoord', 'hasło', 'haslo', 'lösenord',
  'losenord', 'adgangskode', 'passord', 'salasana', 'jelszó', 'jelszo', 'heslo', 'geslo', 'lozinka', 'parolă', 'şifre', 'sifre', 'kata sandi',
  'kata laluan', 'mật khẩu', 'пароль', 'лозинка', 'κωδικός', 'סיסמה', 'סיסמא', 'كلمة المرور', 'كلمة السر', 'رمز عبور', 'पासवर्ड',
  'รหัสผ่าน', '密码', '密碼', 'パスワード', '비밀번호',
];

/**
 * Keyword-anchored assignments: `password = "…"`, `api_key: …`, `"client_secret": "…"`, a value
 * in backticks after the keyword or its operator (`password \`…\``, as answers write it in
 * Markdown), and a full-width colon.
 */
const keywordSource = (keywords: string): string =>
  `(?i)(?:${keywords})(?:["']?\\s{0,4}(?:=|:|：|=>|:=|is)\\s{0,4}["'\`]?|\\s{1,4}\`)([^\\s"'\`,;<>]{6,256})`;
const GENERIC_SOURCE = keywordSource('password|passwd|passphrase|pwd|secret|api[_-]?key|apikey|access[_-]?key|access[_-]?token|auth[_-]?token|bearer|client[_-]?secret|private[_-]?key|token|credentials?');
/**
 * The same for "password" in other languages, a scan of its own that runs only on a text holding
 * one of the words: in one alternation with the English keywords, its JavaScript copy tried every
 * word at every position of every text and made the 4 KB scan 3% slower.
 */
const OTHER_PASSWORD_SOURCE = keywordSource(PASSWORD_WORDS.join('|'));
/** Its copy for ASCII text, where a word in another script cannot match (identical matches). */
const OTHER_PASSWORD_ASCII_SOURCE = keywordSource(PASSWORD_WORDS.filter((w) => /^[\x20-\x7e]+$/.test(w)).join('|'));
/** `Authorization: Bearer <opaque token>`: the scheme is followed by a space, not `=` or `:`. */
const BEARER_SOURCE = '(?i)bearer\\s{1,4}([^\\s"\'`,;<>]{16,256})';
/** Every keyword of {@link GENERIC_SOURCE} and {@link BEARER_SOURCE} contains one of these (case-insensitively). */
const GENERIC_NEEDS = { needs: ['pass', 'pwd', 'secret', 'api', 'access', 'token', 'bearer', 'private', 'credential'], folded: true };
/** Every keyword of {@link OTHER_PASSWORD_SOURCE}. */
const OTHER_PASSWORD_NEEDS = { needs: PASSWORD_WORDS, folded: true };

/**
 * The literal shortcut of every rule (then of the keyword-anchored scan) as one RE2.Set: pattern k
 * matches where a literal of rule k occurs. A Set of literals is a small automaton, so one pass
 * over the text replaces a substring search per literal and a lower-cased copy of the text, and
 * case-insensitive literals fold exactly as the rules' `(?i)` does.
 */
const LITERALS = new RE2.Set(
  [...RULES, GENERIC_NEEDS, OTHER_PASSWORD_NEEDS].map((r) => {
    const alternation = r.needs.map((l) => l.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|');
    return r.folded ? `(?i:${alternation})` : `(?:${alternation})`;
  }),
  'u',
);

/** Per rule, then the keyword scan, then the other-language password scan: whether `text` holds one of its literals. */
function literalHits(text: string): Uint8Array {
  const hits = new Uint8Array(RULES.length + 2);
  try {
    for (const k of LITERALS.match(text)) hits[k] = 1;
  } catch {
    // The Set could not decide (its DFA out of memory): scan with every rule (fail closed).
    hits.fill(1);
  }
  return hits;
}
/** Anything after "password" is a secret at lower entropy than an API key. */
const PASSWORD_WORD = new RegExp(`pass|pwd|${PASSWORD_WORDS.join('|')}`, 'i');

/** RE2's `\s`: JavaScript's also takes \v and Unicode spaces. */
const RE2_SPACE = '\\t\\n\\f\\r ';

/**
 * The JavaScript expression that matches exactly what the RE2 `source` matches, and in the same
 * place, on ASCII text. Only a subset is accepted (literals, classes, `(?:…)` and `(…)` groups,
 * alternation, quantifiers, `\s`, a leading `(?i)`), where the two engines agree once the text is
 * ASCII: both pick the leftmost match and, there, the first alternative and the greediest
 * quantifier that lead to a match (RE2 emulates backtracking's choice); `(?i)` folds only ASCII
 * letters among ASCII characters (RE2 also folds k with U+212A and s with U+017F, absent from
 * ASCII text); `\s` is spelled out as RE2's set. Anything else (`.`, which differs on \r, `\p`,
 * assertions, flags groups) is refused, so a new rule cannot silently take a path that differs.
 */
export function asciiCopy(source: string): RegExp {
  const folded = source.startsWith('(?i)');
  const body = folded ? source.slice(4) : source;
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\') {
      const n = body[i + 1];
      if (n === 's') out += inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
      else if (n !== undefined && /[\\\-"'`[\]().*+?{}|/^$]/.test(n)) out += c + n;
      else throw new Error(`asciiCopy: unsupported escape \\${n ?? ''} in ${source}`);
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else {
      if (c === '.' || c === '^' || c === '$' || (c === '(' && body[i + 1] === '?' && body[i + 2] !== ':')) {
        throw new Error(`asciiCopy: unsupported construct ${c} in ${source}`);
      }
      out += c;
      if (c === '[') {
        inClass = true;
        if (body[i + 1] === '^') out += body[++i];
        if (body[i + 1] === ']') throw new Error(`asciiCopy: leading ] in a class in ${source}`);
      }
    }
  }
  return new RegExp(out, folded ? 'gi' : 'g');
}

/**
 * A keyword-anchored expression: `scan` finds matches; `parse`, the same expression not global,
 * run on one located match's text alone parses it as it did in place (no assertions, so nothing
 * outside the match took part), which gives the captured value without an exec call over the
 * whole text per match; `ascii` is its JavaScript copy.
 *
 * On ASCII text the JavaScript copy runs instead of RE2: no native call per scan, and the capture
 * comes with each match (3–5× faster on a 4 KB prompt). That is safe only for an expression whose
 * backtracking is bounded, which holds for both below: after the keyword every quantifier is
 * bounded ({0,4}, ?), and each is followed by something its characters cannot match (spaces by an
 * operator or a quote or the value, none of which starts with a space; a quote by a value that
 * excludes quotes), so at most one of its lengths gets past the next character; the value comes
 * last, so the first length of 6 (16) or more ends the attempt in a match. An attempt at one
 * position therefore costs a bounded number of steps, plus the match's length when it succeeds,
 * and the scan resumes after a match: time linear in the text, like RE2's. Other text (non-ASCII)
 * keeps RE2, whose folding and classes JavaScript does not reproduce.
 */
interface KeywordScan {
  readonly scan: RE2;
  readonly parse: RE2;
  readonly ascii: RegExp;
}

const keywordScan = (source: string, asciiSource = source): KeywordScan => ({ scan: new RE2(source, 'g'), parse: new RE2(source), ascii: asciiCopy(asciiSource) });

const GENERIC = keywordScan(GENERIC_SOURCE);
const BEARER = keywordScan(BEARER_SOURCE);
const OTHER_PASSWORD = keywordScan(OTHER_PASSWORD_SOURCE, OTHER_PASSWORD_ASCII_SOURCE);

/** The RE2 sources that run as JavaScript on ASCII text (for the equivalence tests). */
export const ASCII_COPIED_SOURCES: readonly string[] = [GENERIC_SOURCE, BEARER_SOURCE, OTHER_PASSWORD_ASCII_SOURCE];

/** The keyword scans whose literals `text` holds (`may`: {@link literalHits}). */
function detectGeneric(text: string, may: Uint8Array, hits: Hit[]): void {
  if (may[RULES.length] === 0 && may[RULES.length + 1] === 0) return;
  const ascii = Buffer.byteLength(text) === text.length;
  if (may[RULES.length] === 1) {
    scanGeneric(GENERIC, text, ascii, hits);
    scanGeneric(BEARER, text, ascii, hits);
  }
  if (may[RULES.length + 1] === 1) scanGeneric(OTHER_PASSWORD, text, ascii, hits);
}

function scanGeneric(k: KeywordScan, text: string, ascii: boolean, hits: Hit[]): void {
  if (ascii) {
    const re = k.ascii;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) judgeGeneric(m.index, m[0], m[1] ?? '', hits);
    return;
  }
  for (const { index, value: matched } of locateMatches(k.scan, text)) {
    let m = k.parse.exec(matched);
    if (m?.index !== 0 || m[0] !== matched) {
      // Not expected (see KeywordScan); the exec in place is the definition.
      k.scan.lastIndex = index;
      m = k.scan.exec(text);
    }
    judgeGeneric(index, matched, m?.[1] ?? '', hits);
  }
}

/** Whether the keyword-anchored `matched` at `index`, ending in `value`, holds a secret. */
function judgeGeneric(index: number, matched: string, value: string, hits: Hit[]): void {
  const start = index + matched.length - value.length;
  const keyword = matched.slice(0, matched.length - value.length);
  if (PLACEHOLDER.test(value)) return;
  const password = PASSWORD_WORD.test(keyword);
  const h = shannonEntropy(value);
  // Thresholds: random base64/hex of 16+ characters is >= 3.5 bits/char; human passwords
  // are shorter and lower, so they get a lower bar but must mix character classes.
  const strong = value.length >= 16 && h >= 3.5;
  // Letters of any script: "Пароль: Лето2024!" is a password as much as "Summer2024!".
  const pw = password && value.length >= 6 && h >= 2.5 && /\d|\P{L}/u.test(value) && /\p{L}/u.test(value);
  if (!strong && !pw) return;
  // Prose like "the password is correct" is not an assignment of a secret.
  if (/^\p{Ll}+$/u.test(value)) return;
  hits.push({ type: 'SECRET_GENERIC', start, end: start + value.length, score: strong ? 0.8 : 0.6 });
}

/**
 * A keyword-anchored value that a specific rule also recognises inside (`token: ?sv=…&sig=…`)
 * keeps its longer span but takes the specific type, which says what was found.
 */
function nameGenericByRule(hits: Hit[]): void {
  for (let i = 0; i < hits.length; i++) {
    const g = hits[i] as Hit;
    if (g.type !== 'SECRET_GENERIC') continue;
    const inner = hits.find((h) => h.type !== 'SECRET_GENERIC' && h.start >= g.start && h.end <= g.end);
    if (inner) hits[i] = { ...g, type: inner.type, score: Math.max(g.score, inner.score) };
  }
}

/** AWS secret access keys travel next to their key id: 40 base64 characters nearby. */
const AWS_SECRET_NEAR = new RE2('[A-Za-z0-9/+]{40}', 'g');

function detectAwsSecretNear(text: string, hits: Hit[]): void {
  const ids = hits.filter((h) => h.type === 'SECRET_AWS_ACCESS_KEY');
  for (const id of ids) {
    const from = Math.max(0, id.start - 200);
    const window = text.slice(from, Math.min(text.length, id.end + 300));
    for (const m of locateMatches(AWS_SECRET_NEAR, window)) {
      const start = from + m.index;
      const end = start + 40;
      if (isTokenChar(text, start - 1) || isTokenChar(text, end) || text[end] === '/' || text[end] === '+') continue;
      if (!looksRandom(m.value, 4)) continue;
      hits.push({ type: 'SECRET_AWS_SECRET_KEY', start, end, score: 0.9 });
    }
  }
}

/**
 * Finds secrets in `text`. Findings (type `SECRET_<KIND>`, e.g. SECRET_AWS_ACCESS_KEY,
 * SECRET_JWT, SECRET_PRIVATE_KEY, SECRET_DATABASE_URL, SECRET_URL_CREDENTIALS, SECRET_GENERIC)
 * are sorted by start and do not overlap (the longer, then higher-scoring one wins); offsets
 * index the original `text`. URLs with embedded credentials are reported here, as secrets.
 */
export function detectSecrets(text: string): Finding[] {
  const norm = normalizeForDetection(text);
  const t = norm.text;
  const hits: Hit[] = [];
  const may = literalHits(t);
  for (let k = 0; k < RULES.length; k++) {
    const r = RULES[k] as Rule;
    if (may[k] === 0) continue;
    for (const m of locateMatches(r.re, t)) {
      const start = m.index;
      const end = start + m.value.length;
      if (r.bounded && (isTokenChar(t, start - 1) || isTokenChar(t, end))) continue;
      if (r.check !== undefined && !r.check(m.value)) continue;
      hits.push({ type: `SECRET_${r.kind}`, start, end, score: r.score });
    }
  }
  detectAwsSecretNear(t, hits);
  detectGeneric(t, may, hits);
  nameGenericByRule(hits);

  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);
  return keepNonOverlapping(hits, t.length).map((h) => {
    const [start, end] = norm.toOriginal(h.start, h.end);
    return { type: h.type, start, end, score: h.score };
  });
}

/** Every `SECRET_*` type {@link detectSecrets} can report. */
export const SECRET_TYPES: readonly string[] = [
  ...new Set([...RULES.map((r) => `SECRET_${r.kind}`), 'SECRET_AWS_SECRET_KEY', 'SECRET_GENERIC']),
];
