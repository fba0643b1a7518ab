import type { Envelope, KernelToHost } from '../../protocol/kernel';

/** Limits on what one kernel message may carry: a cell can send anything with `process.send`. */
export const KERNEL_MESSAGE_LIMITS = {
  /** Trials in one `runTrials` request (a 10-fold search over 1,000 candidates). */
  trials: 10_000,
  /** Rows of a trial dataset. */
  rows: 50_000_000,
  /** Completion items in one answer. */
  completions: 20_000,
  /** MIME types in one display bundle. */
  mimeTypes: 64,
  /** Variables (or members) in one answer. */
  variables: 2_000,
  /** Rows and columns of one table page, and its cells in all (2,000 rows × 500 columns). */
  pageRows: 10_000,
  pageColumns: 10_000,
  pageCells: 1_000_000,
  /** Characters of one text cell of a page, of a summary, of an error. */
  text: 10_000,
} as const;

export type Checked = { ok: true; msg: Envelope<KernelToHost> } | { ok: false; reason: string; type?: string; requestId?: number };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isStr = (v: unknown, max = Infinity): v is string => typeof v === 'string' && v.length <= max;
const isArrayLike = (v: unknown): boolean => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
const isIntArray = (v: unknown): boolean => v instanceof Int32Array;

/** Each check returns undefined when the payload is well formed, else what is wrong. */
const CHECKS: { [K in keyof KernelToHost]: (p: Obj) => string | undefined } = {
  ready: (p) =>
    isInt(p.pid) && isStr(p.nodeVersion, 64) && typeof p.sandboxed === 'boolean' && typeof p.heapLimitMb === 'number' && (p.osLayer === undefined || isStr(p.osLayer, 256))
      ? undefined
      : 'ready: bad fields',
  started: (p) => (isInt(p.execId) ? undefined : 'started: execId must be an integer'),
  stream: (p) =>
    isInt(p.execId) && (p.name === 'stdout' || p.name === 'stderr') && isStr(p.text) && (p.dropped === undefined || (isInt(p.dropped) && p.dropped >= 0))
      ? undefined
      : 'stream: needs execId, name stdout|stderr and text',
  display: (p) =>
    isInt(p.execId) && isBundle(p.data) && (p.displayId === undefined || isStr(p.displayId, 256)) && (p.update === undefined || typeof p.update === 'boolean')
      ? undefined
      : 'display: needs execId and a MIME bundle',
  done: (p) => checkDone(p),
  log: (p) => (['info', 'warn', 'error'].includes(p.level as string) && isStr(p.text) ? undefined : 'log: needs level and text'),
  runTrials: (p) => checkTrials(p),
  cancelTrials: (p) => (isInt(p.requestId) ? undefined : 'cancelTrials: requestId must be an integer'),
  completions: (p) => checkCompletions(p),
  variablesResult: (p) => checkVariables(p),
  tablePageResult: (p) => checkTablePage(p),
  tableStatsResult: (p) => checkTableStats(p),
};

/**
 * Checks the shape and limits of a message from a kernel before the host acts on it. The kernel
 * runs cells' code, and a cell can call `process.send` itself: nothing it sends may crash the host
 * or make it start processes beyond its bounds.
 *
 * @example
 * checkKernelMessage({ type: 'started', payload: { execId: 3 } }) // { ok: true, msg: … }
 * checkKernelMessage({ type: 'runTrials', payload: { requestId: 1 } }) // { ok: false, reason: 'runTrials: …', type: 'runTrials', requestId: 1 }
 */
export function checkKernelMessage(m: unknown): Checked {
  if (!isObj(m) || typeof m.type !== 'string') return { ok: false, reason: 'not a { type, payload } message' };
  const type = m.type;
  if (!Object.prototype.hasOwnProperty.call(CHECKS, type)) return { ok: false, reason: `unknown message type ${JSON.stringify(type.slice(0, 40))}`, type };
  const payload = m.payload;
  const requestId = isObj(payload) && isInt(payload.requestId) ? payload.requestId : undefined;
  const problem = isObj(payload) ? CHECKS[type as keyof KernelToHost](payload) : `${type}: payload must be an object`;
  if (problem) return { ok: false, reason: problem, type, ...(requestId !== undefined ? { requestId } : {}) };
  return { ok: true, msg: m as Envelope<KernelToHost> };
}

function isBundle(v: unknown): boolean {
  if (!isObj(v)) return false;
  const keys = Object.keys(v);
  return keys.length <= KERNEL_MESSAGE_LIMITS.mimeTypes && keys.every((k) => k.length <= 128 && /^[\w.+-]+\/[\w.+-]+$/.test(k));
}

function checkDone(p: Obj): string | undefined {
  if (!isInt(p.execId) || !['ok', 'error', 'interrupted'].includes(p.status as string)) return 'done: needs execId and status ok|error|interrupted';
  if (p.result !== undefined && !isBundle(p.result)) return 'done: result must be a MIME bundle';
  if (p.error !== undefined) {
    const e = p.error;
    if (!isObj(e) || !isStr(e.name) || !isStr(e.message) || !isStr(e.stack)) return 'done: error needs name, message and stack';
  }
  return undefined;
}

