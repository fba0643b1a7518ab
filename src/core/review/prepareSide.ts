import type { SideData } from './encodeSides';
import type { BinaryMetricName, MetricName, MulticlassMetricName, RegressionMetricName } from '../evaluation/metrics/metricCatalog';
import { _prepareBinary } from '../evaluation/inputs/prepareBinary';
import { _prepareMulticlass } from '../evaluation/inputs/prepareMulticlass';
import { _prepareRegression } from '../evaluation/inputs/prepareRegression';
import { confusionMetrics } from '../evaluation/metrics/confusionRates';

/** One side's metrics on chosen rows, recomputed under resample counts. */
export interface SideEvaluator {
  readonly metrics: readonly MetricName[];
  /** Rows evaluated. */
  readonly n: number;
  /** Metric values in `metrics` order; `counts` is indexed as `at` says (absent: every row once). */
  evaluate(counts?: ArrayLike<number>): Float64Array;
}

const CONFUSION_METRICS: readonly MetricName[] = ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'selectionRate', 'falsePositiveRate', 'specificity', 'mcc'];

/**
 * Core's prepared metric evaluators for one side's `rows`, reading resample counts through `at`
 * (position k of `rows` takes `counts[at[k]]`; absent: `counts[k]`), so a slice group reads the
 * same counts as the whole set and both sides read the same counts in a paired bootstrap.
 * Binary thresholded metrics come from the kept hard predictions (so accuracy's delta is
 * exactly (fixes − regressions) / rows, as the flips say), ranking and probability metrics from
 * the scores through `_prepareBinary`.
 */
export function _prepareSide(data: SideData, rows: Uint32Array, metrics: readonly MetricName[], at?: Uint32Array): SideEvaluator {
  const parts: { metrics: readonly MetricName[]; evaluate: (counts?: ArrayLike<number>) => Float64Array }[] = [];
  if (data.task === 'binary') {
    // When the kept predictions are score ≥ 0.5, the sorted evaluator's prefix gives them: one pass, not two.
    const confusion = data.thresholdAgrees ? [] : metrics.filter((m) => CONFUSION_METRICS.includes(m));
    const ranking = metrics.filter((m) => !confusion.includes(m)) as BinaryMetricName[];
    if (confusion.length) parts.push(confusionPart(data.positive, data.predicted, rows, confusion, at));
    if (ranking.length && data.score) {
      const score = gather(data.score, rows);
      const prepared = _prepareBinary(score, gather(data.positive, rows), { withOrder: true, metrics: ranking, probabilities: data.probabilities, threshold: 0.5 });
      parts.push(orderedPart(prepared.metrics, prepared.evaluate, compose(prepared.order, at, rows.length), prepared.evaluateAt));
    }
  } else if (data.task === 'multiclass') {
    const k = Math.max(maxCode(data.trueCodes), maxCode(data.predCodes)) + 1;
    const prepared = _prepareMulticlass(
      gather(data.trueCodes, rows),
      { rows: 0, cols: k, data: new Float64Array(0) },
      { metrics: metrics as MulticlassMetricName[], predCodes: gather(data.predCodes, rows) },
    );
    parts.push(at ? orderedPart(prepared.metrics, prepared.evaluate, at) : prepared);
  } else {
    const prepared = _prepareRegression(gather(data.yTrue, rows), gather(data.yPred, rows), { metrics: metrics as RegressionMetricName[], withOrder: true });
    parts.push(orderedPart(prepared.metrics, prepared.evaluate, compose(prepared.order, at, rows.length)));
  }
  const where = metrics.map((m) => {
    const p = parts.findIndex((part) => part.metrics.includes(m));
    return p < 0 ? [-1, -1] : [p, parts[p].metrics.indexOf(m)];
  });
  return {
    metrics,
    n: rows.length,
    evaluate(counts) {
      const values = parts.map((p) => p.evaluate(counts));
      return Float64Array.from(where, ([p, j]) => (p < 0 ? NaN : values[p][j]));
    },
  };
}

/** Thresholded binary metrics from hard predictions: four weighted sums in one branch-free pass. */
function confusionPart(positive: Uint8Array, predicted: Uint8Array, rows: Uint32Array, metrics: readonly MetricName[], at?: Uint32Array) {
  const n = rows.length;
  const code = new Uint8Array(n);
  for (let k = 0; k < n; k++) code[k] = positive[rows[k]] | (predicted[rows[k]] << 1);
  return {
    metrics,
    evaluate(counts?: ArrayLike<number>): Float64Array {
      let total = 0;
      let pos = 0;
      let pred = 0;
      let tp = 0;
      for (let k = 0; k < n; k++) {
        const c = code[k];
        const w = counts ? counts[at ? at[k] : k] : 1;
        total += w;
        pos += w * (c & 1);
        pred += w * (c >> 1);
        tp += w * (c & (c >> 1) & 1);
      }
      const m = confusionMetrics({ tp, fp: pred - tp, fn: pos - tp, tn: total - pos - pred + tp }, NaN) as unknown as Record<string, number>;
      return Float64Array.from(metrics, (name) => m[name]);
    },
  };
}

/**
 * An evaluator whose position k reads counts[index[k]]. The gathered counts are doubles: the
 * sorted sweeps read them as float operands, and V8 runs those loops about 1.6× faster on a
 * Float64Array than on an Int32Array (int → double conversions per row).
 */
function orderedPart(
  metrics: readonly MetricName[],
  evaluate: (counts?: ArrayLike<number>) => Float64Array,
  index: Uint32Array,
  evaluateAt?: (counts: ArrayLike<number>, index: Uint32Array) => Float64Array,
) {
  const scratch = new Float64Array(index.length);
  return {
    metrics,
    evaluate(counts?: ArrayLike<number>): Float64Array {
      if (!counts) return evaluate();
      if (evaluateAt) return evaluateAt(counts, index);
      for (let k = 0; k < index.length; k++) scratch[k] = counts[index[k]];
      return evaluate(scratch);
    },
  };
}

/** Where position k reads its count: through the evaluator's own order, then through `at`. */
function compose(order: Uint32Array | undefined, at: Uint32Array | undefined, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const row = order ? order[k] : k;
    out[k] = at ? at[row] : row;
  }
  return out;
}

function gather<T extends Float64Array | Uint8Array | Int32Array>(values: T, rows: Uint32Array): T {
  const out = new (values.constructor as { new (n: number): T })(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}

function maxCode(codes: Int32Array): number {
  let m = 0;
  for (const c of codes) if (c > m) m = c;
  return m;
}
