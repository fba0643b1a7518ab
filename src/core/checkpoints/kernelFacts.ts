import type { EvaluationView } from '../evaluation/contract';
import type { CheckpointContext } from './contract';

/**
 * What the kernel knows that run records do not keep: the tables runs used (to count shared rows
 * exactly) and each evaluation's whole view (its slices). Each answers undefined when it no longer knows.
 */
export interface CheckpointKernelFacts {
  /** Rows of `testRun`'s test data that are also in the data `fitRun` was fitted on (compared on their shared columns). */
  sharedRows(fitRun: string, testRun: string): { rows: number; testRows: number } | undefined;
  /** The evaluation view an evaluation run recorded. */
  evaluationView(runId: string): EvaluationView | undefined;
}

/** A check's context as the kernel passes it: the contract's, plus what the kernel still holds. */
export interface KernelCheckpointContext extends CheckpointContext {
  kernel?: CheckpointKernelFacts;
}

/**
 * The kernel's facts of a check's context, if it came from a kernel.
 *
 * @example
 * kernelFacts(ctx)?.evaluationView(run.id)?.slices
 */
export function kernelFacts(ctx: CheckpointContext): CheckpointKernelFacts | undefined {
  return (ctx as KernelCheckpointContext).kernel;
}
