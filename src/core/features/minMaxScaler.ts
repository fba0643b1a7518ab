import type { ColumnTable } from 'arquero';
import { ColumnStep, type ColumnState, type StepOptions } from './baseStep';
import { numericColumns, readColumn, replaceColumns, type OutputColumn } from './columns';
import type { ColumnSelection } from './contract';
import { toNumeric } from './numeric';
import { registerStep } from './stepRegistry';
import { featuresMessage } from './messages';

export interface MinMaxScalerOptions extends StepOptions {
  /** The output range. Default [0, 1]. */
  featureRange?: readonly [number, number];
  /** Clip transformed values into featureRange (values outside the training range). Default false. */
  clip?: boolean;
}

interface Params {
  columns: ColumnSelection;
  featureRange: readonly [number, number];
  clip: boolean;
}

interface State extends ColumnState {
  dataMin: number[];
  dataMax: number[];
  scale: number[];
  min: number[];
}

const EPS = 2.220446049250313e-16;

/**
 * Scales numeric columns linearly so the training min and max map to featureRange, as
 * scikit-learn's MinMaxScaler (x·scale + min; constant columns keep scale 1).
 *
 * @example
 * new MinMaxScaler({ columns: ['age', 'income'] }).fit(train).transform(test)
 */
export class MinMaxScaler extends ColumnStep<Params, State> {
  /**
   * @example
   * new MinMaxScaler({ columns: ['age'], featureRange: [-1, 1] })
   */
  constructor(options: MinMaxScalerOptions = {}) {
    super('MinMaxScaler', { columns: numericColumns(), featureRange: [0, 1], clip: false }, options);
    const [lo, hi] = this.params.featureRange;
    if (!(lo < hi)) throw new RangeError(featuresMessage.badFeatureRange('MinMaxScaler', lo, hi));
  }

  protected learn(table: ColumnTable, columns: string[]): Omit<State, 'columns'> {
    const [lo, hi] = this.params.featureRange;
    const s: Omit<State, 'columns'> = { dataMin: [], dataMax: [], scale: [], min: [] };
    for (const c of columns) {
      const v = toNumeric(readColumn(table, c), c, 'MinMaxScaler.fit');
      let min = Infinity;
      let max = -Infinity;
      for (const x of v) {
        if (Number.isNaN(x)) continue;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      if (min === Infinity) throw new RangeError(featuresMessage.columnEmpty('MinMaxScaler', c));
      const range = max - min;
      const scale = (hi - lo) / (range < 10 * EPS ? 1 : range);
      s.dataMin.push(min);
      s.dataMax.push(max);
      s.scale.push(scale);
      s.min.push(lo - min * scale);
    }
    return s;
  }

  protected apply(table: ColumnTable, state: State): ColumnTable {
    const [lo, hi] = this.params.featureRange;
    const out = new Map<string, OutputColumn[]>();
    state.columns.forEach((c, j) => {
      const v = toNumeric(readColumn(table, c), c, 'MinMaxScaler.transform');
      const scale = state.scale[j];
      const min = state.min[j];
      for (let i = 0; i < v.length; i++) {
        let x = v[i] * scale + min;
        if (this.params.clip) x = Math.min(hi, Math.max(lo, x));
        v[i] = x;
      }
      out.set(c, [{ name: c, values: v }]);
    });
    return replaceColumns(table, out, 'MinMaxScaler.transform');
  }
}

registerStep('MinMaxScaler', (json) => new MinMaxScaler({ ...(json.params as MinMaxScalerOptions), name: json.name }).restore(json.state));
