import type { PredictionSet } from '../review/contract';
import type { RunRecord } from '../runs/contract';
import type { CheckpointContext } from './contract';

/**
 * What a check can read beyond the run records themselves: the tables runs used, which only the
 * kernel holds (to count shared rows when split lineage cannot tell), and the per-row predictions an
 * evaluation kept beside its record (the same after a kernel restart). Each answers undefined when it
 * does not know.
 */
export interface CheckpointKernelFacts {
  /** Rows of `testRun`'s test data that are also in the data `fitRun` was fitted on (compared on their shared columns). */
  sharedRows(fitRun: string, testRun: string): { rows: number; testRows: number } | undefined;
  /** The predictions an evaluation run kept (`.modelbook/runs/<id>.predictions`), if any. */
  predictions(evaluation: RunRecord): PredictionSet | undefined;
}

/** A check's context as the kernel passes it: the contract's, plus what the kernel and the records' files hold. */
export interface KernelCheckpointContext extends CheckpointContext {
  kernel?: CheckpointKernelFacts;
}

/**
 * The kernel's facts of a check's context, if it came from a kernel.
 *
 * @example
 * kernelFacts(ctx)?.predictions(run)?.slices
 */
export function kernelFacts(ctx: CheckpointContext): CheckpointKernelFacts | undefined {
  return (ctx as KernelCheckpointContext).kernel;
}
