/** Seeded synthetic data sets for the tests (the same seed → the same data). */
import { createRng } from '../../../../src/core/linalg/random';

/** n rows of d standard-normal features and labels 0…k−1 drawn from a softmax of random weights. */
export function makeClassification(n: number, d: number, k: number, seed: number): { x: number[][]; y: number[] } {
  const rng = createRng(seed);
  const w = Array.from({ length: k }, () => Array.from({ length: d }, () => rng.normal()));
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: d }, () => rng.normal());
    const z = w.map((wk, c) => wk.reduce((s, v, j) => s + v * row[j], 0) + 0.3 * c);
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    let u = rng.nextFloat() * sum;
    let c = 0;
    while (c < k - 1 && u > e[c]) u -= e[c++];
    x.push(row);
    y.push(c);
  }
  return { x, y };
}

/** n rows of d features (mixed scales) and a linear target with noise. */
export function makeRegression(n: number, d: number, seed: number, noise = 0.5): { x: number[][]; y: number[]; coef: number[] } {
  const rng = createRng(seed);
  const coef = Array.from({ length: d }, () => rng.normal() * 3);
  const scales = Array.from({ length: d }, (_, j) => 10 ** ((j % 3) - 1));
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = scales.map((s) => s * rng.normal() + 2);
    x.push(row);
    y.push(row.reduce((s, v, j) => s + v * coef[j], 1.5) + noise * rng.normal());
  }
  return { x, y, coef };
}
