import type { Rng } from './random';
import { trainingMessage } from './messages';

/** Row indices of a train/validation split. */
export interface ValidationSplit {
  train: Int32Array;
  validation: Int32Array;
}

/**
 * Holds out `fraction` of the rows for validation (⌈fraction·n⌉ rows, as scikit-learn's
 * train_test_split counts them). With class `codes`, the split is stratified: each class keeps
 * its share in both parts (largest remainders decide the rounding). Both parts come back sorted,
 * so the training rows keep their original order.
 *
 * @param n number of rows
 * @param fraction in (0, 1)
 * @param rng the seeded generator that picks the rows
 * @param codes optional class code per row, for a stratified split
 * @example
 * splitValidation(100, 0.1, createRng(0, 'split')).validation.length // 10
 */
export function splitValidation(n: number, fraction: number, rng: Rng, codes?: Int32Array): ValidationSplit {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(trainingMessage.splitTooFewRows(n));
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(trainingMessage.badArgument('splitValidation', 'fraction', 'in (0, 1)', fraction));
  if (codes && codes.length !== n) throw new RangeError(`internal: splitValidation: codes has ${codes.length} values for ${n} rows.`);
  const nVal = Math.min(n - 1, Math.ceil(fraction * n));
  return codes ? _stratified(codes, nVal, rng) : _plain(n, nVal, rng);
}

function _plain(n: number, nVal: number, rng: Rng): ValidationSplit {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  rng.shuffle(order);
  return sortedParts(order.subarray(nVal), order.subarray(0, nVal));
}

function _stratified(codes: Int32Array, nVal: number, rng: Rng): ValidationSplit {
  const n = codes.length;
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let list = byClass.get(codes[i]);
    if (!list) byClass.set(codes[i], (list = []));
    list.push(i);
  }
  const groups = [...byClass.entries()].sort((a, b) => a[0] - b[0]).map(([, rows]) => rows);
  const exact = groups.map((g) => (g.length * nVal) / n);
  const take = exact.map(Math.floor);
  let left = nVal - take.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, k) => [e - Math.floor(e), k] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, k] of byRemainder) {
    if (left <= 0) break;
    if (take[k] < groups[k].length) {
      take[k]++;
      left--;
    }
  }
  const train: number[] = [];
  const validation: number[] = [];
  groups.forEach((rows, k) => {
    const shuffled = rng.shuffle(Int32Array.from(rows));
    for (let i = 0; i < shuffled.length; i++) (i < take[k] ? validation : train).push(shuffled[i]);
  });
  return sortedParts(Int32Array.from(train), Int32Array.from(validation));
}

function sortedParts(train: Int32Array, validation: Int32Array): ValidationSplit {
  return { train: Int32Array.from(train).sort(), validation: Int32Array.from(validation).sort() };
}
