/**
 * The trial contract between a search and whatever runs its trials. Everything here is plain
 * data (objects, arrays, typed arrays, no functions or class instances), so trials and results
 * cross a process boundary by structured clone: a multi-process executor sends the dataset once
 * per worker, then trials, and gets results back.
 */
import type { EstimatorSpec } from '../../models/contract';

/** A search's data in transferable form: feature columns (or a matrix) and the target. */
export interface TrialDataset {
  /** Trials name the dataset they run on by this id. */
  id: string;
  rows: number;
  features: { kind: 'table'; names: string[]; columns: ArrayLike<unknown>[] } | { kind: 'matrix'; cols: number; data: Float64Array };
  y: ArrayLike<unknown>;
}

/** One model fitted on one fold: self-contained and serialisable. */
export interface Trial {
  /** Unique within a search, e.g. 'r0-c3-f1' (round, candidate, fold). */
  id: string;
  candidate: number;
  fold: number;
  /** Successive-halving round (0 for grid and random search). */
  round: number;
  /** The model to build (registry type + parameters, this candidate's values applied). */
  spec: EstimatorSpec;
  /** This candidate's parameter values (as given to the search). */
  params: Record<string, unknown>;
  train: Int32Array;
  test: Int32Array;
  dataId: string;
  /** Registered scorer names. */
  scoring: string[];
  returnTrainScore: boolean;
}

/** What a trial produced. A failed trial has `error` and NaN scores (sklearn's error_score=nan). */
export interface TrialResult {
  id: string;
  candidate: number;
  fold: number;
  round: number;
  test: Record<string, number>;
  train?: Record<string, number>;
  fitMs: number;
  scoreMs: number;
  error?: string;
}

export interface RunTrialsOptions {
  /** Stops starting new trials (the search passes the cell's interrupt signal). */
  signal?: AbortSignal;
  /** Called as each trial finishes, in completion order (for live progress). */
  onResult?: (result: TrialResult) => void;
}

/**
 * Runs a search's trials. The in-process `SequentialExecutor` runs them one after another; a
 * multi-process executor may run several at once: results may arrive in any order.
 */
export interface TrialExecutor {
  run(trials: readonly Trial[], data: TrialDataset, options?: RunTrialsOptions): Promise<TrialResult[]>;
}
