import type { EstimatorSpec } from '../models/contract';
import type { StepJSON } from './contract';
import { featuresMessage } from './messages';

/** What `pipeline.spec().params` holds: unfitted steps and the estimator's spec. */
export interface PipelineParams {
  steps: StepJSON[];
  estimator: EstimatorSpec | null;
}

/**
 * A pipeline spec with parameters replaced by path: `'estimator.C'` (or just `'C'`) for the
 * estimator, `'<stepName>.<option>'` for a step (e.g. `'standardScaler.withMean'`).
 *
 * @example
 * pipelineSpecWithParams(pipe.spec(), { C: 0.1, 'simpleImputer.strategy': 'median' })
 */
export function pipelineSpecWithParams(spec: EstimatorSpec, overrides: Record<string, unknown>): EstimatorSpec {
  const params = spec.params as unknown as PipelineParams;
  const steps = params.steps.map((s) => ({ ...s, params: { ...s.params }, state: undefined }));
  let estimator = params.estimator ? { ...params.estimator, params: { ...params.estimator.params } } : null;
  for (const [path, value] of Object.entries(overrides)) {
    const dot = path.indexOf('.');
    const head = dot < 0 ? 'estimator' : path.slice(0, dot);
    const key = dot < 0 ? path : path.slice(dot + 1);
    if (head === 'estimator') {
      if (!estimator) throw new RangeError(featuresMessage.paramForMissingEstimator(path));
      estimator = { ...estimator, params: { ...estimator.params, [key]: value } };
      continue;
    }
    const step = steps.find((s) => s.name === head);
    if (!step)
      throw new RangeError(
        featuresMessage.paramNoStep(
          path,
          head,
          steps.map((s) => s.name),
        ),
      );
    step.params[key] = value;
  }
  return { type: 'Pipeline', params: { steps, estimator } as unknown as Record<string, unknown> };
}
