/**
 * Labelled synthetic evaluation of the secrets detector (src/guards/secrets).
 *
 * Positives are generated from each credential's *documented format* (prefix, alphabet, length),
 * written here independently of the detector's expressions, and placed in the contexts people
 * paste them in (prose, env files, JSON, YAML, shell, code, markdown, URLs). Negatives are
 * look-alikes generated the same way for every format — the value cut below its documented
 * length, filled with a placeholder character, or with its prefix in the wrong case — plus
 * common non-secrets that resemble secrets (hashes, UUIDs, public keys, package names, templated
 * URLs, prose). Nothing is chosen by looking at what the detector finds: the generator is seeded
 * and deterministic, so re-running it gives the same set and the same numbers.
 *
 *   npx tsc -p . && node dist/scripts/eval-secrets.js [--per-variant N] [--seed S] [--misses]
 *
 * Scoring, per rule type: a positive is found when a finding of that type overlaps its span;
 * "any" counts a finding of any SECRET_* type (what matters for blocking, since every secret type
 * gets the same action by default). A finding on a negative is a false positive of its type.
 */
import { parseArgs } from 'node:util';
import { detectSecrets, SECRET_TYPES } from '../src/guards/secrets/index.js';

const { values: opts } = parseArgs({ options: { 'per-variant': { type: 'string', default: '40' }, seed: { type: 'string', default: '20261124' }, misses: { type: 'boolean', default: false } } });
const PER = Number(opts['per-variant']);

