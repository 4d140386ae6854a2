/**
 * Config of the optional detectors: `guards.judge` (an LLM judge: a route of this gateway) and
 * `guards.onnx` (a user-supplied ONNX text classifier). Both are off unless configured here and
 * turned on per route (`routes[].guards.input.judge`, `…output.judge`, `…input.onnx`).
 */
import { z } from 'zod';

const ms = z.number().int().min(50).max(60_000);

export const judgeSchema = z
  .object({
    /** The public model name of a route of this gateway that answers as a safety classifier. */
    route: z.string().min(1).max(256),
    /** Budget per classification; keep it below `pipeline.stageTimeoutMs`. */
    timeoutMs: ms.default(1_500),
    /** false (default): a judge error, timeout or unreadable verdict denies. true: it passes. */
    failOpen: z.boolean().default(false),
    /**
     * How the verdict is read. `llama-guard`: first line `safe` or `unsafe`, then a line of
     * comma-separated categories (Llama Guard 2/3/4 output format).
     */
    format: z.enum(['llama-guard']).default('llama-guard'),
    /** Categories that block (e.g. [S1, S9]); absent: every `unsafe` verdict. */
    blockCategories: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,32}$/)).min(1).optional(),
    /** Longest text sent to the judge, in characters (the head is kept). */
    maxChars: z.number().int().min(256).max(200_000).default(16_000),
    /** max_tokens of the judge's answer; a verdict is a few tokens. */
    maxTokens: z.number().int().min(1).max(256).default(16),
  })
  .strict();

export const onnxSchema = z
  .object({
    /** The .onnx file (relative paths resolve against the config's directory). */
    modelFile: z.string().min(1),
    /** WordPiece vocabulary (one token per line, BERT `vocab.txt`), for BERT-family classifiers. */
    vocabFile: z.string().min(1),
    lowercase: z.boolean().default(true),
    /** Tokens per text, [CLS] and [SEP] included; longer texts are truncated. */
    maxTokens: z.number().int().min(8).max(4096).default(512),
    /** Index of the "unsafe" class in the model's logits. */
    positiveIndex: z.number().int().min(0).max(1024).default(1),
    threshold: z.number().min(0).max(1).default(0.5),
    /** Label reported as the category of a flagged text. */
    label: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).default('INJECTION'),
    timeoutMs: ms.default(1_000),
    failOpen: z.boolean().default(false),
    /** Graph input and output names. */
    inputIds: z.string().default('input_ids'),
    attentionMask: z.string().optional().default('attention_mask'),
    output: z.string().default('logits'),
  })
  .strict();

export type JudgeConfig = z.output<typeof judgeSchema>;
export type OnnxConfig = z.output<typeof onnxSchema>;

/** Per route and direction: what a flagged verdict does. */
export const detectorAction = z.enum(['block', 'log-only', 'off']).default('off');
