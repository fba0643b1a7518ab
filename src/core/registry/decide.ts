import type { ModelDiff } from '../review/contract';
import { formatMetricDelta } from '../review/verdict';
import { formatNumber } from '../text/number';
import { decisionMessage } from './messages';

/** What `retrain` concluded from the model diff of champion (base) and challenger (head). */
export interface PromotionDecision {
  promote: boolean;
  /** One sentence per reason, the blocking ones first when not promoted. */
  reasons: string[];
}

/**
 * Whether a challenger may replace the champion, from their model diff (champion = base,
 * challenger = head, one pair of evaluation runs): every gate passes on the challenger, the two
 * evaluations share rows (so the intervals are paired, on the same evaluation rows), and no
 * headline metric is significantly worse. Being significantly better is not required: an equal
 * model retrained on newer data is promoted.
 *
 * @example
 * decidePromotion(diff) // { promote: false, reasons: ['significantly worse on accuracy (−0.21 [−0.27, −0.15])'] }
 */
export function decidePromotion(diff: ModelDiff): PromotionDecision {
  const pair = diff.pairs[0];
  if (!pair) return { promote: false, reasons: [decisionMessage.nothingCompared(diff.verdict)] };
  const blocking: string[] = [];
  for (const g of pair.gates) if (g.head === false) blocking.push(decisionMessage.gateFails(g.name, g.headValue ?? null));
  const shared = pair.flips?.rows ?? 0;
  if (shared === 0) blocking.push(decisionMessage.noSharedRows);
  const worse = pair.metrics.filter((m) => m.verdict === 'worse');
  for (const m of worse) blocking.push(decisionMessage.worse(formatMetricDelta(m)));
  if (blocking.length) return { promote: false, reasons: blocking };
  const better = pair.metrics.filter((m) => m.verdict === 'better');
  const reasons = [pair.gates.length ? decisionMessage.gatesPass(pair.gates.length) : decisionMessage.noGates, decisionMessage.notWorse(pair.metrics.length, formatNumber(shared))];
  if (better.length) reasons.push(decisionMessage.better(better.map((m) => formatMetricDelta(m)).join(', ')));
  return { promote: true, reasons };
}
