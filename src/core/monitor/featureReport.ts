/** One column's drift, quality and chart against its reference profile. */
import type { CollectedColumn } from '../data/columns';
import type { CategoryColumnProfile, ColumnProfile, DateColumnProfile, NumberColumnProfile } from '../data/profiling/contract';
import type { InputColumn } from '../package/contract';
import { formatNumber } from '../text/number';
import type { DriftStatistics, FeatureReport, FeatureQuality, Interval } from './contract';
import { decideDrift, psiBand } from './decide';
import { monitorMessage } from './messages';
import { chiSquare, jensenShannon, psi } from './stats/binned';
import { ksFromScan, wassersteinFromScan } from './stats/ksWasserstein';
import { scanNumbers } from './stats/scanNumbers';

const MAX_NEW_CATEGORIES = 20;

/**
 * The report of one column: `ref` from the stored profile, `cur` from the current batch (absent
 * when the batch lacks the column), `schema` from the package's input schema when there is one.
 *
 * @example
 * featureReport(profile.column('age'), collectColumn(batch, 'age'), schemaColumn);
 */
export function featureReport(ref: ColumnProfile, cur: CollectedColumn | undefined, schema: InputColumn | undefined): FeatureReport {
  const type = ref.type === 'number' || ref.type === 'string' || ref.type === 'boolean' || ref.type === 'date' ? ref.type : 'string';
  const rows = cur?.values.length ?? 0;
  const base: FeatureReport = {
    name: ref.name,
    type,
    referenceCount: ref.count,
    currentCount: 0,
    drift: null,
    quality: { missingReference: share(ref.missing, ref.count + ref.missing), missingCurrent: cur ? 1 : 0, outOfRange: null, newCategories: [], newCategoryRows: 0 },
    chart: null,
  };
  if (!cur) return { ...base, skipped: monitorMessage.columnAbsent(ref.name) };
  if (ref.type === 'number' && (cur.kind === 'number' || cur.kind === 'empty')) return numberReport(ref, cur.values, schema, base, rows);
  if ((ref.type === 'string' || ref.type === 'boolean') && cur.kind !== 'number' && cur.kind !== 'date') return categoryReport(ref, cur.values as ArrayLike<unknown>, schema, base, rows);
  if (ref.type === 'date' && (cur.kind === 'date' || cur.kind === 'empty')) return dateReport(ref, cur.values, base, rows);
  return { ...base, skipped: ref.type === 'other' || ref.type === 'empty' ? monitorMessage.unsupportedType(ref.type) : monitorMessage.typeChanged(ref.type, cur.kind) };
}

function numberReport(ref: NumberColumnProfile, values: Float64Array, schema: InputColumn | undefined, base: FeatureReport, rows: number): FeatureReport {
  const lo = schema?.min ?? ref.min;
  const hi = schema?.max ?? ref.max;
  const scan = scanNumbers(values, ref.histogram.edges, ref.percentiles, lo, hi);
  const quality: FeatureQuality = { ...base.quality, missingCurrent: share(scan.missing, rows), outOfRange: scan.n ? scan.outOfRange / scan.n : null };
  const out: FeatureReport = { ...base, currentCount: scan.n, quality };
  if (ref.count === 0) return { ...out, skipped: monitorMessage.noReferenceValues() };
  if (scan.n === 0) return { ...out, skipped: monitorMessage.noCurrentValues() };
  const refBins = ref.histogram.counts;
  const ks = ksFromScan(scan, ref.percentiles, ref.count);
  const w = wassersteinFromScan(scan, ref.percentiles);
  const popSd = ref.count > 1 ? ref.sd * Math.sqrt((ref.count - 1) / ref.count) : 0;
  const p = psi(refBins, scan.bins);
  const stats: DriftStatistics = {
    psi: p,
    psiBand: psiBand(p),
    ks: { ...ks, ci: dkw(ks.d, ref.count, scan.n) },
    chi2: chiSquare(refBins, scan.bins),
    jensenShannon: jensenShannon(refBins, scan.bins),
    wasserstein: { distance: w, normalized: popSd > 0 ? w / popSd : null },
  };
  const e = ref.histogram.edges;
  return {
    ...out,
    drift: decideDrift(stats, { numeric: true, referenceRows: ref.count, distinct: ref.distinct }),
    chart: {
      kind: 'histogram',
      labels: refBins.map((_, i) => `[${formatNumber(e[i])}, ${formatNumber(e[i + 1])}${i === refBins.length - 1 ? ']' : ')'}`),
      edges: e,
      reference: shares(refBins),
      current: shares(scan.bins),
    },
  };
}

