/**
 * Score the benign stress probe (src/guards/injection/benign-probe.ts, written for the project,
 * never trained on) with the committed direct model at the `user` threshold and list what it flags.
 *
 *   node --import tsx scripts/eval-benign-probe.ts
 */
import { formatBenignProbe } from '../src/guards/injection/benign-probe.js';
import { DEFAULT_THRESHOLDS, scoreInjection } from '../src/guards/injection/index.js';

process.stdout.write(`${formatBenignProbe((t) => scoreInjection(t, 'user').score, DEFAULT_THRESHOLDS.user)}\n`);
