import type { RunRecord } from './contract';
import { alignColumns, formatTime } from './format';
import { formatDuration, formatNumber } from '../text/number';
import { textSparkline } from './sparkline';
import { runMessage } from './messages';

/** Enough of a run summary to list a run's children. */
interface ChildRow {
  id: string;
  name: string;
  status: string;
  parentId?: string;
  metrics: Record<string, number | null>;
}

/**
 * A run as readable text (what `modelbook runs show ID` prints): identity, timing, where it ran,
 * parameters, metrics with intervals, history, data, model, gates, environment; with `runs`, its
 * nested runs (folds, trials) too.
 *
 * @example
 * describeRun(record) // 'Run 01JD… "mlp" (fit, finished)\n  started   2026-03-01 09:05 …'
 */
export function describeRun(record: RunRecord, runs: readonly ChildRow[] = []): string {
  if (typeof record?.id !== 'string') throw new TypeError(runMessage.needs('describeRun', 'a run record'));
  const lines: string[] = [`Run ${record.id} "${record.name}" (${record.kind}, ${record.status})`];
  const end = Date.parse(record.endedAt ?? record.heartbeatAt);
  const pairs: [string, string][] = [
    ['started', `${formatTime(record.startedAt)}${record.endedAt ? `, ended ${formatTime(record.endedAt)}` : ''} (${formatDuration(end - Date.parse(record.startedAt))})`],
  ];
  if (record.parentId) pairs.push(['parent', record.parentId]);
  if (record.notebook) pairs.push(['notebook', `${record.notebook}${record.cellId ? `, cell ${record.cellId}` : ''}`]);
  if (record.codeHash) pairs.push(['code', record.codeHash]);
  if (record.git) pairs.push(['git', `${record.git.commit.slice(0, 12)}${record.git.branch ? ` on ${record.git.branch}` : ''}${record.git.dirty ? ' (uncommitted changes)' : ''}`]);
  if (record.seed !== undefined) pairs.push(['seed', String(record.seed)]);
  if (record.tags.length) pairs.push(['tags', record.tags.join(', ')]);
  if (record.error) pairs.push([record.status === 'interrupted' ? 'stopped' : 'error', `${record.error.name}: ${record.error.message}`]);
  lines.push(
    indent(
      alignColumns(
        pairs.map(([k, v]) => [k, v]),
        200,
      ),
    ),
  );
  section(
    lines,
    'params',
    Object.entries(record.params)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : JSON.stringify(v)]),
  );
  section(
    lines,
    'metrics',
    Object.keys(record.metrics)
      .sort()
      .map((k) => {
        const ci = record.intervals?.[k];
        return [k, formatNumber(record.metrics[k]), ci ? `[${formatNumber(ci.low)}, ${formatNumber(ci.high)}] ${Math.round(ci.level * 100)}%${ci.method ? ` ${ci.method}` : ''}` : ''];
      }),
  );
  const h = record.history;
  section(lines, `history (${h.total ?? h.epoch.length} epochs${h.total ? `, ${h.epoch.length} kept` : ''})`, historyRows(record));
  section(
    lines,
    'data',
    record.data.map((d) => [d.role + (d.name ? ` (${d.name})` : ''), d.fingerprint.hash, `${d.fingerprint.rows} rows × ${d.fingerprint.columns.length} columns`]),
  );
  if (record.model) {
    const m = record.model;
    section(lines, 'model', [
      [m.type, `${formatNumber(m.parameterCount)} parameters${m.backend ? `, backend ${m.backend}` : ''}`],
      ...(m.layers ?? []).map((l) => [`  ${l.name}`, `${l.kind} → [${l.outputShape.map((d) => d ?? '?').join(', ')}], ${l.parameters} parameters`]),
    ]);
  }
  section(
    lines,
    'gates',
    record.gates.map((g) => [g.passed ? 'pass' : 'FAIL', g.name, g.detail ?? (g.metric ? `${g.metric} ${formatNumber(g.value ?? null)} ${g.op ?? ''} ${g.threshold ?? ''}`.trim() : '')]),
  );
  const env = record.environment;
  section(lines, 'environment', [
    ...Object.keys(env.libraries)
      .sort()
      .map((k) => [k, env.libraries[k]]),
    ...(env.backend ? [['backend', env.backend]] : []),
    ...(env.runtime ? [['runtime', env.runtime]] : []),
  ]);
  section(
    lines,
    'artifacts',
    (record.artifacts ?? []).map((a) => [a.path, `${a.bytes} bytes`]),
  );
  const children = runs.filter((r) => r.parentId === record.id);
  section(
    lines,
    `nested runs (${children.length})`,
    children.map((c) => [
      c.id,
      c.name,
      c.status,
      Object.entries(c.metrics)
        .slice(0, 3)
        .map(([k, v]) => `${k} ${formatNumber(v)}`)
        .join(', '),
    ]),
  );
  if (record.notes) lines.push('notes', indent(record.notes));
  return lines.join('\n');
}

function historyRows(record: RunRecord): string[][] {
  return Object.keys(record.history.metrics)
    .sort()
    .map((name) => {
      const series = record.history.metrics[name];
      const finite = series.filter((v): v is number => v !== null);
      const first = finite[0];
      const last = finite[finite.length - 1];
      return [name, textSparkline(series, 20), `${formatNumber(first)} → ${formatNumber(last)}`, `min ${formatNumber(Math.min(...finite))}, max ${formatNumber(Math.max(...finite))}`];
    });
}

function section(lines: string[], title: string, rows: string[][]): void {
  if (rows.length === 0) return;
  lines.push(title, indent(alignColumns(rows, 60)));
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
