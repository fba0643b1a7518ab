import type { ColumnTable } from 'arquero';
import type { LoadedModel } from '../package/contract';

/** Columns a batch may already carry its model's scores in (the first present is used). */
export const SCORE_COLUMNS = ['score', 'prediction', 'proba', 'probability'] as const;

/** Whether the batch already has scores: `--score COL` given, or one of SCORE_COLUMNS present. */
export function hasScores(table: ColumnTable, score?: string): boolean {
  const names = table.columnNames();
  return score !== undefined ? names.includes(score) : SCORE_COLUMNS.some((c) => names.includes(c));
}

/**
 * The batch with the model's `score` added (binary: the positive class's probability; otherwise
 * the prediction), so prediction drift and performance decay can be checked on a batch of raw
 * inputs; rows the input schema refuses score as missing.
 *
 * @example
 * const scored = await scoreBatch(await loadModel('models/churn'), june); // june + a `score` column
 */
export async function scoreBatch(model: LoadedModel, table: ColumnTable): Promise<ColumnTable> {
  const out = model.manifest.signature.outputs;
  const binary = out.task === 'binary';
  // By columns: no object per row on a batch of a million.
  const scored = await model.predictTable(table, { proba: binary, onInvalid: 'null' });
  if (!binary || !scored.probabilities) return table.assign({ score: Array.from(scored.predictions, (p) => (typeof p === 'number' && Number.isNaN(p) ? null : p)) });
  const { classes, data } = scored.probabilities;
  const k = classes.length;
  const at = Math.max(0, classes.indexOf(String(out.positiveLabel ?? out.classes[out.classes.length - 1])));
  const score = new Array<number | null>(scored.rows);
  for (let i = 0; i < scored.rows; i++) score[i] = scored.invalid[i] ? null : data[i * k + at];
  return table.assign({ score });
}
