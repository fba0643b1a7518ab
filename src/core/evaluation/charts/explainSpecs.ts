import type { PermutationImportance } from '../importance/permutationImportance';
import type { PartialDependence } from '../importance/partialDependence';
import { frame, round, type ChartOptions, type VegaLiteSpec } from './common';
import { evaluationMessage } from '../messages';

/**
 * Permutation importances as bars (mean) with ±1 sd error bars, most important first.
 *
 * @example
 * display(buildImportanceSpec(await permutationImportance(model, x, y)));
 */
export function buildImportanceSpec(result: PermutationImportance, options: ChartOptions & { top?: number } = {}): VegaLiteSpec {
  if (!result || !Array.isArray(result.features)) throw new TypeError(evaluationMessage.notImportance);
  const rows = result.features.slice(0, options.top ?? 30).map((f) => ({
    feature: f.feature,
    mean: round(f.importanceMean, 6),
    lo: round(f.importanceMean - f.importanceStd, 6),
    hi: round(f.importanceMean + f.importanceStd, 6),
    sd: round(f.importanceStd, 6),
  }));
  const y = { field: 'feature', type: 'nominal', sort: rows.map((r) => r.feature), title: null };
  return {
    ...frame(options, { title: `Permutation importance (${result.scoring}, ${result.nRepeats} repeats)`, height: Math.max(60, 22 * rows.length) }),
    data: { values: rows },
    layer: [
      {
        mark: 'bar',
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative', title: `Drop in ${result.scoring}` },
          tooltip: [{ field: 'feature' }, { field: 'mean', type: 'quantitative' }, { field: 'sd', type: 'quantitative' }],
        },
      },
      { mark: { type: 'rule', color: '#222' }, encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
    ],
  };
}

/**
 * Partial dependence line(s) for one feature (one per class for multiclass), with ICE curves
 * (up to `maxIce`, default 100) faintly behind when computed.
 *
 * @example
 * display(buildPartialDependenceSpec(await partialDependence(model, x, 'age', { kind: 'both' })));
 */
export function buildPartialDependenceSpec(pd: PartialDependence, options: ChartOptions & { maxIce?: number } = {}): VegaLiteSpec {
  if (!pd || !Array.isArray(pd.grid)) throw new TypeError(evaluationMessage.notPartialDependence);
  const numeric = pd.grid.every((v) => typeof v === 'number');
  const x = { field: 'value', type: numeric ? 'quantitative' : 'nominal', title: pd.feature, ...(numeric ? { scale: { zero: false } } : { sort: pd.grid.map(String) }) };
  const avg = pd.average.flatMap((s) => s.values.map((v, i) => ({ output: s.output, value: numeric ? pd.grid[i] : String(pd.grid[i]), pd: round(v, 6) })));
  const layer: Record<string, unknown>[] = [];
  if (pd.individual) {
    const ice = pd.individual.slice(0, options.maxIce ?? 100).flatMap((row, r) => row.map((v, i) => ({ row: r, value: numeric ? pd.grid[i] : String(pd.grid[i]), pd: round(v, 6) })));
    layer.push({
      data: { values: ice },
      mark: { type: 'line', opacity: 0.15, color: '#888', strokeWidth: 1 },
      encoding: { x, y: { field: 'pd', type: 'quantitative' }, detail: { field: 'row', type: 'nominal' } },
    });
  }
  layer.push({
    data: { values: avg },
    mark: { type: 'line', point: !numeric, strokeWidth: 2.5 },
    encoding: {
      x,
      y: { field: 'pd', type: 'quantitative', title: 'Partial dependence' },
      color: { field: 'output', type: 'nominal', title: null },
      tooltip: [{ field: 'output' }, { field: 'value' }, { field: 'pd', type: 'quantitative' }],
    },
  });
  return { ...frame(options, { title: `Partial dependence on ${pd.feature}` }), layer };
}
