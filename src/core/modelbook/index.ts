/**
 * The `modelbook` module cells import: `import { display } from 'modelbook'`.
 * Pure: it runs in the kernel, the CLI, webviews and plain-Node tests.
 */
import { kernelService, type DisplayOptions } from '../kernel/service';
import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { modelbookMessage } from './messages';

export { MIME_BUNDLE };
export type { Displayable, DisplayOptions, MimeBundle };

declare const MODELBOOK_VERSION: string;

/** This module's version. */
export const version: string = typeof MODELBOOK_VERSION === 'string' ? MODELBOOK_VERSION : '0.0.0-dev';

/**
 * Shows a value as an output of the running cell: tables as paged tables, Vega-Lite specs as
 * charts, anything with a `[MIME_BUNDLE]()` method as it describes itself. With `{ id }`, a later
 * `display(v, { id, update: true })` replaces that output (e.g. a live training curve).
 * Outside a kernel it prints the value.
 *
 * @example
 * display(aq.table({ a: [1, 2, 3] }));
 * display({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', data: { values }, mark: 'line', encoding }, { id: 'loss' });
 */
export function display(value: unknown, options: DisplayOptions = {}): void {
  const kernel = kernelService();
  if (kernel) kernel.display(value, options);
  else console.log(value);
}

/**
 * Wraps a MIME bundle so the cell shows it as is (e.g. `{ 'text/html': '<b>hi</b>' }`).
 *
 * @example
 * mime({ 'text/markdown': '**bold**' })
 */
export function mime(bundle: MimeBundle): Displayable {
  if (typeof bundle !== 'object' || bundle === null) throw new TypeError(modelbookMessage.mimeNotBundle);
  return { [MIME_BUNDLE]: () => bundle };
}

/**
 * The abort signal of the running cell (undefined outside a kernel): fires on interrupt.
 *
 * @example
 * const res = await fetch(url, { signal: interruptSignal() }); // the request stops when the cell is interrupted
 */
export function interruptSignal(): AbortSignal | undefined {
  return kernelService()?.signal;
}

/** The column types every array parameter takes (what `table.array(name)` returns, int64 columns included). */
export type { BigIntColumn, LabelColumn, NumberColumn, TargetColumn } from '../args/columns';
export * from '../data/index';
export * from '../evaluation/index';
export * from '../models/index';
export * from '../features/index';
export * from '../validation/index';
export * from '../package/index';
