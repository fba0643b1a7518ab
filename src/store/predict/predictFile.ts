/**
 * `modelbook predict`: scores an input file batch by batch with a loaded model package and
 * writes the predictions as they come, so memory stays bounded whatever the file's size.
 */
import type { InvalidRowPolicy, LoadedModel, RowProblem } from '../../core/package/contract';
import { predictMessage } from './messages';
import { readRecordBatches, type InputFormat } from './readBatches';
import { PredictionWriter, type OutputFormat } from './writePredictions';

export interface PredictFileOptions {
  input: string;
  inputFormat: InputFormat;
  out?: string;
  format: OutputFormat;
  proba: boolean;
  onInvalid: InvalidRowPolicy;
  /** A column whose value identifies each row in the output (default: the row number). */
  id?: string;
  /** Called after each batch with the rows read so far. */
  progress?: (rows: number) => void;
}

export interface PredictFileResult {
  rows: number;
  written: number;
  invalidRows: number;
  /** The first problem, its row counted in the whole input. */
  firstProblem?: string;
}

/** Rows failed validation under policy 'fail'; the message names the first row and column. */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

/**
 * Scores a file; throws InvalidInputError under 'fail' (no output is left behind).
 *
 * @example
 * await predictFile(await loadModel('models/churn'), { input: 'new.csv', inputFormat: 'csv', out: 'scores.csv', format: 'csv', proba: true, onInvalid: 'skip' });
 */
export async function predictFile(model: LoadedModel, options: PredictFileOptions): Promise<PredictFileResult> {
  const output = model.manifest.signature.outputs;
  const classes = options.proba && output.task !== 'regression' ? output.classes.map(String) : undefined;
  const writer = new PredictionWriter(options.format, options.id ?? 'row', classes, options.out);
  const result: PredictFileResult = { rows: 0, written: 0, invalidRows: 0 };
  try {
    for await (const { start, records } of readRecordBatches(options.input, options.inputFormat, model.manifest.signature.inputs)) {
      if (options.id !== undefined && records.length > 0 && !(options.id in records[0])) throw new InvalidInputError(predictMessage.missingIdColumn(options.input, options.id));
      // Scored with 'null' so that a failure names the row in the whole input, not in the batch.
      const { predictions, problems } = await model.predict(records, { proba: options.proba, onInvalid: 'null' });
      if (problems.length > 0) {
        const first = predictMessage.invalidRow(options.input, problems[0], start + problems[0].row);
        if (options.onInvalid === 'fail') throw new InvalidInputError(first);
        result.firstProblem ??= first;
      }
      const invalid = new Set(problems.map((p: RowProblem) => p.row));
      result.invalidRows += invalid.size;
      const ids: unknown[] = [];
      const kept = [];
      for (let i = 0; i < records.length; i++) {
        if (options.onInvalid === 'skip' && invalid.has(i)) continue;
        ids.push(options.id !== undefined ? records[i][options.id] : start + i);
        kept.push(predictions.length === records.length ? predictions[i] : null);
      }
      await writer.write(ids, kept);
      result.rows += records.length;
      result.written += kept.length;
      options.progress?.(result.rows);
    }
    await writer.finish();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  return result;
}
