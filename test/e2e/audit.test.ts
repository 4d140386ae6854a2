/**
 * The audit trail end to end, on the real CLI: a record for every allowed, denied and failed
 * request with no prompt text in it; `audit verify` / `export`; and the crash test — SIGKILL
 * under load loses no record of a request that got a complete response.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { cli, eventually, startStack } from './harness.js';

const PROMPT = 'Summarise the contract for account 4111-1111-1111-1111 please';

const routes = (mock: string) => `
  - model: gpt
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
  - model: broken
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-status-500 }]
    retry: { attempts: 1 }
  - model: sealed
    regulated: true
    audit: { payloads: encrypted }
    targets: [{ provider: openai, baseUrl: "${mock}", model: mock-gpt }]
`;

interface Row {
  seq: number;
  request_id: string;
  principal: string | null;
  route: string | null;
  outcome: string;
  status: number;
  body: string;
}

function chatBody(model: string, stream: boolean): string {
  // Whitespace and key order of the caller's own: the digest is of these bytes, not of a re-encoding.
  return `{ "stream": ${stream}, "model": ${JSON.stringify(model)},\n  "messages": [{"role":"user","content":${JSON.stringify(PROMPT)}}] }`;
}

function chat(url: string, key: string | undefined, model: string, stream = false): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: chatBody(model, stream),
  });
}

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function rows(dir: string): Row[] {
  const db = new Database(join(dir, '.portcullis', 'portcullis.db'), { readonly: true });
  try {
    return db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq').all();
  } finally {
    db.close();
  }
}

describe('audit trail (e2e)', () => {
  it('records allowed, streamed, denied and failed requests, never the prompt; verify and export pass', async () => {
    const stack = await startStack(routes);
    try {
      const url = stack.gateway.url;
      const ok = await chat(url, stack.key, 'gpt');
      assert.equal(ok.status, 200);
      const okBytes = new Uint8Array(await ok.arrayBuffer());
      const streamed = await chat(url, stack.key, 'gpt', true);
      assert.equal(streamed.status, 200);
      const streamedBytes = new Uint8Array(await streamed.arrayBuffer());
      assert.match(Buffer.from(streamedBytes).toString('utf8'), /\[DONE\]/);
      const denied = await chat(url, undefined, 'gpt');
      assert.equal(denied.status, 401);
      await denied.text();
      const failed = await chat(url, stack.key, 'broken');
      assert.equal(failed.status, 502);
      await failed.text();
      const sealed = await chat(url, stack.key, 'sealed');
      assert.equal(sealed.status, 200);
      await sealed.text();
      const ids = [ok, streamed, denied, failed, sealed].map((r) => r.headers.get('x-request-id'));
      await stack.gateway.stop();

      const stored = rows(stack.dir);
      assert.deepEqual(stored.map((r) => r.request_id), ids, 'one record per request, in order');
      assert.deepEqual(stored.map((r) => [r.outcome, r.status]), [['allow', 200], ['allow', 200], ['deny', 401], ['error', 502], ['allow', 200]]);
      assert.equal(stored[2]?.principal, null);
      for (const r of stored) {
        const all = JSON.stringify(r);
        // The card number itself, written or with its dashes dropped: four digits alone turn up by
        // chance in the digests and the sealed record's ciphertext.
        assert.ok(!all.includes('4111-1111') && !all.includes('4111111111111111') && !all.includes('contract') && !all.includes('Mock answer'), `record ${r.seq} holds no prompt or answer text`);
      }
      type HashPayload = { mode: string; over: string; request: string | null; answer: string | null };
      const first = JSON.parse(stored[0]?.body ?? '{}') as { usage: { inputTokens: number } | null; payload: HashPayload; decisions: { stage: string; phase: string }[] };
      // A caller checks the digests against the bytes it sent and received itself.
      assert.deepEqual(first.payload, { mode: 'hash', alg: 'sha256', over: 'bytes', request: sha256(chatBody('gpt', false)), answer: sha256(okBytes) });
      assert.ok(first.usage && first.usage.inputTokens > 0, 'token usage recorded');
      assert.ok(first.decisions.some((d) => d.phase === 'identity'), 'stage decisions recorded');
      const second = JSON.parse(stored[1]?.body ?? '{}') as { streamed: boolean; usage: unknown; payload: HashPayload };
      assert.equal(second.streamed, true);
      assert.equal(second.payload.request, sha256(chatBody('gpt', true)));
      assert.equal(second.payload.answer, sha256(streamedBytes), 'a stream digest covers every event sent, [DONE] included');
      const third = JSON.parse(stored[2]?.body ?? '{}') as { payload: HashPayload };
      assert.deepEqual([third.payload.request, third.payload.answer], [null, null], 'refused before the body was read: nothing to hash');
      const fourth = JSON.parse(stored[3]?.body ?? '{}') as { payload: HashPayload };
      assert.deepEqual([fourth.payload.request, fourth.payload.answer], [sha256(chatBody('broken', false)), null], 'no answer sent: no answer digest');
      assert.ok(second.usage, 'a streamed answer records usage too');
      assert.equal((JSON.parse(stored[4]?.body ?? '{}') as { payload: { mode: string } }).payload.mode, 'encrypted');

      const verify = await cli(['audit', 'verify', '--config', stack.gateway.configFile]);
      assert.equal(verify.code, 0, verify.stdout + verify.stderr);
      assert.match(verify.stdout, /OK: the chain and every checkpoint verify/);
      assert.match(verify.stdout, /records\/s/);
      const exported = await cli(['audit', 'export', '--config', stack.gateway.configFile, '--format', 'jsonl']);
      assert.equal(exported.code, 0);
      const lines = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as { requestId: string; body: { kind: string; action?: string; actor?: { kind: string } } });
      assert.deepEqual(lines.filter((l) => l.body.kind === 'request').map((l) => l.requestId), ids);
      // The export is an admin action too, recorded (by the CLI, in the same chain) before anything is read.
      assert.equal(lines.at(-1)?.body.action, 'audit.export');
      assert.equal(lines.at(-1)?.body.actor?.kind, 'cli');

      // Tampering shows up in the CLI too.
      const db = new Database(join(stack.dir, '.portcullis', 'portcullis.db'));
      db.prepare('UPDATE audit_log SET status = 200 WHERE seq = 4').run();
      db.close();
      const bad = await cli(['audit', 'verify', '--config', stack.gateway.configFile]);
      assert.equal(bad.code, 1);
      assert.match(bad.stdout, /FAILED: modified at record 4/);
    } finally {
      await stack.stop();
    }
  });

  it('SIGKILL under load loses no record of a completed request, and the chain still verifies', async () => {
    const stack = await startStack(routes);
    try {
      const url = stack.gateway.url;
      const completed: string[] = [];
      let stop = false;
      const worker = async (n: number): Promise<void> => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await chat(url, stack.key, 'gpt', (n + i) % 2 === 0);
            const text = await res.text();
            // Complete means the whole answer arrived: a JSON body, or a stream through [DONE].
            if (res.status === 200 && (text.includes('[DONE]') || text.endsWith('}'))) completed.push(res.headers.get('x-request-id') as string);
          } catch {
            // The connection died with the gateway: not a completed response.
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, n) => worker(n));
      // Kill while requests are in flight, once enough have completed: a fixed delay would make the
      // precondition depend on how busy the machine is.
      await eventually(async () => completed.length > 40, 60_000);
      stack.gateway.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      assert.ok(completed.length > 20, `only ${completed.length} requests completed before the kill`);

      // Acknowledged means durable in the gateway's journal; the store is fed behind it. Opening
      // the audit log (here `audit verify`, as a restarted gateway would) replays what the killed
      // process left in its journal, then verifies the chain over everything.
      const verify = await cli(['audit', 'verify', '--config', stack.gateway.configFile]);
      assert.equal(verify.code, 0, verify.stdout + verify.stderr);
      // How much was only in the journal at the kill (reported: it depends on timing).
      process.stdout.write(`# ${/replayed (\d+) audit records/.exec(verify.stderr)?.[1] ?? 0} records replayed from the journal after the kill; ${completed.length} requests had completed\n`);
      const all = rows(stack.dir).map((r) => r.request_id);
      const stored = new Set(all);
      assert.equal(stored.size, all.length, 'no record stored twice');
      const lost = completed.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${completed.length} completed requests have no record`);
      const journals = readdirSync(join(stack.dir, '.portcullis')).filter((f) => f.startsWith('audit.spool.j-'));
      assert.deepEqual(journals, [], 'the replayed journal files are gone');
    } finally {
      await stack.stop();
    }
  });
});
