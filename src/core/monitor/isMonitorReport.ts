/**
 * The runtime check of a MonitorReport read from a file or sent by a cell output:
 * `schemas/monitor-report.schema.json`, compiled at build time (monitorReportValidator.ts, Ajv
 * standalone: no eval), plus what JSON Schema cannot state: each chart has one reference and one
 * current share per label. It says what is wrong, so opening a file that is not a report can tell
 * the user why.
 */
import { schemaErrors, type CompiledValidator } from '../runs/jsonSchema';
import type { FeatureReport, MonitorReport } from './contract';
import { validate } from './monitorReportValidator';

function chartProblem(f: FeatureReport | null, where: string): string | undefined {
  const c = f?.chart;
  if (!c) return undefined;
  if (c.reference.length !== c.labels.length || c.current.length !== c.labels.length)
    return `${where}/chart: ${c.labels.length} labels but ${c.reference.length} reference and ${c.current.length} current shares`;
  if (c.edges && c.edges.length !== c.labels.length + 1) return `${where}/chart: ${c.labels.length} bins need ${c.labels.length + 1} edges, got ${c.edges.length}`;
  return undefined;
}

/**
 * Why `v` is not a MonitorReport of this version, or undefined when it is one.
 *
 * @example
 * monitorReportProblem(JSON.parse(text)); // undefined, or e.g. '/kind: expected one of "modelbook.monitor", got "x"'
 */
export function monitorReportProblem(v: unknown): string | undefined {
  const errors = schemaErrors(validate as CompiledValidator, v);
  if (errors.length) return errors.map((e) => `${e.path || '(top)'}: ${e.message}`).join('; ');
  const r = v as MonitorReport;
  for (const [i, f] of r.features.entries()) {
    const p = chartProblem(f, `/features/${i}`);
    if (p) return p;
  }
  return chartProblem(r.prediction, '/prediction');
}

/** `v` is a MonitorReport of this version (see monitorReportProblem for why not). */
export function isMonitorReport(v: unknown): v is MonitorReport {
  return monitorReportProblem(v) === undefined;
}
