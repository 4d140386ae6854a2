/**
 * Worst-case time of the trained scorers on adversarial text: each short unit below ("prompt",
 * "\n", "i g n o r e ", …) is repeated to 16 KB and to 64 KB and scored as a user prompt, a document
 * and an answer. A scorer linear in its input costs about the same per character at both sizes; a
 * quadratic one costs four times more at 64 KB. Prints the cost per character of the slowest units
 * and the growth from 16 to 64 KB (session 11: before the rule quantifiers were bounded,
 * "promptprompt…" took 7.7 s at 16 KB and 96 s at 64 KB).
 *
 *   node dist/scripts/injection-worst-case.js [--top N]
 */
import { parseArgs } from 'node:util';
import { scoreInjection, scoreJailbrokenAnswer } from '../src/guards/injection/index.js';

const UNITS = [
  'a', 'A', 'ab', 'ab ', 'a1', '1', 'é', 'ä', 'ı', 'и', 'иг ', '忽', 'ｉ', 'i\u200b', '\u200b', ' ', '  ', '\t', '\n', '\n\t', ' \n', '\n-',
  '.', '-', '*', '#', '=', '<', '<!', '[', '](', '`', '```\n', '@', ':', '/', '%4', '\\x4', '0x', 'aaaa=', 'a.', 'a-', 'a_', 'ab=',
  'ignore', 'ignor', 'ignore ', 'ignore all ', 'i g n o r e ', 'ig nore ', 'ıgnore', 'prompt', 'talimat', 'instr', 'instructions ',
  'system ', 'system message', 'you are ', 'pretend ', 'act as ', 'the password is', 'password is ', 'sk-', 'sk-ab', 'http://a', 'www.',
  'sure ', 'here ', 'step ', '1. ', 'how to ', 'do not ', 'all the ',
];

const SCORERS: Record<string, (text: string) => unknown> = {
  user: (t) => scoreInjection(t, 'user'),
  tool: (t) => scoreInjection(t, 'tool'),
  answer: (t) => scoreJailbrokenAnswer(t),
};

function cpuMs(score: (text: string) => unknown, text: string): number {
  const start = process.cpuUsage();
  score(text);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const { values } = parseArgs({ options: { top: { type: 'string', default: '12' } } });
const rows: { unit: string; scorer: string; small: number; large: number }[] = [];
for (const [name, score] of Object.entries(SCORERS)) {
  score('warm up');
  for (const unit of UNITS) {
    const small = unit.repeat(Math.ceil(16_384 / unit.length));
    const large = unit.repeat(Math.ceil(65_536 / unit.length));
    rows.push({ unit, scorer: name, small: (cpuMs(score, small) * 1000) / small.length, large: (cpuMs(score, large) * 1000) / large.length });
  }
}
rows.sort((a, b) => b.large - a.large);
console.log('unit\tscorer\tµs/char at 16 KB\tµs/char at 64 KB\tgrowth');
for (const r of rows.slice(0, Number(values.top))) {
  console.log(`${JSON.stringify(r.unit)}\t${r.scorer}\t${r.small.toFixed(2)}\t${r.large.toFixed(2)}\t×${(r.large / r.small).toFixed(2)}`);
}
const growth = rows.map((r) => r.large / r.small).sort((a, b) => a - b);
console.log(`${rows.length} cases; worst ${rows[0]?.large.toFixed(2)} µs/char at 64 KB; median growth 16 → 64 KB ×${growth[growth.length >> 1]?.toFixed(2)}`);
