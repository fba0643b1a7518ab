/** Tiny fitted models that honour the estimator contract, for evaluate() and explainability tests. */
import type { ColumnTable } from 'arquero';
import type { Classifier, Features, Matrix, Probabilities, Regressor } from '../../../../src/core/models/contract';

/** Rows of numbers from any Features value (table columns in the given order). */
export function rowsOf(x: Features, columns?: string[]): number[][] {
  if (Array.isArray(x)) return x as number[][];
  const m = x as Matrix;
  if (m.data instanceof Float64Array) return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, i * m.cols + m.cols)));
  const t = x as ColumnTable;
  const cols = (columns ?? t.columnNames()).map((c) => t.array(c) as ArrayLike<number>);
  return Array.from({ length: t.numRows() }, (_, i) => cols.map((c) => c[i]));
}

/** A logistic model with fixed weights: p(classes[1]) = σ(b + w·x). */
export function logisticClassifier(weights: number[], intercept: number, classes: (string | number)[], columns?: string[]): Classifier {
  const proba = (x: Features): Probabilities => {
    const rows = rowsOf(x, columns);
    const data = new Float64Array(rows.length * 2);
    rows.forEach((r, i) => {
      const z = intercept + r.reduce((a, v, j) => a + v * weights[j], 0);
      const p = 1 / (1 + Math.exp(-z));
      data[2 * i] = 1 - p;
      data[2 * i + 1] = p;
    });
    return { classes: [...classes], rows: rows.length, data };
  };
  return {
    kind: 'classifier',
    classes: [...classes],
    fit: async function () {
      return this;
    },
    predict: async (x) => {
      const p = proba(x);
      return Array.from({ length: p.rows }, (_, i) => (p.data[2 * i + 1] >= 0.5 ? classes[1] : classes[0]));
    },
    predictProba: async (x) => proba(x),
    spec: () => ({ type: 'FixedLogistic', params: { weights, intercept } }),
    summary: () => ({ type: 'FixedLogistic', parameterCount: weights.length + 1 }),
  };
}

/** A linear model with fixed weights: ŷ = b + w·x. */
export function linearRegressor(weights: number[], intercept: number, columns?: string[]): Regressor {
  return {
    kind: 'regressor',
    fit: async function () {
      return this;
    },
    predict: async (x) => Float64Array.from(rowsOf(x, columns), (r) => intercept + r.reduce((a, v, j) => a + v * weights[j], 0)),
    spec: () => ({ type: 'FixedLinear', params: { weights, intercept } }),
    summary: () => ({ type: 'FixedLinear', parameterCount: weights.length + 1 }),
  };
}
