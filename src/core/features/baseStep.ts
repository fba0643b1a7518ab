import type { ColumnTable } from 'arquero';
import { resolveColumns, requireColumns } from './columns';
import type { ColumnSelection, FeatureStep, StepJSON } from './contract';
import { stepFromJSON } from './stepRegistry';
import { featuresMessage } from './messages';
import { noteStepFit } from './stepFitObserver';

/** Parameters every column step takes. */
export interface StepOptions {
  /** The columns to work on (names or a selector); each step has a sensible default. */
  columns?: ColumnSelection;
  /** The step's name in its pipeline (default: its type in camelCase). */
  name?: string;
}

/** What every fitted column step remembers: the columns it resolved in fit. */
export interface ColumnState {
  columns: string[];
}

/**
 * A step over a set of columns: resolves the selection against the training table in fit,
 * learns its state from those columns only, and serialises parameters and state as JSON.
 */
export abstract class ColumnStep<P extends { columns: ColumnSelection }, S extends ColumnState> implements FeatureStep {
  readonly name: string;
  readonly params: Readonly<P>;
  protected state: S | undefined;

  protected constructor(
    readonly type: string,
    defaults: P,
    options: Partial<P> & { name?: string },
  ) {
    const { name, ...rest } = options ?? {};
    const params = { ...defaults } as Record<string, unknown>;
    for (const [k, v] of Object.entries(rest)) {
      if (!(k in defaults)) throw new RangeError(featuresMessage.unknownOption(type, k, ['name', ...Object.keys(defaults)]));
      if (v !== undefined) params[k] = v;
    }
    if (name !== undefined && (typeof name !== 'string' || !name || name.includes('.'))) throw new TypeError(featuresMessage.badStepName(type, name));
    this.name = name ?? type[0].toLowerCase() + type.slice(1);
    this.params = Object.freeze(params as P);
  }

  get fitted(): boolean {
    return this.state !== undefined;
  }

  /** The columns resolved in fit (empty before). */
  get columns(): string[] {
    return this.state ? [...this.state.columns] : [];
  }

  fit(table: ColumnTable): this {
    const columns = resolveColumns(table, this.params.columns, `${this.type}.fit`);
    this.state = { ...this.learn(table, columns), columns } as S;
    noteStepFit(this, table);
    return this;
  }

  transform(table: ColumnTable): ColumnTable {
    if (!this.state) throw new Error(featuresMessage.stepNotFitted(`${this.type}.transform`));
    requireColumns(table, this.state.columns, `${this.type}.transform`);
    return this.apply(table, this.state);
  }

  /** fit then transform on the same table. */
  fitTransform(table: ColumnTable): ColumnTable {
    return this.fit(table).transform(table);
  }

  clone(overrides: Record<string, unknown> = {}): FeatureStep {
    return stepFromJSON({ type: this.type, name: this.name, params: { ...this.params, ...overrides } });
  }

  toJSON(): StepJSON {
    return {
      type: this.type,
      name: this.name,
      params: { ...this.params } as Record<string, unknown>,
      state: this.state ? (JSON.parse(JSON.stringify(this.state)) as Record<string, unknown>) : undefined,
    };
  }

  /** Restores state saved by toJSON (used by the step registry). */
  restore(state: Record<string, unknown> | undefined): this {
    this.state = state as S | undefined;
    return this;
  }

  /** Learns the step's state from the resolved columns of the training table. */
  protected abstract learn(table: ColumnTable, columns: string[]): Omit<S, 'columns'>;
  /** Applies the fitted state to a table that has the fitted columns. */
  protected abstract apply(table: ColumnTable, state: S): ColumnTable;
}
