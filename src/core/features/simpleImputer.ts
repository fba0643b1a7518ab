import type { ColumnTable } from 'arquero';
import { sortLabels } from '../models/labels';
import { ColumnStep, type ColumnState, type StepOptions } from './baseStep';
import { isMissing, kindOf, numericColumns, readColumn, replaceColumns, type OutputColumn } from './columns';
import type { ColumnSelection } from './contract';
import { meanAndVariance, percentileSorted, sortedFinite, toNumeric } from './numeric';
import { registerStep } from './stepRegistry';
import { featuresMessage } from './messages';

type Fill = number | string | boolean;

export interface SimpleImputerOptions extends StepOptions {
  /** 'mean' (default) and 'median' for numeric columns; 'mostFrequent' and 'constant' for any. */
  strategy?: 'mean' | 'median' | 'mostFrequent' | 'constant';
  /** The value for 'constant' (default 0 for numeric columns, 'missing_value' for text, as sklearn). */
  fillValue?: Fill | null;
}

interface Params {
  columns: ColumnSelection;
  strategy: NonNullable<SimpleImputerOptions['strategy']>;
  fillValue: Fill | null;
}

interface State extends ColumnState {
  fill: Fill[];
}

/**
 * Replaces missing values (null, undefined, NaN) with a statistic of the training column, as
 * scikit-learn's SimpleImputer. Default columns: numeric ones for mean/median, all for the others.
 *
 * @example
 * new SimpleImputer({ strategy: 'median' })                          // numeric columns
 * new SimpleImputer({ strategy: 'mostFrequent', columns: ['sex'] }) // any column
 */
export class SimpleImputer extends ColumnStep<Params, State> {
  /**
   * @example
   * new SimpleImputer({ columns: ['age', 'fare'], strategy: 'median' })
   * new SimpleImputer({ columns: ['embarked'], strategy: 'mostFrequent' })
   */
  constructor(options: SimpleImputerOptions = {}) {
    const strategy = options.strategy ?? 'mean';
    super('SimpleImputer', { columns: strategy === 'mean' || strategy === 'median' ? numericColumns() : {}, strategy, fillValue: null }, options);
    if (!['mean', 'median', 'mostFrequent', 'constant'].includes(this.params.strategy))
      throw new RangeError(featuresMessage.badChoice('SimpleImputer', 'strategy', ['mean', 'median', 'mostFrequent', 'constant'], this.params.strategy));
  }

  /** The learned fill value per fitted column. */
  get statistics(): Record<string, Fill> {
    return Object.fromEntries((this.state?.columns ?? []).map((c, j) => [c, this.state!.fill[j]]));
  }

  protected learn(table: ColumnTable, columns: string[]): Omit<State, 'columns'> {
    return { fill: columns.map((c) => this.learnColumn(readColumn(table, c), c)) };
  }

  protected apply(table: ColumnTable, state: State): ColumnTable {
    const out = new Map<string, OutputColumn[]>();
    state.columns.forEach((c, j) => {
      const values = readColumn(table, c);
      const fill = state.fill[j];
      if (typeof fill === 'number') {
        const v = toNumeric(values, c, 'SimpleImputer.transform');
        for (let i = 0; i < v.length; i++) if (Number.isNaN(v[i])) v[i] = fill;
        out.set(c, [{ name: c, values: v }]);
      } else {
        out.set(c, [{ name: c, values: Array.from(values, (v) => (isMissing(v) ? fill : v)) }]);
      }
    });
    return replaceColumns(table, out, 'SimpleImputer.transform');
  }

  private learnColumn(values: ArrayLike<unknown>, column: string): Fill {
    const { strategy, fillValue } = this.params;
    const kind = kindOf(values);
    if (kind === 'mixed') throw new TypeError(featuresMessage.columnMixed('SimpleImputer', column));
    if (strategy === 'constant') return fillValue ?? (kind === 'string' ? 'missing_value' : 0);
    if (kind === 'empty') throw new RangeError(featuresMessage.columnAllMissing('SimpleImputer', column, strategy));
    if (strategy === 'mostFrequent') return mostFrequent(values);
    if (kind !== 'number' && kind !== 'boolean') throw new TypeError(featuresMessage.strategyNeedsNumbers('SimpleImputer', strategy, column, kind));
    const v = toNumeric(values, column, 'SimpleImputer.fit');
    if (strategy === 'mean') return meanAndVariance(v).mean;
    return percentileSorted(sortedFinite(v), 50);
  }
}

/** The most frequent non-missing value; ties go to the smallest (as sklearn). */
function mostFrequent(values: ArrayLike<unknown>): Fill {
  const counts = new Map<Fill, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isMissing(v)) counts.set(v as Fill, (counts.get(v as Fill) ?? 0) + 1);
  }
  const best = Math.max(...counts.values());
  return sortLabels([...counts].filter(([, n]) => n === best).map(([v]) => v))[0];
}

registerStep('SimpleImputer', (json) => new SimpleImputer({ ...(json.params as SimpleImputerOptions), name: json.name }).restore(json.state));
