/**
 * What a run record keeps of a pipeline's structure, a cross-validation splitter and a data set's
 * quality findings: small, JSON-safe and bounded, so a record stays a few kilobytes whatever the
 * model or data (a column list of 10,000 names is cut, a finding's rows are never kept).
 */
import type { DataFindingRef, JsonValue, PipelineStepRecord, SplitterRecord } from './contract';
import { toJsonValue } from './json';

/** At most this many steps, parameters per step, array items and string characters are kept. */
export const STRUCTURE_LIMITS = { steps: 50, params: 50, items: 50, chars: 200, findings: 100 } as const;

/**
 * A JSON value cut to the limits: long strings end in '…', long arrays keep their first items and
 * say how many more there were.
 *
 * @example
 * boundJson(Array.from({ length: 60 }, (_, i) => i)) // [0, 1, …, 49, '… 10 more']
 */
export function boundJson(value: JsonValue, depth = 0): JsonValue {
  const { items, chars } = STRUCTURE_LIMITS;
  if (typeof value === 'string') return value.length > chars ? `${value.slice(0, chars - 1)}…` : value;
  if (Array.isArray(value)) {
    const kept = value.slice(0, items).map((v) => boundJson(v, depth + 1));
    return value.length > items ? [...kept, `… ${value.length - items} more`] : kept;
  }
  if (value !== null && typeof value === 'object') {
    if (depth >= 4) return '{…}';
    const entries = Object.entries(value);
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of entries.slice(0, STRUCTURE_LIMITS.params)) out[k] = boundJson(v, depth + 1);
    return out;
  }
  return value;
}

function boundParams(params: unknown): Record<string, JsonValue> {
  const json = toJsonValue(params ?? {});
  const bounded = json !== null && typeof json === 'object' && !Array.isArray(json) ? boundJson(json) : {};
  return bounded as Record<string, JsonValue>;
}

type Spec = { type?: unknown; name?: unknown; params?: unknown };

/**
 * A pipeline spec's steps in order, each with its name, class and parameters (fitted state left
 * out), and its estimator last as the step named 'estimator'. Undefined for anything but a
 * pipeline spec.
 *
 * @example
 * collectPipelineSteps(pipe.spec())
 * // [{ name: 'simpleImputer', kind: 'SimpleImputer', params: { strategy: 'median' } }, …, { name: 'estimator', kind: 'LogisticRegression', params: { C: 1 } }]
 */
export function collectPipelineSteps(spec: Spec | undefined): PipelineStepRecord[] | undefined {
  if (spec?.type !== 'Pipeline' || typeof spec.params !== 'object' || spec.params === null) return undefined;
  const { steps, estimator } = spec.params as { steps?: unknown; estimator?: Spec | null };
  if (!Array.isArray(steps)) return undefined;
  const out: PipelineStepRecord[] = (steps as Spec[]).slice(0, STRUCTURE_LIMITS.steps).map((s, i) => ({
    name: typeof s?.name === 'string' ? s.name.slice(0, STRUCTURE_LIMITS.chars) : `step${i}`,
    kind: typeof s?.type === 'string' ? s.type.slice(0, STRUCTURE_LIMITS.chars) : '?',
    params: boundParams(s?.params),
  }));
  if (estimator && typeof estimator.type === 'string') out.push({ name: 'estimator', kind: estimator.type.slice(0, STRUCTURE_LIMITS.chars), params: boundParams(estimator.params) });
  return out;
}

/**
 * The splitter a cross-validation used: a number `k` is the default k-fold the caller asked for,
 * a splitter its class and parameters, explicit folds their count.
 *
 * @example
 * collectSplitter(new KFold({ nSplits: 5, shuffle: true, seed: 1 })) // { kind: 'KFold', params: { nSplits: 5, shuffle: true, seed: 1 } }
 * collectSplitter(5) // { kind: 'kFold', params: { nSplits: 5 } }
 */
export function collectSplitter(cv: unknown): SplitterRecord | undefined {
  if (cv === undefined) return undefined;
  if (typeof cv === 'number') return { kind: 'kFold', params: { nSplits: cv } };
  if (Array.isArray(cv)) return { kind: 'folds', params: { nSplits: cv.length } };
  const spec = (cv as { spec?: unknown }).spec;
  if (typeof spec !== 'function') return undefined;
  const s = (spec as () => Spec).call(cv);
  return typeof s?.type === 'string' ? { kind: s.type.slice(0, STRUCTURE_LIMITS.chars), params: boundParams(s.params) } : undefined;
}

/**
 * Quality findings as a record keeps them: kind, severity and column only (the first 100).
 *
 * @example
 * collectFindingRefs(qualityReport(test).findings) // [{ kind: 'missing', severity: 'warning', column: 'age' }]
 */
export function collectFindingRefs(findings: readonly { kind: string; severity: string; column?: string }[]): DataFindingRef[] {
  const severities = new Set(['error', 'warning', 'info']);
  return findings
    .filter((f) => typeof f?.kind === 'string' && severities.has(f.severity))
    .slice(0, STRUCTURE_LIMITS.findings)
    .map((f) => ({
      kind: f.kind.slice(0, STRUCTURE_LIMITS.chars),
      severity: f.severity as DataFindingRef['severity'],
      ...(typeof f.column === 'string' ? { column: f.column.slice(0, STRUCTURE_LIMITS.chars) } : {}),
    }));
}

/** What a PII scan found in one column (the shape of `scanPII(table).columns`). */
interface PIIColumnLike {
  column: string;
  name?: { kind: string };
  values: readonly { kind: string }[];
}

/**
 * A PII scan as findings a record keeps: each value pattern as `pii-<type>` (e.g. 'pii-email',
 * severity error); a column flagged only by its name as `pii-identifier` or `pii-quasiIdentifier`
 * (warning) or `pii-sensitiveAttribute` (info).
 *
 * @example
 * collectPIIFindingRefs(scanPII(customers).columns) // [{ kind: 'pii-email', severity: 'error', column: 'email' }]
 */
export function collectPIIFindingRefs(columns: readonly PIIColumnLike[]): DataFindingRef[] {
  const out: DataFindingRef[] = [];
  for (const c of columns) {
    for (const v of c.values) out.push({ kind: `pii-${v.kind}`, severity: 'error', column: c.column });
    if (c.values.length === 0 && c.name) out.push({ kind: `pii-${c.name.kind}`, severity: c.name.kind === 'sensitiveAttribute' ? 'info' : 'warning', column: c.column });
  }
  return collectFindingRefs(out);
}

/**
 * A finding's identity across runs: its kind and column, e.g. 'missing: age' or 'duplicateRows'.
 *
 * @example
 * findingId({ kind: 'missing', severity: 'warning', column: 'age' }) // 'missing: age'
 */
export function findingId(f: DataFindingRef): string {
  return f.column !== undefined ? `${f.kind}: ${f.column}` : f.kind;
}
