/**
 * Helpers for the mock's own tests: a strict SSE frame parser and body readers that keep what
 * arrived before a stream broke. Not used by the server itself.
 */

/** One server-sent event as framed by the mock (`event:` optional, one `data:` line). */
export interface SseEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/**
 * Parses SSE text strictly: every frame must end with a blank line and hold only `event:` and
 * `data:` lines, which is what both OpenAI and Anthropic send. Throws on anything else, so the
 * tests check framing, not just content.
 */
export function parseSse(text: string): SseEvent[] {
  if (text === '') return [];
  if (!text.endsWith('\n\n')) throw new Error(`SSE text does not end with a blank line: ${JSON.stringify(text.slice(-40))}`);
  const events: SseEvent[] = [];
  for (const frame of text.slice(0, -2).split('\n\n')) {
    let event: string | undefined;
    let data: string | undefined;
    for (const line of frame.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ') && data === undefined) data = line.slice(6);
      else throw new Error(`unexpected SSE line: ${JSON.stringify(line)}`);
    }
    if (data === undefined) throw new Error(`SSE frame without data: ${JSON.stringify(frame)}`);
    events.push({ event, data });
  }
  return events;
}

/** Everything a response body delivered, and the error that ended it early, if any. */
export interface RawBody {
  readonly text: string;
  readonly error: unknown;
}

/** Reads a body to its end or its failure, keeping the text received before a failure. */
export async function readRaw(response: Response): Promise<RawBody> {
  const body = response.body;
  if (body === null) return { text: '', error: undefined };
  // The DOM typings leave the chunk type open; fetch bodies always deliver bytes.
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
  return { text: text + decoder.decode(), error: undefined };
}

/**
 * Reads a streaming body until `enough(textSoFar)` holds, then returns without cancelling, so the
 * caller decides whether to abort. Rejects if the body ends first.
 */
export async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  enough: (text: string) => boolean,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!enough(text)) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`stream ended before the expected data: ${text}`);
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

/** Polls `check` until it holds; rejects after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** POSTs JSON. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
  if (signal !== undefined) init.signal = signal;
  return fetch(url, init);
}

/** Narrows parsed JSON to a record for property access in assertions. */
export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`expected a JSON object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}
