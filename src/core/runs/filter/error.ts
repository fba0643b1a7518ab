/**
 * A filter (or sort key, or column path) that cannot be read. `position` is the 0-based offset of
 * the problem in `expression`; the message names it as a column and points at it with a caret.
 */
export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError';

  constructor(
    readonly reason: string,
    readonly position: number,
    readonly expression: string,
  ) {
    super(`${reason} at column ${position + 1}\n  ${expression}\n  ${' '.repeat(position)}^`);
  }
}
