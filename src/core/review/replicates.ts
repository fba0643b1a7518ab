/**
 * The bootstrap replicates of a diff's units (the headline and each slice group, both sides),
 * described by plain data so that parts of the resamples can run in worker threads: a part
 * starts its Poisson stream exactly where one sequential run would be at that resample, so the
 * intervals are the same whatever ran them.
 */
import type { MetricName } from '../evaluation/metrics/metricCatalog';
import { _runBootstrap, _samplingFor, type ResolvedBootstrap } from '../evaluation/intervals/bootstrap';
import type { SideData } from './encodeSides';
import { _prepareSide, type SideEvaluator } from './prepareSide';

/** One side of a unit: the rows it evaluates and where each reads its count (absent: position k reads count k). */
export interface SideRows {
  rows: Uint32Array;
  at?: Uint32Array;
}

/** The headline (no slice) or one slice group: typed arrays, so a worker can rebuild its evaluators. */
export interface UnitSpec {
  slice?: string;
  group?: string;
  metrics: MetricName[];
  base: SideRows;
  head: SideRows;
}

export interface Unit {
  slice?: string;
  group?: string;
  base: SideEvaluator;
  head: SideEvaluator;
}

/** The resampling a job repeats (ResolvedBootstrap without its callbacks, which do not cross threads). */
export type JobBootstrap = Pick<ResolvedBootstrap, 'resamples' | 'seed' | 'method' | 'confidence' | 'sampling' | 'autoSampling'>;

/** Resamples [from, to) of a diff's units: what a worker thread receives. */
export interface ReplicateJob {
  base: SideData;
  head: SideData;
  units: UnitSpec[];
  /** Paired: one stream of counts over the matched rows feeds both sides; unpaired: streams seed and seed + 1. */
  paired: boolean;
  /** Rows each stream draws counts for (base, head). */
  n: [number, number];
  bootstrap: JobBootstrap;
  from: number;
  to: number;
}

/** Runs a job elsewhere (a worker thread) and resolves with `_runReplicateJob`'s result. */
export type ReplicateRunner = (job: ReplicateJob) => Promise<Float64Array[]>;

/** Worker threads to share the resamples with: `workers` jobs at once through `run`. */
export interface ParallelReplicates {
  run: ReplicateRunner;
  workers: number;
}

/** Below this many resamples per part, a worker's start-up is not worth it. */
const MIN_PART = 100;

/** The evaluators of each unit. */
export function _buildUnits(base: SideData, head: SideData, specs: readonly UnitSpec[]): Unit[] {
  return specs.map((s) => ({
    ...(s.slice !== undefined ? { slice: s.slice, group: s.group } : {}),
    base: _prepareSide(base, s.base.rows, s.metrics, s.base.at),
    head: _prepareSide(head, s.head.rows, s.metrics, s.head.at),
  }));
}

/** A job's replicates: one array per value (every unit's base metrics, then every unit's head metrics), resamples [from, to). */
export async function _runReplicateJob(job: ReplicateJob, units = _buildUnits(job.base, job.head, job.units), o: ResolvedBootstrap = job.bootstrap): Promise<Float64Array[]> {
  const range = { from: job.from, to: job.to };
  const run = (sides: ('base' | 'head')[], rows: number, seed: number) => {
    const width = units.reduce((a, u) => a + u.base.metrics.length, 0) * sides.length;
    const out = new Float64Array(width);
    return _runBootstrap(
      rows,
      width,
      (counts) => {
        let at = 0;
        for (const side of sides) {
          for (const u of units) {
            out.set(u[side].evaluate(counts), at);
            at += u[side].metrics.length;
          }
        }
        return out;
      },
      { ...o, seed },
      true,
      range,
    );
  };
  if (job.paired) return run(['base', 'head'], job.n[0], o.seed);
  return [...(await run(['base'], job.n[0], o.seed)), ...(await run(['head'], job.n[1], o.seed + 1))];
}

/**
 * Every unit's replicates on both sides, per unit in metric order. With `parallel` and Poisson
 * sampling, the resamples are cut into consecutive parts: this thread runs the first while
 * workers run the others.
 */
export async function _replicates(
  job: Omit<ReplicateJob, 'from' | 'to' | 'bootstrap'>,
  units: Unit[],
  o: ResolvedBootstrap,
  parallel?: ParallelReplicates,
): Promise<{ baseReps: Float64Array[][]; headReps: Float64Array[][] }> {
  const poisson = _samplingFor(o, job.n[0]) === 'poisson' && _samplingFor(o, job.n[1]) === 'poisson';
  const parts = parallel && poisson ? Math.max(1, Math.min(parallel.workers + 1, Math.floor(o.resamples / MIN_PART))) : 1;
  const bounds = Array.from({ length: parts + 1 }, (_, i) => Math.round((i * o.resamples) / parts));
  const { signal: _signal, onProgress: _progress, ...bootstrap } = o;
  const part = (i: number): ReplicateJob => ({ ...job, bootstrap, from: bounds[i], to: bounds[i + 1] });
  // The workers' parts go out first: this thread's part runs for a while before it yields.
  const others = Array.from({ length: parts - 1 }, (_, i) => parallel!.run(part(i + 1)));
  const results = [await _runReplicateJob(part(0), units, o), ...(await Promise.all(others))];
  const flat = results[0].map((_, j) => concat(results.map((r) => r[j])));
  const widths = units.map((u) => u.base.metrics.length);
  const width = widths.reduce((a, b) => a + b, 0);
  const split = (offset: number): Float64Array[][] => {
    let at = offset;
    return widths.map((w) => {
      const part = flat.slice(at, at + w);
      at += w;
      return part;
    });
  };
  return { baseReps: split(0), headReps: split(width) };
}

function concat(parts: Float64Array[]): Float64Array {
  if (parts.length === 1) return parts[0];
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
