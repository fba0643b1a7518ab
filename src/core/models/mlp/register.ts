// MLPs can be rebuilt from their spec (search trials, pipelines, run records) and, fitted, from
// their toJSON() (model packages, fit-run artifacts) like the linear models.
import { registerEstimator } from '../registry';
import { MLPClassifier } from './classifier';
import { MLPRegressor } from './regressor';
import type { MLPParams } from './params';

registerEstimator('MLPClassifier', { create: (p) => new MLPClassifier(p as Partial<MLPParams>), fromJSON: (j) => MLPClassifier.fromJSON(j) });
registerEstimator('MLPRegressor', { create: (p) => new MLPRegressor(p as Partial<MLPParams>), fromJSON: (j) => MLPRegressor.fromJSON(j) });
