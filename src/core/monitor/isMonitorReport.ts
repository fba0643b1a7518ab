/**
 * A runtime check of a MonitorReport read from a file or sent by a webview: the shape the
 * renderers and the panel rely on (kind, version, summary, features with their charts, rules).
 * It says what is wrong, so opening a file that is not a report can tell the user why.
 */
import { MONITOR_REPORT_KIND, MONITOR_REPORT_VERSION, type MonitorReport } from './contract';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): boolean => v === null || isNum(v);
const isNums = (v: unknown, n?: number): boolean => Array.isArray(v) && (n === undefined || v.length === n) && v.every(isNum);
const isStr = (v: unknown): v is string => typeof v === 'string';

function chartProblem(c: unknown): string | undefined {
  if (c === null) return undefined;
  if (!isObj(c) || (c.kind !== 'histogram' && c.kind !== 'categories')) return 'chart.kind is not histogram or categories';
  if (!Array.isArray(c.labels) || !c.labels.every(isStr)) return 'chart.labels is not a list of strings';
  if (!isNums(c.reference, c.labels.length) || !isNums(c.current, c.labels.length)) return 'chart.reference and chart.current must be numbers, one per label';
  return undefined;
}

function featureProblem(f: unknown): string | undefined {
  if (!isObj(f) || !isStr(f.name)) return 'has no name';
  if (!isObj(f.quality) || !isNum(f.quality.missingCurrent) || !isNum(f.quality.missingReference) || !Array.isArray(f.quality.newCategories)) return `${f.name}: quality is incomplete`;
  const d = f.drift;
  if (
    d !== null &&
    (!isObj(d) || !isStr(d.method) || !isNum(d.effect) || !isNum(d.threshold) || typeof d.drifted !== 'boolean' || !isNumOrNull(d.pValue) || !isObj(d.statistics) || !isNum(d.statistics.psi))
  )
    return `${f.name}: drift is incomplete`;
  const chart = chartProblem(f.chart);
  return chart && `${f.name}: ${chart}`;
}

/**
 * Why `v` is not a MonitorReport of this version, or undefined when it is one.
 *
 * @example
 * monitorReportProblem(JSON.parse(text)); // undefined, or e.g. 'kind is not modelbook.monitor'
 */
export function monitorReportProblem(v: unknown): string | undefined {
  if (!isObj(v)) return 'not a JSON object';
  if (v.kind !== MONITOR_REPORT_KIND) return `kind is not ${MONITOR_REPORT_KIND}`;
  if (v.version !== MONITOR_REPORT_VERSION) return `version ${String(v.version)} is not ${MONITOR_REPORT_VERSION}`;
  const s = v.summary;
  if (!isObj(s) || !['ok', 'warning', 'critical'].includes(s.status as string) || !isNum(s.features) || !isNum(s.driftedFeatures) || !isNum(s.driftedShare)) return 'summary is incomplete';
  if (!isObj(v.reference) || !isObj(v.current) || !isNum(v.reference.rows) || !isNum(v.current.rows)) return 'reference or current is incomplete';
  if (!isObj(v.quality) || !isNum(v.quality.invalidRows) || !Array.isArray(v.quality.missingColumns)) return 'quality is incomplete';
  if (!Array.isArray(v.features)) return 'features is not a list';
  for (const [i, f] of v.features.entries()) {
    const p = featureProblem(f);
    if (p) return `features[${i}] ${p}`;
  }
  if (v.prediction !== null) {
    const p = featureProblem(v.prediction);
    if (p) return `prediction ${p}`;
  }
  const perf = v.performance;
  if (
    perf !== null &&
    (!isObj(perf) || !Array.isArray(perf.metrics) || !perf.metrics.every((m) => isObj(m) && isStr(m.label) && isNumOrNull(m.reference) && isNumOrNull(m.current) && isNumOrNull(m.delta)))
  )
    return 'performance is incomplete';
  if (!Array.isArray(v.rules) || !v.rules.every((r) => isObj(r) && isStr(r.rule) && (r.severity === 'warning' || r.severity === 'critical') && typeof r.fired === 'boolean' && isNumOrNull(r.value)))
    return 'rules is incomplete';
  if (!Array.isArray(v.notes) || !v.notes.every(isStr)) return 'notes is not a list of sentences';
  return undefined;
}

/** `v` is a MonitorReport of this version (see monitorReportProblem for why not). */
export function isMonitorReport(v: unknown): v is MonitorReport {
  return monitorReportProblem(v) === undefined;
}
