import { message } from '../messages';

/**
 * Returns `value` if it is an integer ≥ `min`; otherwise throws a RangeError naming the function and
 * the argument. Every integer argument in core is checked here, so the sentence is the same everywhere.
 *
 * @example
 * checkInteger('KFold', 'nSplits', 5, 2) // 5
 * checkInteger('trainLoop', 'batchSize', 0, 1) // throws "trainLoop: batchSize must be an integer ≥ 1 (got 0)."
 */
export function checkInteger(fn: string, name: string, value: unknown, min: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  throw new RangeError(message.argNotInteger(fn, name, min, value));
}
