import type { InvalidRowPolicy, Prediction, RowProblem } from '../../core/package/contract';

/**
 * The predictions to return and the input row each belongs to. Under 'skip' a row with a
 * problem is left out (whether `predict` dropped it or kept it as null); otherwise every row is
 * there, an unscored one as null.
 *
 * @example
 * keptPredictions([p0, null, p2], [{ row: 1, … }], 'skip') // { predictions: [p0, p2], rows: [0, 2] }
 */
export function keptPredictions(
  inputRows: number,
  predictions: readonly (Prediction | null)[],
  problems: readonly RowProblem[],
  policy: InvalidRowPolicy,
): { predictions: (Prediction | null)[]; rows: number[] } {
  const invalid = new Set(problems.map((p) => p.row));
  const all = Array.from({ length: inputRows }, (_, i) => i);
  if (predictions.length === inputRows) {
    if (policy !== 'skip' || invalid.size === 0) return { predictions: [...predictions], rows: all };
    const rows = all.filter((r) => !invalid.has(r));
    return { predictions: rows.map((r) => predictions[r]), rows };
  }
  return { predictions: [...predictions], rows: all.filter((r) => !invalid.has(r)) };
}
