import { modelMessage } from '../messages';

/**
 * Defaults merged with user parameters; an explicit `undefined` keeps the default (so
 * `{ C: undefined }` behaves like `{}`), and unknown names are refused with the list of known ones.
 *
 * @example
 * withDefaults({ alpha: 1 }, { alpha: undefined }, 'Ridge') // { alpha: 1 }
 */
export function withDefaults<T extends object>(defaults: T, params: object | undefined, where: string): T {
  if (params !== undefined && (typeof params !== 'object' || params === null)) throw new TypeError(modelMessage.paramsNotObject(where, '{ … }'));
  const out = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(params ?? {})) {
    if (!(k in defaults)) throw new RangeError(modelMessage.unknownParam(where, k, Object.keys(defaults)));
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}
