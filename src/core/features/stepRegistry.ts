import type { FeatureStep, StepJSON } from './contract';
import { featuresMessage } from './messages';

/** Builds a step of one type from its parameters (name included) and restores fitted state. */
export type StepFactory = (json: StepJSON) => FeatureStep;

const factories = new Map<string, StepFactory>();

/**
 * Registers a step type so pipelines containing it can be rebuilt from JSON or from a spec.
 * Built-in steps register themselves.
 *
 * @example
 * registerStep('MyScaler', (json) => MyScaler.fromJSON(json));
 */
export function registerStep(type: string, factory: StepFactory): void {
  if (typeof type !== 'string' || !type) throw new TypeError(featuresMessage.registerBadType);
  if (typeof factory !== 'function') throw new TypeError(featuresMessage.registerBadFactory(type));
  factories.set(type, factory);
}

/**
 * A step (fitted when the JSON has state) from `step.toJSON()` output.
 *
 * @example
 * const scaler = stepFromJSON({ type: 'StandardScaler', name: 'scale', params: { columns: ['a'] } });
 */
export function stepFromJSON(json: StepJSON): FeatureStep {
  if (typeof json !== 'object' || json === null || typeof json.type !== 'string') throw new TypeError(featuresMessage.badStepJson);
  const factory = factories.get(json.type);
  if (!factory) throw new RangeError(featuresMessage.unknownStepType(json.type, [...factories.keys()].sort()));
  return factory(json);
}
