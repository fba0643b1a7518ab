/**
 * The hook every feature step's `fit` goes through, like models/fitObserver for estimators: core
 * only calls it; the kernel installs an observer to remember which table a preprocessor fitted on
 * its own (outside a Pipeline) learned from, for the split-before-fit checkpoint.
 */
import type { ColumnTable } from 'arquero';
import type { FeatureStep } from './contract';

type StepFitObserver = (step: FeatureStep, table: ColumnTable) => void;
let observer: StepFitObserver | undefined;

/**
 * Installs the observer every later step fit is reported to (undefined removes it).
 *
 * @example
 * setStepFitObserver((step, table) => console.log(step.type, table.numRows()));
 */
export function setStepFitObserver(next: StepFitObserver | undefined): void {
  observer = next;
}

/** Reports a finished step fit to the observer; observing never changes or stops the fit. */
export function noteStepFit(step: FeatureStep, table: ColumnTable): void {
  try {
    observer?.(step, table);
  } catch {
    // an observer's failure is not the user's
  }
}
