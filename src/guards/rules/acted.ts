/**
 * Rule matches in the request path: turned into the acted findings the guards already redact and
 * report (guards/redact.ts), merged with the PII and secret findings so the list stays sorted and
 * non-overlapping, as `redact` requires.
 */
import type { ActedFinding } from '../redact.js';
import type { RuleSet } from './compile.js';

/** Finding types of rule matches: `rule:<name>`, masked as `[rule:<name>]`. */
export const RULE_TYPE_PREFIX = 'rule:';

function strength(action: string): number {
  if (action === 'block') return 3;
  if (action === 'mask' || action === 'hash') return 2;
  return 1;
}

/** Acted findings of a rule set on `text`, sorted by start. */
export function ruleFindings(rules: RuleSet, text: string): ActedFinding[] {
  return rules.match(text).map((m) => ({ action: m.rule.action, finding: { type: `${RULE_TYPE_PREFIX}${m.rule.name}`, start: m.start, end: m.end, score: 1 } }));
}

/**
 * Merges two sorted lists into one sorted, non-overlapping list. Overlapping findings become one
 * span with the stricter action (a log-only finding never widens a stricter one's span: it is
 * dropped, the stricter one stands as it is).
 */
export function mergeActed(a: readonly ActedFinding[], b: readonly ActedFinding[]): ActedFinding[] {
  if (b.length === 0) return a as ActedFinding[];
  if (a.length === 0 && !hasOverlap(b)) return b as ActedFinding[];
  const all = [...a, ...b].sort((x, y) => x.finding.start - y.finding.start || y.finding.end - x.finding.end);
  const out: ActedFinding[] = [];
  for (const item of all) {
    const prev = out.at(-1);
    if (prev === undefined || item.finding.start >= prev.finding.end) {
      out.push(item);
      continue;
    }
    const sp = strength(prev.action);
    const si = strength(item.action);
    if (si === 1 && sp > 1) continue;
    if (sp === 1 && si > 1) {
      out[out.length - 1] = item;
      continue;
    }
    const winner = si > sp ? item : prev;
    out[out.length - 1] = { action: winner.action, finding: { ...winner.finding, start: prev.finding.start, end: Math.max(prev.finding.end, item.finding.end) } };
  }
  return out;
}

function hasOverlap(list: readonly ActedFinding[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i] as ActedFinding).finding.start < (list[i - 1] as ActedFinding).finding.end) return true;
  return false;
}

/** The reason string of a rule finding: `rule:no-codenames:mask@c0:10-24`. */
export function ruleReason(type: string, action: string, where: string, start: number, end: number): string {
  return `${type}:${action}@${where}:${start}-${end}`;
}
