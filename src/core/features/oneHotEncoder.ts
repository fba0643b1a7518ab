import type { ColumnTable } from 'arquero';
import { ColumnStep, type ColumnState, type StepOptions } from './baseStep';
import { categoricalColumns, readColumn, replaceColumns, type OutputColumn } from './columns';
import type { ColumnSelection } from './contract';
import { categoryIndex, categoryText, learnCategories, type Category } from './categories';
import { registerStep } from './stepRegistry';
import { featuresMessage } from './messages';

export interface OneHotEncoderOptions extends StepOptions {
  /** Unknown categories at transform: 'error' (default) or 'ignore' (all-zero row). */
  handleUnknown?: 'error' | 'ignore';
  /** Drop a category per column: null (default), 'first', or 'ifBinary' (only for 2 categories). */
  drop?: 'first' | 'ifBinary' | null;
  /** Fixed categories per column instead of those seen in fit. */
  categories?: Readonly<Record<string, readonly Category[]>> | null;
}

interface Params {
  columns: ColumnSelection;
  handleUnknown: 'error' | 'ignore';
  drop: 'first' | 'ifBinary' | null;
  categories: Readonly<Record<string, readonly Category[]>> | null;
}

interface State extends ColumnState {
  categories: Category[][];
  /** Index of the dropped category per column, −1 for none. */
  dropped: number[];
}

/**
 * One 0/1 column per category (named `column_category`), as scikit-learn's OneHotEncoder;
 * categories sorted, missing values their own category ('column_null').
 *
 * @example
 * new OneHotEncoder({ columns: ['island', 'sex'] }).fit(train).transform(test).columnNames() // [..., 'island_Biscoe', ...]
 */
export class OneHotEncoder extends ColumnStep<Params, State> {
  /**
   * @example
   * new OneHotEncoder({ columns: ['island', 'sex'], handleUnknown: 'ignore' })
   */
  constructor(options: OneHotEncoderOptions = {}) {
    super('OneHotEncoder', { columns: categoricalColumns(), handleUnknown: 'error', drop: null, categories: null }, options);
    if (!['error', 'ignore'].includes(this.params.handleUnknown)) throw new RangeError(featuresMessage.badChoice('OneHotEncoder', 'handleUnknown', ['error', 'ignore'], this.params.handleUnknown));
    if (![null, 'first', 'ifBinary'].includes(this.params.drop)) throw new RangeError(featuresMessage.badChoice('OneHotEncoder', 'drop', [null, 'first', 'ifBinary'], this.params.drop));
  }

  /** The fitted categories per column. */
  get categories(): Record<string, Category[]> {
    return Object.fromEntries((this.state?.columns ?? []).map((c, j) => [c, [...this.state!.categories[j]]]));
  }

  protected learn(table: ColumnTable, columns: string[]): Omit<State, 'columns'> {
    const categories = columns.map((c) => {
      const fixed = this.params.categories?.[c];
      return fixed ? [...fixed] : learnCategories(readColumn(table, c), c, 'OneHotEncoder.fit');
    });
    const dropped = categories.map((cats) => (this.params.drop === 'first' || (this.params.drop === 'ifBinary' && cats.length === 2) ? 0 : -1));
    return { categories, dropped };
  }

  protected apply(table: ColumnTable, state: State): ColumnTable {
    const out = new Map<string, OutputColumn[]>();
    state.columns.forEach((c, j) => {
      const values = readColumn(table, c);
      const cats = state.categories[j];
      const index = categoryIndex(cats);
      const columns = cats.map(() => new Float64Array(values.length));
      for (let i = 0; i < values.length; i++) {
        const k = index(values[i]);
        if (k >= 0) columns[k][i] = 1;
        else if (this.params.handleUnknown === 'error') {
          throw new RangeError(featuresMessage.unseenValue('OneHotEncoder', c, values[i], i, 'ignore', cats));
        }
      }
      out.set(
        c,
        cats.map((cat, k) => ({ name: `${c}_${categoryText(cat)}`, values: columns[k] })).filter((_, k) => k !== state.dropped[j]),
      );
    });
    return replaceColumns(table, out, 'OneHotEncoder.transform');
  }
}

registerStep('OneHotEncoder', (json) => new OneHotEncoder({ ...(json.params as OneHotEncoderOptions), name: json.name }).restore(json.state));
