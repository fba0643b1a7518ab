import type { ColumnTable } from 'arquero';
import { rowHashes } from '../fingerprint';
import type { CollectedColumn } from '../columns';
import { pearson } from '../stats';
import type { ColumnQuality, Finding, LeakageSummary } from './contract';
import { show } from './checks';
import { formatShare } from '../../text/number';

/**
 * Test rows whose feature values equal a training row's (by `rowHashes` over the shared
 * feature columns).
 *
 * @example
 * collectOverlap(train, test, ['age', 'income']) // { testRows: 200, sharedRows: 3, sharedShare: 0.015 }
 */
export function collectOverlap(train: ColumnTable, test: ColumnTable, features: string[], trainHashes: Float64Array = rowHashes(train, features)): LeakageSummary {
  const sorted = trainHashes.slice().sort();
  const hashes = rowHashes(test, features);
  let shared = 0;
  for (let i = 0; i < hashes.length; i++) if (contains(sorted, hashes[i])) shared++;
  return { testRows: hashes.length, sharedRows: shared, sharedShare: hashes.length ? shared / hashes.length : 0 };
}

/** Binary search in sorted hashes (a Set of a million boxed doubles is slower and larger). */
function contains(sorted: Float64Array, h: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === h) return true;
    if (sorted[mid] < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The error finding for test rows that also appear in training, if any. */
export function overlapFinding(o: LeakageSummary): Finding[] {
  if (o.sharedRows === 0) return [];
  return [
    {
      kind: 'trainTestOverlap',
      severity: 'error',
      message: `${o.sharedRows} of ${o.testRows} test rows (${formatShare(o.sharedShare)}) also appear in the training data.`,
      advice: 'Remove them from the test split (or split by group, e.g. per customer): scores on rows the model has seen are not out-of-sample.',
    },
  ];
}

/** Columns of the test split that are missing or hold another kind of value than in training. */
export function schemaFindings(train: ColumnQuality[], test: ColumnQuality[]): Finding[] {
  const byName = new Map(test.map((c) => [c.name, c]));
  const findings: Finding[] = [];
  for (const c of train) {
    const t = byName.get(c.name);
    if (!t)
      findings.push({
        kind: 'schemaMismatch',
        severity: 'error',
        column: c.name,
        message: `The test split has no column ${c.name}.`,
        advice: 'Split both sets from the same table, or add the column to the test data.',
      });
    else if (t.kind !== c.kind && t.kind !== 'empty' && c.kind !== 'empty') {
      findings.push({
        kind: 'schemaMismatch',
        severity: 'error',
        column: c.name,
        message: `${c.name} holds ${c.kind} values in training but ${t.kind} in the test split.`,
        advice: 'Load both with the same explicit types (the `types` option of the readers).',
      });
    }
  }
  return findings;
}

/**
 * Features that almost equal the target: a numeric feature with |Pearson r| ≥ `threshold`
 * against a numeric (or two-class) label, or a feature whose every value maps to a single label
 * value while its values repeat (so it is not merely an id).
 */
export function targetLeakageFindings(label: string, columns: Map<string, CollectedColumn>, features: string[], threshold: number, distinct: Map<string, number>): Finding[] {
  const y = columns.get(label)!;
  const yNumeric = numericLabel(y);
  const findings: Finding[] = [];
  for (const f of features) {
    const x = columns.get(f)!;
    if (yNumeric && x.kind === 'number') {
      const r = pearson(x.values, yNumeric);
      if (Math.abs(r) >= threshold) {
        findings.push(leak(f, `${f} correlates with the label ${label} at r = ${r.toFixed(4)}.`));
        continue;
      }
    }
    const d = distinct.get(f) ?? 0;
    // Only columns whose values repeat (at most one distinct value per two rows) can "determine" the label; ids cannot.
    const mapping = d >= 2 && d <= x.values.length / 2 ? determinesLabel(x, y) : undefined;
    if (mapping)
      findings.push(
        leak(f, `Each value of ${f} goes with a single value of ${label} (${mapping.groups} values in ${mapping.rows} rows; e.g. ${show(mapping.example[0])} → ${show(mapping.example[1])}).`),
      );
  }
  return findings;
}

function leak(column: string, message: string): Finding {
  return {
    kind: 'targetLeakage',
    severity: 'error',
    column,
    message,
    advice: `Check how ${column} is produced: if it is known only after the outcome (or derived from it), drop it from the features.`,
  };
}

function numericLabel(y: CollectedColumn): Float64Array | undefined {
  if (y.kind === 'number') return y.values;
  if (y.kind === 'boolean' || y.kind === 'string') {
    const classes = [...new Set(y.values.filter((v) => v !== null))];
    if (classes.length !== 2) return undefined;
    return Float64Array.from(y.values, (v) => (v === null ? NaN : v === classes[1] ? 1 : 0));
  }
  return undefined;
}

/** Whether x's values partition the rows into groups with one label value each (and groups repeat). */
function determinesLabel(x: CollectedColumn, y: CollectedColumn): { groups: number; rows: number; example: [unknown, unknown] } | undefined {
  const label = new Map<unknown, unknown>();
  const labels = new Set<unknown>();
  let rows = 0;
  const xv = x.values as ArrayLike<unknown>;
  const yv = y.values as ArrayLike<unknown>;
  for (let i = 0; i < xv.length; i++) {
    const a = xv[i];
    const b = yv[i];
    if (a === null || b === null || a !== a || b !== b) continue;
    rows++;
    labels.add(b);
    const seen = label.get(a);
    if (seen === undefined) label.set(a, b);
    else if (seen !== b) return undefined;
  }
  if (labels.size < 2 || label.size < 2 || label.size > rows / 2) return undefined;
  const first = label.entries().next().value as [unknown, unknown];
  return { groups: label.size, rows, example: first };
}
