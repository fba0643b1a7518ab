import { runMessage } from './messages';

/**
 * Refuses `value` unless it is a whole number ≥ `min`, naming the function and the argument.
 *
 * @example
 * checkWholeNumber('buildRunHistory', 'limit', 5, 1) // passes; 0 throws "buildRunHistory: limit must be a whole number ≥ 1, got 0."
 */
export function checkWholeNumber(fn: string, name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(runMessage.badNumber(fn, name, `a whole number ≥ ${min}`, value));
}
