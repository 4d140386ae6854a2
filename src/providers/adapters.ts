/**
 * One adapter per upstream API: where to send a request, which headers carry the credential, and
 * which codec translates the canonical form. Everything here comes from server-side configuration;
 * nothing a caller sends can change an upstream URL or credential.
 */
import type { ChatChunk, ChatRequest, ChatResponse, EmbeddingsRequest, EmbeddingsResponse } from '../canonical/types.js';
import * as anthropic from '../formats/anthropic.js';
import * as openai from '../formats/openai.js';

export type ProviderName = 'openai' | 'anthropic' | 'azure-openai';

/** A compiled upstream target (see config/compile.ts). */
export interface Target {
  readonly provider: ProviderName;
  /** e.g. `https://api.openai.com/v1`, `https://api.anthropic.com/v1`, `https://res.openai.azure.com`. */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | undefined;
  readonly apiVersion: string;
  readonly anthropicVersion: string;
  readonly defaultMaxTokens: number;
  readonly maxTokensField: 'max_tokens' | 'max_completion_tokens';
  readonly connectTimeoutMs: number;
  readonly firstByteTimeoutMs: number;
  readonly idleTimeoutMs: number;
}

/** Turns one upstream SSE event into canonical chunks; `done` marks the stream's proper end. */
export type StreamDecoder = (event: string, data: string) => readonly ChatChunk[] | 'done';

export interface Adapter {
  chatUrl(target: Target): string;
  embeddingsUrl(target: Target): string | undefined;
  headers(target: Target): Record<string, string>;
  encodeChat(request: ChatRequest, target: Target): object;
  decodeChat(body: unknown, publicModel: string): ChatResponse;
  streamDecoder(publicModel: string): StreamDecoder;
  encodeEmbeddings(request: EmbeddingsRequest, target: Target): object;
  decodeEmbeddings(body: unknown, publicModel: string): EmbeddingsResponse;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

function openAIStreamDecoder(publicModel: string): StreamDecoder {
  const decode = openai.createChunkDecoder(publicModel);
  return (_event, data) => {
    const chunk = decode(data);
    if (chunk === 'done') return 'done';
    return chunk === null ? [] : [chunk];
  };
}

const openAICodec = {
  encodeChat: (request: ChatRequest, target: Target) => openai.encodeChatRequest(request, target.model, { maxTokensField: target.maxTokensField }),
  decodeChat: openai.decodeChatResponse,
  streamDecoder: openAIStreamDecoder,
  encodeEmbeddings: (request: EmbeddingsRequest, target: Target) => openai.encodeEmbeddingsRequest(request, target.model),
  decodeEmbeddings: openai.decodeEmbeddingsResponse,
};

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

export const ADAPTERS: Readonly<Record<ProviderName, Adapter>> = {
  openai: {
    ...openAICodec,
    chatUrl: (t) => `${trimSlash(t.baseUrl)}/chat/completions`,
    embeddingsUrl: (t) => `${trimSlash(t.baseUrl)}/embeddings`,
    headers: (t) => (t.apiKey ? { ...JSON_HEADERS, authorization: `Bearer ${t.apiKey}` } : { ...JSON_HEADERS }),
  },
  'azure-openai': {
    ...openAICodec,
    chatUrl: (t) => `${trimSlash(t.baseUrl)}/openai/deployments/${encodeURIComponent(t.model)}/chat/completions?api-version=${encodeURIComponent(t.apiVersion)}`,
    embeddingsUrl: (t) => `${trimSlash(t.baseUrl)}/openai/deployments/${encodeURIComponent(t.model)}/embeddings?api-version=${encodeURIComponent(t.apiVersion)}`,
    headers: (t) => (t.apiKey ? { ...JSON_HEADERS, 'api-key': t.apiKey } : { ...JSON_HEADERS }),
  },
  anthropic: {
    chatUrl: (t) => `${trimSlash(t.baseUrl)}/messages`,
    embeddingsUrl: () => undefined,
    headers: (t) => ({ ...JSON_HEADERS, 'anthropic-version': t.anthropicVersion, ...(t.apiKey ? { 'x-api-key': t.apiKey } : {}) }),
    encodeChat: (request, target) => anthropic.encodeMessagesRequest(request, target.model, target.defaultMaxTokens),
    decodeChat: anthropic.decodeMessagesResponse,
    streamDecoder(publicModel) {
      const decode = anthropic.createStreamDecoder(publicModel);
      return (event, data) => (event === 'message_stop' ? 'done' : decode(event, data));
    },
    encodeEmbeddings() {
      throw new TypeError('anthropic has no embeddings API');
    },
    decodeEmbeddings() {
      throw new TypeError('anthropic has no embeddings API');
    },
  },
};
