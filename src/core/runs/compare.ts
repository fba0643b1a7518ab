import type { JsonValue, MetricInterval, RunRecord } from './contract';
import { formatPath } from './columns';
import { runMessage } from './messages';

/** One compared quantity: a value per run (null where a run lacks it) and whether they differ. */
export interface CompareRow {
  key: string;
  values: JsonValue[];
  differs: boolean;
}

export interface MetricCompareRow {
  key: string;
  values: (number | null)[];
  intervals: (MetricInterval | null)[];
  /** value − the baseline run's value (the first run); null where either is missing. */
  deltas: (number | null)[];
  differs: boolean;
  /** Which way is better, guessed from the name (loss, error, mae … lower); null when unknown. */
  better: 'higher' | 'lower' | null;
  /** Index of the run with the best value, when `better` is known. */
  best: number | null;
}

/** The compare view model for N selected runs (JSON, sent to the experiments panel). */
export interface RunComparison {
  runs: { id: string; name: string; kind: string; status: string; startedAt: string; notebook: string | null }[];
  params: CompareRow[];
  metrics: MetricCompareRow[];
  /** Data fingerprints by role: the hash per run. */
  data: CompareRow[];
  model: CompareRow[];
  /** Code hash, commit, seed, backend, library versions. */
  context: CompareRow[];
  /** Histories on one epoch axis: `series[m].values[run][i]` is the run's value at `epochs[i]`. */
  history: { epochs: number[]; series: { metric: string; values: (number | null)[][] }[] };
}

const LOWER_IS_BETTER = /loss|error|mae|mse|rmse|mape|brier|ece|perplexity|time|duration/i;
const HIGHER_IS_BETTER = /acc|auc|f1|precision|recall|r2|mcc|score|ap$|average_?precision|specificity|sensitivity/i;

/**
 * Which way a metric improves, from its name: 'lower' for losses and errors, 'higher' for
 * accuracy-like scores, null when the name does not say.
 *
 * @example
 * metricDirection('valLoss') // 'lower'
 * metricDirection('rocAuc') // 'higher'
 */
export function metricDirection(name: string): 'higher' | 'lower' | null {
  if (LOWER_IS_BETTER.test(name)) return 'lower';
  if (HIGHER_IS_BETTER.test(name)) return 'higher';
  return null;
}

/**
 * Compares runs side by side: every parameter, metric (with deltas against the first run and the
 * best flagged), data fingerprint, model and context value, with `differs` set where the runs
 * disagree, and their metric histories aligned by epoch.
 *
 * @example
 * const view = compareRuns([baseline, candidate]);
 * view.metrics.find((m) => m.key === 'auc') // { values: [0.88, 0.91], deltas: [0, 0.03], best: 1, … }
 */
export function compareRuns(records: readonly RunRecord[]): RunComparison {
  if (!Array.isArray(records) || records.length === 0) throw new TypeError(runMessage.needs('compareRuns', 'a non-empty array of run records (read them with index.readRecord(id))'));
  return {
    runs: records.map((r) => ({ id: r.id, name: r.name, kind: r.kind, status: r.status, startedAt: r.startedAt, notebook: r.notebook ?? null })),
    params: compareValues(records, (r) => flatten(r.params, ['params'])),
    metrics: compareMetrics(records),
    data: compareValues(records, (r) =>
      Object.fromEntries(r.data.map((d) => [d.name ? `${d.role} (${d.name})` : d.role, `${d.fingerprint.hash} · ${d.fingerprint.rows} rows × ${d.fingerprint.columns.length} columns`])),
    ),
    model: compareValues(records, (r): Record<string, JsonValue> =>
      r.model ? { type: r.model.type, parameterCount: r.model.parameterCount, layers: r.model.layers?.length ?? null, backend: r.model.backend ?? null } : {},
    ),
    context: compareValues(records, (r) => ({
      codeHash: r.codeHash ?? null,
      commit: r.git?.commit ?? null,
      dirty: r.git?.dirty ?? null,
      seed: r.seed ?? null,
      backend: r.environment.backend ?? null,
      ...Object.fromEntries(Object.entries(r.environment.libraries).map(([k, v]) => [`library ${k}`, v])),
    })),
    history: alignHistories(records),
  };
}

function compareValues(records: readonly RunRecord[], pick: (r: RunRecord) => Record<string, JsonValue>): CompareRow[] {
  const maps = records.map(pick);
  const keys = [...new Set(maps.flatMap((m) => Object.keys(m)))].sort();
  return keys.map((key) => {
    const values = maps.map((m) => (key in m ? m[key] : null));
    const texts = new Set(values.map((v) => JSON.stringify(v)));
    return { key, values, differs: texts.size > 1 };
  });
}

function compareMetrics(records: readonly RunRecord[]): MetricCompareRow[] {
  const keys = [...new Set(records.flatMap((r) => Object.keys(r.metrics)))].sort();
  return keys.map((key) => {
    const values = records.map((r) => (typeof r.metrics[key] === 'number' ? r.metrics[key] : null));
    const base = values[0];
    const better = metricDirection(key);
    let best: number | null = null;
    values.forEach((v, i) => {
      if (v === null || better === null) return;
      if (best === null || (better === 'higher' ? v > values[best]! : v < values[best]!)) best = i;
    });
    return {
      key,
      values,
      intervals: records.map((r) => r.intervals?.[key] ?? null),
      deltas: values.map((v) => (v === null || base === null ? null : v - base)),
      differs: new Set(values.map(String)).size > 1,
      better,
      best,
    };
  });
}

function alignHistories(records: readonly RunRecord[]): RunComparison['history'] {
  const epochs = [...new Set(records.flatMap((r) => r.history.epoch))].sort((a, b) => a - b);
  const position = new Map(epochs.map((e, i) => [e, i]));
  const metrics = [...new Set(records.flatMap((r) => Object.keys(r.history.metrics)))].sort();
  const series = metrics.map((metric) => ({
    metric,
    values: records.map((r) => {
      const row: (number | null)[] = new Array(epochs.length).fill(null);
      const values = r.history.metrics[metric] ?? [];
      r.history.epoch.forEach((e, i) => {
        if (typeof values[i] === 'number') row[position.get(e)!] = values[i];
      });
      return row;
    }),
  }));
  return { epochs, series };
}

function flatten(value: Record<string, JsonValue>, prefix: string[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  const walk = (v: JsonValue, path: string[]) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    else out[formatPath(path).replace(/^params\.?/, '')] = v;
  };
  for (const [k, v] of Object.entries(value)) walk(v, [...prefix, k]);
  return out;
}
