import type { NumberColumn } from '../../args/columns';
import type { MetricResult, MetricWarning, SampleWeight } from './types';
import { _regressionInputs, weightedMean } from '../inputs/regressionInputs';
import { message, warning } from '../messages';
import { _unlessAllWeightsZero } from './zeroWeights';

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot, as scikit-learn's `r2_score`
 * (force_finite): a perfect fit scores 1 even for constant yTrue; constant yTrue with any error
 * scores 0 (with a warning); fewer than two rows give NaN with a warning.
 *
 * @example
 * r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]).value; // 0.9486
 */
export function r2Score(yTrue: NumberColumn, yPred: NumberColumn, options: { sampleWeight?: SampleWeight } = {}): MetricResult {
  const { yTrue: t, yPred: p, weight } = _regressionInputs('r2Score', yTrue, yPred, options.sampleWeight);
  if (t.length < 2) return { value: NaN, warnings: [warning('undefined-metric', message.r2TooFew, { metric: 'r2' })] };
  const mean = weightedMean(t.length, (i) => t[i], weight);
  let num = 0;
  let den = 0;
  for (let i = 0; i < t.length; i++) {
    const w = weight ? weight[i] : 1;
    num += w * (t[i] - p[i]) ** 2;
    den += w * (t[i] - mean) ** 2;
  }
  return _unlessAllWeightsZero(weight, 'R²', 'r2', assemble(num, den, 'r2'));
}

/**
 * Explained variance 1 − Var(y − ŷ) / Var(y), as scikit-learn's `explained_variance_score`
 * (force_finite); unlike R² it ignores a constant bias in the predictions.
 *
 * @example
 * explainedVarianceScore([3, -0.5, 2, 7], [2.5, 0, 2, 8]).value; // 0.9572
 */
export function explainedVarianceScore(yTrue: NumberColumn, yPred: NumberColumn, options: { sampleWeight?: SampleWeight } = {}): MetricResult {
  const { yTrue: t, yPred: p, weight } = _regressionInputs('explainedVarianceScore', yTrue, yPred, options.sampleWeight);
  const diffMean = weightedMean(t.length, (i) => t[i] - p[i], weight);
  const num = weightedMean(t.length, (i) => (t[i] - p[i] - diffMean) ** 2, weight);
  const mean = weightedMean(t.length, (i) => t[i], weight);
  const den = weightedMean(t.length, (i) => (t[i] - mean) ** 2, weight);
  return _unlessAllWeightsZero(weight, 'Explained variance', 'explainedVariance', assemble(num, den, 'explainedVariance'));
}

/** scikit-learn's _assemble_r2_explained_variance with force_finite=True. */
export function _assembleR2(num: number, den: number): number {
  if (num === 0) return 1;
  if (den === 0) return 0;
  return 1 - num / den;
}

function assemble(num: number, den: number, metric: string): MetricResult {
  const warnings: MetricWarning[] = [];
  if (den === 0 && num !== 0)
    warnings.push(warning('undefined-metric', `${metric === 'r2' ? 'R²' : 'Explained variance'} is undefined for a constant yTrue; set to 0.0 as scikit-learn does.`, { metric }));
  return { value: _assembleR2(num, den), warnings };
}
