/**
 * What the interleaved build comparisons (`compare.ts`, `audit-threads.ts`) share: a free port, a
 * wait for a started server's /healthz, and a closed loop of chat requests that must all succeed.
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Pool, request } from 'undici';

export const CHAT_BODY = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: 'Say hello' }] });
/** The mock's answer to CHAT_BODY. */
export const CHAT_ANSWER = 'Mock answer to: Say hello';

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
export async function sendChats(target: ChatTarget, count: number, connections: number): Promise<void> {
  const pool = new Pool(target.origin, { connections, keepAliveTimeout: 30_000 });
  let sent = 0;
  const worker = async (): Promise<void> => {
    while (sent < count) {
      sent += 1;
      const res = await pool.request({ method: 'POST', path: '/v1/chat/completions', headers: target.headers, body: CHAT_BODY });
      const text = await res.body.text();
      if (res.statusCode !== 200 || !text.includes(CHAT_ANSWER)) throw new Error(`${target.name} answered ${res.statusCode}: ${text.slice(0, 200)}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    await pool.close();
  }
}
