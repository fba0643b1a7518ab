/**
 * The logistic-regression objectives scikit-learn's lbfgs solver minimises, with their gradients,
 * in one pass over the rows:  Σᵢ swᵢ·lossᵢ + ½·l2·‖W‖²  (the intercept is not penalised).
 * Rows are processed four at a time so each weight load serves four dot products and each
 * gradient load/store four updates: this is where a fit spends its time (see bench/linear.bench.ts).
 */

/** Parameters and data of one objective; `w`/`grad` are laid out [weights…, intercepts…]. */
export interface LossProblem {
  /** Row-major n × d features. */
  x: Float64Array;
  n: number;
  d: number;
  /** Per-row weights (sample weight × class weight). */
  sw: Float64Array;
  l2: number;
  fitIntercept: boolean;
}

/**
 * Binary log loss (HalfBinomialLoss): lossᵢ = log(1 + e^zᵢ) − yᵢ·zᵢ with zᵢ = xᵢ·w + b, y ∈ {0, 1}.
 * Writes the gradient into `grad` and returns the objective.
 *
 * @example
 * const f = binaryLossGradient({ x, n, d, sw, l2: 1 / C, fitIntercept: true }, y01, w, grad);
 */
export function binaryLossGradient(p: LossProblem, y: Float64Array, w: Float64Array, grad: Float64Array): number {
  const { x, n, d, sw } = p;
  const b = p.fitIntercept ? w[d] : 0;
  grad.fill(0);
  // loss[0]: Σ sᵢ(max(zᵢ, 0) − yᵢzᵢ); loss[1]: running product of (1 + e^−|zᵢ|); loss[2]: Σ sᵢ·log1p(…)
  // when weights vary. With uniform weights one log per 512 rows replaces a log1p per row (the
  // product stays below 2^512; its rounding adds ≈1e-16 relative to the loss).
  const uniform = isUniform(sw);
  const loss = Float64Array.of(0, 1, 0);
  let gb = 0;
  const dEven = d & ~1;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const o0 = i * d;
    const o1 = o0 + d;
    const o2 = o1 + d;
    const o3 = o2 + d;
    // Two accumulators per row (even and odd features) shorten the add dependency chains.
    let z0 = b;
    let z1 = b;
    let z2 = b;
    let z3 = b;
    let u0 = 0;
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    let j = 0;
    for (; j < dEven; j += 2) {
      const wj = w[j];
      const wk = w[j + 1];
      z0 += x[o0 + j] * wj;
      z1 += x[o1 + j] * wj;
      z2 += x[o2 + j] * wj;
      z3 += x[o3 + j] * wj;
      u0 += x[o0 + j + 1] * wk;
      u1 += x[o1 + j + 1] * wk;
      u2 += x[o2 + j + 1] * wk;
      u3 += x[o3 + j + 1] * wk;
    }
    if (j < d) {
      const wj = w[j];
      z0 += x[o0 + j] * wj;
      z1 += x[o1 + j] * wj;
      z2 += x[o2 + j] * wj;
      z3 += x[o3 + j] * wj;
    }
    z0 += u0;
    z1 += u1;
    z2 += u2;
    z3 += u3;
    const r0 = binaryResidual(z0, y[i], sw[i], loss, uniform);
    const r1 = binaryResidual(z1, y[i + 1], sw[i + 1], loss, uniform);
    const r2 = binaryResidual(z2, y[i + 2], sw[i + 2], loss, uniform);
    const r3 = binaryResidual(z3, y[i + 3], sw[i + 3], loss, uniform);
    if ((i & 511) === 508) flushProduct(loss);
    gb += r0 + r1 + r2 + r3;
    for (let j = 0; j < d; j++) grad[j] += r0 * x[o0 + j] + r1 * x[o1 + j] + r2 * x[o2 + j] + r3 * x[o3 + j];
  }
  for (; i < n; i++) {
    const o = i * d;
    let z = b;
    for (let j = 0; j < d; j++) z += x[o + j] * w[j];
    const r = binaryResidual(z, y[i], sw[i], loss, uniform);
    gb += r;
    for (let j = 0; j < d; j++) grad[j] += r * x[o + j];
  }
  const penalty = addL2Penalty(w, grad, d, p.l2);
  if (p.fitIntercept) grad[d] = gb;
  flushProduct(loss);
  return loss[0] + (uniform ? sw[0] * loss[2] : loss[2]) + penalty;
}

