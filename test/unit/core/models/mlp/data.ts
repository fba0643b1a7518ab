import { createRng } from '../../../../../src/core/training/random';

/** Rows of `cols` uniform features in [-1, 1) and a label from a nonlinear rule (k classes), seeded. */
export function makeClassification(rows: number, cols: number, classes = 2, seed = 1): { x: number[][]; y: number[] } {
  const rng = createRng(seed, 'test-data');
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const r = Array.from({ length: cols }, () => rng.uniform(-1, 1));
    const s = r[0] + r[1] * r[2] - 0.5 * r[cols - 1] ** 2 + 0.3 * Math.sin(3 * r[0]);
    x.push(r);
    y.push(classes === 2 ? (s > -0.1 ? 1 : 0) : Math.min(classes - 1, Math.max(0, Math.floor((s + 1.2) * (classes / 2.4)))));
  }
  return { x, y };
}

/** Rows of uniform features and a smooth nonlinear target with a little noise, seeded. */
export function makeRegression(rows: number, cols: number, seed = 1): { x: number[][]; y: number[] } {
  const rng = createRng(seed, 'test-data');
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const r = Array.from({ length: cols }, () => rng.uniform(-1, 1));
    x.push(r);
    y.push(Math.sin(2 * r[0]) + r[1] * r[2] + 0.1 * rng.uniform(-1, 1));
  }
  return { x, y };
}
