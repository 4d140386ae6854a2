/**
 * A user-supplied ONNX text classifier (e.g. a BERT-family prompt-injection model exported to
 * ONNX) behind the external-detector interface. `onnxruntime-node` is an optional dependency that
 * this project does not install: it is loaded with a dynamic import only when `guards.onnx` is
 * configured, and a missing package is a clear start-up error, never a request-time surprise.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { OnnxConfig } from '../judge/config.js';
import type { DetectorVerdict, ExternalDetector } from '../judge/detector.js';
import { createWordPiece } from './wordpiece.js';

export const ONNX_PACKAGE = 'onnxruntime-node';

export class OnnxUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OnnxUnavailableError';
  }
}

/** The part of the onnxruntime-node API this detector uses. */
interface OrtTensor {
  readonly data: ArrayLike<number | bigint>;
}
interface OrtSession {
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor | undefined>>;
}
export interface OrtModule {
  readonly InferenceSession: { create(path: string): Promise<OrtSession> };
  readonly Tensor: new (type: 'int64', data: BigInt64Array, dims: readonly number[]) => OrtTensor;
}

export type ModuleImporter = (name: string) => Promise<unknown>;

const defaultImporter: ModuleImporter = (name) => import(name);

/** Loads onnxruntime-node, or explains how to get it. */
export async function importOnnxRuntime(importer: ModuleImporter = defaultImporter): Promise<OrtModule> {
  let mod: unknown;
  try {
    mod = await importer(ONNX_PACKAGE);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new OnnxUnavailableError(`guards.onnx is configured but the optional package ${ONNX_PACKAGE} is not installed: install it (npm install ${ONNX_PACKAGE}) or remove guards.onnx`, { cause: err });
    }
    throw new OnnxUnavailableError(`${ONNX_PACKAGE} could not be loaded: ${(err as Error).message}`, { cause: err });
  }
  const m = mod as Partial<OrtModule> & { default?: Partial<OrtModule> };
  const ort = m.InferenceSession !== undefined ? m : m.default;
  if (ort?.InferenceSession === undefined || ort.Tensor === undefined) throw new OnnxUnavailableError(`${ONNX_PACKAGE} does not export InferenceSession and Tensor`);
  return ort as OrtModule;
}

function softmaxAt(logits: readonly number[], index: number): number {
  const max = Math.max(...logits);
  let sum = 0;
  for (const l of logits) sum += Math.exp(l - max);
  return Math.exp((logits[index] ?? -Infinity) - max) / sum;
}

/** Loads the model and vocabulary named by `guards.onnx` (paths relative to `baseDir`). */
export async function loadOnnxDetector(cfg: OnnxConfig, baseDir: string, importer?: ModuleImporter): Promise<ExternalDetector> {
  const ort = await importOnnxRuntime(importer);
  const tokenizer = createWordPiece(await readFile(resolve(baseDir, cfg.vocabFile), 'utf8'), { lowercase: cfg.lowercase, maxTokens: cfg.maxTokens });
  const session = await ort.InferenceSession.create(resolve(baseDir, cfg.modelFile));
  return Object.freeze({
    name: 'onnx',
    timeoutMs: cfg.timeoutMs,
    failOpen: cfg.failOpen,
    blockCategories: undefined,
    async classify(input: { readonly text: string }): Promise<DetectorVerdict> {
      const ids = tokenizer.encode(input.text);
      const dims = [1, ids.length];
      const feeds: Record<string, OrtTensor> = { [cfg.inputIds]: new ort.Tensor('int64', BigInt64Array.from(ids, (i) => BigInt(i)), dims) };
      if (cfg.attentionMask) feeds[cfg.attentionMask] = new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), dims);
      const out = (await session.run(feeds))[cfg.output];
      if (out === undefined) throw new Error(`the model has no output "${cfg.output}"`);
      const logits = Array.from(out.data, Number);
      if (cfg.positiveIndex >= logits.length) throw new Error(`positiveIndex ${cfg.positiveIndex} is outside the model's ${logits.length} classes`);
      const score = softmaxAt(logits, cfg.positiveIndex);
      return score >= cfg.threshold ? { unsafe: true, categories: [cfg.label], score } : { unsafe: false, categories: [], score };
    },
  });
}
