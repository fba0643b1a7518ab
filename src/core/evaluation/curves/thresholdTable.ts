import type { LabelColumn, NumberColumn } from '../../args/columns';
import type { ClassLabel, SampleWeight } from '../metrics/types';
import { _binaryInputs } from '../inputs/binaryInputs';
import { _binaryClfCurve, _sortScores, type BinaryClfCurve } from '../metrics/sortScores';
import { confusionMetrics, type ThresholdMetrics } from '../metrics/confusionRates';
import { checkInteger } from '../metrics/validate';
import { evaluationMessage } from '../messages';

/**
 * Cumulative counts at a set of thresholds, enough to recompute the confusion matrix and every
 * threshold metric without the scores: row i predicts positive every score ≥ thresholds[i].
 * Above thresholds[0] nothing is predicted positive. Columnar, so it stays small as JSON.
 */
export interface ThresholdTable {
  /** Decreasing thresholds. */
  thresholds: number[];
  /** (Weighted) true positives with score ≥ thresholds[i]. */
  tp: number[];
  /** (Weighted) false positives with score ≥ thresholds[i]. */
  fp: number[];
  positives: number;
  negatives: number;
}

export interface ThresholdTableOptions {
  positiveLabel?: ClassLabel;
  sampleWeight?: SampleWeight;
  /** Most rows kept (default 1000); every distinct score is kept when there are fewer. */
  maxRows?: number;
  /** Thresholds that must appear exactly (e.g. the operating threshold 0.5). */
  include?: number[];
}

/**
 * The compact threshold table of a binary scorer: every distinct score when there are at most
 * `maxRows`, else rows spaced evenly in the number of rows predicted positive, plus the
 * `include` thresholds. Counts are exact at every row.
 *
 * @example
 * const table = thresholdTable(yTrue, scores, { include: [0.5] });
 * metricsAtThreshold(table, 0.5).f1;
 */
export function thresholdTable(yTrue: LabelColumn, yScore: NumberColumn, options: ThresholdTableOptions = {}): ThresholdTable {
  const input = _binaryInputs('thresholdTable', yTrue, yScore, options.positiveLabel, options.sampleWeight);
  const maxRows = checkInteger('thresholdTable', 'maxRows', options.maxRows ?? 1000, 2);
  return _compactTable(_binaryClfCurve(_sortScores(input.score, input.positive, input.weight)), maxRows, options.include ?? []);
}

export function _compactTable(curve: BinaryClfCurve, maxRows: number, include: number[]): ThresholdTable {
  const { fps, tps, thresholds } = curve;
  const m = thresholds.length;
  const positives = m ? tps[m - 1] : 0;
  const negatives = m ? fps[m - 1] : 0;
  const keep = new Set<number>();
  if (m <= maxRows - include.length) for (let i = 0; i < m; i++) keep.add(i);
  else {
    const budget = Math.max(2, maxRows - include.length);
    const total = positives + negatives;
    let next = 0;
    for (let i = 0; i < m; i++) {
      const predicted = tps[i] + fps[i];
      if (i === 0 || i === m - 1 || predicted >= next) {
        keep.add(i);
        next = predicted + total / (budget - 1);
      }
    }
  }
  const rows = [...keep].map((i) => ({ t: thresholds[i], tp: tps[i], fp: fps[i] }));
  for (const t of include) {
    if (!Number.isFinite(t) || rows.some((r) => r.t === t)) continue;
    const i = lastAtOrAbove(thresholds, t);
    rows.push({ t, tp: i < 0 ? 0 : tps[i], fp: i < 0 ? 0 : fps[i] });
  }
  rows.sort((a, b) => b.t - a.t);
  return { thresholds: rows.map((r) => r.t), tp: rows.map((r) => r.tp), fp: rows.map((r) => r.fp), positives, negatives };
}

/** Index of the smallest threshold ≥ t in a decreasing array, or -1 when all are below t. */
function lastAtOrAbove(desc: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = desc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (desc[mid] >= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The table row that decides threshold t: the smallest table threshold ≥ t. Exact when t is a
 * table threshold (snap a slider to `table.thresholds`); otherwise the counts of that next row up.
 *
 * @example
 * snapThreshold(table, 0.4999); // the table threshold used for 0.4999
 */
export function snapThreshold(table: ThresholdTable, t: number): number {
  const i = lastAtOrAbove(table.thresholds, t);
  return i < 0 ? Infinity : table.thresholds[i];
}

/**
 * Confusion counts and every threshold metric at threshold t (positive when score ≥ t), from
 * the table alone: what an evaluation panel's threshold slider needs.
 *
 * @example
 * metricsAtThreshold(evaluation.view.thresholdTable, 0.3); // { tp, fp, fn, tn, precision, recall, f1, … }
 */
export function metricsAtThreshold(table: ThresholdTable, t: number): ThresholdMetrics & { threshold: number } {
  if (typeof t !== 'number' || Number.isNaN(t)) throw new TypeError(evaluationMessage.thresholdNotNumber(String(t)));
  const i = lastAtOrAbove(table.thresholds, t);
  const tp = i < 0 ? 0 : table.tp[i];
  const fp = i < 0 ? 0 : table.fp[i];
  return { threshold: t, ...confusionMetrics({ tp, fp, fn: table.positives - tp, tn: table.negatives - fp }) };
}

/**
 * Precision, recall, F1, positive rate and false positive rate at each threshold of a table:
 * the threshold-sweep chart's data.
 *
 * @example
 * thresholdSweep(thresholdTable(yTrue, scores, { maxRows: 200 }));
 */
export function thresholdSweep(table: ThresholdTable): { threshold: number; precision: number; recall: number; f1: number; selectionRate: number; falsePositiveRate: number }[] {
  return table.thresholds.map((t, i) => {
    const m = confusionMetrics({ tp: table.tp[i], fp: table.fp[i], fn: table.positives - table.tp[i], tn: table.negatives - table.fp[i] });
    return { threshold: t, precision: m.precision, recall: m.recall, f1: m.f1, selectionRate: m.selectionRate, falsePositiveRate: m.falsePositiveRate };
  });
}

/** Cumulative (tp, fp) of sorted rows at each given threshold (score ≥ t), for per-group tables on a shared grid. */
export function _countsAtThresholds(curve: BinaryClfCurve, thresholds: readonly number[]): { tp: number[]; fp: number[] } {
  const tp: number[] = [];
  const fp: number[] = [];
  for (const t of thresholds) {
    const i = lastAtOrAbove(curve.thresholds, t);
    tp.push(i < 0 ? 0 : curve.tps[i]);
    fp.push(i < 0 ? 0 : curve.fps[i]);
  }
  return { tp, fp };
}