// mulberry32: small, seedable, good enough to vary test data.
let state = Number(opts.seed) >>> 0;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const B62 = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const B64 = B62 + '+/';
const B64URL = B62 + '-_';
const chars = (alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
const b64url = (s: string): string => Buffer.from(s).toString('base64url');

/** One format: the secret's type, how to make a value, and the contexts it is written in. */
interface Format {
  readonly type: string;
  readonly variant: string;
  /** Prefix (for the wrong-case look-alike) and the generated value. */
  readonly make: () => { prefix: string; value: string };
  /** Look-alikes derived from the format: false to skip (e.g. no meaningful shortening). */
  readonly shortTo?: number;
  readonly contexts?: readonly ((v: string) => string)[];
}

const prose: readonly ((v: string) => string)[] = [
  (v) => `Here is my key: ${v}`,
  (v) => `${v} is the one that stopped working yesterday.`,
  (v) => `Can you check why "${v}" gets a 401?`,
  (v) => `export API_CREDENTIAL=${v}`,
  (v) => `{"auth": "${v}", "retries": 3}`,
  (v) => `config:\n  key: ${v}\n  region: eu-west-1`,
  (v) => `client = Client('${v}')`,
  (v) => `\`\`\`\ncurl -H 'X-Api-Key: ${v}' https://api.example.com/v1/items\n\`\`\``,
  (v) => `the value (${v}), then nothing else.`,
  (v) => `Token=${v};Timeout=30`,
];

const FORMATS: readonly Format[] = [
  { type: 'SECRET_AWS_ACCESS_KEY', variant: 'AKIA', make: () => ({ prefix: 'AKIA', value: 'AKIA' + chars(UPPER + '234567', 16) }), shortTo: 14 },
  { type: 'SECRET_AWS_ACCESS_KEY', variant: 'ASIA (STS)', make: () => ({ prefix: 'ASIA', value: 'ASIA' + chars(UPPER + '234567', 16) }), shortTo: 14 },
  {
    type: 'SECRET_AWS_SECRET_KEY',
    variant: 'aws_secret_access_key =',
    make: () => ({ prefix: '', value: chars(B64, 40) }),
    contexts: [
      (v) => `aws_secret_access_key = ${v}`,
      (v) => `AWS_SECRET_ACCESS_KEY=${v}`,
      // \u0001 marks a companion access key id: labelled too, so finding it is not a false positive.
      (v) => `[default]\naws_access_key_id = \u0001\naws_secret_access_key = ${v}\n`,
      (v) => `"aws_secret_key": "${v}"`,
    ],
  },
  { type: 'SECRET_GCP_API_KEY', variant: 'AIza', make: () => ({ prefix: 'AIza', value: 'AIza' + chars(B64URL, 35) }), shortTo: 30 },
  {
    type: 'SECRET_GCP_SERVICE_ACCOUNT',
    variant: 'service account JSON',
    make: () => ({ prefix: '', value: `"private_key_id": "${chars(HEX, 40)}"` }),
    contexts: [(v) => `{"type": "service_account", "project_id": "demo-${chars(LOWER, 6)}", ${v}, "client_email": "x@y.iam.gserviceaccount.com"}`, (v) => `  ${v},`],
  },
  {
    type: 'SECRET_AZURE_STORAGE_KEY',
    variant: 'connection string',
    make: () => ({ prefix: '', value: `DefaultEndpointsProtocol=https;AccountName=${chars(LOWER + DIGITS, 12)};AccountKey=${chars(B64, 86)}==;EndpointSuffix=core.windows.net` }),
    contexts: [(v) => `AZURE_STORAGE_CONNECTION_STRING="${v}"`, (v) => `conn = ${v}`, (v) => `Use ${v} for the blob container.`],
  },
  {
    type: 'SECRET_AZURE_SAS_TOKEN',
    variant: 'SAS query',
    make: () => ({ prefix: '', value: `sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-12-31T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig=${encodeURIComponent(chars(B64, 43) + '=')}` }),
    contexts: [(v) => `https://acct.blob.core.windows.net/c/file.txt?${v}`, (v) => `SAS token: ?${v}`],
  },
  ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map((p): Format => ({ type: 'SECRET_GITHUB_TOKEN', variant: p, make: () => ({ prefix: p, value: p + chars(B62, 36) }), shortTo: 30 })),
  { type: 'SECRET_GITHUB_TOKEN', variant: 'github_pat_', make: () => ({ prefix: 'github_pat_', value: `github_pat_${chars(B62, 22)}_${chars(B62, 59)}` }), shortTo: 40 },
  { type: 'SECRET_GITLAB_TOKEN', variant: 'glpat-', make: () => ({ prefix: 'glpat-', value: 'glpat-' + chars(B64URL, 20) }), shortTo: 12 },
  { type: 'SECRET_ANTHROPIC_KEY', variant: 'sk-ant-api03-', make: () => ({ prefix: 'sk-ant-api03-', value: `sk-ant-api03-${chars(B64URL, 93)}AA` }), shortTo: 50 },
  { type: 'SECRET_OPENROUTER_KEY', variant: 'sk-or-v1-', make: () => ({ prefix: 'sk-or-v1-', value: 'sk-or-v1-' + chars(HEX, 64) }), shortTo: 40 },
  { type: 'SECRET_OPENAI_KEY', variant: 'sk-proj-', make: () => ({ prefix: 'sk-proj-', value: `sk-proj-${chars(B64URL, 74)}T3BlbkFJ${chars(B64URL, 74)}` }), shortTo: 30 },
  { type: 'SECRET_OPENAI_KEY', variant: 'sk-svcacct-', make: () => ({ prefix: 'sk-svcacct-', value: `sk-svcacct-${chars(B64URL, 74)}T3BlbkFJ${chars(B64URL, 74)}` }), shortTo: 30 },
  { type: 'SECRET_OPENAI_KEY', variant: 'legacy sk-', make: () => ({ prefix: 'sk-', value: `sk-${chars(B62, 20)}T3BlbkFJ${chars(B62, 20)}` }), shortTo: 24 },
  { type: 'SECRET_HUGGINGFACE_TOKEN', variant: 'hf_', make: () => ({ prefix: 'hf_', value: 'hf_' + chars(UPPER + LOWER, 34) }), shortTo: 20 },
  { type: 'SECRET_GROQ_KEY', variant: 'gsk_', make: () => ({ prefix: 'gsk_', value: 'gsk_' + chars(B62, 52) }), shortTo: 40 },
  { type: 'SECRET_REPLICATE_TOKEN', variant: 'r8_', make: () => ({ prefix: 'r8_', value: 'r8_' + chars(B62, 37) }), shortTo: 25 },
  { type: 'SECRET_PERPLEXITY_KEY', variant: 'pplx-', make: () => ({ prefix: 'pplx-', value: 'pplx-' + chars(B62, 48) }), shortTo: 30 },
  { type: 'SECRET_XAI_KEY', variant: 'xai-', make: () => ({ prefix: 'xai-', value: 'xai-' + chars(B62, 80) }), shortTo: 50 },
  { type: 'SECRET_SLACK_TOKEN', variant: 'xoxb-', make: () => ({ prefix: 'xoxb-', value: `xoxb-${chars(DIGITS, 12)}-${chars(DIGITS, 13)}-${chars(B62, 24)}` }) },
  { type: 'SECRET_SLACK_TOKEN', variant: 'xoxp-', make: () => ({ prefix: 'xoxp-', value: `xoxp-${chars(DIGITS, 12)}-${chars(DIGITS, 12)}-${chars(DIGITS, 13)}-${chars(HEX, 32)}` }) },
  { type: 'SECRET_SLACK_TOKEN', variant: 'xapp-', make: () => ({ prefix: 'xapp-', value: `xapp-1-A${chars(UPPER + DIGITS, 10)}-${chars(DIGITS, 13)}-${chars(HEX, 64)}` }) },
  {
    type: 'SECRET_SLACK_WEBHOOK',
    variant: 'hooks.slack.com',
    make: () => ({ prefix: '', value: `https://hooks.slack.com/services/T${chars(UPPER + DIGITS, 8)}/B${chars(UPPER + DIGITS, 10)}/${chars(B62, 24)}` }),
    contexts: [(v) => `SLACK_WEBHOOK_URL=${v}`, (v) => `post to ${v} when done`, (v) => `requests.post("${v}", json=payload)`],
  },
  ...['sk_live_', 'rk_live_', 'sk_test_'].map((p): Format => ({ type: 'SECRET_STRIPE_KEY', variant: p, make: () => ({ prefix: p, value: p + chars(B62, pick([24, 99])) }), shortTo: 16 })),
  { type: 'SECRET_STRIPE_WEBHOOK_SECRET', variant: 'whsec_', make: () => ({ prefix: 'whsec_', value: 'whsec_' + chars(B62, 32) }), shortTo: 20 },
  { type: 'SECRET_TWILIO_KEY', variant: 'SK (API key sid)', make: () => ({ prefix: 'SK', value: 'SK' + chars(HEX, 32) }), shortTo: 20 },
  { type: 'SECRET_SENDGRID_KEY', variant: 'SG.', make: () => ({ prefix: 'SG.', value: `SG.${chars(B64URL, 22)}.${chars(B64URL, 43)}` }), shortTo: 30 },
  { type: 'SECRET_NPM_TOKEN', variant: 'npm_', make: () => ({ prefix: 'npm_', value: 'npm_' + chars(B62, 36) }), shortTo: 20 },
  { type: 'SECRET_PYPI_TOKEN', variant: 'pypi-', make: () => ({ prefix: 'pypi-', value: 'pypi-AgEIcHlwaS5vcmc' + chars(B64URL, 70) }), shortTo: 30 },
  ...['pc_live_', 'pc_test_'].map((p): Format => ({ type: 'SECRET_PORTCULLIS_KEY', variant: p, make: () => ({ prefix: p, value: p + chars(B62, 40) }), shortTo: 30 })),
  {
    type: 'SECRET_JWT',
    variant: 'JWS compact',
    make: () => ({
      prefix: '',
      value: `${b64url(JSON.stringify({ alg: pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: chars(DIGITS, 8), name: chars(LOWER, 6), iat: int(1.6e9, 1.8e9) }))}.${chars(B64URL, pick([43, 86, 342]))}`,
    }),
    contexts: [...prose, (v) => `Authorization: Bearer ${v}`],
  },
  {
    type: 'SECRET_PRIVATE_KEY',
    variant: 'PEM block',
    make: () => {
      const label = pick(['RSA ', 'EC ', 'OPENSSH ', '', 'ENCRYPTED ']);
      const lines = Array.from({ length: int(4, 25) }, () => chars(B64, 64));
      return { prefix: '', value: `-----BEGIN ${label}PRIVATE KEY-----\n${lines.join('\n')}\n${chars(B64, 20)}==\n-----END ${label}PRIVATE KEY-----` };
    },
    contexts: [(v) => `My key:\n${v}\nwhy does ssh refuse it?`, (v) => v, (v) => `key = """${v}"""`],
  },
  {
    type: 'SECRET_PRIVATE_KEY',
    variant: 'PEM in JSON (\\n escaped)',
    make: () => ({ prefix: '', value: `-----BEGIN PRIVATE KEY-----\\n${Array.from({ length: int(4, 20) }, () => chars(B64, 64)).join('\\n')}\\n-----END PRIVATE KEY-----\\n` }),
    contexts: [(v) => `{"private_key": "${v}", "client_id": "1"}`],
  },
  ...['postgres', 'postgresql', 'mysql', 'mongodb+srv', 'amqp', 'redis'].map(
    (scheme): Format => ({
      type: 'SECRET_DATABASE_URL',
      variant: `${scheme}://user:pass@`,
      make: () => ({ prefix: '', value: `${scheme}://${pick(['app', 'admin', 'svc_' + chars(LOWER, 4)])}:${chars(B62 + '!*-_', int(10, 24))}@${pick(['db', 'localhost', '10.0.3.7', 'cluster0.ab1cd.mongodb.net'])}${pick([':5432', ':3306', ''])}/${chars(LOWER, 6)}` }),
      contexts: [(v) => `DATABASE_URL=${v}`, (v) => `connect with ${v} and run the migration`, (v) => `engine = create_engine("${v}")`],
    }),
  ),
  {
    type: 'SECRET_DATABASE_URL',
    variant: 'redis://:pass@ (no user)',
    make: () => ({ prefix: '', value: `redis://:${chars(B62, int(16, 32))}@${pick(['cache', 'redis.internal', '10.0.0.5'])}:6379/0` }),
    contexts: [(v) => `REDIS_URL=${v}`, (v) => `broker_url = "${v}"`],
  },
  {
    type: 'SECRET_URL_CREDENTIALS',
    variant: 'https://user:pass@',
    make: () => ({ prefix: '', value: `${pick(['https', 'ftp', 'sftp', 'http'])}://${chars(LOWER, 6)}:${chars(B62, int(8, 20))}@${pick(['git.example.com', 'files.example.org', 'registry.internal'])}/${chars(LOWER, 5)}` }),
    contexts: [(v) => `git clone ${v}.git`, (v) => `download from ${v} please`, (v) => `url: ${v}`],
  },
  {
    type: 'SECRET_GENERIC',
    variant: 'keyword = high-entropy',
    make: () => ({ prefix: '', value: chars(B62, int(20, 48)) }),
    contexts: [
      (v) => `api_key = "${v}"`,
      (v) => `client_secret: ${v}`,
      (v) => `"access_token": "${v}"`,
      (v) => `SERVICE_TOKEN=${v}`,
      (v) => `secret => '${v}'`,
      (v) => `auth_token := "${v}"`,
      (v) => `curl -H "Authorization: Bearer ${v}" https://api.example.com`,
      (v) => `X-Api-Key: ${v}`,
    ],
  },
  {
    type: 'SECRET_GENERIC',
    variant: 'password = human password',
    make: () => ({ prefix: '', value: `${pick(['Summer', 'Winter', 'Blue', 'Tiger', 'Maple'])}${int(10, 9999)}${pick(['!', '#', '$', '?', ''])}` }),
    contexts: [(v) => `password = ${v}`, (v) => `"password": "${v}"`, (v) => `DB_PASSWORD=${v}`, (v) => `my password is ${v}`, (v) => `pwd: ${v}`],
  },
];

const KEYWORD = /credential|token|api[-_]?key|secret|password|passwd|pwd|bearer/i;

interface Sample {
  readonly text: string;
  /** Undefined for a negative. */
  readonly span?: { readonly start: number; readonly end: number };
  readonly type: string;
  readonly variant: string;
  readonly kind: 'positive' | 'short' | 'placeholder' | 'case' | 'decoy';
  /** Other labelled secrets in the text (not scored for recall, not false positives). */
  readonly also?: readonly { readonly start: number; readonly end: number }[];
}

function place(context: (v: string) => string, value: string): { text: string; start: number; end: number; also: { start: number; end: number }[] } {
  const marker = '\u0000';
  let t = context(marker);
  const also: { start: number; end: number }[] = [];
  for (let c = t.indexOf('\u0001'); c !== -1; c = t.indexOf('\u0001')) {
    const companion = 'AKIA' + chars(UPPER + '234567', 16);
    t = t.slice(0, c) + companion + t.slice(c + 1);
    also.push({ start: c, end: c + companion.length });
  }
  const at = t.indexOf(marker);
  for (const a of also) {
    if (a.start < at) continue;
    a.start += value.length - 1;
    a.end += value.length - 1;
  }
  return { text: t.slice(0, at) + value + t.slice(at + 1), start: at, end: at + value.length, also };
}

const samples: Sample[] = [];
for (const f of FORMATS) {
  const contexts = f.contexts ?? prose;
  for (let i = 0; i < PER; i++) {
    const { prefix, value } = f.make();
    const ctx = contexts[i % contexts.length] as (v: string) => string;
    const p = place(ctx, value);
    samples.push({ text: p.text, span: { start: p.start, end: p.end }, type: f.type, variant: f.variant, kind: 'positive', also: p.also });
    // Look-alikes of the same format, in a context without a secret keyword (after `token=` or
    // `api-key:` any high-entropy value is a secret by the keyword rule, so not a negative).
    const neutral = contexts.filter((c) => !KEYWORD.test(c('')));
    if (prefix !== '' && i % 3 === 0 && neutral.length > 0) {
      const ctx = neutral[i % neutral.length] as (v: string) => string;
      const body = value.slice(prefix.length);
      if (f.shortTo !== undefined) samples.push({ text: place(ctx, prefix + body.slice(0, f.shortTo - prefix.length)).text, type: f.type, variant: f.variant, kind: 'short' });
      samples.push({ text: place(ctx, prefix + body.replace(/[A-Za-z0-9]/g, pick(['x', 'X', '0', '*']))).text, type: f.type, variant: f.variant, kind: 'placeholder' });
      const swapped = prefix === prefix.toLowerCase() ? prefix.toUpperCase() : prefix.toLowerCase();
      if (swapped !== prefix) samples.push({ text: place(ctx, swapped + body).text, type: f.type, variant: f.variant, kind: 'case' });
    }
  }
}

/** Non-secrets that look like secrets. */
const DECOYS: readonly [string, () => string][] = [
  ['git commit sha', () => `Fixed in commit ${chars(HEX, 40)}, see the PR.`],
  ['sha256 digest', () => `sha256:${chars(HEX, 64)}`],
  ['uuid', () => `request id ${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-a${chars(HEX, 3)}-${chars(HEX, 12)} failed`],
  ['public key PEM', () => `-----BEGIN PUBLIC KEY-----\n${chars(B64, 64)}\n${chars(B64, 64)}\n-----END PUBLIC KEY-----`],
  ['certificate PEM', () => `-----BEGIN CERTIFICATE-----\n${chars(B64, 64)}\n${chars(B64, 40)}\n-----END CERTIFICATE-----`],
  ['ssh public key', () => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${chars(B64, 43)} me@laptop`],
  ['stripe publishable key', () => `const stripe = Stripe('pk_live_${chars(B62, 24)}');`],
  ['templated DB URL', () => `DATABASE_URL=postgres://app:\${DB_PASSWORD}@db:5432/app`],
  ['DB URL without password', () => `postgres://app@db.internal:5432/app?sslmode=require`],
  ['masked password', () => `password: ********`],
  ['placeholder key', () => `OPENAI_API_KEY=<your-api-key>`],
  ['env reference', () => `api_key = os.environ["API_KEY"]`],
  ['prose about passwords', () => `Make sure the password is correct and the token is valid before retrying.`],
  ['python package', () => `pip install scikit-learn && python -m sk-learn-demo`],
  ['words with sk-', () => `The task-force reviewed the risk-assessment-framework and the desk-booking flow.`],
  ['css/ids', () => `<button class="ghp-button hf_panel npm_badge">Go</button>`],
  ['base64 image data', () => `data:image/png;base64,${chars(B64, 120)}`],
  ['hex colour list', () => `palette: #${chars(HEX, 6)} #${chars(HEX, 6)} #${chars(HEX, 6)}`],
  ['long numeric id', () => `order ${chars(DIGITS, 20)} shipped`],
  ['jwt-shaped, not a JWT', () => `eyJ${chars(B64URL, 20)}.eyJ${chars(B64URL, 20)}.${chars(B64URL, 10)}`],
  ['AWS example ARN', () => `arn:aws:iam::${chars(DIGITS, 12)}:role/${chars(LOWER, 8)}`],
  ['slack channel link', () => `https://example.slack.com/archives/C${chars(UPPER + DIGITS, 10)}`],
  ['URL with user only', () => `ssh://git@github.com/org/repo.git`],
  ['twilio-like SKU', () => `SKU ${'SK' + chars(UPPER + DIGITS, 32)} in stock`],
];
for (const [variant, make] of DECOYS) for (let i = 0; i < PER; i++) samples.push({ text: make(), type: 'none', variant, kind: 'decoy' });

// ---- scoring ----
interface Counts {
  tp: number;
  fn: number;
  fp: number;
  anyTp: number;
}
const perType = new Map<string, Counts>(SECRET_TYPES.map((t) => [t, { tp: 0, fn: 0, fp: 0, anyTp: 0 }]));
const perVariant = new Map<string, { n: number; found: number; any: number }>();
const negatives = new Map<string, { n: number; flagged: number; as: Map<string, number> }>();
const misses: string[] = [];
const falsePositives: string[] = [];
let negTotal = 0;
let negFlagged = 0;

const t0 = process.hrtime.bigint();
for (const s of samples) {
  const findings = detectSecrets(s.text);
  if (s.span) {
    const overlapping = findings.filter((f) => f.start < (s.span as { end: number }).end && f.end > (s.span as { start: number }).start);
    const right = overlapping.some((f) => f.type === s.type);
    const c = perType.get(s.type) as Counts;
    if (right) c.tp++;
    else {
      c.fn++;
      if (misses.length < 400) misses.push(`${s.variant}: ${overlapping.length ? `as ${overlapping.map((f) => f.type).join(',')}` : 'missed'}: ${JSON.stringify(s.text.slice(0, 160))}`);
    }
    if (overlapping.length > 0) c.anyTp++;
    const v = perVariant.get(`${s.type}|${s.variant}`) ?? { n: 0, found: 0, any: 0 };
    v.n++;
    if (right) v.found++;
    if (overlapping.length > 0) v.any++;
    perVariant.set(`${s.type}|${s.variant}`, v);
    // Findings elsewhere in a positive's text (outside its span) are false positives too.
    const labelled = (f: { start: number; end: number }): boolean => (s.also ?? []).some((a) => f.start < a.end && f.end > a.start);
    for (const f of findings) if ((f.end <= s.span.start || f.start >= s.span.end) && !labelled(f)) (perType.get(f.type) as Counts).fp++;
  } else {
    negTotal++;
    const key = s.kind === 'decoy' ? `decoy: ${s.variant}` : `${s.kind}: ${s.type} ${s.variant}`;
    const n = negatives.get(key) ?? { n: 0, flagged: 0, as: new Map() };
    n.n++;
    if (findings.length > 0) {
      n.flagged++;
      negFlagged++;
      for (const f of findings) n.as.set(f.type, (n.as.get(f.type) ?? 0) + 1);
      if (falsePositives.length < 400) falsePositives.push(`FP ${key}: ${findings.map((f) => f.type).join(',')}: ${JSON.stringify(s.text.slice(0, 160))}`);
    }
    negatives.set(key, n);
    for (const f of findings) (perType.get(f.type) as Counts).fp++;
  }
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '—');
const positives = samples.filter((s) => s.span).length;
const out: string[] = [];
out.push(`Secrets detector on a synthetic labelled set (seed ${opts.seed}, ${PER} per variant): ${positives} positives in ${FORMATS.length} formats, ${negTotal} negatives (${samples.length - positives - DECOYS.length * PER} format look-alikes, ${DECOYS.length * PER} decoys); ${ms.toFixed(0)} ms.`);
out.push('');
out.push('| type | positives | recall (type) | recall (any secret) | false positives | precision |');
out.push('|---|---:|---:|---:|---:|---:|');
let TP = 0;
let FN = 0;
let FP = 0;
let ANY = 0;
for (const [type, c] of perType) {
  if (c.tp + c.fn + c.fp === 0) continue;
  TP += c.tp;
  FN += c.fn;
  FP += c.fp;
  ANY += c.anyTp;
  out.push(`| ${type} | ${c.tp + c.fn} | ${f3(c.tp / (c.tp + c.fn))} | ${f3(c.anyTp / (c.tp + c.fn))} | ${c.fp} | ${f3(c.tp / (c.tp + c.fp))} |`);
}
out.push(`| **all** | ${TP + FN} | ${f3(TP / (TP + FN))} | ${f3(ANY / (TP + FN))} | ${FP} | ${f3(TP / (TP + FP))} |`);
out.push('');
out.push(`Negatives flagged: ${negFlagged} of ${negTotal} (${f3(negFlagged / negTotal)}).`);
out.push('');
out.push('| negative set | n | flagged | as |');
out.push('|---|---:|---:|---|');
for (const [k, n] of [...negatives].sort()) if (n.flagged > 0) out.push(`| ${k} | ${n.n} | ${n.flagged} | ${[...n.as].map(([t, c]) => `${t} ${c}`).join(', ')} |`);
out.push('');
out.push('Variants below full recall:');
out.push('');
for (const [k, v] of perVariant) if (v.found < v.n) out.push(`- ${k.replace('|', ' / ')}: ${v.found}/${v.n} as its type, ${v.any}/${v.n} as any secret`);
process.stdout.write(out.join('\n') + '\n');
if (opts.misses) process.stdout.write('\n' + [...misses, ...falsePositives].join('\n') + '\n');
