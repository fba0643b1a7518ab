import type { RunRecord, RunStatus } from './contract';
import { historyLength } from './metricHistory';

/**
 * One row of the run index: a record without its bulky parts (history points, layers, weight
 * statistics, data columns), so 50,000 runs fit in memory. Filter, sort, group, columns and CSV
 * work on these; the full record is read from its file when needed (compare, inline history).
 */
export interface RunSummary extends Pick<
  RunRecord,
  'id' | 'name' | 'kind' | 'parentId' | 'startedAt' | 'endedAt' | 'heartbeatAt' | 'notebook' | 'cellId' | 'codeHash' | 'seed' | 'params' | 'metrics' | 'intervals' | 'git' | 'tags' | 'notes' | 'host'
> {
  /** The status to show: `running` turns into `interrupted` when its writer is gone (see `resolveStatus`). */
  status: RunStatus;
  /** The status stored in the file. */
  recordedStatus: RunStatus;
  /** endedAt − startedAt (or heartbeat − start while running). */
  durationMs: number;
  /** Number of history points logged, and the metrics they carry. */
  epochs: number;
  historyMetrics: string[];
  /** Data sets by role ('train', 'test', …; a second set of one role gets its name appended). */
  data: Record<string, { hash: string; rows: number; columns: number; name?: string }>;
  model?: { type: string; parameterCount: number; backend?: string };
  gates: { passed: number; failed: number };
  backend?: string;
  libraries: Record<string, string>;
  /** The error's message, for a failed run. */
  error?: string;
  /** Workspace-relative path of the record file. */
  file: string;
}

/** The top-level fields a filter, sort key or column may start with. */
export const SUMMARY_FIELDS: readonly string[] = [
  'id',
  'name',
  'kind',
  'status',
  'recordedStatus',
  'parentId',
  'startedAt',
  'endedAt',
  'heartbeatAt',
  'durationMs',
  'notebook',
  'cellId',
  'codeHash',
  'seed',
  'params',
  'metrics',
  'intervals',
  'epochs',
  'historyMetrics',
  'data',
  'model',
  'gates',
  'git',
  'backend',
  'libraries',
  'tags',
  'notes',
  'error',
  'host',
  'file',
];

/** An index row without the parts the Experiments panel never shows (library versions, writer host), to keep its messages small. */
export type PanelRun = Omit<RunSummary, 'libraries' | 'host' | 'heartbeatAt'>;

/**
 * The index row of a record. `file` is where it was read from (workspace-relative).
 *
 * @example
 * summarizeRun(record, '.modelbook/runs/01JD….json').metrics.auc // 0.91
 */
export function summarizeRun(record: RunRecord, file: string): RunSummary {
  const start = Date.parse(record.startedAt);
  const end = Date.parse(record.endedAt ?? record.heartbeatAt);
  const data: RunSummary['data'] = {};
  for (const d of record.data) {
    let key: string = d.role;
    if (key in data) key = `${d.role}:${d.name ?? Object.keys(data).length}`;
    data[key] = { hash: d.fingerprint.hash, rows: d.fingerprint.rows, columns: d.fingerprint.columns.length, ...(d.name ? { name: d.name } : {}) };
  }
  const passed = record.gates.filter((g) => g.passed).length;
  const s: RunSummary = {
    id: record.id,
    name: record.name,
    kind: record.kind,
    status: record.status,
    recordedStatus: record.status,
    startedAt: record.startedAt,
    heartbeatAt: record.heartbeatAt,
    durationMs: Math.max(0, end - start),
    params: record.params,
    metrics: record.metrics,
    epochs: historyLength(record.history),
    historyMetrics: Object.keys(record.history.metrics).sort(),
    data,
    gates: { passed, failed: record.gates.length - passed },
    libraries: record.environment.libraries,
    tags: record.tags,
    notes: record.notes,
    file,
  };
  if (record.parentId) s.parentId = record.parentId;
  if (record.endedAt) s.endedAt = record.endedAt;
  if (record.notebook) s.notebook = record.notebook;
  if (record.cellId) s.cellId = record.cellId;
  if (record.codeHash) s.codeHash = record.codeHash;
  if (record.seed !== undefined) s.seed = record.seed;
  if (record.intervals) s.intervals = record.intervals;
  if (record.model) s.model = { type: record.model.type, parameterCount: record.model.parameterCount, ...(record.model.backend ? { backend: record.model.backend } : {}) };
  if (record.git) s.git = record.git;
  const backend = record.environment.backend ?? record.model?.backend;
  if (backend) s.backend = backend;
  if (record.error) s.error = `${record.error.name}: ${record.error.message}`;
  if (record.host) s.host = record.host;
  return s;
}
