import type { ColumnTable } from 'arquero';
import { ColumnStep, type ColumnState, type StepOptions } from './baseStep';
import { categoricalColumns, isMissing, readColumn, replaceColumns, type OutputColumn } from './columns';
import type { ColumnSelection } from './contract';
import { categoryIndex, learnCategories, type Category } from './categories';
import { registerStep } from './stepRegistry';
import { featuresMessage } from './messages';

export interface OrdinalEncoderOptions extends StepOptions {
  /** Unknown categories at transform: 'error' (default) or 'useEncodedValue' (→ unknownValue). */
  handleUnknown?: 'error' | 'useEncodedValue';
  /** The code for unknown categories with 'useEncodedValue'; null means NaN. Default null. */
  unknownValue?: number | null;
  /** Fixed categories (in code order) per column instead of the sorted ones seen in fit. */
  categories?: Readonly<Record<string, readonly Category[]>> | null;
}

interface Params {
  columns: ColumnSelection;
  handleUnknown: 'error' | 'useEncodedValue';
  unknownValue: number | null;
  categories: Readonly<Record<string, readonly Category[]>> | null;
}

interface State extends ColumnState {
  categories: Category[][];
  /** Per column: whether missing values are a known category (seen in fit, or null among the fixed categories). Absent in older saved steps: treated as true. */
  missingKnown?: boolean[];
}

/**
 * Replaces each category by its index among the sorted training categories, as scikit-learn's
 * OrdinalEncoder. Missing values stay missing (NaN) when they are a known category: seen in fit,
 * or null among the fixed `categories`. Otherwise a missing value is an unknown category, as in
 * scikit-learn 1.2: with handleUnknown 'useEncodedValue' it becomes unknownValue. With 'error'
 * it stays NaN rather than throwing as scikit-learn does (a deliberate difference: a missing
 * value is left for an imputer or a model that accepts NaN to deal with, not refused here).
 *
 * @example
 * new OrdinalEncoder({ columns: ['size'] }).fit(train).transform(test) // 'L', 'M', 'S' → 0, 1, 2
 */
export class OrdinalEncoder extends ColumnStep<Params, State> {
  /**
   * @example
   * new OrdinalEncoder({ columns: ['size'], categories: { size: ['S', 'M', 'L'] } })
   */
  constructor(options: OrdinalEncoderOptions = {}) {
    super('OrdinalEncoder', { columns: categoricalColumns(), handleUnknown: 'error', unknownValue: null, categories: null }, options);
    if (!['error', 'useEncodedValue'].includes(this.params.handleUnknown))
      throw new RangeError(featuresMessage.badChoice('OrdinalEncoder', 'handleUnknown', ['error', 'useEncodedValue'], this.params.handleUnknown));
  }

  protected learn(table: ColumnTable, columns: string[]): Omit<State, 'columns'> {
    const learned = columns.map((c) => {
      const fixed = this.params.categories?.[c];
      return fixed ? [...fixed] : learnCategories(readColumn(table, c), c, 'OrdinalEncoder.fit');
    });
    return { categories: learned.map((cats) => cats.filter((v) => !isMissing(v))), missingKnown: learned.map((cats) => cats.some(isMissing)) };
  }

  protected apply(table: ColumnTable, state: State): ColumnTable {
    const unknown = this.params.unknownValue ?? NaN;
    const out = new Map<string, OutputColumn[]>();
    state.columns.forEach((c, j) => {
      const values = readColumn(table, c);
      const index = categoryIndex(state.categories[j]);
      const missingCode = (state.missingKnown?.[j] ?? true) ? NaN : this.params.handleUnknown === 'useEncodedValue' ? unknown : NaN;
      const codes = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) {
        if (isMissing(values[i])) {
          codes[i] = missingCode;
          continue;
        }
        const k = index(values[i]);
        if (k >= 0) codes[i] = k;
        else if (this.params.handleUnknown === 'useEncodedValue') codes[i] = unknown;
        else throw new RangeError(featuresMessage.unseenValue('OrdinalEncoder', c, values[i], i, 'useEncodedValue'));
      }
      out.set(c, [{ name: c, values: codes }]);
    });
    return replaceColumns(table, out, 'OrdinalEncoder.transform');
  }
}

registerStep('OrdinalEncoder', (json) => new OrdinalEncoder({ ...(json.params as OrdinalEncoderOptions), name: json.name }).restore(json.state));
