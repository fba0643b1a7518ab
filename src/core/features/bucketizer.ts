import { checkInteger } from '../args/checkInteger';
import type { ColumnTable } from 'arquero';
import { ColumnStep, type ColumnState, type StepOptions } from './baseStep';
import { numericColumns, readColumn, replaceColumns, type OutputColumn } from './columns';
import type { ColumnSelection } from './contract';
import { linspace, percentileSorted, sortedFinite, toNumeric } from './numeric';
import { registerStep } from './stepRegistry';
import { featuresMessage } from './messages';

export interface BucketizerOptions extends StepOptions {
  /** Fixed cut points (sorted): for all columns, or per column. Overrides bins/strategy. */
  edges?: readonly number[] | Readonly<Record<string, readonly number[]>> | null;
  /** Number of bins learned from the training data. Default 5. */
  bins?: number;
  /** 'quantile' (equal counts, default) or 'uniform' (equal widths), as KBinsDiscretizer. */
  strategy?: 'quantile' | 'uniform';
  /** 'ordinal' (one column of bin indices, default) or 'onehot' (one 0/1 column per bin). */
  encode?: 'ordinal' | 'onehot';
}

interface Params {
  columns: ColumnSelection;
  edges: readonly number[] | Readonly<Record<string, readonly number[]>> | null;
  bins: number;
  strategy: 'quantile' | 'uniform';
  encode: 'ordinal' | 'onehot';
}

interface State extends ColumnState {
  /** Interior cut points per column: a value goes to bin = number of cut points ≤ value. */
  cuts: number[][];
}

/**
 * Bins numeric columns into buckets, at fixed cut points or at training quantiles / uniform
 * widths (scikit-learn's KBinsDiscretizer semantics: bin = searchsorted(cuts, x, 'right')).
 * Missing values stay missing (NaN, or all zeros with onehot).
 *
 * @example
 * new Bucketizer({ columns: ['age'], edges: [18, 30, 50, 65] })        // fixed cut points
 * new Bucketizer({ columns: ['income'], bins: 4, encode: 'onehot' })   // quartiles learned from train
 */
export class Bucketizer extends ColumnStep<Params, State> {
  /**
   * @example
   * new Bucketizer({ columns: ['age'], edges: [18, 35, 65] })          // 4 buckets
   * new Bucketizer({ columns: ['income'], bins: 4, strategy: 'quantile' })
   */
  constructor(options: BucketizerOptions = {}) {
    super('Bucketizer', { columns: numericColumns(), edges: null, bins: 5, strategy: 'quantile', encode: 'ordinal' }, options);
    const p = this.params;
    checkInteger('Bucketizer', 'bins', p.bins, 2);
    if (!['quantile', 'uniform'].includes(p.strategy)) throw new RangeError(featuresMessage.badChoice('Bucketizer', 'strategy', ['quantile', 'uniform'], p.strategy));
    if (!['ordinal', 'onehot'].includes(p.encode)) throw new RangeError(featuresMessage.badChoice('Bucketizer', 'encode', ['ordinal', 'onehot'], p.encode));
  }

  /** The learned cut points per fitted column. */
  get cuts(): Record<string, number[]> {
    return Object.fromEntries((this.state?.columns ?? []).map((c, j) => [c, [...this.state!.cuts[j]]]));
  }

  protected learn(table: ColumnTable, columns: string[]): Omit<State, 'columns'> {
    return { cuts: columns.map((c) => this.learnCuts(toNumeric(readColumn(table, c), c, 'Bucketizer.fit'), c)) };
  }

  protected apply(table: ColumnTable, state: State): ColumnTable {
    const out = new Map<string, OutputColumn[]>();
    state.columns.forEach((c, j) => {
      const v = toNumeric(readColumn(table, c), c, 'Bucketizer.transform');
      const cuts = state.cuts[j];
      const bins = new Float64Array(v.length);
      for (let i = 0; i < v.length; i++) bins[i] = Number.isNaN(v[i]) ? NaN : searchRight(cuts, v[i]);
      if (this.params.encode === 'ordinal') {
        out.set(c, [{ name: c, values: bins }]);
        return;
      }
      const cols = Array.from({ length: cuts.length + 1 }, () => new Float64Array(v.length));
      for (let i = 0; i < v.length; i++) if (!Number.isNaN(bins[i])) cols[bins[i]][i] = 1;
      out.set(
        c,
        cols.map((values, k) => ({ name: `${c}_${k}`, values })),
      );
    });
    return replaceColumns(table, out, 'Bucketizer.transform');
  }

  private learnCuts(v: Float64Array, column: string): number[] {
    const fixed = this.params.edges;
    if (fixed) {
      const cuts = Array.isArray(fixed) ? fixed : (fixed as Record<string, readonly number[]>)[column];
      if (!cuts) throw new RangeError(featuresMessage.noEdges('Bucketizer', column));
      for (let k = 1; k < cuts.length; k++) if (!(cuts[k] > cuts[k - 1])) throw new RangeError(featuresMessage.edgesNotIncreasing('Bucketizer', column, cuts));
      return [...cuts];
    }
    const sorted = sortedFinite(v);
    if (sorted.length === 0) throw new RangeError(featuresMessage.columnEmpty('Bucketizer', column));
    const n = this.params.bins;
    let edges = this.params.strategy === 'uniform' ? linspace(sorted[0], sorted[sorted.length - 1], n + 1) : linspace(0, 100, n + 1).map((q) => percentileSorted(sorted, q));
    // Like KBinsDiscretizer: bins narrower than 1e-8 (repeated quantiles) are merged.
    edges = edges.filter((e, k) => k === 0 || e - edges[k - 1] > 1e-8);
    return edges.slice(1, -1);
  }
}

/** The number of cut points ≤ x (np.searchsorted side='right'). */
function searchRight(cuts: readonly number[], x: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

registerStep('Bucketizer', (json) => new Bucketizer({ ...(json.params as BucketizerOptions), name: json.name }).restore(json.state));
