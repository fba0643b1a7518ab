import { hashText } from '../hash';
import { runMessage } from './messages';

/**
 * The code hash of a run: one hash over the sources of the cells that led to it, in the order
 * they ran (so the same code run in the same order gives the same hash, and an edit anywhere
 * upstream changes it).
 *
 * @example
 * hashCells(['const df = await loadCsv("a.csv")', 'await model.fit(x, y)']) // '5c1e…' (16 hex digits)
 */
export function hashCells(sources: readonly string[]): string {
  if (!Array.isArray(sources) || sources.some((s) => typeof s !== 'string')) throw new TypeError(runMessage.needs('hashCells', 'the cell sources as an array of strings'));
  // Length prefixes keep cell boundaries unambiguous: ['ab', 'c'] and ['a', 'bc'] hash differently.
  return hashText(sources.map((s) => `${s.length}:${s}`).join('\u0000'));
}