function checkCompletions(p: Obj): string | undefined {
  if (!isInt(p.requestId) || !Array.isArray(p.items) || p.items.length > KERNEL_MESSAGE_LIMITS.completions) return 'completions: needs requestId and at most 20,000 items';
  const kinds = ['method', 'function', 'class', 'property', 'variable'];
  return p.items.every((i) => isObj(i) && isStr(i.name, 1024) && kinds.includes(i.kind as string) && isStr(i.detail, 4096)) ? undefined : 'completions: bad item';
}

const isCount = (v: unknown): v is number => isInt(v) && v >= 0;
const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isError = (v: unknown) => isOptional(v, (e) => isStr(e, KERNEL_MESSAGE_LIMITS.text));

function checkVariables(p: Obj): string | undefined {
  if (!isInt(p.requestId) || !Array.isArray(p.items) || p.items.length > KERNEL_MESSAGE_LIMITS.variables || !isError(p.error)) return 'variablesResult: needs requestId and at most 2,000 items';
  return p.items.every(isVariable) ? undefined : 'variablesResult: bad item';
}

function isVariable(v: unknown): boolean {
  return (
    isObj(v) &&
    isStr(v.name, 1024) &&
    isStr(v.type, 256) &&
    isStr(v.summary, 1024) &&
    isOptional(v.shape, (s) => Array.isArray(s) && s.length <= 8 && s.every(isCount)) &&
    isOptional(v.bytes, (b) => typeof b === 'number' && Number.isFinite(b) && b >= 0) &&
    typeof v.expandable === 'boolean' &&
    typeof v.viewable === 'boolean'
  );
}

function checkTablePage(p: Obj): string | undefined {
  if (!isInt(p.requestId) || !isError(p.error)) return 'tablePageResult: needs requestId';
  if (p.page === undefined) return undefined;
  const page = p.page;
  const L = KERNEL_MESSAGE_LIMITS;
  if (!isObj(page) || !isCount(page.totalRows) || !isCount(page.offset) || !Array.isArray(page.columns) || !Array.isArray(page.rows))
    return 'tablePageResult: page needs columns, totalRows, offset and rows';
  const { columns, rows } = page;
  if (columns.length > L.pageColumns || rows.length > L.pageRows || columns.length * rows.length > L.pageCells) return 'tablePageResult: page too large';
  if (!columns.every((c) => isObj(c) && isStr(c.name, 1024) && isStr(c.type, 64))) return 'tablePageResult: bad column';
  const isCell = (v: unknown) => v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || isStr(v, L.text);
  return rows.every((r) => Array.isArray(r) && r.length === columns.length && r.every(isCell)) ? undefined : 'tablePageResult: bad row';
}

function checkTableStats(p: Obj): string | undefined {
  if (!isInt(p.requestId) || !isError(p.error)) return 'tableStatsResult: needs requestId';
  const s = p.stats;
  if (s === undefined) return undefined;
  const isBound = (v: unknown) => isOptional(v, (x) => (typeof x === 'number' && Number.isFinite(x)) || isStr(x, KERNEL_MESSAGE_LIMITS.text));
  const ok =
    isObj(s) &&
    isStr(s.column, 1024) &&
    isStr(s.type, 64) &&
    isCount(s.count) &&
    isCount(s.missing) &&
    isOptional(s.distinct, isCount) &&
    isBound(s.min) &&
    isBound(s.max) &&
    isOptional(s.mean, (m) => typeof m === 'number' && Number.isFinite(m)) &&
    isOptional(s.top, (t) => Array.isArray(t) && t.length <= 100 && t.every((e) => isObj(e) && isStr(e.value, KERNEL_MESSAGE_LIMITS.text) && isCount(e.count)));
  return ok ? undefined : 'tableStatsResult: bad stats';
}

function checkTrials(p: Obj): string | undefined {
  if (!isInt(p.requestId)) return 'runTrials: requestId must be an integer';
  const d = p.dataset;
  if (!isObj(d) || !isStr(d.id, 256) || !isInt(d.rows) || d.rows < 0 || d.rows > KERNEL_MESSAGE_LIMITS.rows || !isArrayLike(d.y)) return 'runTrials: dataset needs id, rows and y';
  const f = d.features;
  const featuresOk =
    isObj(f) &&
    ((f.kind === 'table' && Array.isArray(f.names) && f.names.every((n) => isStr(n, 1024)) && Array.isArray(f.columns) && f.columns.length === f.names.length && f.columns.every(isArrayLike)) ||
      (f.kind === 'matrix' && isInt(f.cols) && f.cols >= 0 && f.data instanceof Float64Array));
  if (!featuresOk) return 'runTrials: dataset.features must be a table or a matrix';
  if (!Array.isArray(p.trials)) return 'runTrials: trials must be an array';
  if (p.trials.length > KERNEL_MESSAGE_LIMITS.trials) return `runTrials: at most ${KERNEL_MESSAGE_LIMITS.trials} trials per request`;
  const bad = p.trials.findIndex((t) => !isTrial(t));
  return bad >= 0 ? `runTrials: trial ${bad} is malformed` : undefined;
}

function isTrial(t: unknown): boolean {
  return (
    isObj(t) &&
    isStr(t.id, 256) &&
    isInt(t.candidate) &&
    isInt(t.fold) &&
    isInt(t.round) &&
    isObj(t.spec) &&
    isObj(t.params) &&
    isIntArray(t.train) &&
    isIntArray(t.test) &&
    isStr(t.dataId, 256) &&
    Array.isArray(t.scoring) &&
    t.scoring.every((s) => isStr(s, 256)) &&
    typeof t.returnTrainScore === 'boolean'
  );
}
