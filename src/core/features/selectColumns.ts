import type { ColumnTable } from 'arquero';
import { ColumnStep, type ColumnState, type StepOptions } from './baseStep';
import { replaceColumns } from './columns';
import type { ColumnSelection } from './contract';
import { registerStep } from './stepRegistry';

interface Params {
  columns: ColumnSelection;
}

/**
 * Keeps only the selected columns (by name or by rule, e.g. numericColumns()), in the order
 * given for name lists.
 *
 * @example
 * new Pipeline({ steps: [new SelectColumns({ columns: ['bill_length_mm', 'island'] }), new OneHotEncoder()], estimator: new LogisticRegression() })
 */
export class SelectColumns extends ColumnStep<Params, ColumnState> {
  /**
   * @example
   * new SelectColumns({ columns: ['bill_length_mm', 'island'] })
   */
  constructor(options: StepOptions & { columns: ColumnSelection }) {
    super('SelectColumns', { columns: [] }, options);
  }

  protected learn(): Omit<ColumnState, 'columns'> {
    return {};
  }

  protected apply(table: ColumnTable, state: ColumnState): ColumnTable {
    return table.select(...state.columns).reify();
  }
}

/**
 * Drops the selected columns (by name or by rule).
 *
 * @example
 * new DropColumns({ columns: ['id', 'email'] }) // keep identifiers and PII out of the features
 */
export class DropColumns extends ColumnStep<Params, ColumnState> {
  /**
   * @example
   * new DropColumns({ columns: ['id', 'name'] })
   */
  constructor(options: StepOptions & { columns: ColumnSelection }) {
    super('DropColumns', { columns: [] }, options);
  }

  protected learn(): Omit<ColumnState, 'columns'> {
    return {};
  }

  protected apply(table: ColumnTable, state: ColumnState): ColumnTable {
    return replaceColumns(table, new Map(state.columns.map((c) => [c, []])), 'DropColumns.transform');
  }
}

registerStep('SelectColumns', (json) => new SelectColumns({ ...(json.params as unknown as Params), name: json.name }).restore(json.state));
registerStep('DropColumns', (json) => new DropColumns({ ...(json.params as unknown as Params), name: json.name }).restore(json.state));
