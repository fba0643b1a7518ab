/**
 * The parts of a model diff that two run records give directly: parameters, model, data, gates and
 * environment (the kept predictions give the rest, see `diffPredictions`).
 */
import type { DataChange, EnvironmentChange, EnvironmentEntry, GateDelta, ModelChange, ParamChange } from './contract';
import { diffFindings, structureParams } from './diffStructure';
import type { DataUse, JsonValue, RunRecord } from '../runs/contract';
import type { ModelSummary } from '../models/contract';

/**
 * A JSON value as dotted paths to its leaves: objects by key (`pipeline.scaler.kind`), arrays by
 * index (`steps[1].strategy`). Empty objects and arrays inside are leaves; an empty root has none.
 *
 * @example
 * flattenJson({ C: 1, steps: [{ kind: 'impute' }] }) // Map { 'C' => 1, 'steps[0].kind' => 'impute' }
 */
export function flattenJson(value: JsonValue, prefix = '', out = new Map<string, JsonValue>()): Map<string, JsonValue> {
  if (Array.isArray(value) && value.length > 0) value.forEach((v, i) => flattenJson(v, `${prefix}[${i}]`, out));
  else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0)
    for (const [k, v] of Object.entries(value)) flattenJson(v, prefix === '' ? k : `${prefix}.${k}`, out);
  else if (prefix !== '') out.set(prefix, value); // an empty root has no leaves
  return out;
}

type ParamSource = Pick<RunRecord, 'params' | 'seed'> & Partial<Pick<RunRecord, 'pipeline' | 'splitter' | 'kind'>>;

/** An evaluation's params less `baseline`: the baseline comparison's results (numbers, not settings; the metrics show them). */
function settingsOf(params: RunRecord['params'] | undefined): RunRecord['params'] {
  const { baseline: _results, ...settings } = params ?? {};
  return settings;
}

/**
 * Changed, added and removed parameters as dotted paths, sorted by path: the estimator's params,
 * each pipeline step's as `step.param`, the splitter's as `splitter.kind` / `splitter.<param>`, and
 * the seed. When both sides recorded their pipeline, its one-line `steps` summary is left out (the
 * pipeline steps say it better, see `diffPipeline`).
 *
 * @example
 * diffParams({ params: { C: 1 }, seed: 1 }, { params: { C: 10 }, seed: 1 })
 * // [{ name: 'C', change: 'changed', base: 1, head: 10 }]
 */
export function diffParams(base: ParamSource, head: ParamSource): ParamChange[] {
  const structured = !!base.pipeline && !!head.pipeline;
  const flat = (r: ParamSource) => {
    const m = flattenJson(r.kind === 'evaluation' ? settingsOf(r.params) : (r.params ?? {}));
    if (structured) m.delete('steps');
    for (const [k, v] of flattenJson(structureParams(r))) if (!m.has(k)) m.set(k, v);
    if (r.seed !== undefined && !m.has('seed')) m.set('seed', r.seed);
    return m;
  };
  const b = flat(base);
  const h = flat(head);
  const out: ParamChange[] = [];
  for (const name of [...new Set([...b.keys(), ...h.keys()])].sort()) {
    if (!h.has(name)) out.push({ name, change: 'removed', base: b.get(name) });
    else if (!b.has(name)) out.push({ name, change: 'added', head: h.get(name) });
    else if (JSON.stringify(b.get(name)) !== JSON.stringify(h.get(name))) out.push({ name, change: 'changed', base: b.get(name), head: h.get(name) });
  }
  return out;
}

const layerText = (l: NonNullable<ModelSummary['layers']>[number]) => `${l.kind} ${JSON.stringify(l.outputShape)} ${l.parameters} params`;

/**
 * Model type, parameter count, layers (by name: kind, output shape, parameters) and weight
 * statistics (mean and std deltas per weight) of two model summaries.
 *
 * @example
 * diffModel({ type: 'MLP', parameterCount: 100 }, { type: 'MLP', parameterCount: 120 }).parameterCountDelta // 20
 */
export function diffModel(base: ModelSummary | undefined, head: ModelSummary | undefined): ModelChange {
  const layers: ModelChange['layers'] = [];
  const bl = new Map((base?.layers ?? []).map((l) => [l.name, l]));
  const hl = new Map((head?.layers ?? []).map((l) => [l.name, l]));
  for (const name of new Set([...bl.keys(), ...hl.keys()])) {
    const b = bl.get(name);
    const h = hl.get(name);
    const bt = b && layerText(b);
    const ht = h && layerText(h);
    layers.push({ name, change: !b ? 'added' : !h ? 'removed' : bt === ht ? 'unchanged' : 'changed', ...(bt ? { base: bt } : {}), ...(ht ? { head: ht } : {}) });
  }
  const weights: ModelChange['weights'] = [];
  const bw = new Map((base?.weights ?? []).map((w) => [w.name, w]));
  const hw = new Map((head?.weights ?? []).map((w) => [w.name, w]));
  for (const name of new Set([...bw.keys(), ...hw.keys()])) {
    const b = bw.get(name);
    const h = hw.get(name);
    const stats = (w: typeof b) => w && { mean: w.mean, std: w.std };
    if (b && h) {
      const same = b.mean === h.mean && b.std === h.std && JSON.stringify(b.shape) === JSON.stringify(h.shape);
      weights.push({ name, change: same ? 'unchanged' : 'changed', meanDelta: h.mean - b.mean, stdDelta: h.std - b.std, base: stats(b), head: stats(h) });
    } else weights.push({ name, change: b ? 'removed' : 'added', ...(b ? { base: stats(b) } : { head: stats(h) }) });
  }
  return {
    ...(base ? { base: { type: base.type, parameterCount: base.parameterCount } } : {}),
    ...(head ? { head: { type: head.type, parameterCount: head.parameterCount } } : {}),
    typeChanged: !!base && !!head && base.type !== head.type,
    parameterCountDelta: base && head ? head.parameterCount - base.parameterCount : null,
    layers,
    weights,
  };
}

