import { trainingMessage } from './messages';
import { checkInteger } from '../args/checkInteger';

/** What an early-stopping check says after one epoch. */
export interface EarlyStoppingVerdict {
  /** This epoch is the best so far (its weights are worth keeping). */
  best: boolean;
  /** Epochs in a row without an improvement of at least `tol`. */
  noImprovementCount: number;
  /** Training should stop now. */
  stop: boolean;
}

export interface EarlyStoppingOptions {
  /** 'min' for a loss, 'max' for a score such as accuracy or R². */
  mode: 'min' | 'max';
  /** Minimum improvement that counts. */
  tol: number;
  /** Stop after more than this many epochs in a row without such an improvement. */
  nIterNoChange: number;
}

/**
 * scikit-learn's stopping rule for the stochastic MLP solvers (`_update_no_improvement_count`):
 * an epoch that does not beat the best value by `tol` counts as no improvement; more than
 * `nIterNoChange` of them in a row stop training. Used on the training loss, or on the
 * validation score when early stopping holds out data.
 *
 * @example
 * const rule = createEarlyStopping({ mode: 'max', tol: 1e-4, nIterNoChange: 10 });
 * rule.update(0.81) // { best: true, noImprovementCount: 0, stop: false }
 */
export function createEarlyStopping(options: EarlyStoppingOptions): { update(value: number): EarlyStoppingVerdict; readonly bestValue: number } {
  const { mode, tol, nIterNoChange } = options;
  if (mode !== 'min' && mode !== 'max') throw new TypeError(trainingMessage.badArgument('createEarlyStopping', 'mode', "'min' or 'max'", mode));
  if (!(tol >= 0)) throw new RangeError(trainingMessage.badArgument('createEarlyStopping', 'tol', '≥ 0', tol));
  checkInteger('createEarlyStopping', 'nIterNoChange', nIterNoChange, 1);
  let bestValue = mode === 'min' ? Infinity : -Infinity;
  let count = 0;
  return {
    update(value: number): EarlyStoppingVerdict {
      const improved = mode === 'min' ? value <= bestValue - tol : value >= bestValue + tol;
      count = improved ? 0 : count + 1;
      const best = mode === 'min' ? value < bestValue : value > bestValue;
      if (best) bestValue = value;
      return { best, noImprovementCount: count, stop: count > nIterNoChange };
    },
    get bestValue() {
      return bestValue;
    },
  };
}
