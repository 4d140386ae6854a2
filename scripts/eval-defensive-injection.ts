/**
 * Score the defensive-instruction set (src/guards/injection/defensive-prompts.ts, written for the
 * project, never trained on) with the committed model, at the `system` and `user` thresholds, and
 * list what it gets wrong.
 *
 *   node --import tsx scripts/eval-defensive-injection.ts
 */
import { formatDefensive } from '../src/guards/injection/defensive-prompts.js';
import { DEFAULT_THRESHOLDS, scoreInjection } from '../src/guards/injection/index.js';

process.stdout.write(`${formatDefensive((t) => scoreInjection(t, 'user').score, { system: DEFAULT_THRESHOLDS.system, user: DEFAULT_THRESHOLDS.user }, true)}\n`);
