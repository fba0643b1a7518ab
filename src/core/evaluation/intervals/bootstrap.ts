import type { MetricWarning } from '../metrics/types';
import { _createRng } from '../random';
import { checkInteger, checkNumber, checkOneOf } from '../metrics/validate';
import { quantileSorted } from './quantile';
import { normalCdf, normalQuantile } from './normal';
import { kernelService } from '../../kernel/service';
import { message, warning, evaluationMessage } from '../messages';

export type BootstrapMethod = 'percentile' | 'bca';
export type ResampleScheme = 'auto' | 'multinomial' | 'poisson';

export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  resamples?: number;
  /** Seed of the resampling; equal seeds give equal intervals (default 0). */
  seed?: number;
  /**
   * 'percentile' (default) or 'bca' (bias-corrected and accelerated, Efron 1987). BCa applies to
   * the headline metrics; per-group, fairness and paired-difference intervals stay percentile.
   */
  method?: BootstrapMethod;
  /** Coverage of the interval (default 0.95). */
  confidence?: number;
  /**
   * How a resample weights rows: 'multinomial' draws exactly n rows with replacement (the classic
   * bootstrap); 'poisson' gives each row an independent Poisson(1) count (sequential memory access,
   * faster on large data; the same distribution as n grows). 'auto' (default): multinomial up to
   * 200,000 rows, Poisson above (decided per resampled set, so small slice groups stay multinomial).
   */
  sampling?: ResampleScheme;
  /** Stops between resamples when aborted (default: the running cell's interrupt signal). */
  signal?: AbortSignal;
  /** Called now and then with the number of resamples done. */
  onProgress?: (done: number, total: number) => void;
}

export interface ConfidenceInterval {
  lower: number;
  upper: number;
  /** Coverage, e.g. 0.95. */
  level: number;
  method: BootstrapMethod;
  /** Resamples that gave a value (undefined ones, e.g. single-class resamples, are left out). */
  resamples: number;
}