/**
 * Per data role (and name): same content hash or not, the change in rows, columns added, removed
 * or of another type. A role used on one side only is compared with nothing (all columns added or
 * removed).
 *
 * @example
 * diffData(baseRecord.data, headRecord.data).find((d) => d.role === 'test')?.columnsAdded // ['tenure_years']
 */
export function diffData(base: DataUse[], head: DataUse[]): DataChange[] {
  const key = (d: DataUse) => `${d.role}\u0000${d.name ?? ''}`;
  const hb = new Map(base.map((d) => [key(d), d]));
  const hh = new Map(head.map((d) => [key(d), d]));
  // A renamed data set of the same role pairs with its role's only counterpart.
  for (const [k, d] of [...hh]) {
    if (hb.has(k)) continue;
    const sameRoleB = [...hb].filter(([kb, db]) => db.role === d.role && !hh.has(kb));
    const sameRoleH = [...hh].filter(([, dh]) => dh.role === d.role && !hb.has(key(dh)));
    if (sameRoleB.length === 1 && sameRoleH.length === 1) {
      hb.delete(sameRoleB[0][0]);
      hb.set(k, sameRoleB[0][1]);
    }
  }
  const out: DataChange[] = [];
  for (const k of new Set([...hb.keys(), ...hh.keys()])) {
    const b = hb.get(k);
    const h = hh.get(k);
    const cb = new Map((b?.fingerprint.columns ?? []).map((c) => [c.name, c.type]));
    const ch = new Map((h?.fingerprint.columns ?? []).map((c) => [c.name, c.type]));
    out.push({
      role: (h ?? b)!.role,
      ...((h ?? b)!.name !== undefined ? { name: (h ?? b)!.name } : {}),
      ...(b ? { base: b.fingerprint } : {}),
      ...(h ? { head: h.fingerprint } : {}),
      sameContent: !!b && !!h && b.fingerprint.hash === h.fingerprint.hash,
      rowsDelta: b && h ? h.fingerprint.rows - b.fingerprint.rows : null,
      columnsAdded: [...ch.keys()].filter((c) => !cb.has(c)),
      columnsRemoved: [...cb.keys()].filter((c) => !ch.has(c)),
      typeChanged: [...ch].filter(([c, t]) => cb.has(c) && cb.get(c) !== t).map(([column, t]) => ({ column, base: cb.get(column)!, head: t })),
      ...((f) => ({ findingsAppeared: f.appeared, findingsGone: f.gone, findingsCompared: f.compared }))(diffFindings(b?.findings, h?.findings)),
    });
  }
  return out;
}

/**
 * Each gate's result on both sides, by name; a gate that passed (or was absent) on base and fails
 * on head is newly failing.
 *
 * @example
 * diffGates([{ name: 'auc >= 0.8', passed: true }], [{ name: 'auc >= 0.8', passed: false }])[0].newlyFailing // true
 */
export function diffGates(base: RunRecord['gates'], head: RunRecord['gates']): GateDelta[] {
  const b = new Map(base.map((g) => [g.name, g]));
  const h = new Map(head.map((g) => [g.name, g]));
  return [...new Set([...b.keys(), ...h.keys()])].map((name) => {
    const gb = b.get(name);
    const gh = h.get(name);
    return {
      name,
      base: gb ? gb.passed : null,
      head: gh ? gh.passed : null,
      newlyFailing: gh?.passed === false && gb?.passed !== false,
      ...(gb ? { baseValue: gb.value ?? null } : {}),
      ...(gh ? { headValue: gh.value ?? null } : {}),
    };
  });
}

/**
 * Every environment entry of both sides — library versions, the TF.js backend, the runtime and
 * platform — in name order, each marked `changed` when the sides differ.
 *
 * @example
 * listEnvironment(base.environment, head.environment)
 * // [{ name: '@tensorflow/tfjs', base: '4.21.0', head: '4.22.0', changed: true }, { name: 'arquero', base: '8.0.3', head: '8.0.3', changed: false }, …]
 */
export function listEnvironment(base: RunRecord['environment'], head: RunRecord['environment']): EnvironmentEntry[] {
  const flat = (e: RunRecord['environment']) => {
    const m = new Map(Object.entries(e?.libraries ?? {}));
    for (const k of ['backend', 'runtime', 'platform'] as const) if (e?.[k] !== undefined) m.set(k, e[k]!);
    return m;
  };
  const b = flat(base);
  const h = flat(head);
  return [...new Set([...b.keys(), ...h.keys()])]
    .sort()
    .map((name) => ({ name, ...(b.has(name) ? { base: b.get(name) } : {}), ...(h.has(name) ? { head: h.get(name) } : {}), changed: b.get(name) !== h.get(name) }));
}

/**
 * What differs in the environment (`listEnvironment`'s changed entries).
 *
 * @example
 * diffEnvironment(base.environment, head.environment) // [{ name: '@tensorflow/tfjs', base: '4.21.0', head: '4.22.0' }]
 */
export function diffEnvironment(base: RunRecord['environment'], head: RunRecord['environment']): EnvironmentChange[] {
  return listEnvironment(base, head)
    .filter((e) => e.changed)
    .map(({ changed: _changed, ...e }) => e);
}
