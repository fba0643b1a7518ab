import type { RunRecord } from '../runs/contract';

/** One thing a checkpoint found wrong: what, why it matters, and how to fix it. */
export interface CheckpointProblem {
  what: string;
  why: string;
  fix: string;
}
/** What a check returns. */
export interface CheckpointOutcome {
  passed: boolean;
  problems: CheckpointProblem[];
  checked: string[];
  subject?: string[];
}
/** A checkpoint's result as a cell shows it and a run records it. */
export interface CheckpointResult extends CheckpointOutcome {
  id: string;
  title: string;
  runId?: string;
}
/** What a check sees: this notebook's current runs (oldest first) and the options the cell passed. */
export interface CheckpointContext {
  notebook?: string;
  session?: string;
  runs: RunRecord[];
  options: Record<string, unknown>;
}
/** A checkpoint: built-in, or a team's own through defineCheckpoint(). */
export interface CheckpointDefinition {
  id: string;
  title: string;
  /** One sentence for someone in their first ML job: why this matters. */
  why: string;
  check(ctx: CheckpointContext): CheckpointOutcome | Promise<CheckpointOutcome>;
}
/**
 * Checkpoint ids that must have passed in the notebook's current runs before each step.
 * @public (the lifecycle gates read it: src/core/lifecycle)
 */
export interface LifecycleConfig {
  export?: string[];
  promote?: string[];
}
export type LifecycleStep = 'export' | 'promote';
/**
 * The gate's verdict for one step.
 * @public (the lifecycle gates return it: src/core/lifecycle)
 */
export interface LifecycleCheck {
  step: LifecycleStep;
  required: string[];
  missing: { id: string; reason: 'not-run' | 'failed'; detail: string }[];
  passed: boolean;
}
