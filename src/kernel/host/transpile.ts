import type { TransformOptions, Message } from 'esbuild';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { rewriteCell } from '../../core/cells/rewrite';

/** A cell ready for the kernel, or the TypeScript error that stopped it, at the cell's own line. */
export type TranspiledCell = { ok: true; code: string; maps: string[]; hasResult: boolean } | { ok: false; name: 'SyntaxError'; message: string; line: number; column: number; lineText: string };

type Esbuild = typeof import('esbuild');
let esbuild: Esbuild | undefined;

/** esbuild is loaded on the first cell, never at extension activation. */
function loadEsbuild(): Esbuild {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  esbuild ??= require('esbuild') as Esbuild;
  return esbuild;
}

const TS_OPTIONS: TransformOptions = {
  loader: 'ts',
  target: 'esnext',
  sourcemap: 'external',
  // Keep every import even if this cell does not use it: a later cell may.
  tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, useDefineForClassFields: true } },
};

/** Lowering async functions to generators lets the kernel interrupt each synchronous step. */
const LOWER_OPTIONS: TransformOptions = { loader: 'js', target: 'esnext', supported: { 'async-await': false }, sourcemap: 'external' };

/**
 * TypeScript cell → kernel script, in three steps: esbuild strips types; `rewriteCell` makes
 * declarations persist and wraps the cell for top-level await; esbuild lowers async functions.
 * Its source maps (script → … → cell) go to the kernel uncomposed.
 *
 * @example
 * const t = await transpileCell('const x: number = await f()\nx', 'Cell In[1]');
 */
export async function transpileCell(source: string, label: string): Promise<TranspiledCell> {
  // The label only names files inside the source maps, so re-running a cell reuses its transform.
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const result = await _transpile(source, label);
  cache.set(source, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

const CACHE_SIZE = 256;
const cache = new Map<string, TranspiledCell>();

async function _transpile(source: string, label: string): Promise<TranspiledCell> {
  const es = loadEsbuild();
  const file = `${label}.ts`;
  let stripped;
  try {
    stripped = await es.transform(source, { ...TS_OPTIONS, sourcefile: file });
  } catch (e) {
    return syntaxError(e);
  }
  let rewritten;
  try {
    rewritten = rewriteCell(stripped.code, `${label}.js`);
  } catch (e) {
    return acornError(e, stripped.map, source);
  }
  // Most cells have no async functions of their own and come out of rewriteCell already lowered.
  const lowered = rewritten.lowered ? undefined : await es.transform(rewritten.code, { ...LOWER_OPTIONS, sourcefile: `${label}.script.js` });
  // The maps are not composed here: the kernel follows them one after another, and only for the
  // rare frame that needs mapping (composing costs ~0.5 ms on every cell).
  const maps = lowered ? [lowered.map, rewritten.map, stripped.map] : [rewritten.map, stripped.map];
  return { ok: true, code: lowered ? lowered.code : rewritten.code, maps, hasResult: rewritten.hasResult };
}

function syntaxError(e: unknown): TranspiledCell {
  const first: Message | undefined = (e as { errors?: Message[] }).errors?.[0];
  if (!first) throw e;
  return {
    ok: false,
    name: 'SyntaxError',
    message: first.text,
    line: first.location?.line ?? 1,
    column: (first.location?.column ?? 0) + 1,
    lineText: first.location?.lineText ?? '',
  };
}

/** acorn rejects what esbuild accepted only for JS-level problems; point back into the cell. */
function acornError(e: unknown, map: string, source: string): TranspiledCell {
  const loc = (e as { loc?: { line: number; column: number } }).loc;
  const msg = String((e as Error).message ?? e).replace(/ \(\d+:\d+\)$/, '');
  let line = loc?.line ?? 1;
  let column = (loc?.column ?? 0) + 1;
  if (loc) {
    const pos = originalPositionFor(new TraceMap(map), { line: loc.line, column: loc.column });
    if (pos.line !== null) {
      line = pos.line;
      column = pos.column + 1;
    }
  }
  return { ok: false, name: 'SyntaxError', message: msg, line, column, lineText: source.split('\n')[line - 1] ?? '' };
}
