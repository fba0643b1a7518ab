/**
 * The whole monitoring report from stored references and a current table: per-feature drift,
 * prediction drift, quality, performance and rules. Needs no reference rows.
 */
import type { ColumnTable } from 'arquero';
import { collectColumn } from '../data/columns';
import type { DataProfileData } from '../data/profiling/contract';
import type { InputSchema, OutputSchema } from '../package/contract';
import { MONITOR_REPORT_KIND, MONITOR_REPORT_VERSION, type FeatureReport, type MonitorReport, type MonitorStatus, type PerformanceReport } from './contract';
import { featureReport } from './featureReport';
import { monitorMessage } from './messages';
import { comparePerformance, type ReferenceMetrics } from './performance';
import { checkQuality } from './quality';
import { evaluateRules } from './rules/evaluateRules';
import { DEFAULT_RULES, parseRules, type RuleInput } from './rules/parseRule';

/** The stored side of a check: what a package folder holds (only the training profile is required). */
export interface MonitorReference {
  source: string;
  trainingProfile: DataProfileData;
  scoreProfile?: DataProfileData;
  metrics?: ReferenceMetrics;
  inputSchema?: InputSchema;
  outputSchema?: OutputSchema;
  contentHash?: string;
}

export interface MonitorOptions {
  /** The labels column of the current batch (turns on performance decay). */
  labels?: string;
  /** The score / prediction column of the current batch. Default: the first of 'score', 'prediction', 'proba', 'probability' present. */
  score?: string;
  /** Alert rules (default DEFAULT_RULES); strings are warnings. */
  rules?: readonly RuleInput[];
  /** Where the rules came from, for the report ('options' by default; the CLI says 'file'). */
  rulesOrigin?: 'file' | 'options';
  /** Label of the current batch in the report (a file name). */
  currentSource?: string;
  /** Bootstrap for the performance intervals (default 200 resamples, seed 0). */
  bootstrap?: { resamples: number; seed: number };
  /** The report's time (default now); tests pin it. */
  now?: Date;
}

const SCORE_COLUMNS = ['score', 'prediction', 'proba', 'probability'];

/**
 * Builds the MonitorReport.
 *
 * @example
 * const report = await computeMonitor({ source: 'models/churn', trainingProfile }, batch, { labels: 'churned' });
 * report.summary.status; // 'ok' | 'warning' | 'critical'
 */
export async function computeMonitor(ref: MonitorReference, table: ColumnTable, options: MonitorOptions = {}): Promise<MonitorReport> {
  const rules = options.rules ? parseRules([...options.rules], 'rules') : parseRules([...DEFAULT_RULES]);
  const names = new Set(table.columnNames());
  const notes: string[] = [];
  const schemaOf = new Map((ref.inputSchema?.columns ?? []).map((c) => [c.name, c]));
  const skip = new Set([options.labels, options.score, ...SCORE_COLUMNS].filter((x): x is string => !!x));
  const features: FeatureReport[] = ref.trainingProfile.columns
    .filter((c) => !skip.has(c.name) || schemaOf.has(c.name))
    .map((c) => featureReport(c, names.has(c.name) ? collectColumn(table, c.name) : undefined, schemaOf.get(c.name)));
  const score = options.score ?? SCORE_COLUMNS.find((s) => names.has(s));
  let prediction: FeatureReport | null = null;
  if (!ref.scoreProfile) notes.push(monitorMessage.noScoreProfile());
  else if (!score) notes.push(monitorMessage.noScoreColumn(SCORE_COLUMNS.join(', ')));
  else {
    const sp = ref.scoreProfile.columns.find((c) => c.name === score) ?? ref.scoreProfile.columns.find((c) => c.type === 'number');
    if (sp) prediction = { ...featureReport(sp, collectColumn(table, score), undefined), name: score };
  }
  let performance: PerformanceReport | null = null;
  if (options.labels) {
    if (!names.has(options.labels)) notes.push(monitorMessage.noLabels(options.labels));
    else if (!score) notes.push(monitorMessage.noPredictionsForLabels(options.labels));
    else {
      if (!ref.metrics) notes.push(monitorMessage.noReferenceMetrics());
      performance = await comparePerformance(table, options.labels, score, ref.outputSchema, ref.metrics, options.bootstrap ?? { resamples: 200, seed: 0 });
    }
  }
  const judged = features.filter((f) => f.drift);
  const drifted = judged.filter((f) => f.drift!.drifted).length;
  const partial: Omit<MonitorReport, 'rules'> = {
    kind: MONITOR_REPORT_KIND,
    version: MONITOR_REPORT_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    reference: { source: ref.source, rows: ref.trainingProfile.rows, ...(ref.contentHash ? { contentHash: ref.contentHash } : {}) },
    current: { source: options.currentSource ?? 'table', rows: table.numRows() },
    summary: {
      status: 'ok',
      features: judged.length,
      driftedFeatures: drifted,
      driftedShare: judged.length ? drifted / judged.length : 0,
      predictionDrift: prediction?.drift ? prediction.drift.drifted : null,
      firedWarning: 0,
      firedCritical: 0,
    },
    features,
    prediction,
    quality: checkQuality(table, ref.inputSchema),
    performance,
    notes,
  };
  const results = evaluateRules(rules, partial, options.rules ? (options.rulesOrigin ?? 'options') : 'default');
  const firedWarning = results.filter((r) => r.fired && r.severity === 'warning').length;
  const firedCritical = results.filter((r) => r.fired && r.severity === 'critical').length;
  const status: MonitorStatus = firedCritical ? 'critical' : firedWarning ? 'warning' : 'ok';
  return { ...partial, summary: { ...partial.summary, status, firedWarning, firedCritical }, rules: results };
}

/**
 * The exit code for cron and CI: 0 nothing fired, 1 a warning rule fired, 2 a critical one (3, the
 * check could not run, is the caller's).
 *
 * @example
 * process.exitCode = monitorExitCode(report);
 */
export function monitorExitCode(report: MonitorReport): 0 | 1 | 2 {
  return report.summary.status === 'critical' ? 2 : report.summary.status === 'warning' ? 1 : 0;
}