export interface ResolvedBootstrap {
  resamples: number;
  seed: number;
  method: BootstrapMethod;
  confidence: number;
  sampling: 'multinomial' | 'poisson';
  /** Sampling was 'auto': each resampled set (e.g. a small slice group) picks its own by size. */
  autoSampling?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Above this many rows, 'auto' sampling draws Poisson counts (sequential) instead of multinomial ones (scattered). */
const POISSON_FROM = 200_000;

/** Checked bootstrap options with defaults, for n rows. */
export function resolveBootstrap(fn: string, options: BootstrapOptions, n: number): ResolvedBootstrap {
  const scheme = checkOneOf(fn, 'bootstrap.sampling', options.sampling ?? 'auto', ['auto', 'multinomial', 'poisson'] as const);
  return {
    resamples: checkInteger(fn, 'bootstrap.resamples', options.resamples ?? 1000, 1),
    seed: checkNumber(fn, 'bootstrap.seed', options.seed ?? 0),
    method: checkOneOf(fn, 'bootstrap.method', options.method ?? 'percentile', ['percentile', 'bca'] as const),
    confidence: checkNumber(fn, 'bootstrap.confidence', options.confidence ?? 0.95, 0.5, 0.999999),
    sampling: scheme === 'auto' ? (n > POISSON_FROM ? 'poisson' : 'multinomial') : scheme,
    autoSampling: scheme === 'auto',
    signal: options.signal ?? kernelService()?.signal,
    onProgress: options.onProgress,
  };
}

/** The sampling a bootstrap over n rows uses ('auto' decides by size). */
export function _samplingFor(o: Pick<ResolvedBootstrap, 'autoSampling' | 'sampling'>, n: number): 'poisson' | 'multinomial' {
  return o.autoSampling ? (n > POISSON_FROM ? 'poisson' : 'multinomial') : o.sampling;
}

/**
 * Runs `resamples` evaluations of `evaluate` under resample counts and returns, per output value,
 * the replicate values. Yields to the event loop every ~50 ms so an interrupt can land.
 * `range` runs only resamples [from, to) of the same stream (Poisson sampling: a fill of n rows is
 * n draws, so the stream jumps straight to resample `from`); parts run apart give, joined, the
 * replicates one run gives.
 */
export async function _runBootstrap(
  n: number,
  width: number,
  evaluate: (counts: Int32Array, b: number) => ArrayLike<number>,
  o: ResolvedBootstrap,
  compact = false,
  range: { from: number; to: number } = { from: 0, to: o.resamples },
): Promise<Float64Array[]> {
  const rng = _createRng(o.seed);
  const sampling = _samplingFor(o, n);
  if (range.from > 0) {
    if (sampling !== 'poisson') throw new Error('internal: only Poisson resamples can start past the first');
    rng.skip(range.from * n);
  }
  // Poisson counts stay below 20, so evaluators that accept any array get bytes: a quarter of the memory traffic.
  const counts = (compact && sampling === 'poisson' ? new Uint8Array(n) : new Int32Array(n)) as Int32Array;
  const out = Array.from({ length: width }, () => new Float64Array(range.to - range.from));
  let last = Date.now();
  for (let b = range.from; b < range.to; b++) {
    if (sampling === 'poisson') rng.fillPoisson(counts);
    else rng.fillMultinomial(counts);
    const v = evaluate(counts, b);
    for (let j = 0; j < width; j++) out[j][b - range.from] = v[j];
    if (Date.now() - last > 50) {
      await pause();
      throwIfAborted(o.signal);
      o.onProgress?.(b + 1 - range.from, range.to - range.from);
      last = Date.now();
    }
  }
  o.onProgress?.(range.to - range.from, range.to - range.from);
  return out;
}

/** Lets other work (an interrupt message, a progress display) run. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A function that, awaited in a long loop, yields every ~50 ms and throws once the signal aborts. */
export function makeYielder(signal?: AbortSignal): () => Promise<void> {
  let last = Date.now();
  return async () => {
    throwIfAborted(signal);
    if (Date.now() - last < 50) return;
    await pause();
    throwIfAborted(signal);
    last = Date.now();
  };
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (!signal?.aborted) return;
  const e = new Error(evaluationMessage.interrupted);
  e.name = 'AbortError';
  throw e;
}

/**
 * The interval of one statistic from its replicates; NaN replicates are left out with a warning.
 * BCa needs `jackknife` values (leave-one-out, or delete-a-group on large data).
 */
export function _interval(
  replicates: Float64Array,
  observed: number,
  o: Pick<ResolvedBootstrap, 'method' | 'confidence'>,
  name: string,
  jackknife?: Float64Array,
): { ci: ConfidenceInterval; warnings: MetricWarning[] } {
  const warnings: MetricWarning[] = [];
  const valid = replicates.filter((v) => !Number.isNaN(v)).sort();
  if (valid.length < replicates.length) warnings.push(warning('bootstrap-degenerate', message.bootstrapNaN(name, replicates.length - valid.length, replicates.length), { metric: name }));
  const alpha = (1 - o.confidence) / 2;
  const base = { level: o.confidence, resamples: valid.length };
  if (valid.length === 0 || Number.isNaN(observed)) return { ci: { ...base, lower: NaN, upper: NaN, method: o.method }, warnings };
  if (o.method === 'bca' && jackknife) {
    const adjusted = _bcaLevels(valid, observed, jackknife, alpha);
    if (adjusted) return { ci: { ...base, lower: quantileSorted(valid, adjusted[0]), upper: quantileSorted(valid, adjusted[1]), method: 'bca' }, warnings };
    warnings.push(
      warning('bootstrap-degenerate', `${name}: the BCa correction is undefined (every resample on one side of the estimate); the percentile interval is given instead.`, { metric: name }),
    );
  }
  const lower = quantileSorted(valid, alpha);
  const upper = quantileSorted(valid, 1 - alpha);
  if (observed < lower || observed > upper) warnings.push(warning('bootstrap-bias', message.bootstrapBias(name), { metric: name }));
  return { ci: { ...base, lower, upper, method: 'percentile' }, warnings };
}

/**
 * BCa's adjusted percentile levels: bias z0 = Φ⁻¹(share of replicates below the estimate, ties
 * counted half, as scipy), acceleration a from the jackknife's skewness.
 */
export function _bcaLevels(sortedValid: Float64Array, observed: number, jackknife: Float64Array, alpha: number): [number, number] | undefined {
  let below = 0;
  let atOrBelow = 0;
  for (const v of sortedValid) {
    if (v < observed) below++;
    if (v <= observed) atOrBelow++;
  }
  const z0 = normalQuantile((below + atOrBelow) / (2 * sortedValid.length));
  if (!Number.isFinite(z0)) return undefined;
  const jk = jackknife.filter((v) => !Number.isNaN(v));
  let mean = 0;
  for (const v of jk) mean += v;
  mean /= jk.length;
  let num = 0;
  let den = 0;
  for (const v of jk) {
    const d = mean - v;
    num += d * d * d;
    den += d * d;
  }
  const a = den === 0 ? 0 : num / (6 * den ** 1.5);
  const level = (z: number): number => normalCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  const lo = level(normalQuantile(alpha));
  const hi = level(normalQuantile(1 - alpha));
  return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : undefined;
}

/**
 * Jackknife values for BCa's acceleration: leave-one-out up to 2,000 rows; beyond, delete-a-group
 * with 200 random groups (the acceleration estimate is consistent either way; LOO on a million
 * rows would be a million evaluations).
 */
export function _jackknife(n: number, width: number, evaluate: (counts: Int32Array) => ArrayLike<number>, seed: number): Float64Array[] {
  const counts = new Int32Array(n);
  const exact = n <= 2000;
  const groups = exact ? n : 200;
  const group = new Int32Array(n);
  if (exact) for (let i = 0; i < n; i++) group[i] = i;
  else {
    const rng = _createRng(seed + 0x6a09e667);
    for (let i = 0; i < n; i++) group[i] = rng.nextInt(groups);
  }
  const out = Array.from({ length: width }, () => new Float64Array(groups));
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < n; i++) counts[i] = group[i] === g ? 0 : 1;
    const v = evaluate(counts);
    for (let j = 0; j < width; j++) out[j][g] = v[j];
  }
  return out;
}

