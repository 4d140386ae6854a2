/**
 * Loads the optional external detectors a config names (at config compile time, once per
 * runtime) and checks the settings that span sections: the judge route exists, the judge answers
 * within the stage budget, and a route only turns on a detector that is configured.
 */
import type { ConfigIssue } from '../../config/load.js';
import type { Config } from '../../config/schema.js';
import type { RuntimeRoute } from '../../providers/upstream.js';
import { loadOnnxDetector, type ModuleImporter } from '../onnx/index.js';
import type { ExternalDetectors } from './detector.js';
import { createLlmJudge } from './llm.js';

export type LoadedDetectors = { readonly ok: true; readonly detectors: ExternalDetectors } | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

export interface LoadOptions {
  /** Relative model paths resolve against this (default: the working directory). */
  readonly baseDir?: string;
  readonly importer?: ModuleImporter;
}

export async function loadExternalDetectors(config: Config, routes: ReadonlyMap<string, RuntimeRoute>, options: LoadOptions = {}): Promise<LoadedDetectors> {
  const issues: ConfigIssue[] = [];
  const { judge, onnx } = config.guards;
  if (judge !== undefined) {
    if (!config.routes.some((r) => r.model === judge.route)) issues.push({ path: 'guards.judge.route', message: `no route has model "${judge.route}"` });
    if (judge.timeoutMs >= config.pipeline.stageTimeoutMs) {
      issues.push({ path: 'guards.judge.timeoutMs', message: `must be below pipeline.stageTimeoutMs (${config.pipeline.stageTimeoutMs}), or the stage times out before the judge's own fail-open/closed setting applies` });
    }
  }
  for (const [i, r] of config.routes.entries()) {
    const g = r.guards;
    if (g === undefined) continue;
    if (judge === undefined && g.input.judge !== 'off') issues.push({ path: `routes.${i}.guards.input.judge`, message: 'needs guards.judge' });
    if (judge === undefined && g.output.judge !== 'off') issues.push({ path: `routes.${i}.guards.output.judge`, message: 'needs guards.judge' });
    if (onnx === undefined && g.input.onnx !== 'off') issues.push({ path: `routes.${i}.guards.input.onnx`, message: 'needs guards.onnx' });
  }
  if (issues.length > 0) return { ok: false, issues };
  let loaded: ExternalDetectors = {};
  if (judge !== undefined) loaded = { ...loaded, judge: createLlmJudge(judge, { route: () => routes.get(judge.route) }) };
  if (onnx !== undefined) {
    try {
      loaded = { ...loaded, onnx: await loadOnnxDetector(onnx, options.baseDir ?? process.cwd(), options.importer) };
    } catch (err) {
      return { ok: false, issues: [{ path: 'guards.onnx', message: (err as Error).message }] };
    }
  }
  return { ok: true, detectors: loaded };
}
