import { trainingMessage } from './messages';

/**
 * Refuses `value` unless it is an integer ≥ `min`, naming the function and the argument.
 *
 * @example
 * checkInteger('trainLoop', 'batchSize', 32, 1) // passes; 0 throws "trainLoop: batchSize must be a positive integer (got 0)."
 */
export function checkInteger(fn: string, name: string, value: number, min: number): void {
  if (Number.isInteger(value) && value >= min) return;
  const expected = min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : `an integer ≥ ${min}`;
  throw new RangeError(trainingMessage.badArgument(fn, name, expected, value));
}
