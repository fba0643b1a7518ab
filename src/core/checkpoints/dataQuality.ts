import type { RunRecord } from '../runs/contract';
import type { CheckpointDefinition, CheckpointOutcome, CheckpointProblem } from './contract';
import { checkpointMessage as m } from './messages';
import { outcome, runLabel, topRuns } from './sessionRuns';
import { isPreprocessorRun } from '../runs/preprocessorRuns';

/**
 * The columns a run's model could use: its data's columns, less those a recorded DropColumns step
 * removes and outside those a SelectColumns step keeps (a selection by rule keeps every column).
 */
function featureColumns(r: RunRecord, columns: string[]): string[] {
  let out = columns;
  for (const step of r.pipeline ?? []) {
    const named = Array.isArray(step.params.columns) ? step.params.columns.filter((c): c is string => typeof c === 'string') : undefined;
    if (!named) continue;
    if (step.kind === 'DropColumns') out = out.filter((c) => !named.includes(c));
    else if (step.kind === 'SelectColumns') out = out.filter((c) => named.includes(c));
  }
  return out;
}

/** The `justify` option: column → the reason it may be a feature. */
function justifications(v: unknown): Record<string, string> {
  if (typeof v !== 'object' || v === null) return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

/**
 * The data every fit, cross-validation and search of the session used has no blocking finding
 * (severity 'error'), and no column that looks like personal data (the recorded `pii-*` findings) is
 * among its features unless the cell justifies it: `checkpoint('data-quality', { justify: { column: 'reason' } })`.
 *
 * @example
 * await checkpoint('data-quality', { justify: { age: 'age is the risk factor the model must use' } })
 */
export const dataQuality: CheckpointDefinition = {
  id: 'data-quality',
  title: m.qualityTitle,
  why: m.qualityWhy,
  check(ctx): CheckpointOutcome {
    // A preprocessor fitted on its own is no model: its table's columns are not the model's inputs.
    const fits = topRuns(ctx.runs, ['fit', 'cv', 'search']).filter((r) => !isPreprocessorRun(r));
    if (fits.length === 0) return outcome([m.noRuns('fit, cross-validation or search')], [], []);
    const justify = justifications(ctx.options.justify);
    const blocking = new Map<string, { kind: string; column?: string; runs: string[] }>();
    const pii = new Map<string, { kind: string; runs: string[] }>();
    const checked: string[] = [];
    for (const r of fits) {
      const data = r.data.filter((d) => d.role === 'train');
      if (data.some((d) => d.findings === undefined)) checked.push(m.qualityNotChecked(runLabel(r)));
      const findings = data.flatMap((d) =>
        (d.findings ?? []).map((f) => ({
          f,
          columns: featureColumns(
            r,
            d.fingerprint.columns.map((c) => c.name),
          ),
        })),
      );
      for (const { f, columns } of findings) {
        if (f.kind.startsWith('pii-')) {
          if (f.severity === 'info' || f.column === undefined || !columns.includes(f.column)) continue;
          const e = pii.get(f.column) ?? { kind: f.kind, runs: [] };
          e.runs.push(runLabel(r));
          pii.set(f.column, e);
        } else if (f.severity === 'error') {
          const key = `${f.kind}\u0000${f.column ?? ''}`;
          const e = blocking.get(key) ?? { kind: f.kind, ...(f.column !== undefined ? { column: f.column } : {}), runs: [] };
          e.runs.push(runLabel(r));
          blocking.set(key, e);
        }
      }
      if (data.every((d) => d.findings !== undefined)) checked.push(m.qualityChecked(runLabel(r), findings.length));
    }
    const problems: CheckpointProblem[] = [...blocking.values()].map((b) => m.blocking(b.kind, b.column, b.runs));
    for (const [column, e] of pii) {
      if (justify[column] !== undefined) checked.push(m.piiJustified(column, justify[column]));
      else problems.push(m.pii(column, e.kind, e.runs));
    }
    return outcome(
      problems,
      checked,
      fits.map((r) => r.id),
    );
  },
};
