/**
 * A review thread started from a finding of the Model Diff panel: the finding (as the webview
 * names it) is checked against the diff the panel shows, and becomes the thread's anchor — the cell
 * of the pair that made the evaluation, head's run, and the metric or slice. The webview is not
 * trusted: a finding that is not in the diff is refused with a reason.
 */
import type { ModelDiff } from './contract';
import { reviewMessage } from './messages';
import type { ThreadAnchor } from './threadContract';

/** What the panel's "Discuss" names: the pair's cell, and the metric (or `flips`) and slice (`slice=group`). */
export interface Finding {
  notebook: string;
  cellId: string;
  metric?: string;
  slice?: string;
}

/** The metric name a thread on the prediction flips of a pair carries. */
export const FLIPS_METRIC = 'flips';

/**
 * The anchor of a thread on `finding`, or why there can be none.
 *
 * @example
 * findingAnchor(diff, { notebook: 'churn.mlnb', cellId: 'evaluate', metric: 'auc' })
 * // { ok: true, anchor: { notebook: 'churn.mlnb', cellId: 'evaluate', runId: '01JD…', metric: 'auc' } }
 */
export function findingAnchor(diff: ModelDiff, finding: Finding): { ok: true; anchor: ThreadAnchor } | { ok: false; reason: string } {
  const pair = diff.pairs.find((p) => p.notebook === finding.notebook && p.cellId === finding.cellId);
  if (!pair || pair.notebook === undefined || pair.cellId === undefined) return { ok: false, reason: reviewMessage.findingNoPair(finding.notebook, finding.cellId) };
  const { metric, slice } = finding;
  if (slice !== undefined) {
    const group = pair.slices.find((s) => `${s.slice}=${s.group}` === slice);
    if (!group) return { ok: false, reason: reviewMessage.findingNoSlice(slice) };
    if (metric !== undefined && !group.metrics.some((m) => m.name === metric)) return { ok: false, reason: reviewMessage.findingNoMetric(metric) };
  } else if (metric !== undefined) {
    const known = metric === FLIPS_METRIC ? pair.flips !== undefined : pair.metrics.some((m) => m.name === metric);
    if (!known) return { ok: false, reason: reviewMessage.findingNoMetric(metric) };
  }
  return {
    ok: true,
    anchor: {
      notebook: pair.notebook,
      cellId: pair.cellId,
      runId: pair.head.runId,
      ...(metric !== undefined ? { metric } : {}),
      ...(slice !== undefined ? { slice } : {}),
    },
  };
}
