import { createRng, type Rng } from '../../linalg/random';
import { validationMessage } from '../messages';
import { checkInteger } from '../../args/checkInteger';

/** Parameter name → the values to try (one grid), or several grids whose candidates are concatenated. */
export type ParamGrid = Readonly<Record<string, readonly unknown[]>> | readonly Readonly<Record<string, readonly unknown[]>>[];

/** A distribution to draw a parameter from in random search (plain data, so searches can be recorded). */
export type Distribution =
  { kind: 'uniform'; low: number; high: number } | { kind: 'loguniform'; low: number; high: number } | { kind: 'int'; low: number; high: number } | { kind: 'choice'; values: readonly unknown[] };

/** Parameter name → a distribution, or a list of values to choose from uniformly. */
export type ParamDistributions = Readonly<Record<string, Distribution | readonly unknown[]>>;

/**
 * Floats uniform in [low, high].
 *
 * @example
 * randomSearch(model, data, { label: 'y', paramDistributions: { 'standardScaler.withMean': [true, false], C: uniform(0.1, 10) } })
 */
export function uniform(low: number, high: number): Distribution {
  if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) throw new RangeError(validationMessage.badUniform('uniform', low, high));
  return { kind: 'uniform', low, high };
}

/**
 * Floats whose logarithm is uniform in [log low, log high] (for C, alpha, learning rates).
 *
 * @example
 * { C: loguniform(1e-3, 1e3) }
 */
export function loguniform(low: number, high: number): Distribution {
  if (!(low > 0 && high > low && Number.isFinite(high))) throw new RangeError(validationMessage.badLogUniform(low, high));
  return { kind: 'loguniform', low, high };
}

/**
 * Integers uniform in low…high, both included.
 *
 * @example
 * { bins: int(2, 10) }
 */
export function int(low: number, high: number): Distribution {
  if (!(Number.isInteger(low) && Number.isInteger(high) && low <= high)) throw new RangeError(validationMessage.badIntRange(low, high));
  return { kind: 'int', low, high };
}

/**
 * One of the listed values, uniformly.
 *
 * @example
 * { penalty: choice(['l2', 'none']) }
 */
export function choice(values: readonly unknown[]): Distribution {
  if (!Array.isArray(values) || values.length === 0) throw new RangeError(validationMessage.emptyChoice);
  return { kind: 'choice', values };
}

/**
 * Every combination of a grid, in scikit-learn's ParameterGrid order (names sorted, the last
 * name varying fastest; several grids one after another).
 *
 * @example
 * expandGrid({ C: [0.1, 1], fitIntercept: [true, false] }) // 4 candidates
 */
export function expandGrid(grid: ParamGrid): Record<string, unknown>[] {
  const grids = Array.isArray(grid) ? grid : [grid];
  const out: Record<string, unknown>[] = [];
  for (const g of grids as Record<string, readonly unknown[]>[]) {
    if (typeof g !== 'object' || g === null) throw new TypeError(validationMessage.gridNotObject);
    const keys = Object.keys(g).sort();
    for (const k of keys) if (!Array.isArray(g[k]) || g[k].length === 0) throw new TypeError(validationMessage.gridEmptyValues(k, g[k]));
    const walk = (i: number, acc: Record<string, unknown>) => {
      if (i === keys.length) return void out.push({ ...acc });
      for (const v of g[keys[i]]) walk(i + 1, { ...acc, [keys[i]]: v });
    };
    walk(0, {});
  }
  return out;
}

/**
 * nIter seeded draws from the distributions. When every parameter is a list, draws come from
 * the grid without replacement (as sklearn's ParameterSampler), at most the grid's size.
 *
 * @example
 * sampleParams({ C: loguniform(0.01, 100), fitIntercept: [true, false] }, 20, 42)
 */
export function sampleParams(distributions: ParamDistributions, nIter: number, seed = 0): Record<string, unknown>[] {
  checkInteger('sampleParams', 'nIter', nIter, 1);
  const keys = Object.keys(distributions).sort();
  const rng = createRng(seed);
  if (keys.every((k) => Array.isArray(distributions[k]))) {
    const grid = expandGrid(distributions as Record<string, readonly unknown[]>);
    return rng.shuffle(grid).slice(0, nIter);
  }
  return Array.from({ length: nIter }, () => Object.fromEntries(keys.map((k) => [k, draw(distributions[k], rng, k)])));
}

function draw(d: Distribution | readonly unknown[], rng: Rng, name: string): unknown {
  if (Array.isArray(d)) return d[rng.nextInt(d.length)];
  const dist = d as Distribution;
  switch (dist?.kind) {
    case 'uniform':
      return dist.low + (dist.high - dist.low) * rng.nextFloat();
    case 'loguniform':
      return Math.exp(Math.log(dist.low) + (Math.log(dist.high) - Math.log(dist.low)) * rng.nextFloat());
    case 'int':
      return dist.low + rng.nextInt(dist.high - dist.low + 1);
    case 'choice':
      return dist.values[rng.nextInt(dist.values.length)];
    default:
      throw new TypeError(validationMessage.badDistribution(name));
  }
}
