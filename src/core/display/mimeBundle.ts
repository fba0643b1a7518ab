import type { MimeBundle } from '../notebook/contract';
import { MIME } from '../notebook/mime';
import { isTableLike, tableBundle } from './table';

/**
 * A value that knows how to show itself in a cell output implements this method (the notebook
 * counterpart of Jupyter's `_repr_mimebundle_`).
 */
export const MIME_BUNDLE = Symbol.for('modelbook.mimeBundle');

export interface Displayable {
  [MIME_BUNDLE](): MimeBundle;
}

export function isDisplayable(v: unknown): v is Displayable {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as Partial<Displayable>)[MIME_BUNDLE] === 'function';
}

/** A Vega-Lite spec: a plain object whose `$schema` names vega-lite. */
export function isVegaLiteSpec(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { $schema?: unknown }).$schema === 'string' && /vega-lite/.test((v as { $schema: string }).$schema);
}

/**
 * The rich MIME bundle for a value, or undefined when plain text is all it has. Used for a cell's
 * last expression and for `display()`.
 *
 * @example
 * richBundle({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', mark: 'bar' })
 * // { 'application/vnd.vegalite.v5+json': {...}, 'text/plain': '<Vega-Lite chart: bar>' }
 */
export function richBundle(value: unknown): MimeBundle | undefined {
  if (isDisplayable(value)) return value[MIME_BUNDLE]();
  if (isTableLike(value)) return tableBundle(value);
  if (isVegaLiteSpec(value)) {
    const mark = (value as { mark?: unknown }).mark;
    const kind = typeof mark === 'string' ? mark : typeof mark === 'object' && mark !== null ? String((mark as { type?: unknown }).type) : 'layered';
    return { [MIME.vegaLite]: value, [MIME.text]: `<Vega-Lite chart: ${kind}>` };
  }
  return undefined;
}
