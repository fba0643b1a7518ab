/**
 * The model diff's view of what a run record keeps of its structure: pipeline steps compared by
 * name, their parameters and the cross-validation splitter as dotted parameter paths, and the data
 * set's quality findings.
 */
import type { PipelineStepChange } from './contract';
import type { DataFindingRef, JsonValue, PipelineStepRecord, RunRecord } from '../runs/contract';
import { findingId } from '../runs/structure';

/**
 * The longest common subsequence of two name lists (names are unique within each), as a set: the
 * steps that kept their relative order.
 */
function keptOrder(a: string[], b: string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) {
      kept.add(a[i]);
      i++;
      j++;
    } else if (len[i + 1][j] >= len[i][j + 1]) i++;
    else j++;
  }
  return kept;
}

/**
 * Pipeline steps by name: added, removed, moved (out of the order the other steps kept), of another
 * class, or unchanged; head's order first, then the removed steps in base's order. Undefined when
 * neither side recorded its pipeline (a bare estimator, or records older than pipeline structure).
 *
 * @example
 * diffPipeline([{ name: 'scale', kind: 'StandardScaler', params: {} }], [{ name: 'impute', kind: 'SimpleImputer', params: {} }, { name: 'scale', kind: 'StandardScaler', params: {} }])
 * // [{ name: 'impute', change: 'added', head: { index: 0, kind: 'SimpleImputer' } }, { name: 'scale', change: 'unchanged', … }]
 */
export function diffPipeline(base: PipelineStepRecord[] | undefined, head: PipelineStepRecord[] | undefined): PipelineStepChange[] | undefined {
  if (!base && !head) return undefined;
  const b = new Map((base ?? []).map((s, index) => [s.name, { index, kind: s.kind }]));
  const h = new Map((head ?? []).map((s, index) => [s.name, { index, kind: s.kind }]));
  const common = (steps: PipelineStepRecord[] | undefined, other: Map<string, unknown>) => (steps ?? []).map((s) => s.name).filter((n) => other.has(n));
  const kept = keptOrder(common(base, h), common(head, b));
  const out: PipelineStepChange[] = [];
  for (const [name, hs] of h) {
    const bs = b.get(name);
    if (!bs) out.push({ name, change: 'added', head: hs });
    else out.push({ name, change: !kept.has(name) ? 'moved' : bs.kind !== hs.kind ? 'changed' : 'unchanged', base: bs, head: hs });
  }
  for (const [name, bs] of b) if (!h.has(name)) out.push({ name, change: 'removed', base: bs });
  return out;
}

/**
 * The parameters a record's structure adds to its params, as dotted paths: each pipeline step's
 * parameters as `step.param` (the estimator's are the record's own params already), and the
 * splitter as `splitter.kind` and `splitter.<param>`.
 *
 * @example
 * structureParams({ pipeline: [{ name: 'impute', kind: 'SimpleImputer', params: { strategy: 'mean' } }], splitter: { kind: 'KFold', params: { nSplits: 5 } } })
 * // { 'impute.strategy': 'mean', 'splitter.kind': 'KFold', 'splitter.nSplits': 5 } (as nested JSON, flattened by diffParams)
 */
export function structureParams(r: Pick<RunRecord, 'pipeline' | 'splitter'>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const step of r.pipeline ?? []) if (step.name !== 'estimator' && Object.keys(step.params ?? {}).length > 0) out[step.name] = step.params;
  if (r.splitter) {
    // A split's lineage (fingerprint hashes of its table and parts) changes with the data, which the diff shows apart.
    const { parts: _lineage, ...params } = r.splitter.params;
    out.splitter = { kind: r.splitter.kind, ...params };
  }
  return out;
}

/**
 * Quality findings head has and base had not (`appeared`) and the reverse (`gone`), by kind and
 * column; `compared` is false when a side did not check its data (then both lists are empty).
 *
 * @example
 * diffFindings([{ kind: 'missing', severity: 'warning', column: 'age' }], [])
 * // { appeared: [], gone: ['missing: age'], compared: true }
 */
export function diffFindings(base: DataFindingRef[] | undefined, head: DataFindingRef[] | undefined): { appeared: string[]; gone: string[]; compared: boolean } {
  if (!base || !head) return { appeared: [], gone: [], compared: false };
  const b = new Set(base.map(findingId));
  const h = new Set(head.map(findingId));
  return { appeared: [...h].filter((f) => !b.has(f)), gone: [...b].filter((f) => !h.has(f)), compared: true };
}
