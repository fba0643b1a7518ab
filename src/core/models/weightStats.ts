/**
 * Mean, standard deviation (population), min and max of one weight tensor, for
 * ModelSummary.weights (every model family); 0s when it is empty.
 *
 * @example
 * weightStats('coef', [3], Float64Array.of(1, 2, 3)) // { mean: 2, min: 1, max: 3, … }
 */
export function weightStats(name: string, shape: number[], values: Float32Array | Float64Array): { name: string; shape: number[]; mean: number; std: number; min: number; max: number } {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = values.length ? sum / values.length : 0;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { name, shape, mean, std: values.length ? Math.sqrt(ss / values.length) : 0, min: values.length ? min : 0, max: values.length ? max : 0 };
}
