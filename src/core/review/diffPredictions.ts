import type { DiffCurves, FairnessDelta, Flips, MetricDelta, PredictionSet, SliceDelta } from './contract';
import type { MetricName } from '../evaluation/metrics/metricCatalog';
import { isMetricName } from '../evaluation/metrics/metricCatalog';
import { resolveBootstrap, type BootstrapOptions } from '../evaluation/intervals/bootstrap';
import { MIN_GROUP_SIZE } from '../evaluation/fairness/sliceMetrics';
import { checkInteger } from '../args/checkInteger';
import { checkNumber } from '../evaluation/metrics/validate';
import { _encodeSides, type EncodedSides } from './encodeSides';
import { _matchRows, type RowMatch } from './matchRows';
import { _collectFlips, type FlipOptions } from './collectFlips';
import { _diffCurves } from './diffCurves';
import { _buildUnits, _replicates, type ParallelReplicates, type Unit, type UnitSpec } from './replicates';
import { _bootstrapDelta } from './bootstrapDelta';
import { _recordedDelta, type RecordedMetric } from './recordedDelta';
import { _sliceGroups } from './sliceGroups';
import { _fairnessDeltas, type GroupSeries } from './fairnessDeltas';
import { reviewMessage } from './messages';

export interface DiffPredictionsOptions {
  /**
   * Resamples (1000), seed (0), confidence (0.95), sampling (default 'poisson': one sequential pass
   * per resample; a slice group reads its rows' counts, which are Poisson-like whatever the scheme,
   * so the headline and the slices resample alike; 'multinomial' for the classic draw of n rows).
   */
  bootstrap?: Omit<BootstrapOptions, 'method'>;
  /** Only these metrics (default: every metric of the task both sides can compute). */
  metrics?: MetricName[];
  /** Below this share of matched rows (of the larger side), intervals are unpaired (default 0.5). */
  minPairedShare?: number;
  /** Slice groups with fewer rows (on either side) are flagged small (default MIN_GROUP_SIZE, 30). */
  minGroupSize?: number;
  /** Slice and fairness deltas (default true, when the predictions carry slice columns). */
  slices?: boolean;
  flips?: FlipOptions;
  /** Metrics and intervals the runs recorded: used for a side that kept no predictions. */
  recorded?: { base?: Record<string, RecordedMetric>; head?: Record<string, RecordedMetric> };
  /** Worker threads that run parts of the resamples (Node: `workerReplicates()`); the intervals are the same with or without. */
  parallel?: ParallelReplicates;
}

/** The statistical part of a diff pair: what the kept predictions say about head versus base. */
export interface PredictionDiff {
  metrics: MetricDelta[];
  flips?: Flips;
  /** Base's and head's ROC and PR curves (binary classifiers with scores). */
  curves?: DiffCurves;
  slices: SliceDelta[];
  fairness: FairnessDelta[];
  /** How the rows were paired and what could not be compared. */
  notes: string[];
  /** The rows and resampling behind the intervals. */
  pairing: { method: MetricDelta['method']; rows: number; resamples: number; seed: number; sampling: 'multinomial' | 'poisson' | null };
}

/** Binary slice evaluators also compute the rates the fairness gaps compare. */
const FAIRNESS_RATES: readonly MetricName[] = ['selectionRate', 'recall', 'falsePositiveRate'];

/**
 * Metric deltas, prediction flips, slice and fairness deltas between base's and head's kept
 * predictions. Rows are matched by row id; when enough match (at least `minPairedShare` of the
 * larger side), every interval is a **paired** bootstrap: each resample draws one set of row
 * counts (core's seeded Poisson counts by default) that weights the same rows for both models,
 * for the headline metrics and every slice group at once (a group takes the counts of its rows).
 * Otherwise both sides are bootstrapped independently ('unpaired-bootstrap', with a note); a
 * side without predictions falls back to the runs' recorded intervals ('recorded-intervals').
 *
 * @example
 * const d = await diffPredictions(basePredictions, headPredictions, { bootstrap: { resamples: 1000, seed: 1 } });
 * d.metrics.find((m) => m.name === 'auc');
 * // { base: 0.861, head: 0.842, delta: -0.019, ci: [-0.027, -0.011], pValue: 0.002, significant: true, verdict: 'worse', method: 'paired-bootstrap', … }
 * d.flips.regressions; // 214
 */
