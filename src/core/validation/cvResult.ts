import { table as makeTable, type ColumnTable } from 'arquero';
import { MIME_BUNDLE } from '../display/mimeBundle';
import { tableBundle } from '../display/table';
import type { MimeBundle } from '../notebook/contract';
import { validationMessage } from './messages';
import { escapeHtml } from '../text/html';
import { formatNumber } from '../text/number';

/** One fold of a cross-validation. */
export interface FoldResult {
  fold: number;
  trainRows: number;
  testRows: number;
  fitMs: number;
  scoreMs: number;
  /** Metric name → test score. */
  test: Record<string, number>;
  /** Metric name → training score (with returnTrainScore). */
  train?: Record<string, number>;
}

/**
 * Cross-validation results: per fold, and mean ± sd per metric.
 *
 * @example
 * const cv = await crossValidate(pipe, penguins, { label: 'species' });
 * cv.mean.accuracy; cv.std.accuracy; cv.scores('accuracy'); cv.table();
 */
export class CVResult {
  /** Metric name → mean test score over folds. */
  readonly mean: Record<string, number> = {};
  /** Metric name → standard deviation of the test scores (population, ddof 0, as sklearn's cv_results_). */
  readonly std: Record<string, number> = {};

  constructor(
    /** The model's type (spec().type). */
    readonly model: string,
    readonly metrics: string[],
    readonly folds: FoldResult[],
    /** A hash of the fold indices (compareModels checks both results used the same folds). */
    readonly foldSignature: string,
    /** Per metric: true when higher is better. */
    readonly greaterIsBetter: Record<string, boolean>,
  ) {
    for (const m of metrics) {
      const v = this.scores(m);
      const mean = v.reduce((s, x) => s + x, 0) / v.length;
      this.mean[m] = mean;
      this.std[m] = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
    }
  }

  /**
   * The test scores of one metric, one per fold (default: the first metric).
   *
   * @example
   * cv.scores('accuracy') // [0.91, 0.93, 0.9, 0.94, 0.92]
   */
  scores(metric: string = this.metrics[0]): number[] {
    if (!this.metrics.includes(metric)) throw new RangeError(validationMessage.noMetric('CVResult', metric, this.metrics));
    return this.folds.map((f) => f.test[metric]);
  }

  /** One row per fold: fold, rows, fit time, and a column per metric (test_, train_). */
  table(): ColumnTable {
    const cols: Record<string, unknown[]> = { fold: [], trainRows: [], testRows: [], fitMs: [] };
    for (const m of this.metrics) cols[`test_${m}`] = [];
    const withTrain = this.folds.some((f) => f.train);
    if (withTrain) for (const m of this.metrics) cols[`train_${m}`] = [];
    for (const f of this.folds) {
      cols.fold.push(f.fold);
      cols.trainRows.push(f.trainRows);
      cols.testRows.push(f.testRows);
      cols.fitMs.push(Math.round(f.fitMs));
      for (const m of this.metrics) {
        cols[`test_${m}`].push(f.test[m]);
        if (withTrain) cols[`train_${m}`].push(f.train?.[m] ?? null);
      }
    }
    return makeTable(cols);
  }

  /** "accuracy 0.912 ± 0.021 (5 folds)" per metric. */
  toString(): string {
    return this.metrics.map((m) => `${m} ${fmt(this.mean[m])} ± ${fmt(this.std[m])}`).join(', ') + ` (${this.folds.length} folds, ${this.model})`;
  }

  [MIME_BUNDLE](): MimeBundle {
    const bundle = tableBundle(this.table());
    const head = this.toString();
    return { ...bundle, 'text/plain': `${head}\n${bundle['text/plain']}`, 'text/html': `<div><b>${escapeHtml(head)}</b></div>${bundle['text/html']}` };
  }
}

function fmt(v: number): string {
  return formatNumber(v, { fixed: 4 });
}
