import { MIME_BUNDLE } from '../../display/mimeBundle';
import { formatNumber } from '../../text/number';
import type { MimeBundle } from '../../notebook/contract';
import type { EstimatorSpec, Features, ModelSummary, Regressor, Target } from '../contract';
import type { EstimatorJSON } from '../registry';
import { observeFit } from '../fitObserver';
import { splitFitInput, type TargetOrLabel } from '../featureInput';
import { unfittedBundle } from '../linear/describeLinear';
import { withDefaults } from '../linear/params';
import { toNumericTarget, toSampleWeight } from '../linear/target';
import { modelMessage } from '../messages';
import type { DummyFitOptions } from './dummyClassifier';
import { percentile, weightedPercentile } from './percentile';
import { countRows } from './rows';

export type DummyRegressorStrategy = 'mean' | 'median' | 'quantile' | 'constant';

/** Constructor parameters, named and defaulted as scikit-learn's DummyRegressor. */
export interface DummyRegressorParams {
  /** 'mean' (default), 'median', 'quantile' (of `quantile`) or 'constant' (of `constant`) of the training target. */
  strategy?: DummyRegressorStrategy;
  /** The value 'constant' always predicts. */
  constant?: number | null;
  /** The quantile in [0, 1] that 'quantile' predicts (0.5 is the median). */
  quantile?: number | null;
}

const STRATEGIES: readonly DummyRegressorStrategy[] = ['mean', 'median', 'quantile', 'constant'];
const DEFAULTS = { strategy: 'mean' as DummyRegressorStrategy, constant: null as number | null, quantile: null as number | null };
const WHERE = 'DummyRegressor';

/**
 * A baseline regressor that ignores the features and predicts one number, as scikit-learn's
 * DummyRegressor: the R² and errors a model must beat.
 *
 * @example
 * const base = await new DummyRegressor({ strategy: 'median' }).fit(train, 'price');
 * await base.predict(test); // the training median on every row
 */
export class DummyRegressor implements Regressor {
  readonly kind = 'regressor' as const;
  readonly params: Readonly<typeof DEFAULTS>;
  /** The value predicted for every row (sklearn `constant_`); undefined until fitted. */
  value: number | undefined;

  /**
   * @example
   * new DummyRegressor({ strategy: 'quantile', quantile: 0.9 })
   */
  constructor(params: DummyRegressorParams = {}) {
    this.params = Object.freeze(checkParams(withDefaults(DEFAULTS, params, WHERE)));
  }

  spec(): EstimatorSpec {
    return { type: WHERE, params: { ...this.params } };
  }

  /** An unfitted copy with the same parameters. */
  clone(): DummyRegressor {
    return new DummyRegressor(this.params);
  }

  /**
   * Learns the one value to predict from `y` (or the target column named `y` of the table `x`),
   * weighted by `options.sampleWeight` when given.
   *
   * @example
   * await new DummyRegressor().fit([[0], [0], [0]], [1, 2, 6]); // value 3
   */
  async fit(features: Features, label: TargetOrLabel, options: DummyFitOptions = {}): Promise<this> {
    const { x, y } = splitFitInput(features, label, `${WHERE}.fit`);
    // The table as given (label included, like a Pipeline's fit): a run on a split part keeps its lineage.
    return observeFit(this, features, options, async () => this.fitUnobserved(x, y, options));
  }

  private fitUnobserved(x: Features, y: Target, options: DummyFitOptions): this {
    const where = `${WHERE}.fit`;
    const rows = countRows(x, where);
    const target = toNumericTarget(y, rows, where);
    if (rows === 0) throw new RangeError(modelMessage.dummyNoRows(where));
    const sw = options.sampleWeight === undefined ? undefined : toSampleWeight(options.sampleWeight, rows, where);
    const p = this.params;
    if (p.strategy === 'constant') this.value = p.constant!;
    else if (p.strategy === 'mean') this.value = weightedMean(target, sw);
    else {
      const q = p.strategy === 'median' ? 50 : p.quantile! * 100;
      this.value = sw ? weightedPercentile(target, sw, q) : percentile(target, q);
    }
    return this;
  }