export async function diffPredictions(base: PredictionSet | undefined, head: PredictionSet | undefined, options: DiffPredictionsOptions = {}): Promise<PredictionDiff> {
  const fn = 'diffPredictions';
  const minPairedShare = checkNumber(fn, 'minPairedShare', options.minPairedShare ?? 0.5, 0, 1);
  const minGroupSize = checkInteger(fn, 'minGroupSize', options.minGroupSize ?? MIN_GROUP_SIZE, 1);
  const only = options.metrics?.filter(isMetricName);
  if (!base || !head) return recordedOnly(fn, base, head, options, only);
  const enc = _encodeSides(fn, base, head, only);
  const match = _matchRows(base.rowIds, head.rowIds);
  const m = match.base.length;
  const share = m / Math.max(base.rowIds.length, head.rowIds.length, 1);
  const paired = m > 0 && share >= minPairedShare;
  const notes = [...enc.notes];
  let flips: Flips | undefined;
  if (m > 0) {
    const f = _collectFlips(base, head, match, enc, options.flips);
    flips = f.flips;
    notes.push(...f.notes);
  }
  if (paired && (match.onlyBase || match.onlyHead)) notes.push(reviewMessage.onlyOneSide(match.onlyBase, match.onlyHead));
  if (!paired) notes.push(m === 0 ? reviewMessage.noCommonRows : reviewMessage.unpaired(m, share, minPairedShare));
  for (const [side, set] of [
    ['base', base],
    ['head', head],
  ] as const)
    if (set.totalRows > set.rowIds.length) notes.push(reviewMessage.sampled(side, set.rowIds.length, set.totalRows));
  const o = resolveBootstrap(fn, { sampling: 'poisson', ...options.bootstrap }, paired ? m : Math.max(base.rowIds.length, head.rowIds.length));
  const curves = paired ? _diffCurves(enc, match.base, match.head, true) : _diffCurves(enc, allRows(base.rowIds.length), allRows(head.rowIds.length), false);
  const specs = paired ? pairedUnits(enc, base, head, match, options.slices ?? true) : unpairedUnits(enc, base, head, options.slices ?? true);
  const units = _buildUnits(enc.base!, enc.head!, specs);
  const job = { base: enc.base!, head: enc.head!, units: specs, paired, n: (paired ? [m, m] : [base.rowIds.length, head.rowIds.length]) as [number, number] };
  const { baseReps, headReps } = await _replicates(job, units, o, options.parallel);
  const method = paired ? 'paired-bootstrap' : 'unpaired-bootstrap';
  const deltas = units.map((u, i) => {
    const ob = u.base.evaluate();
    const oh = u.head.evaluate();
    return {
      unit: u,
      series: { base: { evaluator: u.base, observed: ob, replicates: baseReps[i] }, head: { evaluator: u.head, observed: oh, replicates: headReps[i] } },
      metrics: enc.metrics.map((name) => {
        const j = u.base.metrics.indexOf(name);
        return _bootstrapDelta(name, ob[j], oh[j], baseReps[i][j], headReps[i][j], o.confidence, method);
      }),
    };
  });
  const slices: SliceDelta[] = [];
  const fairness: FairnessDelta[] = [];
  const bySlice = new Map<string, { base: GroupSeries[]; head: GroupSeries[] }>();
  for (const d of deltas.slice(1)) {
    const { slice, group } = d.unit as Required<Unit>;
    slices.push({ slice, group, rowsBase: d.unit.base.n, rowsHead: d.unit.head.n, metrics: d.metrics, smallGroup: Math.min(d.unit.base.n, d.unit.head.n) < minGroupSize });
    const s = bySlice.get(slice) ?? { base: [], head: [] };
    s.base.push(d.series.base);
    s.head.push(d.series.head);
    bySlice.set(slice, s);
  }
  if (enc.task === 'binary') for (const [slice, s] of bySlice) fairness.push(..._fairnessDeltas(slice, s.base, s.head, o.confidence));
  return {
    metrics: deltas[0].metrics,
    flips,
    ...(curves ? { curves } : {}),
    slices,
    fairness,
    notes,
    pairing: { method, rows: paired ? m : base.rowIds.length + head.rowIds.length, resamples: o.resamples, seed: o.seed, sampling: o.sampling },
  };
}

