import type { TrialTransport } from '../validation/tuning/parallelExecutor';
import type { RunContext } from '../runs/contract';

/**
 * What a running kernel offers the `modelbook` module (and any library) inside a cell. Absent in
 * plain Node, where `display` falls back to the console.
 */
export const KERNEL_SERVICE = Symbol.for('modelbook.kernel');

export interface DisplayOptions {
  /** Names the output so a later `display(..., { id, update: true })` replaces it (live progress). */
  id?: string;
  update?: boolean;
}

export interface KernelService {
  /** Shows a value as a rich output of the running cell. */
  display(value: unknown, options?: DisplayOptions): void;
  /** Aborts when the running cell is interrupted; long loops check it between steps. */
  readonly signal: AbortSignal | undefined;
  /** Loads a module the way a cell's `import` does (workspace first, then Modelbook's bundled copies). */
  importModule(spec: string): Promise<unknown>;
  /** The workspace folder: runs are recorded under its `.modelbook/runs/`. */
  readonly workspaceDir?: string;
  /** What a run started now is stamped with: the running cell's notebook, id and code hash, git, library versions, TF.js backend. */
  runContext?: () => RunContext;
  /** Carries search trials to parallel sandboxed worker processes, one per core (absent: trials run in turn). */
  readonly trialTransport?: TrialTransport;
}

/** The kernel's service when running in a Modelbook kernel, otherwise undefined. */
export function kernelService(): KernelService | undefined {
  return (globalThis as Record<symbol, KernelService | undefined>)[KERNEL_SERVICE];
}