export interface BootstrapResult {
  /** The statistic on the data as given (every row once). */
  value: number;
  ci: ConfidenceInterval;
  /** The statistic on each resample (NaN where undefined). */
  replicates: Float64Array;
  warnings: MetricWarning[];
}

/**
 * A seeded bootstrap confidence interval for any statistic of n rows. The statistic receives each
 * resample as per-row counts (how often the row was drawn): pass them on as `sampleWeight`.
 *
 * @param n number of rows
 * @param statistic the statistic under per-row counts (all ones for the observed value)
 * @example
 * const r = await bootstrapCI(y.length, (w) => f1Score(y, pred, { sampleWeight: w }).value, { resamples: 1000, seed: 7 });
 * r.ci; // { lower: 0.71, upper: 0.78, level: 0.95, method: 'percentile', resamples: 1000 }
 */
export async function bootstrapCI(n: number, statistic: (counts: Int32Array) => number, options: BootstrapOptions = {}): Promise<BootstrapResult> {
  checkInteger('bootstrapCI', 'n', n, 1);
  if (typeof statistic !== 'function') throw new TypeError(evaluationMessage.badStatistic);
  const o = resolveBootstrap('bootstrapCI', options, n);
  const ones = new Int32Array(n).fill(1);
  const value = statistic(ones);
  const [replicates] = await _runBootstrap(n, 1, (c) => [statistic(c)], o);
  const jackknife = o.method === 'bca' ? _jackknife(n, 1, (c) => [statistic(c)], o.seed)[0] : undefined;
  const { ci, warnings } = _interval(replicates, value, o, 'statistic', jackknife);
  return { value, ci, replicates, warnings };
}