/** Dates keep only a histogram (epoch ms): PSI, chi-square and Jensen–Shannon on its bins. */
function dateReport(ref: DateColumnProfile, values: Float64Array, base: FeatureReport, rows: number): FeatureReport {
  const e = ref.histogram.edges;
  const scan = scanNumbers(values, e, [], e[0] ?? -Infinity, e[e.length - 1] ?? Infinity);
  const out: FeatureReport = { ...base, currentCount: scan.n, quality: { ...base.quality, missingCurrent: share(scan.missing, rows), outOfRange: scan.n ? scan.outOfRange / scan.n : null } };
  if (ref.count === 0 || e.length < 2) return { ...out, skipped: monitorMessage.noReferenceValues() };
  if (scan.n === 0) return { ...out, skipped: monitorMessage.noCurrentValues() };
  const refBins = ref.histogram.counts;
  const p = psi(refBins, scan.bins);
  const stats: DriftStatistics = { psi: p, psiBand: psiBand(p), ks: null, chi2: chiSquare(refBins, scan.bins), jensenShannon: jensenShannon(refBins, scan.bins), wasserstein: null };
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    ...out,
    drift: decideDrift(stats, { numeric: false, referenceRows: ref.count, distinct: refBins.length, dates: true }),
    chart: { kind: 'histogram', labels: refBins.map((_, i) => `${iso(e[i])} – ${iso(e[i + 1])}`), edges: e, reference: shares(refBins), current: shares(scan.bins) },
  };
}

function categoryReport(ref: CategoryColumnProfile, values: ArrayLike<unknown>, schema: InputColumn | undefined, base: FeatureReport, rows: number): FeatureReport {
  const counts = new Map<unknown, number>();
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const n = rows - missing;
  const keys = ref.categories.map((c) => c.value);
  const refBins = [...ref.categories.map((c) => c.count), ref.otherCount];
  const curBins = keys.map((k) => counts.get(k) ?? counts.get(String(k)) ?? 0);
  curBins.push(n - curBins.reduce((a, b) => a + b, 0));
  const known = new Set((schema?.categories ?? (ref.otherCount === 0 ? keys : [])).map(String));
  const fresh: { value: string; count: number }[] = [];
  let newRows = 0;
  if (known.size)
    for (const [v, c] of counts)
      if (!known.has(String(v))) {
        newRows += c;
        fresh.push({ value: String(v), count: c });
      }
  fresh.sort((a, b) => b.count - a.count);
  const quality: FeatureQuality = { ...base.quality, missingCurrent: share(missing, rows), newCategories: fresh.slice(0, MAX_NEW_CATEGORIES), newCategoryRows: newRows };
  const out: FeatureReport = { ...base, currentCount: n, quality };
  if (ref.count === 0) return { ...out, skipped: monitorMessage.noReferenceValues() };
  if (n === 0) return { ...out, skipped: monitorMessage.noCurrentValues() };
  const p = psi(refBins, curBins);
  const stats: DriftStatistics = { psi: p, psiBand: psiBand(p), ks: null, chi2: chiSquare(refBins, curBins), jensenShannon: jensenShannon(refBins, curBins), wasserstein: null };
  return {
    ...out,
    drift: decideDrift(stats, { numeric: false, referenceRows: ref.count, distinct: ref.distinct }),
    chart: { kind: 'categories', labels: [...keys.map(String), 'other'], reference: shares(refBins), current: shares(curBins) },
  };
}

/**
 * A 95 % interval for the population KS distance: the DKW inequality bounds each empirical CDF's
 * sup error by √(ln(2/α')/2n) with α' = 0.025 per side (so both hold with 95 %), plus 0.01 for the
 * reference's percentile summary.
 */
function dkw(d: number, n: number, m: number): Interval {
  const eps = Math.sqrt(Math.log(2 / 0.025) / (2 * n)) + Math.sqrt(Math.log(2 / 0.025) / (2 * m)) + 0.01;
  return { lower: Math.max(0, d - eps), upper: Math.min(1, d + eps), level: 0.95, method: 'dkw' };
}

function shares(counts: ArrayLike<number>): number[] {
  let t = 0;
  for (let i = 0; i < counts.length; i++) t += counts[i];
  return Array.from(counts, (c) => (t ? c / t : 0));
}

function share(a: number, b: number): number {
  return b ? a / b : 0;
}
