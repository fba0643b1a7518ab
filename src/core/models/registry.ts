/**
 * Estimators by type name, so a trial, a run record or a saved pipeline can rebuild a model from
 * its `spec()` (or its `toJSON()`) in another process. Built-in linear and baseline (dummy)
 * models are registered here; other model families register themselves with `registerEstimator`.
 */
import type { Estimator, EstimatorSpec } from './contract';
import { DummyClassifier, type DummyClassifierParams } from './dummy/dummyClassifier';
import { DummyRegressor, type DummyRegressorParams } from './dummy/dummyRegressor';
import { LinearRegression } from './linear/linearRegression';
import { LogisticRegression } from './linear/logisticRegression';
import { Ridge } from './linear/ridge';
import { modelMessage } from './messages';

/** An estimator's parameters and, once fitted, its learned state, as plain JSON. */
export interface EstimatorJSON {
  type: string;
  params: Record<string, unknown>;
  /** Present when the estimator was fitted. */
  fitted?: Record<string, unknown>;
}

/** How to build an estimator type: from parameters, and (optionally) from saved JSON. */
export interface EstimatorFactory {
  create(params: Record<string, unknown>): Estimator;
  fromJSON?(json: EstimatorJSON): Estimator;
  /** Replaces parameters in a spec (for composite estimators with nested parameter paths). */
  withParams?(spec: EstimatorSpec, overrides: Record<string, unknown>): EstimatorSpec;
}

const factories = new Map<string, EstimatorFactory>();

/**
 * Registers an estimator type under `type` (the name its `spec().type` returns). Registering a
 * name again replaces the earlier factory.
 *
 * @example
 * registerEstimator('MLPClassifier', { create: (p) => new MLPClassifier(p) });
 */
export function registerEstimator(type: string, factory: EstimatorFactory): void {
  if (typeof type !== 'string' || type === '') throw new TypeError(modelMessage.registerBadType);
  if (typeof factory?.create !== 'function') throw new TypeError(modelMessage.registerNoFactory(type));
  factories.set(type, factory);
}

/**
 * A new, unfitted estimator from a spec (`{ type, params }`, what `estimator.spec()` returns).
 *
 * @example
 * const model = createEstimator({ type: 'LogisticRegression', params: { C: 0.1 } });
 */
export function createEstimator(spec: EstimatorSpec): Estimator {
  const factory = lookup(spec, 'createEstimator');
  return factory.create({ ...(spec.params ?? {}) });
}

/**
 * An estimator (fitted, when the JSON carries fitted state) from its `toJSON()` output.
 *
 * @example
 * const model = estimatorFromJSON(JSON.parse(saved));
 */
export function estimatorFromJSON(json: EstimatorJSON): Estimator {
  const factory = lookup(json, 'estimatorFromJSON');
  if (!factory.fromJSON) {
    if (json.fitted) throw new TypeError(modelMessage.restoreFitted(json.type));
    return factory.create({ ...(json.params ?? {}) });
  }
  return factory.fromJSON(json);
}

/**
 * The spec with some parameters replaced: plain names for simple estimators, nested paths such
 * as 'estimator.C' or 'standardScaler.withMean' for pipelines.
 *
 * @example
 * specWithParams({ type: 'Ridge', params: { alpha: 1 } }, { alpha: 10 }) // { type: 'Ridge', params: { alpha: 10 } }
 */
export function specWithParams(spec: EstimatorSpec, overrides: Record<string, unknown>): EstimatorSpec {
  const factory = lookup(spec, 'specWithParams');
  if (factory.withParams) return factory.withParams(spec, overrides);
  const dotted = Object.keys(overrides).find((k) => k.includes('.'));
  if (dotted) throw new RangeError(modelMessage.noNestedParams(spec.type, dotted));
  return { type: spec.type, params: { ...spec.params, ...overrides } };
}

/**
 * The registered estimator type names, sorted.
 *
 * @example
 * estimatorTypes() // ['LinearRegression', 'LogisticRegression', 'Pipeline', 'Ridge', …]
 */
export function estimatorTypes(): string[] {
  return [...factories.keys()].sort();
}

/**
 * An unfitted copy of an estimator: its own `clone()` when it has one, otherwise rebuilt from
 * its spec through the registry.
 *
 * @example
 * const fresh = cloneEstimator(model);
 */
export function cloneEstimator<E extends Estimator>(estimator: E): E {
  const c = (estimator as { clone?: () => E }).clone;
  if (typeof c === 'function') return c.call(estimator);
  return createEstimator(estimator.spec()) as E;
}

function lookup(spec: { type?: unknown } | undefined, where: string): EstimatorFactory {
  if (typeof spec !== 'object' || spec === null || typeof spec.type !== 'string') throw new TypeError(modelMessage.badSpec(where));
  const factory = factories.get(spec.type);
  if (!factory) throw new RangeError(modelMessage.unknownType(where, spec.type, estimatorTypes()));
  return factory;
}

registerEstimator('LogisticRegression', { create: (p) => new LogisticRegression(p), fromJSON: (j) => LogisticRegression.fromJSON(j) });
registerEstimator('LinearRegression', { create: (p) => new LinearRegression(p), fromJSON: (j) => LinearRegression.fromJSON(j) });
registerEstimator('Ridge', { create: (p) => new Ridge(p), fromJSON: (j) => Ridge.fromJSON(j) });
registerEstimator('DummyClassifier', { create: (p) => new DummyClassifier(p as DummyClassifierParams), fromJSON: (j) => DummyClassifier.fromJSON(j) });
registerEstimator('DummyRegressor', { create: (p) => new DummyRegressor(p as DummyRegressorParams), fromJSON: (j) => DummyRegressor.fromJSON(j) });
