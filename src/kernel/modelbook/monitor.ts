/**
 * `monitor(reference, current, options)` for cells: reference = a package folder, a loaded model
 * (`loadModel(dir)`: a batch without a score column is then scored with it), or a data profile;
 * current = an arquero table or a data file path.
 */
import path from 'node:path';
import type { ColumnTable } from 'arquero';
import type { LoadedModel } from '../../core/package/contract';
import { isDataProfile, type DataProfileData } from '../../core/data/profiling/contract';
import { computeMonitor, type MonitorOptions, type MonitorReference } from '../../core/monitor/computeMonitor';
import { monitorMessage } from '../../core/monitor/messages';
import { MonitorResult } from '../../core/monitor/monitorResult';
import { loadMonitorReference } from '../../store/monitor/loadReference';
import { hasScores, scoreBatch } from '../../core/monitor/scoreBatch';
import { loadModel } from './package';
import { readCSV } from './data/csv';
import { readArrow, readJSON } from './data/formats';
import { readParquet } from './data/parquet';

/**
 * Reads a current batch by its extension (.csv, .tsv, .json, .jsonl, .ndjson, .parquet, .arrow, .feather).
 *
 * @example
 * const batch = await readTableFile('data/2024-06.parquet');
 */
export async function readTableFile(file: string): Promise<ColumnTable> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.parquet') return readParquet(file);
  if (ext === '.arrow' || ext === '.feather') return readArrow(file);
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') return readJSON(file);
  return readCSV(file);
}

/**
 * Drift, quality, performance and alert rules of a current batch against a stored reference.
 *
 * @example
 * const m = await monitor('models/churn', await readParquet('data/june.parquet'), { labels: 'churned' });
 * m; // compact report in the cell; m.status: 'ok' | 'warning' | 'critical'
 */
export async function monitor(reference: string | { dir: string } | DataProfileData, current: ColumnTable | string, options: MonitorOptions = {}): Promise<MonitorResult> {
  const fn = 'monitor';
  let ref: MonitorReference;
  if (typeof reference === 'string') ref = await loadMonitorReference(path.resolve(process.cwd(), reference));
  else if (isDataProfile(reference)) ref = { source: 'profile', trainingProfile: reference };
  else if (typeof reference === 'object' && reference !== null && typeof (reference as { dir?: unknown }).dir === 'string') ref = await loadMonitorReference((reference as { dir: string }).dir);
  else throw new TypeError(monitorMessage.notProfile(fn, typeof reference));
  let table: ColumnTable;
  if (typeof current === 'string') table = await readTableFile(current);
  else if (typeof current === 'object' && current !== null && typeof (current as ColumnTable).numRows === 'function') table = current;
  else throw new TypeError(monitorMessage.notTable(fn, typeof current));
  // A batch of raw inputs is scored by the package's own model (a loaded model, or the package folder named).
  if (!hasScores(table, options.score)) {
    const model = isLoadedModel(reference) ? reference : typeof reference === 'string' && ref.contentHash ? await loadModel(path.resolve(process.cwd(), reference)) : undefined;
    if (model) table = await scoreBatch(model, table);
  }
  return new MonitorResult(await computeMonitor(ref, table, { currentSource: typeof current === 'string' ? current : 'table', ...options }));
}

function isLoadedModel(v: unknown): v is LoadedModel {
  return typeof v === 'object' && v !== null && typeof (v as Partial<LoadedModel>).predict === 'function' && typeof (v as Partial<LoadedModel>).manifest === 'object';
}
