/** Hand-made prediction sets for the review tests. */
import type { PredictionSet } from '../../../../src/core/review/contract';
import { createRng } from '../../../../src/core/evaluation/random';

/** A classification set from parallel lists (ids default to r0, r1, …). */
export function classSet(yTrue: (string | number)[], yPred: (string | number)[], extra: Partial<PredictionSet> = {}): PredictionSet {
  const task = new Set([...yTrue, ...yPred].map(String)).size > 2 ? 'multiclass' : 'binary';
  return { rowIds: yTrue.map((_, i) => `r${i}`), identity: { kind: 'hash' }, task, yTrue, yPred, totalRows: yTrue.length, ...extra };
}

/** Seeded binary predictions of two correlated models on the same n rows (head better by `lift`). */
export function binaryPair(n: number, seed: number, lift = 0.3): { base: PredictionSet; head: PredictionSet } {
  const rng = createRng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
  const ids: string[] = [];
  const y: number[] = [];
  const sb: number[] = [];
  const sh: number[] = [];
  const group: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(`id${i}`);
    const label = rng.nextFloat() < 0.4 ? 1 : 0;
    y.push(label);
    const shared = gauss();
    sb.push(1 / (1 + Math.exp(-(shared + 1.2 * label - 0.6))));
    sh.push(1 / (1 + Math.exp(-(shared + 0.6 * gauss() + (1.2 + lift) * label - 0.6 - lift / 2))));
    group.push(i % 3 === 0 ? 'A' : i % 3 === 1 ? 'B' : 'C');
  }
  const set = (s: number[]): PredictionSet => ({
    rowIds: [...ids],
    identity: { kind: 'hash' },
    task: 'binary',
    yTrue: [...y],
    yPred: s.map((p) => (p >= 0.5 ? 1 : 0)),
    yScore: Float64Array.from(s),
    classes: ['0', '1'],
    positiveLabel: '1',
    slices: { group: [...group] },
    features: { x: ids.map((_, i) => i * 10) },
    totalRows: n,
  });
  return { base: set(sb), head: set(sh) };
}

/** A copy of a set with its rows in another order (`order[k]` is the old row at new position k). */
export function reorder(s: PredictionSet, order: number[]): PredictionSet {
  const pick = <T>(a: ArrayLike<T>) => order.map((i) => a[i]);
  return {
    ...s,
    rowIds: pick(s.rowIds),
    yTrue: pick(s.yTrue),
    yPred: pick(s.yPred),
    ...(s.yScore ? { yScore: Float64Array.from(pick(s.yScore)) } : {}),
    ...(s.slices ? { slices: Object.fromEntries(Object.entries(s.slices).map(([k, v]) => [k, pick(v)])) } : {}),
    ...(s.features ? { features: Object.fromEntries(Object.entries(s.features).map(([k, v]) => [k, pick(v)])) } : {}),
    totalRows: order.length,
  };
}