  /**
   * The fitted value on every row.
   *
   * @example
   * await model.predict([[5], [9]]) // Float64Array [3, 3]
   */
  async predict(x: Features): Promise<Float64Array> {
    const rows = countRows(x, `${WHERE}.predict`);
    if (this.value === undefined) throw new Error(modelMessage.notFitted(`${WHERE}.predict`));
    return new Float64Array(rows).fill(this.value);
  }

  /**
   * The coefficient of determination R² on (x, y), as sklearn's `score` (0 for 'mean' on its own
   * training data); `y` may name the target column of `x`.
   *
   * @example
   * await model.score(xTest, yTest) // -0.01
   */
  async score(features: Features, label: TargetOrLabel): Promise<number> {
    const { x, y } = splitFitInput(features, label, `${WHERE}.score`);
    const pred = await this.predict(x);
    const t = toNumericTarget(y, pred.length, `${WHERE}.score`);
    const mean = weightedMean(t, undefined);
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < t.length; i++) {
      ssRes += (t[i] - pred[i]) ** 2;
      ssTot += (t[i] - mean) ** 2;
    }
    // sklearn's convention for a constant target: 1 for a perfect fit, else 0.
    if (ssTot === 0) return ssRes === 0 ? 1 : 0;
    return 1 - ssRes / ssTot;
  }

  summary(): ModelSummary {
    return { type: WHERE, parameterCount: 1, extra: { strategy: this.params.strategy, value: this.value ?? null } };
  }

  /** The parameters and the fitted value, as JSON (see `DummyRegressor.fromJSON`). */
  toJSON(): EstimatorJSON {
    return { type: WHERE, params: { ...this.params }, fitted: this.value === undefined ? undefined : { value: this.value } };
  }

  /**
   * Rebuilds a model (fitted if the JSON has fitted state) from `toJSON()` output.
   *
   * @example
   * const again = DummyRegressor.fromJSON(JSON.parse(JSON.stringify(model)));
   */
  static fromJSON(json: EstimatorJSON): DummyRegressor {
    if (json?.type !== WHERE) throw new TypeError(modelMessage.restoreWrongType(WHERE, json?.type));
    const m = new DummyRegressor(json.params as DummyRegressorParams);
    const f = json.fitted as { value?: unknown } | undefined;
    if (f) {
      if (typeof f.value !== 'number' || !Number.isFinite(f.value)) throw new TypeError(modelMessage.restoreBadState(WHERE));
      m.value = f.value;
    }
    return m;
  }

  [MIME_BUNDLE](): MimeBundle {
    if (this.value === undefined) return unfittedBundle(WHERE, this.params);
    return { 'text/plain': `DummyRegressor(strategy=${JSON.stringify(this.params.strategy)}) · predicts ${formatNumber(this.value, { digits: 6 })}` };
  }
}

/** np.average(values, weights=weights). */
function weightedMean(values: Float64Array, weights: Float64Array | undefined): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i] : 1;
    sum += w * values[i];
    total += w;
  }
  if (!(total > 0)) throw new RangeError(modelMessage.sampleWeightZero);
  return sum / total;
}

function checkParams(p: typeof DEFAULTS): typeof DEFAULTS {
  if (!STRATEGIES.includes(p.strategy)) throw new RangeError(modelMessage.badParam(WHERE, 'strategy', STRATEGIES.map((s) => `'${s}'`).join(', '), p.strategy));
  if (p.strategy === 'constant' && !(typeof p.constant === 'number' && Number.isFinite(p.constant)))
    throw new TypeError(modelMessage.badParam(WHERE, 'constant', 'a finite number', p.constant, "strategy 'constant' predicts it for every row"));
  if (p.strategy === 'quantile' && !(typeof p.quantile === 'number' && p.quantile >= 0 && p.quantile <= 1))
    throw new RangeError(modelMessage.badParam(WHERE, 'quantile', 'a number in [0, 1]', p.quantile, "strategy 'quantile' predicts that quantile of the training target"));
  return p;
}
