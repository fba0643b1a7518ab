import { table as makeTable, type ColumnTable } from 'arquero';
import { MIME_BUNDLE } from '../../display/mimeBundle';
import { tableBundle } from '../../display/table';
import type { MimeBundle } from '../../notebook/contract';
import type { Model } from '../model';
import { formatNumber } from '../../text/number';

/** One candidate (parameter set) of a search, scored over the folds of one round. */
export interface CandidateResult {
  /** Position in the search's candidate list. */
  index: number;
  params: Record<string, unknown>;
  /** Successive-halving round (0 otherwise) and the rows each fold used in it. */
  round: number;
  nResources: number;
  /** Metric → test score per fold. */
  scores: Record<string, number[]>;
  mean: Record<string, number>;
  /** Population standard deviation (ddof 0), as sklearn's std_test_score. */
  std: Record<string, number>;
  /** Metric → training score per fold (with returnTrainScore). */
  trainScores?: Record<string, number[]>;
  meanFitMs: number;
  /** Rank by the search metric among the candidates of the same round (1 = best; ties share the lowest). */
  rank: number;
  errors: string[];
}

/**
 * The outcome of a hyperparameter search.
 *
 * @example
 * const search = await gridSearch(pipe, train, { label: 'species', paramGrid: { C: [0.1, 1, 10] } });
 * search.bestParams; search.bestScore; search.table(); search.bestEstimator;
 */
export class SearchResult<M extends Model = Model> {
  constructor(
    /** 'gridSearch', 'randomSearch' or 'halvingSearch'. */
    readonly search: string,
    /** The metric candidates are ranked by (the first of `scoring`). */
    readonly metric: string,
    readonly metrics: string[],
    readonly greaterIsBetter: boolean,
    readonly candidates: CandidateResult[],
    /** Index into `candidates` of the best one (in the last round, for halving). */
    readonly bestIndex: number,
    /** The best parameters refitted on all the data (undefined with refit: false). */
    readonly bestEstimator: M | undefined,
    readonly elapsedMs: number,
  ) {}

  get bestParams(): Record<string, unknown> {
    return { ...this.candidates[this.bestIndex].params };
  }

  /** The best candidate's mean score on the search metric. */
  get bestScore(): number {
    return this.candidates[this.bestIndex].mean[this.metric];
  }

  /**
   * One row per candidate (and round): rank, parameters (param_<name>), mean_/std_ per metric,
   * mean fit time; like sklearn's cv_results_.
   *
   * @example
   * result.table().orderby('rank').print()
   */
  table(): ColumnTable {
    const names = [...new Set(this.candidates.flatMap((c) => Object.keys(c.params)))].sort();
    const halving = this.candidates.some((c) => c.round > 0);
    const cols: Record<string, unknown[]> = { candidate: [], rank: [] };
    if (halving) Object.assign(cols, { round: [], nResources: [] });
    for (const n of names) cols[`param_${n}`] = [];
    for (const m of this.metrics) {
      cols[`mean_${m}`] = [];
      cols[`std_${m}`] = [];
    }
    cols.meanFitMs = [];
    cols.error = [];
    for (const c of this.candidates) {
      cols.candidate.push(c.index);
      cols.rank.push(c.rank);
      if (halving) {
        cols.round.push(c.round);
        cols.nResources.push(c.nResources);
      }
      for (const n of names) cols[`param_${n}`].push(cellValue(c.params[n]));
      for (const m of this.metrics) {
        cols[`mean_${m}`].push(c.mean[m]);
        cols[`std_${m}`].push(c.std[m]);
      }
      cols.meanFitMs.push(Math.round(c.meanFitMs * 10) / 10);
      cols.error.push(c.errors[0] ?? null);
    }
    return makeTable(cols);
  }

  toString(): string {
    return `${this.search}: best ${this.metric} ${fmt(this.bestScore)} with ${JSON.stringify(this.bestParams)} (${this.candidates.length} candidates, ${(this.elapsedMs / 1000).toFixed(1)} s)`;
  }

  [MIME_BUNDLE](): MimeBundle {
    const bundle = tableBundle(this.table().orderby('rank'));
    return { ...bundle, 'text/plain': `${this.toString()}\n${bundle['text/plain']}` };
  }
}

function cellValue(v: unknown): unknown {
  return v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v);
}

function fmt(v: number): string {
  return formatNumber(v, { fixed: 4 });
}
