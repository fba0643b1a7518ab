// MLPs can be rebuilt from their spec (search trials, pipelines, run records) like the linear models.
import { registerEstimator } from '../registry';
import { MLPClassifier } from './classifier';
import { MLPRegressor } from './regressor';
import type { MLPParams } from './params';

registerEstimator('MLPClassifier', { create: (p) => new MLPClassifier(p as Partial<MLPParams>) });
registerEstimator('MLPRegressor', { create: (p) => new MLPRegressor(p as Partial<MLPParams>) });