/**
 * Multinomial log loss (HalfMultinomialLoss) over K classes: lossᵢ = logΣₖ e^zᵢₖ − zᵢ,yᵢ with
 * zᵢₖ = xᵢ·Wₖ + bₖ; W is K × d row-major, then the K intercepts. `scratch` holds ≥ K values.
 *
 * @example
 * const f = multinomialLossGradient(problem, 3, codes, w, grad, new Float64Array(3));
 */
export function multinomialLossGradient(p: LossProblem, k: number, codes: Int32Array, w: Float64Array, grad: Float64Array, scratch: Float64Array): number {
  const { x, n, d, sw } = p;
  const off = k * d;
  grad.fill(0);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      let z = p.fitIntercept ? w[off + c] : 0;
      const wc = c * d;
      for (let j = 0; j < d; j++) z += x[o + j] * w[wc + j];
      scratch[c] = z;
      if (z > max) max = z;
    }
    const yi = codes[i];
    const zy = scratch[yi];
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(scratch[c] - max);
      scratch[c] = e;
      sum += e;
    }
    const s = sw[i];
    loss += s * (Math.log(sum) + max - zy);
    for (let c = 0; c < k; c++) {
      const r = s * (scratch[c] / sum - (c === yi ? 1 : 0));
      const wc = c * d;
      for (let j = 0; j < d; j++) grad[wc + j] += r * x[o + j];
      if (p.fitIntercept) grad[off + c] += r;
    }
  }
  const penalty = addL2Penalty(w, grad, off, p.l2);
  return loss + penalty;
}

/**
 * 1 / (1 + e^−z) without overflow.
 *
 * @example
 * sigmoid(0) // 0.5
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Accumulates s·(log(1 + e^z) − y·z) (see binaryLossGradient for the layout of `loss`) and
 * returns s·(σ(z) − y), sharing one exp between the two and never overflowing.
 */
/**
 * One row of the binary objective: adds its loss to `loss` (see binaryLossGradient) and returns
 * its residual sᵢ(σ(zᵢ) − yᵢ).
 *
 * @example
 * const r = binaryResidual(z, 1, 1, loss, true);
 */
export function binaryResidual(z: number, y: number, s: number, loss: Float64Array, uniform: boolean): number {
  return binaryResidualFromExp(z, Math.exp(-Math.abs(z)), y, s, loss, uniform);
}

/**
 * `binaryResidual` given e = e^−|z| (computed elsewhere, e.g. vectorised in WebAssembly).
 *
 * @example
 * const r = binaryResidualFromExp(z, Math.exp(-Math.abs(z)), 1, 1, loss, true);
 */
export function binaryResidualFromExp(z: number, e: number, y: number, s: number, loss: Float64Array, uniform: boolean): number {
  const u = 1 + e;
  loss[0] += s * ((z > 0 ? z : 0) - y * z);
  if (uniform) loss[1] *= u;
  else loss[2] += s * Math.log1p(e);
  const q = 1 / u;
  return s * ((z >= 0 ? q : e * q) - y);
}

/**
 * The L2 term ½·l2·Σ wⱼ² over the first `count` weights (the intercepts after them are not
 * penalised), with its gradient l2·wⱼ added to `grad`.
 *
 * @example
 * const penalty = addL2Penalty(w, grad, d, 1 / C);
 */
export function addL2Penalty(w: Float64Array, grad: Float64Array, count: number, l2: number): number {
  let sum = 0;
  for (let j = 0; j < count; j++) {
    sum += w[j] * w[j];
    grad[j] += l2 * w[j];
  }
  return 0.5 * l2 * sum;
}

/**
 * Moves the running product of (1 + e^−|z|) into the log sum.
 *
 * @example
 * flushProduct(loss) // loss[2] += log(loss[1]); loss[1] = 1
 */
export function flushProduct(loss: Float64Array): void {
  loss[2] += Math.log(loss[1]);
  loss[1] = 1;
}

/**
 * True when every weight is the same (then Σ s·log uᵢ = s·log Π uᵢ).
 *
 * @example
 * isUniform(Float64Array.of(1, 1)) // true
 */
export function isUniform(sw: Float64Array): boolean {
  const s0 = sw[0];
  for (let i = 1; i < sw.length; i++) if (sw[i] !== s0) return false;
  return true;
}
