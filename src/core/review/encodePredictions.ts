import { dictionary, float64, int8, int16, int32, tableFromArrays, tableToIPC, utf8, type DataType } from '@uwdata/flechette';
import type { PredictionSet } from './contract';

/** Schema metadata key holding the set's description (JSON); the columns hold the rows. */
export const PREDICTIONS_META_KEY = 'modelbook.predictions';
/** The format of `<run id>.predictions` this Modelbook writes. */
export const PREDICTIONS_FORMAT_VERSION = 1;
/** Column name prefixes of slice and feature columns. */
export const SLICE_PREFIX = 'slice:';
export const FEATURE_PREFIX = 'feature:';

/** What the file's metadata says besides the columns (see `PREDICTIONS_META_KEY`). */
export interface PredictionsMeta {
  format: 'modelbook.predictions';
  version: number;
  task: PredictionSet['task'];
  identity: PredictionSet['identity'];
  rows: number;
  totalRows: number;
  classes?: string[];
  positiveLabel?: string;
  /** Feature columns whose values are numbers (the others are strings). */
  numericFeatures?: string[];
}

/**
 * A PredictionSet as Apache Arrow IPC file bytes (what `.modelbook/runs/<id>.predictions` holds):
 * columns `rowId`, `yTrue`, `yPred` (dictionary-encoded strings for classes, float64 for
 * regression), `yScore` (float64), `slice:<name>` and `feature:<name>`, and the set's description
 * as JSON under the schema metadata key `modelbook.predictions`. pandas reads it with
 * `pd.read_feather(path)`, pyarrow with `pa.ipc.open_file(path).read_all()`.
 *
 * @example
 * writeRunFile(`.modelbook/runs/${id}.predictions`, encodePredictions(set));
 */
export function encodePredictions(set: PredictionSet): Uint8Array {
  const classes = set.task !== 'regression';
  const columns: [string, unknown[] | Float64Array][] = [
    ['rowId', set.rowIds],
    ['yTrue', classes ? set.yTrue.map(String) : Float64Array.from(set.yTrue as number[])],
    ['yPred', classes ? set.yPred.map(String) : Float64Array.from(set.yPred as number[])],
  ];
  const types: Record<string, DataType> = { rowId: utf8(), yTrue: classes ? labels(columns[1]![1]) : float64(), yPred: classes ? labels(columns[2]![1]) : float64() };
  if (set.yScore) {
    columns.push(['yScore', Float64Array.from(set.yScore)]);
    types.yScore = float64();
  }
  for (const [name, values] of Object.entries(set.slices ?? {})) {
    columns.push([SLICE_PREFIX + name, values as unknown[]]);
    types[SLICE_PREFIX + name] = labels(values);
  }
  const numericFeatures: string[] = [];
  for (const [name, values] of Object.entries(set.features ?? {})) {
    const numeric = values.every((v) => v === null || typeof v === 'number');
    if (numeric) numericFeatures.push(name);
    const column = numeric ? values : values.map((v) => (v === null ? null : String(v)));
    columns.push([FEATURE_PREFIX + name, column]);
    types[FEATURE_PREFIX + name] = numeric ? float64() : labels(column);
  }
  const table = tableFromArrays(columns, { types });
  const meta: PredictionsMeta = {
    format: 'modelbook.predictions',
    version: PREDICTIONS_FORMAT_VERSION,
    task: set.task,
    identity: set.identity,
    rows: set.rowIds.length,
    totalRows: set.totalRows,
    ...(set.classes ? { classes: set.classes } : {}),
    ...(set.positiveLabel !== undefined ? { positiveLabel: set.positiveLabel } : {}),
    ...(numericFeatures.length ? { numericFeatures } : {}),
  };
  table.schema.metadata = new Map([[PREDICTIONS_META_KEY, JSON.stringify(meta)]]);
  return tableToIPC(table, { format: 'file' })!;
}

/** Dictionary-encoded strings with the narrowest index that holds every distinct value. */
function labels(values: ArrayLike<unknown>): DataType {
  const distinct = new Set<unknown>();
  for (let i = 0; i < values.length && distinct.size < 32_768; i++) distinct.add(values[i]);
  return dictionary(utf8(), distinct.size < 128 ? int8() : distinct.size < 32_768 ? int16() : int32());
}
