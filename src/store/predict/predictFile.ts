/**
 * `modelbook predict`: scores an input file batch by batch with a loaded model package and
 * writes the predictions as they come, so memory stays bounded whatever the file's size.
 */
import type { InvalidRowPolicy, LoadedModel } from '../../core/package/contract';
import { predictMessage } from './messages';
import { readColumnBatches, type InputFormat } from './readBatches';
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
  /** Called after each batch with the rows read so far and the share of the input read (0–1), when known. */
  progress?: (rows: number, done?: number) => void;
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
    for await (const { start, rows, columns, done } of readColumnBatches(options.input, options.inputFormat, model.manifest.signature.inputs)) {
      const idColumn = options.id === undefined ? undefined : columns[options.id];
      if (options.id !== undefined && rows > 0 && idColumn?.[0] === undefined) throw new InvalidInputError(predictMessage.missingIdColumn(options.input, options.id));
      // Scored with 'null' so that a failure names the row in the whole input, not in the batch.
      const scored = await model.predictTable(columns, { proba: options.proba, onInvalid: 'null' });
      const { problems } = scored;
      if (problems.length > 0) {
        const first = predictMessage.invalidRow(options.input, problems[0], start + problems[0].row);
        if (options.onInvalid === 'fail') throw new InvalidInputError(first);
        result.firstProblem ??= first;
      }
      const invalid = problems.length === 0 ? 0 : scored.invalid.reduce((n, b) => n + b, 0);
      result.invalidRows += invalid;
      await writer.write(idColumn ?? start, scored, options.onInvalid === 'skip');
      result.rows += rows;
      result.written += options.onInvalid === 'skip' ? rows - invalid : rows;
      options.progress?.(result.rows, done);
    }
    await writer.finish();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  return result;
}
