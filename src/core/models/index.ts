// Public API of src/core/models, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export * from './contract';

// Linear models, the baselines (dummy models) and the estimator registry.
export { LogisticRegression, type LogisticRegressionParams, type LinearFitOptions } from './linear/logisticRegression';
export { LinearRegression, type LinearRegressionParams } from './linear/linearRegression';
export { Ridge, type RidgeParams } from './linear/ridge';
export { DummyClassifier, type DummyClassifierParams, type DummyClassifierStrategy, type DummyFitOptions } from './dummy/dummyClassifier';
export { DummyRegressor, type DummyRegressorParams, type DummyRegressorStrategy } from './dummy/dummyRegressor';
export type { ClassWeight } from './linear/classWeight';
export { BaseEstimator } from './baseEstimator';
export { observeFit, type FitObserver, type FitSubject } from './fitObserver';
export { registerEstimator, createEstimator, estimatorFromJSON, estimatorTypes, cloneEstimator, specWithParams, type EstimatorJSON, type EstimatorFactory } from './registry';

// Neural networks (MLP estimators, the LayersModel wrapper) and the training-loop pieces they share.
export * from './mlp/index';
export * from './layers/index';
export * from '../training/index';
