import type { RowKernels } from '../../linalg/rowKernels';
import { addL2Penalty, binaryResidualFromExp, flushProduct, isUniform, type LossProblem } from './logisticLoss';

/** Rows per chunk: 512 rows × 32 features × 8 bytes = 128 KB of X stays in L2 between the two passes. */
const CHUNK = 512;

/**
 * The multinomial objective of logisticLoss.ts computed with RowKernels: the two dense passes
 * (scores X·Wᵀ and gradient Rᵀ·X) run in WebAssembly SIMD, chunk by chunk so each chunk of X is
 * still in cache for the second pass; the per-row softmax stays here. Same formula, same sklearn
 * scaling. `intercepts` holds K values of scratch.
 *
 * @example
 * const f = multinomialLossGradientKernels(createRowKernels(x, 3), problem, 3, codes, w, grad, new Float64Array(3));
 */
export function multinomialLossGradientKernels(kernels: RowKernels, p: LossProblem, k: number, codes: Int32Array, w: Float64Array, grad: Float64Array, intercepts: Float64Array): number {
  const { n, d, sw } = p;
  const off = k * d;
  for (let c = 0; c < k; c++) intercepts[c] = p.fitIntercept ? w[off + c] : 0;
  const r = kernels.residuals(k);
  grad.fill(0);
  let loss = 0;
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const z = kernels.scores(w, intercepts, k, from, to);
    loss += softmaxResiduals(z, r, from, to, k, codes, sw, p.fitIntercept ? grad : undefined, off);
    kernels.gradient(k, grad, from, to);
  }
  const penalty = addL2Penalty(w, grad, off, p.l2);
  return loss + penalty;
}

/** Rows from…to: the weighted softmax loss, residuals sᵢ(pᵢ − onehot(yᵢ)) into r, intercept gradients. */
function softmaxResiduals(z: Float64Array, r: Float64Array, from: number, to: number, k: number, codes: Int32Array, sw: Float64Array, grad: Float64Array | undefined, off: number): number {
  let loss = 0;
  for (let i = from; i < to; i++) {
    const o = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) if (z[o + c] > max) max = z[o + c];
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(z[o + c] - max);
      r[o + c] = e;
      sum += e;
    }
    const yi = codes[i];
    const s = sw[i];
    loss += s * (Math.log(sum) + max - z[o + yi]);
    for (let c = 0; c < k; c++) {
      const rc = s * (r[o + c] / sum - (c === yi ? 1 : 0));
      r[o + c] = rc;
      if (grad) grad[off + c] += rc;
    }
  }
  return loss;
}

/**
 * The binary objective of logisticLoss.ts (same formula, same per-row arithmetic) with the two
 * dense passes and the exponentials in WebAssembly SIMD, chunk by chunk (bench/linear.bench.ts).
 * `intercept` holds one value of scratch.
 *
 * @example
 * const f = binaryLossGradientKernels(createRowKernels(x, 1), problem, y01, w, grad, new Float64Array(1));
 */
export function binaryLossGradientKernels(kernels: RowKernels, p: LossProblem, y: Float64Array, w: Float64Array, grad: Float64Array, intercept: Float64Array): number {
  const { n, d, sw } = p;
  intercept[0] = p.fitIntercept ? w[d] : 0;
  const uniform = isUniform(sw);
  if (uniform && kernels.binaryUniform) {
    // Every per-row step in WebAssembly: one call per evaluation.
    grad.fill(0);
    const parts = kernels.binaryUniform(y, w, intercept[0], sw[0], grad);
    const penalty = addL2Penalty(w, grad, d, p.l2);
    if (p.fitIntercept) grad[d] = parts.interceptGrad;
    return sw[0] * (parts.base + parts.logSum) + penalty;
  }
  const r = kernels.residuals(1);
  // loss[0]: Σ sᵢ(max(zᵢ, 0) − yᵢzᵢ); loss[1]: product of (1 + e^−|zᵢ|) over ≤ 512 rows; loss[2]: the log terms.
  const loss = Float64Array.of(0, 1, 0);
  let gb = 0;
  grad.fill(0);
  for (let from = 0; from < n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK);
    const z = kernels.scores(w, intercept, 1, from, to);
    const e = kernels.expNegAbs(from, to);
    for (let i = from; i < to; i++) {
      const ri = binaryResidualFromExp(z[i], e[i], y[i], sw[i], loss, uniform);
      r[i] = ri;
      gb += ri;
    }
    flushProduct(loss);
    kernels.gradient(1, grad, from, to);
  }
  const penalty = addL2Penalty(w, grad, d, p.l2);
  if (p.fitIntercept) grad[d] = gb;
  return loss[0] + (uniform ? sw[0] * loss[2] : loss[2]) + penalty;
}
