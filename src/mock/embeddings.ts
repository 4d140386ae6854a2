/**
 * OpenAI `/v1/embeddings` (and its Azure twin), written from the public wire format: deterministic
 * unit vectors derived from a hash of each input, so a test can compare vectors across runs.
 */
import { wordCount } from './text.js';

/** Largest `dimensions` the mock accepts; OpenAI's biggest model has 3072. */
export const MAX_DIMENSIONS = 4096;
const MAX_INPUTS = 2048;

/** A validated embeddings request. */
export interface EmbeddingsRequest {
  readonly model: string;
  /** Each input as a string; token arrays are joined so they hash deterministically too. */
  readonly inputs: readonly string[];
  readonly inputTokens: number;
  readonly dimensions: number;
  readonly base64: boolean;
  /** Text of the last string input, where `mock:` directives are read. */
  readonly directiveText: string;
}

function isTokenArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((t) => Number.isInteger(t));
}

/**
 * Validates an embeddings body. `model` may be absent only on Azure, where the deployment in the
 * path names it (`modelFromPath`). Returns a client-facing message on failure.
 */
export function parseEmbeddingsRequest(
  body: Record<string, unknown>,
  defaultDimensions: number,
  modelFromPath: string | undefined,
): EmbeddingsRequest | string {
  const model = modelFromPath ?? body['model'];
  if (typeof model !== 'string' || model === '') return 'you must provide a model parameter';
  const input = body['input'];
  const inputs: string[] = [];
  let inputTokens = 0;
  let directiveText = '';
  if (typeof input === 'string') {
    inputs.push(input);
    inputTokens = wordCount(input);
    directiveText = input;
  } else if (isTokenArray(input) && input.length > 0) {
    inputs.push(input.join(' '));
    inputTokens = input.length;
  } else if (Array.isArray(input) && input.length > 0 && input.length <= MAX_INPUTS) {
    for (const item of input) {
      if (typeof item === 'string') {
        inputs.push(item);
        inputTokens += wordCount(item);
        directiveText = item;
      } else if (isTokenArray(item) && item.length > 0) {
        inputs.push(item.join(' '));
        inputTokens += item.length;
      } else {
        return "'input' must be a string, an array of strings, or an array of token arrays";
      }
    }
  } else {
    return "'input' must be a non-empty string or array (at most 2048 items)";
  }

  let dimensions = defaultDimensions;
  const requested = body['dimensions'];
  if (requested !== undefined) {
    if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1 || requested > MAX_DIMENSIONS) {
      return "'dimensions' must be an integer between 1 and 4096";
    }
    dimensions = requested;
  }

  const format = body['encoding_format'];
  if (format !== undefined && format !== 'float' && format !== 'base64') {
    return "'encoding_format' must be 'float' or 'base64'";
  }
  return { model, inputs, inputTokens, dimensions, base64: format === 'base64', directiveText };
}

/** 32-bit FNV-1a over UTF-16 code units: cheap, stable, and good enough to seed a generator. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The vector for one input: a small xorshift generator seeded by the input's hash fills the
 * components, then the vector is scaled to unit length like real embedding models return.
 * The result is rounded to float32 so the JSON numbers and the base64 bytes agree exactly.
 */
export function embed(text: string, dimensions: number): Float32Array {
  let state = fnv1a(text) || 0x9e3779b9;
  const values = new Float64Array(dimensions);
  let sumSquares = 0;
  for (let i = 0; i < dimensions; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const value = (state >>> 0) / 0x80000000 - 1;
    values[i] = value;
    sumSquares += value * value;
  }
  const norm = Math.sqrt(sumSquares) || 1;
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = (values[i] ?? 0) / norm;
  return out;
}

/** Little-endian float32 bytes in base64, as OpenAI sends for `encoding_format: "base64"`. */
export function toBase64(vector: Float32Array): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i] ?? 0, i * 4);
  return bytes.toString('base64');
}

/** Renders the OpenAI embeddings response body. */
export function renderEmbeddings(request: EmbeddingsRequest): string {
  const items: string[] = [];
  for (const [index, input] of request.inputs.entries()) {
    const vector = embed(input, request.dimensions);
    const encoded = request.base64 ? JSON.stringify(toBase64(vector)) : `[${vector.join(',')}]`;
    items.push(`{"object":"embedding","index":${index},"embedding":${encoded}}`);
  }
  const tokens = request.inputTokens;
  return `{"object":"list","data":[${items.join(',')}],"model":${JSON.stringify(request.model)},"usage":{"prompt_tokens":${tokens},"total_tokens":${tokens}}}`;
}
