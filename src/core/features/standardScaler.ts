import type { ColumnTable } from 'arquero';
import { ColumnStep, type ColumnState, type StepOptions } from './baseStep';
import { numericColumns, readColumn, replaceColumns, type OutputColumn } from './columns';
import type { ColumnSelection } from './contract';
import { meanAndVariance, toNumeric } from './numeric';
import { registerStep } from './stepRegistry';
import { featuresMessage } from './messages';

export interface StandardScalerOptions extends StepOptions {
  /** Subtract the training mean. Default true. */
  withMean?: boolean;
  /** Divide by the training standard deviation (population, ddof 0). Default true. */
  withStd?: boolean;
}

interface Params {
  columns: ColumnSelection;
  withMean: boolean;
  withStd: boolean;
}

interface State extends ColumnState {
  mean: number[];
  scale: number[];
}

const EPS = 2.220446049250313e-16;

/**
 * Standardises numeric columns to zero mean and unit variance with the training statistics, as
 * scikit-learn's StandardScaler (constant columns keep scale 1; missing values pass through).
 *
 * @example
 * const scaled = new StandardScaler().fit(train).transform(test); // mean and sd from train only
 */
export class StandardScaler extends ColumnStep<Params, State> {
  /**
   * @example
   * new StandardScaler()                                  // every numeric column
   * new StandardScaler({ columns: ['age'], withMean: false })
   */
  constructor(options: StandardScalerOptions = {}) {
    super('StandardScaler', { columns: numericColumns(), withMean: true, withStd: true }, options);
  }

  /** The learned means and scales per fitted column. */
  get statistics(): Record<string, { mean: number; scale: number }> {
    return Object.fromEntries((this.state?.columns ?? []).map((c, j) => [c, { mean: this.state!.mean[j], scale: this.state!.scale[j] }]));
  }

  protected learn(table: ColumnTable, columns: string[]): Omit<State, 'columns'> {
    const mean: number[] = [];
    const scale: number[] = [];
    for (const c of columns) {
      const s = meanAndVariance(toNumeric(readColumn(table, c), c, 'StandardScaler.fit'));
      if (s.count === 0) throw new RangeError(featuresMessage.columnEmpty('StandardScaler', c));
      // sklearn's test for a constant column: a variance within rounding error of 0.
      const constant = s.variance <= s.count * EPS * s.variance + (s.count * s.mean * EPS) ** 2;
      mean.push(this.params.withMean ? s.mean : 0);
      scale.push(this.params.withStd && !constant ? Math.sqrt(s.variance) : 1);
    }
    return { mean, scale };
  }

  protected apply(table: ColumnTable, state: State): ColumnTable {
    const out = new Map<string, OutputColumn[]>();
    state.columns.forEach((c, j) => {
      const v = toNumeric(readColumn(table, c), c, 'StandardScaler.transform');
      const m = state.mean[j];
      const s = state.scale[j];
      for (let i = 0; i < v.length; i++) v[i] = (v[i] - m) / s;
      out.set(c, [{ name: c, values: v }]);
    });
    return replaceColumns(table, out, 'StandardScaler.transform');
  }
}

registerStep('StandardScaler', (json) => new StandardScaler({ ...(json.params as StandardScalerOptions), name: json.name }).restore(json.state));
