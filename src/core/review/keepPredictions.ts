import type { PredictionSet } from './contract';
import { reviewMessage } from './messages';

/** The most prediction rows an evaluation keeps; above, a deterministic sample by row hash. */
export const MAX_KEPT_ROWS = 200_000;
/** Feature columns kept for showing flipped rows. */
export const MAX_FEATURE_COLUMNS = 20;
/** Feature values kept at most (rows × columns): features are dropped, not sampled, above it (≈4 MB). */
export const MAX_FEATURE_CELLS = 500_000;

/** Every evaluated row, before the sample: what `keepPredictions` reduces to a PredictionSet. */
export type EvaluatedRows = Omit<PredictionSet, 'totalRows' | 'features'> & {
  features?: Record<string, ArrayLike<unknown>>;
};

export interface KeepOptions {
  /** Default MAX_KEPT_ROWS. */
  maxRows?: number;
  /** Default MAX_FEATURE_CELLS. */
  maxFeatureCells?: number;
}

/**
 * The predictions an evaluation keeps for diffs: every row up to `maxRows`, else the `maxRows`
 * rows whose row id hashes lowest (a bottom-k sample: the same rows on both sides of a diff, in
 * any order), in their original order. Feature values are kept when they fit `maxFeatureCells`.
 *
 * @example
 * keepPredictions({ rowIds, identity: { kind: 'hash' }, task: 'binary', yTrue, yPred, yScore }).rowIds.length // ≤ 200,000
 */
export function keepPredictions(rows: EvaluatedRows, options: KeepOptions = {}): PredictionSet {
  const n = rows.rowIds.length;
  const maxRows = options.maxRows ?? MAX_KEPT_ROWS;
  if (!(Number.isInteger(maxRows) && maxRows >= 1)) throw new RangeError(reviewMessage.badMaxRows(String(maxRows)));
  const keep = n <= maxRows ? undefined : sampleByHash(rows.rowIds, maxRows);
  const pick = <T>(a: ArrayLike<T>): T[] => (keep ? Array.from(keep, (i) => a[i]!) : Array.from(a));
  const kept = keep ? keep.length : n;
  const out: PredictionSet = {
    rowIds: pick(rows.rowIds),
    identity: rows.identity,
    task: rows.task,
    yTrue: pick(rows.yTrue),
    yPred: pick(rows.yPred),
    totalRows: n,
  };
  if (rows.yScore) out.yScore = keep ? Float64Array.from(keep, (i) => rows.yScore![i]!) : Float64Array.from(rows.yScore);
  if (rows.classes) out.classes = rows.classes;
  if (rows.positiveLabel !== undefined) out.positiveLabel = rows.positiveLabel;
  if (rows.slices) out.slices = Object.fromEntries(Object.entries(rows.slices).map(([k, v]) => [k, pick(v)]));
  const featureNames = Object.keys(rows.features ?? {}).slice(0, MAX_FEATURE_COLUMNS);
  if (featureNames.length > 0 && kept * featureNames.length <= (options.maxFeatureCells ?? MAX_FEATURE_CELLS)) {
    out.features = Object.fromEntries(featureNames.map((k) => [k, pick(rows.features![k]!).map(featureValue)]));
  }
  return out;
}

/** A 52-bit number from a row id: its leading hex digits when it is a hash, else a hash of it. */
export function samplingKey(rowId: string): number {
  if (/^[0-9a-f]{16}$/.test(rowId)) return parseInt(rowId.slice(0, 13), 16);
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let k = 0; k < rowId.length; k++) {
    a = Math.imul(a ^ rowId.charCodeAt(k), 0x01000193);
    b = Math.imul(b ^ rowId.charCodeAt(k), 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0) * 2 ** 20 + ((b >>> 0) & 0xfffff);
}

/** Indices (ascending) of the `k` rows with the lowest sampling keys (52-bit keys: ties are negligible). */
function sampleByHash(rowIds: readonly string[], k: number): Uint32Array {
  const keys = new Float64Array(rowIds.length);
  for (let i = 0; i < rowIds.length; i++) keys[i] = samplingKey(rowIds[i]!);
  const cut = Float64Array.from(keys).sort()[k - 1]!;
  const out = new Uint32Array(k);
  let m = 0;
  for (let i = 0; i < keys.length && m < k; i++) if (keys[i]! < cut) out[m++] = i;
  for (let i = 0; i < keys.length && m < k; i++) if (keys[i] === cut) out[m++] = i;
  return out.sort();
}

function featureValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
