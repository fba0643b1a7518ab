import { checkInteger } from '../args/checkInteger';
import { linalgMessage } from './messages';
/**
 * Limited-memory BFGS with a strong-Wolfe line search, stopping like scipy's L-BFGS-B (which
 * scikit-learn's `solver='lbfgs'` uses): on the largest gradient component (`gtol`) or on the
 * relative decrease of the objective (`ftol`), or after `maxIter` iterations.
 *
 * `converged` is reported against the gradient, not just the stop reason: a stop on `gtol` is
 * converged; a stop because the objective no longer decreases (`ftol`, or a line search that
 * cannot lower it) is converged only when the quasi-Newton model also says the remaining
 * decrease to the minimum, ½·gᵀH⁻¹g, is within ftol (relative; after a failed line search, within
 * f's rounding noise, 1e3 ulp, if that is larger) — on badly scaled problems the last step's
 * decrease can be tiny while the gradient is still far above gtol.
 */

/** Writes the gradient at x into `grad` and returns the objective at x. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Iteration limit (scipy `maxiter`). Default 100. */
  maxIter?: number;
  /** Stop when max |∇f| ≤ gtol (scipy `gtol`). Default 1e-5. */
  gtol?: number;
  /** Stop when (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol. Default 2.22e-9 (scipy's factr 1e7 · eps). */
  ftol?: number;
  /** Number of correction pairs kept (scipy `maxcor`). Default 10. */
  memory?: number;
  /** Function evaluations allowed per line search (scipy `maxls`). Default 20. */
  maxLineSearch?: number;
  /** Called after each iteration; return true to stop (e.g. on interrupt). */
  onIteration?: (iteration: number, f: number, gradMax: number) => boolean | void;
}

export type LbfgsStop = 'gtol' | 'ftol' | 'maxIter' | 'lineSearch' | 'stopped';

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  grad: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  stop: LbfgsStop;
  /** max |∇f| at x. */
  gradMax: number;
  /** The quasi-Newton estimate ½·gᵀH⁻¹g of how much lower the minimum is than f. */
  remainingDecrease: number;
}

const EPS = 2.220446049250313e-16;
const C1 = 1e-3;
const C2 = 0.9;

/**
 * Minimises a smooth function from `x0` (not modified).
 *
 * @example
 * const r = minimizeLbfgs((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, new Float64Array([0]));
 * r.x[0] // ≈ 3
 */
export function minimizeLbfgs(fg: ObjectiveWithGradient, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const maxIter = options.maxIter ?? 100;
  const gtol = options.gtol ?? 1e-5;
  const ftol = options.ftol ?? 2.220446049250313e-9;
  const memory = options.memory ?? 10;
  const maxLs = options.maxLineSearch ?? 20;
  checkInteger('minimizeLbfgs', 'maxIter', maxIter, 0);
  if (!(gtol >= 0) || !(ftol >= 0)) throw new RangeError(linalgMessage.notAtLeastZero('minimizeLbfgs', 'gtol and ftol', `${gtol}, ${ftol}`));
  checkInteger('minimizeLbfgs', 'memory', memory, 1);
  return _minimizeLbfgs(fg, x0, { maxIter, gtol, ftol, memory, maxLs, onIteration: options.onIteration });
}

interface Settings {
  maxIter: number;
  gtol: number;
  ftol: number;
  memory: number;
  maxLs: number;
  onIteration: LbfgsOptions['onIteration'];
}

