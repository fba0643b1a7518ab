import type { ColumnTable } from 'arquero';
import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import { rowHashes } from '../data/fingerprint';
import { countKnownRows, type FitRecord } from './fitRecord';
import { isColumnTable } from './tableInput';
import { featuresMessage } from './messages';
import { escapeHtml } from '../text/html';

/** Whether a fitted pipeline saw rows of a test set when it was fitted. */
export interface LeakReport extends Displayable {
  leaked: boolean;
  /** Test rows whose input values equal a row the pipeline was fitted on. */
  overlappingRows: number;
  testRows: number;
  fittedRows: number;
  /** The test set is exactly the data the pipeline was fitted on. */
  sameData: boolean;
  /** True: counted from exact row hashes. False: from the saved Bloom filter (may overcount by ≈0.1 %). */
  exact: boolean;
  /** Indices of the overlapping test rows (at most 1000). */
  rows: number[];
  message: string;
}

/**
 * Checks a fitted pipeline against a test set: "the pipeline was fitted on data that includes
 * N test rows" is the classic leak (e.g. a scaler fitted before the train/test split). Rows
 * compare on the pipeline's input columns; extra columns in `test` (such as the label) are ignored.
 *
 * @example
 * const report = checkPipelineLeak(pipe, test);
 * if (report.leaked) console.warn(report.message);
 */
export function checkPipelineLeak(pipeline: { fittedOn?: FitRecord | Omit<FitRecord, 'hashes'>; inputColumns: string[] }, test: ColumnTable): LeakReport {
  const record = pipeline?.fittedOn;
  if (!record) throw new Error(featuresMessage.leakNotFitted);
  if (!isColumnTable(test)) throw new TypeError(featuresMessage.leakBadTest);
  const missing = record.columns.filter((c) => !test.columnNames().includes(c));
  if (missing.length) throw new RangeError(featuresMessage.lacksFittedColumns('checkPipelineLeak', missing, 'the pipeline', 'the test table'));
  const found = countKnownRows(record as FitRecord, rowHashes(test, record.columns));
  const testRows = test.numRows();
  const fittedRows = record.fingerprint.rows;
  const sameData = found.count === testRows && testRows === fittedRows;
  const leaked = found.count > 0;
  const message = !leaked ? featuresMessage.noLeak(testRows, fittedRows) : featuresMessage.leak(found.count, found.exact, testRows, sameData);
  return {
    leaked,
    overlappingRows: found.count,
    testRows,
    fittedRows,
    sameData,
    exact: found.exact,
    rows: found.rows.slice(0, 1000),
    message,
    [MIME_BUNDLE]: () => ({ 'text/plain': message, 'text/html': `<div style="color:${leaked ? '#c62828' : '#2e7d32'}">${escapeHtml(message)}</div>` }),
  };
}
