import { minimizeLbfgs, type LbfgsResult } from '../../linalg/lbfgs';
import type { RowKernels } from '../../linalg/rowKernels';
import type { TrainingProgress } from '../contract';
import { binaryLossGradient, multinomialLossGradient, type LossProblem } from './logisticLoss';
import { binaryLossGradientKernels, multinomialLossGradientKernels } from './logisticLossKernels';
import { modelMessage } from '../messages';

/** What the solver needs besides the data. */
export interface LogisticSolveOptions {
  l2: number;
  fitIntercept: boolean;
  maxIter: number;
  tol: number;
  signal?: AbortSignal;
  onProgress?: (p: TrainingProgress) => void;
  /** WebAssembly kernels over the features; without them (or with JS ones) the JS loops run. */
  kernels?: RowKernels;
}

/** Fitted weights: K' × d coefficients (row-major) and K' intercepts, K' = 1 for a binary model. */
export interface LogisticSolution {
  coef: Float64Array;
  intercept: Float64Array;
  rows: number;
  nIter: number;
  converged: boolean;
  /** Why the solver stopped: 'gtol', 'ftol' (the loss stopped decreasing), 'lineSearch' (it could not be lowered) or 'maxIter'. */
  stop: string;
  loss: number;
  /** max |∇loss| at the solution (compare with tol). */
  gradMax: number;
  /** The quasi-Newton estimate of how far the loss still is above its minimum. */
  remainingDecrease: number;
}

/**
 * Binary problem: class `positive` against the rest. The objective is scikit-learn's
 * Σ swᵢ·lossᵢ + ½·l2·‖w‖², minimised by L-BFGS with sklearn's stopping rule (max|∇| ≤ tol or
 * relative decrease ≤ 2.2e-9).
 *
 * @example
 * const s = solveBinary(problem, codes, 1, { l2: 1, fitIntercept: true, maxIter: 100, tol: 1e-4 });
 */
export function solveBinary(p: LossProblem, codes: Int32Array, positive: number, o: LogisticSolveOptions): LogisticSolution {
  const y = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) y[i] = codes[i] === positive ? 1 : 0;
  const w0 = new Float64Array(p.d + (p.fitIntercept ? 1 : 0));
  const wasm = o.kernels?.backend === 'wasm' ? o.kernels : undefined;
  const intercept = new Float64Array(1);
  const r = run(wasm ? (w, g) => binaryLossGradientKernels(wasm, p, y, w, g, intercept) : (w, g) => binaryLossGradient(p, y, w, g), w0, p, o);
  return {
    coef: r.x.slice(0, p.d),
    intercept: Float64Array.of(p.fitIntercept ? r.x[p.d] : 0),
    rows: 1,
    nIter: r.iterations,
    converged: r.converged,
    stop: r.stop,
    loss: r.f,
    gradMax: r.gradMax,
    remainingDecrease: r.remainingDecrease,
  };
}

/**
 * Multinomial (softmax) problem over all K classes, parameterised like sklearn (K weight rows).
 *
 * @example
 * const s = solveMultinomial(problem, codes, 3, { l2: 1, fitIntercept: true, maxIter: 100, tol: 1e-4 });
 */
export function solveMultinomial(p: LossProblem, codes: Int32Array, k: number, o: LogisticSolveOptions): LogisticSolution {
  const scratch = new Float64Array(k);
  const w0 = new Float64Array(k * p.d + (p.fitIntercept ? k : 0));
  const wasm = o.kernels?.backend === 'wasm' ? o.kernels : undefined;
  const r = run(wasm ? (w, g) => multinomialLossGradientKernels(wasm, p, k, codes, w, g, scratch) : (w, g) => multinomialLossGradient(p, k, codes, w, g, scratch), w0, p, o);
  return {
    coef: r.x.slice(0, k * p.d),
    intercept: p.fitIntercept ? r.x.slice(k * p.d) : new Float64Array(k),
    rows: k,
    nIter: r.iterations,
    converged: r.converged,
    stop: r.stop,
    loss: r.f,
    gradMax: r.gradMax,
    remainingDecrease: r.remainingDecrease,
  };
}

function run(fg: (w: Float64Array, g: Float64Array) => number, w0: Float64Array, p: LossProblem, o: LogisticSolveOptions): LbfgsResult {
  let weightSum = 0;
  for (let i = 0; i < p.n; i++) weightSum += p.sw[i];
  const started = Date.now();
  const result = minimizeLbfgs(fg, w0, {
    maxIter: o.maxIter,
    gtol: o.tol,
    // scipy's relative-decrease stop (2.2e-9) ends badly conditioned fits long before the
    // gradient is small; at the default tol we keep it (same answer as sklearn), a tighter tol
    // tightens it too, so tol = 1e-8 really converges.
    ftol: 2.220446049250313e-9 * Math.min(1, o.tol / 1e-4),
    onIteration: (iteration, f) => {
      o.onProgress?.({ epoch: iteration, epochs: o.maxIter, metrics: { loss: f / (weightSum || 1) }, elapsedMs: Date.now() - started });
      return o.signal?.aborted === true;
    },
  });
  if (result.stop === 'stopped') throw abortError();
  return result;
}

function abortError(): Error {
  const e = new Error(modelMessage.interrupted('LogisticRegression.fit'));
  e.name = 'AbortError';
  return e;
}
