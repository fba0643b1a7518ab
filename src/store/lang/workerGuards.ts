/**
 * Runtime checks of the language worker's messages (src/protocol/lang.ts), both ways: the worker
 * checks what the host asks, the host checks what the worker answers before it reaches VS Code.
 */
import type { LangMethod, LangRequest, LangRequests, LangWorkerData } from '../../protocol/lang';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isOptStr = (v: unknown, max = 4096): boolean => v === undefined || isStr(v, max);
const isArrayOf = (v: unknown, item: (x: unknown) => boolean, max = 100_000): boolean => Array.isArray(v) && v.length <= max && v.every(item);

/** A cell's text may be long (generated data); a notebook has at most this many code cells. */
const MAX_SOURCE = 16 * 2 ** 20;
const MAX_CELLS = 10_000;

const isCell = (c: unknown): boolean => isObj(c) && isStr(c.id) && isStr(c.source, MAX_SOURCE);
const isNotebook = (p: unknown): boolean => isObj(p) && isStr(p.notebook);
const isPosition = (p: unknown): boolean => isNotebook(p) && isStr((p as Obj).cellId) && isCount((p as Obj).line) && isCount((p as Obj).character);
const isDiagnostic = (d: unknown): boolean =>
  isObj(d) &&
  isStr(d.cellId) &&
  isCount(d.cellIndex) &&
  isCount(d.line) &&
  isCount(d.character) &&
  isCount(d.endLine) &&
  isCount(d.endCharacter) &&
  isCount(d.code) &&
  ['error', 'warning', 'suggestion'].includes(d.category as string) &&
  isStr(d.message, 65_536);
const isCompletion = (c: unknown): boolean => isObj(c) && isStr(c.name, 1024) && isStr(c.kind, 64) && isStr(c.sortText, 256) && isOptStr(c.detail, 65_536) && isOptStr(c.insertText, 65_536);
const isQuickInfo = (q: unknown): boolean => q === null || (isObj(q) && isStr(q.text, 262_144) && isStr(q.documentation, 262_144));
const isParameter = (p: unknown): boolean => isObj(p) && isStr(p.label, 65_536) && isStr(p.documentation, 262_144);
const isSignature = (s: unknown): boolean => isObj(s) && isStr(s.label, 262_144) && isStr(s.documentation, 262_144) && isArrayOf(s.parameters, isParameter, 1000);
const isSignatureHelp = (h: unknown): boolean => h === null || (isObj(h) && isArrayOf(h.items, isSignature, 1000) && isCount(h.selectedItemIndex) && isCount(h.argumentIndex));
const isDefinition = (d: unknown): boolean => isObj(d) && isOptStr(d.cellId) && isOptStr(d.file) && (d.cellId !== undefined || d.file !== undefined) && isCount(d.line) && isCount(d.character);

const PARAMS: { [M in LangMethod]: (p: unknown) => boolean } = {
  update: (p) => isNotebook(p) && isCount((p as Obj).version) && isArrayOf((p as Obj).cells, isCell, MAX_CELLS),
  edit: (p) => isNotebook(p) && isCount((p as Obj).version) && isArrayOf((p as Obj).cells, isCell, MAX_CELLS),
  close: isNotebook,
  diagnostics: (p) => isNotebook(p) && ((p as Obj).cellIds === undefined || isArrayOf((p as Obj).cellIds, (c) => isStr(c), MAX_CELLS)),
  completions: isPosition,
  quickInfo: isPosition,
  signatureHelp: isPosition,
  definition: isPosition,
};

const RESULTS: { [M in LangMethod]: (r: unknown) => boolean } = {
  update: (r) => r === null,
  edit: (r) => r === null,
  close: (r) => r === null,
  diagnostics: (r) => isArrayOf(r, isDiagnostic, 1_000_000),
  completions: (r) => isArrayOf(r, isCompletion),
  quickInfo: isQuickInfo,
  signatureHelp: isSignatureHelp,
  definition: (r) => isArrayOf(r, isDefinition, 1000),
};

const isMethod = (m: unknown): m is LangMethod => typeof m === 'string' && Object.prototype.hasOwnProperty.call(PARAMS, m);

/**
 * A well-formed request from the host.
 *
 * @example
 * isLangRequest({ requestId: 1, method: 'diagnostics', params: { notebook: 'file:///a.mlnb', cellIds: ['c3'] } }) // true
 */
export function isLangRequest(m: unknown): m is LangRequest {
  return isObj(m) && isCount(m.requestId) && isMethod(m.method) && PARAMS[m.method](m.params);
}

/**
 * A well-formed answer from the worker, to a request of `method`.
 *
 * @example
 * isLangResponse({ requestId: 1, method: 'quickInfo', result: null }, 'quickInfo') // true
 */
export function isLangResponse<M extends LangMethod>(m: unknown, method: M): m is { requestId: number; method: M; result: LangRequests[M]['result'] } | { requestId: number; error: string } {
  if (!isObj(m) || !isCount(m.requestId)) return false;
  if ('error' in m) return isStr(m.error, 65_536);
  return m.method === method && RESULTS[method](m.result);
}

/** The worker's start data. */
export function isLangWorkerData(d: unknown): d is LangWorkerData {
  return isObj(d) && isStr(d.typesRoot) && isArrayOf(d.roots, (r) => isStr(r), 1000);
}
