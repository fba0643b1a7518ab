import { weightStats } from '../weightStats';
import type { ModelSummary } from '../contract';
import type { MlpFitted } from './base';
import type { MLPParams } from './params';
import { countMlpParameters } from './weights';

/**
 * The summary of an MLP estimator: layers and parameter count (known before fitting), and once
 * fitted the weight statistics, backend and how training went (epochs, stop reason, final loss).
 *
 * @example
 * describeMlp('MLPClassifier', params, undefined).parameterCount // 0 until fitted
 */
export function describeMlp(type: string, params: MLPParams, fitted: MlpFitted | undefined): ModelSummary {
  const act = params.activation;
  if (!fitted) {
    const layers = params.hiddenLayerSizes.map((units, l) => ({ name: `hidden_${l + 1}`, kind: `Dense(${act})`, outputShape: [null, units], parameters: 0 }));
    return { type, parameterCount: 0, layers, extra: { fitted: false } };
  }
  const { weights, history } = fitted;
  const s = weights.sizes;
  const last = s.length - 2;
  const layers = s.slice(1).map((units, l) => ({
    name: l === last ? 'output' : `hidden_${l + 1}`,
    kind: `Dense(${l === last ? fitted.output : act})`,
    outputShape: [null, units],
    parameters: s[l] * units + units,
  }));
  const weightSummary = weights.coefs.flatMap((c, l) => [weightStats(`${layers[l].name}/kernel`, [s[l], s[l + 1]], c), weightStats(`${layers[l].name}/bias`, [s[l + 1]], weights.intercepts[l])]);
  const lastEpoch = history.epochs[history.epochs.length - 1];
  return {
    type,
    parameterCount: countMlpParameters(s),
    layers,
    weights: weightSummary,
    backend: history.backend,
    extra: {
      fitted: true,
      engine: fitted.engine,
      features: fitted.featureNames.length,
      epochs: history.epochs.length,
      stopReason: history.stopReason,
      bestEpoch: history.bestEpoch,
      finalLoss: lastEpoch?.loss ?? null,
      ...(lastEpoch?.valScore !== undefined ? { [`val${history.scoreName === 'r2' ? 'R2' : 'Accuracy'}`]: lastEpoch.valScore } : {}),
      batchSize: fitted.batchSize,
      steps: history.steps,
      seed: params.seed,
      trainingMs: Math.round(history.elapsedMs),
    },
  };
}
