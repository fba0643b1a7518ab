import type { SliceView } from '../contract';
import type { ThresholdMetrics } from '../metrics/confusionRates';
import { evaluationMessage } from '../messages';
import { metricsAtThreshold, snapThreshold } from './thresholdTable';

/** One group of a slice at a threshold: its key, column values and size, and the confusion counts and threshold metrics there. */
export interface GroupAtThreshold extends ThresholdMetrics {
  group: string;
  values: Record<string, string | number | boolean | null>;
  size: number;
}

/** Every group of one slice at a threshold. */
export interface SliceAtThreshold {
  slice: string;
  /** The threshold asked for. */
  threshold: number;
  /**
   * The threshold the counts are at: group counts are kept on a grid of about 100 of the
   * evaluation's thresholds (every distinct score when there are fewer), so `threshold` snaps to
   * the nearest grid threshold at or above it; Infinity when it is above them all (nothing predicted positive).
   */
  applied: number;
  groups: GroupAtThreshold[];
}

/**
 * Binary: each group's confusion counts and threshold metrics (precision, recall, false positive
 * rate, selection rate, …) when a row is positive at score ≥ `threshold`, from the slice's kept
 * group counts alone: the per-group counterpart of `metricsAtThreshold`.
 *
 * @example
 * sliceMetricsAtThreshold(ev.view.slices[0], 0.7).groups.map((g) => [g.group, g.recall, g.falsePositiveRate]);
 */
export function sliceMetricsAtThreshold(slice: SliceView, threshold: number): SliceAtThreshold {
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) throw new TypeError(evaluationMessage.thresholdNotNumber(String(threshold)));
  const grid = slice.thresholds;
  if (!grid?.length || !slice.groups.some((g) => g.thresholdCounts)) throw new RangeError(evaluationMessage.noSliceThresholds(slice.name));
  const groups = slice.groups.flatMap((g): GroupAtThreshold[] => {
    if (!g.thresholdCounts) return [];
    const { threshold: _t, ...m } = metricsAtThreshold({ thresholds: grid, ...g.thresholdCounts }, threshold);
    return [{ group: g.key, values: g.values, size: g.size, ...m }];
  });
  return { slice: slice.name, threshold, applied: snapThreshold({ thresholds: grid, tp: [], fp: [], positives: 0, negatives: 0 }, threshold), groups };
}
