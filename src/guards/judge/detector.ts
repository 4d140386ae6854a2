/**
 * The interface of optional, off-by-default detectors that run outside the process's own models:
 * an "LLM judge" (a route of this gateway, e.g. a self-hosted Llama Guard) and a user-supplied
 * ONNX classifier. Both are asynchronous and may fail or time out; what happens then is the
 * detector's explicit `failOpen` setting (default: deny).
 */
import type { Logger } from '../../log.js';
import type { TextRole } from '../types.js';

/** What a detector is asked about: a prompt (role user/tool/…) or an answer to `prompt`. */
export interface DetectorInput {
  readonly text: string;
  readonly role: TextRole;
  /** For answers: the question, when known (a judge reads the exchange as a conversation). */
  readonly prompt?: string;
}

export interface DetectorVerdict {
  readonly unsafe: boolean;
  /** Category codes the detector named (Llama Guard `S1`…`S14`, or a label); may be empty. */
  readonly categories: readonly string[];
  /** A probability-like score, when the detector has one. */
  readonly score?: number;
}

export interface ExternalDetector {
  /** `judge` or `onnx`, for reasons. */
  readonly name: string;
  /** Budget of one classification; past it the call counts as failed. */
  readonly timeoutMs: number;
  /** An error or timeout passes instead of denying (explicit, documented opt-out). */
  readonly failOpen: boolean;
  /** Categories that make a verdict flag; undefined: any unsafe verdict. */
  readonly blockCategories: ReadonlySet<string> | undefined;
  /** Rejects on any failure (transport, unparseable answer, abort). */
  classify(input: DetectorInput, signal: AbortSignal, log: Logger): Promise<DetectorVerdict>;
}

/** The detectors a config loaded, shared by every route that turns them on. */
export interface ExternalDetectors {
  readonly judge?: ExternalDetector;
  readonly onnx?: ExternalDetector;
}
