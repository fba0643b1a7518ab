import type { DiffPair, MetricDelta, ModelDiff } from './contract';
import { formatNumber } from '../text/number';

/**
 * A signed number as a delta reads: `+0.012`, `−0.031` (a true minus sign), 2 significant digits.
 *
 * @example
 * formatDelta(-0.0312) // '−0.031'
 */
export function formatDelta(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return formatNumber(null);
  const text = formatNumber(Math.abs(x), { digits: 2 });
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
}

/**
 * A metric's delta and interval: `auc (−0.031 [−0.045, −0.018])`.
 *
 * @example
 * formatMetricDelta({ name: 'auc', delta: -0.031, ci: [-0.045, -0.018], … }) // 'auc (−0.031 [−0.045, −0.018])'
 */
export function formatMetricDelta(m: Pick<MetricDelta, 'name' | 'delta' | 'ci'>, prefix = ''): string {
  return `${prefix}${m.name} (${formatDelta(m.delta)}${m.ci ? ` [${formatDelta(m.ci[0])}, ${formatDelta(m.ci[1])}]` : ''})`;
}

const MAX_NAMED = 3;

function byP(a: MetricDelta, b: MetricDelta): number {
  return (a.pValue ?? 1) - (b.pValue ?? 1);
}

function named(ms: { m: MetricDelta; prefix: string }[]): string {
  const shown = ms.slice(0, MAX_NAMED).map(({ m, prefix }) => formatMetricDelta(m, prefix));
  const more = ms.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/**
 * One line for a set of pairs: the significantly worse metrics first (smallest p first), then the
 * better ones, the correct predictions head flipped, and the gates that newly fail.
 *
 * @example
 * verdictOf([pair]) // 'head is significantly worse on auc (−0.031 [−0.045, −0.018]) and flips 214 correct predictions; gates: 1 newly failing'
 */
export function verdictOf(pairs: DiffPair[], qualify = pairs.length > 1): string {
  if (pairs.length === 0) return 'nothing to compare: no evaluation was found on both sides';
  const pick = (v: MetricDelta['verdict']) => pairs.flatMap((p) => p.metrics.filter((m) => m.verdict === v).map((m) => ({ m, prefix: qualify ? `${p.name}: ` : '' }))).sort((a, b) => byP(a.m, b.m));
  const worse = pick('worse');
  const better = pick('better');
  const regressions = pairs.reduce((s, p) => s + (p.flips?.regressions ?? 0), 0);
  const newlyFailing = pairs.reduce((s, p) => s + p.gates.filter((g) => g.newlyFailing).length, 0);
  const failing = pairs.reduce((s, p) => s + p.gates.filter((g) => g.head === false).length, 0);
  const parts: string[] = [];
  if (worse.length) parts.push(`significantly worse on ${named(worse)}`);
  if (better.length) parts.push(`significantly better on ${named(better)}`);
  let line = parts.length ? `head is ${parts.join(' but ')}` : 'no significant metric change';
  if (regressions > 0) line += `${parts.length ? ' and' : ';'} flips ${formatNumber(regressions)} correct prediction${regressions === 1 ? '' : 's'}`;
  if (newlyFailing > 0) line += `; gates: ${newlyFailing} newly failing`;
  else if (failing > 0) line += `; gates: ${failing} failing (on base too)`;
  else if (pairs.some((p) => p.gates.length > 0)) line += '; gates: all pass';
  return line;
}

/**
 * Whether a diff meets its `failOn` rule: 'gates' when a gate fails on head, 'regression' when a
 * headline metric is significantly worse or a gate fails on head, 'never' never.
 *
 * @example
 * isFailed(pairs, 'regression') // true
 */
export function isFailed(pairs: DiffPair[], failOn: ModelDiff['failOn']): boolean {
  if (failOn === 'never') return false;
  const gateFails = pairs.some((p) => p.gates.some((g) => g.head === false));
  if (failOn === 'gates') return gateFails;
  return gateFails || pairs.some((p) => p.metrics.some((m) => m.verdict === 'worse'));
}
