import type { ColumnTable } from 'arquero';
import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { collectColumn, type CollectedColumn } from './columns';
import { dataMessage } from './messages';
import { collectColumnFindings, collectDuplicateFinding, collectLabelFindings } from './quality/checks';
import { collectColumnQuality } from './quality/columnQuality';
import type { ClassBalance, Finding, QualityOptions, QualityReportData, Severity } from './quality/contract';
import { countDuplicateRows } from './quality/duplicates';
import { collectOverlap, overlapFinding, schemaFindings, targetLeakageFindings } from './quality/leakage';
import { renderQualityHtml, renderQualityText } from './quality/render';
import { countValues } from './stats';

/**
 * A data-quality report: shows itself in a cell, and serializes to plain JSON for run records.
 *
 * @example
 * const report = qualityReport(train, { label: 'species', test });
 * report.passed; report.filter({ severity: 'error' }); JSON.stringify(report);
 */
export class QualityReport implements Displayable, QualityReportData {
  readonly kind = 'modelbook.qualityReport';
  readonly version = 1;
  readonly rows: number;
  readonly duplicateRows: number;
  readonly columns: QualityReportData['columns'];
  readonly label?: ClassBalance;
  readonly leakage?: QualityReportData['leakage'];
  readonly findings: Finding[];
  readonly passed: boolean;

  constructor(data: Omit<QualityReportData, 'kind' | 'version'>) {
    this.rows = data.rows;
    this.duplicateRows = data.duplicateRows;
    this.columns = data.columns;
    if (data.label) this.label = data.label;
    if (data.leakage) this.leakage = data.leakage;
    this.findings = data.findings;
    this.passed = data.passed;
  }

  /** The findings of one severity, or of one column. */
  filter(by: { severity?: Severity; column?: string }): Finding[] {
    return this.findings.filter((f) => (by.severity === undefined || f.severity === by.severity) && (by.column === undefined || f.column === by.column));
  }

  toJSON(): QualityReportData {
    const { kind, version, rows, duplicateRows, columns, label, leakage, findings, passed } = this;
    return JSON.parse(JSON.stringify({ kind, version, rows, duplicateRows, columns, label, leakage, findings, passed }, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
  }

  [MIME_BUNDLE](): MimeBundle {
    const data = this.toJSON();
    return { 'text/html': renderQualityHtml(data), 'text/plain': renderQualityText(data) };
  }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a table before modelling: inferred schema, missing values, ranges, duplicate rows,
 * constant and near-constant columns, high-cardinality text, the label's class balance, and —
 * with `test` — train/test leakage (shared rows, schema differences) and features that almost
 * equal the label. Each finding has a severity and a sentence on what to do; `passed` is false
 * when any finding is an error. Defaults: see `QualityOptions`.
 *
 * @example
 * const report = qualityReport(train, { label: 'churn', test, ignore: ['customer_id'] });
 * report            // renders in the cell
 * report.passed     // false when e.g. test rows also appear in train
 * report.toJSON()   // plain JSON for a run record
 */
export function qualityReport(table: ColumnTable, options: QualityOptions = {}): QualityReport {
  const fn = 'qualityReport';
  if (!isTable(table)) throw new TypeError(dataMessage.notTable(fn));
  if (typeof options !== 'object' || options === null) throw new TypeError(dataMessage.badInput(fn, "an options object, e.g. { label: 'churn' }"));
  if (options.test !== undefined && !isTable(options.test)) throw new TypeError(dataMessage.badOption(fn, 'test', 'an arquero table (the test split)', typeof options.test));
  const names = table.columnNames();
  const missing = [options.label, ...(options.ignore ?? [])].filter((n): n is string => n !== undefined && !names.includes(n));
  if (missing.length) throw new Error(dataMessage.unknownColumns(fn, options.label && !names.includes(options.label) ? 'label' : 'ignore', missing, names));
  for (const k of ['missingWarning', 'nearConstant', 'minorityShare', 'leakageCorrelation'] as const) {
    const v = options[k];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 1)) throw new TypeError(dataMessage.badOption(fn, k, 'a share between 0 and 1', v));
  }
  return _qualityReport(table, options);
}

export function _qualityReport(table: ColumnTable, o: QualityOptions): QualityReport {
  const ignore = new Set(o.ignore ?? []);
  const names = table.columnNames().filter((n) => !ignore.has(n));
  const rows = table.numRows();
  const collected = new Map<string, CollectedColumn>(names.map((n) => [n, collectColumn(table, n)]));
  const columns = names.map((n) => collectColumnQuality(table, n, collected.get(n)));
  const features = names.filter((n) => n !== o.label);
  const duplicateRows = countDuplicateRows(names.map((n) => collected.get(n)!));
  const findings: Finding[] = [...collectColumnFindings(columns, rows, o), ...collectDuplicateFinding(duplicateRows, rows)];
  let label: ClassBalance | undefined;
  if (o.label) {
    const lq = columns.find((c) => c.name === o.label)!;
    const y = collected.get(o.label)!;
    const categorical = y.kind === 'string' || y.kind === 'boolean' || (y.kind === 'number' && lq.distinct <= 20);
    if (categorical) {
      const counts = countValues(Array.from(y.values as ArrayLike<unknown>, (v) => (typeof v === 'number' && Number.isNaN(v) ? null : v)));
      const total = counts.reduce((a, c) => a + c.count, 0);
      label = { label: o.label, classes: counts.map((c) => ({ ...c, share: total ? c.count / total : 0 })) };
    }
    findings.push(...collectLabelFindings(lq, label?.classes, o));
    const distinct = new Map(columns.map((c) => [c.name, c.distinct]));
    findings.push(...targetLeakageFindings(o.label, collected, features, o.leakageCorrelation ?? 0.99, distinct));
  }
  let leakage: QualityReportData['leakage'];
  if (o.test) {
    const testNames = o.test.columnNames();
    findings.push(
      ...schemaFindings(
        columns,
        names.filter((n) => testNames.includes(n)).map((n) => collectColumnQuality(o.test!, n)),
      ),
    );
    const shared = features.filter((n) => testNames.includes(n));
    if (shared.length) {
      leakage = collectOverlap(table, o.test, shared);
      findings.push(...overlapFinding(leakage));
    }
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return new QualityReport({ rows, duplicateRows, columns, label, leakage, findings, passed: !findings.some((f) => f.severity === 'error') });
}

function isTable(v: unknown): v is ColumnTable {
  const t = v as ColumnTable | null;
  return typeof t === 'object' && t !== null && typeof t.numRows === 'function' && typeof t.columnNames === 'function' && typeof t.column === 'function';
}
