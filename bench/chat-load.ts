/**
 * What the interleaved build comparisons (`compare.ts`, `audit-threads.ts`) share: a free port, a
 * wait for a started server's /healthz, and a closed loop of chat requests that must all succeed.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Pool, request } from 'undici';

/** One request the closed loop sends, and what every answer must contain. */
export interface Chat {
  readonly body: string;
  readonly answer: string;
}

function chatOf(prompt: string): Chat {
  // The mock answers "Mock answer to: <prompt>", shortened for long prompts.
  return { body: JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: prompt }] }), answer: `Mock answer to: ${prompt.slice(0, 40)}` };
}

/** The benchmarks' usual request: the smallest prompt, so the gateway's fixed per-request work is what shows. */
export const SHORT_CHAT = chatOf('Say hello');

/**
 * A prompt of just over 1 KiB, the size the guards' latency targets are set at (issue 6: "per 1 KB of text"):
 * an ordinary request with no personal data and nothing a guard should act on, so a `guarded`
 * server scans it in full and passes it.
 */
export const PROMPT_1K = [
  'I am planning a small vegetable garden behind my house this spring and would like some practical advice.',
  'The plot is about four by six metres, gets direct sun for most of the afternoon, and the soil is fairly heavy clay that stays wet for days after rain.',
  'I would like to grow tomatoes, beans, courgettes, lettuce and a few herbs such as basil and parsley.',
  'Could you suggest how to improve the soil before planting, which crops do well next to each other and which should be kept apart, and how far apart the rows should be?',
  'I also want to know how often to water during a dry week, whether a layer of mulch is worth the effort, and what simple steps keep slugs and aphids under control without strong chemicals.',
  'If possible, give me a rough month-by-month plan from early spring to the first autumn frosts with the main tasks for each month,',
  'and mention the common beginner mistakes I should avoid. Please keep it practical, with short headings and lists.',
  'I have a small budget and about two hours a week for the work. Thank you in advance for your help.',
].join(' ');
export const LONG_CHAT = chatOf(PROMPT_1K);

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Polls `origin`/healthz until it answers 200; throws if the child exits or 30 s pass. */
export async function waitHealthy(name: string, origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${String(child.exitCode)}`);
    try {
      const res = await request(`${origin}/healthz`, { headersTimeout: 1_000 });
      await res.body.dump();
      if (res.statusCode === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not become healthy`);
}

export interface ChatTarget {
  readonly name: string;
  readonly origin: string;
  readonly headers: Record<string, string>;
}

/** Sends `count` chat requests over `connections` keep-alive connections; every answer must be the mock's. */
export async function sendChats(target: ChatTarget, count: number, connections: number, chat: Chat = SHORT_CHAT): Promise<void> {
  const pool = new Pool(target.origin, { connections, keepAliveTimeout: 30_000 });
  let sent = 0;
  const worker = async (): Promise<void> => {
    while (sent < count) {
      sent += 1;
      const res = await pool.request({ method: 'POST', path: '/v1/chat/completions', headers: target.headers, body: chat.body });
      const text = await res.body.text();
      if (res.statusCode !== 200 || !text.includes(chat.answer)) throw new Error(`${target.name} answered ${res.statusCode}: ${text.slice(0, 200)}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await pool.close();
  }
}
