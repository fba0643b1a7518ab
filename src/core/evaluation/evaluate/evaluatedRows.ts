import { table as aqTable, type ColumnTable } from 'arquero';
import type { Features, Matrix } from '../../models/contract';
import { hashString16, rowIdHashes } from '../../data/fingerprint';
import type { EvaluatedRows } from '../../review/keepPredictions';
import { MAX_FEATURE_COLUMNS } from '../../review/keepPredictions';
import type { Normalized } from '../inputs/predictions';
import type { Evaluation } from '../view/evaluationResult';

/** An evaluation with the rows it evaluated, for a host that keeps predictions (computed on demand). */
export interface EvaluationWithRows {
  evaluation: Evaluation;
  rows: () => EvaluatedRows;
}

/** Where the evaluated rows came from: what row ids, slices and feature values are read from. */
export interface RowSource {
  /** The test table as given (row ids hash all of its columns), or features with targets. */
  table?: ColumnTable;
  x?: Features;
  y?: ArrayLike<unknown>;
  /** The model's feature columns (tables), in order. */
  features?: string[];
  /** A column of the table holding unique row ids. */
  idColumn?: string;
  /** Row ids given directly (evaluatePredictions' `ids`). */
  ids?: ArrayLike<string | number | bigint>;
  groups?: Record<string, ArrayLike<unknown>>;
}

/**
 * Every evaluated row as a diff keeps it: row id, truth, prediction, positive (binary) or
 * predicted-class (multiclass) score, slice values and up to 20 feature columns.
 */
export function _collectEvaluatedRows(data: Normalized, threshold: number, source: RowSource): EvaluatedRows {
  const { rowIds, identity } = rowIdentity(source, rowsOf(data));
  const base = { rowIds, identity, ...slicesAndFeatures(source) };
  if (data.task === 'regression') return { ...base, task: 'regression', yTrue: Array.from(data.yTrue), yPred: Array.from(data.yPred) };
  const classes = data.classes.map(String);
  if (data.task === 'binary') {
    const pos = String(data.positiveLabel);
    const neg = classes.find((c) => c !== pos) ?? `not ${pos}`;
    const yTrue = Array.from(data.positive, (p) => (p ? pos : neg));
    const yPred = Array.from(data.score, (s) => ((data.hasScores ? s >= threshold : s === 1) ? pos : neg));
    return { ...base, task: 'binary', classes, positiveLabel: pos, yTrue, yPred, ...(data.hasScores ? { yScore: data.score } : {}) };
  }
  const n = data.trueCodes.length;
  const pred = data.predCodes ?? argmaxRows(data.proba!);
  const yScore = data.proba ? Float64Array.from({ length: n }, (_, i) => data.proba!.data[i * data.proba!.cols + pred[i]!]!) : undefined;
  return { ...base, task: 'multiclass', classes, yTrue: Array.from(data.trueCodes, (c) => classes[c]!), yPred: Array.from(pred, (c) => classes[c]!), ...(yScore ? { yScore } : {}) };
}

function rowsOf(d: Normalized): number {
  return d.task === 'binary' ? d.positive.length : d.task === 'multiclass' ? d.trueCodes.length : d.yTrue.length;
}

function argmaxRows(m: { rows: number; cols: number; data: Float64Array }): Int32Array {
  const out = new Int32Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let best = 0;
    for (let j = 1; j < m.cols; j++) if (m.data[i * m.cols + j]! > m.data[i * m.cols + best]!) best = j;
    out[i] = best;
  }
  return out;
}

/** Ids from the id column (or `ids`), else content hashes of the rows with repeats made unique. */
function rowIdentity(source: RowSource, n: number): Pick<EvaluatedRows, 'rowIds' | 'identity'> {
  if (source.idColumn && source.table) return { rowIds: Array.from(source.table.array(source.idColumn) as ArrayLike<unknown>, String), identity: { kind: 'column', column: source.idColumn } };
  if (source.ids) return { rowIds: Array.from(source.ids, String), identity: { kind: 'column', column: 'ids' } };
  const table = source.table ?? matrixTable(source.x, source.y);
  // Without features (evaluatePredictions), a row is its position and label.
  const hashes = table ? rowIdHashes(table) : Array.from({ length: n }, (_, i) => hashString16(`${i}\u0000${String(source.y?.[i])}`));
  return { rowIds: uniqueIds(hashes), identity: { kind: 'hash' } };
}

/** The k-th repeat of a row (k ≥ 1) gets the hash of its id and k: identical rows are interchangeable. */
function uniqueIds(hashes: string[]): string[] {
  const seen = new Map<string, number>();
  return hashes.map((h) => {
    const k = seen.get(h) ?? 0;
    seen.set(h, k + 1);
    return k === 0 ? h : hashString16(`${h}#${k}`);
  });
}

function matrixTable(x: Features | undefined, y: ArrayLike<unknown> | undefined): ColumnTable | undefined {
  if (x === undefined) return undefined;
  const m: Matrix = Array.isArray(x) ? { rows: x.length, cols: x[0]?.length ?? 0, data: Float64Array.from(x.flat()) } : (x as Matrix);
  const cols: Record<string, ArrayLike<unknown>> = {};
  for (let j = 0; j < m.cols; j++) cols[`x${j}`] = Float64Array.from({ length: m.rows }, (_, i) => m.data[i * m.cols + j]!);
  if (y) cols.y = Array.from(y);
  return aqTable(cols);
}

function slicesAndFeatures(source: RowSource): Pick<EvaluatedRows, 'slices' | 'features'> {
  const out: Pick<EvaluatedRows, 'slices' | 'features'> = {};
  if (source.groups && Object.keys(source.groups).length) {
    out.slices = Object.fromEntries(Object.entries(source.groups).map(([k, v]) => [k, Array.from(v, (g) => (g === null || g === undefined ? null : String(g)))]));
  }
  if (source.table && source.features) {
    const names = source.features.slice(0, MAX_FEATURE_COLUMNS);
    out.features = Object.fromEntries(names.map((c) => [c, source.table!.array(c) as ArrayLike<unknown>]));
  } else if (source.x && !Array.isArray(source.x) && typeof (source.x as Matrix).cols === 'number') {
    const m = source.x as Matrix;
    out.features = Object.fromEntries(Array.from({ length: Math.min(m.cols, MAX_FEATURE_COLUMNS) }, (_, j) => [`x${j}`, Float64Array.from({ length: m.rows }, (_, i) => m.data[i * m.cols + j]!)]));
  }
  return out;
}