function _minimizeLbfgs(fg: ObjectiveWithGradient, x0: Float64Array, o: Settings): LbfgsResult {
  const p = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(p);
  let f = fg(x, g);
  let evaluations = 1;
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alphaBuf = new Float64Array(o.memory);
  const d = new Float64Array(p);
  let xNew = new Float64Array(p);
  let gNew = new Float64Array(p);
  const done = (iterations: number, stop: LbfgsStop): LbfgsResult => {
    const gradMax = maxAbs(g);
    twoLoop(g, S, Y, rho, alphaBuf, d);
    // ½·gᵀH⁻¹g; without curvature pairs (or if H lost definiteness) the steepest-descent bound ½·‖g‖²·(unit step).
    const model = -0.5 * dot(g, d);
    const remainingDecrease = model > 0 ? model : 0.5 * dot(g, g);
    // A failed line search has shown f cannot be lowered: there the remaining decrease may also be
    // at f's rounding noise (a sum over many terms is only good to ~1e3 ulp).
    const within = (stop === 'lineSearch' ? Math.max(o.ftol, 1e3 * EPS) : o.ftol) * Math.max(Math.abs(f), 1);
    const flat = (stop === 'ftol' || stop === 'lineSearch') && remainingDecrease <= within;
    return { x, f, grad: g, iterations, evaluations, converged: gradMax <= o.gtol || flat, stop, gradMax, remainingDecrease };
  };
  if (maxAbs(g) <= o.gtol) return done(0, 'gtol');
  for (let iter = 1; iter <= o.maxIter; iter++) {
    twoLoop(g, S, Y, rho, alphaBuf, d);
    let dg = dot(g, d);
    if (!(dg < 0)) {
      // Not a descent direction (lost curvature information): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < p; i++) d[i] = -g[i];
      dg = dot(g, d);
    }
    const alpha0 = S.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
    const ls = lineSearch(fg, x, f, dg, d, alpha0, xNew, gNew, o.maxLs);
    evaluations += ls.evaluations;
    if (!ls.ok) return done(iter - 1, 'lineSearch');
    const fOld = f;
    const s = new Float64Array(p);
    const y = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = ls.f;
    const sy = dot(s, y);
    if (sy > 2.220446049250313e-16 * dot(y, y)) {
      if (S.length === o.memory) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const gmax = maxAbs(g);
    if (o.onIteration?.(iter, f, gmax)) return done(iter, 'stopped');
    if ((fOld - f) / Math.max(Math.abs(fOld), Math.abs(f), 1) <= o.ftol) return done(iter, 'ftol');
    if (gmax <= o.gtol) return done(iter, 'gtol');
  }
  return done(o.maxIter, 'maxIter');
}

/** d = −H·g with H the L-BFGS inverse-Hessian approximation (two-loop recursion). */
function twoLoop(g: Float64Array, S: Float64Array[], Y: Float64Array[], rho: number[], alpha: Float64Array, d: Float64Array): void {
  const p = g.length;
  for (let i = 0; i < p; i++) d[i] = -g[i];
  const k = S.length;
  for (let j = k - 1; j >= 0; j--) {
    const a = rho[j] * dot(S[j], d);
    alpha[j] = a;
    axpy(-a, Y[j], d);
  }
  if (k > 0) {
    const gamma = dot(S[k - 1], Y[k - 1]) / dot(Y[k - 1], Y[k - 1]);
    for (let i = 0; i < p; i++) d[i] *= gamma;
  }
  for (let j = 0; j < k; j++) {
    const b = rho[j] * dot(Y[j], d);
    axpy(alpha[j] - b, S[j], d);
  }
}

interface LineSearchResult {
  ok: boolean;
  f: number;
  evaluations: number;
}

/**
 * Strong-Wolfe line search (Nocedal & Wright, algorithms 3.5–3.6, cubic interpolation). On
 * success xNew/gNew hold the accepted point and its gradient.
 */
function lineSearch(fg: ObjectiveWithGradient, x: Float64Array, f0: number, dg0: number, d: Float64Array, alpha0: number, xNew: Float64Array, gNew: Float64Array, maxLs: number): LineSearchResult {
  let evaluations = 0;
  const at = (alpha: number): { f: number; dg: number } => {
    for (let i = 0; i < x.length; i++) xNew[i] = x[i] + alpha * d[i];
    const f = fg(xNew, gNew);
    evaluations++;
    return { f, dg: dot(gNew, d) };
  };
  const armijo = (alpha: number, f: number) => f <= f0 + C1 * alpha * dg0;
  const curvature = (dg: number) => Math.abs(dg) <= -C2 * dg0;
  let lo = { a: 0, f: f0, dg: dg0 };
  let alpha = alpha0;
  let hi: { a: number; f: number; dg: number } | undefined;
  while (evaluations < maxLs) {
    const e = at(alpha);
    if (!Number.isFinite(e.f) || !armijo(alpha, e.f) || (evaluations > 1 && e.f >= lo.f)) {
      hi = { a: alpha, f: e.f, dg: e.dg };
      break;
    }
    if (curvature(e.dg)) return { ok: true, f: e.f, evaluations };
    if (e.dg >= 0) {
      hi = lo;
      lo = { a: alpha, f: e.f, dg: e.dg };
      break;
    }
    lo = { a: alpha, f: e.f, dg: e.dg };
    alpha *= 4;
  }
  if (!hi) return finish(lo);
  // Zoom between lo (satisfies Armijo, lowest f) and hi.
  while (evaluations < maxLs) {
    const a = interpolate(lo, hi);
    const e = at(a);
    if (!Number.isFinite(e.f) || !armijo(a, e.f) || e.f >= lo.f) {
      hi = { a, f: e.f, dg: e.dg };
    } else {
      if (curvature(e.dg)) return { ok: true, f: e.f, evaluations };
      if (e.dg * (hi.a - lo.a) >= 0) hi = lo;
      lo = { a, f: e.f, dg: e.dg };
    }
    if (Math.abs(hi.a - lo.a) <= 1e-12 * Math.max(1, Math.abs(lo.a))) break;
  }
  return finish(lo);

  /** Out of evaluations: accept the best Armijo point, if it decreased f at all. */
  function finish(best: { a: number; f: number }): LineSearchResult {
    if (best.a === 0 || !(best.f < f0)) return { ok: false, f: f0, evaluations };
    const e = at(best.a);
    return { ok: true, f: e.f, evaluations };
  }
}

/** Minimiser of the cubic through (lo, hi) with their slopes, kept inside the middle 80 %. */
function interpolate(lo: { a: number; f: number; dg: number }, hi: { a: number; f: number; dg: number }): number {
  const left = Math.min(lo.a, hi.a);
  const right = Math.max(lo.a, hi.a);
  const width = right - left;
  let a = NaN;
  if (Number.isFinite(hi.f)) {
    const d1 = lo.dg + hi.dg - (3 * (lo.f - hi.f)) / (lo.a - hi.a);
    const disc = d1 * d1 - lo.dg * hi.dg;
    if (disc >= 0) {
      const d2 = Math.sign(hi.a - lo.a) * Math.sqrt(disc);
      a = hi.a - ((hi.a - lo.a) * (hi.dg + d2 - d1)) / (hi.dg - lo.dg + 2 * d2);
    }
  }
  if (!Number.isFinite(a) || a < left + 0.1 * width || a > right - 0.1 * width) a = (lo.a + hi.a) / 2;
  return a;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}