const allRows = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

function sliceMetrics(enc: EncodedSides): MetricName[] {
  return enc.task === 'binary' ? [...new Set([...enc.metrics, ...FAIRNESS_RATES])] : enc.metrics;
}

/** Headline and slice-group units over the matched rows, all reading one count per matched row. */
function pairedUnits(enc: EncodedSides, base: PredictionSet, head: PredictionSet, match: RowMatch, withSlices: boolean): UnitSpec[] {
  const units: UnitSpec[] = [{ metrics: enc.metrics, base: { rows: match.base }, head: { rows: match.head } }];
  if (!withSlices) return units;
  const metrics = sliceMetrics(enc);
  for (const { grouping, positions } of _sliceGroups(
    [
      { set: head, rows: match.head },
      { set: base, rows: match.base },
    ],
    match.base.length,
  )) {
    for (const [group, at] of positions) {
      units.push({
        slice: grouping.name,
        group,
        metrics,
        base: { rows: at.map((k) => match.base[k]), at },
        head: { rows: at.map((k) => match.head[k]), at },
      });
    }
  }
  return units;
}

/** Each side over all of its rows; slice groups found on both sides are compared. */
function unpairedUnits(enc: EncodedSides, base: PredictionSet, head: PredictionSet, withSlices: boolean): UnitSpec[] {
  const rowsB = allRows(base.rowIds.length);
  const rowsH = allRows(head.rowIds.length);
  const units: UnitSpec[] = [{ metrics: enc.metrics, base: { rows: rowsB }, head: { rows: rowsH } }];
  if (!withSlices) return units;
  const metrics = sliceMetrics(enc);
  const gb = _sliceGroups([{ set: base, rows: rowsB }], rowsB.length);
  const gh = _sliceGroups([{ set: head, rows: rowsH }], rowsH.length);
  for (const sb of gb) {
    const sh = gh.find((s) => s.grouping.name === sb.grouping.name);
    if (!sh) continue;
    for (const [group, at] of sb.positions) {
      const atHead = sh.positions.get(group);
      if (atHead) units.push({ slice: sb.grouping.name, group, metrics, base: { rows: at, at }, head: { rows: atHead, at: atHead } });
    }
  }
  return units;
}

/** A side kept no predictions: the recorded intervals, metric by metric. */
function recordedOnly(fn: string, base: PredictionSet | undefined, head: PredictionSet | undefined, options: DiffPredictionsOptions, only: MetricName[] | undefined): PredictionDiff {
  const rb = options.recorded?.base ?? {};
  const rh = options.recorded?.head ?? {};
  const confidence = checkNumber(fn, 'bootstrap.confidence', options.bootstrap?.confidence ?? 0.95, 0.5, 0.999999);
  const names = Object.keys(rb).filter((k): k is MetricName => isMetricName(k) && k in rh && (!only || only.includes(k)));
  const metrics = names.map((name) => _recordedDelta(name, rb[name], rh[name], confidence));
  const notes: string[] = [];
  for (const [side, set] of [
    ['base', base],
    ['head', head],
  ] as const) {
    if (set) continue;
    notes.push(metrics.some((d) => d.method === 'recorded-intervals') ? reviewMessage.recordedIntervals(side) : reviewMessage.noIntervals(side));
  }
  const method = metrics.some((d) => d.method === 'recorded-intervals') ? 'recorded-intervals' : 'none';
  return { metrics, slices: [], fairness: [], notes, pairing: { method, rows: 0, resamples: 0, seed: 0, sampling: null } };
}
