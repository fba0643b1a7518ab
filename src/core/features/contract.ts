/**
 * The shapes the preprocessing pipeline's steps share. A step learns from the training table in
 * `fit`, applies what it learned to any later table in `transform`, and round-trips through JSON
 * so a fitted pipeline can be saved with its model and rebuilt in another process.
 */
import type { ColumnTable } from 'arquero';

/** Which columns a step works on: names, or a rule resolved against the training table in fit. */
export type ColumnSelection = readonly string[] | ColumnSelector;

/** A rule for picking columns by type and/or name (all given conditions must hold). */
export interface ColumnSelector {
  /** Keep columns whose values are of this kind ('number' includes booleans only if asked). */
  dtype?: ColumnKind | readonly ColumnKind[];
  /** Keep columns whose name matches this regular expression (source text, e.g. '^income_'). */
  pattern?: string;
  /** Leave these columns out. */
  exclude?: readonly string[];
}

export type ColumnKind = 'number' | 'string' | 'boolean' | 'date';

/** A step as JSON: its type, parameters and (once fitted) what it learned. */
export interface StepJSON {
  type: string;
  name: string;
  params: Record<string, unknown>;
  state?: Record<string, unknown>;
}

/** One preprocessing step of a Pipeline. */
export interface FeatureStep {
  /** The registered type name, e.g. 'StandardScaler'. */
  readonly type: string;
  /** The step's name in its pipeline, used in parameter paths ('standardScaler.withMean'). */
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly fitted: boolean;
  /** Learns from the training table (only from it: this is what keeps test data out). */
  fit(table: ColumnTable): this;
  /** Applies what fit learned; the table keeps its other columns. */
  transform(table: ColumnTable): ColumnTable;
  /** An unfitted copy, with some parameters replaced. */
  clone(overrides?: Record<string, unknown>): FeatureStep;
  toJSON(): StepJSON;
}
