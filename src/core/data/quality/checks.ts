import type { ColumnQuality, Finding, QualityOptions } from './contract';
import { formatShare } from '../../text/number';

/**
 * Findings about single columns: missing values, constant and near-constant columns,
 * high-cardinality text, mixed value types.
 *
 * @example
 * collectColumnFindings([{ name: 'x', kind: 'number', count: 10, missing: 0, distinct: 1, … }], 10, {}) // [{ kind: 'constant', … }]
 */
export function collectColumnFindings(columns: ColumnQuality[], rows: number, o: QualityOptions): Finding[] {
  const findings: Finding[] = [];
  const missingWarning = o.missingWarning ?? 0.05;
  const nearConstant = o.nearConstant ?? 0.99;
  const highCardinality = o.highCardinality ?? 50;
  for (const c of columns) {
    if (c.name === o.label) continue;
    if (c.count === 0) {
      findings.push({ kind: 'missing', severity: 'warning', column: c.name, message: `${c.name} has no values at all.`, advice: 'Drop the column: it carries no information.' });
      continue;
    }
    if (c.missing > 0) {
      const severity = c.missingShare >= missingWarning ? 'warning' : 'info';
      findings.push({
        kind: 'missing',
        severity,
        column: c.name,
        message: `${c.name} is missing in ${c.missing} of ${rows} rows (${formatShare(c.missingShare)}).`,
        advice:
          c.missingShare >= 0.5
            ? 'Drop the column, or add a "was missing" indicator before imputing: most values are missing.'
            : 'Impute it inside the preprocessing pipeline (fitted on the training split only), e.g. with the median or the most frequent value.',
      });
    }
    if (c.distinct === 1) {
      findings.push({
        kind: 'constant',
        severity: 'warning',
        column: c.name,
        message: `${c.name} has a single value (${show(c.top)}) in every row that has one.`,
        advice: 'Drop the column: a constant carries no information and can break scaling (zero variance).',
      });
    } else if ((c.topShare ?? 0) >= nearConstant) {
      findings.push({
        kind: 'nearConstant',
        severity: 'info',
        column: c.name,
        message: `${c.name} is near-constant: ${show(c.top)} in ${formatShare(c.topShare!)} of rows.`,
        advice: 'Check that the rare values are real; consider dropping the column or turning it into a flag for the rare values.',
      });
    }
    if (c.kind === 'string' && c.distinct >= highCardinality && c.distinct > c.count / 2) {
      const id = c.distinct === c.count;
      findings.push({
        kind: 'highCardinality',
        severity: 'warning',
        column: c.name,
        message: `${c.name} is text with ${c.distinct} distinct values in ${c.count} rows${id ? ' (every value unique: an identifier?)' : ''}.`,
        advice: id
          ? 'Leave it out of the features (pass it in `ignore`) — an identifier lets a model memorise rows.'
          : 'Do not one-hot encode it; group rare values, hash them, or leave the column out.',
      });
    }
    if (c.kind === 'other') {
      findings.push({
        kind: 'mixedTypes',
        severity: 'warning',
        column: c.name,
        message: `${c.name} mixes value types (e.g. numbers and text, or objects).`,
        advice: "Give the column one type when loading (e.g. readCSV(path, { types: { col: 'number' } }) to see which rows do not fit).",
      });
    }
  }
  return findings;
}

/** The finding for duplicate rows, if any. */
export function collectDuplicateFinding(duplicates: number, rows: number): Finding[] {
  if (duplicates === 0) return [];
  return [
    {
      kind: 'duplicateRows',
      severity: duplicates / rows >= 0.01 ? 'warning' : 'info',
      message: `${duplicates} rows (${formatShare(duplicates / rows)}) repeat an earlier row exactly.`,
      advice: 'Drop duplicates before splitting (table.dedupe()); otherwise copies of a row can land in both train and test.',
    },
  ];
}

/** Findings about the label: missing values and class imbalance. */
export function collectLabelFindings(label: ColumnQuality, classes: { value: unknown; count: number; share: number }[] | undefined, o: QualityOptions): Finding[] {
  const findings: Finding[] = [];
  if (label.missing > 0) {
    findings.push({
      kind: 'labelMissing',
      severity: 'error',
      column: label.name,
      message: `The label ${label.name} is missing in ${label.missing} rows.`,
      advice: 'Drop the rows without a label before training (they cannot be learned from or scored).',
    });
  }
  if (classes && classes.length >= 2) {
    const smallest = classes[classes.length - 1];
    const minority = o.minorityShare ?? 0.1;
    if (smallest.share < minority) {
      findings.push({
        kind: 'classImbalance',
        severity: 'warning',
        column: label.name,
        message: `The label is imbalanced: class ${show(smallest.value)} is ${formatShare(smallest.share)} of rows (${smallest.count}).`,
        advice: 'Use stratified splits, report balanced accuracy and PR AUC rather than accuracy, and consider class weights.',
      });
    }
  }
  return findings;
}

/** A value as a finding's sentence quotes it (text in quotes, cut at 30 characters). */
export function show(v: unknown): string {
  return typeof v === 'string' ? `'${v.length > 30 ? v.slice(0, 29) + '…' : v}'` : String(v);
}
